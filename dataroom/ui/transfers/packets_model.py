"""Table model over the packets sent and received (``flows.transfer.list_packets``), with their state in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QModelIndex, QPersistentModelIndex, Qt

from dataroom.core.flows.transfer import PacketSummary
from dataroom.ui.items_model import ItemsModel, status_brush
from dataroom.ui.pages.audit_model import local_time

DIRECTION, DATASET, COUNTERPARTY, ROWS, DATE, STATUS = range(6)

_CONTEXT = "PacketStatus"

#: A packet's state, from its receipt stage (or destruction), in words; never colour alone.
_STATUS: dict[str, str] = {
    "sent": QT_TRANSLATE_NOOP("PacketStatus", "sent"),
    "received": QT_TRANSLATE_NOOP("PacketStatus", "received"),
    "issued": QT_TRANSLATE_NOOP("PacketStatus", "receipt issued"),
    "countersigned": QT_TRANSLATE_NOOP("PacketStatus", "counter-signed"),
    "recorded": QT_TRANSLATE_NOOP("PacketStatus", "recorded"),
    "destroyed": QT_TRANSLATE_NOOP("PacketStatus", "destroyed"),
}

#: Which states are done (green) and which wait on someone (amber).
_LOOK = {"recorded": "ok", "destroyed": "ok", "countersigned": "ok", "issued": "warn", "sent": "warn"}


def status_key(packet: PacketSummary) -> str:
    """The packet's state: destroyed, else its receipt's stage, else just sent or received."""
    if packet.destroyed:
        return "destroyed"
    if packet.receipt != "none":
        return packet.receipt
    return packet.direction


def status_text(packet: PacketSummary) -> str:
    """:func:`status_key` in the user's language."""
    return QCoreApplication.translate(_CONTEXT, _STATUS[status_key(packet)])


class PacketsModel(ItemsModel[PacketSummary]):
    """One row per packet, oldest first (the order ``list_packets`` gives)."""

    def row_of(self, packet_id: str) -> int:
        """The row showing ``packet_id``, or -1."""
        return next((i for i, p in enumerate(self.items()) if p.packet_id == packet_id), -1)

    def headers(self) -> list[str]:
        return [
            self.tr("Direction"),
            self.tr("Dataset"),
            self.tr("Counterparty"),
            self.tr("Rows"),
            self.tr("Date"),
            self.tr("Status"),
        ]

    def _dataset_text(self, packet: PacketSummary) -> str:
        if packet.full:
            return self.tr("{name} (full data)").format(name=packet.dataset)
        return self.tr("{name} (de-identified)").format(name=packet.dataset)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        packet = self.item(index.row())
        if packet is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("sent to") if packet.direction == "sent" else self.tr("received from"),
                self._dataset_text(packet),
                packet.counterparty,
                QLocale().toString(packet.rows),
                local_time(packet.at)[:16],
                status_text(packet),
            ][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COUNTERPARTY:
                return packet.counterparty_fingerprint
            return self.tr("Packet {id} under {nda}").format(id=packet.packet_id, nda=packet.nda_id)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == ROWS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == STATUS:
            return status_brush(_LOOK.get(status_key(packet)), role)
        return None
