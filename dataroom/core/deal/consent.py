"""The consent registry: who (by subject token only) consented to what purpose, for which data, from which
source, given and possibly withdrawn when; and how much of a dataset that consent covers.

A consent's *scope* is a list of column names and/or data classes it covers (empty = everything the purpose
needs). A consent counts on a day when ``given_on <= day`` and it was not withdrawn on or before that day.

:class:`ConsentRegistry` is what the redaction engine's row suppression consults
(:class:`dataroom.core.redaction.suppression.ConsentLookup`): ``consented(subjects, purpose)``; the finer
:meth:`ConsentRegistry.has_consent` answers for one subject and named columns or classes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from dataroom.core import subjects
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import subject_columns
from dataroom.core.errors import InputError, NotFound

Connection = Any

#: Where a consent's evidence is; ``source_ref`` points into it (form number, recording id, app log id).
SOURCES = ("paper-form", "app", "web-form", "call-recording", "email", "sms", "other")

#: What a consent must cover for redaction to release a subject's consent-required cells.
CONSENT_REQUIRED = "consent-required"

_COLUMNS = "id, subject, purpose, scope, source, source_ref, given_on, withdrawn_on, batch, recorded_at, recorded_by"


@dataclass(frozen=True)
class ConsentRecord:
    """One stored consent (no identifier: only the subject token)."""

    id: int
    subject: str
    purpose: str
    scope: tuple[str, ...]
    source: str
    source_ref: str
    given_on: dt.date
    withdrawn_on: dt.date | None
    batch: str
    recorded_at: str
    recorded_by: str

    def valid_on(self, day: dt.date) -> bool:
        return self.given_on <= day and (self.withdrawn_on is None or day < self.withdrawn_on)

    def covers(self, items: Iterable[str]) -> bool:
        """Whether every item (a column name or a data class) is within this consent's scope."""
        return not self.scope or all(item in self.scope for item in items)


def _row(row: Any) -> ConsentRecord:
    return ConsentRecord(
        int(row[0]), row[1], row[2], tuple(json.loads(row[3])), row[4], row[5], dt.date.fromisoformat(row[6]),
        dt.date.fromisoformat(row[7]) if row[7] else None, row[8], row[9], row[10],
    )  # fmt: skip


def _items(data_class_or_columns: str | Iterable[str]) -> tuple[str, ...]:
    return (data_class_or_columns,) if isinstance(data_class_or_columns, str) else tuple(data_class_or_columns)


class ConsentRegistry:
    """Consents for ``purpose`` loaded once into memory, answering per subject in constant time.

    ``on_date`` (default today) is the day :meth:`consented` judges by. Built per export or preview: a
    withdrawal recorded afterwards is seen by the next registry, not by this one. Build it on the thread that
    will use it: it keeps that thread's connection to load another purpose if asked about one.
    """

    def __init__(self, conn: Connection, purpose: str, on_date: dt.date | None = None) -> None:
        self._conn = conn
        self.purpose = purpose
        self.on_date = on_date or dt.date.today()
        self._by_purpose: dict[str, dict[str, list[ConsentRecord]]] = {}
        self._load(purpose)

    def _load(self, purpose: str) -> dict[str, list[ConsentRecord]]:
        if purpose not in self._by_purpose:
            table: dict[str, list[ConsentRecord]] = {}
            for row in self._conn.execute(f"SELECT {_COLUMNS} FROM consents WHERE purpose = ?", (purpose,)):
                record = _row(row)
                table.setdefault(record.subject, []).append(record)
            self._by_purpose[purpose] = table
        return self._by_purpose[purpose]

    def has_consent(
        self, subject_token: str, data_class_or_columns: str | Iterable[str], on_date: dt.date | None = None
    ) -> bool:
        """Whether ``subject_token`` has a consent for this registry's purpose, valid on ``on_date``, covering
        every named class or column (one consent must cover them all: consents are not pieced together)."""
        items = _items(data_class_or_columns)
        day = on_date or self.on_date
        return any(r.valid_on(day) and r.covers(items) for r in self._load(self.purpose).get(subject_token, ()))

    def history(self, subject_token: str) -> list[ConsentRecord]:
        """Every consent of ``subject_token`` for this registry's purpose, valid or not."""
        return list(self._load(self.purpose).get(subject_token, ()))

    def consented(self, subjects_: Collection[str], purpose: str) -> set[str]:
        """The :class:`~dataroom.core.redaction.suppression.ConsentLookup` protocol: which of ``subjects_``
        may have their consent-required data released for ``purpose`` on this registry's day."""
        table = self._load(purpose)
        day = self.on_date
        return {
            s for s in subjects_ if any(r.valid_on(day) and r.covers((CONSENT_REQUIRED,)) for r in table.get(s, ()))
        }


def records(
    conn: Connection, *, purpose: str | None = None, subject: str | None = None, limit: int | None = None
) -> list[ConsentRecord]:
    where, args = [], []
    if purpose:
        where.append("purpose = ?")
        args.append(purpose)
    if subject:
        where.append("subject = ?")
        args.append(subject)
    sql = f"SELECT {_COLUMNS} FROM consents" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [_row(r) for r in conn.execute(sql, args)]


def purposes(conn: Connection) -> list[tuple[str, int]]:
    """Each purpose on record with its number of consents."""
    return [(r[0], int(r[1])) for r in conn.execute("SELECT purpose, count(*) FROM consents GROUP BY purpose")]


def insert(
    conn: Connection,
    subject: str,
    purpose: str,
    scope: Iterable[str],
    source: str,
    source_ref: str,
    given_on: dt.date,
    withdrawn_on: dt.date | None,
    batch: str,
    recorded_at: str,
    actor: str,
) -> bool:
    """Store one consent unless the same one (subject, purpose, scope, given, withdrawn) is already on record."""
    scope_json = json.dumps(sorted(set(scope)), ensure_ascii=False)
    withdrawn = withdrawn_on.isoformat() if withdrawn_on else None
    same = conn.execute(
        "SELECT 1 FROM consents WHERE subject = ? AND purpose = ? AND scope = ? AND given_on = ? AND withdrawn_on IS ?",
        (subject, purpose, scope_json, given_on.isoformat(), withdrawn),
    ).fetchone()
    if same:
        return False
    conn.execute(
        "INSERT INTO consents(subject, purpose, scope, source, source_ref, given_on, withdrawn_on, batch, recorded_at,"
        " recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (subject, purpose, scope_json, source, source_ref, given_on.isoformat(), withdrawn, batch, recorded_at, actor),
    )
    return True


def withdraw(conn: Connection, subject: str, purpose: str, on: dt.date) -> int:
    """Withdraw every consent of ``subject`` for ``purpose`` still valid on ``on``; returns how many."""
    cur = conn.execute(
        "UPDATE consents SET withdrawn_on = ? WHERE subject = ? AND purpose = ? AND given_on <= ?"
        " AND (withdrawn_on IS NULL OR withdrawn_on > ?)",
        (on.isoformat(), subject, purpose, on.isoformat(), on.isoformat()),
    )
    if cur.rowcount == 0:
        raise NotFound(f"This person has no consent for {purpose!r} that was still valid on {on.isoformat()}.")
    return int(cur.rowcount)


@dataclass(frozen=True)
class Coverage:
    """Share of a dataset's rows whose data subject has a valid consent for a purpose (counts only)."""

    dataset: str
    purpose: str
    day: dt.date
    rows: int
    rows_with_identifier: int
    rows_with_consent: int
    rows_withdrawn: int
    identifier_columns: dict[str, str] = field(default_factory=dict)

    @property
    def share(self) -> float:
        return self.rows_with_consent / self.rows if self.rows else 0.0

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "purpose": self.purpose,
            "day": self.day.isoformat(),
            "rows": self.rows,
            "rows_with_identifier": self.rows_with_identifier,
            "rows_with_consent": self.rows_with_consent,
            "rows_withdrawn": self.rows_withdrawn,
            "share": round(self.share, 4),
            "identifier_columns": self.identifier_columns,
        }

    def describe(self) -> str:
        return (
            f"{self.dataset}: {self.rows_with_consent:,} of {self.rows:,} rows ({self.share:.1%}) have a valid "
            f"consent for {self.purpose!r} on {self.day.isoformat()}; {self.rows - self.rows_with_identifier:,} "
            f"rows have no identifier; {self.rows_withdrawn:,} rows' consent was withdrawn."
        )


def coverage(
    conn: Connection,
    info: DatasetInfo,
    purpose: str,
    day: dt.date | None = None,
    *,
    columns: dict[str, str] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Coverage:
    """Match the dataset's rows to consents through subject tokens; a row counts when any of its identifiers
    (phone, ID number, …) belongs to a subject whose consent covers consent-required data on ``day``."""
    day = day or dt.date.today()
    cols = subject_columns.identifier_columns(conn, info, columns)
    registry = ConsentRegistry(conn, purpose, day)
    counts: Counter[str] = Counter()
    key = subjects.subject_key(conn)
    for _, tokens in subject_columns.iter_row_subjects(conn, info, cols, key, progress=progress, cancel=cancel):
        if not tokens:
            continue
        counts["identified"] += 1
        if any(registry.has_consent(t, CONSENT_REQUIRED, day) for t in tokens):
            counts["consent"] += 1
        elif any(r.withdrawn_on is not None and r.withdrawn_on <= day for t in tokens for r in registry.history(t)):
            counts["withdrawn"] += 1
    return Coverage(
        info.name,
        purpose,
        day,
        info.row_count,
        counts["identified"],
        counts["consent"],
        counts["withdrawn"],
        {info.columns[p - 1]: kind for p, kind in sorted(cols.items())},
    )


def check_purpose(purpose: str) -> str:
    purpose = (purpose or "").strip()
    if not purpose or len(purpose) > 200:
        raise InputError("Name the purpose of the consent (at most 200 characters), e.g. 'transfer to buyer'.")
    return purpose
