"""Import of a 1,000,000-row × 12-column Chinese customer CSV, against a bare ``executemany`` floor.

Floor: the same rows, already parsed in memory, ``executemany``-d into an empty SQLCipher table with a raw key
in one transaction — what SQLite + SQLCipher cost without any reading, detection or bookkeeping. Printed twice:
with SQLCipher's defaults (the floor the goal refers to) and with the vault's own pragmas (WAL, secure_delete),
which a vault pays for crash safety and secure deletion.
Goal: import ≤ 1.25 × floor, peak RSS of the importing process < 300 MB, classification of all columns ≤ 0.5 s.

Run: ``.venv/bin/python benchmarks/import_csv.py [ROWS]``. Data goes under /tmp and is deleted afterwards.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from _figures import record  # noqa: E402

from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, write_customers_csv  # noqa: E402
from dataroom.core.vault.connection import key_pragma, open_connection, sqlcipher  # noqa: E402

CHILD = r"""
import os, sys, time
import keyring
from keyring.backends import fail
keyring.set_keyring(fail.Keyring())
from dataroom.core.flows import datasets, vault
from dataroom.core.secrets.kdf import KdfParams
session = vault.create(sys.argv[2], owner="bench", passphrase="benchmark passphrase",
                       kdf_params=KdfParams(os.urandom(16), 1, 64, 1), use_keyring=False)
start = time.perf_counter()
info = datasets.import_dataset(session, sys.argv[1], name="customers", classify=False)
imported = time.perf_counter() - start
start = time.perf_counter()
datasets.classify_dataset(session, "customers")
classified = time.perf_counter() - start
session.close()
hwm_kb = int(open("/proc/self/status").read().split("VmHWM:")[1].split()[0])  # ru_maxrss is inherited across fork
print(imported, classified, info.row_count, hwm_kb)
"""


def floor_seconds(csv_path: Path, directory: Path) -> tuple[float, float]:
    """(bare SQLCipher defaults, the vault's own pragmas: WAL + secure_delete) for the already-parsed rows."""
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        next(reader)
        rows = list(reader)
    cols = len(rows[0])
    timings = []
    for vault_pragmas in (False, True):
        key = os.urandom(32)
        path = directory / f"floor-{vault_pragmas}.db"
        if vault_pragmas:
            conn = open_connection(path, key, create=True)
        else:
            conn = sqlcipher.connect(str(path), isolation_level=None)
            conn.execute(key_pragma(key))
        conn.execute(f"CREATE TABLE t ({', '.join(f'c{i} TEXT' for i in range(cols))})")
        start = time.perf_counter()
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * cols)})", rows)
        conn.execute("COMMIT")
        timings.append(time.perf_counter() - start)
        conn.close()
    return timings[0], timings[1]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory(dir="/tmp", prefix="dataroom-bench-") as tmp:
        csv_path = Path(tmp) / "customers.csv"
        start = time.perf_counter()
        write_customers_csv(csv_path, rows, seed=1)
        size_mb = csv_path.stat().st_size / 1e6
        took = time.perf_counter() - start
        print(f"generated {rows:,} rows × {len(CUSTOMER_COLUMNS)} columns, {size_mb:.0f} MB in {took:.1f} s")
        floor, floor_wal = floor_seconds(csv_path, Path(tmp))
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(csv_path), str(Path(tmp) / "vault")],
            capture_output=True, text=True, check=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        ).stdout.split()  # fmt: skip
        imported, classified, count, rss_kb = float(out[0]), float(out[1]), int(out[2]), int(out[3])
    assert count == rows
    print(f"floor: bare executemany of the parsed rows, SQLCipher defaults: {floor:6.2f} s")
    print(f"       the same with the vault's pragmas (WAL, secure_delete): {floor_wal:6.2f} s")
    print(f"import (read, detect, hash, insert, audit, WAL checkpoint):    {imported:6.2f} s")
    print("  (files from 8 MB on are parsed by a child process while this one inserts)")
    print(f"  ratio to the vault-pragma floor {imported / floor_wal:.2f}")
    print(f"  throughput {rows / imported:,.0f} rows/s, {size_mb / imported:.0f} MB/s")
    record(f"import {rows:,} rows × 12 columns CSV ({size_mb:.0f} MB)", imported, "s", goal="≤ 1.25 × floor",
           ratio=imported / floor, met=imported <= 1.25 * floor, floor=floor)
    rss_mb = rss_kb / 1024
    record("import: peak RSS", rss_mb, "MB", goal="< 300 MB", ratio=rss_mb / 300, met=rss_mb < 300)
    record(f"classification of all {len(CUSTOMER_COLUMNS)} columns", classified, "s", goal="≤ 0.5 s",
           ratio=classified / 0.5, met=classified <= 0.5)

if __name__ == "__main__":
    main()
