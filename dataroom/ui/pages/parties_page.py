"""Parties page (placeholder until party identities and keys exist)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dataroom.core.session import Session
from dataroom.ui.pages import placeholder
from dataroom.ui.widgets import Retranslating


class PartiesPage(Retranslating, QWidget):
    """Will show this party's identity card and the other parties' cards."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header, self.panel = placeholder.build(self, "parties")
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(self.tr("Parties"), self.tr("The parties to the deal and their public identity cards."))
        self.panel.set_texts(
            self.tr("Not in the desktop app yet"),
            self.tr(
                "Here you will see your party's identity card, export and print it, and import the other parties' "
                "cards after comparing their fingerprints in person or by phone. Your own identity is created with "
                "the vault and shown under Settings."
            ),
            self.tr("Arrives with: desktop app, part 2 (identity cards)"),
            self.tr("Available today on the command line: dataroom party show, export-card, import-card, confirm."),
        )

    def set_session(self, session: Session | None) -> None:
        """Nothing to show yet."""
