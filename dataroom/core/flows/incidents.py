"""Incident flows: log an incident (with affected-people counts computed from the data), list, render drafts.

Anyone who works in the vault must be able to record an incident, so logging needs only ``VIEW_REDACTED``: the
count reads identifiers inside core to tokenise them and shows nothing but numbers. Drafts hold no personal data.
"""

from __future__ import annotations

from pathlib import Path

from dataroom.core.atomic import atomic_write
from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.deal import identity
from dataroom.core.deal import incidents as incident_mod
from dataroom.core.deal.errors import NoIdentity
from dataroom.core.deal.incidents import Incident, IncidentFacts
from dataroom.core.documents import blocks as b
from dataroom.core.documents import pdf, text
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.users.roles import Permission


def log_incident(
    session: Session, facts: IncidentFacts, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> Incident:
    """Record an incident and the number of rows and people it affects. Audited (counts only)."""
    session.require(Permission.VIEW_REDACTED)
    incident_mod.check(facts)
    conn = session.vault.connection()
    measured = incident_mod.measure(conn, facts, progress=progress, cancel=cancel)  # long: outside the transaction
    with session.vault.transaction() as tx:
        incident_id = incident_mod.insert(tx, facts, measured, session.user, utc_now())
        audit_log.append(
            tx,
            session.user,
            "incident.log",
            f"incident-{incident_id}",
            {"kind": facts.kind, "rows": measured["rows"], "people": measured["people"],
             "datasets": [a.dataset for a in facts.affected]},
        )  # fmt: skip
    return incident_mod.get(conn, incident_id)


def list_incidents(session: Session) -> list[Incident]:
    session.require(Permission.VIEW_REDACTED)
    return incident_mod.list_all(session.vault.connection())


def _handler(session: Session) -> str:
    try:
        return identity.current(session.vault.connection()).party.organisation
    except NoIdentity:
        return session.vault.meta("name") or "Dataroom"


def render_incident(session: Session, incident_id: int, folder: Path, language: str = "both") -> list[Path]:
    """Write the authority report and the notice to affected persons, each as PDF and text, into ``folder``."""
    session.require(Permission.VIEW_REDACTED)
    incident = incident_mod.get(session.vault.connection(), incident_id)
    langs = b.languages(language)
    handler = _handler(session)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, printed, merged in (
        ("authority", incident_mod.authority_document(incident, handler, langs), None),
        (
            "persons",
            incident_mod.persons_document(incident, handler, langs),
            incident_mod.persons_document(incident, handler, langs, merge_field=True),
        ),
    ):
        base = folder / f"incident-{incident.id}-{name}"
        written.append(pdf.save(printed, base.with_suffix(".pdf")))
        # The text version of the letter to persons greets a {{name}} merge field for e-mail tools.
        atomic_write(base.with_suffix(".txt"), text.render(merged or printed).encode("utf-8"))
        written.append(base.with_suffix(".txt"))
    with session.vault.transaction() as tx:
        audit_log.append(
            tx, session.user, "incident.render", f"incident-{incident.id}", {"files": [p.name for p in written]}
        )
    return written
