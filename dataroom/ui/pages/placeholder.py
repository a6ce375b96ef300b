"""The common layout of a page whose core does not exist yet: a header and an honest "arrives with" card."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from dataroom.ui.widgets import ComingSoonPanel, PageHeader


def build(page: QWidget, icon_name: str) -> tuple[PageHeader, ComingSoonPanel]:
    """Lay out ``page`` and return its header and card for the page to fill in its ``retranslate()``."""
    header = PageHeader()
    panel = ComingSoonPanel(icon_name)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(28, 22, 28, 22)
    layout.addWidget(header)
    layout.addWidget(panel)
    layout.addStretch(1)
    return header, panel
