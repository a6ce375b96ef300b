"""Worker, settings file, resources, translations catalogue."""

from __future__ import annotations

import errno
import json
import shutil
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sqlcipher3.dbapi2 import OperationalError

import dataroom
from dataroom.core.errors import InputError
from dataroom.ui import messages, resources, worker
from dataroom.ui import settings as settings_mod
from dataroom.ui.settings import Settings

ROOT = Path(dataroom.__file__).resolve().parents[1]
TS = ROOT / "resources" / "translations" / "dataroom_zh_CN.ts"


def test_worker_runs_off_the_gui_thread_and_reports_on_it(qtbot) -> None:
    gui = threading.get_ident()
    seen: dict[str, object] = {"progress": []}

    def job(progress, cancel):  # type: ignore[no-untyped-def]
        seen["job_thread"] = threading.get_ident()
        for i in range(1, 4):
            progress(i, 3)
        return 42

    task = worker.Task(job)
    task.progressed.connect(lambda d, t: seen["progress"].append((d, t, threading.get_ident())))  # type: ignore[union-attr]
    with qtbot.waitSignal(task.succeeded, timeout=5_000) as result:
        task.start()
    assert result.args == [42]
    assert seen["job_thread"] != gui
    assert seen["progress"] and all(ident == gui for *_x, ident in seen["progress"])  # type: ignore[union-attr]
    assert seen["progress"][-1][:2] == (3, 3)  # type: ignore[index]


def test_worker_failures_and_cancellation_reach_the_gui(qtbot) -> None:
    def failing(progress, cancel):  # type: ignore[no-untyped-def]
        raise InputError("bad file")

    with qtbot.waitSignal(worker.Task(failing).start().failed, timeout=5_000) as result:
        pass
    assert str(result.args[0]) == "bad file"

    started = threading.Event()

    def endless(progress, cancel):  # type: ignore[no-untyped-def]
        started.set()
        while True:
            cancel.check()

    task = worker.Task(endless)
    with qtbot.waitSignal(task.failed, timeout=5_000) as result:
        task.start()
        started.wait(5)
        task.cancel()
    assert result.args[0].code == "cancelled"


def test_error_text_never_shows_a_traceback() -> None:
    assert messages.error_text(InputError("The file is empty.")) == "The file is empty."
    text = messages.error_text(ZeroDivisionError("division by zero"))
    assert "unexpected" in text and "division" not in text


def test_a_full_disk_is_told_in_words() -> None:
    failures = (OSError(errno.ENOSPC, "No space left on device", "x.db"), OperationalError("database or disk is full"))
    for err in failures:
        text = messages.error_text(err)
        assert "disk" in text and "unexpected" not in text


def test_settings_round_trip_as_json(tmp_path: Path) -> None:
    settings = Settings(language="zh_CN", idle_lock_minutes=3, geometry="AAAA", last_vault=str(tmp_path / "金库"))
    settings_mod.save(settings)
    path = settings_mod.settings_path()
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["language"] == "zh_CN" and path.stat().st_mode & 0o077 == 0
    assert settings_mod.load() == settings


@pytest.mark.parametrize(
    "content", ["not json", "[]", '{"idle_lock_minutes": "ten", "language": 5}', '{"idle_lock_minutes": 99999}']
)
def test_damaged_settings_fall_back_to_defaults(content: str) -> None:
    path = settings_mod.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content)
    loaded = settings_mod.load()
    assert loaded.language == "" and loaded.idle_lock_minutes in (settings_mod.DEFAULT_IDLE_MINUTES, 240)


def test_installed_pyside_keeps_reference_counts(qtbot) -> None:
    """PySide6-Essentials 6.12.0 wheels drop a reference to None per void call and to True per emit on CPython 3.11,
    which aborts the interpreter after a few thousand calls; pyproject pins ``<6.12`` there. This catches a broken
    build early (by counting, without letting it crash the test run)."""
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtWidgets import QLabel

    class Emitter(QObject):
        ping = Signal(int)

    label, emitter = QLabel(), Emitter()
    emitter.ping.connect(lambda _: None)
    before = sys.getrefcount(None), sys.getrefcount(True)
    for i in range(2000):
        label.setText("x")
        emitter.ping.emit(i)
    after = sys.getrefcount(None), sys.getrefcount(True)
    assert abs(after[0] - before[0]) < 100 and abs(after[1] - before[1]) < 100, (before, after)


def test_resources_dir_can_be_redirected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resources.resources_dir() == ROOT / "resources"
    monkeypatch.setenv("DATAROOM_RESOURCES", str(tmp_path))
    assert resources.translations_dir() == tmp_path / "translations"
    resources.set_resources_dir(tmp_path / "bundle")
    try:
        assert resources.fonts_dir() == tmp_path / "bundle" / "fonts"
    finally:
        resources.set_resources_dir(None)


def test_translation_catalogue_is_complete_and_compiled() -> None:
    tree = ET.parse(TS)
    messages_ = tree.getroot().iter("message")
    unfinished = [
        m.findtext("source")
        for m in messages_
        if m.find("translation") is not None and m.find("translation").get("type") in ("unfinished",)  # type: ignore[union-attr]
    ]
    assert not unfinished, unfinished
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_size > 1000


@pytest.mark.skipif(shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin")) is None, reason="no lupdate")
def test_every_gui_string_is_in_the_catalogue(tmp_path: Path) -> None:
    """Run lupdate on the GUI sources into a scratch file: no source text may be missing from the catalogue."""
    scratch = tmp_path / "scratch.ts"
    lupdate = shutil.which("pyside6-lupdate", path=str(ROOT / ".venv" / "bin"))
    sources = [str(p) for p in sorted((ROOT / "dataroom" / "ui").rglob("*.py"))]
    subprocess.run([lupdate, *sources, "-ts", str(scratch)], check=True, capture_output=True)

    def catalogue(path: Path) -> set[tuple[str, str]]:
        root = ET.parse(path).getroot()
        return {
            (c.findtext("name") or "", m.findtext("source") or "")
            for c in root.iter("context")
            for m in c.iter("message")
            if m.find("translation") is None or m.find("translation").get("type") != "vanished"  # type: ignore[union-attr]
        }

    missing = catalogue(scratch) - catalogue(TS)
    assert not missing, f"run `make translations` and translate: {sorted(missing)[:10]}"
