"""The redacted export on several CPU cores.

Redacting is CPU-bound Python (HMAC pseudonyms, masks, CSV text or worksheet XML) and CPython runs it on one core
per process, so a big export hands its chunks (:mod:`dataroom.core.redaction.export_chunks`) round-robin to ``n``
worker processes, one per core: chunk ``k`` is made by worker ``k mod n``. The caller only writes and hashes the
chunks in order as they come (for a workbook it also compresses them). It used to redact its share as well, but
writing and hashing every byte made it the slowest of the processes and the others waited on it (1 M rows on 2
cores, medians of 7 interleaved runs: 5.75 s with the caller redacting, 5.0 s without). A worker stays at most
about one chunk ahead (its pipe holds a megabyte), so memory stays bounded.

A worker opens the vault database itself, read-only, with the vault key and the policy's pseudonym key handed
over through its stdin pipe (:mod:`dataroom.core.workers`), and binds the policy exactly as the caller does
(:func:`~dataroom.core.redaction.binding.bind_policy`: same keys, same consent registry, same column types). What
it sends back is the chunk's part of the export file (CSV records or worksheet rows), through its stdout pipe.
Nothing is written to disk but the export.

What a chunk is made into is the job's :class:`ChunkMaker`: the export file's records
(:class:`~dataroom.core.redaction.export_chunks.FileChunks`) or a transfer packet's payload
(:class:`~dataroom.core.transfer.payload_chunks.PayloadChunks`, which also places the recipient's canary rows and
samples their tokens). Either runs the same in a worker or in the caller.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Protocol

from dataroom.core import workers
from dataroom.core.cancel import CancelToken, Progress
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.redaction.binding import bind_policy
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export_chunks import Chunking, FileChunks, Made
from dataroom.core.redaction.policy import Policy
from dataroom.core.vault.connection import open_connection

#: Smaller exports run in the calling process: a worker takes about 0.2 s to start and unlock.
PARALLEL_MIN_ROWS = 200_000
#: Worker processes at most; the caller, which reads and writes every byte they make, is the limit beyond this.
MAX_WORKERS = 4
_CHUNK, _EXTRA = 1, 2


@dataclass(frozen=True)
class VaultReader:
    """What a worker needs to read the vault and redact as the caller does (``policy`` ``None``: the rows as
    stored, for a full packet)."""

    db: Path
    key: bytes = field(repr=False)
    policy: Policy | None
    pseudonym_key: bytes = field(repr=False)


class ChunkMaker(Protocol):
    """Makes chunk ``number`` of dataset ``info``'s rows into bytes; picklable, so a worker can run it too."""

    info: DatasetInfo
    chunking: Chunking

    def make(self, conn: Any, compiled: CompiledPolicy | None, number: int) -> Made: ...


@dataclass(frozen=True)
class _Job:
    reader: VaultReader
    maker: ChunkMaker
    first: int
    step: int


@dataclass
class ChunkCounts:
    """Rows written, and rows blanked or dropped by the suppression rule, so far."""

    rows: int = 0
    blanked: int = 0
    dropped: int = 0

    def add(self, rows: int, blanked: int, dropped: int) -> None:
        self.rows += rows
        self.blanked += blanked
        self.dropped += dropped


def worker_count(rows: int) -> int:
    """How many worker processes export ``rows`` rows: one per core, or none (the caller redacts alone) for a
    small export or a single core."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 0 if rows < PARALLEL_MIN_ROWS or cpus < 2 else min(cpus, MAX_WORKERS)


def made_chunks(
    conn: Any,
    maker: ChunkMaker,
    compiled: CompiledPolicy | None,
    *,
    reader: VaultReader | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> Iterator[Made]:
    """Every chunk of ``maker`` in row order; with a ``reader``, big datasets are made by worker processes that
    bind ``reader.policy`` as ``compiled`` was bound."""
    chunking = maker.chunking
    count = worker_count(maker.info.row_count) if reader is not None else 0
    helpers: list[workers.Worker] = []
    try:
        for first in range(count):
            helper = workers.Worker(__name__)
            helpers.append(helper)
            helper.order(_Job(reader, maker, first, count))  # type: ignore[arg-type]
        for number in range(chunking.count):
            if cancel is not None:
                cancel.check()
            made = _received(helpers[number % count]) if helpers else maker.make(conn, compiled, number)
            progress(chunking.done(number), chunking.top)
            yield made
    finally:
        for helper in helpers:
            helper.close()


def export_chunks(
    conn: Any,
    info: DatasetInfo,
    compiled: CompiledPolicy,
    fmt: str,
    encoding: str,
    counts: ChunkCounts,
    *,
    reader: VaultReader | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> Iterator[tuple[bytes, int]]:
    """Every chunk of the export file in ``fmt`` (see :class:`FileChunks`) with its row count, in row order."""
    maker = FileChunks(info, Chunking.of(conn, info), fmt, encoding)
    for made in made_chunks(conn, maker, compiled, reader=reader, progress=progress, cancel=cancel):
        counts.add(*made.tally)
        yield made.data, made.tally[0]


def _received(helper: workers.Worker) -> Made:
    _, (rows, blanked, dropped, more), data = helper.receive()
    # What else the maker reported comes as a message of its own: the chunk's bytes are used as they arrived.
    return Made(data, (rows, blanked, dropped), pickle.loads(helper.receive()[2]) if more else None)


def _work(orders: IO[bytes], out: IO[bytes]) -> None:
    job: _Job = workers.next_order(orders)
    conn = open_connection(job.reader.db, job.reader.key)
    try:
        conn.execute("PRAGMA query_only = ON")
        policy = job.reader.policy
        compiled = None if policy is None else bind_policy(
            conn, job.maker.info, policy, pseudonym_key=job.reader.pseudonym_key)  # fmt: skip
        for number in range(job.first, job.maker.chunking.count, job.step):
            made = job.maker.make(conn, compiled, number)
            workers.send(out, _CHUNK, made.data, *made.tally, made.extra is not None)
            if made.extra is not None:
                workers.send(out, _EXTRA, pickle.dumps(made.extra))
    finally:
        conn.close()


def child_main() -> None:
    """A worker: make the chunks of the job in the first order and send their bytes."""
    workers.serve(_work)


if __name__ == "__main__":
    child_main()
