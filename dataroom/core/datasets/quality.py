"""The quality report of a dataset: blanks, distinct values, invalid checksums, duplicates, Excel damage.

Computed over every row (not a sample): blanks and distinct counts in SQL, validity by streaming each typed
column through its validator in batches, so memory stays bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import store
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators import excel_damage, validate_many

#: Types whose values identify a record; duplicates there are worth reporting.
KEY_TYPES = frozenset(
    {
        PiiType.RESIDENT_ID,
        PiiType.MOBILE,
        PiiType.EMAIL,
        PiiType.BANK_CARD,
        PiiType.PASSPORT,
        PiiType.USCC,
        PiiType.ORDER_ID,
        PiiType.GENERIC_ID,
    }
)
#: Types with a meaningful validator (checksum or strict pattern) to count invalid values against.
VALIDATED_TYPES = frozenset(
    {
        PiiType.RESIDENT_ID,
        PiiType.FOREIGN_PERMANENT_ID,
        PiiType.USCC,
        PiiType.BANK_CARD,
        PiiType.MOBILE,
        PiiType.LANDLINE,
        PiiType.EMAIL,
        PiiType.PASSPORT,
        PiiType.HK_ID,
        PiiType.TW_ID,
        PiiType.PLATE,
        PiiType.IPV4,
        PiiType.IPV6,
        PiiType.DATE,
        PiiType.AMOUNT,
        PiiType.IBAN,
    }
)
_ID_LIKE = KEY_TYPES | {PiiType.FOREIGN_PERMANENT_ID, PiiType.HK_ID, PiiType.TW_ID}


@dataclass
class ColumnQuality:
    """Figures for one column."""

    name: str
    type: str
    filled: int
    blanks: int
    distinct: int
    invalid: int | None = None  # None when the type has no validator
    duplicates: int | None = None  # None unless the column is a key
    excel_damaged: int | None = None  # None unless the column is ID-like

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class QualityReport:
    """Figures for every column of a dataset, plus duplicate whole rows."""

    dataset: str
    rows: int
    columns: list[ColumnQuality] = field(default_factory=list)
    duplicate_rows: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "rows": self.rows,
            "duplicate_rows": self.duplicate_rows,
            "columns": [c.to_json() for c in self.columns],
        }


def build(
    conn: Any,
    info: DatasetInfo,
    classes: list[ColumnClass],
    *,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> QualityReport:
    """Compute the report; ``progress`` counts columns."""
    cancel = cancel or CancelToken()
    types = {c.position: c.type for c in classes}
    report = QualityReport(info.name, info.row_count)
    for position, name in enumerate(info.columns, start=1):
        cancel.check()
        col = store.column_name(position)
        blanks, distinct = conn.execute(
            f"SELECT count(*) - count(NULLIF({col}, '')), count(DISTINCT NULLIF({col}, '')) FROM {info.table}"
        ).fetchone()
        t = types.get(position, PiiType.TEXT.value)
        figures = ColumnQuality(name, t, info.row_count - blanks, blanks, distinct)
        if t in KEY_TYPES:
            figures.duplicates = figures.filled - distinct
        if t in VALIDATED_TYPES or t in _ID_LIKE:
            valid = damaged = 0
            for batch in store.iter_column(conn, info, position):
                cancel.check()
                filled = [v for v in batch if v.strip()]
                if t in VALIDATED_TYPES:
                    valid += validate_many(PiiType(t), filled)
                if t in _ID_LIKE:
                    damaged += sum(1 for v in filled if excel_damage(v))
            if t in VALIDATED_TYPES:
                figures.invalid = figures.filled - valid
            if t in _ID_LIKE:
                figures.excel_damaged = damaged
        report.columns.append(figures)
        progress(position, len(info.columns) + 1)
    cols = ", ".join(store.column_name(i) for i in range(1, len(info.columns) + 1))
    report.duplicate_rows = (
        info.row_count - conn.execute(f"SELECT count(*) FROM (SELECT DISTINCT {cols} FROM {info.table})").fetchone()[0]
    )
    progress(len(info.columns) + 1, len(info.columns) + 1)
    return report
