"""How long each dataset is kept: a "keep until" date and/or a number of days after import, with a reason.

Stored in ``dataset_retention`` (vault migration 6), one row per dataset, removed with the dataset (the foreign key
cascades when :func:`dataroom.core.datasets.store.drop` deletes the dataset's record). When both a date and a number
of days are set, the earlier day wins: a retention limit only ever shortens how long data may stay.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError

Connection = Any

SCHEMA_SQL = """
CREATE TABLE dataset_retention (
    dataset_id INTEGER PRIMARY KEY REFERENCES datasets(id) ON DELETE CASCADE,
    keep_until TEXT,
    days_after_import INTEGER CHECK (days_after_import IS NULL OR days_after_import >= 0),
    reason TEXT NOT NULL DEFAULT '',
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    CHECK (keep_until IS NOT NULL OR days_after_import IS NOT NULL)
)
"""

#: Longest reason kept (it is a note for people, shown in lists and the audit log).
MAX_REASON = 500


@dataclass(frozen=True)
class Retention:
    """A dataset's retention rule and the last day it may be kept (``keep_until``, inclusive)."""

    dataset: str
    imported_on: dt.date
    until: dt.date | None
    days_after_import: int | None
    reason: str
    set_by: str
    set_at: str

    @property
    def keep_until(self) -> dt.date:
        """The last day the dataset may be kept: the earlier of the date and import day + days."""
        days = [] if self.days_after_import is None else [self.imported_on + dt.timedelta(days=self.days_after_import)]
        return min([*([self.until] if self.until else []), *days])

    def past(self, day: dt.date) -> bool:
        """Whether the dataset is kept beyond its retention on ``day``."""
        return day > self.keep_until

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "keep_until": self.keep_until.isoformat(),
            "until": self.until.isoformat() if self.until else None, "days_after_import": self.days_after_import,
            "reason": self.reason, "set_by": self.set_by, "set_at": self.set_at,
        }  # fmt: skip


def check_rule(until: dt.date | None, days_after_import: int | None, reason: str) -> str:
    """Validate a rule before it is stored; returns the reason trimmed. Raises :class:`InputError` in words."""
    if until is None and days_after_import is None:
        raise InputError("Give a keep-until date, a number of days after import, or both.")
    if days_after_import is not None and days_after_import < 0:
        raise InputError("The number of days after import cannot be negative.")
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise InputError(f"The reason is too long ({len(reason)} characters; at most {MAX_REASON}).")
    return reason


def imported_on(info: DatasetInfo) -> dt.date:
    """The day a dataset was imported (UTC, as recorded)."""
    return dt.date.fromisoformat(info.imported_at[:10])


def _row(info: DatasetInfo, row: Any) -> Retention:
    return Retention(
        info.name, imported_on(info), dt.date.fromisoformat(row[0]) if row[0] else None, row[1], row[2], row[3], row[4]
    )


def get(conn: Connection, info: DatasetInfo) -> Retention | None:
    """The dataset's rule, or ``None`` when it has none."""
    row = conn.execute(
        "SELECT keep_until, days_after_import, reason, set_by, set_at FROM dataset_retention WHERE dataset_id = ?",
        (info.id,),
    ).fetchone()
    return _row(info, row) if row else None


def put(conn: Connection, info: DatasetInfo, until: dt.date | None, days_after_import: int | None, reason: str,
        by: str, at: str) -> Retention:  # fmt: skip
    """Set (or replace) the dataset's rule; caller holds the transaction and has checked it with :func:`check_rule`."""
    conn.execute(
        "INSERT OR REPLACE INTO dataset_retention(dataset_id, keep_until, days_after_import, reason, set_by, set_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (info.id, until.isoformat() if until else None, days_after_import, reason, by, at),
    )
    found = get(conn, info)
    assert found is not None
    return found


def remove(conn: Connection, info: DatasetInfo) -> bool:
    """Drop the dataset's rule; whether there was one."""
    return bool(conn.execute("DELETE FROM dataset_retention WHERE dataset_id = ?", (info.id,)).rowcount > 0)
