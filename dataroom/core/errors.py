"""Typed errors a user can cause, each with a message fit to show (GUI dialog or one CLI line).

Messages never contain keys, passphrases or decrypted personal data.
"""

from __future__ import annotations

import errno


class DataroomError(Exception):
    """Base of every error the user can cause; ``str(err)`` is the message to show."""

    #: Stable machine-readable code (used by the GUI to pick a translated message).
    code = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(DataroomError):
    """A file or value given by the user cannot be used (bad CSV, unknown column, ...)."""

    code = "input"


class NotFound(DataroomError):
    """A named object (dataset, user, policy, ...) does not exist."""

    code = "not-found"


class PermissionDenied(DataroomError):
    """The acting user's role does not allow the action."""

    code = "permission"


class Cancelled(DataroomError):
    """A long operation was cancelled by the user; nothing was changed."""

    code = "cancelled"


class DiskFull(DataroomError):
    """Writing to disk failed: no space left, a quota, or a file-size limit (or the drive failed)."""

    code = "disk-full"


_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EDQUOT})
# What SQLite reports when a write fails: SQLITE_FULL, and SQLITE_IOERR (a write past a file-size limit).
_SQLITE_WRITE_FAILURES = ("database or disk is full", "disk I/O error")


def storage_error(exc: BaseException) -> DiskFull | None:
    """The error in words for ``exc`` when it is a failed write to disk, else ``None``.

    Such failures surface as an ``OSError`` from file writes or as a SQLite error from the vault; either way a vault
    write was rolled back and an output file was not put in place.
    """
    if isinstance(exc, OSError) and exc.errno in _FULL_ERRNOS:
        where = f" ({exc.filename})" if exc.filename else ""
        return DiskFull(
            f"The disk is full, or a file grew past the size allowed{where}. Nothing half-done was kept: "
            "free some space and try again."
        )
    if type(exc).__name__ in ("OperationalError", "DatabaseError") and str(exc) in _SQLITE_WRITE_FAILURES:
        return DiskFull(
            "Writing failed: the disk is full or could not be written. The vault keeps its last committed state "
            "and no partial file was kept: free some space and try again."
        )
    return None
