"""Shared layout of the small input dialogs: a heading, content, an error line, OK/Cancel with OK kept honest."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget


def frame(dialog: QDialog, content: QWidget) -> tuple[QDialogButtonBox, QPushButton]:
    """Lay out ``dialog`` around ``content``; returns the button box and its OK button (disabled until valid)."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setProperty("primary", True)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 16, 20, 16)
    layout.setSpacing(12)
    layout.addWidget(content)
    layout.addStretch(1)
    layout.addWidget(buttons)
    dialog.setMinimumWidth(480)
    return buttons, ok
