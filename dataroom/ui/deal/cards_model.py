"""Table model over the counterparties' imported identity cards (``flows.parties.list_cards``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFontDatabase

from dataroom.core.deal.counterparties import PartyCard
from dataroom.ui.deal import names
from dataroom.ui.items_model import ItemsModel, status_brush
from dataroom.ui.pages.audit_model import local_time

ORGANISATION, PERSON, ROLE, STATUS, FINGERPRINT, CONFIRMED = range(6)


class CardsModel(ItemsModel[PartyCard]):
    """One row per imported card; the status column is coloured and always in words."""

    def headers(self) -> list[str]:
        return [
            self.tr("Organisation"),
            self.tr("Person"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Fingerprint"),
            self.tr("Confirmed"),
        ]

    def confirmation(self, card: PartyCard) -> str:
        if card.confirmed_method is None:
            return self.tr("not yet")
        return self.tr("{how}, by {user} on {when}").format(
            how=names.method(card.confirmed_method),
            user=card.confirmed_by or "?",
            when=local_time(card.confirmed_at or "")[:16],
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.item(index.row())
        if card is None:
            return None
        column = index.column()
        party = card.card.party
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                party.organisation,
                party.person,
                names.deal_role(party.role),
                names.card_status(card.status),
                card.fingerprint[:23] + " …",
                self.confirmation(card),
            ][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == FINGERPRINT:
                return card.fingerprint
            if column == CONFIRMED and card.confirmed_note:
                return card.confirmed_note
            if column == PERSON:
                return party.email
        if column == STATUS and (brush := status_brush(names.CARD_LOOK.get(card.status), role)) is not None:
            return brush
        if column == FINGERPRINT and role == Qt.ItemDataRole.FontRole:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None
