"""Atomic, private file writes: temp file in the same directory, mode 0600 before any byte, fsync, rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO


@contextlib.contextmanager
def atomic_writer(path: Path, mode: int = 0o600) -> Iterator[BinaryIO]:
    """Yield a binary file that replaces ``path`` only if the block completes; otherwise nothing changes."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode) if hasattr(os, "fchmod") else os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def atomic_write(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Replace ``path`` with ``data`` atomically."""
    with atomic_writer(path, mode) as fh:
        fh.write(data)


def _fsync_dir(directory: Path) -> None:
    # Makes the rename itself durable on POSIX; directories cannot be opened this way on Windows.
    if os.name != "posix":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


_FLAGS = {"wb": os.O_WRONLY | os.O_CREAT | os.O_TRUNC, "a+b": os.O_RDWR | os.O_CREAT | os.O_APPEND}


def open_private(path: Path, mode: str = "wb") -> BinaryIO:
    """Open ``path`` (``"wb"`` or ``"a+b"``), creating it owner-only (0600) if it does not exist — for files that
    are written in place rather than atomically (a database SQLite opens, a lock, a part being extracted)."""
    return os.fdopen(os.open(path, _FLAGS[mode], 0o600), mode)
