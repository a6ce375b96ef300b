"""Destruction duties: when an NDA ends (expiry, closing, termination) its recipients must destroy the data.

A duty is *due* ``destruction.days`` days after the earliest end event; it is listed from the end event on, so
both sides see the reminder while there is still time, and stays listed (overdue) until a certificate of
destruction is recorded against the NDA. Only NDAs that were fully signed carry a duty: an unsigned draft never
let data out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.errors import NoIdentity
from dataroom.core.timeutil import utc_now

Connection = Any


@dataclass(frozen=True)
class DestructionDuty:
    """One NDA's destruction duty as of ``day``."""

    nda_id: str
    title: str
    trigger: str  # "expired" | "closed" | "terminated"
    triggered_on: dt.date
    due_on: dt.date
    day: dt.date
    certificate_required: bool
    datasets: tuple[str, ...]
    owed_by: tuple[str, ...]
    owed_by_us: bool

    @property
    def overdue(self) -> bool:
        return self.day > self.due_on

    @property
    def days_left(self) -> int:
        return (self.due_on - self.day).days

    def describe(self) -> str:
        when = f"overdue since {self.due_on}" if self.overdue else f"due by {self.due_on} ({self.days_left} days left)"
        who = "you" if self.owed_by_us else ", ".join(self.owed_by)
        cert = " with a certificate of destruction" if self.certificate_required else ""
        return (
            f"{self.nda_id} “{self.title}” {self.trigger} on {self.triggered_on}: {who} must destroy "
            f"{', '.join(self.datasets)}{cert}, {when}."
        )


def _fully_signed(conn: Connection, agreement: ndas.Nda) -> bool:
    status = ndas.status(conn, agreement.id, agreement.effective_on)
    return all(s.valid for s in status.signatures)


def duties(conn: Connection, day: dt.date | None = None) -> list[DestructionDuty]:
    """Every open destruction duty on ``day`` (default today), most urgent first."""
    day = day or dt.date.today()
    try:
        mine = set(counterparties.lineage(conn, identity.current(conn).fingerprint))
    except NoIdentity:
        mine = set()
    out: list[DestructionDuty] = []
    for agreement in ndas.list_all(conn):
        if agreement.destruction_certified_at:
            continue
        events: list[tuple[dt.date, str]] = [(agreement.expires_on + dt.timedelta(days=1), "expired")]
        if agreement.ended_on and agreement.end_kind:
            events.append((dt.date.fromisoformat(agreement.ended_on), agreement.end_kind))
        triggered_on, trigger = min(events)
        if day < triggered_on or not _fully_signed(conn, agreement):
            continue
        recipients = agreement.content["recipients"]
        days = int(agreement.content["destruction"]["days"])
        out.append(
            DestructionDuty(
                agreement.id,
                agreement.title,
                trigger,
                triggered_on,
                triggered_on + dt.timedelta(days=days),
                day,
                bool(agreement.content["destruction"]["certificate_required"]),
                tuple(d["name"] for d in agreement.content["scope"]["datasets"]),
                tuple(r["organisation"] for r in recipients),
                any(r["fingerprint"] in mine for r in recipients),
            )
        )
    return sorted(out, key=lambda d: d.due_on)


def record_certificate(conn: Connection, nda_id: str, certificate_sha256: str) -> None:
    """Discharge an NDA's duty with the SHA-256 of its certificate of destruction (issued by the transfer module)."""
    agreement = ndas.get(conn, nda_id)
    conn.execute(
        "UPDATE ndas SET destruction_certificate = ?, destruction_certified_at = ? WHERE id = ?",
        (certificate_sha256, utc_now(), agreement.id),
    )
