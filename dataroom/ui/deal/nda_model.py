"""Table model over the NDAs with their status checked now (``flows.nda.list_ndas``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from dataroom.core.deal.nda import Nda, NdaStatus, PartySignature
from dataroom.ui.deal.reasons import reason_text
from dataroom.ui.items_model import ItemsModel, status_brush

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


class NdaModel(ItemsModel[tuple[Nda, NdaStatus]]):
    """One row per NDA; the status column is green "In force" or red "Not in force" with the reasons as tooltip."""

    def find(self, nda_id: str) -> int:
        return next((i for i, (n, _s) in enumerate(self.items()) if n.id == nda_id), -1)

    def headers(self) -> list[str]:
        return [self.tr("NDA"), self.tr("Parties"), self.tr("Term"), self.tr("Status"), self.tr("Signatures")]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        found = self.item(index.row())
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
            if column == TITLE:  # the column gives way to the others, so a long title may be elided
                return f"{nda.title} ({nda.id})"
            if column == STATUS:
                return "\n".join(reason_text(r) for r in status.reasons) or status_text(status)
            if column == SIGNATURES:
                return "\n".join(signature_text(s) for s in status.signatures)
        if column == STATUS:
            return status_brush("ok" if status.in_force else "bad", role)
        return None
