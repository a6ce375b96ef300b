"""Typed errors a user can cause, each with a message fit to show (GUI dialog or one CLI line).

Messages never contain keys, passphrases or decrypted personal data.
"""

from __future__ import annotations


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
