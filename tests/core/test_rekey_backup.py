"""Rekey, encrypted backup and restore keep every row, detect damage, and never overwrite silently."""

from __future__ import annotations

import os
import time
import zipfile
from pathlib import Path

import pytest

from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from dataroom.core.vault import slots
from dataroom.core.vault.backup import BadBackup, inspect_backup
from dataroom.core.vault.connection import CIPHER, rekey_connection
from dataroom.core.vault.errors import VaultExists, WrongPassphrase
from dataroom.core.vault.layout import ProcessLock
from tests.conftest import PASSPHRASE, fast_kdf_params

BACKUP_PASS = "backup passphrase 2026"


def _add_rows(session, n: int = 2000) -> None:
    with session.vault.transaction() as tx:
        tx.execute("CREATE TABLE IF NOT EXISTS sample(id INTEGER PRIMARY KEY, text TEXT)")
        tx.executemany("INSERT INTO sample(text) VALUES (?)", [(f"行 {i} row",) for i in range(n)])


def _rows(session) -> list[tuple[int, str]]:
    return session.vault.connection().execute("SELECT id, text FROM sample ORDER BY id").fetchall()


def test_rekey_keeps_rows_and_changes_the_key(session, vault_dir: Path) -> None:
    _add_rows(session)
    before, old_key = _rows(session), session.vault.key_bytes()
    user_flows.add_user(session, "pat", Role.PREPARER, "pat passphrase!", kdf_params=fast_kdf_params())
    vault_flows.rekey(session)
    assert session.vault.key_bytes() != old_key
    assert _rows(session) == before
    session.close()
    for user, pw in (("alice", PASSPHRASE), ("pat", "pat passphrase!")):  # every slot rewrapped
        s = vault_flows.unlock(vault_dir, user=user, passphrase=pw)
        assert _rows(s) == before
        assert audit_flows.verify(s).ok
        s.close()


def test_rekey_interrupted_after_database_before_slot_file(session, vault_dir: Path) -> None:
    """Crash between re-encrypting the database and promoting the slot file: unlock finishes the job."""
    _add_rows(session, 10)
    vault = session.vault
    new_key = os.urandom(32)
    conn = vault.connection()
    slots.write_file(conn, vault.layout, vault.vault_id, new_key, pending=True)
    rekey_connection(conn, new_key)
    session.close()  # "crash": vault.keys still wraps the old key
    s = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    assert len(_rows(s)) == 10 and not (vault_dir / "vault.keys.pending").exists()
    s.close()


def test_rekey_interrupted_before_database(session, vault_dir: Path) -> None:
    vault = session.vault
    slots.write_file(vault.connection(), vault.layout, vault.vault_id, os.urandom(32), pending=True)
    session.close()
    vault_flows.unlock(vault_dir, passphrase=PASSPHRASE).close()
    assert not (vault_dir / "vault.keys.pending").exists()


def test_backup_restore_round_trip(session, tmp_path: Path) -> None:
    _add_rows(session)
    before = _rows(session)
    info = vault_flows.backup(session, tmp_path / "b.drbak", BACKUP_PASS, kdf_params=fast_kdf_params())
    _add_rows(session, 5)  # the vault stays usable; later rows are not in the backup
    assert inspect_backup(info.path).vault_id == session.vault.vault_id
    session.close()
    target = tmp_path / "restored"
    vault_flows.restore(info.path, target, BACKUP_PASS)
    s = vault_flows.unlock(target, passphrase=PASSPHRASE)
    assert _rows(s) == before
    assert audit_flows.verify(s).ok
    conn = s.vault.connection()  # the copy has a new vault's cipher settings
    assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == CIPHER.page_size
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == CIPHER.hmac
    assert {p.name: p.stat().st_mode & 0o777 for p in target.iterdir()} == {p.name: 0o600 for p in target.iterdir()}
    assert [r.action for r in audit_flows.show(s)][-2:] == ["vault.restore", "vault.unlock"]
    s.close()


def test_restore_never_overwrites_silently(session, vault_dir: Path, tmp_path: Path) -> None:
    info = vault_flows.backup(session, tmp_path / "b.drbak", BACKUP_PASS, kdf_params=fast_kdf_params())
    with pytest.raises(VaultExists):
        vault_flows.restore(info.path, vault_dir, BACKUP_PASS)
    session.close()
    moved = vault_flows.restore(info.path, vault_dir, BACKUP_PASS, replace=True)
    assert moved != vault_dir and (moved / "vault.db").exists() and (vault_dir / "vault.db").exists()


def test_restore_refuses_while_the_old_vault_is_open(session, vault_dir: Path, tmp_path: Path) -> None:
    from dataroom.core.vault.errors import VaultInUse

    info = vault_flows.backup(session, tmp_path / "b.drbak", BACKUP_PASS, kdf_params=fast_kdf_params())
    with pytest.raises(VaultInUse):
        vault_flows.restore(info.path, vault_dir, BACKUP_PASS, replace=True)
    assert not list(tmp_path.glob(".vault.restore-*"))


def test_wrong_backup_passphrase_and_damaged_backups(session, tmp_path: Path) -> None:
    info = vault_flows.backup(session, tmp_path / "b.drbak", BACKUP_PASS, kdf_params=fast_kdf_params())
    session.close()
    with pytest.raises(WrongPassphrase, match="backup passphrase"):
        vault_flows.restore(info.path, tmp_path / "r1", "not the backup passphrase")
    data = bytearray(info.path.read_bytes())
    with zipfile.ZipFile(info.path) as zf:
        db_offset = zf.getinfo("vault.db").header_offset + 200
    data[db_offset] ^= 0xFF
    flipped = tmp_path / "flipped.drbak"
    flipped.write_bytes(bytes(data))
    with pytest.raises(BadBackup):
        vault_flows.restore(flipped, tmp_path / "r2", BACKUP_PASS)
    truncated = tmp_path / "truncated.drbak"
    truncated.write_bytes(info.path.read_bytes()[: len(data) // 2])
    with pytest.raises(BadBackup, match="truncated"):
        vault_flows.restore(truncated, tmp_path / "r3", BACKUP_PASS)
    assert not (tmp_path / "r1").exists() and not (tmp_path / "r2").exists() and not (tmp_path / "r3").exists()


def _left(path: Path, *, hours_ago: float, folder: bool) -> Path:
    """A leftover of a killed backup or restore, last touched ``hours_ago``."""
    if folder:
        path.mkdir()
        (path / "vault.db").write_bytes(os.urandom(4096))
    else:
        path.write_bytes(os.urandom(4096))
    stamp = time.time() - hours_ago * 3600
    os.utime(path, (stamp, stamp))
    return path


def test_a_backup_sweeps_what_killed_backups_left_in_its_folder(session, tmp_path: Path) -> None:
    old_dir = _left(tmp_path / ".dataroom-backup-k1ll3d", hours_ago=2, folder=True)
    old_file = _left(tmp_path / ".b.drbak.x7y2z.tmp", hours_ago=2, folder=False)
    running = _left(tmp_path / ".dataroom-backup-running", hours_ago=0.1, folder=True)  # maybe another process's
    other = _left(tmp_path / ".other.drbak.x7y2z.tmp", hours_ago=2, folder=False)  # not this backup's name
    vault_flows.backup(session, tmp_path / "b.drbak", BACKUP_PASS, kdf_params=fast_kdf_params())
    assert not old_dir.exists() and not old_file.exists()
    assert running.exists() and other.exists()


def test_unlock_sweeps_staging_folders_of_killed_restores(session, vault_dir: Path) -> None:
    session.close()
    abandoned = _left(vault_dir.with_name(f".{vault_dir.name}.restore-ab12"), hours_ago=3, folder=True)
    held = _left(vault_dir.with_name(f".{vault_dir.name}.restore-cd34"), hours_ago=3, folder=True)
    lock = ProcessLock(held / "vault.lock")
    lock.acquire()  # a restore still working on its copy
    stamp = time.time() - 3 * 3600
    os.utime(held, (stamp, stamp))  # old, so only the lock keeps it
    try:
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE).close()
    finally:
        lock.release()
    assert not abandoned.exists() and held.exists()
