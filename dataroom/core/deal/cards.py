"""Identity cards (``.drcard``): a party's public keys and certificates, self-signed, as canonical JSON.

A card is ``{"format", "version", "body", "fingerprint", "signature"}``. ``body`` names the party and holds its
public keys (Ed25519, age recipient, CA and signing certificates as base64 DER) and, after a key rollover, the
previous generation's keys with a statement signed by the previous Ed25519 key. ``signature`` is Ed25519 over the
body; ``fingerprint`` is informational (it is always recomputed from the keys, and a mismatch is reported).

:func:`check_card` collects every problem in words instead of stopping at the first one, because a person deciding
whether a file is a forgery wants the whole picture; :func:`load_card` is the strict form that raises.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage
from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from dataroom.core.atomic import atomic_write
from dataroom.core.canonical import canonical_json
from dataroom.core.deal import fingerprint, keys
from dataroom.core.deal.errors import CardInvalid
from dataroom.core.deal.keys import KeySet, PartyDetails, name_value
from dataroom.core.errors import InputError

FORMAT = "dataroom-card"
VERSION = 1
SUFFIX = ".drcard"
CARD_DOMAIN = b"dataroom card v1\x00"
ROLLOVER_DOMAIN = b"dataroom rollover v1\x00"
#: Cards are a few kilobytes; anything far bigger is not a card and is not parsed.
MAX_BYTES = 256 * 1024
QR_PREFIX = "DRCARD1"
_DER = serialization.Encoding.DER


@dataclass(frozen=True)
class Rollover:
    """A card's claim to replace an earlier generation, and whether the earlier key really signed it."""

    from_fingerprint: str
    from_generation: int
    signed_by_previous_key: bool
    previous_keys: dict[str, str] = field(repr=False)
    statement: dict[str, Any] = field(repr=False)


@dataclass(frozen=True)
class Card:
    """A verified card (only :func:`load_card` and :func:`build` make these)."""

    party_id: str
    generation: int
    party: PartyDetails
    created_at: str
    keys: dict[str, str] = field(repr=False)
    fingerprint: str
    sha256: str
    rollover: Rollover | None
    doc: dict[str, Any] = field(repr=False)

    @property
    def ed25519(self) -> str:
        """Base64 raw Ed25519 public key."""
        return self.keys["ed25519"]

    @property
    def age_recipient(self) -> str:
        """``age1…`` recipient that packets for this party are encrypted to."""
        return self.keys["age"]

    @property
    def ca_certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(keys.unb64(self.keys["ca_certificate"]))

    @property
    def signing_certificate(self) -> x509.Certificate:
        return x509.load_der_x509_certificate(keys.unb64(self.keys["signing_certificate"]))

    def to_bytes(self) -> bytes:
        """The exact file content (canonical JSON)."""
        return canonical_json(self.doc)

    def qr_payload(self) -> str:
        """What the card's QR code holds: fingerprint digits and the card file's SHA-256."""
        return qr_payload(self.fingerprint, self.sha256)


@dataclass
class CardReport:
    """Everything :func:`check_card` found, for ``dataroom verify`` and the import dialog."""

    ok: bool = True
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    party: PartyDetails | None = None
    party_id: str | None = None
    generation: int | None = None
    fingerprint: str | None = None
    claimed_fingerprint: str | None = None
    sha256: str | None = None
    rollover: Rollover | None = None
    card: Card | None = None

    def problem(self, text: str) -> None:
        self.ok = False
        self.problems.append(text)

    def describe(self) -> list[str]:
        """The report as lines of text (CLI output, GUI detail box)."""
        out = [f"Identity card: {'VALID' if self.ok else 'NOT VALID'}"]
        if self.party:
            p = self.party
            out.append(f"  party: {p.person} <{p.email}>, {p.organisation} ({p.role})")
        if self.generation is not None:
            out.append(f"  key generation: {self.generation}")
        if self.fingerprint:
            out.append("  fingerprint: " + " / ".join(fingerprint.lines(self.fingerprint)))
        if self.sha256:
            out.append(f"  card SHA-256: {self.sha256}")
        if self.rollover:
            signed = "signed by the previous key" if self.rollover.signed_by_previous_key else "NOT signed"
            out.append(f"  replaces generation {self.rollover.from_generation} ({signed}), fingerprint "
                       + " / ".join(fingerprint.lines(self.rollover.from_fingerprint)))  # fmt: skip
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  problem: {p}" for p in self.problems]
        return out


def qr_payload(fp: str, sha256: str) -> str:
    return f"{QR_PREFIX}:{fp.replace(' ', '')}:{sha256}"


def card_sha256(doc: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(doc)).hexdigest()


def public_keys_json(keyset: KeySet) -> dict[str, str]:
    """The card's ``keys`` object for a key set."""
    return {
        "ed25519": keyset.public_keys()["ed25519"],
        "age": str(keyset.age.to_public()),
        "ca_certificate": keys.b64(keyset.ca_certificate.public_bytes(_DER)),
        "signing_certificate": keys.b64(keyset.signing_certificate.public_bytes(_DER)),
    }


def rollover_block(
    previous: KeySet, previous_card: Card, new_fingerprint: str, party_id: str, generation: int, time: str
) -> dict[str, Any]:
    """The ``rollover`` member of a new card: statement signed by the previous generation's Ed25519 key."""
    statement = {
        "type": "dataroom-key-rollover",
        "party_id": party_id,
        "from_generation": previous_card.generation,
        "from_fingerprint": previous_card.fingerprint,
        "to_generation": generation,
        "to_fingerprint": new_fingerprint,
        "time": time,
    }
    return {
        "statement": statement,
        "signature": keys.sign_json(previous.ed25519, ROLLOVER_DOMAIN, statement),
        "previous_keys": dict(previous_card.keys),
    }


def build(
    keyset: KeySet,
    details: PartyDetails,
    party_id: str,
    generation: int,
    created_at: str,
    rollover: dict[str, Any] | None = None,
) -> Card:
    """Assemble and self-sign a card for our own key set."""
    body = {
        "party_id": party_id,
        "generation": generation,
        "created_at": created_at,
        "party": details.to_json(),
        "keys": public_keys_json(keyset),
        "rollover": rollover,
    }
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "body": body,
        "fingerprint": keyset.fingerprint,
        "signature": keys.sign_json(keyset.ed25519, CARD_DOMAIN, body),
    }
    return load_card(doc)


def parse_bytes(data: bytes) -> dict[str, Any]:
    """The JSON object of a card file, or :class:`CardInvalid`."""
    if len(data) > MAX_BYTES:
        raise CardInvalid("This file is far too large to be an identity card.")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise CardInvalid("This file is not an identity card (it is not JSON text).") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise CardInvalid("This file is not a Dataroom identity card.")
    return doc


def read_file(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    return parse_bytes(data)


def write_file(card: Card, path: Path) -> Path:
    """Write the card (public; readable by others) atomically; adds ``.drcard`` when no suffix is given."""
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    atomic_write(path, card.to_bytes(), mode=0o644)
    return path


def load_card(doc: dict[str, Any]) -> Card:
    """The verified card, or :class:`CardInvalid` listing what is wrong."""
    report = check_card(doc)
    if not report.ok or report.card is None:
        raise CardInvalid("The identity card is not valid: " + "; ".join(report.problems))
    return report.card


#: What cryptography raises, at load time or later when a field is first read, for a damaged certificate.
_DAMAGED_CERTIFICATE = (
    ValueError, UnsupportedAlgorithm, x509.InvalidVersion, x509.DuplicateExtension, x509.UnsupportedGeneralNameType,
)


def check_card(doc: Any) -> CardReport:
    """Verify structure, self-signature, fingerprint, certificates and their binding, and any rollover."""
    report = CardReport()
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        report.problem("This is not a Dataroom identity card.")
        return report
    if doc.get("version") != VERSION:
        report.problem(f"Card format version {doc.get('version')!r} is not one this Dataroom understands.")
        return report
    try:
        report.sha256 = card_sha256(doc)
    except (TypeError, ValueError):
        report.problem("The card contains values JSON cannot represent canonically.")
        return report
    body = doc.get("body")
    if not isinstance(body, dict):
        report.problem("The card has no contents (body).")
        return report
    try:
        party_id, generation, created_at, details, key_obj = _fields(body)
    except (KeyError, TypeError, ValueError) as exc:
        report.problem(f"The card's contents are incomplete or malformed ({exc}).")
        return report
    report.party, report.party_id, report.generation = details, party_id, generation
    try:
        ca_cert = x509.load_der_x509_certificate(keys.unb64(key_obj["ca_certificate"]))
        signing_cert = x509.load_der_x509_certificate(keys.unb64(key_obj["signing_certificate"]))
        pyrage.x25519.Recipient.from_str(key_obj["age"])
        if len(keys.unb64(key_obj["ed25519"])) != 32:
            raise ValueError("Ed25519 key length")
        covered = keys.fingerprinted(key_obj)
    except (*_DAMAGED_CERTIFICATE, InputError, pyrage.RecipientError) as exc:
        report.problem(f"A key or certificate on the card cannot be read ({exc}).")
        return report
    report.fingerprint = fingerprint.compute(covered)
    claimed = doc.get("fingerprint")
    report.claimed_fingerprint = claimed if isinstance(claimed, str) else None
    if claimed != report.fingerprint:
        report.problem("The fingerprint printed on the card does not match its keys (a key was swapped).")
    if not isinstance(doc.get("signature"), str) or not keys.verify_json(
        key_obj["ed25519"], CARD_DOMAIN, body, doc["signature"]
    ):
        report.problem("The card's self-signature does not verify: its contents were changed after signing.")
    try:
        _check_certificates(report, details, party_id, fingerprint.key_id(covered), ca_cert, signing_cert)
    except _DAMAGED_CERTIFICATE:  # cryptography parses lazily: damage in a certificate surfaces only here
        report.problem("The card's certificates are damaged: their extensions or names cannot be read.")
    _check_rollover(report, body.get("rollover"), party_id, generation)
    if report.ok:
        report.card = Card(
            party_id, generation, details, created_at, dict(key_obj), report.fingerprint, report.sha256,
            report.rollover, doc,
        )  # fmt: skip
    return report


def _fields(body: dict[str, Any]) -> tuple[str, int, str, PartyDetails, dict[str, str]]:
    party = body["party"]
    details = PartyDetails(
        str(party["organisation"]), str(party["person"]), str(party["email"]), str(party["role"])
    ).checked()
    key_obj = body["keys"]
    if not isinstance(key_obj, dict) or not all(
        isinstance(key_obj.get(k), str) for k in ("ed25519", "age", "ca_certificate", "signing_certificate")
    ):
        raise ValueError("keys")
    generation = body["generation"]
    if not isinstance(generation, int) or generation < 1:
        raise ValueError("generation")
    party_id = body["party_id"]
    if not isinstance(party_id, str) or not 8 <= len(party_id) <= 64:
        raise ValueError("party id")
    return party_id, generation, str(body["created_at"]), details, key_obj


def _check_certificates(
    report: CardReport,
    details: PartyDetails,
    party_id: str,
    kid: str,
    ca_cert: x509.Certificate,
    signing_cert: x509.Certificate,
) -> None:
    for cert, what in ((ca_cert, "party root certificate"), (signing_cert, "signing certificate")):
        key = cert.public_key()
        if not isinstance(key, ec.EllipticCurvePublicKey) or key.curve.name != "secp256r1":
            report.problem(f"The {what} does not use an ECDSA P-256 key.")
        uris = keys.certificate_uris(cert)
        if keys.keys_uri(kid) not in uris:
            report.problem(f"The {what} belongs to other keys than this card's (it does not carry their key id).")
        if keys.party_uri(party_id) not in uris:
            report.problem(f"The {what} names another party than this card.")
    try:
        ca_cert.verify_directly_issued_by(ca_cert)
        constraints = ca_cert.extensions.get_extension_for_class(x509.BasicConstraints).value
        if not constraints.ca:
            raise ValueError
    except Exception:  # InvalidSignature, ValueError, TypeError, ExtensionNotFound: all mean "not a CA"
        report.problem("The party root certificate is not a valid self-signed CA certificate.")
    try:
        signing_cert.verify_directly_issued_by(ca_cert)
    except Exception:  # InvalidSignature, ValueError, TypeError: all mean the same to the user
        report.problem("The signing certificate was not issued by the card's party root certificate.")
    try:
        usage = signing_cert.extensions.get_extension_for_class(x509.KeyUsage).value
        eku = signing_cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
        if not (usage.digital_signature and usage.content_commitment) or keys.DOCUMENT_SIGNING not in eku:
            raise ValueError
    except (ValueError, x509.ExtensionNotFound):
        report.problem("The signing certificate is not meant for signing documents (key usage).")
    cn = signing_cert.subject.get_attributes_for_oid(x509.NameOID.COMMON_NAME)
    org = signing_cert.subject.get_attributes_for_oid(x509.NameOID.ORGANIZATION_NAME)
    if (
        not cn
        or cn[0].value != name_value(details.person)
        or not org
        or org[0].value != name_value(details.organisation)
    ):
        report.problem("The signing certificate names another person or organisation than the card.")


def _check_rollover(report: CardReport, block: Any, party_id: str, generation: int) -> None:
    if block is None:
        if generation > 1:
            report.problem(f"The card claims key generation {generation} but carries no rollover statement.")
        return
    try:
        statement, signature, previous = block["statement"], block["signature"], block["previous_keys"]
        from_fp = fingerprint.compute(keys.fingerprinted(previous))
        from_generation = int(statement["from_generation"])
    except (KeyError, TypeError, ValueError, InputError):
        report.problem("The card's rollover statement is malformed.")
        return
    signed = isinstance(signature, str) and keys.verify_json(previous["ed25519"], ROLLOVER_DOMAIN, statement, signature)
    report.rollover = Rollover(from_fp, from_generation, signed, dict(previous), dict(statement))
    if not signed:
        report.problem("The rollover statement is not signed by the previous key.")
    expected = {
        "type": "dataroom-key-rollover",
        "party_id": party_id,
        "from_fingerprint": from_fp,
        "to_generation": generation,
        "to_fingerprint": report.fingerprint,
    }
    wrong = [k for k, v in expected.items() if statement.get(k) != v]
    if wrong or from_generation != generation - 1:
        report.problem("The rollover statement does not match this card (" + ", ".join(wrong or ["generation"]) + ").")
