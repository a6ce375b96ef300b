"""Audit page: browse the hash-chained log page by page, filter it (time, user, action, dataset or object), see
whether the chain verifies and jump to the first bad record, export a range as JSON lines or a PDF report."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.audit.log import AuditRecord, ChainStatus
from dataroom.core.audit.report import AuditReport
from dataroom.core.errors import DataroomError
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.session import Session
from dataroom.core.timeutil import format_utc
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.pages.audit_model import ACTION, DETAILS, OBJECT, SEQ, TIME, AuditTableModel
from dataroom.ui.widgets import Badge, PageHeader, Retranslating, label

ACTION_PREFIXES = ["vault.", "user.", "audit.", "dataset.", "export.", "nda.", "packet."]


def _utc_text(moment: QDateTime) -> str:
    """A local date-time from an editor as the log's UTC text (the log compares timestamps as text)."""
    return format_utc(datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC))


class AuditPage(Retranslating, QWidget):
    """The audit viewer. The main window owns chain verification and passes its result in."""

    verify_requested = Signal()
    #: The log grew (an export is itself audited): the main window re-verifies.
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._status: ChainStatus | None = None
        self.total = 0
        self.header = PageHeader()

        # chain status banner
        self.banner = QFrame()
        self.banner.setProperty("card", True)
        self.chain_badge = Badge()
        self.chain_text = label("", wrap=True)
        self.verify_button = QPushButton()
        self.goto_bad = QPushButton()
        self.goto_bad.hide()
        banner = QHBoxLayout(self.banner)
        banner.setContentsMargins(12, 8, 12, 8)
        banner.addWidget(self.chain_badge)
        banner.addWidget(self.chain_text, 1)
        banner.addWidget(self.goto_bad)
        banner.addWidget(self.verify_button)

        # filters
        now = QDateTime.currentDateTime()
        self.use_from, self.use_to = QCheckBox(), QCheckBox()
        self.time_from = QDateTimeEdit(now.addDays(-7))
        self.time_to = QDateTimeEdit(now)
        for edit in (self.time_from, self.time_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setEnabled(False)
        self.use_from.toggled.connect(self.time_from.setEnabled)
        self.use_to.toggled.connect(self.time_to.setEnabled)
        self.actor = QComboBox()
        self.actor.setEditable(True)
        self.action = QLineEdit()
        self.action.setCompleter(QCompleter(ACTION_PREFIXES, self))
        self.object = QLineEdit()
        self.datasets = QCompleter([], self)  # dataset names; any other object can be typed in full
        self.datasets.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.object.setCompleter(self.datasets)
        self.apply_button = QPushButton()
        self.apply_button.setProperty("primary", True)
        self.clear_button = QPushButton()
        self.filter_labels = [label("muted") for _ in range(3)]
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.addWidget(self.use_from, 0, 0)
        filters.addWidget(self.time_from, 0, 1)
        filters.addWidget(self.use_to, 0, 2)
        filters.addWidget(self.time_to, 0, 3)
        filters.addWidget(self.filter_labels[0], 1, 0)
        filters.addWidget(self.actor, 1, 1)
        filters.addWidget(self.filter_labels[1], 1, 2)
        filters.addWidget(self.action, 1, 3)
        filters.addWidget(self.filter_labels[2], 1, 4)
        filters.addWidget(self.object, 1, 5)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.apply_button)
        filters.addLayout(buttons, 0, 4, 1, 2)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        filters.setColumnStretch(5, 1)
        for edit in (self.action, self.object):
            edit.returnPressed.connect(self.refresh)
        self.actor.lineEdit().returnPressed.connect(self.refresh)
        self.apply_button.clicked.connect(self.refresh)
        self.clear_button.clicked.connect(self.clear_filters)

        # table
        self.model = AuditTableModel(self)
        self.model.rowsInserted.connect(self._update_count)  # the view fetched another page
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        head = self.table.horizontalHeader()
        for column in (SEQ, TIME, ACTION):
            head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(OBJECT, QHeaderView.ResizeMode.Interactive)
        head.resizeSection(OBJECT, 220)
        head.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)

        # footer
        self.count = label("muted")
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.export)
        self.report_button = QPushButton()
        self.report_button.clicked.connect(self.report)
        footer = QHBoxLayout()
        footer.addWidget(self.count, 1)
        footer.addWidget(self.export_button)
        footer.addWidget(self.report_button)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(10)
        column.addWidget(self.banner)
        column.addLayout(filters)
        column.addWidget(self.table, 1)
        column.addLayout(footer)
        self.not_allowed = label("muted", wrap=True)
        self.not_allowed.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack = QStackedLayout()
        self.stack.addWidget(content)
        self.stack.addWidget(self.not_allowed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 18)
        layout.addWidget(self.header)
        layout.addLayout(self.stack, 1)

        self.verify_button.clicked.connect(self.verify_requested)
        self.goto_bad.clicked.connect(self.show_first_bad)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Audit log"),
            self.tr("Every action in this vault, hash-chained so that any later change to a record is detected."),
        )
        self.verify_button.setText(self.tr("Verify again"))
        self.goto_bad.setText(self.tr("Show the first bad record"))
        self.use_from.setText(self.tr("From"))
        self.use_to.setText(self.tr("To"))
        for widget, text in zip(
            self.filter_labels, (self.tr("User"), self.tr("Action"), self.tr("Dataset")), strict=True
        ):
            widget.setText(text)
        self.actor.lineEdit().setPlaceholderText(self.tr("anyone"))
        self.action.setPlaceholderText(self.tr("prefix, e.g. vault."))
        self.object.setPlaceholderText(self.tr("dataset name, or any exact object"))
        self.apply_button.setText(self.tr("Apply"))
        self.clear_button.setText(self.tr("Clear"))
        self.export_button.setText(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("The selected records, or those shown, as JSON lines others can recheck"))
        self.report_button.setText(self.tr("PDF report…"))
        self.report_button.setToolTip(self.tr("A bilingual PDF of the selected or shown records and the chain status"))
        self.not_allowed.setText(self.tr("Your role does not include the audit log. Ask an owner of this vault."))
        self.model.retranslate()
        self._show_status()
        self._update_count()

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._status = None
        self.model.clear()
        self.actor.clear()
        allowed = session is not None and session.can(Permission.VIEW_AUDIT)
        self.stack.setCurrentIndex(0 if allowed or session is None else 1)
        if allowed:
            assert session is not None
            self.actor.addItem("")
            self.actor.addItems([u.name for u in user_flows.list_users(session)])
            names: list[str] = []
            if session.can(Permission.VIEW_REDACTED):
                names = [d.name for d in dataset_flows.list_datasets(session)]
            self.datasets.setModel(QStringListModel(names, self.datasets))
            self.refresh()
        self._show_status()

    def showEvent(self, event: object) -> None:  # Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        self.refresh()  # records may have been added since the page was last looked at

    def filters(self) -> dict[str, object]:
        """The keyword filters for :func:`dataroom.core.flows.audit.show`."""
        result: dict[str, object] = {}
        if self.use_from.isChecked():
            result["since"] = _utc_text(self.time_from.dateTime())
        if self.use_to.isChecked():
            result["until"] = _utc_text(self.time_to.dateTime())
        for key, value in (
            ("actor", self.actor.currentText()),
            ("action", self.action.text()),
            ("obj", self.object.text()),
        ):
            if value.strip():
                result[key] = value.strip()
        return result

    def refresh(self) -> None:
        """Re-run the query: count the matches, load the first page (quick indexed reads on this thread)."""
        session = self._session
        if session is None or not session.vault.is_open or not session.can(Permission.VIEW_AUDIT):
            return
        filters = self.filters()
        try:
            self.total = audit_flows.count(session, **filters)
        except DataroomError as err:
            messages.show_error(self, err)
            return

        def page(after: int, limit: int) -> list[AuditRecord]:
            # Called by the view whenever it scrolls to the end of what is loaded.
            if not session.vault.is_open:
                return []
            try:
                return audit_flows.show(session, first=after + 1, limit=limit, **filters)
            except DataroomError as err:
                messages.show_error(self, err)
                return []

        self.model.set_source(page)
        self._apply_status()
        self._update_count()

    def clear_filters(self) -> None:
        self.use_from.setChecked(False)
        self.use_to.setChecked(False)
        self.actor.setCurrentText("")
        self.action.clear()
        self.object.clear()
        self.refresh()

    # --- chain status ------------------------------------------------------------------------------------------
    def set_chain_status(self, status: ChainStatus | None) -> None:
        self._status = status
        self._apply_status()
        self._show_status()
        if status is not None and not status.ok and self.isVisible():
            self.show_first_bad()

    def _apply_status(self) -> None:
        status = self._status
        if status is not None and not status.ok:
            self.model.set_first_bad(status.first_bad, status.reason)
        else:
            self.model.set_first_bad(None)

    def _show_status(self) -> None:
        status = self._status
        self.goto_bad.setVisible(status is not None and not status.ok)
        if status is None:
            self.chain_badge.set_state("info", self.tr("Checking…"))
            self.chain_text.setText(self.tr("The hash chain is being verified."))
        elif status.ok:
            self.chain_badge.set_state("ok", self.tr("Chain intact"))
            self.chain_text.setText(
                self.tr("{count} records verified; head #{seq} {hash}…").format(
                    count=status.count, seq=status.head_seq, hash=status.head_hash[:16]
                )
            )
        else:
            self.chain_badge.set_state("bad", self.tr("Chain broken"))
            self.chain_text.setText(
                self.tr("Record #{seq} fails verification: {reason}. Records after it cannot be trusted.").format(
                    seq=status.first_bad, reason=messages.chain_reason_text(status.reason)
                )
            )

    def show_first_bad(self) -> None:
        """Select and scroll to the first bad record (clearing filters if they hide it)."""
        status = self._status
        if status is None or status.ok or status.first_bad is None:
            return
        self.model.load_through(status.first_bad)
        row = self.model.row_of(status.first_bad)
        if row is None and self.filters():
            self.clear_filters()
            self.model.load_through(status.first_bad)
            row = self.model.row_of(status.first_bad)
        if row is None:
            return
        index = self.model.index(row, SEQ)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    # --- export ------------------------------------------------------------------------------------------------
    def export_range(self) -> tuple[int, int | None]:
        """Selected rows' sequence range, or everything shown, or the whole log."""
        selected = self._selected_range()
        if selected is not None:
            return selected
        if self.model.rowCount() and self.filters():
            self.model.load_through(sys.maxsize)  # the last matching record may not be loaded yet
            return self.model.record(0).seq, self.model.record(self.model.rowCount() - 1).seq
        return 1, None

    def _selected_range(self) -> tuple[int, int] | None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return (self.model.record(rows[0]).seq, self.model.record(rows[-1]).seq) if rows else None

    def export(self) -> None:
        session = self._session
        if session is None:
            return
        first, last = self.export_range()
        suffix = f"{first}-{last}" if last is not None else "all"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export audit records"),
            str(Path.home() / f"audit-{suffix}.jsonl"),
            self.tr("JSON lines (*.jsonl)"),
        )
        if path:
            self.export_to(Path(path), first, last)

    def export_to(self, path: Path, first: int, last: int | None) -> None:
        """Export on the worker (the file dialog is separate so tests and scripts can call this directly)."""
        session = self._session
        if session is None:
            return

        def done(count: int) -> None:
            messages.show_info(self, self.tr("Exported {count} records to {path}.").format(count=count, path=path.name))
            self.refresh()
            self.changed.emit()

        run_busy(
            self,
            self.tr("Exporting audit records…"),
            lambda _p, _c: audit_flows.export(session, path, first, last),
            done,
        )

    def report(self) -> None:
        """Ask where to write a PDF report of the selected rows' range (or everything) under the current filters."""
        if self._session is None:
            return
        first, last = self._selected_range() or (1, None)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("PDF report of the audit log"),
            str(Path.home() / f"audit-report-{first}-{last if last is not None else 'end'}.pdf"),
            self.tr("PDF documents (*.pdf)"),
        )
        if path:
            self.report_to(Path(path), first, last)

    def report_to(self, path: Path, first: int, last: int | None) -> None:
        """Write the report on the worker with the current filters (tests and scripts call this directly)."""
        session = self._session
        if session is None:
            return
        filters = {k: str(v) for k, v in self.filters().items()}

        def done(result: AuditReport) -> None:
            messages.show_info(
                self,
                self.tr("Wrote a report of {count} records to {path}.").format(
                    count=result.count, path=result.path.name
                ),
            )
            self.refresh()
            self.changed.emit()

        run_busy(
            self,
            self.tr("Writing the audit report…"),
            lambda _p, _c: audit_flows.report(session, path, first, last, **filters),
            done,
        )

    def _update_count(self) -> None:
        shown = self.model.rowCount()
        if self.model.all_loaded():
            self.count.setText(self.tr("{count} records shown").format(count=shown))
        else:
            self.count.setText(
                self.tr("{shown} of {total} records loaded; scroll down for more").format(shown=shown, total=self.total)
            )
