"""Table model over the NDAs with their status checked now (``flows.nda.list_ndas``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from dataroom.core.deal.nda import Nda, NdaStatus, PartySignature
from dataroom.ui import theme

TITLE, PARTIES, TERM, STATUS, SIGNATURES = range(5)


def signature_text(sig: PartySignature) -> str:
    if sig.valid:
        return QCoreApplication.translate("NdaModel", "{organisation}: signed {when}").format(
            organisation=sig.organisation, when=(sig.signed_at or "")[:10]
        )
    if sig.signed:
        return QCoreApplication.translate("NdaModel", "{organisation}: INVALID signature ({problem})").format(
            organisation=sig.organisation, problem=sig.problem or "?"
        )
    return QCoreApplication.translate("NdaModel", "{organisation}: not signed").format(organisation=sig.organisation)


def status_text(status: NdaStatus) -> str:
    return (
        QCoreApplication.translate("NdaModel", "In force")
        if status.in_force
        else QCoreApplication.translate("NdaModel", "Not in force")
    )


class NdaModel(QAbstractTableModel):
    """One row per NDA; the status column is green "In force" or red "Not in force" with the reasons as tooltip."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Nda, NdaStatus]] = []

    def set_rows(self, rows: list[tuple[Nda, NdaStatus]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> tuple[Nda, NdaStatus] | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def find(self, nda_id: str) -> int:
        return next((i for i, (n, _s) in enumerate(self._rows) if n.id == nda_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("NDA"), self.tr("Parties"), self.tr("Term"), self.tr("Status"), self.tr("Signatures")][section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.row(index.row())
        if found is None:
            return None
        nda, status = found
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TITLE:
                return f"{nda.title} ({nda.id})"
            if column == PARTIES:
                return " · ".join(p["organisation"] for p in nda.parties)
            if column == TERM:
                return f"{status.effective_on.isoformat()} – {status.expires_on.isoformat()}"
            if column == STATUS:
                return status_text(status)
            signed = sum(1 for s in status.signatures if s.valid)
            return self.tr("{signed} of {total} signed").format(signed=signed, total=len(status.signatures))
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STATUS:
                return "\n".join(r.message for r in status.reasons) or status_text(status)
            if column == SIGNATURES:
                return "\n".join(signature_text(s) for s in status.signatures)
        if column == STATUS and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            fg, bg = (theme.OK, "#e3f3ea") if status.in_force else (theme.BAD, theme.BAD_BG)
            return QBrush(QColor(fg if role == Qt.ItemDataRole.ForegroundRole else bg))
        return None
