"""Data subjects, keyed: the per-deal secret and the tokens that name a person without revealing them.

A *deal* is one vault, so the deal secret is a random 256-bit value created inside the vault on first use.
From it, independent keys are derived per purpose (HKDF): subject tokens here, pseudonyms in redaction,
per-recipient keys in transfer. A subject token is ``HMAC(subject key, kind : normalised identifier)``; it is
what the consent registry, data-subject requests and the audit log store instead of an ID number or phone.
Two deals (vaults) have different secrets, so their tokens cannot be linked.
"""

from __future__ import annotations

import base64
import hmac
import os
import re
import unicodedata
from typing import Any

from dataroom.core.errors import InputError
from dataroom.core.secrets.wrap import subkey

_SECRET_META_KEY = "deal_secret"
SUBJECT_PURPOSE = "dataroom subject token v1"

#: Identifier kinds a person can be looked up by; the token includes the kind so an ID and a phone never collide.
KINDS = ("resident_id", "mobile", "email", "passport", "bank_card")


def deal_secret(conn: Any) -> bytes:
    """The vault's deal secret, created on first use inside the caller's (or a new) transaction."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_SECRET_META_KEY,)).fetchone()
    if row:
        return bytes.fromhex(row[0])
    secret = os.urandom(32)
    own_tx = not conn.in_transaction
    if own_tx:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)", (_SECRET_META_KEY, secret.hex()))
        stored = conn.execute("SELECT value FROM meta WHERE key = ?", (_SECRET_META_KEY,)).fetchone()[0]
        if own_tx:
            conn.execute("COMMIT")
    except BaseException:
        if own_tx:
            conn.execute("ROLLBACK")
        raise
    return bytes.fromhex(stored)


def purpose_key(conn: Any, purpose: str) -> bytes:
    """A key for one ``purpose`` derived from the deal secret (e.g. ``"pseudonym"``, ``"recipient:<fp>"``)."""
    return subkey(deal_secret(conn), f"dataroom deal key:{purpose}")


_SEPARATORS = re.compile(r"[\s\-–—_.()（）]+")


def normalise(kind: str, value: str) -> str:
    """Canonical form of an identifier: NFKC (full-width digits), no spaces/dashes, case and prefixes settled.

    ``138 0013 8000``, ``+86 138-0013-8000`` and ``１３８００１３８０００`` all become ``13800138000``.
    """
    text = unicodedata.normalize("NFKC", value).strip()
    if kind == "email":
        return text.lower()
    text = _SEPARATORS.sub("", text).upper()
    if kind == "mobile":
        for prefix in ("+86", "0086"):
            if text.startswith(prefix) and len(text) == len(prefix) + 11:
                text = text[len(prefix) :]
        if len(text) == 13 and text.startswith("86"):
            text = text[2:]
    return text


def subject_token(key: bytes, kind: str, value: str) -> str:
    """``S-`` + 26 base32 characters naming one person by one identifier, given ``purpose_key(conn, SUBJECT…)``."""
    if kind not in KINDS:
        raise InputError(f"Unknown identifier kind {kind!r}; use one of {', '.join(KINDS)}.")
    canonical = normalise(kind, value)
    if not canonical:
        raise InputError("The identifier is empty.")
    digest = hmac.new(key, f"{kind}:{canonical}".encode(), "sha256").digest()
    return "S-" + base64.b32encode(digest[:16]).decode().rstrip("=")


def subject_key(conn: Any) -> bytes:
    """The key for :func:`subject_token` in this vault."""
    return purpose_key(conn, SUBJECT_PURPOSE)
