"""Reading a big table file on a second CPU core while the caller inserts the rows already read.

An import is two CPU-bound halves: parsing the file (decoding, CSV or XML) and SQLite taking the rows (binding,
B-tree, SQLCipher's page encryption). In one interpreter they cannot overlap: both need the GIL, and a reader
thread takes it every time ``sqlite3_step`` lets it go, so the two take turns (measured: slower than no thread).
:class:`ParallelTableReader` therefore runs :class:`~dataroom.core.ingest.table.TableReader` in a child process
and hands the caller the same header, warnings and batches.

Why batches travel as text: the child joins each batch's values with NUL into one UTF-8 string, and the parent
turns it back into row tuples with ``decode``, ``split`` and ``zip`` — three C calls per batch, 3–5 × cheaper
than unpickling 5,000 rows of lists. NUL can separate values because the CSV reader refuses any NUL in a file.
The pipe is widened to 1 MiB where the OS allows, so the child can read ahead while the parent inserts.

The rows travel through a pipe, never through a file, so nothing of the table lands on disk outside the vault.
The child reads the same source file the parent would have read; it is stopped when the reader is closed, and it
exits on its own when the parent dies (its next write fails).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import struct
import subprocess
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from types import TracebackType
from typing import IO, Any

import dataroom

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.ingest.table import IngestWarning, SourceFormat, TableReader

#: Files at least this big are read in a child process; below it, starting one costs more than it saves.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024
#: The argument that makes the frozen bundle's executable run :func:`child_main` (see ``packaging/entry.py``).
FROZEN_FLAG = "--dataroom-table-reader"

_SEP = "\x00"
# Message: kind, units done, units total, rows, payload length; then the payload.
_HEAD = struct.Struct("<Bqqqq")
_ROWS, _END, _ERROR, _START = range(4)
#: Seconds to wait for a stopped child before killing it.
_STOP_TIMEOUT = 2.0
_PIPE_BYTES = 1 << 20


class ReaderStopped(InputError):
    """The reading process ended without saying why (killed, or out of memory)."""

    code = "reader-stopped"


def use_parallel(path: Path, fmt: SourceFormat) -> bool:
    """Whether :class:`ParallelTableReader` pays for ``path``: a text table big enough to amortise the child."""
    try:
        return fmt.kind == "csv" and Path(path).stat().st_size >= PARALLEL_MIN_BYTES
    except OSError:
        return False


def _child_command() -> list[str]:
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_FLAG]
    return [sys.executable, "-m", __name__]


class ParallelTableReader:
    """:class:`TableReader`'s interface, with the reading done by a child process; a context manager.

    Rows come as tuples of text rather than lists. ``warnings`` is complete after the last batch.

    Raises:
        InputError: whatever :class:`TableReader` raises, re-raised in this process; :class:`ReaderStopped` if
            the child dies.
    """

    header: list[str]
    source_header: list[str]
    warnings: list[IngestWarning]

    def __init__(self, path: Path, fmt: SourceFormat) -> None:
        # The child imports this package from where the parent did, whatever the working directory holds.
        package_root = str(Path(dataroom.__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))}
        self._process = subprocess.Popen(
            _child_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env
        )
        self._progress = (0, 0)
        self.warnings = []
        _widen_pipe(self._process.stdout)
        try:
            self._order((Path(path), fmt))
            _, (self.header, self.source_header) = self._receive()
        except BaseException:
            self.close()
            raise

    @property
    def progress(self) -> tuple[int, int]:
        """(units done, units total) as of the last batch handed out."""
        return self._progress

    def batches(self, size: int = 5000) -> Iterator[list[tuple[str, ...]]]:
        """Data rows in lists of up to ``size`` tuples of ``len(header)`` values."""
        if size < 1:
            raise ValueError("batch size must be positive")
        self._order(size)
        while True:
            kind, payload = self._receive()
            if kind == _END:
                self.warnings[:] = payload
                return
            yield payload

    def close(self) -> None:
        """Stop the child (if still reading) and release the pipes."""
        for pipe in (self._process.stdin, self._process.stdout):
            with contextlib.suppress(OSError):
                pipe.close()  # type: ignore[union-attr]
        try:
            self._process.wait(_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def __enter__(self) -> ParallelTableReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _order(self, message: object) -> None:
        try:
            _send(self._process.stdin, _START, 0, 0, 0, pickle.dumps(message))  # type: ignore[arg-type]
        except OSError:
            raise self._stopped() from None

    def _receive(self) -> tuple[int, Any]:
        stdout: IO[bytes] = self._process.stdout  # type: ignore[assignment]
        head = stdout.read(_HEAD.size)
        if len(head) < _HEAD.size:
            raise self._stopped()
        kind, done, total, rows, length = _HEAD.unpack(head)
        payload: Any = stdout.read(length)
        if len(payload) < length:
            raise self._stopped()
        if kind == _ROWS:
            self._progress = (done, total)
            values = str(payload, "utf-8").split(_SEP)
            if len(values) != rows * len(self.header):
                raise ReaderStopped("The process reading the file sent a damaged batch of rows; nothing was imported.")
            return kind, list(zip(*[iter(values)] * len(self.header), strict=False))
        payload = pickle.loads(payload)
        if kind == _ERROR:
            raise payload
        return kind, payload

    def _stopped(self) -> ReaderStopped:
        return ReaderStopped(
            "The process reading the file stopped unexpectedly (was it killed, or out of memory?). Nothing was "
            "imported."
        )


def _widen_pipe(pipe: IO[bytes] | None) -> None:
    """Let the child run up to a megabyte ahead: the default 64 KiB pipe made it wait on every batch."""
    set_size = getattr(fcntl, "F_SETPIPE_SZ", None) if fcntl else None
    if set_size is not None and pipe is not None:
        with contextlib.suppress(OSError):
            fcntl.fcntl(pipe.fileno(), set_size, _PIPE_BYTES)


def _send(out: IO[bytes], kind: int, done: int, total: int, rows: int, payload: bytes) -> None:
    out.write(_HEAD.pack(kind, done, total, rows, len(payload)))
    out.write(payload)
    out.flush()


def child_main() -> None:
    """The child: read the file named on stdin and send header, batches, warnings, or the error that stopped it."""
    orders, out = sys.stdin.buffer, sys.stdout.buffer
    with contextlib.suppress(OSError, EOFError, KeyboardInterrupt):  # the parent is gone: nobody to tell
        try:
            _read_into(orders, out)
        except (OSError, EOFError, KeyboardInterrupt):
            raise
        except DataroomError as exc:
            _send(out, _ERROR, 0, 0, 0, pickle.dumps(exc))
        except Exception as exc:  # anything else still reaches the user in words, not as a traceback
            error = InputError(f"Reading the file failed: {type(exc).__name__}.")
            _send(out, _ERROR, 0, 0, 0, pickle.dumps(error))


def _order(orders: IO[bytes]) -> Any:
    head = orders.read(_HEAD.size)
    if len(head) < _HEAD.size:
        raise EOFError
    return pickle.loads(orders.read(_HEAD.unpack(head)[4]))


def _read_into(orders: IO[bytes], out: IO[bytes]) -> None:
    path, fmt = _order(orders)
    with TableReader(path, fmt) as reader:
        _send(out, _START, 0, 0, 0, pickle.dumps((reader.header, reader.source_header)))
        size = _order(orders)
        for batch in reader.batches(size):
            done, total = reader.progress
            _send(out, _ROWS, done, total, len(batch), _SEP.join(chain.from_iterable(batch)).encode("utf-8"))
        _send(out, _END, 0, 0, 0, pickle.dumps(reader.warnings))


if __name__ == "__main__":
    child_main()
