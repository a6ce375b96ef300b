"""NDA rows in the vault and the parties' signatures on them (see :mod:`dataroom.core.deal.nda`)."""

from __future__ import annotations

import json
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import counterparties, identity, keys
from dataroom.core.deal.errors import NdaInvalid
from dataroom.core.deal.keys import KeySet
from dataroom.core.deal.nda_terms import SIGNATURE_DOMAIN, Nda, content_sha256, signature_statement
from dataroom.core.errors import InputError, NotFound
from dataroom.core.timeutil import utc_now

Connection = Any


def insert_content(conn: Connection, content: dict[str, Any], actor: str, origin: str) -> None:
    """Store new NDA content; ``origin`` says whether it was drafted here or imported."""
    conn.execute(
        "INSERT INTO ndas(id, title, content, content_sha256, created_at, created_by, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            content["id"],
            content["title"],
            canonical_json(content).decode("utf-8"),
            content_sha256(content),
            utc_now(),
            actor,
            origin,
        ),
    )


# ---- storage ---------------------------------------------------------------------------------------------------

_COLUMNS = (
    "id, title, content, content_sha256, created_at, created_by, origin, ended_on, end_kind,"
    " destruction_certificate, destruction_certified_at"
)


def _row(row: Any) -> Nda:
    content = json.loads(row[2])
    return Nda(
        row[0], row[1], content, content_sha256(content), row[3], row[4], row[5], row[6], row[7], row[8], row[9],
        row[10],
    )  # fmt: skip


def list_all(conn: Connection) -> list[Nda]:
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM ndas ORDER BY created_at, id")]


def find(conn: Connection, nda_id: str) -> Nda | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM ndas WHERE id = ?", (nda_id,)).fetchone()
    return _row(row) if row else None


def get(conn: Connection, nda_id: str) -> Nda:
    found = find(conn, nda_id)
    if found is None:
        rows = conn.execute("SELECT id FROM ndas WHERE upper(id) LIKE ? ORDER BY id", (nda_id.upper() + "%",))
        hits = [r[0] for r in rows]
        if len(hits) == 1:
            return get(conn, hits[0])
        known = ", ".join(r[0] for r in conn.execute("SELECT id FROM ndas ORDER BY id LIMIT 10")) or "none yet"
        raise NotFound(f"There is no NDA {nda_id!r} in this vault (NDAs: {known}).")
    return found


# ---- signatures ------------------------------------------------------------------------------------------------


def _signer_key(conn: Connection, fp: str) -> str | None:
    """Base64 Ed25519 public key of the card with fingerprint ``fp`` (ours or imported), if known here."""
    own = identity.by_fingerprint(conn, fp)
    if own is not None:
        return own.card.ed25519
    found = counterparties.find(conn, fp)
    return found.card.ed25519 if found else None


def party_for(conn: Connection, nda: Nda | dict[str, Any], signer: str) -> str | None:
    """The NDA party a signer speaks for: the party's own card or a later generation of it (rollover)."""
    content = nda.content if isinstance(nda, Nda) else nda
    fps = {p["fingerprint"] for p in content["parties"]}
    for fp in counterparties.lineage(conn, signer):
        if fp in fps:
            return fp
    return None


def check_signature(conn: Connection, content: dict[str, Any], sig: dict[str, Any]) -> str | None:
    """``None`` if ``sig`` is a valid signature of a party on exactly ``content``; else the problem in words."""
    signer, signed_at, signature = sig.get("signer"), sig.get("signed_at"), sig.get("signature")
    if not all(isinstance(v, str) for v in (signer, signed_at, signature)):
        return "the signature entry is malformed"
    assert isinstance(signer, str) and isinstance(signed_at, str) and isinstance(signature, str)
    public = _signer_key(conn, signer)
    if public is None:
        return f"it was made by a card this vault does not know ({signer[:11]}…); import that card first"
    if party_for(conn, content, signer) is None:
        return f"the signer ({signer[:11]}…) is not a party to this NDA"
    expected = content_sha256(content)
    if sig.get("content_sha256") != expected:
        return "it was made on different content (the NDA text was changed after signing)"
    if not keys.verify_json(public, SIGNATURE_DOMAIN, signature_statement(expected, signer, signed_at), signature):
        return "the signature does not verify (the NDA or the signature was altered)"
    return None


def stored_signatures(conn: Connection, nda_id: str) -> list[dict[str, str]]:
    rows = conn.execute(
        "SELECT fingerprint, content_sha256, signature, signed_at FROM nda_signatures WHERE nda_id = ?"
        " ORDER BY signed_at",
        (nda_id,),
    )
    return [{"signer": r[0], "content_sha256": r[1], "signature": r[2], "signed_at": r[3]} for r in rows]


def store_signature(conn: Connection, nda_id: str, sig: dict[str, Any], actor: str) -> None:
    """Record a signature already checked by :func:`check_signature` (a newer one from a signer replaces it)."""
    conn.execute(
        "INSERT OR REPLACE INTO nda_signatures(nda_id, fingerprint, content_sha256, signature, signed_at,"
        " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (nda_id, sig["signer"], sig["content_sha256"], sig["signature"], sig["signed_at"], utc_now(), actor),
    )


def sign(conn: Connection, nda_id: str, actor: str, keyset: KeySet | None = None) -> dict[str, str]:
    """Sign the stored content with our current key; refuses when we are not a party or it is already signed."""
    nda = get(conn, nda_id)
    own = identity.current(conn)
    party = party_for(conn, nda, own.fingerprint)
    if party is None:
        raise InputError("This vault's identity is not a party to this NDA, so it cannot sign it.")
    if nda.stored_sha256 != nda.content_sha256:
        raise NdaInvalid("The stored NDA does not match its recorded hash; it was altered and must not be signed.")
    for sig in stored_signatures(conn, nda.id):
        if party_for(conn, nda, sig["signer"]) == party and check_signature(conn, nda.content, sig) is None:
            raise InputError("You have already signed this NDA.")
    keyset = keyset or identity.keyset(conn)
    signed_at = utc_now()
    statement = signature_statement(nda.content_sha256, own.fingerprint, signed_at)
    sig = {
        "signer": own.fingerprint,
        "content_sha256": nda.content_sha256,
        "signed_at": signed_at,
        "signature": keys.sign_json(keyset.ed25519, SIGNATURE_DOMAIN, statement),
    }
    store_signature(conn, nda.id, sig, actor)
    return sig
