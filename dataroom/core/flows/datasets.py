"""Dataset flows: inspect a file, import it, list, classify, override, quality report, raw rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, importer, quality, store
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.quality import QualityReport
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError, NotFound
from dataroom.core.ingest.table import IngestWarning, SourceFormat, preview, sniff
from dataroom.core.pii.classifier import classify_column
from dataroom.core.pii.types import DataClass, PiiType
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission

DEFAULT_SAMPLE = 1000


@dataclass(frozen=True)
class FilePreview:
    """What the import dialog shows before importing: detected format, header, first rows, warnings."""

    format: SourceFormat
    header: list[str]
    rows: list[list[str]]
    warnings: list[IngestWarning]


def inspect_file(path: Path, *, sheet: str | int | None = None, fmt: SourceFormat | None = None) -> FilePreview:
    """Detect the format of ``path`` (or use ``fmt`` as changed by the user) and read the first rows."""
    fmt = fmt or sniff(Path(path), sheet=sheet)
    header, rows, warnings = preview(Path(path), fmt)
    return FilePreview(fmt, header, rows, warnings)


def import_dataset(
    session: Session,
    path: Path,
    *,
    name: str | None = None,
    fmt: SourceFormat | None = None,
    sheet: str | int | None = None,
    classify: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> DatasetInfo:
    """Import one table (one sheet) as a new dataset, atomically; then classify it unless told not to."""
    session.require(Permission.IMPORT)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    fmt = fmt or sniff(path, sheet=sheet)
    info = importer.import_table(
        session, path, fmt, name or importer.default_name(path, fmt), progress=progress, cancel=cancel
    )
    if classify:
        classify_dataset(session, info.name)
    return info


def list_datasets(session: Session) -> list[DatasetInfo]:
    session.require(Permission.VIEW_REDACTED)
    return store.list_all(session.vault.connection())


def get_dataset(session: Session, name: str) -> DatasetInfo:
    session.require(Permission.VIEW_REDACTED)
    return store.get(session.vault.connection(), name)


def classify_dataset(session: Session, name: str, *, sample_size: int = DEFAULT_SAMPLE) -> list[ColumnClass]:
    """Classify every column from a sample spread over the dataset; overrides survive. Audited."""
    session.require(Permission.CLASSIFY)
    conn = session.vault.connection()
    info = store.get(conn, name)
    sample = store.rows_by_number(conn, info, store.sample_numbers(info.row_count, sample_size))
    results = [
        classify_column(header, [row[i] or "" for row in sample], total_rows=info.row_count)
        for i, header in enumerate(info.columns, start=1)
    ]
    with session.vault.transaction() as tx:
        for position, result in enumerate(results, start=1):
            classes.save_detection(tx, info.id, position, result)
        audit_log.append(
            tx,
            session.user,
            "dataset.classify",
            name,
            {
                "sample": len(sample),
                "columns": {h: f"{r.type}/{r.data_class}" for h, r in zip(info.columns, results, strict=True)},
            },
        )
    return classes.load(conn, info)


def column_classes(session: Session, name: str) -> list[ColumnClass]:
    """Stored classifications (with overrides) of every column; empty if never classified."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return classes.load(conn, store.get(conn, name))


def _position(info: DatasetInfo, column: str) -> int:
    if column in info.columns:
        return info.columns.index(column) + 1
    if column.isdigit() and 1 <= int(column) <= info.column_count:
        return int(column)
    raise NotFound(f"Dataset {info.name!r} has no column {column!r} (columns: {', '.join(info.columns)}).")


def override_column(
    session: Session,
    name: str,
    column: str,
    *,
    type_: str | None = None,
    data_class: str | None = None,
    note: str | None = None,
) -> ColumnClass:
    """Set a reviewer's type and/or class for one column (by name or 1-based position); audited with before/after.

    Giving neither clears the override.
    """
    session.require(Permission.CLASSIFY)
    if type_ is not None and type_ not in {t.value for t in PiiType}:
        raise InputError(f"Unknown type {type_!r}; known types: {', '.join(t.value for t in PiiType)}.")
    if data_class is not None and data_class not in {c.value for c in DataClass}:
        raise InputError(f"Unknown class {data_class!r}; use public, consent-required or sensitive.")
    conn = session.vault.connection()
    info = store.get(conn, name)
    position = _position(info, column)
    current = {c.position: c for c in classes.load(conn, info)}
    if position not in current:
        classify_dataset(session, name)
        current = {c.position: c for c in classes.load(conn, info)}
    before = current[position]
    with session.vault.transaction() as tx:
        classes.set_override(tx, info.id, position, type_, data_class, session.user, note)
        after = {c.position: c for c in classes.load(tx, info)}[position]
        audit_log.append(
            tx,
            session.user,
            "dataset.override",
            f"{name}/{before.name}",
            {"before": [before.type, before.data_class], "after": [after.type, after.data_class], "note": note},
        )
    return after


def quality_report(
    session: Session, name: str, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> QualityReport:
    """Blanks, distinct values, invalid checksums, duplicates, Excel damage per column (over all rows)."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    info = store.get(conn, name)
    report = quality.build(conn, info, classes.load(conn, info), progress=progress, cancel=cancel)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "dataset.quality", name)
    return report


def raw_rows(session: Session, name: str, after_row: int = 0, limit: int = 100) -> list[tuple[Any, ...]]:
    """Unredacted rows (roles allowed to see raw data only), keyset-paged: ``(row_number, values…)``."""
    session.require(Permission.VIEW_RAW)
    conn = session.vault.connection()
    return store.page(conn, store.get(conn, name), after_row, limit)
