"""Vault creation, unlock paths, key slots, locking and backoff."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.secrets import totp
from dataroom.core.users.roles import Role
from dataroom.core.vault import backoff, connection
from dataroom.core.vault.errors import (
    KeySlotMissing,
    KeySlotTampered,
    NotAVault,
    PassphraseRequired,
    SecondFactorRequired,
    UnknownUser,
    UnlockThrottled,
    VaultExists,
    VaultInUse,
    WrongPassphrase,
    WrongSecondFactor,
)
from tests.conftest import PASSPHRASE, fast_kdf_params


def test_plain_sqlite_cannot_read_the_vault(session, vault_dir: Path) -> None:
    session.close()
    with pytest.raises(sqlite3.DatabaseError, match="not a database"):
        sqlite3.connect(vault_dir / "vault.db").execute("SELECT * FROM sqlite_master").fetchall()


def test_sqlcipher_with_a_wrong_key_gets_a_clear_error(session, vault_dir: Path) -> None:
    session.close()
    conn = sqlcipher.connect(str(vault_dir / "vault.db"))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute("PRAGMA key = \"x'" + "00" * 32 + "'\"")
    with pytest.raises(sqlcipher.DatabaseError, match="file is not a database"):
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def test_unlock_with_passphrase_and_wrong_passphrase(session, vault_dir: Path) -> None:
    session.close()
    with pytest.raises(WrongPassphrase, match="wrong"):
        vault_flows.unlock(vault_dir, passphrase="not the passphrase")
    again = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    assert (again.user, again.role) == ("alice", Role.OWNER)
    actions = [r[0] for r in again.vault.connection().execute("SELECT action FROM audit ORDER BY seq")]
    assert actions[-2:] == ["vault.unlock-failed", "vault.unlock"]
    again.close()


def test_keyring_slot_unlocks_without_passphrase(session, vault_dir: Path, _isolated) -> None:
    session.close()
    assert len(_isolated.entries) == 1  # the wrapping key, never the vault key itself
    s = vault_flows.unlock(vault_dir)
    assert s.user == "alice"
    s.close()
    _isolated.entries.clear()  # keyring emptied (another machine): the passphrase still works
    with pytest.raises(PassphraseRequired):
        vault_flows.unlock(vault_dir)
    vault_flows.unlock(vault_dir, passphrase=PASSPHRASE).close()


def test_headless_machine_without_keyring_falls_back_to_passphrase(tmp_path: Path, no_keyring) -> None:
    assert not vault_flows.keyring_available()
    s = vault_flows.create(tmp_path / "v", owner="bob", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    s.close()
    slots = json.loads((tmp_path / "v" / "vault.keys").read_text())["slots"]
    assert [slot["kind"] for slot in slots] == ["passphrase"]
    with pytest.raises(PassphraseRequired):
        vault_flows.unlock(tmp_path / "v")


def test_vault_files_are_private_and_the_slot_file_names_no_user(session, vault_dir: Path) -> None:
    keys = vault_dir / "vault.keys"
    assert b"alice" not in keys.read_bytes()
    files = sorted(p.name for p in vault_dir.iterdir())
    assert {"vault.db", "vault.db-wal", "vault.keys", "vault.lock"} <= set(files)
    assert {name: (vault_dir / name).stat().st_mode & 0o777 for name in files} == dict.fromkeys(files, 0o600)


@pytest.mark.parametrize("field", ["kdf-params", "wrapped", "mac", "drop-slot", "garbage"])
def test_tampered_slot_file_is_detected(session, vault_dir: Path, field: str) -> None:
    session.close()
    keys = vault_dir / "vault.keys"
    doc = json.loads(keys.read_text())
    if field == "kdf-params":
        for slot in doc["slots"]:
            if slot["kind"] == "passphrase":
                slot["params"]["iterations"] += 1
    elif field == "wrapped":
        slot = doc["slots"][0]
        slot["wrapped"] = ("0" if slot["wrapped"][0] != "0" else "1") + slot["wrapped"][1:]
    elif field == "mac":
        doc["mac"] = "00" * 32
    elif field == "drop-slot":
        doc["slots"] = [s for s in doc["slots"] if s["kind"] == "passphrase"]
    keys.write_text("{not json" if field == "garbage" else json.dumps(doc))
    with pytest.raises((KeySlotTampered, WrongPassphrase)):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)


def test_one_flipped_byte_in_the_slot_file_never_opens(session, vault_dir: Path) -> None:
    session.close()
    keys = vault_dir / "vault.keys"
    original = keys.read_bytes()
    for offset in range(0, len(original), max(1, len(original) // 40)):
        data = bytearray(original)
        data[offset] ^= 0x01
        keys.write_bytes(bytes(data))
        (vault_dir / "vault.state").unlink(
            missing_ok=True
        )  # an altered slot reads as a wrong passphrase: no backoff here
        try:
            vault_flows.unlock(vault_dir, passphrase=PASSPHRASE).close()
        except (KeySlotTampered, WrongPassphrase, UnknownUser):
            continue
        # Whitespace in the JSON is not covered by the MAC; anything meaningful is.
        assert chr(original[offset]).isspace(), f"byte {offset} changed without detection"
    keys.write_bytes(original)


def test_missing_slot_file_and_missing_vault(session, vault_dir: Path, tmp_path: Path) -> None:
    session.close()
    (vault_dir / "vault.keys").rename(tmp_path / "elsewhere.keys")
    with pytest.raises(KeySlotMissing, match="missing"):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    with pytest.raises(NotAVault, match="no vault"):
        vault_flows.unlock(tmp_path / "nothing-here", passphrase=PASSPHRASE)


def test_garbage_database_is_not_a_vault(session, vault_dir: Path) -> None:
    session.close()
    (vault_dir / "vault.db").write_bytes(b"x" * 8192)
    for suffix in ("-wal", "-shm"):
        (vault_dir / f"vault.db{suffix}").unlink(missing_ok=True)
    with pytest.raises(NotAVault):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)


def test_second_process_is_kept_out(session, vault_dir: Path) -> None:
    with pytest.raises(VaultInUse, match="open in another"):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)


def test_create_refuses_existing_vault(session, vault_dir: Path) -> None:
    with pytest.raises(VaultExists):
        vault_flows.create(vault_dir, owner="eve", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())


def test_backoff_after_five_failures(session, vault_dir: Path) -> None:
    session.close()
    now = [1_000_000.0]

    def clock() -> float:
        return now[0]

    for _ in range(backoff.FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase):
            vault_flows.unlock(vault_dir, passphrase="bad passphrase", clock=clock)
    with pytest.raises(UnlockThrottled, match="Wait") as throttled:
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, clock=clock)
    assert throttled.value.retry_after == pytest.approx(2.0)
    now[0] += 2.5
    with pytest.raises(WrongPassphrase, match="must wait 4 s"):
        vault_flows.unlock(vault_dir, passphrase="bad passphrase", clock=clock)
    with pytest.raises(UnlockThrottled):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, clock=clock)
    now[0] += 5
    s = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, clock=clock)
    failed = s.vault.connection().execute("SELECT count(*) FROM audit WHERE action = 'vault.unlock-failed'")
    assert failed.fetchone()[0] == 6
    s.close()
    assert backoff.load(vault_dir / "vault.state").failures == 0


def test_totp_second_factor(session, vault_dir: Path) -> None:
    enrolment = user_flows.begin_totp(session)
    assert enrolment.uri.startswith("otpauth://totp/")
    with pytest.raises(WrongSecondFactor):
        user_flows.confirm_totp(
            session, enrolment, "000000" if totp.code_at(enrolment.secret) != "000000" else "111111"
        )
    user_flows.confirm_totp(session, enrolment, totp.code_at(enrolment.secret))
    session.close()
    with pytest.raises(SecondFactorRequired):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    with pytest.raises(WrongSecondFactor):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, totp_code="12345x")
    s = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, totp_code=totp.code_at(enrolment.secret))
    assert s.user == "alice"
    s.close()


def test_change_passphrase(session, vault_dir: Path) -> None:
    vault_flows.change_passphrase(session, "a whole new passphrase")
    session.close()
    with pytest.raises(WrongPassphrase):
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    vault_flows.unlock(vault_dir, passphrase="a whole new passphrase").close()


def test_users_each_have_their_own_slot(session, vault_dir: Path) -> None:
    user_flows.add_user(session, "李雷", Role.PREPARER, "preparer passphrase", kdf_params=fast_kdf_params())
    session.close()
    with pytest.raises(WrongPassphrase):
        vault_flows.unlock(vault_dir, user="李雷", passphrase=PASSPHRASE)
    with pytest.raises(UnknownUser):
        vault_flows.unlock(vault_dir, user="nobody", passphrase=PASSPHRASE)
    s = vault_flows.unlock(vault_dir, user="李雷", passphrase="preparer passphrase")
    assert s.role is Role.PREPARER
    s.close()


def test_worker_thread_gets_its_own_connection(session) -> None:
    import threading

    seen: list[object] = []

    def work() -> None:
        with session.vault.transaction() as tx:
            seen.append(tx)
            tx.execute("INSERT INTO meta(key, value) VALUES ('from-thread', 'yes')")

    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert seen and seen[0] is not session.vault.connection()
    assert session.vault.meta("from-thread") == "yes"


def _journal(conn: object) -> tuple[str, int]:
    return (conn.execute("PRAGMA journal_mode").fetchone()[0], conn.execute("PRAGMA synchronous").fetchone()[0])  # type: ignore[attr-defined]


def test_bulk_transaction_uses_a_rollback_journal_only_while_it_is_the_only_connection(session) -> None:
    import threading

    vault = session.vault
    with vault.bulk_transaction() as tx:
        during = _journal(tx)
        tx.execute("INSERT INTO meta(key, value) VALUES ('bulk', '1')")
    assert during == ("delete", 2) and _journal(vault.connection()) == ("wal", 1)  # FULL while bulk, then NORMAL
    with pytest.raises(RuntimeError), vault.bulk_transaction() as tx:
        tx.execute("INSERT INTO meta(key, value) VALUES ('rolled-back', '1')")
        raise RuntimeError
    assert vault.meta("rolled-back") is None and _journal(vault.connection()) == ("wal", 1)
    # Another thread holds a connection (as the GUI does): SQLite refuses to leave WAL, so the WAL is kept.
    reader = threading.Thread(target=lambda: vault.connection().execute("SELECT count(*) FROM meta").fetchone())
    reader.start()
    reader.join()
    with vault.bulk_transaction() as tx:
        during = _journal(tx)
        tx.execute("INSERT INTO meta(key, value) VALUES ('shared', '1')")
    assert during == ("wal", 1) and vault.meta("bulk") == vault.meta("shared") == "1"


def test_new_vaults_use_16_kib_pages_tagged_by_hmac_sha256(session, vault_dir: Path) -> None:
    conn = session.vault.connection()
    assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == 16384
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == "HMAC_SHA256"
    session.close()
    assert (vault_dir / "vault.db").stat().st_size % 16384 == 0


#: What vaults were made with: this version's settings, and each earlier version's (written out, not taken from
#: ``connection``: a vault made by an earlier version must open whatever that module lists).
ALL_CIPHERS = pytest.mark.parametrize(
    "settings",
    [
        connection.CipherSettings(16384, "HMAC_SHA256"),
        connection.CipherSettings(16384, "HMAC_SHA512"),
        connection.CipherSettings(4096, "HMAC_SHA512"),
    ],
    ids=lambda c: f"{c.page_size // 1024}k-{c.hmac.lower()}",
)


def _vault_with(directory: Path, monkeypatch: pytest.MonkeyPatch, settings, rows: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    """A session on a new vault made with cipher ``settings`` (as an earlier version made them, for those),
    ``rows`` committed to ``meta``."""
    with monkeypatch.context() as patch:
        patch.setattr(connection, "CIPHER", settings)
        s = vault_flows.create(directory, owner="alice", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    with s.vault.transaction() as tx:
        tx.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", rows)
    return s


def _reopened(directory: Path, settings):  # type: ignore[no-untyped-def]
    """The vault at ``directory`` unlocked, after checking it kept its cipher ``settings`` and is sound."""
    again = vault_flows.unlock(directory, passphrase=PASSPHRASE)
    conn = again.vault.connection()
    assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == settings.page_size
    assert conn.execute("PRAGMA cipher_hmac_algorithm").fetchone()[0] == settings.hmac
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return again


def _hot_journal_copy(source: Path, key: bytes, settings, dest: Path) -> None:  # type: ignore[no-untyped-def]
    """Copy the vault at ``source`` into ``dest`` in the middle of a transaction that has already written pages to
    the database file, as a power cut would leave it: database changed, journal still there."""
    conn = sqlcipher.connect(str(source / "vault.db"), isolation_level=None)
    conn.execute(connection.key_pragma(key))
    for pragma in settings.pragmas():
        conn.execute(pragma)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA cache_size = 2")  # spill changed pages into the database file before the commit
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", [(f"lost-{i}", "x" * 500) for i in range(2000)])
    assert (source / "vault.db-journal").stat().st_size > 0
    shutil.copytree(source, dest)
    conn.execute("ROLLBACK")
    conn.close()


@ALL_CIPHERS
def test_a_vault_killed_mid_transaction_opens_rolled_back_whatever_its_cipher_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    s = _vault_with(tmp_path / "v", monkeypatch, settings, [("kept", "yes")])
    key = s.vault.key_bytes()
    s.close()
    _hot_journal_copy(tmp_path / "v", key, settings, tmp_path / "copy")
    again = _reopened(tmp_path / "copy", settings)
    assert again.vault.meta("kept") == "yes"
    assert again.vault.connection().execute("SELECT count(*) FROM meta WHERE key LIKE 'lost-%'").fetchone()[0] == 0
    with again.vault.transaction() as tx:  # and it takes writes again
        tx.execute("INSERT INTO meta(key, value) VALUES ('after', 'yes')")
    assert again.vault.meta("after") == "yes"
    again.close()


@ALL_CIPHERS
def test_commits_still_in_the_wal_survive_a_kill_whatever_the_cipher_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings
) -> None:
    s = _vault_with(tmp_path / "v", monkeypatch, settings, [(f"wal-{i}", "x" * 100) for i in range(50)])
    assert (tmp_path / "v" / "vault.db-wal").stat().st_size > 0  # committed, not yet checkpointed
    shutil.copytree(tmp_path / "v", tmp_path / "copy")  # the files a kill -9 would leave
    s.close()
    again = _reopened(tmp_path / "copy", settings)
    assert again.vault.connection().execute("SELECT count(*) FROM meta WHERE key LIKE 'wal-%'").fetchone()[0] == 50
    again.close()


DEEP_JSON = '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}"


@pytest.mark.parametrize("name", ["vault.keys", "vault.state"])
def test_deeply_nested_json_in_vault_files_is_refused_in_words(session, vault_dir: Path, name: str) -> None:
    session.close()
    (vault_dir / name).write_text(DEEP_JSON)
    if name == "vault.keys":
        with pytest.raises(KeySlotTampered):
            vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    else:  # an unreadable counter is a clean slate: the unlock goes on
        vault_flows.unlock(vault_dir, passphrase=PASSPHRASE).close()
