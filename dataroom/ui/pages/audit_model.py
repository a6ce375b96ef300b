"""Table model over audit records in keyset pages, marking the first record that fails verification and those after.

The log can hold millions of records, so the model never loads it whole: it asks its source for the next
:data:`PAGE_SIZE` records after the last one it holds whenever the view scrolls to the end (Qt's
``canFetchMore``/``fetchMore``), and on demand up to a given record (to show the first bad one).
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from dataroom.core.audit.log import AuditRecord
from dataroom.ui import messages, theme

SEQ, TIME, ACTOR, ACTION, OBJECT, DETAILS = range(6)
_DETAILS_SHOWN = 160
#: Records fetched at a time: a screenful many times over, and a read of a few milliseconds.
PAGE_SIZE = 500

#: ``fetch(after_seq, limit)``: up to ``limit`` matching records with ``seq > after_seq``, in sequence order.
PageSource = Callable[[int, int], list[AuditRecord]]

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
        self._source: PageSource | None = None
        self._exhausted = True
        self._first_bad: int | None = None
        self._reason = ""
        self.page_size = PAGE_SIZE

    # --- content -----------------------------------------------------------------------------------------------
    def set_source(self, source: PageSource | None) -> None:
        """Show the records ``source`` gives, starting with its first page (``None``: show nothing)."""
        self.beginResetModel()
        self._records, self._source, self._exhausted = [], source, source is None
        self.endResetModel()
        if source is not None:
            self.fetchMore()

    def load_through(self, seq: int) -> None:
        """Fetch pages until record ``seq`` (or the first matching record after it) is loaded, or all are."""
        while self.canFetchMore() and (not self._records or self._records[-1].seq < seq):
            self.fetchMore()

    def all_loaded(self) -> bool:
        return self._exhausted

    def set_first_bad(self, seq: int | None, reason: str = "") -> None:
        self._first_bad, self._reason = seq, reason
        if self._records:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._records) - 1, DETAILS))

    def clear(self) -> None:
        self.set_source(None)
        self._first_bad, self._reason = None, ""

    def record(self, row: int) -> AuditRecord:
        return self._records[row]

    def row_of(self, seq: int) -> int | None:
        """Row showing record ``seq`` among those loaded (rows are in sequence order)."""
        row = bisect.bisect_left(self._records, seq, key=lambda r: r.seq)
        return row if row < len(self._records) and self._records[row].seq == seq else None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, DETAILS)

    # --- Qt model API ------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._records)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt override
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt override
        if parent.isValid() or self._source is None or self._exhausted:
            return
        after = self._records[-1].seq if self._records else 0
        page = self._source(after, self.page_size)
        self._exhausted = len(page) < self.page_size
        if page:
            self.beginInsertRows(QModelIndex(), len(self._records), len(self._records) + len(page) - 1)
            self._records.extend(page)
            self.endInsertRows()

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
