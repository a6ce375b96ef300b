"""k-anonymity and l-diversity of the redacted view (GB/T 42460-2023), and generalisations that reach a target k.

Rows are grouped by the redacted values of the chosen quasi-identifiers (QIs); each group is an equivalence
class. k is the size of the smallest class; rows in classes smaller than the target k are the ones a recipient
could single out (or narrow down to fewer than k people). l-diversity counts the distinct values of a sensitive
column inside each class (distinct l-diversity).

The rows are read once, streamed in batches, redacted and counted per distinct QI tuple. Suggestions then try the
coarser levels of each QI (see ``operators.ladder``) in order of total information loss; every coarser level is a
function of the current redacted value, so each candidate is evaluated over the distinct tuples already counted —
never by reading the rows again.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError
from dataroom.core.redaction.engine import CompiledPolicy, OutputColumn
from dataroom.core.redaction.operators import Level

BATCH = 50_000
#: Work budget of the suggestion search, in distinct-tuple evaluations (keeps pathological inputs bounded).
SEARCH_BUDGET = 30_000_000
SEARCH_SECONDS = 10.0


@dataclass(frozen=True)
class Change:
    """A column's coarser rule in a suggestion."""

    column: str
    source_column: str
    label: str
    op: str
    params: dict[str, Any]


@dataclass(frozen=True)
class Suggestion:
    """A combination of coarser rules, and what it achieves."""

    changes: tuple[Change, ...]
    k: int
    rows_below: int
    share_below: float
    loss: int

    def to_json(self) -> dict[str, Any]:
        return {
            "changes": [
                {"column": c.column, "source_column": c.source_column, "rule": c.label, "op": c.op, "params": c.params}
                for c in self.changes
            ],
            "k": self.k,
            "rows_below_target": self.rows_below,
            "share_below_target": round(self.share_below, 6),
            "loss": self.loss,
        }


@dataclass
class KAnonReport:
    """Equivalence classes over ``quasi_identifiers`` of the redacted view."""

    quasi_identifiers: list[str]
    target_k: int
    rows: int
    classes: int
    k: int
    rows_below: int
    class_sizes: list[tuple[str, int]]  # (size bucket, number of classes)
    sensitive: str | None = None
    target_l: int | None = None
    l: int | None = None  # noqa: E741 - the standard's name
    rows_below_l: int | None = None
    suggestions: list[Suggestion] = field(default_factory=list)
    search_complete: bool = True
    dropped: int = 0
    seconds: float = 0.0

    @property
    def share_below(self) -> float:
        return self.rows_below / self.rows if self.rows else 0.0

    @property
    def satisfied(self) -> bool:
        return self.rows > 0 and self.k >= self.target_k

    def to_json(self) -> dict[str, Any]:
        return {
            "quasi_identifiers": self.quasi_identifiers,
            "target_k": self.target_k,
            "rows": self.rows,
            "equivalence_classes": self.classes,
            "k": self.k,
            "satisfied": self.satisfied,
            "rows_below_target": self.rows_below,
            "share_below_target": round(self.share_below, 6),
            "class_sizes": [{"size": s, "classes": n} for s, n in self.class_sizes],
            "sensitive": self.sensitive,
            "target_l": self.target_l,
            "l": self.l,
            "rows_below_l": self.rows_below_l,
            "suggestions": [s.to_json() for s in self.suggestions],
            "search_complete": self.search_complete,
            "dropped_by_suppression": self.dropped,
            "seconds": round(self.seconds, 3),
        }


_BUCKETS = ((1, 1, "1"), (2, 2, "2"), (3, 4, "3-4"), (5, 9, "5-9"), (10, 19, "10-19"), (20, 99, "20-99"))


def _size_buckets(sizes: Counter[int]) -> list[tuple[str, int]]:
    out = [(label, sum(n for s, n in sizes.items() if lo <= s <= hi)) for lo, hi, label in _BUCKETS]
    out.append(("100+", sum(n for s, n in sizes.items() if s >= 100)))
    return [(label, n) for label, n in out if n]


def _evaluate(tuples: Counter[tuple[str, ...]], target: int) -> tuple[int, int]:
    """``(k, rows in classes below target)`` of a class-size counter."""
    if not tuples:
        return 0, 0
    return min(tuples.values()), sum(c for c in tuples.values() if c < target)


def _suggest(
    outputs: Sequence[OutputColumn], counts: Counter[tuple[str, ...]], target: int, rows: int
) -> tuple[list[Suggestion], bool]:
    ladders: list[list[Level | None]] = [[None, *o.ladder()] for o in outputs]
    # Each column's distinct current values, mapped once per level.
    distinct = [sorted({t[i] for t in counts}) for i in range(len(outputs))]
    mapped: list[list[dict[str, str]]] = [
        [{v: v for v in distinct[i]} if lv is None else {v: lv.coarsen(v) for v in distinct[i]} for lv in ladders[i]]
        for i in range(len(outputs))
    ]
    combos = sorted(
        (c for c in itertools.product(*(range(len(lad)) for lad in ladders)) if any(c)),
        key=lambda c: (sum(c), max(c), c),
    )
    found: list[Suggestion] = []
    budget, deadline = SEARCH_BUDGET, time.monotonic() + SEARCH_SECONDS
    for combo in combos:
        if budget <= 0 or time.monotonic() > deadline:
            return found, False
        budget -= len(counts)
        maps = [mapped[i][level] for i, level in enumerate(combo)]
        merged: Counter[tuple[str, ...]] = Counter()
        for t, c in counts.items():
            merged[tuple(m[v] for m, v in zip(maps, t, strict=True))] += c
        k, below = _evaluate(merged, target)
        if k >= target or (below and below <= rows * 0.01 and not found):
            changes = tuple(
                Change(outputs[i].name, outputs[i].source_name, ladders[i][lv].label, ladders[i][lv].op,  # type: ignore[union-attr]
                       ladders[i][lv].params)  # type: ignore[union-attr]
                for i, lv in enumerate(combo) if lv
            )  # fmt: skip
            found.append(Suggestion(changes, k, below, below / rows if rows else 0.0, sum(combo)))
            if k >= target:
                return found, True
    return found, True


def k_anonymity(
    conn: Any,
    info: DatasetInfo,
    compiled: CompiledPolicy,
    quasi_identifiers: Sequence[str],
    *,
    target_k: int = 5,
    sensitive: str | None = None,
    target_l: int = 2,
    suggest: bool = True,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> KAnonReport:
    """k (and l, with ``sensitive``) of the redacted view over output columns ``quasi_identifiers``."""
    started = time.monotonic()
    if not quasi_identifiers:
        raise InputError("Name at least one quasi-identifier column.")
    if target_k < 2:
        raise InputError("The target k must be at least 2.")
    qi = [compiled.output(name) for name in quasi_identifiers]
    if len({o.name for o in qi}) != len(qi):
        raise InputError("A quasi-identifier is named twice.")
    sens = compiled.output(sensitive) if sensitive else None
    if sens is not None and sens in qi:
        raise InputError("The sensitive column cannot also be a quasi-identifier.")
    chosen = [*qi, sens] if sens else qi
    sources = compiled.sources(chosen)
    counts: Counter[tuple[str, ...]] = Counter()
    pairs: Counter[tuple[tuple[str, ...], str]] = Counter()
    dropped = done = 0
    n = len(qi)
    for numbers, columns in store.column_batches(conn, info, sources, BATCH):
        if cancel is not None:
            cancel.check()
        redacted = compiled.redact_columns(numbers, dict(zip(sources, columns, strict=True)), chosen)
        dropped += redacted.dropped
        keys = zip(*redacted.columns[:n], strict=True)
        if sens is None:
            counts.update(keys)
        else:
            for key, value in zip(keys, redacted.columns[n], strict=True):
                counts[key] += 1
                pairs[(key, value)] += 1
        done += len(numbers)
        progress(done, info.row_count)
    rows = sum(counts.values())
    k, below = _evaluate(counts, target_k)
    report = KAnonReport(
        [o.name for o in qi], target_k, rows, len(counts), k, below, _size_buckets(Counter(counts.values())),
        dropped=dropped,
    )  # fmt: skip
    if sens is not None:
        diversity: Counter[tuple[str, ...]] = Counter(key for key, _ in pairs)
        report.sensitive, report.target_l = sens.name, target_l
        report.l = min(diversity.values()) if diversity else 0
        report.rows_below_l = sum(counts[key] for key, d in diversity.items() if d < target_l)
    if suggest and rows and k < target_k:
        report.suggestions, report.search_complete = _suggest(qi, counts, target_k, rows)
    report.seconds = time.monotonic() - started
    return report
