"""The packet manifest: what a packet carries, for whom, under which NDA — canonical JSON signed with Ed25519.

The manifest is readable without any key (it is what the recipient checks before decrypting anything), so it
holds no personal data of data subjects: dataset and column names, classes and operators, counts and hashes,
the parties' names and fingerprints, and the sender's public identity card (so anyone can check the signature
and the fingerprint it claims without a vault). ``manifest.sig`` is the raw Ed25519 signature over
``DOMAIN || manifest bytes``, made with the sender card's key; the manifest bytes are exactly what is signed,
hashed and stored — never re-serialised.

Before the signature is checked only :func:`claimed_sender` reads the parsed JSON (to pick the key); everything
else goes through :func:`validate` afterwards, which checks every field Dataroom reads.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import cards, fingerprint
from dataroom.core.deal.cards import Card
from dataroom.core.deal.keys import unb64
from dataroom.core.errors import InputError
from dataroom.core.transfer.container import PAYLOAD
from dataroom.core.transfer.errors import TamperedPacket

FORMAT = "dataroom-packet"
VERSION = 1
DOMAIN = b"dataroom packet manifest v1\x00"
PAYLOAD_FORMAT = "dataroom-payload-v1: one JSON header line, then CSV rows (RFC 4180), UTF-8"
ENCRYPTION = "age v1, X25519 recipient"
FULL = "full"
QR_PREFIX = "DRPKT1"
MAX_COLUMNS = 2000

_HEX64 = re.compile(r"[0-9a-f]{64}")
_PACKET_ID = re.compile(r"PKT-[0-9A-F]{24}")


@dataclass(frozen=True)
class ColumnEntry:
    """One column of the payload: its name, where it came from, its class and how it was redacted."""

    name: str
    source: str
    type: str
    data_class: str
    operator: str
    params: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "source": self.source, "type": self.type, "class": self.data_class,
                "operator": self.operator, "params": dict(self.params)}  # fmt: skip

    def describe_operator(self) -> str:
        """``mask type=resident_id`` — the operator and its parameters in one line."""
        params = " ".join(f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}"
                          for k, v in sorted(self.params.items()))  # fmt: skip
        return f"{self.operator} {params}".strip()


@dataclass(frozen=True)
class Manifest:
    """A validated manifest; ``raw`` is the exact signed bytes and ``sha256`` their hash."""

    doc: dict[str, Any]
    raw: bytes
    sha256: str
    columns: tuple[ColumnEntry, ...]
    sender_card: Card

    @property
    def packet_id(self) -> str:
        return str(self.doc["packet_id"])

    @property
    def created_at(self) -> str:
        return str(self.doc["created_at"])

    @property
    def sender(self) -> dict[str, Any]:
        return dict(self.doc["sender"])

    @property
    def sender_fingerprint(self) -> str:
        return str(self.doc["sender"]["fingerprint"])

    @property
    def recipient(self) -> dict[str, Any]:
        return dict(self.doc["recipient"])

    @property
    def recipient_fingerprint(self) -> str:
        return str(self.doc["recipient"]["fingerprint"])

    @property
    def nda_id(self) -> str:
        return str(self.doc["nda"]["id"])

    @property
    def nda_sha256(self) -> str:
        return str(self.doc["nda"]["content_sha256"])

    @property
    def dataset(self) -> str:
        return str(self.doc["dataset"]["name"])

    @property
    def dataset_sha256(self) -> str:
        return str(self.doc["dataset"]["source_sha256"])

    @property
    def rows(self) -> int:
        return int(self.doc["content"]["rows"])

    @property
    def plaintext_sha256(self) -> str:
        return str(self.doc["content"]["plaintext_sha256"])

    @property
    def plaintext_size(self) -> int:
        return int(self.doc["content"]["plaintext_size"])

    @property
    def payload_sha256(self) -> str:
        return str(self.doc["files"][PAYLOAD]["sha256"])

    @property
    def payload_size(self) -> int:
        return int(self.doc["files"][PAYLOAD]["size"])

    @property
    def full(self) -> bool:
        return bool(self.doc["policy"]["mode"] == FULL)

    @property
    def policy_version(self) -> int | None:
        version = self.doc["policy"]["version"]
        return int(version) if version is not None else None

    @property
    def policy_sha256(self) -> str:
        return str(self.doc["policy"]["sha256"])

    @property
    def anchor(self) -> tuple[int, str]:
        return int(self.doc["audit_anchor"]["seq"]), str(self.doc["audit_anchor"]["hash"])

    def qr_payload(self) -> str:
        """What receipts print as a QR code: packet id and manifest hash, to check against the packet."""
        return f"{QR_PREFIX}:{self.packet_id}:{self.sha256}"


def build(
    *,
    packet_id: str,
    created_at: str,
    sender_card: Card,
    recipient_card: Card,
    nda_id: str,
    nda_sha256: str,
    dataset: str,
    dataset_sha256: str,
    policy_version: int | None,
    policy_sha256: str,
    columns: list[ColumnEntry],
    rows: int,
    plaintext_sha256: str,
    plaintext_size: int,
    payload_sha256: str,
    payload_size: int,
    anchor: tuple[int, bytes],
) -> bytes:
    """The canonical manifest bytes for a packet."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "packet_id": packet_id,
        "created_at": created_at,
        "sender": {
            "fingerprint": sender_card.fingerprint,
            "organisation": sender_card.party.organisation,
            "person": sender_card.party.person,
            "card_sha256": sender_card.sha256,
            "card": sender_card.doc,
        },
        "recipient": {
            "fingerprint": recipient_card.fingerprint,
            "organisation": recipient_card.party.organisation,
            "person": recipient_card.party.person,
            "card_sha256": recipient_card.sha256,
        },
        "nda": {"id": nda_id, "content_sha256": nda_sha256},
        "dataset": {"name": dataset, "source_sha256": dataset_sha256},
        "policy": {
            "mode": FULL if policy_sha256 == FULL else "redacted",
            "version": policy_version,
            "sha256": policy_sha256,
        },
        "columns": [c.to_json() for c in columns],
        "content": {
            "format": PAYLOAD_FORMAT,
            "encryption": ENCRYPTION,
            "rows": rows,
            "columns": len(columns),
            "plaintext_sha256": plaintext_sha256,
            "plaintext_size": plaintext_size,
        },
        "files": {PAYLOAD: {"sha256": payload_sha256, "size": payload_size}},
        "audit_anchor": {"seq": anchor[0], "hash": anchor[1].hex()},
    }
    return canonical_json(doc)


def sign(key: Ed25519PrivateKey, raw: bytes) -> bytes:
    """The raw 64-byte signature of the manifest bytes."""
    return key.sign(DOMAIN + raw)


def signature_valid(public_b64: str, raw: bytes, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public_b64)).verify(signature, DOMAIN + raw)
    except (InvalidSignature, ValueError, InputError):
        return False
    return True


def parse_unverified(raw: bytes) -> dict[str, Any]:
    """The manifest's JSON object, NOT trusted yet; :class:`TamperedPacket` when it is not one."""
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):  # deep nesting is hostile too
        raise TamperedPacket("The packet's manifest is not readable JSON: the packet was damaged or altered.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise TamperedPacket("The packet's manifest is not a Dataroom manifest: the packet was damaged or altered.")
    if doc.get("version") != VERSION:
        raise TamperedPacket(f"The packet's manifest has version {doc.get('version')!r}, which this Dataroom does "
                             "not understand; update Dataroom or ask the sender.")  # fmt: skip
    return doc


def claimed_sender(doc: dict[str, Any]) -> str:
    """The sender fingerprint the (unverified) manifest claims, normalised; used only to choose the key."""
    sender = doc.get("sender")
    claimed = sender.get("fingerprint") if isinstance(sender, dict) else None
    try:
        return fingerprint.normalise(claimed) if isinstance(claimed, str) else ""
    except InputError:
        return ""


def embedded_card(doc: dict[str, Any]) -> Card | None:
    """The sender's card carried in the manifest, if it is a valid card (checked, but not confirmed by anyone)."""
    sender = doc.get("sender")
    card_doc = sender.get("card") if isinstance(sender, dict) else None
    report = cards.check_card(card_doc)
    return report.card if report.ok else None


def load(raw: bytes) -> Manifest:
    """A manifest from bytes this vault stored after verifying them (packets sent or received)."""
    return validate(parse_unverified(raw), raw)


def _malformed(what: str) -> TamperedPacket:
    return TamperedPacket(f"The packet's manifest is malformed ({what}); it was not made by Dataroom as signed.")


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise _malformed(what)


def _text(obj: Any, key: str, limit: int = 400) -> str:
    value = obj.get(key) if isinstance(obj, dict) else None
    _need(isinstance(value, str) and 0 < len(value) <= limit, key)
    return str(value)


def _count(obj: Any, key: str) -> int:
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _malformed(key)
    return value


def _hash(obj: Any, key: str) -> str:
    value = _text(obj, key, 64)
    _need(bool(_HEX64.fullmatch(value)), f"{key} is not a SHA-256")
    return value


def _object(doc: dict[str, Any], key: str) -> dict[str, Any]:
    value = doc.get(key)
    _need(isinstance(value, dict), key)
    return value  # type: ignore[return-value]


def validate(doc: dict[str, Any], raw: bytes) -> Manifest:
    """Check every field Dataroom reads (after the signature verified); :class:`TamperedPacket` if one is wrong."""
    _need(bool(_PACKET_ID.fullmatch(_text(doc, "packet_id", 40))), "packet id")
    _text(doc, "created_at", 40)
    sender, recipient = _object(doc, "sender"), _object(doc, "recipient")
    for party in (sender, recipient):
        _text(party, "organisation")
        _text(party, "person")
        _hash(party, "card_sha256")
        try:
            fingerprint.normalise(_text(party, "fingerprint", 80))
        except InputError:
            _need(False, "fingerprint")
    card = embedded_card(doc)
    _need(card is not None and card.fingerprint == sender["fingerprint"], "the sender's card does not match")
    assert card is not None
    nda = _object(doc, "nda")
    _text(nda, "id", 64)
    _hash(nda, "content_sha256")
    dataset = _object(doc, "dataset")
    _text(dataset, "name", 200)
    _hash(dataset, "source_sha256")
    policy = _object(doc, "policy")
    _need(policy.get("mode") in ("redacted", FULL), "policy mode")
    version = policy.get("version")
    _need(version is None or (isinstance(version, int) and not isinstance(version, bool)), "policy version")
    if policy["mode"] == FULL:
        _need(policy.get("sha256") == FULL, "policy")
    else:
        _hash(policy, "sha256")
    content = _object(doc, "content")
    _count(content, "rows")
    count = _count(content, "columns")
    _hash(content, "plaintext_sha256")
    _count(content, "plaintext_size")
    files = _object(doc, "files")
    _need(set(files) == {PAYLOAD}, "files")
    payload = _object(files, PAYLOAD)
    _hash(payload, "sha256")
    _count(payload, "size")
    anchor = _object(doc, "audit_anchor")
    _count(anchor, "seq")
    _hash(anchor, "hash")
    raw_columns = doc.get("columns")
    _need(isinstance(raw_columns, list) and 0 < len(raw_columns) <= MAX_COLUMNS, "columns")
    columns = []
    for c in raw_columns or []:
        _need(isinstance(c, dict) and isinstance(c.get("params"), dict), "column parameters")
        columns.append(ColumnEntry(_text(c, "name", 200), _text(c, "source", 200), _text(c, "type", 40),
                                   _text(c, "class", 40), _text(c, "operator", 40), dict(c["params"])))  # fmt: skip
    names = [c.name for c in columns]
    _need(len(set(names)) == len(names) and count == len(columns), "column names repeat or miscount")
    _need(all(not any(ord(ch) < 32 for ch in n) for n in names), "column names")
    return Manifest(doc, raw, hashlib.sha256(raw).hexdigest(), tuple(columns), card)
