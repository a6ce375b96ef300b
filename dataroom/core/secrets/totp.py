"""Time-based one-time passwords (RFC 6238) as an optional second factor at unlock."""

from __future__ import annotations

import os
import time

from cryptography.hazmat.primitives.hashes import SHA1
from cryptography.hazmat.primitives.twofactor import InvalidToken
from cryptography.hazmat.primitives.twofactor.totp import TOTP

DIGITS = 6
STEP = 30
ISSUER = "Dataroom"


def new_secret() -> bytes:
    """A fresh 160-bit TOTP secret (the size authenticator apps expect)."""
    return os.urandom(20)


def _totp(secret: bytes) -> TOTP:
    # SHA-1 is what every authenticator app implements for TOTP; the HMAC construction keeps it sound here.
    return TOTP(secret, DIGITS, SHA1(), STEP, enforce_key_length=False)


def provisioning_uri(secret: bytes, account: str) -> str:
    """``otpauth://`` URI to show as a QR code for an authenticator app."""
    return _totp(secret).get_provisioning_uri(account, ISSUER)


def code_at(secret: bytes, when: float | None = None) -> str:
    """The code valid at ``when`` (default now); used by tests and set-up confirmation."""
    return _totp(secret).generate(int(time.time() if when is None else when)).decode()


def verify(secret: bytes, code: str, when: float | None = None) -> bool:
    """Accept the code of the current step or one step either side (clock drift)."""
    code = "".join(code.split())
    if len(code) != DIGITS or not code.isdigit():
        return False
    now = int(time.time() if when is None else when)
    for drift in (0, -STEP, STEP):
        try:
            _totp(secret).verify(code.encode(), now + drift)
            return True
        except InvalidToken:
            continue
    return False
