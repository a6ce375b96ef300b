"""Data-subject requests: every row of one person, across all datasets, found by resident ID, phone or e-mail.

An identifier is compared in its normalised form (``subjects.normalise``), so ``138 0013 8000``, ``+86
13800138000`` and ``１３８００１３８０００`` all find the row holding ``13800138000``. The columns searched are
those classified with the identifier's type; a dataset that was never classified is searched in every column.

Erasing deletes the rows with ``secure_delete`` on (SQLite zeroes the freed cell space), updates the datasets'
row counts, forgets sort anchors that counted the erased rows, and — after the commit — checkpoints the WAL so no
older page image holding the rows remains in the vault files.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_writer
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.store import DatasetInfo, column_name
from dataroom.core.errors import InputError
from dataroom.core.pii.types import PiiType
from dataroom.core.redaction import paging
from dataroom.core.redaction.export import neutralise, neutralise_column
from dataroom.core.subjects import normalise

Connection = Any

#: Identifier kinds a request may use, with the column types that hold them.
SEARCH_TYPES: dict[str, frozenset[str]] = {
    "resident_id": frozenset({PiiType.RESIDENT_ID.value}),
    "mobile": frozenset({PiiType.MOBILE.value, PiiType.PHONE_INTL.value}),
    "email": frozenset({PiiType.EMAIL.value}),
}


@dataclass
class DatasetMatches:
    """Rows of one dataset holding the identifier: ``(row number, values…)``, and the columns that matched."""

    dataset: DatasetInfo
    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)


def check_kind(kind: str) -> str:
    if kind not in SEARCH_TYPES:
        raise InputError(f"Find a person by one of: {', '.join(SEARCH_TYPES)} (got {kind!r}).")
    return kind


def target_of(kind: str, value: str) -> str:
    """The normalised identifier searched for; refuses an empty one."""
    canonical = normalise(check_kind(kind), value or "")
    if not canonical:
        raise InputError("The identifier is empty.")
    return canonical


def search_positions(conn: Connection, info: DatasetInfo, kind: str) -> list[int]:
    """Columns of ``info`` to search for identifiers of ``kind``: classified as that type, or all when the dataset
    was never classified."""
    stored = classes.load(conn, info)
    if not stored:
        return list(range(1, info.column_count + 1))
    return [c.position for c in stored if c.type in SEARCH_TYPES[kind]]


def _matcher(kind: str, target: str) -> Callable[[str | None], int]:
    def match(cell: str | None) -> int:
        if not cell:
            return 0
        # Cheap exact test first; the normaliser only runs on cells that could still match (same digits/letters).
        return int(cell == target or normalise(kind, cell) == target)

    return match


def find(conn: Connection, kind: str, value: str) -> list[DatasetMatches]:
    """Every dataset row holding the person's identifier, per dataset (datasets without a match are left out)."""
    target = target_of(kind, value)
    conn.create_function("dr_subject_match", 1, _matcher(kind, target), deterministic=True)
    found: list[DatasetMatches] = []
    for info in store.list_all(conn):
        positions = search_positions(conn, info, kind)
        if not positions:
            continue
        cond = " OR ".join(f"dr_subject_match({column_name(p)})" for p in positions)
        rows = conn.execute(f"SELECT * FROM {info.table} WHERE {cond} ORDER BY rn").fetchall()
        if rows:
            matched = sorted({info.columns[p - 1] for p in positions for r in rows if _matcher(kind, target)(r[p])})
            found.append(DatasetMatches(info, matched, rows))
    return found


def write_subject_csv(path: Path, matches: Sequence[DatasetMatches], token: str) -> int:
    """The person's rows as one CSV (``dataset, row, column, value`` — datasets differ in columns); returns the
    number of cells written. Formula-neutralised like every export."""
    path = Path(path)
    if not path.parent.is_dir():
        raise InputError(f"The folder {path.parent} does not exist.")
    cells = 0
    with atomic_writer(path) as fh:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        try:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(
                [f"# Personal data held about one data subject ({token}), exported on request (PIPL art. 45)"]
            )
            writer.writerow(["dataset", "row", "column", "value"])
            for m in matches:
                for row in m.rows:
                    for name, cell in zip(m.dataset.columns, row[1:], strict=True):
                        writer.writerow(neutralise_column([m.dataset.name, str(row[0]), name, neutralise(cell or "")]))
                        cells += 1
            text.flush()
        finally:
            text.detach()
    return cells


def erase(conn: Connection, matches: Sequence[DatasetMatches]) -> dict[str, int]:
    """Delete the matched rows (caller holds the transaction); returns rows erased per dataset name."""
    erased: dict[str, int] = {}
    for m in matches:
        numbers = [r[0] for r in m.rows]
        for start in range(0, len(numbers), 900):
            chunk = numbers[start : start + 900]
            conn.execute(f"DELETE FROM {m.dataset.table} WHERE rn IN ({', '.join('?' * len(chunk))})", chunk)
        conn.execute("UPDATE datasets SET row_count = row_count - ? WHERE id = ?", (len(numbers), m.dataset.id))
        paging.forget_anchors(conn, m.dataset)
        erased[m.dataset.name] = len(numbers)
    return erased
