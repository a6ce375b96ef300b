"""NDA flows: draft, sign, exchange (export/import of the signed file), render, end, and destruction reminders.

Drafting, signing, importing signatures and ending an NDA change what the vault will let out, so they need
``SIGN``; reading and printing need ``VIEW_REDACTED``. The export gate itself lives in
:mod:`dataroom.core.deal.gate` and is called by the export flows.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dataroom.core.audit import log as audit_log
from dataroom.core.deal import duties as duty_mod
from dataroom.core.deal import nda as ndas
from dataroom.core.deal import nda_render
from dataroom.core.deal.duties import DestructionDuty
from dataroom.core.deal.gate import GateDecision, NdaRefusal, PolicySummary, check_export
from dataroom.core.deal.nda import ImportReport, Nda, NdaStatus, NdaTerms
from dataroom.core.documents import pdf
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission

__all__ = [
    "GateDecision",
    "NdaRefusal",
    "PolicySummary",
    "check_export",
    "destruction_duties",
    "end_nda",
    "export_nda",
    "import_nda",
    "list_ndas",
    "nda_status",
    "new_nda",
    "render_nda",
    "show_nda",
    "sign_nda",
]


def new_nda(session: Session, terms: NdaTerms) -> Nda:
    """Draft an NDA between our identity and the named counterparties over datasets in this vault. Audited."""
    session.require(Permission.SIGN)
    with session.vault.transaction() as tx:
        made = ndas.draft(tx, terms, session.user)
        audit_log.append(
            tx,
            session.user,
            "nda.draft",
            made.id,
            {
                "sha256": made.content_sha256,
                "parties": [p["fingerprint"] for p in made.parties],
                "datasets": [d["name"] for d in made.content["scope"]["datasets"]],
                "term": [made.content["term"]["effective_on"], made.content["term"]["expires_on"]],
            },
        )
    return made


def show_nda(session: Session, nda_id: str) -> Nda:
    session.require(Permission.VIEW_REDACTED)
    return ndas.get(session.vault.connection(), nda_id)


def nda_status(session: Session, nda_id: str, day: dt.date | None = None) -> NdaStatus:
    """Signatures, cards, term and end checked now (or on ``day``)."""
    session.require(Permission.VIEW_REDACTED)
    return ndas.status(session.vault.connection(), nda_id, day)


def list_ndas(session: Session, day: dt.date | None = None) -> list[tuple[Nda, NdaStatus]]:
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return [(n, ndas.status(conn, n.id, day)) for n in ndas.list_all(conn)]


def sign_nda(session: Session, nda_id: str) -> NdaStatus:
    """Sign the NDA's content with our current Ed25519 key. Audited."""
    session.require(Permission.SIGN)
    with session.vault.transaction() as tx:
        sig = ndas.sign(tx, nda_id, session.user)
        agreement = ndas.get(tx, nda_id)
        audit_log.append(
            tx, session.user, "nda.sign", agreement.id, {"sha256": sig["content_sha256"], "signer": sig["signer"]}
        )
    return ndas.status(session.vault.connection(), agreement.id)


def export_nda(session: Session, nda_id: str, path: Path) -> Path:
    """Write the NDA with the signatures collected so far (``.drnda``) for the other parties. Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    agreement = ndas.get(conn, nda_id)
    written = ndas.write_file(conn, agreement.id, Path(path))
    with session.vault.transaction() as tx:
        count = len(ndas.stored_signatures(tx, agreement.id))
        audit_log.append(tx, session.user, "nda.export", agreement.id, {"file": written.name, "signatures": count})
    return written


def import_nda(session: Session, path: Path) -> ImportReport:
    """Import an NDA file: a new NDA to review, or the counterparty's signature on ours. Audited.

    Every signature is verified against the signer's imported card; a changed clause or an invalid signature
    refuses the whole file.
    """
    session.require(Permission.SIGN)
    doc = ndas.read_file(Path(path))
    with session.vault.transaction() as tx:
        report = ndas.import_document(tx, doc, session.user)
        audit_log.append(
            tx,
            session.user,
            "nda.import",
            report.nda.id,
            {"sha256": report.nda.content_sha256, "created": report.created, "signatures_added": report.added},
        )
    return report


def render_nda(session: Session, nda_id: str, path: Path, day: dt.date | None = None) -> Path:
    """Print the NDA to a bilingual PDF (CJK font embedded). Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    document = nda_render.nda_document(conn, nda_id, day)
    written = pdf.save(document, Path(path))
    agreement = ndas.get(conn, nda_id)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "nda.render", agreement.id, {"file": written.name})
    return written


def end_nda(session: Session, nda_id: str, kind: str, on: dt.date | None = None) -> Nda:
    """Record that the deal ``closed`` or was ``terminated``: no more exports; the destruction clock starts."""
    session.require(Permission.SIGN)
    with session.vault.transaction() as tx:
        ended = ndas.record_end(tx, nda_id, kind, on or dt.date.today())
        audit_log.append(tx, session.user, "nda.end", ended.id, {"kind": kind, "on": ended.ended_on})
    return ended


def destruction_duties(session: Session, day: dt.date | None = None) -> list[DestructionDuty]:
    """Destruction duties due or overdue after an NDA expired, closed or was terminated."""
    session.require(Permission.VIEW_REDACTED)
    return duty_mod.duties(session.vault.connection(), day)
