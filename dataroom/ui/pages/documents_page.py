"""Deal documents page (placeholder until NDAs and the consent registry reach the GUI)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dataroom.core.session import Session
from dataroom.ui.pages import placeholder
from dataroom.ui.widgets import Retranslating


class DocumentsPage(Retranslating, QWidget):
    """Will hold structured NDAs, consents and notices to data subjects."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header, self.panel = placeholder.build(self, "documents")
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Deal documents"), self.tr("Non-disclosure agreements, the consent registry and notices.")
        )
        self.panel.set_texts(
            self.tr("Not in the desktop app yet"),
            self.tr(
                "Here you will draft an NDA as structured data (parties, purpose, scope, term, destruction duty), "
                "render it as a bilingual PDF that each party signs, record data subjects' consents, and generate "
                "the notice to data subjects required by PIPL art. 22."
            ),
            self.tr("Arrives with: desktop app, part 2 (NDAs, consents, notices)"),
            self.tr("Available today on the command line: dataroom nda, consent, notice, incident."),
        )

    def set_session(self, session: Session | None) -> None:
        """Nothing to show yet."""
