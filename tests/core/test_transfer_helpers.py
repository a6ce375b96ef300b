"""Helpers shared by the transfer tests: a seller and a buyer under a signed NDA in force today, with the
customers dataset, a policy the NDA allows, and ways to rebuild a packet as a forger (or a buggy sender) would."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyrage

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import identity
from dataroom.core.flows import parties
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.session import Session
from dataroom.core.transfer import container, manifest
from tests.core.test_deal_helpers import seller_and_buyer, signed_nda


def in_force_dates() -> dict[str, dt.date]:
    today = dt.date.today()
    return {"effective_on": today - dt.timedelta(days=30), "expires_on": today + dt.timedelta(days=330)}


def deal(tmp_path: Path, **nda_changes: object) -> tuple[Session, Session, str]:
    """Seller and buyer (cards exchanged and confirmed), the customers dataset on the seller's side, an NDA both
    signed and held by both, and a policy that withholds the ID column the NDA leaves out."""
    seller, buyer = seller_and_buyer(tmp_path)
    nda_id = signed_nda(seller, buyer, tmp_path, **{**in_force_dates(), **nda_changes})
    redaction_flows.edit_policy(seller, "customers", "身份证号", "withhold")
    return seller, buyer, nda_id


def fp(session: Session) -> str:
    return parties.show_identity(session).fingerprint


def dataset_tables(session: Session) -> list[str]:
    rows = session.vault.connection().execute("SELECT name FROM sqlite_master WHERE name LIKE 'ds\\_%' ESCAPE '\\'")
    return [r[0] for r in rows]


def members(path: Path) -> dict[str, bytes]:
    """The three members of a packet, read with the strict reader."""
    box = container.open_container(path)
    return {
        container.PAYLOAD: b"".join(box.iter_member(container.PAYLOAD)),
        container.MANIFEST: box.read_small(container.MANIFEST),
        container.SIGNATURE: box.read_small(container.SIGNATURE),
    }


def write_members(path: Path, payload: bytes, raw_manifest: bytes, signature: bytes) -> Path:
    with open(path, "wb") as fh:
        writer = container.ContainerWriter(fh)
        writer.stream(container.PAYLOAD).write(payload)
        writer.close_stream()
        writer.add(container.MANIFEST, raw_manifest)
        writer.add(container.SIGNATURE, signature)
        writer.finish()
    return path


def resign(
    sender: Session,
    source: Path,
    target: Path,
    *,
    edit: Callable[[dict[str, Any]], None] | None = None,
    payload: bytes | None = None,
) -> Path:
    """Rebuild ``source`` with an edited manifest and/or another payload, signed with the sender's real key: what a
    buggy or dishonest sender could produce. The manifest's payload hash and size follow ``payload``."""
    parts = members(source)
    doc = json.loads(parts[container.MANIFEST])
    data = payload if payload is not None else parts[container.PAYLOAD]
    import hashlib

    doc["files"][container.PAYLOAD] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    if edit is not None:
        edit(doc)
    raw = canonical_json(doc)
    key = identity.keyset(sender.vault.connection()).ed25519
    return write_members(target, data, raw, manifest.sign(key, raw))


def encrypt_for(receiver: Session, plaintext: bytes) -> bytes:
    """``plaintext`` encrypted to the receiver's current age key, as a sender would."""
    recipient = pyrage.x25519.Recipient.from_str(parties.show_identity(receiver).card.age_recipient)
    out = io.BytesIO()
    pyrage.encrypt_io(io.BytesIO(plaintext), out, [recipient])
    return out.getvalue()


def decrypt_as(receiver: Session, ciphertext: bytes) -> bytes:
    out = io.BytesIO()
    pyrage.decrypt_io(io.BytesIO(ciphertext), out, [identity.keyset(receiver.vault.connection()).age])
    return out.getvalue()
