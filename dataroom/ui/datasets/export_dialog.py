"""Choosing a de-identified export: file format and text encoding, the policy version, and where to write it.
The page runs ``flows.redaction.export_redacted`` with what this dialog returns."""

from __future__ import annotations

from dataclasses import dataclass
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
    QVBoxLayout,
    QWidget,
)

from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.ui.dialogs.base import frame
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import Badge, Retranslating, label

#: (format, encoding, file suffix) per choice.
CHOICES = (("csv", "utf-8", ".csv"), ("csv", "gb18030", ".csv"), ("xlsx", "utf-8", ".xlsx"))


@dataclass(frozen=True)
class ExportRequest:
    path: Path
    fmt: str
    encoding: str
    version: int | None


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "dataset"


class ExportDialog(Retranslating, QDialog):
    """``versions`` are the saved policy versions (oldest first); without any, the default policy is saved as
    version 1 by the export itself."""

    def __init__(self, dataset: str, versions: list[StoredPolicy], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset = dataset
        self._versions = versions
        content = QWidget()
        self.label_badge = Badge()
        self.intro = label("", wrap=True)
        self.format = QComboBox()
        for _ in CHOICES:
            self.format.addItem("")
        self.version = QComboBox()
        self.file = QLineEdit(str(Path.home() / f"{_safe(dataset)}-deidentified.csv"))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file, 1)
        file_row.addWidget(self.browse)
        self.form = QFormLayout()
        self.format_caption, self.version_caption, self.file_caption = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.format_caption, self.format)
        self.form.addRow(self.version_caption, self.version)
        self.form.addRow(self.file_caption, file_row)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.label_badge)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        self.buttons, self.ok = frame(self, content)
        self.setMinimumWidth(560)
        self.format.currentIndexChanged.connect(self._format_changed)
        self.file.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export de-identified data"))
        self.label_badge.set_state("ok", self.tr("De-identified (去标识化), not anonymised"))
        self.intro.setText(
            self.tr(
                "The file holds the rows of {name} as the redaction policy releases them, and says so in its first "
                "lines: dataset and policy hashes, and “de-identified, not anonymised” (PIPL art. 73). Cells that a "
                "spreadsheet could run as a formula are made inert. The export is recorded in the audit log."
            ).format(name=self._dataset)
        )
        self.format_caption.setText(self.tr("Format"))
        self.version_caption.setText(self.tr("Policy"))
        self.file_caption.setText(self.tr("File"))
        texts = [
            self.tr("CSV, UTF-8 (with BOM, opens in Excel)"),
            self.tr("CSV, GB18030 (older Chinese software)"),
            self.tr("Excel workbook (XLSX)"),
        ]
        for i, text in enumerate(texts):
            self.format.setItemText(i, text)
        current = self.version.currentData()
        self.version.clear()
        if not self._versions:
            self.version.addItem(self.tr("default policy (saved as version 1 by this export)"), None)
        for stored in reversed(self._versions):
            self.version.addItem(
                self.tr("version {n} of {time} ({sha}…)").format(
                    n=stored.version, time=local_time(stored.created_at)[:16], sha=stored.sha256[:12]
                ),
                stored.version,
            )
        if self._versions:
            self.version.setItemText(0, self.version.itemText(0) + " — " + self.tr("in force"))
        self.version.setCurrentIndex(max(self.version.findData(current), 0))
        self.browse.setText(self.tr("Browse…"))
        self._update()

    def _format_changed(self) -> None:
        suffix = CHOICES[self.format.currentIndex()][2]
        path = Path(self.file.text().strip() or "export")
        self.file.setText(str(path.with_suffix(suffix)))

    def _browse(self) -> None:
        fmt = CHOICES[self.format.currentIndex()][0]
        pattern = self.tr("Excel workbooks (*.xlsx)") if fmt == "xlsx" else self.tr("CSV files (*.csv)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.file.text(), pattern)
        if path:
            self.file.setText(path)

    def _update(self) -> None:
        text = self.file.text().strip()
        self.ok.setEnabled(bool(text) and Path(text).expanduser().parent.is_dir())

    def request(self) -> ExportRequest:
        fmt, encoding, _suffix = CHOICES[self.format.currentIndex()]
        return ExportRequest(Path(self.file.text().strip()).expanduser(), fmt, encoding, self.version.currentData())
