"""``dataroom-app FILE``: the file is verified on the worker and the verdict shown in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from dataroom.core.flows import audit as audit_flows
from dataroom.ui.app import parse_args
from dataroom.ui.verify_file import verify_in_background


def _box(qtbot) -> QMessageBox:  # type: ignore[no-untyped-def]
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=10_000)
    return found[0]


def test_a_file_on_the_command_line_is_verified(qtbot, session, tmp_path: Path) -> None:
    export = tmp_path / "audit.jsonl"
    audit_flows.export(session, export)
    assert parse_args([str(export)]).file == export
    verify_in_background(export)
    box = _box(qtbot)
    assert "audit" in box.text().lower() and box.icon() == QMessageBox.Icon.Information
    box.close()
    lines = export.read_text(encoding="utf-8").splitlines()
    export.write_text("\n".join([*lines[:1], lines[1].replace("vault.create", "vault.delete"), *lines[2:]]) + "\n")
    verify_in_background(export)
    box = _box(qtbot)
    assert box.icon() == QMessageBox.Icon.Warning
    box.close()
