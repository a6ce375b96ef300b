"""Validation throughput, column classification time and classifier accuracy.

Run: ``.venv/bin/python benchmarks/validation.py``. Generates 1,000,000 synthetic customers in memory, times
``validate_many`` on the resident-ID, mobile, bank-card and e-mail columns (goal: 1,000,000 cells/s each), times
``classify_column`` on the 12 columns of a 1,000-row sample (goal: under 0.5 s, aim: under 50 ms) and prints the
confusion table of the labelled accuracy suite in ``tests/core/pii_tables.py``.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _figures import record

from dataroom.core.pii.classifier import classify_column
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators import validate_many
from tests.core.pii_tables import accuracy_tables, confusion_table, run_suite

CELLS = 1_000_000
CELLS_PER_SECOND_GOAL = 1_000_000
ROWS_PER_SECOND_GOAL = 200_000
GENERATOR_ROWS = 300_000
CLASSIFY_GOAL_SECONDS = 0.5
CLASSIFY_AIM_SECONDS = 0.05
FAST_TYPES = {
    PiiType.RESIDENT_ID: "身份证号",
    PiiType.MOBILE: "手机号",
    PiiType.BANK_CARD: "银行卡号",
    PiiType.EMAIL: "邮箱",
}


def _timed(fn: Callable[[], object], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    list(generate_customers(1))  # build the generator's tables outside the timing
    generation = _timed(lambda: deque(generate_customers(GENERATOR_ROWS, seed=2024), maxlen=0), repeat=3)
    rows_per_second = GENERATOR_ROWS / generation
    print(f"synthetic generator: {rows_per_second:,.0f} rows/s (goal {ROWS_PER_SECOND_GOAL:,}, "
          f"ratio {rows_per_second / ROWS_PER_SECOND_GOAL:.2f})")  # fmt: skip

    wanted = [CUSTOMER_COLUMNS.index(h) for h in FAST_TYPES.values()]
    columns: list[list[str]] = [[] for _ in wanted]
    for row in generate_customers(CELLS, seed=2024):
        for column, index in zip(columns, wanted, strict=True):
            column.append(row[index])

    print(f"\nvalidate_many over {CELLS:,} cells (goal {CELLS_PER_SECOND_GOAL:,} cells/s):")
    for (t, _), values in zip(FAST_TYPES.items(), columns, strict=True):
        valid = validate_many(t, values)
        elapsed = _timed(lambda t=t, values=values: validate_many(t, values), repeat=3)
        rate = CELLS / elapsed
        print(f"  {t.value:<12} valid {valid:,} of {CELLS:,}")
        record(f"validate_many, {t.value} column", rate, "cells/s", goal="≥ 1,000,000 cells/s",
               ratio=CELLS_PER_SECOND_GOAL / rate, met=rate >= CELLS_PER_SECOND_GOAL)

    sample = list(zip(*generate_customers(1000, seed=7), strict=True))
    elapsed = _timed(lambda: [classify_column(h, c) for h, c in zip(CUSTOMER_COLUMNS, sample, strict=True)], 7)
    headerless = _timed(lambda: [classify_column(None, c) for c in sample], 7)
    goal_ratio = elapsed / CLASSIFY_GOAL_SECONDS
    aim_ratio = elapsed / CLASSIFY_AIM_SECONDS
    print(f"\nclassify_column, 12 columns x 1,000 rows: {elapsed * 1000:.1f} ms with headers, "
          f"{headerless * 1000:.1f} ms without")  # fmt: skip
    print(f"  ratio to the {CLASSIFY_GOAL_SECONDS} s goal {goal_ratio:.3f}, to the 50 ms aim {aim_ratio:.2f}")

    print("\naccuracy suite:")
    outcomes = run_suite(accuracy_tables())
    print(confusion_table(outcomes))
    correct = sum(o.got == o.column.expected for o in outcomes)
    record(f"classifier accuracy, {len(outcomes)} labelled columns", correct / len(outcomes) * 100, "%",
           goal="every column", ratio=len(outcomes) / max(correct, 1), met=correct == len(outcomes))


if __name__ == "__main__":
    main()
