"""A sentinel written into the vault never appears in any byte on disk: vault, slots, backup, temp dirs."""

from __future__ import annotations

import tempfile
from pathlib import Path

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import vault as vault_flows
from tests.conftest import fast_kdf_params

SENTINEL = "SENTINEL-7f3a-身份证110101199003077777"


def _needles() -> list[bytes]:
    return [SENTINEL.encode(enc) for enc in ("utf-8", "utf-16-le", "utf-16-be", "gb18030")] + [b"SENTINEL-7f3a"]


def _all_files(*roots: Path) -> list[Path]:
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
        elif root.exists():
            found.extend(p for p in root.rglob("*") if p.is_file())
    return found


def test_sentinel_never_on_disk(session, vault_dir: Path, tmp_path: Path) -> None:
    with session.vault.transaction() as tx:
        tx.execute("CREATE TABLE secret_rows(v TEXT)")
        tx.executemany("INSERT INTO secret_rows VALUES (?)", [(SENTINEL,)] * 500)
        audit_log.append(tx, "alice", "test.sentinel", "x", {"note": SENTINEL})
    backup = vault_flows.backup(session, tmp_path / "b.drbak", "backup passphrase", kdf_params=fast_kdf_params())
    vault_flows.rekey(session)
    session.vault.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.close()
    restored = tmp_path / "restored"
    vault_flows.restore(backup.path, restored, "backup passphrase")
    files = _all_files(vault_dir, backup.path, restored, Path(tempfile.gettempdir()) / "dataroom")
    files += [p for p in Path(tempfile.gettempdir()).glob("*") if p.is_file()]
    assert len(files) >= 6
    for path in files:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        for needle in _needles():
            assert needle not in data, f"plaintext found in {path}"
