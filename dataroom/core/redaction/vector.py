"""Applying a per-value function to a column at list speed.

Two tools keep the per-cell Python cost down: a memo per distinct value (:func:`per_distinct`, and
:class:`ColumnMemo`, which keeps its memo from one batch of a column to the next), and the joined text of a column
(:func:`joined_lines`), on which one C-level call (a regular expression, ``upper()``, NFKC) checks or transforms
every cell at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
#: A column function: the cells of a column (a batch of them) to the output cells, in order.
ColumnFn = Callable[[Sequence[str | None]], list[str]]
_SAMPLE = 1000
#: Most distinct values a :class:`ColumnMemo` holds; past it the memo starts again, so memory stays bounded.
MEMO_LIMIT = 1 << 17


def mostly_distinct(values: Sequence[object]) -> bool:
    """Whether a sample of the column is >90% distinct (phone numbers, IDs): then a memo only costs time."""
    sample = values[:_SAMPLE]
    return len(values) > 2 * _SAMPLE and len(set(sample)) > 0.9 * len(sample)


def per_distinct(values: Sequence[T], fn: Callable[[T], str]) -> list[str]:
    """``[fn(v) for v in values]``, calling ``fn`` once per distinct value when values repeat (names, cities,
    dates); a column of nearly all-distinct values is mapped directly."""
    if mostly_distinct(values):
        return [fn(v) for v in values]
    distinct: dict[T, str] = dict.fromkeys(values)  # type: ignore[assignment]
    for v in distinct:
        distinct[v] = fn(v)
    return [distinct[v] for v in values]


def joined_lines(values: Sequence[str | None]) -> str | None:
    """The cells joined by ``\\n`` — one line per cell — or ``None`` when a cell is ``None`` or holds a line break
    (then the lines would not be the cells, and the caller takes its per-value path)."""
    try:
        text = "\n".join(values)  # type: ignore[arg-type]
    except TypeError:
        return None
    return text if values and text.count("\n") == len(values) - 1 else None


class ColumnMemo(Generic[T]):
    """``fn`` mapped over the successive batches of one column, computed once per distinct value for as long as
    the memo lives (one export, preview or report), not once per batch.

    Values nearly all new to the memo (IDs, phone numbers) are mapped without being remembered. The memo holds
    at most :data:`MEMO_LIMIT` values; it lives in memory only, beside the rows it serves.
    """

    def __init__(self, fn: Callable[[T], str]) -> None:
        self._fn = fn
        self._memo: dict[T, str] = {}

    def __call__(self, values: Sequence[T]) -> list[str]:
        memo, fn = self._memo, self._fn
        new = set(values).difference(memo)
        if len(new) > 0.9 * len(values) and len(values) > 2 * _SAMPLE:
            return [fn(v) for v in values]
        if len(memo) + len(new) > MEMO_LIMIT:
            memo.clear()
            new = set(values)
        for v in new:
            memo[v] = fn(v)
        return list(map(memo.__getitem__, values))
