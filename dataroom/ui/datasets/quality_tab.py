"""Quality tab: blanks, distinct values, invalid checksums, duplicates and Excel damage per column, computed over
every row on the worker (``flows.datasets.quality_report``), with progress and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.quality import QualityReport
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.session import Session
from dataroom.ui import theme
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets import names
from dataroom.ui.widgets import Retranslating, label


def _count(value: int | None, of: int | None = None) -> str:
    if value is None:
        return "—"
    locale = QLocale()
    text = locale.toString(value)
    if of:
        text += f" ({locale.toString(100 * value / of, 'f', 1)} %)"
    return text


class QualityTab(Retranslating, QWidget):
    """Figures of the selected dataset, computed when asked (they read every row)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self.report: QualityReport | None = None
        self.intro = label("muted", wrap=True)
        self.compute = QPushButton()
        self.compute.setProperty("primary", True)
        self.compute.clicked.connect(self.run)
        self.summary = label("", wrap=True)
        self.table = QTableWidget(0, 8)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setStretchLastSection(False)
        top = QHBoxLayout()
        top.addWidget(self.intro, 1)
        top.addWidget(self.compute, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Blank cells, distinct values, values failing their checksum or pattern, repeated identifiers and "
                "numbers damaged by Excel, counted over every row of the original data."
            )
        )
        self.compute.setText(self.tr("Check quality"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Column"),
                self.tr("Type"),
                self.tr("Filled"),
                self.tr("Blank"),
                self.tr("Distinct"),
                self.tr("Invalid"),
                self.tr("Repeated"),
                self.tr("Excel damage"),
            ]
        )
        self._show()

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.set_dataset(None)

    def set_dataset(self, name: str | None) -> None:
        self._dataset = name
        self.report = None
        self.compute.setEnabled(self._session is not None and name is not None)
        self._show()

    def run(self) -> None:
        session, name = self._session, self._dataset
        if session is None or name is None:
            return

        def done(report: QualityReport) -> None:
            if name == self._dataset:
                self.report = report
                self._show()

        run_busy(
            self,
            self.tr("Checking the quality of {name}…").format(name=name),
            lambda progress, cancel: dataset_flows.quality_report(session, name, progress=progress, cancel=cancel),
            done,
            cancellable=True,
        )

    def _show(self) -> None:
        report = self.report
        self.table.setRowCount(0)
        if report is None:
            self.summary.setText(self.tr("Not checked yet.") if self._dataset else "")
            return
        self.summary.setText(
            self.tr("{rows} rows; {duplicates} rows repeat an earlier row exactly.").format(
                rows=QLocale().toString(report.rows), duplicates=QLocale().toString(report.duplicate_rows)
            )
        )
        self.table.setRowCount(len(report.columns))
        warn = QBrush(QColor(theme.WARN))
        for row, c in enumerate(report.columns):
            cells = [
                c.name,
                names.type_name(c.type),
                _count(c.filled),
                _count(c.blanks, report.rows),
                _count(c.distinct),
                _count(c.invalid, c.filled),
                _count(c.duplicates),
                _count(c.excel_damaged),
            ]
            problems = {5: c.invalid, 6: c.duplicates, 7: c.excel_damaged}
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if problems.get(col):
                    item.setForeground(warn)
                self.table.setItem(row, col, item)
