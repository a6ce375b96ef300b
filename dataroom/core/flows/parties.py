"""Party identity flows: create our identity, export and print our card, import and confirm counterparties' cards,
roll our keys over, and verify a card file without a vault.

Key material is managed under ``MANAGE_KEYS``; looking at and handing out public cards needs only
``VIEW_REDACTED``. Audit records name cards by fingerprint and hash, never by a person's name or e-mail.
"""

from __future__ import annotations

from pathlib import Path

from dataroom.core.audit import log as audit_log
from dataroom.core.deal import card_render, cards, counterparties, identity
from dataroom.core.deal.cards import CardReport
from dataroom.core.deal.counterparties import ImportResult, PartyCard
from dataroom.core.deal.errors import CardInvalid
from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.deal.keys import PartyDetails
from dataroom.core.documents import pdf
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission


def create_identity(session: Session, organisation: str, person: str, email: str, role: str) -> OwnIdentity:
    """Generate this vault's party identity (Ed25519, age X25519, P-256 CA + signing certificate). Audited.

    Called by the set-up wizard and ``dataroom init`` right after the vault is created, or by ``party init``.
    """
    session.require(Permission.MANAGE_KEYS)
    details = PartyDetails(organisation, person, email, role).checked()
    with session.vault.transaction() as tx:
        made = identity.create(tx, details, session.user)
        audit_log.append(
            tx,
            session.user,
            "party.create",
            made.fingerprint,
            {"generation": 1, "role": details.role, "card_sha256": made.card.sha256},
        )
    return made


def show_identity(session: Session) -> OwnIdentity:
    """Our current identity (raises :class:`~dataroom.core.deal.errors.NoIdentity` when there is none)."""
    session.require(Permission.VIEW_REDACTED)
    return identity.current(session.vault.connection())


def identity_generations(session: Session) -> list[OwnIdentity]:
    """Every generation of our keys, oldest first (retired ones stay to verify old signatures)."""
    session.require(Permission.VIEW_REDACTED)
    return identity.generations(session.vault.connection())


def export_card(session: Session, path: Path, *, pdf_path: Path | None = None) -> Path:
    """Write our current card (``.drcard``, public) and optionally its printable PDF. Audited."""
    session.require(Permission.VIEW_REDACTED)
    own = identity.current(session.vault.connection())
    written = cards.write_file(own.card, Path(path))
    if pdf_path is not None:
        pdf.save(card_render.card_document(own.card), Path(pdf_path), mode=0o644)
    with session.vault.transaction() as tx:
        audit_log.append(
            tx, session.user, "party.export-card", own.fingerprint, {"file": written.name, "pdf": pdf_path is not None}
        )
    return written


def render_card(session: Session, path: Path, fingerprint: str | None = None) -> Path:
    """Print a card to PDF: ours (default) or an imported one named by fingerprint (with its confirmation)."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    if fingerprint is None:
        doc = card_render.card_document(identity.current(conn).card)
    else:
        fp = counterparties.resolve(conn, fingerprint)
        own = identity.by_fingerprint(conn, fp)
        if own is not None:
            doc = card_render.card_document(own.card)
        else:
            found = counterparties.get(conn, fp)
            doc = card_render.card_document(found.card, found.confirmation_text())
    return pdf.save(doc, Path(path), mode=0o644)


def verify_card_file(path: Path) -> CardReport:
    """Check a ``.drcard`` file on its own (no vault): structure, self-signature, fingerprint, certificates."""
    try:
        doc = cards.read_file(Path(path))
    except CardInvalid as exc:
        report = CardReport()
        report.problem(str(exc))
        return report
    return cards.check_card(doc)


def import_card(session: Session, path: Path) -> ImportResult:
    """Import a counterparty's card after verifying it; flags a fingerprint mismatch with an earlier card. Audited."""
    session.require(Permission.MANAGE_KEYS)
    card = cards.load_card(cards.read_file(Path(path)))
    with session.vault.transaction() as tx:
        result = counterparties.import_card(tx, card, session.user)
        if not result.already_present:
            audit_log.append(
                tx,
                session.user,
                "party.import-card",
                card.fingerprint,
                {
                    "card_sha256": card.sha256,
                    "generation": card.generation,
                    "status": result.card.status,
                    "replaces": result.card.replaces,
                    "mismatch_with": result.card.mismatch_with,
                },
            )
    return result


def confirm_card(
    session: Session, fingerprint: str, method: str, note: str | None = None, *, accept_mismatch: bool = False
) -> PartyCard:
    """Record that the acting user compared the card's fingerprint with its party out of band. Audited."""
    session.require(Permission.MANAGE_KEYS)
    with session.vault.transaction() as tx:
        fp = counterparties.resolve(tx, fingerprint)
        confirmed = counterparties.confirm(tx, fp, method, session.user, note, accept_mismatch=accept_mismatch)
        audit_log.append(
            tx, session.user, "party.confirm-card", fp, {"method": method, "accepted_mismatch": accept_mismatch}
        )
    return confirmed


def list_cards(session: Session) -> list[PartyCard]:
    """Imported counterparty cards with their status and confirmation."""
    session.require(Permission.VIEW_REDACTED)
    return counterparties.list_all(session.vault.connection())


def get_card(session: Session, fingerprint: str) -> PartyCard:
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return counterparties.get(conn, counterparties.resolve(conn, fingerprint))


def rollover_identity(
    session: Session,
    *,
    organisation: str | None = None,
    person: str | None = None,
    email: str | None = None,
    role: str | None = None,
) -> OwnIdentity:
    """New keys signed over by the current ones (which are kept, retired). Audited.

    Contact details may change at the same time (a new person handling the deal, a new e-mail).
    """
    session.require(Permission.MANAGE_KEYS)
    with session.vault.transaction() as tx:
        old = identity.current(tx)
        p = old.party
        details = PartyDetails(organisation or p.organisation, person or p.person, email or p.email, role or p.role)
        new = identity.rollover(tx, session.user, details)
        audit_log.append(
            tx,
            session.user,
            "party.rollover",
            new.fingerprint,
            {"from": old.fingerprint, "generation": new.generation, "card_sha256": new.card.sha256},
        )
    return new
