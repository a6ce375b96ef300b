"""AES-256-GCM wrapping of keys, bound to their context by associated data."""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

NONCE_BYTES = 12


class UnwrapFailed(Exception):
    """Authentication failed: wrong wrapping key, or wrapped data/context altered (internal; callers translate)."""


def wrap(kek: bytes, secret: bytes, context: bytes) -> tuple[bytes, bytes]:
    """Encrypt ``secret`` under ``kek``; returns ``(nonce, ciphertext)``. ``context`` must match on unwrap."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(kek).encrypt(nonce, secret, context)


def unwrap(kek: bytes, nonce: bytes, ciphertext: bytes, context: bytes) -> bytes:
    """Decrypt what :func:`wrap` produced, or raise :class:`UnwrapFailed`."""
    try:
        return AESGCM(kek).decrypt(nonce, ciphertext, context)
    except (InvalidTag, ValueError) as exc:
        raise UnwrapFailed from exc


def subkey(master: bytes, purpose: str, length: int = 32) -> bytes:
    """Derive an independent key for ``purpose`` from ``master`` (HKDF-SHA256), so one key never serves two uses."""
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=None, info=purpose.encode()).derive(master)
