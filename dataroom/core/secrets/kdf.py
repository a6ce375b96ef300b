"""Argon2id key derivation, calibrated once per slot to take about half a second on this machine.

The parameters are stored beside the slot they protect, so a slot made on a fast desktop still opens on a
slow laptop (just more slowly) and a later recalibration never locks anybody out.
"""

from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from dataroom.core.errors import DataroomError

TARGET_SECONDS = 0.5
#: 256 MiB: memory hardness is what makes GPU guessing expensive; iterations then tune the time.
DEFAULT_MEMORY_KIB = 256 * 1024
DEFAULT_LANES = 4
MIN_ITERATIONS = 2
MAX_ITERATIONS = 64


class WeakPassphrase(DataroomError):
    """The passphrase is refused before any key is derived from it."""

    code = "weak-passphrase"


@dataclass(frozen=True)
class KdfParams:
    """Argon2id parameters and salt of one slot (all of it is public)."""

    salt: bytes
    iterations: int
    memory_kib: int
    lanes: int

    def to_json(self) -> dict[str, object]:
        """Plain-JSON form stored in key slots."""
        d = asdict(self)
        d["salt"] = self.salt.hex()
        d["name"] = "argon2id"
        return d

    @classmethod
    def from_json(cls, d: dict[str, object]) -> KdfParams:
        """Inverse of :meth:`to_json`; raises ``ValueError`` on anything unexpected."""
        if d.get("name") != "argon2id":
            raise ValueError("unknown KDF")
        params = cls(
            salt=bytes.fromhex(str(d["salt"])),
            iterations=int(d["iterations"]),  # type: ignore[call-overload]
            memory_kib=int(d["memory_kib"]),  # type: ignore[call-overload]
            lanes=int(d["lanes"]),  # type: ignore[call-overload]
        )
        if len(params.salt) < 16 or params.iterations < 1 or params.memory_kib < 8 * params.lanes or params.lanes < 1:
            raise ValueError("implausible KDF parameters")
        return params

    def with_new_salt(self) -> KdfParams:
        """Same cost, fresh salt: used when a passphrase changes."""
        return KdfParams(os.urandom(16), self.iterations, self.memory_kib, self.lanes)


def derive(passphrase: str, params: KdfParams, length: int = 32) -> bytes:
    """Derive ``length`` bytes from ``passphrase`` (UTF-8, NFC as typed) with Argon2id."""
    kdf = Argon2id(
        salt=params.salt, length=length, iterations=params.iterations, lanes=params.lanes, memory_cost=params.memory_kib
    )
    return kdf.derive(passphrase.encode("utf-8"))


def calibrate(target_seconds: float = TARGET_SECONDS, memory_kib: int = DEFAULT_MEMORY_KIB) -> KdfParams:
    """Pick the iteration count so one derivation takes about ``target_seconds`` here, with a fresh salt."""
    probe = KdfParams(os.urandom(16), 2, memory_kib, DEFAULT_LANES)
    samples = []
    for _ in range(2):  # the first run also pays for faulting in the memory; the faster one is representative
        start = time.perf_counter()
        derive("calibration", probe)
        samples.append(time.perf_counter() - start)
    per_iteration = max(min(samples) / probe.iterations, 1e-4)
    iterations = round(target_seconds / per_iteration)
    return KdfParams(os.urandom(16), min(max(iterations, MIN_ITERATIONS), MAX_ITERATIONS), memory_kib, DEFAULT_LANES)


def check_passphrase(passphrase: str) -> None:
    """Refuse passphrases that no KDF can save; the GUI shows :func:`strength` for the rest."""
    if len(passphrase) < 8:
        raise WeakPassphrase("The passphrase must be at least 8 characters long.")
    if len(set(passphrase)) < 4:
        raise WeakPassphrase("The passphrase repeats too few different characters.")


def strength(passphrase: str) -> int:
    """A rough strength score 0–4 (length and character variety) for the strength meter."""
    if len(passphrase) < 8:
        return 0
    classes = sum(
        [
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
            any(ord(c) > 0x2E80 for c in passphrase),  # CJK characters widen the alphabet a lot
        ]
    )
    bits = len(passphrase) * (2 + classes)
    return min(4, bits // 24)
