"""Choosing what the PIPL art. 22 notice to data subjects covers: under the selected NDA, which dataset and which
permitted recipient, and where to write it (PDF, e-mail text with a ``{{name}}`` merge field, SMS text).

Purpose and columns (hence the categories of personal information named) come from the NDA in core.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from dataroom.core.deal.nda import Nda
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import Retranslating, label


class NoticeDialog(Retranslating, QDialog):
    def __init__(self, nda: Nda, own_fingerprint: str | None, datasets_here: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.nda = nda
        content = QWidget()
        self.intro = label("muted", wrap=True)
        self.dataset = QComboBox()
        for entry in nda.content["scope"]["datasets"]:
            if entry["name"] in datasets_here:
                self.dataset.addItem(entry["name"])
        self.recipient = QComboBox()
        for r in nda.content["recipients"]:
            if r["fingerprint"] != own_fingerprint:
                self.recipient.addItem(f"{r['organisation']} ({r['fingerprint'][:11]}…)", r["fingerprint"])
        self.contact = QLineEdit()
        self.out = QLineEdit(str(Path.home() / f"notice-{nda.id}"))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(self.browse)
        self.form = QFormLayout(content)
        self.form.addRow(self.intro)
        self.form.addRow(QLabel(), self.dataset)
        self.form.addRow(QLabel(), self.recipient)
        self.form.addRow(QLabel(), self.contact)
        self._out_label = QLabel()
        self.form.addRow(self._out_label, out_row)
        self.problem = label("error", wrap=True)
        self.form.addRow(self.problem)
        self.buttons, self.ok = frame(self, content)
        self.out.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Notice to data subjects"))
        self.intro.setText(
            self.tr(
                "PIPL art. 22: before the transfer, tell the data subjects the recipient's name and contact details. "
                "The purpose and the categories of data come from the NDA."
            )
        )
        self.form.labelForField(self.dataset).setText(self.tr("Dataset:"))
        self.form.labelForField(self.recipient).setText(self.tr("Recipient:"))
        self.form.labelForField(self.contact).setText(self.tr("Recipient's contact:"))
        self.contact.setPlaceholderText(self.tr("default: the e-mail on the recipient's card"))
        self._out_label.setText(self.tr("Write to:"))
        self.browse.setText(self.tr("Browse…"))
        self._update()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Notice files"), self.out.text())
        if chosen:
            self.out.setText(str(Path(chosen).with_suffix("")))

    def _update(self) -> None:
        if self.dataset.count() == 0:
            problem = self.tr("None of the NDA's datasets is in this vault.")
        elif self.recipient.count() == 0:
            problem = self.tr("The NDA names no recipient other than this party.")
        elif not self.out.text().strip():
            problem = self.tr("Choose where to write the notice.")
        else:
            problem = ""
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)

    def values(self) -> tuple[str, str, str | None, Path]:
        """``(dataset, recipient fingerprint, contact or None, output base path without suffix)``."""
        base = Path(self.out.text().strip()).expanduser()
        return self.dataset.currentText(), str(self.recipient.currentData()), self.contact.text().strip() or None, base
