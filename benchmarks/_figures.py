"""The one way every benchmark states a figure, so that ``make bench`` can gather them into a single table.

A benchmark calls :func:`record` for each figure an issue names. The line is printed for a person reading the
run; when ``DATAROOM_BENCH_JSON`` names a file (``benchmarks/report.py`` sets it), the figure is also appended
there as one JSON object per line.

``ratio`` is the measured value divided by the floor when the goal is relative to a floor measured in the same
run (``floor`` is then given, in the value's unit), otherwise the value divided by the goal's limit (for a
"higher is better" goal: the limit divided by the value), so that a ratio ≤ 1 always means the goal is met,
except for relative goals, where ``met`` says it (e.g. "≤ 1.25 × floor").
"""

from __future__ import annotations

import json
import os


def record(
    figure: str,
    value: float,
    unit: str,
    *,
    goal: str,
    ratio: float,
    met: bool,
    floor: float | None = None,
) -> None:
    """Print one figure and append it to ``$DATAROOM_BENCH_JSON`` when set.

    ``figure`` names what was measured ("import 1M rows × 12 cols"), ``goal`` states the target in words
    ("≤ 1.25 × floor", "< 300 ms", "≥ 150 MB/s").
    """
    floor_text = f"floor {floor:,.3g} {unit}" if floor is not None else ""
    verdict = "meets goal" if met else "MISSES goal"
    print(f"{figure:<52} {value:>12,.3g} {unit:<8} goal {goal:<18} {floor_text:<22} ratio {ratio:5.2f}  {verdict}")
    target = os.environ.get("DATAROOM_BENCH_JSON")
    if target:
        row = {"figure": figure, "value": value, "unit": unit, "goal": goal, "ratio": ratio, "met": met,
               "floor": floor}
        with open(target, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
