"""Table model over audit records, marking the first record that fails verification and those after it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from dataroom.core.audit.log import AuditRecord
from dataroom.ui import messages, theme

SEQ, TIME, ACTOR, ACTION, OBJECT, DETAILS = range(6)
_DETAILS_SHOWN = 160

Index = QModelIndex | QPersistentModelIndex


def local_time(stamp: str) -> str:
    """``2026-11-24T12:00:00.123Z`` → local ``2026-11-24 20:00:00`` (records are UTC; people read local time)."""
    try:
        return datetime.fromisoformat(stamp).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return stamp


class AuditTableModel(QAbstractTableModel):
    """Rows are records in sequence order; :meth:`set_first_bad` marks where the chain breaks."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[AuditRecord] = []
        self._first_bad: int | None = None
        self._reason = ""

    # --- content -----------------------------------------------------------------------------------------------
    def set_records(self, records: list[AuditRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def set_first_bad(self, seq: int | None, reason: str = "") -> None:
        self._first_bad, self._reason = seq, reason
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, DETAILS))

    def clear(self) -> None:
        self.set_records([])
        self._first_bad, self._reason = None, ""

    def record(self, row: int) -> AuditRecord:
        return self._records[row]

    def row_of(self, seq: int) -> int | None:
        """Row showing record ``seq`` (records are sorted, so a bisection would do; lists here are small)."""
        return next((row for row, r in enumerate(self._records) if r.seq == seq), None)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DETAILS)

    # --- Qt model API ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else DETAILS + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [
            self.tr("#"),
            self.tr("Time"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Object"),
            self.tr("Details"),
        ]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        bad = self._first_bad is not None and record.seq == self._first_bad
        after_bad = self._first_bad is not None and record.seq > self._first_bad
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if bad:
                return self.tr("Verification fails here: {reason}").format(
                    reason=messages.chain_reason_text(self._reason)
                )
            if after_bad:
                return self.tr("Not verified: the chain is broken before this record.")
            if column == DETAILS:
                return json.dumps(record.details, ensure_ascii=False, indent=1)
            if column == TIME:
                return record.time
            return None
        if role == Qt.ItemDataRole.BackgroundRole and bad:
            return QBrush(QColor(theme.BAD_BG))
        if role == Qt.ItemDataRole.ForegroundRole:
            if bad:
                return QBrush(QColor(theme.BAD))
            if after_bad:
                return QBrush(QColor(theme.MUTED))
        if role == Qt.ItemDataRole.FontRole and bad:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(record: AuditRecord, column: int) -> str:
        if column == SEQ:
            return str(record.seq)
        if column == TIME:
            return local_time(record.time)
        if column == ACTOR:
            return record.actor
        if column == ACTION:
            return record.action
        if column == OBJECT:
            return record.object
        text = json.dumps(record.details, ensure_ascii=False, separators=(", ", ": ")) if record.details else ""
        return text if len(text) <= _DETAILS_SHOWN else text[: _DETAILS_SHOWN - 1] + "…"
