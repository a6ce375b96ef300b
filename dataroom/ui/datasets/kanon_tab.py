"""k-anonymity tab: choose quasi-identifiers among the de-identified view's columns and a target k (and, for
l-diversity, a sensitive column and l); the report (``flows.redaction.kanon_report``, on the worker) gives k, the
share of rows in classes below k, the class sizes as a chart, and generalisations that would reach k — which a
role that may edit the policy can take into the policy editor."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction.kanon import KAnonReport, Suggestion
from dataroom.core.session import Session
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets import names
from dataroom.ui.datasets.charts import BarChart
from dataroom.ui.widgets import Badge, Retranslating, label


def bucket_below(bucket: str, k: int) -> bool:
    """Whether every class in a size bucket (``"3-4"``, ``"100+"``) is smaller than ``k``."""
    top = bucket.rstrip("+").split("-")[-1]
    return not bucket.endswith("+") and top.isdigit() and int(top) < k


class KAnonTab(Retranslating, QWidget):
    """``suggestion_chosen(changes)``: (source column, op, params) per change, for the policy editor."""

    suggestion_chosen = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self._can_edit = False
        self.report: KAnonReport | None = None
        self.intro = label("muted", wrap=True)
        self.columns = QListWidget()
        self.columns.setMinimumWidth(200)
        self.k = QSpinBox()
        self.k.setRange(2, 1000)
        self.k.setValue(5)
        self.sensitive = QComboBox()
        self.l_value = QSpinBox()
        self.l_value.setRange(2, 100)
        self.compute = QPushButton()
        self.compute.setProperty("primary", True)
        self.compute.clicked.connect(self.run)
        self.columns.itemChanged.connect(lambda _i: self._update_button())
        self.form = QFormLayout()
        self.k_caption, self.sensitive_caption, self.l_caption = QLabel(), QLabel(), QLabel()
        self.form.addRow(self.k_caption, self.k)
        self.form.addRow(self.sensitive_caption, self.sensitive)
        self.form.addRow(self.l_caption, self.l_value)
        self.qi_caption = label("section")
        left = QVBoxLayout()
        left.addWidget(self.qi_caption)
        left.addWidget(self.columns, 1)
        left.addLayout(self.form)
        left.addWidget(self.compute)

        self.verdict = Badge()
        self.verdict.hide()
        self.result = label("", wrap=True)
        self.sizes_caption = label("section")
        self.sizes = BarChart()
        self.l_result = label("", wrap=True)
        self.suggestions_caption = label("section")
        self.suggestions = QListWidget()
        self.suggestions.setWordWrap(True)
        self.suggestions.setMinimumHeight(90)
        self.use_suggestion = QPushButton()
        self.use_suggestion.clicked.connect(self._use_suggestion)
        self.suggestions.currentRowChanged.connect(lambda _r: self._update_button())
        body = QWidget()
        right = QVBoxLayout(body)
        right.setContentsMargins(0, 0, 8, 0)
        right.addWidget(self.verdict, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.result)
        right.addWidget(self.sizes_caption)
        right.addWidget(self.sizes)
        right.addWidget(self.l_result)
        right.addWidget(self.suggestions_caption)
        right.addWidget(self.suggestions, 1)
        right.addWidget(self.use_suggestion, 0, Qt.AlignmentFlag.AlignRight)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        row = QHBoxLayout()
        row.addLayout(left, 0)
        row.addWidget(scroll, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(row, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "Tick the columns a recipient could link with other data (age band, gender, district…). Rows in "
                "groups smaller than k share their combination with fewer than k people and could be singled out "
                "(GB/T 42460-2023)."
            )
        )
        self.qi_caption.setText(self.tr("Quasi-identifiers"))
        self.k_caption.setText(self.tr("Target k"))
        self.sensitive_caption.setText(self.tr("Sensitive column"))
        self.l_caption.setText(self.tr("Target l"))
        self.compute.setText(self.tr("Compute k-anonymity"))
        self.sizes_caption.setText(self.tr("Groups by size"))
        self.suggestions_caption.setText(self.tr("Generalisations that would help"))
        self.use_suggestion.setText(self.tr("Use in the policy editor"))
        self.sizes.set_empty_text(self.tr("Compute to see the groups."))
        if self.sensitive.count():
            self.sensitive.setItemText(0, self.tr("none (no l-diversity)"))
        self._show()

    def set_session(self, session: Session | None, *, can_edit_policy: bool = False) -> None:
        self._session = session
        self._can_edit = can_edit_policy
        self.set_dataset(None, [])

    def set_dataset(self, name: str | None, columns: Sequence[str]) -> None:
        changed = name != self._dataset
        self._dataset = name
        ticked = set(self.quasi_identifiers()) if not changed else set()
        self.columns.blockSignals(True)
        self.columns.clear()
        for c in columns:
            item = QListWidgetItem(c, self.columns)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c in ticked else Qt.CheckState.Unchecked)
        self.columns.blockSignals(False)
        current = self.sensitive.currentData()
        self.sensitive.clear()
        self.sensitive.addItem(self.tr("none (no l-diversity)"), None)
        for c in columns:
            self.sensitive.addItem(c, c)
        self.sensitive.setCurrentIndex(max(self.sensitive.findData(current), 0) if not changed else 0)
        if changed:
            self.report = None
        self._show()

    def quasi_identifiers(self) -> list[str]:
        return [
            self.columns.item(i).text()
            for i in range(self.columns.count())
            if self.columns.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_quasi_identifiers(self, chosen: Sequence[str]) -> None:
        for i in range(self.columns.count()):
            item = self.columns.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.text() in chosen else Qt.CheckState.Unchecked)

    def _update_button(self) -> None:
        self.compute.setEnabled(
            self._session is not None and self._dataset is not None and bool(self.quasi_identifiers())
        )
        self.use_suggestion.setVisible(self._can_edit)
        self.use_suggestion.setEnabled(self._can_edit and self._chosen_suggestion() is not None)

    def run(self) -> None:
        session, name, qi = self._session, self._dataset, self.quasi_identifiers()
        if session is None or name is None or not qi:
            return
        k, sensitive, l_target = self.k.value(), self.sensitive.currentData(), self.l_value.value()

        def done(report: KAnonReport) -> None:
            if name == self._dataset:
                self.report = report
                self._show()

        run_busy(
            self,
            self.tr("Grouping the rows of {name}…").format(name=name),
            lambda progress, cancel: redaction_flows.kanon_report(
                session, name, qi, k=k, sensitive=sensitive, l=l_target, progress=progress, cancel=cancel
            ),
            done,
            cancellable=True,
        )

    def _suggestion_text(self, s: Suggestion, report: KAnonReport) -> str:
        changes = "; ".join(f"{c.column}: {names.describe_rule(c.op, c.params)}" for c in s.changes)
        locale = QLocale()
        if s.k >= report.target_k:
            outcome = self.tr("k = {k}, reaches the target").format(k=s.k)
        else:
            outcome = self.tr("k = {k}; {rows} rows ({share} %) still below the target").format(
                k=s.k, rows=locale.toString(s.rows_below), share=locale.toString(100 * s.share_below, "f", 2)
            )
        return f"{changes} → {outcome}"

    def _chosen_suggestion(self) -> Suggestion | None:
        report, row = self.report, self.suggestions.currentRow()
        if report is None or not 0 <= row < len(report.suggestions):
            return None
        return report.suggestions[row]

    def _use_suggestion(self) -> None:
        s = self._chosen_suggestion()
        if s is not None:
            self.suggestion_chosen.emit([(c.source_column, c.op, dict(c.params)) for c in s.changes])

    def _show(self) -> None:
        report, locale = self.report, QLocale()
        self.suggestions.clear()
        if report is None:
            self.verdict.hide()
            self.result.setText("")
            self.l_result.setText("")
            self.sizes.set_bars([])
            self._update_button()
            return
        self.verdict.show()
        if report.satisfied:
            self.verdict.set_state(
                "ok", self.tr("k = {k}: meets k = {target}").format(k=report.k, target=report.target_k)
            )
        else:
            self.verdict.set_state(
                "bad", self.tr("k = {k}: below k = {target}").format(k=report.k, target=report.target_k)
            )
        self.result.setText(
            self.tr(
                "{rows} rows in {classes} groups over {qi}. Rows in groups smaller than {target}: {below} ({share} %)."
            ).format(
                rows=locale.toString(report.rows),
                classes=locale.toString(report.classes),
                qi=", ".join(report.quasi_identifiers),
                target=report.target_k,
                below=locale.toString(report.rows_below),
                share=locale.toString(100 * report.share_below, "f", 2),
            )
        )
        self.sizes.set_bars(
            [(self.tr("groups of {size}").format(size=size), n) for size, n in report.class_sizes],
            highlight=[i for i, (size, _n) in enumerate(report.class_sizes) if bucket_below(size, report.target_k)],
        )
        if report.sensitive:
            self.l_result.setText(
                self.tr(
                    "l-diversity of {column}: l = {l}; rows in groups with fewer than {target} different values: "
                    "{rows}."
                ).format(
                    column=report.sensitive,
                    l=report.l,
                    target=report.target_l,
                    rows=locale.toString(report.rows_below_l or 0),
                )
            )
        else:
            self.l_result.setText("")
        for s in report.suggestions:
            QListWidgetItem(self._suggestion_text(s, report), self.suggestions)
        if not report.suggestions:
            text = (
                self.tr("None needed.")
                if report.satisfied
                else self.tr("No generalisation of these columns reaches the target; consider withholding one.")
            )
            item = QListWidgetItem(text, self.suggestions)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self._update_button()
