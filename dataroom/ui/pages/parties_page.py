"""Parties page: our own identity (with its safety fingerprint, card export and key rollover) and the
counterparties' cards (import by file dialog or drop, out-of-band confirmation, status in colour and words).

Reads are quick single queries and run on the GUI thread, as on the settings page; everything that writes (and
is audited) or touches keys runs on the worker behind a busy dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.counterparties import ImportResult, PartyCard
from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.errors import DataroomError
from dataroom.core.flows import parties as party_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.deal import names
from dataroom.ui.deal.cards_model import CardsModel
from dataroom.ui.deal.confirm_dialog import ConfirmCardDialog
from dataroom.ui.deal.fingerprint_view import FingerprintView
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import PageHeader, Retranslating, label

CARD_SUFFIX = ".drcard"


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row


class PartiesPage(Retranslating, QWidget):
    """Own identity on top, counterparties below. Actions the role does not allow are hidden."""

    changed = Signal()  # something was audited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._identity: OwnIdentity | None = None
        self.confirm_dialog: ConfirmCardDialog | None = None
        self.setAcceptDrops(True)
        self.header = PageHeader()

        # Own identity
        self.own = QGroupBox()
        self.organisation, self.person, self.email, self.deal_role, self.generation = (label("") for _ in range(5))
        for value in (self.organisation, self.person, self.email):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
        self.own_form = QFormLayout()
        for widget in (self.organisation, self.person, self.email, self.deal_role, self.generation):
            self.own_form.addRow(QLabel(), widget)
        self.fingerprint_label = label("section")
        self.fingerprint = FingerprintView()
        self.own_note = label("muted", wrap=True)
        self.export_card = QPushButton()
        self.export_card.setProperty("primary", True)
        self.rollover = QPushButton()
        own = QVBoxLayout(self.own)
        own.addLayout(self.own_form)
        own.addWidget(self.fingerprint_label)
        own.addWidget(self.fingerprint)
        own.addWidget(self.own_note)
        own.addLayout(_row(self.export_card, self.rollover))
        self.export_card.clicked.connect(self._export_card)
        self.rollover.clicked.connect(self._rollover)

        # Counterparties
        self.others = QGroupBox()
        self.model = CardsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.drop_hint = label("muted", wrap=True)
        self.import_card = QPushButton()
        self.import_card.setProperty("primary", True)
        self.confirm_card = QPushButton()
        self.confirm_card.setEnabled(False)
        others = QVBoxLayout(self.others)
        others.addWidget(self.table, 1)
        others.addWidget(self.drop_hint)
        others.addLayout(_row(self.import_card, self.confirm_card))
        self.import_card.clicked.connect(self._import_card)
        self.confirm_card.clicked.connect(self._confirm_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _i: self._confirm_selected())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addWidget(self.header)
        layout.addWidget(self.own)
        layout.addWidget(self.others, 1)
        self.set_session(None)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Parties"),
            self.tr(
                "Your identity card and the other parties' cards. Trust a card only after comparing its fingerprint "
                "with the party in person or by phone."
            ),
        )
        self.own.setTitle(self.tr("Your party"))
        for widget, text in zip(
            (self.organisation, self.person, self.email, self.deal_role, self.generation),
            (
                self.tr("Organisation:"),
                self.tr("Person:"),
                self.tr("E-mail:"),
                self.tr("Role in the deal:"),
                self.tr("Key generation:"),
            ),
            strict=True,
        ):
            self.own_form.labelForField(widget).setText(text)
        self.fingerprint_label.setText(self.tr("Safety fingerprint (read it out to the other party)"))
        self.export_card.setText(self.tr("Export card…"))
        self.export_card.setToolTip(self.tr("Write your public card (.drcard) and a printable PDF of it"))
        self.rollover.setText(self.tr("Roll over keys…"))
        self.others.setTitle(self.tr("Other parties"))
        self.drop_hint.setText(self.tr("Drop a .drcard file here to import it."))
        self.import_card.setText(self.tr("Import card…"))
        self.confirm_card.setText(self.tr("Compare and confirm…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 5)
        self._show_identity()

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        if self.confirm_dialog is not None:
            self.confirm_dialog.reject()
            self.confirm_dialog = None
        keys = session is not None and session.can(Permission.MANAGE_KEYS)
        self.import_card.setVisible(keys)
        self.confirm_card.setVisible(keys)
        self.rollover.setVisible(keys)
        self.drop_hint.setVisible(keys)
        self.setAcceptDrops(keys)
        self.own.setVisible(session is not None)
        self.others.setVisible(session is not None)
        if session is None:
            self._identity = None
            self.model.set_items([])
            self._show_identity()
            return
        self.reload()

    def reload(self) -> None:
        session = self._session
        if session is None or not session.vault.is_open:
            return
        try:
            self._identity = party_flows.show_identity(session)
        except DataroomError:
            self._identity = None
        try:
            self.model.set_items(party_flows.list_cards(session))
        except DataroomError as err:
            messages.show_error(self, err)
        self._show_identity()
        self._selection_changed()

    def _show_identity(self) -> None:
        identity = self._identity
        for widget in (self.organisation, self.person, self.email, self.deal_role, self.generation):
            self.own_form.setRowVisible(widget, identity is not None)
        self.fingerprint.setVisible(identity is not None)
        self.fingerprint_label.setVisible(identity is not None)
        self.export_card.setEnabled(identity is not None)
        self.rollover.setEnabled(identity is not None)
        if identity is None:
            self.own_note.setText(
                self.tr(
                    "This vault has no party identity yet. An owner can create it on the command line: "
                    "dataroom party init."
                )
            )
            self.fingerprint.set_fingerprint("")
            return
        party = identity.party
        self.organisation.setText(party.organisation)
        self.person.setText(party.person)
        self.email.setText(party.email)
        self.deal_role.setText(names.deal_role(party.role))
        self.generation.setText(
            self.tr("{generation} (created {when})").format(
                generation=identity.generation, when=local_time(identity.created_at)[:10]
            )
        )
        self.fingerprint.set_fingerprint(identity.fingerprint)
        self.own_note.setText(
            self.tr(
                "Other parties compare this fingerprint with you before they trust your card. It changes only "
                "when you roll over your keys."
            )
        )

    def selected_card(self) -> PartyCard | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.item(rows[0].row()) if rows else None

    def _selection_changed(self, *_args: object) -> None:
        card = self.selected_card()
        self.confirm_card.setEnabled(card is not None and card.status in ("unconfirmed", "suspect"))

    # --- own card ----------------------------------------------------------------------------------------------
    def ask_card_path(self) -> Path | None:
        """Where to write our card (tests replace this)."""
        suggestion = Path.home() / f"{self._identity.party_id[:8] if self._identity else 'party'}{CARD_SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export identity card"), str(suggestion), self.tr("Identity cards (*.drcard)")
        )
        return Path(chosen) if chosen else None

    def _export_card(self) -> None:
        path = self.ask_card_path()
        if path is not None:
            self.export_card_to(path)

    def export_card_to(self, path: Path) -> None:
        """Write the ``.drcard`` and, beside it, the printable PDF (same name, ``.pdf``)."""
        session = self._session
        if session is None:
            return
        if path.suffix.lower() != CARD_SUFFIX:
            path = path.with_name(path.name + CARD_SUFFIX)
        pdf_path = path.with_suffix(".pdf")
        run_busy(
            self,
            self.tr("Writing the identity card…"),
            lambda _p, _c: party_flows.export_card(session, path, pdf_path=pdf_path),
            lambda written: self._done(
                self.tr(
                    "Wrote your identity card {card} and its printable form {pdf}. Give the card to the other "
                    "parties; read the fingerprint to them by phone or show them the printout."
                ).format(card=written, pdf=pdf_path)
            ),
        )

    def _rollover(self) -> None:
        session = self._session
        if session is None or not messages.confirm(
            self,
            self.tr("Roll over keys"),
            self.tr(
                "Make new identity keys? Your fingerprint changes. The new card is signed with the current key, so "
                "parties who confirmed your old card can trust the new one; export it and send it to them. Old keys "
                "are kept only to verify what they signed."
            ),
            self.tr("Roll over"),
            destructive=True,
        ):
            return
        run_busy(
            self,
            self.tr("Making new identity keys…"),
            lambda _p, _c: party_flows.rollover_identity(session),
            lambda new: self._done(
                self.tr(
                    "New keys made (generation {generation}). Export your new card and send it to the other parties."
                ).format(generation=getattr(new, "generation", "?"))
            ),
        )

    # --- counterparties' cards ---------------------------------------------------------------------------------
    def ask_import_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import identity card"), str(Path.home()), self.tr("Identity cards (*.drcard)")
        )
        return Path(chosen) if chosen else None

    def _import_card(self) -> None:
        path = self.ask_import_path()
        if path is not None:
            self.import_card_from(path)

    def import_card_from(self, path: Path) -> None:
        """Verify and import a card on the worker, then open the comparison dialog."""
        session = self._session
        if session is None or not session.can(Permission.MANAGE_KEYS):
            return
        run_busy(
            self,
            self.tr("Checking the identity card…"),
            lambda _p, _c: party_flows.import_card(session, path),
            self._imported,
        )

    def _imported(self, result: ImportResult) -> None:
        self.reload()
        self.changed.emit()
        card = result.card
        if card.status in ("unconfirmed", "suspect"):
            self.open_confirm(card, result.messages)
        else:
            messages.show_info(self, "\n".join(result.messages) or names.card_status(card.status))

    def _confirm_selected(self) -> None:
        card = self.selected_card()
        if card is not None and card.status in ("unconfirmed", "suspect") and self.confirm_card.isVisible():
            self.open_confirm(card, [])

    def open_confirm(self, card: PartyCard, notes: list[str]) -> ConfirmCardDialog:
        """The comparison dialog, window-modal but not blocking (``open()``); confirming runs on the worker."""
        dialog = ConfirmCardDialog(card, notes, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._confirm(dialog))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.confirm_dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: ConfirmCardDialog) -> None:
        if self.confirm_dialog is dialog:
            self.confirm_dialog = None

    def _confirm(self, dialog: ConfirmCardDialog) -> None:
        session = self._session
        if session is None:
            return
        fingerprint, method, note, accept = dialog.values()
        run_busy(
            self,
            self.tr("Recording the confirmation…"),
            lambda _p, _c: party_flows.confirm_card(session, fingerprint, method, note, accept_mismatch=accept),
            self._confirmed,
        )

    def _confirmed(self, card: PartyCard) -> None:
        self._done(
            self.tr("The card of {organisation} is confirmed: {how}.").format(
                organisation=card.card.party.organisation, how=self.model.confirmation(card)
            )
        )

    # --- drag and drop -----------------------------------------------------------------------------------------
    @staticmethod
    def _dropped_card(event: QDragEnterEvent | QDropEvent) -> Path | None:
        mime = event.mimeData()
        if not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and url.toLocalFile().lower().endswith(CARD_SUFFIX):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if self._session is not None and self._dropped_card(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        path = self._dropped_card(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_card_from(path)

    def _done(self, text: str) -> None:
        messages.show_info(self, text)
        self.reload()
        self.changed.emit()
