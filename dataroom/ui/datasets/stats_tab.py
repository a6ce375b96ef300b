"""Statistics tab: one column of the de-identified view — count, blanks, distinct values, the most common values
and a histogram for numbers and dates — computed on the worker over the REDACTED values
(``flows.redaction.column_statistics``), drawn as bar charts."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction.stats import ColumnStats
from dataroom.core.session import Session
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets.charts import BarChart
from dataroom.ui.widgets import Retranslating, label


class StatsTab(Retranslating, QWidget):
    """Pick a column of the de-identified view, compute, read the charts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self._where: str | None = None
        self.stats: ColumnStats | None = None
        self.intro = label("muted", wrap=True)
        self.column = QComboBox()
        self.column.setMinimumContentsLength(14)
        self.compute = QPushButton()
        self.compute.setProperty("primary", True)
        self.compute.clicked.connect(self.run)
        self.column.currentIndexChanged.connect(self._column_changed)
        self.summary = label("", wrap=True)
        self.top_caption = label("section")
        self.top_chart = BarChart()
        self.hist_caption = label("section")
        self.hist_chart = BarChart()
        controls = QHBoxLayout()
        controls.addWidget(self.column, 1)
        controls.addWidget(self.compute)
        body = QWidget()
        charts = QVBoxLayout(body)
        charts.setContentsMargins(0, 0, 8, 0)
        charts.addWidget(self.summary)
        charts.addWidget(self.top_caption)
        charts.addWidget(self.top_chart)
        charts.addWidget(self.hist_caption)
        charts.addWidget(self.hist_chart)
        charts.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(controls)
        layout.addWidget(scroll, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Figures of one column as the recipient would see it: computed over the de-identified values, "
                "so they reveal nothing the view itself does not."
            )
        )
        self.compute.setText(self.tr("Compute"))
        self.top_caption.setText(self.tr("Most common values"))
        self.top_chart.set_empty_text(self.tr("Compute to see the values."))
        self.hist_chart.set_empty_text(self.tr("No histogram: the values are neither numbers nor dates."))
        self._show()

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.set_dataset(None, [])

    def set_dataset(self, name: str | None, columns: Sequence[str], where: str | None = None) -> None:
        """The dataset and the columns of its de-identified view; ``where`` is the view's filter (kept)."""
        changed = name != self._dataset
        self._dataset, self._where = name, where
        current = self.column.currentData()
        self.column.blockSignals(True)
        self.column.clear()
        for c in columns:
            self.column.addItem(c, c)
        self.column.setCurrentIndex(max(self.column.findData(current), 0))
        self.column.blockSignals(False)
        if changed or (self.stats is not None and self.stats.column not in columns):
            self.stats = None
        self.compute.setEnabled(self._session is not None and name is not None and bool(columns))
        self._show()

    def _column_changed(self) -> None:
        self.stats = None
        self._show()

    def run(self) -> None:
        session, name, column, where = self._session, self._dataset, self.column.currentData(), self._where
        if session is None or name is None or not column:
            return

        def done(stats: ColumnStats) -> None:
            if name == self._dataset:
                self.stats = stats
                self._show()

        run_busy(
            self,
            self.tr("Counting the values of {column}…").format(column=column),
            lambda progress, cancel: redaction_flows.column_statistics(
                session, name, column, where=where, progress=progress, cancel=cancel
            ),
            done,
            cancellable=True,
        )

    def _show(self) -> None:
        stats, locale = self.stats, QLocale()
        if stats is None:
            self.summary.setText("")
            self.top_chart.set_bars([])
            self.hist_chart.set_bars([])
            self.hist_caption.setText("")
            return
        text = self.tr("{rows} rows: {filled} filled, {blanks} blank, {distinct} distinct values.").format(
            rows=locale.toString(stats.rows),
            filled=locale.toString(stats.filled),
            blanks=locale.toString(stats.blanks),
            distinct=locale.toString(stats.distinct),
        )
        if stats.dropped:
            text += " " + self.tr("{n} rows left out for lack of consent.").format(n=locale.toString(stats.dropped))
        if self._where:
            text += " " + self.tr("Filter: {expression}").format(expression=self._where)
        self.summary.setText(text)
        self.top_chart.set_bars([(value or self.tr("(blank)"), count) for value, count in stats.top])
        if stats.histogram_kind == "number":
            self.hist_caption.setText(self.tr("Distribution (numbers)"))
        elif stats.histogram_kind == "date":
            self.hist_caption.setText(self.tr("Distribution (dates)"))
        else:
            self.hist_caption.setText(self.tr("Distribution"))
        self.hist_chart.set_bars(stats.histogram)
