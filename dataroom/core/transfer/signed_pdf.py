"""Signed PDFs between the parties (receipts, certificates of destruction): who may sign, whom to trust, and
checking a document's signatures against the identity cards confirmed in this vault.

A document carries its facts twice: as printed text for people, and as a canonical JSON attachment (the packet
manifest, or the destruction statement) embedded before the first signature, so the signature covers it and a
program can check the facts without reading the layout. Trust comes only from cards: a signature counts when it
chains to the party root on a card that was confirmed out of band (or to one of our own roots).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from dataroom.core.deal import counterparties, fingerprint, identity
from dataroom.core.deal.cards import Card
from dataroom.core.transfer import pades
from dataroom.core.transfer.pades import SignatureReport, SignerCredentials

Connection = Any

#: Field names of the two signatures on a receipt (and the one on a certificate).
ISSUER_FIELD = "Issuer"
COUNTER_FIELD = "CounterSignature"


def credentials(conn: Connection) -> SignerCredentials:
    """Our current PDF signing key and certificates (the key is used here and dropped; it never leaves core)."""
    keys = identity.keyset(conn)
    return SignerCredentials(keys.signing_key, keys.signing_certificate, keys.ca_certificate)


def root_sha256(cert: x509.Certificate) -> str:
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


@dataclass(frozen=True)
class KnownRoot:
    """A party root we may trust, and whose it is."""

    certificate: x509.Certificate
    fingerprint: str
    organisation: str
    person: str
    confirmed: bool
    ours: bool


def known_roots(conn: Connection) -> dict[str, KnownRoot]:
    """Every party root this vault knows, by certificate SHA-256: our generations and every imported card."""
    roots: dict[str, KnownRoot] = {}
    for own in identity.generations(conn):
        c = own.card
        roots[root_sha256(c.ca_certificate)] = KnownRoot(c.ca_certificate, c.fingerprint, c.party.organisation,
                                                         c.party.person, True, True)  # fmt: skip
    for pc in counterparties.list_all(conn):
        c = pc.card
        roots[root_sha256(c.ca_certificate)] = KnownRoot(
            c.ca_certificate, c.fingerprint, c.party.organisation, c.party.person,
            pc.confirmed and pc.status in ("confirmed", "superseded"), False,
        )  # fmt: skip
    return roots


def card_root(card: Card) -> KnownRoot:
    """A root from a card that nobody here confirmed (e.g. the sender's card inside a manifest)."""
    return KnownRoot(card.ca_certificate, card.fingerprint, card.party.organisation, card.party.person, False, False)


@dataclass(frozen=True)
class CheckedSignature:
    """One signature of a document with the party it chains to (``None`` when it chains to no known root)."""

    report: SignatureReport
    party: KnownRoot | None

    @property
    def field(self) -> str:
        return self.report.field

    @property
    def sound(self) -> bool:
        """Cryptographically good: the signed bytes are intact, the signature valid, and nothing but further
        signatures was added after it — whoever the signer is."""
        r = self.report
        return r.intact and r.valid and r.later_changes_allowed

    @property
    def authentic(self) -> bool:
        """Sound, and chaining to a known party root."""
        return self.sound and self.report.trusted and self.party is not None

    @property
    def confirmed(self) -> bool:
        """Authentic, by a card confirmed here or by this vault's own key."""
        return self.authentic and self.party is not None and (self.party.confirmed or self.party.ours)

    def describe(self) -> str:
        r = self.report
        if not (r.intact and r.valid):
            return f"{r.field}: signature NOT valid (the signed bytes were changed or the signature is broken)"
        if not r.later_changes_allowed:
            return f"{r.field}: valid, but the document was changed after this signature beyond adding signatures"
        if self.party is None:
            return f"{r.field}: valid signature by {r.signer}; signer not confirmed by you (no identity card here)"
        who = f"{self.party.organisation} ({self.party.person})"
        fp = " ".join(fingerprint.lines(self.party.fingerprint, 12))
        if self.party.ours:
            return f"{r.field}: valid signature by {who} — this vault's own key; fingerprint {fp}"
        trust = "card confirmed by you" if self.party.confirmed else "signer NOT confirmed by you"
        return f"{r.field}: valid signature by {who}; {trust}; fingerprint {fp}; signed {r.signed_at[:19]}"


@dataclass
class SignatureCheck:
    """Every signature of a document, checked against ``roots``."""

    signatures: list[CheckedSignature] = field(default_factory=list)

    def by_field(self, name: str) -> CheckedSignature | None:
        return next((s for s in self.signatures if s.field == name), None)


def check(pdf: bytes, roots: dict[str, KnownRoot]) -> SignatureCheck:
    """Verify every signature of ``pdf`` against ``roots`` (raises :class:`pades.NotAPdf` for unreadable input)."""
    reports = pades.verify(pdf, [r.certificate for r in roots.values()])
    result = SignatureCheck()
    for report in reports:
        party = roots.get(report.signer_root_sha256) if report.trusted else None
        result.signatures.append(CheckedSignature(report, party))
    return result
