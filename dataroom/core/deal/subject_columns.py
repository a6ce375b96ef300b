"""Which columns of a dataset identify a person, and the subject tokens of each row.

The consent coverage report and the incident register both need "who is in these rows" without ever holding an
identifier longer than one HMAC: values are read in keyset-paged batches and turned into subject tokens at once.
Identifier columns come from the stored classification (a column whose effective type is an identifier kind
such as ``mobile`` or ``resident_id``), or from the caller when it names them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from dataroom.core import subjects
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError, NotFound

Connection = Any

#: Rows read per batch: large enough to amortise SQLite calls, small enough to keep memory flat.
BATCH = 20_000


def identifier_columns(conn: Connection, info: DatasetInfo, chosen: Mapping[str, str] | None = None) -> dict[int, str]:
    """``{1-based position: subject kind}`` — the columns given in ``chosen`` (name → kind), else every column
    classified as an identifier kind. Raises when there is none, since no row could be matched to a person."""
    if chosen:
        out: dict[int, str] = {}
        for name, kind in chosen.items():
            if name not in info.columns:
                raise NotFound(f"Dataset {info.name!r} has no column {name!r}.")
            if kind not in subjects.KINDS:
                raise InputError(f"Unknown identifier kind {kind!r}; use one of {', '.join(subjects.KINDS)}.")
            out[info.columns.index(name) + 1] = kind
        return out
    found = {c.position: c.type for c in classes.load(conn, info) if c.type in subjects.KINDS}
    if not found:
        raise InputError(
            f"No column of dataset {info.name!r} is classified as an identifier ({', '.join(subjects.KINDS)}); "
            "classify it, or name the identifier column and its kind."
        )
    return found


def iter_row_subjects(
    conn: Connection,
    info: DatasetInfo,
    columns: Mapping[int, str],
    key: bytes,
    *,
    row_numbers: set[int] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Iterator[tuple[int, list[str]]]:
    """``(row number, tokens)`` for each row (or each row in ``row_numbers``); empty cells give no token."""
    positions = sorted(columns)
    done = 0
    last = 0
    while True:
        if cancel is not None:
            cancel.check()
        batch = store.page(conn, info, last, BATCH)
        if not batch:
            break
        for row in batch:
            rn = int(row[0])
            if row_numbers is not None and rn not in row_numbers:
                continue
            tokens = []
            for pos in positions:
                value = row[pos]
                if value and str(value).strip():
                    try:
                        tokens.append(subjects.subject_token(key, columns[pos], str(value)))
                    except InputError:  # a cell of separators only normalises to nothing: no person named
                        continue
            yield rn, tokens
        last = int(batch[-1][0])
        done += len(batch)
        progress(done, info.row_count)
