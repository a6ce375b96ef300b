"""kill -9 in the middle of a large write transaction leaves a vault that opens and verifies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.vault.connection import integrity_check
from tests.conftest import PASSPHRASE

WRITER = r"""
import sys
from dataroom.core.flows import vault as vault_flows
from dataroom.core.audit import log as audit_log
s = vault_flows.unlock(sys.argv[1], passphrase=sys.argv[2])
with s.vault.transaction() as tx:
    audit_log.append(tx, s.user, "test.big-write", "rows")
    tx.execute("CREATE TABLE big(id INTEGER PRIMARY KEY, payload TEXT)")
    for batch in range(10_000):
        tx.executemany("INSERT INTO big(payload) VALUES (?)", [("x" * 200,)] * 500)
        if batch == 20:
            print("WRITING", flush=True)
"""


def test_kill_during_write_transaction(session, vault_dir: Path) -> None:
    session.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(vault_dir), PASSPHRASE],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "WRITING"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    s = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    conn = s.vault.connection()
    integrity_check(conn)
    assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'big'").fetchone()[0] == 0
    status = audit_flows.verify(s)
    assert status.ok
    assert "test.big-write" not in [r.action for r in audit_flows.show(s)]
    s.close()
