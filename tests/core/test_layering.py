"""Mechanical check of the layering rule: core and CLI never load Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import dataroom

ROOT = Path(dataroom.__file__).parent

SCRIPT = """
import importlib, pkgutil, sys
import dataroom.core, dataroom.cli
for pkg in (dataroom.core, dataroom.cli):
    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(info.name)
bad = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6") or m.startswith("dataroom.ui"))
print("LOADED:" + ",".join(bad))
"""


def _probe(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_core_and_cli_never_load_qt() -> None:
    out = _probe(SCRIPT)
    assert out.strip() == "LOADED:", out


def test_the_check_can_fail() -> None:
    """The same probe notices Qt when something does import it (so the test above is not vacuous)."""
    probe = SCRIPT.replace("import dataroom.core, dataroom.cli", "import dataroom.core, dataroom.cli, PySide6.QtCore")
    assert "PySide6.QtCore" in _probe(probe)


def test_every_core_module_is_importable() -> None:
    modules = [p for p in (ROOT / "core").rglob("*.py")]
    assert len(modules) > 10
