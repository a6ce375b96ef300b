"""The rows tab of a dataset: the paged table with class badges in its header, the filter bar, the
de-identified/raw switch, and the column side panel with overrides."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets import names
from dataroom.ui.datasets.badges import TYPE_ROLE, BadgeHeader, class_label
from dataroom.ui.datasets.column_panel import ColumnPanel
from dataroom.ui.datasets.filters import FilterBar
from dataroom.ui.datasets.rows_model import PreviewTableModel
from dataroom.ui.widgets import Badge, Retranslating, label


class DatasetView(Retranslating, QWidget):
    """Browse one dataset. The page gives it the session and the dataset; it opens the view on the worker."""

    #: Classifications changed (an override): other tabs may refresh.
    classes_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self._classes: list[ColumnClass] = []
        self._policy: StoredPolicy | None = None
        self._current_name: str | None = None
        #: Column widths by name for the dataset shown (fitted once, or dragged by the user).
        self._widths: dict[str, int] = {}
        self._applying_widths = False

        self.model = PreviewTableModel(self)
        self.table = QTableView()
        self.header = BadgeHeader(self.table)
        self.table.setHorizontalHeader(self.header)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # A million rows: fixed row heights, so Qt never measures rows it does not show.
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.header.setDefaultSectionSize(150)
        self.header.setStretchLastSection(False)
        self.header.sectionClicked.connect(self.sort_by_section)
        self.header.sectionResized.connect(self._section_resized)

        self.panel = ColumnPanel()
        self.panel.override_requested.connect(self.override)
        self.panel.clear_requested.connect(self.clear_override)

        self.filter_bar = FilterBar()
        self.filter_bar.applied.connect(self.set_filter)
        self.mode_badge = Badge()
        self.raw_button = QPushButton()
        self.raw_button.setCheckable(True)
        self.raw_button.toggled.connect(self.set_raw)
        self.status = label("muted")
        self.problem = label("error", wrap=True)
        self.problem.hide()
        bottom = QHBoxLayout()
        bottom.setSpacing(8)
        bottom.addWidget(self.mode_badge)
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.raw_button)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(self.filter_bar)
        column.addWidget(self.table, 1)
        column.addWidget(self.problem)
        column.addLayout(bottom)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setSizes([660, 290])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.splitter)

        # The side panel follows the current cell from the event loop: several changes in one turn (a reset, then
        # a new current cell) cost one update, and never lengthen the turn that resets the model.
        self._panel_timer = QTimer(self, singleShot=True, interval=0)
        self._panel_timer.timeout.connect(self._show_panel)
        self.model.opened.connect(self._opened)
        self.model.failed.connect(self._failed)
        self.model.busy_changed.connect(lambda _b: self._update_status())
        self.table.selectionModel().currentChanged.connect(self._current_changed)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.raw_button.setText(self.tr("Show raw values"))
        self.raw_button.setToolTip(
            self.tr("Show the values as imported. Your role may see them; every opening is recorded in the audit log.")
        )
        self._update_mode()
        self._update_status()
        self._show_panel()
        if self.model.columns:  # badge words changed length: fit again
            self._widths.clear()
            self._fit_columns()

    def _update_mode(self) -> None:
        if self.model.raw:
            self.mode_badge.set_state(
                "bad", self.tr("Raw values: personal data"), self.tr("Unredacted values as imported.")
            )
        else:
            self.mode_badge.set_state(
                "ok",
                self.tr("De-identified (去标识化)"),
                self.tr("Values as the redaction policy releases them: de-identified, not anonymised (PIPL art. 73)."),
            )

    # --- session and dataset -----------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._dataset = None
        self._classes = []
        self._policy = None
        self.model.clear()
        self.problem.hide()
        allowed_raw = session is not None and session.can(Permission.VIEW_RAW)
        self.raw_button.setVisible(allowed_raw)
        self.raw_button.blockSignals(True)
        self.raw_button.setChecked(False)
        self.raw_button.blockSignals(False)
        self.panel.set_can_override(session is not None and session.can(Permission.CLASSIFY))
        self.panel.show_column(None, None)
        self._update_mode()
        self._update_status()

    @property
    def dataset(self) -> str | None:
        return self._dataset

    @property
    def classes(self) -> list[ColumnClass]:
        return list(self._classes)

    @property
    def policy(self) -> StoredPolicy | None:
        return self._policy

    def show_dataset(self, name: str | None) -> None:
        """Open ``name``'s de-identified view (``None`` shows nothing)."""
        session = self._session
        if name != self._dataset:
            self._widths.clear()
        self._dataset = name
        self._current_name = None
        self.problem.hide()
        self.filter_bar.value.clear()
        self.filter_bar.expression.clear()
        if session is None or name is None:
            self.model.clear()
            self.panel.show_column(None, None)
            self._update_status()
            return
        self._load_meta()
        self.raw_button.blockSignals(True)
        self.raw_button.setChecked(False)
        self.raw_button.blockSignals(False)
        self.model.open(session, name, classes=self._classes)
        self._update_mode()

    def _load_meta(self) -> None:
        """Classifications and the policy in force: quick reads on this thread's connection."""
        session, name = self._session, self._dataset
        if session is None or name is None:
            return
        try:
            self._classes = dataset_flows.column_classes(session, name)
            self._policy = redaction_flows.show_policy(session, name)
        except DataroomError as err:
            self._classes, self._policy = [], None
            messages.show_error(self, err)
        self._update_filter_columns()

    def policy_changed(self) -> None:
        """A new policy version was saved: show the view under it."""
        self._load_meta()
        self.model.reopen()

    def _update_filter_columns(self) -> None:
        session, policy = self._session, self._policy
        if session is None or policy is None:
            self.filter_bar.set_columns([])
            return
        if session.can(Permission.VIEW_RAW):
            self.filter_bar.set_columns([r.column for r in policy.policy.rules])
        else:
            # Filtering compares original values: only columns released unchanged are open to this role.
            self.filter_bar.set_columns([r.column for r in policy.policy.rules if r.op == ops.KEEP])

    def _rule_of(self, column: str) -> str:
        policy = self._policy
        if policy is None:
            return ""
        try:
            rule = policy.policy.rule(column)
        except DataroomError:
            return ""
        return names.describe_rule(rule.op, rule.params)

    # --- view changes ------------------------------------------------------------------------------------------
    def set_raw(self, raw: bool) -> None:
        session = self._session
        if raw and (session is None or not session.can(Permission.VIEW_RAW)):
            return
        self.model.reopen(raw=raw)
        self._update_mode()

    def set_filter(self, where: object) -> None:
        self.problem.hide()
        self.model.reopen(where=where or None)

    def may_sort_by(self, source: str) -> bool:
        """Sorting reads original values: roles without raw access sort only by columns released unchanged."""
        session, policy = self._session, self._policy
        if session is None:
            return False
        if session.can(Permission.VIEW_RAW) or policy is None:
            return session.can(Permission.VIEW_RAW)
        try:
            return policy.policy.rule(source).op == ops.KEEP
        except DataroomError:
            return False

    def sort_by_section(self, section: int) -> None:
        """Header click: ascending, then descending, then back to row order."""
        columns = self.model.columns
        if not 0 <= section < len(columns):
            return
        source = columns[section].source
        if not self.may_sort_by(source):
            self._show_problem(
                self.tr(
                    "Sorting by {column} would reveal the order of values the policy hides; your role may sort only "
                    "by columns released unchanged."
                ).format(column=source)
            )
            return
        self.problem.hide()
        if self.model.sort_column != source:
            self.model.reopen(sort=source, descending=False)
        elif not self.model.descending:
            self.model.reopen(sort=source, descending=True)
        else:
            self.model.reopen(sort=None, descending=False)

    # --- overrides ---------------------------------------------------------------------------------------------
    def override(self, column: str, type_: str, data_class: str, note: str) -> None:
        self._run_override(column, type_, data_class, note.strip() or None)

    def clear_override(self, column: str) -> None:
        self._run_override(column, None, None, None)

    def _run_override(self, column: str, type_: str | None, data_class: str | None, note: str | None) -> None:
        session, name = self._session, self._dataset
        if session is None or name is None:
            return

        def job(_p: object, _c: object) -> list[ColumnClass]:
            dataset_flows.override_column(session, name, column, type_=type_, data_class=data_class, note=note)
            return dataset_flows.column_classes(session, name)

        def done(classes: list[ColumnClass]) -> None:
            if name != self._dataset:
                return
            self._classes = classes
            self.model.set_classes(classes)
            self._load_meta()
            self._show_panel()
            # Without a saved policy the rules follow the classes, so the released values may change.
            if self._policy is not None and self._policy.version == 0:
                self.model.reopen()
            self.classes_changed.emit()

        run_busy(self, self.tr("Saving the override…"), job, done)

    # --- feedback ----------------------------------------------------------------------------------------------
    def _fit_columns(self) -> None:
        """Column widths: what the user dragged, else fitted to the header texts and the first page's values.

        A reset model (sorting, filtering, raw/de-identified) gives every section Qt's default width again, so the
        widths are kept by column name and put back after each opening.
        """
        columns = self.model.columns
        metrics = self.table.fontMetrics()
        rows = min(self.model.rowCount(), 60)
        self._applying_widths = True
        try:
            for i, meta in enumerate(columns):
                width = self._widths.get(meta.name)
                if width is None:
                    texts = [self.model.cell(r, i) or "" for r in range(rows)]
                    values = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 18
                    type_text = str(self.model.headerData(i, Qt.Orientation.Horizontal, TYPE_ROLE))
                    badge = class_label(meta.data_class) + (" ✎" if meta.overridden else "")
                    head = self.header.width_for(meta.name, badge, type_text)
                    width = self._widths[meta.name] = max(min(max(values, head), 260), 70)
                self.header.resizeSection(i, width)
        finally:
            self._applying_widths = False

    def _section_resized(self, logical: int, _old: int, new: int) -> None:
        columns = self.model.columns
        # Only the user's own resizing (a drag or a double click on the edge) is remembered: resets resize too.
        user = QApplication.mouseButtons() != Qt.MouseButton.NoButton
        if user and not self._applying_widths and 0 <= logical < len(columns) and new > 0:
            self._widths[columns[logical].name] = new

    def _opened(self) -> None:
        self._fit_columns()
        columns = self.model.columns
        sort = self.model.sort_column
        section = next((i for i, c in enumerate(columns) if c.source == sort), None) if sort else None
        self.header.set_sorted(section, self.model.descending)
        if self.model.columns and not self.table.currentIndex().isValid() and self.model.rowCount():
            # A reopened view (sorted, filtered, raw, new policy) keeps the column the user was looking at.
            keep = self.model.column_of(self._current_name) if self._current_name else None
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, keep or 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._update_mode()
        self._panel_timer.start()
        self._update_status()

    def _failed(self, err: BaseException) -> None:
        self._show_problem(messages.error_text(err))
        self._update_status()

    def _show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        columns = self.model.columns
        if current.isValid() and 0 <= current.column() < len(columns):
            self._current_name = columns[current.column()].name
        self._panel_timer.start()

    def _show_panel(self) -> None:
        index = self.table.currentIndex()
        columns = self.model.columns
        if not index.isValid() or not 0 <= index.column() < len(columns):
            self.panel.show_column(None, None)
            return
        meta = columns[index.column()]
        column = None if meta.derived else next((c for c in self._classes if c.name == meta.source), None)
        self.panel.show_column(meta, column, self._rule_of(meta.source))

    def _update_status(self) -> None:
        if self._dataset is None:
            self.status.setText("")
            return
        parts = [self.tr("{count} rows").format(count=QLocale().toString(self.model.rowCount()))]
        if self.model.sort_column:
            arrow = "▼" if self.model.descending else "▲"
            parts.append(self.tr("sorted by {column} {arrow}").format(column=self.model.sort_column, arrow=arrow))
        if self.model.where:
            parts.append(self.tr("filter: {expression}").format(expression=self.model.where))
        if self._policy is not None:
            parts.append(
                self.tr("policy version {version}").format(version=self._policy.version)
                if self._policy.version
                else self.tr("default policy (not saved yet)")
            )
        if self.model.is_busy():
            parts.append(self.tr("loading…"))
        self.status.setText(" · ".join(parts))

    # --- for the policy editor ---------------------------------------------------------------------------------
    def visible_rows(self, limit: int = 12) -> list[int]:
        """Rows of the model on screen (at most ``limit``), loaded ones only."""
        if self.model.rowCount() == 0:
            return []
        first = max(self.table.rowAt(0), 0)
        last = self.table.rowAt(self.table.viewport().height() - 1)
        if last < 0:
            last = min(self.model.rowCount() - 1, first + limit - 1)
        return [r for r in range(first, min(last, first + limit - 1) + 1) if self.model.is_loaded(r)]
