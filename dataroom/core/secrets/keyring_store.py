"""The OS keyring as a home for slot wrapping keys, used only when a real, non-plaintext backend exists.

Headless Linux has no Secret Service; ``keyring`` then falls back to its ``fail`` backend. Third-party
"plaintext" or "encrypted file" backends from ``keyrings.alt`` would put secrets in a file next to the vault,
which defeats the purpose, so they count as absent too.
"""

from __future__ import annotations

import contextlib

import keyring
from keyring.backend import KeyringBackend
from keyring.errors import KeyringError

SERVICE = "dataroom"

#: Backends that exist but do not protect anything.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _backends(backend: KeyringBackend) -> list[KeyringBackend]:
    inner = getattr(backend, "backends", None)  # ChainerBackend wraps several
    return list(inner) if inner is not None else [backend]


def usable_backend() -> KeyringBackend | None:
    """The keyring backend to use, or ``None`` when there is no secure one (e.g. headless Linux)."""
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken keyring configuration must not stop the app; it just means "no keyring"
        return None
    good = [b for b in _backends(backend) if not type(b).__module__.startswith(_REFUSED_MODULES) and b.priority > 0]
    return backend if good else None


def available() -> bool:
    """Whether a secure keyring backend exists on this machine."""
    return usable_backend() is not None


def store(account: str, secret: bytes) -> bool:
    """Store ``secret`` under ``account``; returns False (never raises) when the keyring refuses."""
    backend = usable_backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, account, secret.hex())
    except KeyringError:
        return False
    return True


def load(account: str) -> bytes | None:
    """The secret stored under ``account``, or ``None`` when absent, locked or unavailable."""
    backend = usable_backend()
    if backend is None:
        return None
    try:
        value = backend.get_password(SERVICE, account)
        return bytes.fromhex(value) if value else None
    except (KeyringError, ValueError):
        return None


def delete(account: str) -> None:
    """Remove the entry if present; silently ignores absence."""
    backend = usable_backend()
    if backend is None:
        return
    with contextlib.suppress(KeyringError):
        backend.delete_password(SERVICE, account)
