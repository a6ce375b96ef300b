"""``DATAROOM_LOG_LEVEL`` sets the diagnostic level for the CLI and the app alike; a bad value falls back."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

PROBE = "import logging; from dataroom.core.diagnostics import configure_logging; configure_logging(); " \
        "print(logging.getLogger().getEffectiveLevel())"  # fmt: skip


@pytest.mark.parametrize(("value", "level"), [(None, 30), ("debug", 10), (" INFO ", 20), ("chatty", 30)])
def test_log_level_comes_from_the_environment(value: str | None, level: int) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATAROOM_LOG_LEVEL"}
    if value is not None:
        env["DATAROOM_LOG_LEVEL"] = value
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True).stdout
    assert int(out) == level
