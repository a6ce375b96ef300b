"""Column statistics of the redacted view: counts, blanks, distinct and top values, and a histogram for numeric
and date columns — all computed over the REDACTED values, so they reveal no more than the view itself.

The source column is streamed in batches (bounded memory), redacted batch by batch and counted.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets.store import DatasetInfo, column_name
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.values import iso_day, parse_number
from dataroom.core.redaction.where import Where, register_functions

BATCH = 50_000
TOP = 10
BINS = 10
#: Share of filled values that must read as numbers (or dates) for a histogram to be drawn.
HISTOGRAM_SHARE = 0.9


@dataclass
class ColumnStats:
    """Figures for one column of the redacted view."""

    column: str
    rows: int
    blanks: int
    distinct: int
    top: list[tuple[str, int]]
    histogram_kind: str | None = None  # "number" | "date" | None
    histogram: list[tuple[str, int]] = field(default_factory=list)
    dropped: int = 0

    @property
    def filled(self) -> int:
        return self.rows - self.blanks

    def to_json(self) -> dict[str, Any]:
        return {
            "column": self.column,
            "rows": self.rows,
            "filled": self.filled,
            "blanks": self.blanks,
            "distinct": self.distinct,
            "top": [{"value": v, "count": c} for v, c in self.top],
            "histogram": {"kind": self.histogram_kind, "bins": [{"bin": b, "count": c} for b, c in self.histogram]}
            if self.histogram_kind
            else None,
            "dropped": self.dropped,
        }


def _number_histogram(counts: Counter[str]) -> list[tuple[str, int]] | None:
    numbers = [(x, c) for v, c in counts.items() if (x := parse_number(v)) is not None and math.isfinite(x)]
    filled = sum(counts.values())
    if not numbers or sum(c for _, c in numbers) < HISTOGRAM_SHARE * filled:
        return None
    lo, hi = min(x for x, _ in numbers), max(x for x, _ in numbers)
    if lo == hi:
        return [(f"{lo:g}", sum(c for _, c in numbers))]
    width = (hi - lo) / BINS
    bins = [0] * BINS
    for x, c in numbers:
        bins[min(int((x - lo) / width), BINS - 1)] += c
    return [(f"[{lo + i * width:g}, {lo + (i + 1) * width:g}{']' if i == BINS - 1 else ')'}", n) for i, n in
            enumerate(bins)]  # fmt: skip


def _date_histogram(counts: Counter[str]) -> list[tuple[str, int]] | None:
    days = [(d, c) for v, c in counts.items() if (d := iso_day(v)) is not None]
    filled = sum(counts.values())
    if not days or sum(c for _, c in days) < HISTOGRAM_SHARE * filled:
        return None
    years = {d[:4] for d, _ in days}
    cut = 7 if len(years) <= 2 else 4  # by month over a short span, else by year
    bins: Counter[str] = Counter()
    for d, c in days:
        bins[d[:cut]] += c
    return sorted(bins.items())


def column_stats(
    conn: Any,
    info: DatasetInfo,
    compiled: CompiledPolicy,
    column: str,
    *,
    where: Where | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ColumnStats:
    """Statistics of output ``column`` of the redacted view (optionally of the rows ``where`` selects)."""
    output = compiled.output(column)
    sources = compiled.sources([output])
    cols = ", ".join(column_name(p) for p in sources)
    sql = f"SELECT rn, {cols} FROM {info.table}"
    params: list[Any] = []
    if where is not None:
        register_functions(conn)
        sql += f" WHERE {where.sql}"
        params = where.params
    counts: Counter[str] = Counter()
    rows = dropped = done = 0
    cur = conn.execute(sql + " ORDER BY rn", params)
    while batch := cur.fetchmany(BATCH):
        if cancel is not None:
            cancel.check()
        redacted = compiled.apply_columns(batch, sources, [output])
        counts.update(redacted.columns[0])
        rows += len(redacted.row_numbers)
        dropped += redacted.dropped
        done += len(batch)
        progress(done, info.row_count)
    blanks = counts.pop("", 0)
    stats = ColumnStats(column, rows, blanks, len(counts), counts.most_common(TOP), dropped=dropped)
    for kind, build in (("number", _number_histogram), ("date", _date_histogram)):
        histogram = build(counts)
        if histogram is not None:
            stats.histogram_kind, stats.histogram = kind, histogram
            break
    return stats
