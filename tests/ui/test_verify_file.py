"""Verifying a file from the GUI: ``dataroom-app FILE``, a drop on the main window, or File → Verify.

The panel is non-modal, checks on the worker and says in words whether the file is authentic, who signed it and
what is wrong; a one-byte change turns the verdict round.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import parties
from dataroom.core.session import Session
from dataroom.ui import verify_panel as panel_mod
from dataroom.ui.app import parse_args
from dataroom.ui.main_window import MainWindow
from dataroom.ui.settings import Settings
from dataroom.ui.verify_file import choose_and_verify, verify_in_background
from dataroom.ui.verify_panel import VerifyPanel
from tests.core.test_deal_helpers import party


def _done(qtbot, panel: VerifyPanel) -> VerifyPanel:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: panel.report is not None or bool(panel.error), timeout=10_000)
    return panel


def _tampered(path: Path, marker: bytes, offset: int, tmp_path: Path) -> Path:
    data = bytearray(path.read_bytes())
    data[data.index(marker) + offset] ^= 0x01
    bad = tmp_path / f"bad-{path.name}"
    bad.write_bytes(bytes(data))
    return bad


def test_a_file_on_the_command_line_is_verified(qtbot, session, tmp_path: Path) -> None:
    export = tmp_path / "audit.jsonl"
    audit_flows.export(session, export)
    assert parse_args([str(export)]).file == export
    panel = _done(qtbot, verify_in_background(export))
    assert panel.isVisible() and not panel.isModal()
    assert panel.kind.text() == "Audit log export" and panel.badge.text() == "Intact"
    assert panel.file_name.text() == "audit.jsonl" and "Audit chain intact" in panel.sections["covers"][1].text()
    bad = _tampered(export, b'"actor":"', 9, tmp_path)
    panel.verify(bad)
    _done(qtbot, panel)
    assert panel.badge.text() == "NOT authentic" and panel.badge.property("badge") == "bad"
    assert not panel.sections["problems"][1].isHidden() and "changed" in panel.sections["problems"][1].text()
    panel.close()


def test_good_and_one_byte_tampered_card(qtbot, tmp_path: Path) -> None:
    seller = party(tmp_path, "seller", "上海示例科技有限公司", "张三", "zhang@example.cn", "seller")
    try:
        card = parties.export_card(seller, tmp_path / "seller.drcard")
        panel = VerifyPanel(None, seller)
        qtbot.addWidget(panel)
        panel.show()
        _done(qtbot, panel.verify(card) and panel)
        report = panel.report
        assert report is not None and report.authentic and report.kind == "identity card"
        assert panel.badge.text() == "Authentic" and "this card is yours" in panel.sections["notes"][1].text()
        assert "上海示例科技有限公司" in panel.sections["signers"][1].text()
        panel.verify(_tampered(card, b'"organisation"', 17, tmp_path))
        _done(qtbot, panel)
        assert panel.report is not None and not panel.report.authentic
        assert panel.badge.text() == "NOT authentic" and panel.sections["problems"][1].text().startswith("• ")
    finally:
        seller.close()


def test_unknown_and_missing_files_are_said_in_words(qtbot, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    panel = _done(qtbot, verify_in_background(notes))
    assert panel.badge.text() == "Not a Dataroom file" and "does not know this kind of file" in panel.verdict.text()
    panel.verify(tmp_path / "gone.pdf")
    _done(qtbot, panel)
    assert panel.badge.text() == "Cannot check" and "There is no file" in panel.verdict.text()
    panel.close()


def _drop(window: MainWindow, paths: list[Path]) -> QDropEvent:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)  # fmt: skip
    drop.ignore()
    window.dropEvent(drop)  # offscreen Qt delivers a synthetic drop only to the drag manager's own target
    return drop


def _panels(window: MainWindow) -> list[VerifyPanel]:
    return [p for p in window.findChildren(VerifyPanel) if p.isVisible()]


def test_a_file_dropped_on_the_window_is_verified_against_the_vault(
    qtbot, open_session: Session, tmp_path: Path, monkeypatch
) -> None:
    window = MainWindow(Settings())
    window.settings_page._save = lambda _s: None
    qtbot.addWidget(window)
    window.set_session(open_session)
    window.show()
    export = tmp_path / "audit.jsonl"
    audit_flows.export(open_session, export)
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")

    drop = _drop(window, [export, text])
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: len(_panels(window)) == 2 and all(p.report for p in _panels(window)), timeout=10_000)
    verdicts = sorted(p.badge.text() for p in _panels(window))
    assert verdicts == ["Intact", "Not a Dataroom file"]
    # With a vault open the check is audited.
    assert audit_flows.show(open_session, action="file.verify")[-1].object in ("audit.jsonl", "notes.txt")

    mime = QMimeData()
    mime.setText("not a file")
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)  # fmt: skip
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()

    for panel in _panels(window):
        panel.close()
    monkeypatch.setattr(panel_mod.QFileDialog, "getOpenFileName", lambda *a, **k: (str(export), ""))
    assert window.verify_action.text() == "&Verify a file…"
    window.verify_action.trigger()
    qtbot.waitUntil(lambda: len(_panels(window)) == 1 and _panels(window)[0].report is not None, timeout=10_000)
    monkeypatch.setattr(panel_mod.QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert choose_and_verify(window, open_session) is None


def test_closing_the_panel_during_a_check_is_safe(qtbot, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("hello", encoding="utf-8")
    panel = verify_in_background(notes)
    destroyed: list[bool] = []
    panel.destroyed.connect(lambda *_: destroyed.append(True))
    panel.close()  # the check is still queued or running: the panel waits for it before it goes
    qtbot.waitUntil(lambda: bool(destroyed), timeout=10_000)
    assert panel not in panel_mod._parentless
