"""The export wizard: dataset → what leaves (a redaction policy version, or after closing the full data) →
recipient (confirmed cards only) → NDA and the gate's answer → destination file, export on the worker → summary.

The NDA page asks :func:`dataroom.core.deal.gate.check_export` (through ``flows.nda``) with the same policy summary
``flows.transfer.export_packet`` will compute, so a refusal is shown in words before anything is written; the
flow still decides again (and audits) when it runs. Reads are quick single queries on the GUI thread, as on the
other pages; the export itself runs on the worker with progress and Cancel.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dataroom.core.cancel import CancelToken, Progress
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.counterparties import PartyCard
from dataroom.core.deal.gate import GateDecision
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties as party_flows
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows.transfer import PacketExport
from dataroom.core.session import Session
from dataroom.core.transfer import container, sending
from dataroom.core.users.roles import Permission
from dataroom.ui import messages, worker
from dataroom.ui.deal import names
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.theme import set_look
from dataroom.ui.widgets import Badge, Retranslating, label

DATASET, POLICY, RECIPIENT, NDA, DESTINATION, SUMMARY = range(6)


def _wizard(page: QWizardPage) -> ExportWizard:
    wizard = page.wizard()
    assert isinstance(wizard, ExportWizard)
    return wizard


class DatasetPage(Retranslating, QWizardPage):
    """Which dataset leaves."""

    def __init__(self, datasets: list[DatasetInfo], selected: str | None) -> None:
        super().__init__()
        self.datasets = datasets
        self.combo = QComboBox()
        for info in datasets:
            self.combo.addItem(info.name, info.name)
        self.combo.setCurrentIndex(max(self.combo.findData(selected), 0))
        self.details = label("muted", wrap=True)
        self.empty = label("", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addWidget(self.details)
        layout.addWidget(self.empty)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Dataset"))
        self.setSubTitle(self.tr("Choose the dataset to send as an encrypted, signed packet to one recipient."))
        self.empty.setText(self.tr("There is no dataset in this vault yet; import one on the Datasets page."))
        self.empty.setVisible(not self.datasets)
        self.combo.setVisible(bool(self.datasets))
        self._changed()

    def _changed(self) -> None:
        info = self.info()
        self.details.setText(
            ""
            if info is None
            else self.tr("{rows} rows × {columns} columns, imported {when}").format(
                rows=QLocale().toString(info.row_count), columns=info.column_count, when=local_time(info.imported_at)
            )
        )
        self.completeChanged.emit()

    def info(self) -> DatasetInfo | None:
        index = self.combo.currentIndex()
        return self.datasets[index] if 0 <= index < len(self.datasets) else None

    def isComplete(self) -> bool:  # Qt override
        return self.info() is not None


class PolicyPage(Retranslating, QWizardPage):
    """What leaves: the rows as a saved policy version releases them, or (after closing) every column unchanged."""

    def __init__(self, can_full: bool) -> None:
        super().__init__()
        self.can_full = can_full
        self.redacted = QRadioButton()
        self.redacted.setChecked(True)
        self.version = QComboBox()
        self.full = QRadioButton()
        self.full.setEnabled(can_full)
        self.full_note = label("muted", wrap=True)
        group = QButtonGroup(self)
        group.addButton(self.redacted)
        group.addButton(self.full)
        self.redacted.toggled.connect(self.version.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.redacted)
        layout.addWidget(self.version)
        layout.addSpacing(8)
        layout.addWidget(self.full)
        layout.addWidget(self.full_note)
        layout.addStretch(1)
        self._versions: list[tuple[int, str, str]] = []  # (version, created_at, sha256), newest first
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("What leaves the vault"))
        self.setSubTitle(
            self.tr(
                "Before closing, send de-identified data; the full data goes only after closing, and only if the NDA "
                "allows it."
            )
        )
        self.redacted.setText(self.tr("De-identified, as the redaction policy releases it"))
        self.full.setText(self.tr("Full data: every column unchanged (after closing)"))
        self.full_note.setText(
            self.tr(
                "After closing the data belongs to the recipient: the packet carries no canary rows; the NDA must "
                "allow full data."
            )
            if self.can_full
            else self.tr("Your role may not see raw data, so it may not send the full data.")
        )
        self._fill_versions()

    def initializePage(self) -> None:  # Qt override
        wizard = _wizard(self)
        info = wizard.dataset_page.info()
        self._versions = []
        if info is not None:
            try:
                saved = redaction_flows.policy_versions(wizard.session, info.name)
            except DataroomError as err:
                messages.show_error(self, err)
                saved = []
            self._versions = [(s.version, s.created_at, s.sha256) for s in reversed(saved)]
        self._fill_versions()

    def _fill_versions(self) -> None:
        current = self.version.currentData()
        self.version.clear()
        if not self._versions:
            self.version.addItem(self.tr("default policy from the column classes (saved as version 1)"), None)
        for n, (number, created, sha) in enumerate(self._versions):
            text = self.tr("version {n} of {time} ({sha}…)").format(
                n=number, time=local_time(created)[:16], sha=sha[:12]
            )
            self.version.addItem(text + (" — " + self.tr("in force") if n == 0 else ""), number)
        self.version.setCurrentIndex(max(self.version.findData(current), 0))

    def is_full(self) -> bool:
        return self.can_full and self.full.isChecked()

    def policy_version(self) -> int | None:
        return None if self.is_full() else self.version.currentData()


class RecipientPage(Retranslating, QWizardPage):
    """Whom it goes to: confirmed counterparty cards; the others are listed, disabled, with the reason."""

    def __init__(self, cards: list[PartyCard]) -> None:
        super().__init__()
        self.cards = cards
        self.list = QListWidget()
        self.empty = label("", wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.list.currentRowChanged.connect(lambda _row: self.completeChanged.emit())
        self.retranslate()

    def _why_not(self, card: PartyCard) -> str:
        if card.status == "confirmed" and card.confirmed:
            return ""
        if card.status == "unconfirmed":
            return self.tr("not confirmed: compare its fingerprint with them on the Parties page first")
        return names.card_status(card.status)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Recipient"))
        self.setSubTitle(self.tr("The packet is encrypted to this party's key: only they can open it."))
        self.empty.setText(self.tr("No counterparty card is imported yet; import and confirm one on the Parties page."))
        self.empty.setVisible(not self.cards)
        chosen = self.fingerprint()
        self.list.clear()
        for card in self.cards:
            party = card.card.party
            text = f"{party.organisation} — {party.person} ({names.deal_role(party.role)})"
            why = self._why_not(card)
            item = QListWidgetItem(text + (f"\n    {why}" if why else ""))
            item.setData(Qt.ItemDataRole.UserRole, card.fingerprint)
            item.setToolTip(card.fingerprint)
            if why:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(item)
        if chosen is not None:
            self.select(chosen)
        elif sum(1 for c in self.cards if not self._why_not(c)) == 1:  # one possible recipient: take it
            self.select(next(c.fingerprint for c in self.cards if not self._why_not(c)))

    def select(self, fingerprint: str) -> bool:
        """Choose the card ``fingerprint`` (False when it is not one that may receive)."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == fingerprint and item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.list.setCurrentRow(row)
                return True
        return False

    def card(self) -> PartyCard | None:
        item = self.list.currentItem()
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return None
        return next((c for c in self.cards if c.fingerprint == item.data(Qt.ItemDataRole.UserRole)), None)

    def fingerprint(self) -> str | None:
        card = self.card()
        return card.fingerprint if card else None

    def isComplete(self) -> bool:  # Qt override
        return self.card() is not None


class NdaPage(Retranslating, QWizardPage):
    """Under which NDA, and the export gate's answer in words; Next only when the gate allows the export."""

    def __init__(self) -> None:
        super().__init__()
        self.combo = QComboBox()
        self.verdict = Badge()
        self.verdict.setWordWrap(True)
        self.reasons = label("", wrap=True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.decision: GateDecision | None = None
        self._ndas: list[tuple[str, str]] = []  # (id, title)
        layout = QVBoxLayout(self)
        layout.addWidget(self.combo)
        layout.addSpacing(8)
        layout.addWidget(self.verdict)
        layout.addWidget(self.reasons)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(lambda _i: self.check())
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("NDA"))
        self.setSubTitle(
            self.tr(
                "The NDA must be signed by every party and in force, name the recipient, and cover the dataset, "
                "its columns and classes."
            )
        )
        self._show()

    def initializePage(self) -> None:  # Qt override
        wizard = _wizard(self)
        try:
            found = nda_flows.list_ndas(wizard.session)
        except DataroomError as err:
            messages.show_error(self, err)
            found = []
        recipient = wizard.recipient_page.fingerprint()
        # NDAs that name the recipient first: those are the ones that can allow this export.
        names_recipient = [n for n, _s in found if any(r["fingerprint"] == recipient for r in n.content["recipients"])]
        ordered = names_recipient + [n for n, _s in found if n not in names_recipient]
        self._ndas = [(n.id, n.title) for n in ordered]
        self.combo.blockSignals(True)
        self.combo.clear()
        for nda_id, title in self._ndas:
            self.combo.addItem(f"{title} ({nda_id})", nda_id)
        self.combo.blockSignals(False)
        self.check()

    def nda_id(self) -> str | None:
        return self.combo.currentData()

    def check(self) -> None:
        """Ask the export gate about the choices so far (the flow asks it again when it runs)."""
        wizard = _wizard(self) if self.wizard() is not None else None
        nda_id = self.nda_id()
        self.decision = None
        if wizard is not None and nda_id is not None:
            try:
                self.decision = wizard.gate_decision(nda_id)
            except DataroomError as err:
                messages.show_error(self, err)
        self._show()
        self.completeChanged.emit()

    def _show(self) -> None:
        self.combo.setVisible(bool(self._ndas))
        if not self._ndas:
            self.verdict.show()
            self.verdict.set_state("bad", self.tr("There is no NDA in this vault. Draft one and have both parties "
                                                  "sign it on the Documents page first."))  # fmt: skip
            self.reasons.setText("")
            return
        decision = self.decision
        self.verdict.setVisible(decision is not None)
        if decision is not None and decision.ok:
            self.verdict.set_state(
                "ok", self.tr("Allowed: the NDA is in force and covers this export to this recipient.")
            )
        elif decision is not None:
            self.verdict.set_state("bad", self.tr("Refused: this NDA does not allow this export, because:"))
        self.reasons.setText("\n".join(f"• {r.message}" for r in decision.reasons) if decision else "")

    def isComplete(self) -> bool:  # Qt override
        return self.decision is not None and self.decision.ok

    def validatePage(self) -> bool:  # Qt override
        # QWizard.next() (a shortcut, a program) does not look at isComplete; a refused export never moves on.
        return self.isComplete()


class DestinationPage(Retranslating, QWizardPage):
    """Where the packet goes; Export runs the flow on the worker with progress (Cancel stops it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.file = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        self.note = label("muted", wrap=True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = label("", wrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.file.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.task: worker.Task | None = None
        self.result: PacketExport | None = None
        self._error: BaseException | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Destination"))
        self.setSubTitle(self.tr("Choose where to write the packet; give the file to the recipient by any means."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Export"))
        self.browse.setText(self.tr("Browse…"))
        self.note.setText(
            self.tr(
                "The packet is encrypted to the recipient's key and signed with yours; the export is recorded in "
                "the audit log with the packet's hash."
            )
        )
        if self.running():
            self.status.setText(self.tr("Encrypting and signing the packet…"))
        elif self._error is not None:
            self.status.setText(messages.error_text(self._error))

    def initializePage(self) -> None:  # Qt override
        wizard = _wizard(self)
        info, card = wizard.dataset_page.info(), wizard.recipient_page.card()
        if info is None or card is None:
            return
        # The flow names the file after the packet id, which it draws itself; today's date stands in for it here.
        name = sending.default_file_name(info.name, card.card.party.organisation, f"pkt-{dt.date.today():%Y%m%d}")
        folder = Path(self.file.text()).expanduser().parent if self.file.text().strip() else Path.home()
        self.file.setText(str(folder / name))

    def _browse(self) -> None:
        pattern = self.tr("Dataroom packets (*{suffix})").format(suffix=container.SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Write the packet to"), self.file.text(), pattern)
        if path:
            self.file.setText(path if path.endswith(container.SUFFIX) else path + container.SUFFIX)

    def target(self) -> Path:
        return Path(self.file.text().strip()).expanduser()

    def running(self) -> bool:
        return self.task is not None

    def isComplete(self) -> bool:  # Qt override
        text = self.file.text().strip()
        return bool(text) and self.target().parent.is_dir() and not self.running()

    def validatePage(self) -> bool:  # Qt override
        if self.result is not None:
            return True
        if not self.running():
            self._start()
        return False  # the wizard moves on by itself when the export succeeds

    def _start(self) -> None:
        wizard = _wizard(self)
        info, fp, nda_id = wizard.dataset_page.info(), wizard.recipient_page.fingerprint(), wizard.nda_page.nda_id()
        if info is None or fp is None or nda_id is None:
            return
        session, out = wizard.session, self.target()
        full, version = wizard.policy_page.is_full(), wizard.policy_page.policy_version()

        def job(progress: Progress, cancel: CancelToken) -> PacketExport:
            return transfer_flows.export_packet(
                session, info.name, fp, nda_id, full=full, policy_version=version, out=out, progress=progress,
                cancel=cancel,
            )  # fmt: skip

        self.task = worker.Task(job, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self._error = None
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_running(True)
        self.task.start()

    def cancel(self) -> None:
        """Ask the running export to stop; the flow removes its partial file and the page says so."""
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _set_running(self, running: bool) -> None:
        if not running:
            self.task = None
        self.file.setEnabled(not running)
        self.browse.setEnabled(not running)
        set_look(self.status, "role", "error" if self._error is not None else "muted")
        if not running and self._error is None:
            self.status.setText("")
        self.retranslate()
        self.completeChanged.emit()
        self.wizard().button(QWizard.WizardButton.BackButton).setEnabled(not running)

    def _done(self, result: PacketExport) -> None:
        self.result = result
        self._set_running(False)
        _wizard(self).exported.emit(result)
        self.wizard().next()

    def _failed(self, err: BaseException) -> None:
        self._error = err
        self.progress.hide()
        self._set_running(False)


class SummaryPage(Retranslating, QWizardPage):
    """What was written: file, packet id, hashes, rows, canaries."""

    def __init__(self) -> None:
        super().__init__()
        self.summary = label("", wrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Packet written"))
        self.setSubTitle(
            self.tr("Give the file to the recipient, then issue the signed receipt from the Transfers page.")
        )
        if self.wizard() is not None:
            self.initializePage()

    def initializePage(self) -> None:  # Qt override
        result = _wizard(self).destination_page.result
        if result is None:
            return
        m = result.manifest
        what = (
            self.tr("full data, every column unchanged")
            if m.full
            else self.tr("de-identified with policy version {n}").format(n=m.policy_version)
        )
        lines = [
            self.tr("File: {path}").format(path=result.path),
            self.tr("Packet: {id} under {nda}").format(id=m.packet_id, nda=m.nda_id),
            self.tr("Contents: {dataset}, {rows} rows × {columns} columns, {what}").format(
                dataset=m.dataset, rows=QLocale().toString(m.rows), columns=len(m.columns), what=what
            ),
            self.tr("For: {organisation} ({person})").format(
                organisation=m.recipient["organisation"], person=m.recipient["person"]
            ),
            self.tr("Packet SHA-256: {sha}").format(sha=result.packet_sha256),
            self.tr("Manifest SHA-256: {sha}").format(sha=m.sha256),
        ]
        if result.canaries:
            lines.append(
                self.tr(
                    "Canary rows among them: {n}, planted for this recipient so a leaked copy can be traced."
                ).format(n=result.canaries)
            )
        self.summary.setText("\n".join(lines))


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
