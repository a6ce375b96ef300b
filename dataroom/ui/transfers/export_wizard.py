"""The export wizard: dataset → what leaves (a redaction policy version, or after closing the full data) →
recipient (confirmed cards only) → NDA and the gate's answer → destination file, export on the worker → summary.

The NDA page asks :func:`dataroom.core.deal.gate.check_export` (through ``flows.nda``) with the same policy summary
``flows.transfer.export_packet`` will compute, so a refusal is shown in words before anything is written; the
flow still decides again (and audits) when it runs. Reads are quick single queries on the GUI thread, as on the
other pages; the export itself runs on the worker with progress and Cancel.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
)

from dataroom.core.deal.gate import GateDecision
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import parties as party_flows
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui.transfers.export_destination import DestinationPage, SummaryPage
from dataroom.ui.transfers.export_pages import DatasetPage, NdaPage, PolicyPage, RecipientPage
from dataroom.ui.widgets import Retranslating

DATASET, POLICY, RECIPIENT, NDA, DESTINATION, SUMMARY = range(6)


class ExportWizard(Retranslating, QWizard):
    """Sending a packet; emits :attr:`exported` with the flow's result once the packet is written."""

    exported = Signal(object)  # PacketExport

    def __init__(self, session: Session, dataset: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 500)
        datasets = dataset_flows.list_datasets(session)
        cards = party_flows.list_cards(session)
        self.dataset_page = DatasetPage(datasets, dataset)
        self.policy_page = PolicyPage(session.can(Permission.VIEW_RAW))
        self.recipient_page = RecipientPage(cards)
        self.nda_page = NdaPage()
        self.destination_page = DestinationPage()
        self.summary_page = SummaryPage()
        for page_id, page in (
            (DATASET, self.dataset_page),
            (POLICY, self.policy_page),
            (RECIPIENT, self.recipient_page),
            (NDA, self.nda_page),
            (DESTINATION, self.destination_page),
            (SUMMARY, self.summary_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(DATASET)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export packet"))

    def gate_decision(self, nda_id: str) -> GateDecision | None:
        """The export gate's answer for the choices so far (``None`` until dataset and recipient are chosen),
        computed by the core exactly as the export will compute it."""
        info, fp = self.dataset_page.info(), self.recipient_page.fingerprint()
        if info is None or fp is None:
            return None
        full = self.policy_page.is_full()
        version = None if full else self.policy_page.policy_version()
        return transfer_flows.check_packet(self.session, info.name, fp, nda_id, full=full, policy_version=version)

    def reject(self) -> None:
        """Cancel (or Escape) while the packet is being written stops the export instead of closing."""
        if self.destination_page.running():
            self.destination_page.cancel()
            return
        super().reject()
