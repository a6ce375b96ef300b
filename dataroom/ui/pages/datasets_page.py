"""Datasets page (placeholder until dataset import and classification reach the GUI)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from dataroom.core.session import Session
from dataroom.ui.pages import placeholder
from dataroom.ui.widgets import Retranslating


class DatasetsPage(Retranslating, QWidget):
    """Will list the customer tables in the vault with their column classes and redacted previews."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.header, self.panel = placeholder.build(self, "datasets")
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Datasets"), self.tr("Customer tables held in the vault, their columns and how sensitive each is.")
        )
        self.panel.set_texts(
            self.tr("Not in the desktop app yet"),
            self.tr(
                "Here you will import customer tables (CSV in UTF-8, GBK or GB18030, and XLSX), see each column's "
                "detected type and class (public, consent-required, sensitive), override a class as a reviewer, and "
                "browse de-identified previews with quality figures."
            ),
            self.tr("Arrives with: desktop app, part 2 (datasets, classification, redaction)"),
            self.tr(
                "Available today on the command line: dataroom import, classify, override, quality, policy, "
                "preview, kanon, export."
            ),
        )

    def set_session(self, session: Session | None) -> None:
        """Nothing to show yet."""
