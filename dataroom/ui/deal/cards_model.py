"""Table model over the counterparties' imported identity cards (``flows.parties.list_cards``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFontDatabase

from dataroom.core.deal.counterparties import PartyCard
from dataroom.ui import theme
from dataroom.ui.deal import names
from dataroom.ui.pages.audit_model import local_time

ORGANISATION, PERSON, ROLE, STATUS, FINGERPRINT, CONFIRMED = range(6)

_COLOURS = {"ok": (theme.OK, "#e3f3ea"), "warn": (theme.WARN, "#fdf3dc"), "bad": (theme.BAD, theme.BAD_BG)}


class CardsModel(QAbstractTableModel):
    """One row per imported card; the status column is coloured and always in words."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._cards: list[PartyCard] = []

    def set_cards(self, cards: list[PartyCard]) -> None:
        self.beginResetModel()
        self._cards = list(cards)
        self.endResetModel()

    def card(self, row: int) -> PartyCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def cards(self) -> list[PartyCard]:
        return list(self._cards)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cards)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [
            self.tr("Organisation"),
            self.tr("Person"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Fingerprint"),
            self.tr("Confirmed"),
        ][section]

    def confirmation(self, card: PartyCard) -> str:
        if card.confirmed_method is None:
            return self.tr("not yet")
        return self.tr("{how}, by {user} on {when}").format(
            how=names.method(card.confirmed_method),
            user=card.confirmed_by or "?",
            when=local_time(card.confirmed_at or "")[:16],
        )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.card(index.row())
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
        if column == STATUS and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            colours = _COLOURS.get(names.CARD_LOOK.get(card.status, ""))
            if colours is None:
                return None
            return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]))
        if column == FINGERPRINT and role == Qt.ItemDataRole.FontRole:
            return QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        return None
