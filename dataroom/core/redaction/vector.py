"""Applying a per-value function to a column at list speed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
_SAMPLE = 1000


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
