"""The export wizard's choice pages: dataset, what leaves (policy version or full data), recipient, and the NDA
with the export gate's answer (see :mod:`dataroom.ui.transfers.export_wizard`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.counterparties import PartyCard
from dataroom.core.deal.gate import GateDecision
from dataroom.core.errors import DataroomError
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import redaction as redaction_flows
from dataroom.ui import messages
from dataroom.ui.deal import names
from dataroom.ui.deal.reasons import reason_text
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import Badge, Retranslating, label

if TYPE_CHECKING:
    from dataroom.ui.transfers.export_wizard import ExportWizard


def wizard_of(page: QWizardPage) -> ExportWizard:
    """The :class:`~dataroom.ui.transfers.export_wizard.ExportWizard` a page belongs to."""
    from dataroom.ui.transfers.export_wizard import ExportWizard  # the wizard module imports the pages

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
        wizard = wizard_of(self)
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
        wizard = wizard_of(self)
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
        wizard = wizard_of(self) if self.wizard() is not None else None
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
        self.reasons.setText("\n".join(f"• {reason_text(r)}" for r in decision.reasons) if decision else "")

    def isComplete(self) -> bool:  # Qt override
        return self.decision is not None and self.decision.ok

    def validatePage(self) -> bool:  # Qt override
        # QWizard.next() (a shortcut, a program) does not look at isComplete; a refused export never moves on.
        return self.isComplete()
