"""Streaming a source table into the vault as one dataset, atomically.

The whole import is one write transaction (:meth:`~dataroom.core.vault.vault.Vault.bulk_transaction`: under a
rollback journal when no other connection is open, so the rows are written once): a cancel, an error or a killed
process leaves no trace of the dataset (SQLite rolls the transaction back, after ``kill -9`` too, from the WAL or
from the hot journal). Memory stays
bounded whatever the file size: rows go from the reader to SQLite batch by batch.

The source file's SHA-256 is computed on a second thread meanwhile (hashlib and file reads release the GIL for
whole chunks, so it overlaps). Parsing on a second thread does not pay: the insert loop releases the GIL around
every ``sqlite3_step`` and then waits to get it back from the parser, so the two end up taking turns (measured:
no gain on 1 M rows). Big files are therefore parsed in a child process (:mod:`dataroom.core.ingest.parallel`),
which also hashes them, off this process's core.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError
from dataroom.core.ingest.digest import file_sha256
from dataroom.core.ingest.parallel import ParallelTableReader, use_parallel
from dataroom.core.ingest.table import SourceFormat, TableReader
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now

#: Rows per ``executemany``. Small enough that several batches fit in the 1 MiB pipe from a reading process, so it
#: can parse ahead while this process inserts (measured on 1 M rows: 5,000 rows, ~1 MB per batch, 4.4–4.7 s;
#: 400–1,500 rows 3.9–4.1 s); large enough that per-batch costs vanish.
BATCH_ROWS = 1000


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause the cycle collector: batches of row lists hold no cycles, yet each collection rescans them all."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_name(path: Path, fmt: SourceFormat) -> str:
    """``customers`` for ``customers.csv``; ``customers – Sheet2`` for one sheet of several."""
    if fmt.sheet and len(fmt.sheets) > 1:
        return f"{path.stem} – {fmt.sheet}"
    return path.stem


def check_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 200 or any(ord(c) < 32 for c in name):
        raise InputError("A dataset name must be 1–200 printable characters.")
    return name


def import_table(
    session: Session,
    path: Path,
    fmt: SourceFormat,
    name: str,
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    provenance: dict[str, Any] | None = None,
) -> DatasetInfo:
    """Import ``path`` read as ``fmt`` into a new dataset ``name``; the audit record commits with the rows."""
    cancel = cancel or CancelToken()
    path = Path(path)
    name = check_name(name)
    vault = session.vault
    if store.find(vault.connection(), name) is not None:
        raise InputError(f"There is already a dataset named {name!r}; choose another name.")
    if use_parallel(path, fmt):
        with ParallelTableReader(path, fmt) as parallel_reader:
            return _import(session, path, fmt, name, parallel_reader, parallel_reader.source_sha256, progress,
                           cancel, provenance)  # fmt: skip
    abort_hash = CancelToken()  # stops the hashing thread when the import ends early, without touching ``cancel``
    with ThreadPoolExecutor(1, thread_name_prefix="dataroom-import-hash") as pool, TableReader(path, fmt) as reader:
        hashing: Future[str] = pool.submit(file_sha256, path, abort_hash)
        try:
            return _import(session, path, fmt, name, reader, hashing.result, progress, cancel, provenance)
        finally:
            abort_hash.cancel()


def _import(
    session: Session,
    path: Path,
    fmt: SourceFormat,
    name: str,
    reader: TableReader | ParallelTableReader,
    source_sha256: Callable[[], str],
    progress: Progress,
    cancel: CancelToken,
    provenance: dict[str, Any] | None,
) -> DatasetInfo:
    """Insert every row ``reader`` gives as dataset ``name``; ``source_sha256`` is asked once all are read."""
    vault = session.vault
    with _cyclic_gc_paused(), vault.bulk_transaction() as tx:
        dataset_id = store.create(
            tx,
            name=name,
            header=reader.header,
            source_header=reader.source_header,
            source_name=path.name,
            source_sha256="",
            source_kind=fmt.kind,
            encoding=fmt.encoding,
            delimiter=fmt.delimiter,
            sheet=fmt.sheet,
            imported_by=session.user,
            imported_at=utc_now(),
            provenance=provenance,
        )
        width = len(reader.header)
        rows = 0
        for values, count in reader.flat_batches(BATCH_ROWS):
            cancel.check()
            store.insert_values(tx, dataset_id, width, values)
            rows += count
            progress(*reader.progress)
        if rows == 0:
            raise InputError(f"{path.name} has a header row but no data rows; nothing was imported.")
        warnings = [asdict(w) for w in reader.warnings]
        digest = source_sha256()
        store.finish(tx, dataset_id, rows, warnings, digest)
        audit_log.append(
            tx,
            session.user,
            "dataset.import",
            name,
            {
                "source": path.name,
                "sha256": digest,
                "rows": rows,
                "columns": len(reader.header),
                "kind": fmt.kind,
                "encoding": fmt.encoding,
                "sheet": fmt.sheet,
                "warnings": [w["code"] for w in warnings],
            },
        )
    return store.get(vault.connection(), name)
