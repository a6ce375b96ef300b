"""``make bench``'s runner: every benchmark's figures arrive in one table (on a few rows, so it stays quick)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_report_runs_benchmarks_and_tabulates_their_figures(tmp_path: Path) -> None:
    table = tmp_path / "bench.md"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "report.py"), "--rows", "1500", "--only", "redaction",
         "--only", "transfer", "--markdown", str(table)],
        capture_output=True, text=True, timeout=300, cwd=tmp_path, env={**os.environ, "TMPDIR": str(tmp_path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    text = table.read_text(encoding="utf-8")
    assert text in done.stdout
    assert "quick run with 1,500 rows" in text
    rows = [line for line in text.splitlines() if line.startswith("| ") and not line.startswith("| Figure")]
    figures = {line.split(" | ")[0].lstrip("| ") for line in rows}
    # Every goal the redaction and transfer issues name is in the table, the relative one with its floor.
    assert {"pseudonymise 1,500 mobile numbers", "k-anonymity over 性别, age_band, 地址",
            "receipt generation (render, attach, sign)", "receipt verification (sender's signature)"} <= figures
    export = next(line for line in rows if line.startswith("| redacted CSV export"))
    assert "≤ 2 × import floor" in export and " — " not in export
    assert sum("packet import" in line for line in rows) == 2
