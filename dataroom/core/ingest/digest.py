"""The SHA-256 of a source file, which the dataset record keeps: read in 1 MiB chunks, cancellable.

hashlib and file reads release the GIL for whole chunks, so hashing on a second thread overlaps the import's work.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dataroom.core.cancel import CancelToken

_CHUNK = 1 << 20


def file_sha256(path: Path, cancel: CancelToken | None = None) -> str:
    """SHA-256 of a file, read in 1 MiB chunks (checks ``cancel`` between chunks)."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            if cancel is not None:
                cancel.check()
            h.update(chunk)
    return h.hexdigest()
