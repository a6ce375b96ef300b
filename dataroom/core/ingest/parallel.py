"""Reading a big table file on a second CPU core while the caller inserts the rows already read.

An import is two CPU-bound halves: parsing the file (decoding, CSV or XML) and SQLite taking the rows (binding,
B-tree, SQLCipher's page encryption). In one interpreter they cannot overlap: both need the GIL, and a reader
thread takes it every time ``sqlite3_step`` lets it go, so the two take turns (measured: slower than no thread).
:class:`ParallelTableReader` therefore runs :class:`~dataroom.core.ingest.table.TableReader` in a child process
and hands the caller the same header, warnings and batches.

Why batches travel as text: the child joins each batch's values with NUL into one UTF-8 string (for plain stretches
of a CSV file straight from the file's text, :meth:`TableReader.joined_batches`), and the parent turns it back
into values with ``decode`` and ``split`` — two C calls per batch, 3–5 × cheaper than unpickling 5,000 rows of
lists; the importer binds them as they are (:func:`~dataroom.core.datasets.store.insert_values`). NUL can separate
values because the CSV reader refuses any NUL in a file.
The pipe is widened to 1 MiB where the OS allows, so the child can read ahead while the parent inserts.

The rows travel through a pipe (:mod:`dataroom.core.workers`), never through a file. The child reads the same
source file the parent would have read; it is stopped when the reader is closed, and exits when the parent dies.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import IO

from dataroom.core import workers
from dataroom.core.ingest.table import SEPARATOR, IngestWarning, SourceFormat, TableReader

#: Files at least this big are read in a child process; below it, starting one costs more than it saves.
PARALLEL_MIN_BYTES = 8 * 1024 * 1024

_HEADER, _ROWS, _END = 1, 2, 3


def use_parallel(path: Path, fmt: SourceFormat) -> bool:
    """Whether :class:`ParallelTableReader` pays for ``path``: a text table big enough to amortise the child."""
    try:
        return fmt.kind == "csv" and Path(path).stat().st_size >= PARALLEL_MIN_BYTES
    except OSError:
        return False


class ParallelTableReader:
    """:class:`TableReader`'s interface, with the reading done by a child process; a context manager.

    Rows come as tuples of text rather than lists. ``warnings`` is complete after the last batch.

    Raises:
        InputError: whatever :class:`TableReader` raises, re-raised in this process;
            :class:`~dataroom.core.workers.WorkerStopped` if the child dies.
    """

    header: list[str]
    source_header: list[str]
    warnings: list[IngestWarning]

    def __init__(self, path: Path, fmt: SourceFormat) -> None:
        self._worker = workers.Worker(__name__)
        self._progress = (0, 0)
        self._sha256 = ""
        self.warnings = []
        try:
            self._worker.order((Path(path), fmt))
            self.header, self.source_header = pickle.loads(self._worker.receive()[2])
        except BaseException:
            self.close()
            raise

    @property
    def progress(self) -> tuple[int, int]:
        """(units done, units total) as of the last batch handed out."""
        return self._progress

    def batches(self, size: int = 5000) -> Iterator[list[tuple[str, ...]]]:
        """Data rows in lists of tuples of ``len(header)`` values (see :meth:`flat_batches` for the sizes)."""
        width = len(self.header)
        for values, _ in self.flat_batches(size):
            yield list(zip(*[iter(values)] * width, strict=False))

    def flat_batches(self, size: int = 5000) -> Iterator[tuple[list[str], int]]:
        """Data rows as (their values one row after another, the row count): up to ``size`` rows a batch, or as many
        as one block of a plain CSV file holds (see :meth:`TableReader.joined_batches`)."""
        if size < 1:
            raise ValueError("batch size must be positive")
        self._worker.order(size)
        width = len(self.header)
        while True:
            kind, (done, total, rows, _), payload = self._worker.receive()
            if kind == _END:
                self.warnings[:], self._sha256 = pickle.loads(payload)
                return
            self._progress = (done, total)
            values = str(payload, "utf-8").split(SEPARATOR)
            if len(values) != rows * width:
                raise workers.WorkerStopped("The process reading the file sent a damaged batch; nothing was imported.")
            yield values, rows

    def source_sha256(self) -> str:
        """The SHA-256 of the whole file, which the child computed while reading (known after the last batch)."""
        if not self._sha256:
            raise RuntimeError("the file's SHA-256 is known once every batch has been read")
        return self._sha256

    def close(self) -> None:
        """Stop the child (if still reading) and release the pipes."""
        self._worker.close()

    def __enter__(self) -> ParallelTableReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _read(orders: IO[bytes], out: IO[bytes]) -> None:
    path, fmt = workers.next_order(orders)
    # The file is hashed in step with parsing, in this thread: a hashing thread competed with both processes for
    # the two cores of a small laptop (measured 0.3–0.5 s slower on 1 M rows).
    digest = hashlib.sha256()
    with open(path, "rb") as raw, TableReader(path, fmt) as reader:
        workers.send(out, _HEADER, pickle.dumps((reader.header, reader.source_header)))
        for joined, rows in reader.joined_batches(workers.next_order(orders)):
            done, total = reader.progress
            workers.send(out, _ROWS, joined, done, total, rows)
            digest.update(raw.read(done - raw.tell()))
        while chunk := raw.read(1 << 20):
            digest.update(chunk)
        workers.send(out, _END, pickle.dumps((reader.warnings, digest.hexdigest())))


def child_main() -> None:
    """The child: read the file named in the first order and send header, batches, warnings, or the error."""
    workers.serve(_read)


if __name__ == "__main__":
    child_main()
