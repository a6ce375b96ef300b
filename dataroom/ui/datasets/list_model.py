"""Table model of the datasets in the vault: name, rows, columns, source file, imported when and by whom."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from dataroom.core.datasets.store import DatasetInfo
from dataroom.ui.pages.audit_model import local_time

NAME, ROWS, COLUMNS, SOURCE, IMPORTED = range(5)

Index = QModelIndex | QPersistentModelIndex


class DatasetListModel(QAbstractTableModel):
    """One row per dataset, in import order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._datasets: list[DatasetInfo] = []

    def set_datasets(self, datasets: list[DatasetInfo]) -> None:
        self.beginResetModel()
        self._datasets = list(datasets)
        self.endResetModel()

    def clear(self) -> None:
        self.set_datasets([])

    def dataset(self, row: int) -> DatasetInfo:
        return self._datasets[row]

    def row_of(self, name: str) -> int | None:
        return next((i for i, d in enumerate(self._datasets) if d.name == name), None)

    def names(self) -> list[str]:
        return [d.name for d in self._datasets]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, IMPORTED)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._datasets)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else IMPORTED + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Dataset"), self.tr("Rows"), self.tr("Columns"), self.tr("Source"), self.tr("Imported")]
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        info = self._datasets[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == NAME:
                return info.name
            if column == ROWS:
                return QLocale().toString(info.row_count)
            if column == COLUMNS:
                return str(info.column_count)
            if column == SOURCE:
                extra = info.sheet or info.encoding or ""
                return f"{info.source_name} ({extra})" if extra else info.source_name
            return self.tr("{time} by {user}").format(time=local_time(info.imported_at)[:16], user=info.imported_by)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == SOURCE:
                return self.tr("SHA-256 of the original file: {sha}").format(sha=info.source_sha256)
            if column == NAME and info.warnings:
                return "\n".join(str(w.get("message", "")) for w in info.warnings)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ROWS, COLUMNS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
