"""Datasets page: the customer tables in the vault, and for the selected one its de-identified rows with column
classes, the redaction policy, quality, statistics and k-anonymity; importing (button, File → Import…, or files
dropped on the window), de-identified export, data-subject requests, retention limits and destruction, with a
reminder (here and in the status bar) of datasets due for destruction. What a role may not do is hidden.

The pieces live in :mod:`dataroom.ui.datasets`; this module lays them out and passes the session and the selected
dataset between them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import lifecycle
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction.export import ExportResult
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets.destroy_dialog import DestroyDialog
from dataroom.ui.datasets.due_notice import DueNotice
from dataroom.ui.datasets.export_dialog import ExportDialog, ExportRequest
from dataroom.ui.datasets.import_actions import ImportActions, WindowDrops
from dataroom.ui.datasets.import_dialog import ImportDialog
from dataroom.ui.datasets.import_progress import ImportRunner
from dataroom.ui.datasets.kanon_tab import KAnonTab
from dataroom.ui.datasets.lifecycle_actions import LifecycleActions
from dataroom.ui.datasets.list_model import COLUMNS, IMPORTED, NAME, ROWS, SOURCE, DatasetListModel
from dataroom.ui.datasets.policy_editor import PolicyEditor
from dataroom.ui.datasets.quality_tab import QualityTab
from dataroom.ui.datasets.retention_dialog import RetentionDialog
from dataroom.ui.datasets.rows_view import DatasetView
from dataroom.ui.datasets.stats_tab import StatsTab
from dataroom.ui.datasets.subject_dialog import SubjectRequestDialog
from dataroom.ui.widgets import Badge, PageHeader, Retranslating, label

ROWS_TAB, POLICY_TAB, QUALITY_TAB, STATS_TAB, KANON_TAB = range(5)


class DatasetsPage(ImportActions, LifecycleActions, Retranslating, QWidget):
    """Lists the customer tables in the vault; the selected one is browsed, redacted and analysed in tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._pending_files: list[Path] = []
        self._window: QMainWindow | None = None
        #: Tabs that still show an earlier dataset (updated when they are shown).
        self._stale: set[int] = set()
        self.import_dialog: ImportDialog | None = None
        self.runner: ImportRunner | None = None
        self.subject_dialog: SubjectRequestDialog | None = None
        self.lifecycle_dialog: RetentionDialog | DestroyDialog | None = None
        self.header = PageHeader()
        self.setAcceptDrops(True)

        # toolbar
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_button.clicked.connect(self.choose_files)
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export_selected)
        self.subject_button = QPushButton()
        self.subject_button.clicked.connect(self.open_subject_request)
        self.retention_button = QPushButton()
        self.retention_button.clicked.connect(self.open_retention)
        self.destroy_button = QPushButton()
        self.destroy_button.setProperty("danger", True)
        self.destroy_button.clicked.connect(self.open_destroy)
        self.due_notice = DueNotice()
        self.due_badge = Badge()  # in the main window's status bar, shown while something is due
        self.due_badge.hide()
        self.drop_hint = label("muted")
        toolbar = QHBoxLayout()
        toolbar.setSpacing(8)
        toolbar.addWidget(self.import_button)
        toolbar.addWidget(self.drop_hint, 1)
        toolbar.addWidget(self.subject_button)
        toolbar.addWidget(self.export_button)
        toolbar.addWidget(self.retention_button)
        toolbar.addWidget(self.destroy_button)
        self.import_action = QAction(self, shortcut=QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_files)

        # dataset list
        self.list_model = DatasetListModel(self)
        self.list = QTableView()
        self.list.setModel(self.list_model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(False)
        head = self.list.horizontalHeader()
        head.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column in (ROWS, COLUMNS):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(SOURCE, 220)
        head.setSectionResizeMode(IMPORTED, QHeaderView.ResizeMode.ResizeToContents)
        self.list.selectionModel().currentRowChanged.connect(lambda *_a: self._selection_changed())

        # the selected dataset
        self.view = DatasetView()
        self.policy_editor = PolicyEditor()
        self.quality = QualityTab()
        self.stats = StatsTab()
        self.kanon = KAnonTab()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for widget in (self.view, self.policy_editor, self.quality, self.stats, self.kanon):
            self.tabs.addTab(widget, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.policy_editor.set_sample_source(self.sample_rows)
        self.policy_editor.saved.connect(lambda _stored: self.view.policy_changed())
        self.view.model.opened.connect(self._view_opened)
        self.view.classes_changed.connect(self._classes_changed)
        self.kanon.suggestion_chosen.connect(self._take_suggestion)

        # empty vault: a card laid over the list and tabs (they stay shown underneath, so the first dataset does
        # not pay for showing and laying them out for the first time while an import is finishing)
        self.empty = QFrame(self)
        self.empty.setProperty("card", True)
        self.empty_text = label("", wrap=True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty = QVBoxLayout(self.empty)
        empty.setContentsMargins(28, 40, 28, 40)
        empty.addStretch(1)
        empty.addWidget(self.empty_text)
        empty.addStretch(2)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([84, 600])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addLayout(toolbar)
        layout.addWidget(self.due_notice)
        layout.addWidget(self.splitter, 1)
        self.splitter.installEventFilter(self)
        self.retranslate()
        self.set_session(None)

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Datasets"),
            self.tr("Customer tables held in the vault, how sensitive each column is, and what a recipient would see."),
        )
        self.import_button.setText(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import a CSV or Excel file (Ctrl+I); you can also drop files here."))
        self.import_action.setText(self.tr("&Import table…"))
        self.export_button.setText(self.tr("Export de-identified…"))
        self.subject_button.setText(self.tr("Data-subject request…"))
        self.retention_button.setText(self.tr("Retention…"))
        self.retention_button.setToolTip(self.tr("How long the selected dataset may be kept"))
        self.destroy_button.setText(self.tr("Destroy…"))
        self.destroy_button.setToolTip(
            self.tr("Destroy the selected dataset for good (received data: with a certificate)")
        )
        self._show_due(self.due_notice.items)
        self.drop_hint.setText(self.tr("or drop CSV / XLSX / XLS files on this window"))
        for index, text in enumerate(
            (self.tr("Rows"), self.tr("Policy"), self.tr("Quality"), self.tr("Statistics"), self.tr("k-anonymity"))
        ):
            self.tabs.setTabText(index, text)
        self._update_empty()
        self.list_model.retranslate()

    def _update_empty(self) -> None:
        session = self._session
        if session is not None and session.can(Permission.IMPORT):
            text = self.tr(
                "No datasets yet.\n\nImport a customer table — CSV in UTF-8, GBK or GB18030, or an Excel workbook — "
                "with Import… above, or drop the file on this window. Everything is read as text and stays "
                "encrypted in the vault."
            )
        else:
            text = self.tr("No datasets in this vault yet. A preparer or owner imports them.")
        self.empty_text.setText(text)

    def _show_empty(self, shown: bool) -> None:
        self.empty.setGeometry(self.splitter.geometry())
        self.empty.setVisible(shown)
        if shown:
            self.empty.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if watched is self.splitter and event.type() in (QEvent.Type.Resize, QEvent.Type.Move):
            self.empty.setGeometry(self.splitter.geometry())
        return super().eventFilter(watched, event)

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        """Show ``session``'s datasets; ``None`` (locked) drops everything, including dialogs' data."""
        self._session = session
        self._pending_files.clear()
        if session is None and self.subject_dialog is not None:
            self.subject_dialog.reject()
        if session is None and self.lifecycle_dialog is not None:
            self.lifecycle_dialog.reject()
        self._install_in_window()

        def can(permission: Permission) -> bool:
            return session is not None and session.can(permission)

        self.import_button.setVisible(can(Permission.IMPORT))
        self.drop_hint.setVisible(can(Permission.IMPORT))
        self.import_action.setVisible(can(Permission.IMPORT))
        self.import_action.setEnabled(can(Permission.IMPORT))
        self.export_button.setVisible(can(Permission.EXPORT))
        self.subject_button.setVisible(can(Permission.VIEW_RAW))
        self.retention_button.setVisible(can(Permission.IMPORT))
        self.destroy_button.setVisible(can(Permission.DESTROY))
        self.view.set_session(session)
        self.policy_editor.set_session(session)
        self.quality.set_session(session)
        self.stats.set_session(session)
        self.kanon.set_session(session, can_edit_policy=can(Permission.REDACT))
        self.list_model.clear()
        self._show_due([])
        self._update_empty()
        self._show_empty(session is not None)
        if session is not None:
            self.refresh()
        else:
            self._show_dataset(None)

    def _install_in_window(self) -> None:
        """Once in the main window: add File → Import… and accept files dropped anywhere on the window."""
        window = self.window()
        if not isinstance(window, QMainWindow) or window is self._window:
            return
        self._window = window
        window.setAcceptDrops(True)
        self._drops = WindowDrops(self)  # kept: Qt calls its Python eventFilter
        window.installEventFilter(self._drops)
        window.statusBar().insertPermanentWidget(0, self.due_badge)
        menu = getattr(window, "file_menu", None)
        if menu is not None:
            actions = menu.actions()
            # after New/Open vault, before the separator that precedes Lock
            anchor = actions[2] if len(actions) > 2 else None
            menu.insertAction(anchor, self.import_action)

    def showEvent(self, event: Any) -> None:  # Qt override
        super().showEvent(event)
        self.refresh()  # a dataset may have arrived meanwhile (a packet received on the Transfers page)

    def refresh(self, select: str | None = None) -> None:
        """Re-read the dataset list (quick) and keep or change the selection."""
        session = self._session
        if session is None or not session.vault.is_open:
            return
        current = select or self.selected_name()
        try:
            datasets = dataset_flows.list_datasets(session)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        self.list_model.set_datasets(datasets)
        has = bool(datasets)
        self._show_empty(not has)
        self.export_button.setEnabled(has)
        self.retention_button.setEnabled(has)
        self.destroy_button.setEnabled(has)
        try:
            self._show_due(lifecycle.due_for_destruction(session))
        except DataroomError as err:
            messages.show_error(self, err)
        row = self.list_model.row_of(current) if current else None
        if row is None and has:
            row = 0
        if row is not None:
            self.list.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._selection_changed()

    def selected_name(self) -> str | None:
        index = self.list.currentIndex()
        return self.list_model.dataset(index.row()).name if index.isValid() else None

    def selected_info(self) -> DatasetInfo | None:
        index = self.list.currentIndex()
        return self.list_model.dataset(index.row()) if index.isValid() else None

    def select(self, name: str) -> None:
        row = self.list_model.row_of(name)
        if row is not None:
            self.list.selectRow(row)

    def _selection_changed(self) -> None:
        name = self.selected_name()
        if name != self.view.dataset:
            self._show_dataset(name)

    def _show_dataset(self, name: str | None) -> None:
        """Open ``name`` in the Rows tab; the other tabs load it when they are looked at."""
        self.view.show_dataset(name)
        self._stale = {POLICY_TAB, QUALITY_TAB, STATS_TAB, KANON_TAB}
        self._update_current_tab()

    def _view_opened(self) -> None:
        # Sorting, filtering or a new policy changes what the statistics and k-anonymity tabs offer.
        self._stale |= {STATS_TAB, KANON_TAB}
        self._update_current_tab()
        if self.tabs.currentIndex() == POLICY_TAB:
            self.policy_editor.refresh_preview()

    def _update_current_tab(self) -> None:
        """Bring the visible tab up to date with the selected dataset (the others wait until shown)."""
        index = self.tabs.currentIndex()
        if index not in self._stale:
            return
        self._stale.discard(index)
        name = self.view.dataset
        if index == POLICY_TAB:
            self.policy_editor.set_dataset(name, {c.name: c.type for c in self.view.classes})
        elif index == QUALITY_TAB:
            self.quality.set_dataset(name)
        else:
            view = self.view.model.view
            headers = list(view.headers) if view is not None and view.info.name == name else []
            if index == STATS_TAB:
                self.stats.set_dataset(name, headers, self.view.model.where)
            elif index == KANON_TAB:
                self.kanon.set_dataset(name, headers)

    def _classes_changed(self) -> None:
        editor = self.policy_editor
        if editor.stored is None or editor.draft == editor.stored.policy:  # no unsaved edits to keep
            self._stale.add(POLICY_TAB)
            self._update_current_tab()

    def _tab_changed(self, index: int) -> None:
        self._update_current_tab()
        if index == POLICY_TAB:
            self.policy_editor.refresh_preview()

    def _take_suggestion(self, changes: list[tuple[str, str, dict[str, Any]]]) -> None:
        self.tabs.setCurrentIndex(POLICY_TAB)  # loads the editor first if it still shows another dataset
        try:
            self.policy_editor.stage(changes)
        except DataroomError as err:
            messages.show_error(self, err)

    def sample_rows(self) -> list[tuple[int, dict[str, str]]]:
        """The rows on screen in the Rows tab: (row number, {column: shown value}) for the policy editor."""
        model = self.view.model
        out: list[tuple[int, dict[str, str]]] = []
        for row in self.view.visible_rows():
            number = model.row_number(row)
            if number is None:
                continue
            cells = {} if model.raw else {c.name: model.cell(row, i) or "" for i, c in enumerate(model.columns)}
            out.append((number, cells))
        return out

    # --- export ------------------------------------------------------------------------------------------------
    def export_selected(self) -> None:
        session, name = self._session, self.selected_name()
        if session is None or name is None or not session.can(Permission.EXPORT):
            return
        try:
            versions = redaction_flows.policy_versions(session, name)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        dialog = ExportDialog(name, versions, self)
        dialog.accepted.connect(lambda: self.export_to(name, dialog.request()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def export_to(self, name: str, request: ExportRequest) -> None:
        """Export on the worker with progress and Cancel (the dialog is separate so tests can call this)."""
        session = self._session
        if session is None:
            return

        def done(result: ExportResult) -> None:
            text = self.tr(
                "Wrote {rows} de-identified rows ({columns} columns) to {file}.\nFile SHA-256: {sha}"
            ).format(
                rows=QLocale().toString(result.rows),
                columns=len(result.columns),
                file=result.path.name,
                sha=result.sha256,
            )
            if result.blanked or result.dropped:
                text += "\n" + self.tr("Rows without consent: {blanked} blanked, {dropped} left out.").format(
                    blanked=result.blanked, dropped=result.dropped
                )
            messages.show_info(self, text)
            self.view.policy_changed()  # an export may have saved the default policy as version 1
            self._stale.add(POLICY_TAB)
            self._update_current_tab()

        run_busy(
            self,
            self.tr("Exporting {name} (de-identified)…").format(name=name),
            lambda progress, cancel: redaction_flows.export_redacted(
                session,
                name,
                request.path,
                version=request.version,
                fmt=request.fmt,
                encoding=request.encoding,
                progress=progress,
                cancel=cancel,
            ),
            done,
            cancellable=True,
        )
