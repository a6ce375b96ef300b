"""Policy editor: one rule per column (operator and its parameters, the column's class in the policy), edited as
a draft with a live preview of its effect on the rows on screen, then saved as a new version
(``flows.redaction.save_policy``, audited). Roles that may not edit policies see the rules read-only."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.errors import DataroomError
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.policy import ColumnRule, Policy
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages, worker
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets import names
from dataroom.ui.datasets.badges import badge_colours, class_label
from dataroom.ui.datasets.params_editor import ParamsEditor
from dataroom.ui.datasets.policy_draft import apply_rule
from dataroom.ui.datasets.rows_pages import raw_cells
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import Retranslating, label

#: ``() -> [(row number, {output column: shown value})]`` — the rows on screen in the dataset view.
SampleSource = Callable[[], list[tuple[int, dict[str, str]]]]

COLUMN, CLASS, RULE = range(3)


class PolicyEditor(Retranslating, QWidget):
    """Draft of the dataset's policy. ``saved(StoredPolicy)`` after a new version was saved."""

    saved = Signal(object)
    #: The live preview was refreshed (tests wait for it).
    preview_updated = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self._stored: StoredPolicy | None = None
        self._draft: Policy | None = None
        self._types: dict[str, str] = {}
        self._sample_source: SampleSource | None = None
        self._raw: dict[int, tuple[str, ...]] = {}
        self._sample: list[tuple[int, dict[str, str]]] = []
        self._columns: list[str] = []
        self._generation = 0
        self._can_edit = False
        self._filling = False

        self.version = label("", wrap=True)
        self.rules = QTableWidget(0, 3)
        self.rules.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rules.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rules.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rules.verticalHeader().hide()
        head = self.rules.horizontalHeader()
        head.setSectionResizeMode(COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(CLASS, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(RULE, QHeaderView.ResizeMode.Stretch)
        self.rules.currentCellChanged.connect(lambda *_a: self._rule_selected())

        self.rule_box = QGroupBox()
        self.op = QComboBox()
        self.op_hint = label("muted", wrap=True)
        self.params = ParamsEditor()
        self.rule_class = QComboBox()
        self.revert = QPushButton()
        self.problem = label("error", wrap=True)
        rule_form = QFormLayout()
        self.op_caption, self.class_caption = QLabel(), QLabel()
        rule_form.addRow(self.op_caption, self.op)
        rule_form.addRow(self.op_hint)
        rule_form.addRow(self.params)
        rule_form.addRow(self.class_caption, self.rule_class)
        box = QVBoxLayout(self.rule_box)
        box.addLayout(rule_form)
        box.addWidget(self.problem)
        box.addWidget(self.revert, 0, Qt.AlignmentFlag.AlignRight)
        self.op.currentIndexChanged.connect(self._op_changed)
        self.params.changed.connect(self._edited)
        self.rule_class.currentIndexChanged.connect(self._edited)
        self.revert.clicked.connect(self._revert_column)

        self.preview_caption = label("section")
        self.preview_note = label("muted", wrap=True)
        self.preview = QTableWidget(0, 3)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.setWordWrap(False)
        phead = self.preview.horizontalHeader()
        phead.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        phead.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        phead.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)

        self.note = QLineEdit()
        self.discard = QPushButton()
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.discard.clicked.connect(self.discard_changes)
        self.save_button.clicked.connect(self.save)
        self.changes = label("muted")
        footer = QHBoxLayout()
        footer.addWidget(self.changes)
        footer.addWidget(self.note, 1)
        footer.addWidget(self.discard)
        footer.addWidget(self.save_button)

        middle = QWidget()
        middle_column = QVBoxLayout(middle)
        middle_column.setContentsMargins(0, 0, 0, 0)
        middle_column.addWidget(self.rule_box)
        middle_column.addWidget(self.preview_caption)
        middle_column.addWidget(self.preview_note)
        middle_column.addWidget(self.preview, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.rules)
        splitter.addWidget(middle)
        splitter.setSizes([380, 520])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.version)
        layout.addWidget(splitter, 1)
        layout.addLayout(footer)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.rules.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Class"), self.tr("Rule")])
        self.rule_box.setTitle(self.tr("Rule of the selected column"))
        self.op_caption.setText(self.tr("Operator"))
        self.class_caption.setText(self.tr("Class in the policy"))
        self.revert.setText(self.tr("Undo changes to this column"))
        self.preview_caption.setText(self.tr("Effect on the rows on screen"))
        self.preview.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Now"), self.tr("With your change")])
        self.note.setPlaceholderText(self.tr("note for this version (why), kept in the audit log"))
        self.discard.setText(self.tr("Discard changes"))
        self._filling = True
        current_op, current_class = self.op.currentData(), self.rule_class.currentData()
        self.op.clear()
        for op in ops.OPERATORS:
            self.op.addItem(names.operator_name(op), op)
        self.op.setCurrentIndex(max(self.op.findData(current_op), 0))
        self.rule_class.clear()
        for c in names.all_classes():
            self.rule_class.addItem(names.class_name(c), c)
        self.rule_class.setCurrentIndex(max(self.rule_class.findData(current_class), 0))
        self._filling = False
        self._show_version()
        self._fill_rules()
        self._rule_selected()

    # --- session and dataset -----------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._can_edit = session is not None and session.can(Permission.REDACT)
        for widget in (self.op, self.params, self.rule_class, self.revert, self.note, self.discard, self.save_button):
            widget.setVisible(self._can_edit)
        self.changes.setVisible(self._can_edit)
        self.set_dataset(None)

    def set_sample_source(self, source: SampleSource) -> None:
        self._sample_source = source

    @property
    def draft(self) -> Policy | None:
        return self._draft

    @property
    def stored(self) -> StoredPolicy | None:
        return self._stored

    def set_dataset(self, name: str | None, types: dict[str, str] | None = None) -> None:
        """Load ``name``'s policy in force; ``types`` are the columns' classified types (for mask/pseudonym)."""
        self._dataset = name
        self._types = dict(types or {})
        self._raw = {}
        self._sample = []
        self._stored = self._draft = None
        session = self._session
        if session is not None and name is not None:
            try:
                self._stored = redaction_flows.show_policy(session, name)
            except DataroomError as err:
                messages.show_error(self, err)
            else:
                self._draft = self._stored.policy
        self._columns = [r.column for r in self._draft.rules] if self._draft else []
        self._show_version()
        self._fill_rules()
        if self._columns:
            self.rules.setCurrentCell(0, 0)
        self._rule_selected()

    def _show_version(self) -> None:
        stored = self._stored
        if stored is None:
            self.version.setText("")
            return
        if stored.version == 0:
            text = self.tr("In force: the default policy derived from the column classes (not saved yet).")
        else:
            text = self.tr("In force: version {version}, saved {time} by {user}").format(
                version=stored.version, time=local_time(stored.created_at)[:16], user=stored.created_by
            )
            if stored.note:
                text += f" — “{stored.note}”"
        self.version.setText(text + "  " + self.tr("SHA-256 {sha}…").format(sha=stored.sha256[:16]))
        self.save_button.setText(self.tr("Save as version {n}").format(n=(stored.version or 0) + 1))
        self._update_changes()

    # --- rules table -------------------------------------------------------------------------------------------
    def _changed_columns(self) -> list[str]:
        if self._stored is None or self._draft is None:
            return []
        base = {r.column: r for r in self._stored.policy.rules}
        return [r.column for r in self._draft.rules if r != base.get(r.column)]

    def _fill_rules(self) -> None:
        draft = self._draft
        current = self.rules.currentRow()
        self.rules.blockSignals(True)
        self.rules.setRowCount(0)
        if draft is not None:
            changed = set(self._changed_columns())
            self.rules.setRowCount(len(draft.rules))
            for row, rule in enumerate(draft.rules):
                name = QTableWidgetItem(("● " if rule.column in changed else "") + rule.column)
                cls = QTableWidgetItem(class_label(rule.data_class))
                fg, bg = badge_colours(rule.data_class)
                cls.setForeground(fg)
                cls.setBackground(bg)
                described = names.describe_rule(rule.op, rule.params)
                text = QTableWidgetItem(described)
                text.setToolTip(described + "\n" + names.operator_hint(rule.op))
                if rule.column in changed:
                    font = QFont(name.font())
                    font.setBold(True)
                    name.setFont(font)
                    text.setFont(font)
                for col, item in ((COLUMN, name), (CLASS, cls), (RULE, text)):
                    self.rules.setItem(row, col, item)
        if 0 <= current < self.rules.rowCount():
            self.rules.setCurrentCell(current, 0)
        self.rules.blockSignals(False)
        self._update_changes()

    def _update_changes(self) -> None:
        changed = self._changed_columns()
        self.changes.setText(self.tr("{n} column(s) changed").format(n=len(changed)) if changed else "")
        self.save_button.setEnabled(self._can_edit and self._draft is not None and bool(changed))
        self.discard.setEnabled(bool(changed))

    def current_column(self) -> str | None:
        row = self.rules.currentRow()
        return self._columns[row] if 0 <= row < len(self._columns) else None

    def select_column(self, column: str) -> None:
        if column in self._columns:
            self.rules.setCurrentCell(self._columns.index(column), 0)

    def _rule_selected(self) -> None:
        column, draft = self.current_column(), self._draft
        self.rule_box.setEnabled(column is not None)
        if column is None or draft is None:
            self.preview.setRowCount(0)
            return
        rule = draft.rule(column)
        self._filling = True
        self.op.setCurrentIndex(max(self.op.findData(rule.op), 0))
        self.op_hint.setText(names.operator_hint(rule.op))
        self.params.set_rule(rule.op, rule.params, self._types.get(column))
        self.rule_class.setCurrentIndex(max(self.rule_class.findData(rule.data_class), 0))
        self._filling = False
        self.problem.setText("")
        base = {r.column: r for r in self._stored.policy.rules} if self._stored else {}
        self.revert.setEnabled(base.get(column) != rule)
        self.rule_box.setTitle(self.tr("Rule of {column}").format(column=column))
        self.refresh_preview()

    def _op_changed(self) -> None:
        op = self.op.currentData()
        self.op_hint.setText(names.operator_hint(op))
        self.params.set_op(op)
        if not self._filling:
            column = self.current_column()
            if column is not None and self._draft is not None:
                current = self._draft.rule(column)
                params = current.params if current.op == op else {}
                self.params.set_rule(op, params, self._types.get(column))
            self._edited()

    def _edited(self) -> None:
        """The controls changed: validate the rule and put it into the draft."""
        if self._filling or self._draft is None:
            return
        column = self.current_column()
        if column is None:
            return
        op = self.op.currentData()
        try:
            params = ops.check_params(op, self.params.params())
        except DataroomError as err:
            self.problem.setText(messages.error_text(err))
            return
        self.problem.setText("")
        self.set_rule(ColumnRule(column, op, params, self.rule_class.currentData()))

    def set_rule(self, rule: ColumnRule) -> None:
        """Put ``rule`` into the draft (the table, the buttons and the preview follow)."""
        if self._draft is None:
            return
        self._draft = self._draft.with_rule(rule)
        base = {r.column: r for r in self._stored.policy.rules} if self._stored else {}
        self.revert.setEnabled(base.get(rule.column) != rule)
        self._fill_rules()
        self._show_preview()

    def stage(self, changes: list[tuple[str, str, dict[str, Any]]]) -> None:
        """Take rules suggested elsewhere (k-anonymity) into the draft; nothing is saved until Save."""
        if self._draft is None or not self._can_edit:
            return
        for column, op, params in changes:
            current = self._draft.rule(column)
            params = dict(params)
            if op in (ops.MASK, ops.PSEUDONYM) and "type" not in params:
                params["type"] = current.params.get("type") or self._types.get(column) or "text"
            self.set_rule(ColumnRule(column, op, ops.check_params(op, params), current.data_class))
        if changes:
            self.select_column(changes[0][0])
            self._rule_selected()

    def _revert_column(self) -> None:
        column = self.current_column()
        if column is None or self._stored is None:
            return
        self.set_rule(self._stored.policy.rule(column))
        self._rule_selected()

    def discard_changes(self) -> None:
        if self._stored is not None:
            self._draft = self._stored.policy
            self._fill_rules()
            self._rule_selected()

    # --- live preview ------------------------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Read the raw cells of the rows on screen (on the worker) and show the current rule's effect."""
        session, name = self._session, self._dataset
        self._sample = self._sample_source() if self._sample_source is not None else []
        numbers = [n for n, _ in self._sample]
        if session is None or name is None or not session.can(Permission.VIEW_RAW) or not numbers:
            self._raw = {}
            self._show_preview()
            return
        if all(n in self._raw for n in numbers):
            self._show_preview()
            return
        self._generation += 1
        generation = self._generation
        task = worker.Task(lambda _p, _c: raw_cells(session, name, numbers))
        task.succeeded.connect(lambda cells: self._raw_arrived(generation, numbers, cells))
        task.failed.connect(lambda err: self._raw_arrived(generation, numbers, None))
        task.start()

    def _raw_arrived(self, generation: int, numbers: list[int], cells: list[tuple[str, ...]] | None) -> None:
        if generation != self._generation:
            return
        self._raw = dict(zip(numbers, cells, strict=True)) if cells else {}
        self._show_preview()

    def _show_preview(self) -> None:
        column, draft, stored = self.current_column(), self._draft, self._stored
        self.preview.setRowCount(0)
        if column is None or draft is None or stored is None:
            self.preview_updated.emit()
            return
        session = self._session
        if session is None or not session.can(Permission.VIEW_RAW):
            self.preview_note.setText(self.tr("A live preview needs the right to see raw values."))
            self.preview_updated.emit()
            return
        if not self._sample:
            self.preview_note.setText(self.tr("Open the Rows tab and scroll to the rows you want to check."))
            self.preview_updated.emit()
            return
        position = self._columns.index(column)
        values = [
            self._raw.get(n, ())[position] if len(self._raw.get(n, ())) > position else None for n, _ in self._sample
        ]
        shown = [cells.get(column) for _, cells in self._sample]
        base, rule = stored.policy.rule(column), draft.rule(column)
        tokens = shown if base.op == ops.PSEUDONYM and all(s is not None for s in shown) else None
        try:
            now = apply_rule(base, values, tokens)
            same_tokens = (
                rule.op == ops.PSEUDONYM
                and base.op == ops.PSEUDONYM
                and rule.params.get("type") == base.params.get("type")
            )
            after = apply_rule(rule, values, tokens if same_tokens else None)
        except DataroomError as err:
            self.problem.setText(messages.error_text(err))
            self.preview_updated.emit()
            return
        note = self.tr("De-identified values of the rows on screen under the policy in force and with your change.")
        if rule.op == ops.PSEUDONYM and not (tokens is not None and base == rule):
            note += " " + self.tr("Keyed tokens are computed with the deal's key when the policy is saved.")
        self.preview_note.setText(note)
        self.preview.setRowCount(len(self._sample))
        changed_brush = badge_colours("consent-required")[1]
        for row, ((number, _cells), before, later) in enumerate(zip(self._sample, now, after, strict=True)):
            self.preview.setItem(row, 0, QTableWidgetItem(str(number)))
            self.preview.setItem(row, 1, QTableWidgetItem(before))
            item = QTableWidgetItem(later)
            if later != before:
                item.setBackground(changed_brush)
            self.preview.setItem(row, 2, item)
        self.preview_updated.emit()

    # --- save --------------------------------------------------------------------------------------------------
    def save(self) -> None:
        session, name, draft = self._session, self._dataset, self._draft
        if session is None or name is None or draft is None or not self._changed_columns():
            return
        note = self.note.text().strip() or None

        def done(stored: StoredPolicy) -> None:
            if name != self._dataset:
                return
            self.note.clear()
            self._stored, self._draft = stored, stored.policy
            self._show_version()
            self._fill_rules()
            self._rule_selected()
            self.saved.emit(stored)

        run_busy(
            self,
            self.tr("Saving the policy…"),
            lambda _p, _c: redaction_flows.save_policy(session, name, draft, note=note),
            done,
        )
