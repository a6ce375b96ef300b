"""Run every benchmark in this folder and print one table: figure, measured value, goal, floor, ratio.

``make bench`` calls this. Each benchmark runs in its own process (so peak-memory figures are its own) with
``DATAROOM_BENCH_JSON`` pointing at a scratch file into which :func:`_figures.record` appends the figures; the
benchmark's own output streams through as it runs. The table at the end is Markdown, headed by the date and the
machine, ready to paste into the README (``--markdown FILE`` also writes it to a file).

``--rows N`` runs every benchmark on N rows instead of its default (1,000,000) — a quick check that they all
still run, not a measurement of the goals. ``--only NAME`` (repeatable) runs a subset.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def benchmarks() -> list[str]:
    """Names of the benchmark scripts (every ``*.py`` here except helpers starting with ``_`` and this runner)."""
    return sorted(p.stem for p in HERE.glob("*.py") if not p.stem.startswith("_") and p.stem != "report")


def arguments(name: str, rows: int | None) -> list[str]:
    """Command-line arguments that make benchmark ``name`` use ``rows`` rows (none: its defaults)."""
    if rows is None:
        return []
    if name == "read_speed":
        return ["--rows", str(rows), "--xlsx-rows", str(max(rows // 5, 100)), "--repeat", "1"]
    if name == "gui_dataset_view":
        return [str(rows), "20"]
    if name in {"import_csv", "redaction", "transfer"}:
        return [str(rows)]
    return []


def machine() -> str:
    """One line naming the machine the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 1024**2:.0f} GB RAM"
    except (OSError, IndexError, ValueError):
        pass
    return (f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}")  # fmt: skip


def _number(value: float) -> str:
    if value >= 1000:
        return f"{value:,.0f}"
    return f"{value:.3g}"


def table(figures: list[dict[str, object]], *, when: str, where: str, failed: list[str]) -> str:
    """The Markdown table of ``figures`` (as written by ``record``), with the date, machine and any failures."""
    lines = [
        f"Measured {when} on {where}.",
        "",
        "| Figure | Measured | Goal | Floor (same run) | Ratio | Goal met |",
        "|---|---:|---|---:|---:|---|",
    ]
    for f in figures:
        unit = str(f["unit"])
        floor = f"{_number(float(f['floor']))} {unit}" if f.get("floor") is not None else "—"  # type: ignore[arg-type]
        lines.append(
            f"| {f['figure']} | {_number(float(f['value']))} {unit} | {f['goal']} | {floor} "  # type: ignore[arg-type]
            f"| {float(f['ratio']):.2f} | {'yes' if f['met'] else '**no**'} |"  # type: ignore[arg-type]
        )
    if failed:
        lines += ["", "Benchmarks that failed to run: " + ", ".join(failed)]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, help="rows for every benchmark (default: each one's own, 1,000,000)")
    parser.add_argument("--only", action="append", choices=benchmarks(), help="run only this benchmark")
    parser.add_argument("--markdown", type=Path, help="also write the table to this file")
    args = parser.parse_args()

    names = args.only or benchmarks()
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="dataroom-bench-report-") as tmp:
        sink = Path(tmp) / "figures.jsonl"
        sink.touch()
        env = {**os.environ, "DATAROOM_BENCH_JSON": str(sink), "QT_QPA_PLATFORM": "offscreen", "PYTHONUNBUFFERED": "1"}
        for name in names:
            print(f"\n=== {name} ===", flush=True)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, str(HERE / f"{name}.py"), *arguments(name, args.rows)], env=env)
            print(f"=== {name}: {time.perf_counter() - start:.0f} s, exit {done.returncode} ===", flush=True)
            if done.returncode != 0:
                failed.append(name)
        figures = [json.loads(line) for line in sink.read_text(encoding="utf-8").splitlines() if line]
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    where = machine() + (f"; quick run with {args.rows:,} rows, not the goals' size" if args.rows else "")
    text = table(figures, when=when, where=where, failed=failed)
    print("\n" + text)
    if args.markdown:
        args.markdown.write_text(text + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
