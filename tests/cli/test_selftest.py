"""``dataroom --selftest`` from source: every check passes in a fresh interpreter, a failing check gives a FAIL line
and a non-zero exit, checks that build on a failed one are not run, and Qt's fatal errors become FAIL lines too.

The passing runs use subprocesses so that the Qt checks' QApplication never lives in the test process."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from dataroom.cli import selftest

OK_LINE = re.compile(r"^ok  (?P<name>[\w-]+)  (?P<ms>\d+)$")


def _run_module(tmp_path: Path, *args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], float]:
    """``python -m dataroom.cli.selftest`` headless, with its temporary files under ``tmp_path/tmp``."""
    (tmp_path / "tmp").mkdir(exist_ok=True)
    environ = {**os.environ, "TMPDIR": str(tmp_path / "tmp"), "QT_QPA_PLATFORM": "offscreen", **env}
    environ.pop("DISPLAY", None)
    environ.pop("WAYLAND_DISPLAY", None)
    started = time.monotonic()
    done = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=environ, timeout=120)
    return done, time.monotonic() - started


def _no_core_checks_left_behind(tmp_path: Path) -> None:
    assert list((tmp_path / "tmp").glob("dataroom-selftest-*")) == []


def test_selftest_passes_from_source(tmp_path: Path) -> None:
    done, seconds = _run_module(tmp_path, "-m", "dataroom.cli.selftest")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    names = [m["name"] for line in lines if (m := OK_LINE.match(line))]
    assert names == [check.name for check in selftest.CHECKS], done.stdout
    assert lines[-1].startswith(f"self-test passed: {len(selftest.CHECKS)} checks in ")
    assert "FAIL" not in done.stdout
    assert seconds < 10, f"the self-test took {seconds:.1f} s"
    _no_core_checks_left_behind(tmp_path)


def _without_qt() -> list[selftest.Check]:
    return [c for c in selftest.CHECKS if c.name not in {"qt", "translations"}]


def _boom(state: selftest.State) -> None:
    raise RuntimeError("forced failure")


def test_a_failing_check_fails_the_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    checks = [replace(c, run=_boom) if c.name == "redact" else c for c in _without_qt()]
    monkeypatch.setattr(selftest, "CHECKS", checks)
    out = io.StringIO()
    assert selftest.run(out=out) == 1
    lines = out.getvalue().splitlines()
    expected = re.compile(r"FAIL redact: RuntimeError: forced failure \(at test_selftest\.py:\d+\)")
    assert any(expected.fullmatch(line) for line in lines), lines
    assert [line for line in lines if line.startswith("FAIL")] == [line for line in lines if "redact" in line]
    assert any(OK_LINE.match(line) and " receipt " in line for line in lines)  # later, independent checks still ran
    assert lines[-1].startswith(f"self-test FAILED: 1 of {len(checks)} checks")
    assert list(tmp_path.iterdir()) == []  # the vaults went with the temporary folder


def test_checks_that_need_a_failed_one_are_not_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def refused(state: selftest.State) -> None:
        selftest._expect(False, "the recipient refuses the packet: signature")

    checks = [replace(c, run=refused) if c.name == "packet" else c for c in _without_qt()]
    out = io.StringIO()
    assert selftest.run(checks, out=out) == 1
    text = out.getvalue()
    assert "FAIL packet: the recipient refuses the packet: signature\n" in text
    assert "FAIL receipt: not run, needs packet\n" in text
    assert re.search(r"^ok  audit  \d+$", text, re.M)


def test_qt_that_cannot_start_is_a_fail_line(tmp_path: Path) -> None:
    """A platform plugin that cannot load makes Qt abort; the self-test still says FAIL and cleans up."""
    done, _ = _run_module(tmp_path, "-m", "dataroom.cli.selftest", QT_QPA_PLATFORM="no-such-platform")
    assert done.returncode == 1, done.stdout + done.stderr
    fail = [line for line in done.stdout.splitlines() if line.startswith("FAIL")]
    assert len(fail) == 1 and fail[0].startswith("FAIL qt: ") and "no-such-platform" in fail[0], done.stdout
    assert done.stdout.splitlines()[-1].startswith("self-test FAILED")
    _no_core_checks_left_behind(tmp_path)


def test_dataroom_selftest_flag(tmp_path: Path) -> None:
    """``dataroom --selftest`` runs it through the CLI's parser, without needing a sub-command."""
    from dataroom.cli.main import build_parser

    if "--selftest" not in build_parser().format_help():
        pytest.fail(
            "dataroom/cli/main.py has no --selftest option yet: import `selftest` from `.` and add "
            '`parser.add_argument("--selftest", action=selftest.SelftestAction)` to build_parser()'
        )
    done, _ = _run_module(tmp_path, "-c", "from dataroom.cli.main import main; raise SystemExit(main(['--selftest']))")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("self-test passed")
