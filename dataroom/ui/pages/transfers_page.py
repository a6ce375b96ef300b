"""Transfers page: the packets sent and received (``flows.transfer.list_packets``) with their state in words, and
the actions on them: export a packet (the export wizard), and — wired by the receipt and import dialogs — import a
packet and make, counter-sign and record receipts.

The list is one quick read on the GUI thread, refreshed on :meth:`TransfersPage.set_session` and after each
action; everything that writes runs in the dialogs, on the worker. Actions the role does not allow are hidden.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from dataroom.core.errors import DataroomError
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows.transfer import PacketExport, PacketSummary
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.transfers.export_wizard import ExportWizard
from dataroom.ui.transfers.packets_model import PacketsModel
from dataroom.ui.widgets import PageHeader, Retranslating, label


class TransfersPage(Retranslating, QWidget):
    """Packets sent and received, newest last; the toolbar holds the actions the role allows."""

    changed = Signal()  # something was audited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.export_wizard: ExportWizard | None = None
        self.header = PageHeader()
        self.export_button = QPushButton()
        self.export_button.setProperty("primary", True)
        self.export_button.clicked.connect(lambda: self.open_export_wizard())
        self.toolbar = QHBoxLayout()
        self.toolbar.addWidget(self.export_button)
        self.toolbar.addStretch(1)
        self.model = PacketsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.empty = label("muted", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addWidget(self.header)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.set_session(None)
        self.retranslate()

    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Transfers"),
            self.tr(
                "Encrypted, signed packets sent to one named recipient or received from one, and their signed receipts."
            ),
        )
        self.export_button.setText(self.tr("Export packet…"))
        self.export_button.setToolTip(
            self.tr("Send a dataset (de-identified or, after closing, the full data) to a recipient, under an NDA")
        )
        self.empty.setText(self.tr("No packet was sent or received yet."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        if self.export_wizard is not None:
            self.export_wizard.reject()
            self.export_wizard = None
        self.export_button.setVisible(session is not None and session.can(Permission.EXPORT))
        self.table.setVisible(session is not None)
        if session is None:
            self.model.set_packets([])
            self.empty.hide()
            return
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Read the packets again, keeping the selection (or selecting packet ``select``)."""
        session = self._session
        if session is None or not session.vault.is_open:
            return
        current = self.selected_packet()
        try:
            packets = transfer_flows.list_packets(session)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        self.model.set_packets(packets)
        self.empty.setVisible(not packets)
        keep = select or (current.packet_id if current else None)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        # Other pages change packets' state too (destroying a received dataset), so read again when shown.
        super().showEvent(event)
        self.refresh()

    def selected_packet(self) -> PacketSummary | None:
        """The packet selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.packet(rows[0].row()) if rows else None

    # --- export ------------------------------------------------------------------------------------------------
    def open_export_wizard(self, dataset: str | None = None) -> ExportWizard | None:
        """Open the export wizard (``dataset`` preselected); the list refreshes once a packet is written."""
        session = self._session
        if session is None or not session.can(Permission.EXPORT):
            return None
        try:
            wizard = ExportWizard(session, dataset, self)
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        self.export_wizard = wizard
        wizard.exported.connect(self._exported)
        wizard.finished.connect(lambda _r: self._wizard_closed(wizard))
        wizard.open()
        return wizard

    def _exported(self, result: PacketExport) -> None:
        self.refresh(select=result.packet_id)
        self.changed.emit()

    def _wizard_closed(self, wizard: ExportWizard) -> None:
        if self.export_wizard is wizard:
            self.export_wizard = None
        wizard.deleteLater()
