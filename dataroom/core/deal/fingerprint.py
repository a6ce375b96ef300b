"""The human-comparable fingerprint of a party's public keys: 12 groups of 5 digits, read aloud to confirm a card.

Like Signal's safety numbers: decimal digits survive a phone line and a bad handwriting better than hex, and 60
digits (≈ 199 bits) leave no room for a look-alike key. The digest covers every public key of the card (Ed25519,
age/X25519, the CA's and the signing certificate's public keys), so swapping any one of them changes the number.
Certificates themselves are not hashed: their dates and signatures are not keys, and the certificates carry this
digest in turn (see :mod:`dataroom.core.deal.keys`), which would otherwise be circular.
"""

from __future__ import annotations

import hashlib
import re

from dataroom.core.canonical import canonical_json
from dataroom.core.errors import InputError

_DOMAIN = b"dataroom party fingerprint v1\x00"
GROUPS = 12
DIGITS = GROUPS * 5


def digest(public_keys: dict[str, str]) -> bytes:
    """SHA-512 over the canonical JSON of the public keys (``ed25519``, ``age``, ``ca_spki``, ``signing_spki``)."""
    return hashlib.sha512(_DOMAIN + canonical_json(public_keys)).digest()


def from_digest(raw: bytes) -> str:
    """``"12345 67890 …"``: each 5-byte chunk of the digest as a 40-bit number modulo 100 000."""
    groups = [int.from_bytes(raw[5 * i : 5 * i + 5], "big") % 100_000 for i in range(GROUPS)]
    return " ".join(f"{g:05d}" for g in groups)


def compute(public_keys: dict[str, str]) -> str:
    """The fingerprint of these public keys, in its canonical spaced form."""
    return from_digest(digest(public_keys))


def key_id(public_keys: dict[str, str]) -> str:
    """Hex form of the first 32 digest bytes: what certificates carry to bind themselves to the other keys."""
    return digest(public_keys)[:32].hex()


def normalise(text: str) -> str:
    """Accept any spacing or punctuation between digits; return the canonical spaced form, or raise."""
    digits = re.sub(r"\D", "", text or "")
    if len(digits) != DIGITS:
        raise InputError(f"A fingerprint has {DIGITS} digits (12 groups of 5); this one has {len(digits)}.")
    return " ".join(digits[i : i + 5] for i in range(0, DIGITS, 5))


def lines(fp: str, per_line: int = 4) -> list[str]:
    """The fingerprint as lines of ``per_line`` groups (3 lines of 4 by default), for cards and screens."""
    groups = normalise(fp).split(" ")
    return [" ".join(groups[i : i + per_line]) for i in range(0, GROUPS, per_line)]
