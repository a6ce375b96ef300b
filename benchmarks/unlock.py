"""Unlock cost: Argon2id derivation (calibrated to ~0.5 s), a full unlock, and the raw SQLCipher open.

Run: ``.venv/bin/python benchmarks/unlock.py``. The floor for unlock is the KDF itself: everything else an
unlock does (slot MAC, schema check, audit record) should add little on top of it.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
from _figures import record
from keyring.backends import fail

from dataroom.core.flows import vault as vault_flows
from dataroom.core.secrets import kdf
from dataroom.core.vault.connection import open_connection

PASSPHRASE = "benchmark passphrase 2026"


def _timed(fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    keyring.set_keyring(fail.Keyring())  # measure the passphrase path, as on a headless machine
    start = time.perf_counter()
    params = kdf.calibrate()
    calibration = time.perf_counter() - start
    kdf_time = _timed(lambda: kdf.derive(PASSPHRASE, params))
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "vault"
        session = vault_flows.create(directory, owner="bench", passphrase=PASSPHRASE, kdf_params=params)
        key = session.vault.key_bytes()
        session.close()
        unlock_time = _timed(lambda: vault_flows.unlock(directory, passphrase=PASSPHRASE).close())
        raw_open = _timed(lambda: open_connection(directory / "vault.db", key).close(), repeat=20)
    print(f"Argon2id parameters: {params.memory_kib // 1024} MiB, {params.iterations} iterations, {params.lanes} lanes")
    print(f"calibration:     {calibration * 1000:8.1f} ms")
    target = kdf.TARGET_SECONDS
    record("Argon2id derivation (calibrated)", kdf_time * 1000, "ms", goal=f"≈ {target * 1000:.0f} ms (±50 %)",
           ratio=kdf_time / target, met=0.5 * target <= kdf_time <= 1.5 * target)
    record("full unlock (KDF + slot MAC + open + audit)", unlock_time * 1000, "ms", goal="≤ 1.1 × KDF floor",
           ratio=unlock_time / kdf_time, met=unlock_time <= 1.1 * kdf_time, floor=kdf_time * 1000)
    print(f"raw SQLCipher open with the key: {raw_open * 1000:.2f} ms")
    os.environ.pop("DATAROOM_PASSPHRASE", None)


if __name__ == "__main__":
    main()
