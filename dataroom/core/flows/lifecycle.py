"""Dataset lifecycle flows: retention rules, what is due for destruction, and what a destruction would remove.

Setting or clearing a retention rule is audited (``retention.set`` / ``retention.clear``) and needs ``IMPORT``: the
roles that bring data in decide how long it stays. Reading rules and reminders needs ``VIEW_REDACTED``; the preview
of a destruction needs ``DESTROY`` (the destruction itself is :func:`dataroom.core.flows.transfer.destroy_dataset`).
Audit details name datasets and NDAs, never personal data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.datasets import retention, store
from dataroom.core.datasets.retention import Retention
from dataroom.core.deal import duties as duty_mod
from dataroom.core.deal import nda as ndas
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import records
from dataroom.core.users.roles import Permission

__all__ = [
    "DestroyPreview",
    "DueItem",
    "PacketFile",
    "Retention",
    "clear_retention",
    "destruction_preview",
    "due_for_destruction",
    "get_retention",
    "list_retention",
    "set_retention",
]


# --- retention -------------------------------------------------------------------------------------------------


def set_retention(
    session: Session,
    dataset: str,
    *,
    until: dt.date | None = None,
    days_after_import: int | None = None,
    reason: str = "",
) -> Retention:
    """Keep ``dataset`` until ``until`` and/or ``days_after_import`` days after its import (the earlier wins), for
    ``reason``; replaces any earlier rule. Audited with the old and new last day."""
    session.require(Permission.IMPORT)
    reason = retention.check_rule(until, days_after_import, reason)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    with session.vault.transaction() as tx:
        before = retention.get(tx, info)
        rule = retention.put(tx, info, until, days_after_import, reason, session.user, utc_now())
        audit_log.append(tx, session.user, "retention.set", info.name, {
            "keep_until": rule.keep_until.isoformat(), "until": rule.until.isoformat() if rule.until else None,
            "days_after_import": days_after_import, "reason": reason,
            "previous_keep_until": before.keep_until.isoformat() if before else None,
        })  # fmt: skip
    return rule


def clear_retention(session: Session, dataset: str) -> bool:
    """Remove ``dataset``'s retention rule; whether it had one. Audited when something was removed."""
    session.require(Permission.IMPORT)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    with session.vault.transaction() as tx:
        before = retention.get(tx, info)
        if before is None:
            return False
        retention.remove(tx, info)
        audit_log.append(tx, session.user, "retention.clear", info.name,
                         {"previous_keep_until": before.keep_until.isoformat()})  # fmt: skip
    return True


def get_retention(session: Session, dataset: str) -> Retention | None:
    """``dataset``'s retention rule, or ``None``."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return retention.get(conn, store.get(conn, dataset))


def list_retention(session: Session) -> list[Retention]:
    """Every dataset's retention rule, soonest last day first."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    found = [r for r in (retention.get(conn, info) for info in store.list_all(conn)) if r is not None]
    return sorted(found, key=lambda r: (r.keep_until, r.dataset))


# --- reminders -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    """A dataset that must be destroyed: kept past its retention (``kind`` ``retention``), or received under an NDA
    whose destruction duty has started (``kind`` ``nda``). ``deadline`` is the last day of retention, or the day the
    NDA's duty falls due."""

    dataset: str
    kind: str  # "retention" | "nda"
    deadline: dt.date
    day: dt.date
    reason: str
    nda_id: str | None = None
    certificate_required: bool = False

    @property
    def overdue(self) -> bool:
        return self.day > self.deadline

    def describe(self) -> str:
        """One line in words (the CLI prints it; the GUI builds its own translated text from the fields)."""
        if self.kind == "retention":
            why = f" ({self.reason})" if self.reason else ""
            return f"{self.dataset}: kept past its retention, which ended on {self.deadline}{why}."
        when = f"overdue since {self.deadline}" if self.overdue else f"due by {self.deadline}"
        cert = ", with a certificate of destruction" if self.certificate_required else ""
        return f"{self.dataset}: NDA {self.nda_id} requires its destruction{cert}, {when}."

    def to_json(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset, "kind": self.kind, "deadline": self.deadline.isoformat(),
            "overdue": self.overdue, "reason": self.reason, "nda": self.nda_id,
            "certificate_required": self.certificate_required,
        }  # fmt: skip


def due_for_destruction(session: Session, today: dt.date | None = None) -> list[DueItem]:
    """Datasets to destroy on ``today`` (default: today): those past their retention, and those received under an
    NDA whose destruction duty has begun (expired, closed or terminated) and is not yet discharged. Most urgent
    first; a dataset owed for both reasons appears twice, since each must be answered."""
    session.require(Permission.VIEW_REDACTED)
    day = today or dt.date.today()
    conn = session.vault.connection()
    by_id = {info.id: info for info in store.list_all(conn)}
    out: list[DueItem] = []
    for info in by_id.values():
        rule = retention.get(conn, info)
        if rule is not None and rule.past(day):
            out.append(DueItem(info.name, "retention", rule.keep_until, day, rule.reason))
    for duty in duty_mod.duties(conn, day):
        for packet in records.received_under(conn, duty.nda_id):
            held = by_id.get(packet.dataset_id) if packet.dataset_id is not None else None
            if packet.destroyed_at is None and held is not None:
                out.append(DueItem(held.name, "nda", duty.due_on, day, duty.title, duty.nda_id,
                                   duty.certificate_required))  # fmt: skip
    unique = {(i.dataset, i.kind, i.nda_id): i for i in out}  # two packets into one dataset: one reminder
    return sorted(unique.values(), key=lambda i: (i.deadline, i.dataset, i.kind))


# --- destruction preview ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PacketFile:
    """A packet file a dataset came from, which the destruction overwrites and removes if it is still there."""

    packet_id: str
    path: Path
    present: bool


@dataclass(frozen=True)
class DestroyPreview:
    """Exactly what destroying a dataset removes, for the confirmation: the dataset and its source, the NDA it was
    received under (then a signed certificate is issued), and the packet files the vault knows of."""

    dataset: str
    rows: int
    columns: int
    source_name: str
    source_kind: str
    imported_at: str
    imported_by: str
    nda_id: str | None
    nda_title: str | None
    packets: tuple[PacketFile, ...]
    retention: Retention | None

    @property
    def certificate(self) -> bool:
        """Whether a certificate of destruction will be signed (received data only)."""
        return bool(self.packets)


def destruction_preview(session: Session, dataset: str) -> DestroyPreview:
    """Describe what :func:`~dataroom.core.flows.transfer.destroy_dataset` would remove (nothing changes)."""
    session.require(Permission.DESTROY)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    came_from = records.received_for_dataset(conn, info.id)
    agreement = ndas.find(conn, came_from[0].nda_id) if came_from else None
    return DestroyPreview(
        info.name, info.row_count, info.column_count, info.source_name, info.source_kind, info.imported_at,
        info.imported_by, came_from[0].nda_id if came_from else None, agreement.title if agreement else None,
        tuple(PacketFile(r.id, Path(r.file_path), Path(r.file_path).is_file()) for r in came_from),
        retention.get(conn, info),
    )  # fmt: skip
