"""A read-only table model over a list of records — the cards, NDAs and packets lists — and the colours of their
status cells. A subclass names its columns (:meth:`ItemsModel.headers`, translated) and says what each cell shows
(``data``); the list, its reset and the row lookups live here once."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dataroom.ui import theme

T = TypeVar("T")

#: Text and background colour of a status cell, by its look (the badge names ``ok``, ``warn``, ``bad``).
STATUS_COLOURS = {"ok": (theme.OK, "#e3f3ea"), "warn": (theme.WARN, "#fdf3dc"), "bad": (theme.BAD, theme.BAD_BG)}


def status_brush(look: str | None, role: int) -> QBrush | None:
    """The brush of a status cell with ``look`` for the foreground or background ``role``; ``None`` otherwise."""
    colours = STATUS_COLOURS.get(look or "")
    if colours is None or role not in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
        return None
    return QBrush(QColor(colours[0] if role == Qt.ItemDataRole.ForegroundRole else colours[1]))


class ItemsModel(QAbstractTableModel, Generic[T]):
    """One row per item, in the order given to :meth:`set_items`."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    def headers(self) -> list[str]:
        """The column titles, translated (a subclass's own ``tr`` context)."""
        raise NotImplementedError

    def set_items(self, items: list[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> list[T]:
        return list(self._items)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.headers()[section]
