"""Transfers page: the packets sent and received (``flows.transfer.list_packets``) with their state in words, and
the actions on them: export a packet (the export wizard), import a received one (the import wizard, which shows
the verification before anything is decrypted), and the receipt steps — the sender issues, the recipient
counter-signs, the sender records — plus viewing any receipt.

The list is one quick read on the GUI thread, refreshed on :meth:`TransfersPage.set_session` and after each
action; everything that writes runs in the dialogs, on the worker. Actions the role does not allow are hidden.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.errors import DataroomError
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows.transfer import PacketExport, PacketSummary
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages, worker
from dataroom.ui.transfers import evidence_dialogs, receipt_dialogs
from dataroom.ui.transfers.export_wizard import ExportWizard
from dataroom.ui.transfers.import_wizard import ImportPacketWizard
from dataroom.ui.transfers.packets_model import PacketsModel
from dataroom.ui.widgets import PageHeader, Retranslating, label

#: ``countersign_interactive`` or ``record_interactive``: (parent, session, path or ``None`` to ask) → viewer.
ReceiptStep = Callable[[QWidget | None, Session, Path | None], receipt_dialogs.ReceiptViewer | None]


class TransfersPage(Retranslating, QWidget):
    """Packets sent and received, newest last; the toolbar holds the actions the role allows."""

    changed = Signal()  # something was audited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.export_wizard: ExportWizard | None = None
        self.import_wizard: ImportPacketWizard | None = None
        self.header = PageHeader()
        self.export_button = QPushButton()
        self.export_button.setProperty("primary", True)
        self.export_button.clicked.connect(lambda: self.open_export_wizard())
        self.import_button = QPushButton()
        self.import_button.clicked.connect(lambda: self.open_import_wizard())
        self.receipt_button = QPushButton()  # sender: issue the receipt of the selected packet
        self.receipt_button.clicked.connect(self.make_receipt)
        self.countersign_button = QPushButton()  # recipient: counter-sign the sender's receipt
        self.countersign_button.clicked.connect(lambda: self.countersign())
        self.record_button = QPushButton()  # sender: record the receipt the recipient counter-signed
        self.record_button.clicked.connect(lambda: self.record())
        self.view_button = QPushButton()
        self.view_button.clicked.connect(lambda: self.view_receipt())
        # After the transfer, rarer steps: trace a leaked table (sender), record a certificate of destruction.
        self.trace_action = QAction(self)
        self.trace_action.triggered.connect(lambda: self.trace_leak())
        self.destruction_action = QAction(self)
        self.destruction_action.triggered.connect(lambda: self.record_destruction())
        self.more_menu = QMenu(self)
        self.more_menu.addActions([self.trace_action, self.destruction_action])
        self.more_button = QToolButton()
        self.more_button.setMenu(self.more_menu)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar = QHBoxLayout()
        for button in (self.export_button, self.import_button, self.receipt_button, self.countersign_button,
                       self.record_button, self.view_button, self.more_button):  # fmt: skip
            self.toolbar.addWidget(button)
        self.toolbar.addStretch(1)
        self.model = PacketsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
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
        self.import_button.setText(self.tr("Import packet…"))
        self.import_button.setToolTip(self.tr("Check a packet you received and, if it is authentic, import it"))
        self.receipt_button.setText(self.tr("Issue receipt…"))
        self.receipt_button.setToolTip(self.tr("Sign the transfer receipt of the selected packet you sent"))
        self.countersign_button.setText(self.tr("Counter-sign receipt…"))
        self.countersign_button.setToolTip(self.tr("Check the sender's receipt for a packet you imported and sign it"))
        self.record_button.setText(self.tr("Record receipt…"))
        self.record_button.setToolTip(self.tr("Check the receipt the recipient counter-signed and record it"))
        self.view_button.setText(self.tr("View receipt…"))
        self.view_button.setToolTip(self.tr("Open any receipt: its pages and whether its signatures hold"))
        self.more_button.setText(self.tr("More"))
        self.trace_action.setText(self.tr("Trace a leaked table…"))
        self.trace_action.setToolTip(self.tr("Find which recipient's packet a CSV or XLSX found outside came from"))
        self.destruction_action.setText(self.tr("Record a certificate of destruction…"))
        self.destruction_action.setToolTip(
            self.tr("Check the certificate a recipient sent after destroying data from your packets, and record it")
        )
        self.empty.setText(self.tr("No packet was sent or received yet."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        if self.export_wizard is not None:
            self.export_wizard.reject()
            self.export_wizard = None
        if self.import_wizard is not None:
            self.import_wizard.reject()
            self.import_wizard = None
        can = session.can if session is not None else (lambda _p: False)
        self.export_button.setVisible(can(Permission.EXPORT))
        self.import_button.setVisible(can(Permission.IMPORT))
        self.receipt_button.setVisible(can(Permission.SIGN))
        self.countersign_button.setVisible(can(Permission.SIGN))
        self.record_button.setVisible(can(Permission.EXPORT))
        self.view_button.setVisible(session is not None)
        self.trace_action.setVisible(can(Permission.EXPORT))
        self.destruction_action.setVisible(can(Permission.SIGN))
        self.more_button.setVisible(can(Permission.EXPORT) or can(Permission.SIGN))
        self.table.setVisible(session is not None)
        if session is None:
            self.model.set_items([])
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
        self.model.set_items(packets)
        self.empty.setVisible(not packets)
        keep = select or (current.packet_id if current else None)
        row = self.model.row_of(keep) if keep else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_actions()

    def _update_actions(self) -> None:
        """Issuing a receipt needs a sent packet selected that has none yet; the other steps choose a file."""
        packet = self.selected_packet()
        self.receipt_button.setEnabled(
            packet is not None and packet.direction == "sent" and packet.receipt == "none" and not packet.destroyed
        )

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        # Other pages change packets' state too (destroying a received dataset), so read again when shown.
        super().showEvent(event)
        self.refresh()

    def selected_packet(self) -> PacketSummary | None:
        """The packet selected in the list, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

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

    # --- import ------------------------------------------------------------------------------------------------
    def open_import_wizard(self, path: Path | None = None) -> ImportPacketWizard | None:
        """Open the import wizard (``path`` pre-filled: it starts at the verification); the list refreshes as soon
        as the dataset exists, and "counter-sign now" goes straight on to the sender's receipt."""
        session = self._session
        if session is None or not session.can(Permission.IMPORT):
            return None
        wizard = ImportPacketWizard(session, path, self)
        self.import_wizard = wizard
        wizard.imported.connect(lambda received: self._imported(received.manifest.packet_id))
        wizard.countersign_requested.connect(lambda _packet_id: self.countersign())
        wizard.finished.connect(lambda _r: self._import_closed(wizard))
        wizard.open()
        return wizard

    def _imported(self, packet_id: str) -> None:
        self.refresh(select=packet_id)
        self.changed.emit()

    def _import_closed(self, wizard: ImportPacketWizard) -> None:
        if self.import_wizard is wizard:
            self.import_wizard = None
        wizard.deleteLater()

    # --- receipts ----------------------------------------------------------------------------------------------
    def make_receipt(self) -> None:
        """Sender: sign the receipt of the selected sent packet, save it, and show it."""
        packet, session = self.selected_packet(), self._session
        if packet is None or session is None:
            return
        task = receipt_dialogs.make_receipt_interactive(self, session, packet.packet_id)
        if task is not None:
            task.succeeded.connect(lambda _doc: self._receipt_changed(packet.packet_id))

    def countersign(self, path: Path | None = None) -> receipt_dialogs.ReceiptViewer | None:
        """Recipient: choose the sender's receipt (or ``path``), check it, counter-sign it."""
        return self._receipt_step(receipt_dialogs.countersign_interactive, path)

    def record(self, path: Path | None = None) -> receipt_dialogs.ReceiptViewer | None:
        """Sender: choose the counter-signed receipt (or ``path``), check both signatures, record it."""
        return self._receipt_step(receipt_dialogs.record_interactive, path)

    def view_receipt(self, path: Path | None = None) -> receipt_dialogs.ReceiptViewer | None:
        """Open any receipt read-only, checked against this vault's confirmed cards."""
        path = path or receipt_dialogs.choose_receipt(self, self.tr("Choose a receipt"))
        return receipt_dialogs.view_receipt(self, path, self._session) if path is not None else None

    def _receipt_step(self, step: ReceiptStep, path: Path | None) -> receipt_dialogs.ReceiptViewer | None:
        session = self._session
        if session is None:
            return None
        viewer = step(self, session, path)
        if viewer is not None:
            viewer.acted.connect(lambda _result: self._receipt_changed(None))
        return viewer

    def _receipt_changed(self, packet_id: str | None) -> None:
        self.refresh(select=packet_id)
        self.changed.emit()

    # --- after the transfer ------------------------------------------------------------------------------------
    def trace_leak(self, path: Path | None = None) -> worker.Task | None:
        """Sender: which recipient's packet a table found outside (``path``, or one the user chooses) came from."""
        return evidence_dialogs.trace_interactive(self, self._session, path) if self._session is not None else None

    def record_destruction(self, path: Path | None = None) -> worker.Task | None:
        """Sender: check and record the certificate of destruction a recipient sent back."""
        session = self._session
        if session is None:
            return None
        task = evidence_dialogs.record_destruction_interactive(self, session, path)
        if task is not None:
            task.succeeded.connect(lambda _record: self._receipt_changed(None))
        return task

