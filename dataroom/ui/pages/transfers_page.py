"""Transfers page (placeholder until packets and receipts exist)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dataroom.core.session import Session
from dataroom.ui.pages import placeholder
from dataroom.ui.widgets import Retranslating


class TransfersPage(Retranslating, QWidget):
    """Will list packets sent and received, with their receipts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header, self.panel = placeholder.build(self, "transfers")
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Transfers"), self.tr("Encrypted, signed packets and their receipts."))
        self.panel.set_texts(
            self.tr("Not in the desktop app yet"),
            self.tr(
                "Here you will export a de-identified (or, after closing, full) dataset as a packet for one named "
                "recipient, encrypted to their key and signed by you, with a signed PDF receipt; and verify and "
                "import packets you receive."
            ),
            self.tr("Arrives with: transfer packets and receipts (journeys 7–8)"),
        )

    def set_session(self, session: Session | None) -> None:
        """Nothing to show yet."""
