"""An unlocked vault (key in memory, one SQLCipher connection per thread), and creating and unlocking one.

Opening order matters for the error the user sees: lock file (another process?), backoff (too many failures?),
slot file (missing/garbled?), slot unwrap (wrong passphrase?), database open (wrong file?), slot-file MAC
(tampered?), schema migration, user and TOTP.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.secrets import kdf, keyring_store, totp
from dataroom.core.secrets import wrap as keywrap
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.users import store as users
from dataroom.core.users.roles import Role
from dataroom.core.vault import backoff, keyslots, schema, slots
from dataroom.core.vault.connection import (
    Connection,
    DatabaseError,
    open_connection,
    rekey_connection,
    rollback_journal,
)
from dataroom.core.vault.errors import (
    IntegrityFailure,
    NotAVault,
    PassphraseRequired,
    SecondFactorRequired,
    UnknownUser,
    VaultExists,
    WrongPassphrase,
    WrongSecondFactor,
)
from dataroom.core.vault.keyslots import KEYRING, PASSPHRASE, SlotFile, WrappedSlot
from dataroom.core.vault.layout import ProcessLock, VaultLayout, finish_restore, restore_leftovers, sweep_leftovers


class Vault:
    """An open vault. Create with :func:`create_vault` or :func:`unlock_vault`; lock with :meth:`close`.

    Connections are per thread (SQLCipher connections must not be shared between threads); a worker thread
    simply calls :meth:`connection` or :meth:`transaction` and gets its own.
    """

    def __init__(self, layout: VaultLayout, key: bytes, vault_id: str, lock: ProcessLock) -> None:
        self.layout = layout
        self.vault_id = vault_id
        self._key = bytearray(key)
        self._lock = lock
        self._conns: dict[int, Connection] = {}
        self._guard = threading.Lock()

    @property
    def path(self) -> Path:
        """The vault directory."""
        return self.layout.root

    @property
    def is_open(self) -> bool:
        return bool(self._key)

    def key_bytes(self) -> bytes:
        """The raw vault key, for the key-management modules of ``core.vault`` and for helper processes that open
        the database themselves (handed over through a pipe, see :mod:`dataroom.core.workers`) only."""
        if not self._key:
            raise NotAVault("The vault is locked.")
        return bytes(self._key)

    def subkey(self, purpose: str) -> bytes:
        """An independent key derived from the vault key for one ``purpose``."""
        return keywrap.subkey(self.key_bytes(), purpose)

    def connection(self) -> Connection:
        """This thread's connection, opened on first use."""
        ident = threading.get_ident()
        with self._guard:
            conn = self._conns.get(ident)
        if conn is None:
            conn = open_connection(self.layout.db, self.key_bytes())
            with self._guard:
                self._conns[ident] = conn
        return conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """``BEGIN IMMEDIATE`` … ``COMMIT`` on this thread's connection; rolls back on any exception."""
        conn = self.connection()
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    @contextlib.contextmanager
    def bulk_transaction(self) -> Iterator[Connection]:
        """:meth:`transaction` for loading many rows: under a rollback journal when this thread's connection is the
        only one open (a command-line import), which writes the rows once instead of twice (see
        :func:`~dataroom.core.vault.connection.rollback_journal`); otherwise under the usual WAL."""
        conn = self.connection()
        with self._guard:
            alone = len(self._conns) == 1
        with rollback_journal(conn) if alone else contextlib.nullcontext(), self.transaction() as tx:
            yield tx

    def close_other_connections(self) -> None:
        """Close every connection but this thread's (needed before rekey); others reopen lazily."""
        ident = threading.get_ident()
        with self._guard:
            for other, conn in list(self._conns.items()):
                if other != ident:
                    conn.close()
                    del self._conns[other]

    def replace_key(self, new_key: bytes) -> None:
        """Forget the old key after a rekey; the current connection already uses the new one."""
        self._wipe()
        self._key = bytearray(new_key)

    def close(self) -> None:
        """Lock: close all connections, overwrite the key in memory (best effort in Python), release the lock."""
        with self._guard:
            for conn in self._conns.values():
                with contextlib.suppress(Exception):
                    conn.close()
            self._conns.clear()
        self._wipe()
        self._lock.release()

    def _wipe(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0
        self._key = bytearray()

    def meta(self, key: str) -> str | None:
        row = self.connection().execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else None


def create_vault(
    directory: Path,
    *,
    owner: str,
    passphrase: str,
    use_keyring: bool = True,
    kdf_params: KdfParams | None = None,
    name: str | None = None,
) -> Session:
    """Create a vault in ``directory`` (new or empty) with ``owner`` as its first user; returns the open session.

    The owner always gets a passphrase slot (the recovery path); a keyring slot is added when the machine has a
    secure keyring and ``use_keyring`` is set. ``kdf_params`` default to a fresh calibration (~0.5 s).
    """
    layout = VaultLayout(Path(directory))
    users.check_name(owner)
    kdf.check_passphrase(passphrase)
    if layout.exists() or layout.keys.exists():
        raise VaultExists(f"There is already a vault in {layout.root}. Open it, or choose another folder.")
    layout.root.mkdir(parents=True, exist_ok=True, mode=0o700)
    lock = ProcessLock(layout.lock)
    lock.acquire()
    vault_id = str(uuid.uuid4())
    key = os.urandom(32)
    try:
        conn = open_connection(layout.db, key, create=True)
        vault = Vault(layout, key, vault_id, lock)
        vault._conns[threading.get_ident()] = conn
        schema.migrate(conn)
        with vault.transaction() as tx:
            now = utc_now()
            tx.executemany(
                "INSERT INTO meta(key, value) VALUES (?, ?)",
                [
                    ("vault_id", vault_id),
                    ("created_at", now),
                    ("name", name or layout.root.name),
                    ("default_user", owner),
                ],
            )
            tx.execute("INSERT INTO audit_keys(epoch, key) VALUES (0, ?)", (vault.subkey(audit_log.MAC_PURPOSE),))
            users.insert(tx, owner, Role.OWNER)
            slots.add_passphrase(tx, owner, passphrase, kdf_params or kdf.calibrate())
            keyring_slot = slots.add_keyring(tx, vault_id, owner) if use_keyring else None
            audit_log.append(
                tx,
                owner,
                "vault.create",
                vault_id,
                {"name": name or layout.root.name, "keyring": keyring_slot is not None},
            )
            slots.write_file(tx, layout, vault_id, key)
    except BaseException:
        lock.release()
        for leftover in (
            layout.db,
            layout.keys,
            layout.db.with_name("vault.db-wal"),
            layout.db.with_name("vault.db-shm"),
        ):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        raise
    return Session(vault, owner, Role.OWNER)


def unlock_vault(
    directory: Path,
    *,
    user: str | None = None,
    passphrase: str | None = None,
    totp_code: str | None = None,
    clock: backoff.Clock = time.time,
) -> Session:
    """Open the vault in ``directory`` for ``user`` (default: the vault's creator).

    Without a passphrase the OS keyring is tried; :class:`PassphraseRequired` says it did not work. Failures
    count towards the backoff delay and are written to the audit log at the next successful unlock.
    """
    layout = VaultLayout(Path(directory))
    finish_restore(layout.root)  # a restore killed while it swapped folders left its vault beside this one
    sweep_leftovers(*restore_leftovers(layout.root))
    if not layout.db.exists():
        raise NotAVault(f"There is no vault in {layout.root}.")
    lock = ProcessLock(layout.lock)
    lock.acquire()
    try:
        backoff.check(layout.state, clock)
        slot_file = keyslots.read(layout.keys)
        label = keyslots.user_label(slot_file.vault_id, user) if user else slot_file.default_label
        candidates = slot_file.for_label(label)
        if not candidates:
            raise UnknownUser(f"This vault has no user named {user}." if user else "The vault's key slots are empty.")
        slot, kek = _unwrap_kek(slot_file, candidates, passphrase, layout, user or "(default user)", clock)
        key, slot_file = _open_key(layout, slot_file, slot, kek)
        vault = Vault(layout, key, slot_file.vault_id, lock)
        try:
            session = _finish_unlock(vault, slot_file, label, totp_code, clock)
        except DatabaseError:
            # The key opened the file but a page the unlock reads fails its HMAC (a damaged or altered vault.db).
            vault.close()
            raise IntegrityFailure(
                "The vault file (vault.db) is damaged or was altered and cannot be read. Restore the vault from an "
                "encrypted backup."
            ) from None
    except BaseException:
        lock.release()
        raise
    return session


def _unwrap_kek(
    slot_file: SlotFile,
    candidates: list[WrappedSlot],
    passphrase: str | None,
    layout: VaultLayout,
    who: str,
    clock: backoff.Clock,
) -> tuple[WrappedSlot, bytes]:
    """Find a slot the caller can open; return it with its key-encryption key."""
    if passphrase is None:
        for slot in candidates:
            if slot.kind == KEYRING:
                kek = keyring_store.load(str(slot.params.get("account", "")))
                if kek is not None and _try_unwrap(kek, slot, slot_file.vault_id) is not None:
                    return slot, kek
        raise PassphraseRequired("Enter the passphrase: the system keyring holds no key for this vault and user.")
    for slot in candidates:
        if slot.kind != PASSPHRASE:
            continue
        try:
            params = KdfParams.from_json(slot.params)
        except (ValueError, KeyError, TypeError):
            continue
        kek = kdf.derive(passphrase, params)
        if _try_unwrap(kek, slot, slot_file.vault_id) is not None:
            return slot, kek
    state = backoff.record_failure(layout.state, who, "wrong passphrase", clock)
    hint = ""
    if state.failures >= backoff.FREE_ATTEMPTS:
        wait = int(backoff.delay_after(state.failures))
        hint = f" After {state.failures} failures, each new attempt must wait {wait} s."
    raise WrongPassphrase("The passphrase is wrong." + hint)


def _try_unwrap(kek: bytes, slot: WrappedSlot, vault_id: str) -> bytes | None:
    try:
        return keywrap.unwrap(kek, slot.nonce, slot.wrapped, slot.context(vault_id))
    except keywrap.UnwrapFailed:
        return None


def _open_key(layout: VaultLayout, slot_file: SlotFile, slot: WrappedSlot, kek: bytes) -> tuple[bytes, SlotFile]:
    """The vault key that really opens the database, completing or discarding an interrupted rekey."""
    key = _try_unwrap(kek, slot, slot_file.vault_id)
    assert key is not None
    try:
        open_connection(layout.db, key).close()
    except NotAVault:
        if not layout.keys_pending.exists():
            raise
        # A rekey re-encrypted the database but died before promoting the new slot file: finish it now.
        pending = keyslots.read(layout.keys_pending)
        twin = [s for s in pending.slots if s.slot_id == slot.slot_id]
        new_key = _try_unwrap(kek, twin[0], pending.vault_id) if twin else None
        if new_key is None:
            raise
        open_connection(layout.db, new_key).close()
        pending.check_mac(new_key)
        os.replace(layout.keys_pending, layout.keys)
        return new_key, pending
    with contextlib.suppress(FileNotFoundError):
        layout.keys_pending.unlink()  # a rekey that never reached the database: its pending file is stale
    return key, slot_file


def _finish_unlock(
    vault: Vault, slot_file: SlotFile, label: str, totp_code: str | None, clock: backoff.Clock
) -> Session:
    slot_file.check_mac(vault.key_bytes())
    conn = vault.connection()
    if vault.meta("vault_id") != slot_file.vault_id:
        raise NotAVault("The key-slot file belongs to a different vault than vault.db.")
    schema.migrate(conn)
    name = next((u.name for u in users.list_all(conn) if keyslots.user_label(vault.vault_id, u.name) == label), None)
    if name is None:
        raise UnknownUser("The user of this key slot no longer exists in the vault.")
    secret = users.totp_secret(conn, name)
    if secret is not None:
        if not totp_code:
            raise SecondFactorRequired("Enter the 6-digit code from your authenticator app.")
        if not totp.verify(secret, totp_code, clock()):
            backoff.record_failure(vault.layout.state, name, "wrong TOTP code", clock)
            raise WrongSecondFactor("The authenticator code is wrong or has expired.")
    user = users.require(conn, name)
    with vault.transaction() as tx:
        for failure in backoff.take_pending(vault.layout.state):
            audit_log.append(tx, str(failure.get("user")), "vault.unlock-failed", vault.vault_id, failure)
        audit_log.append(tx, name, "vault.unlock", vault.vault_id)
        if not slots.file_matches_db(tx, slot_file):
            # A slot change committed but its file write did not finish (crash); the database is the truth.
            slots.write_file(tx, vault.layout, vault.vault_id, vault.key_bytes())
    return Session(vault, name, user.role)


def rekey(vault: Vault) -> None:
    """Replace the vault key with a new random one (``PRAGMA rekey``), rewrap every slot, forget the old key.

    Crash-safe: the new slot file is written as ``vault.keys.pending`` first; :func:`unlock_vault` promotes or
    discards it depending on which key the database answers to.
    """
    new_key = os.urandom(32)
    conn = vault.connection()
    slots.write_file(conn, vault.layout, vault.vault_id, new_key, pending=True)
    vault.close_other_connections()
    rekey_connection(conn, new_key)
    os.replace(vault.layout.keys_pending, vault.layout.keys)
    vault.replace_key(new_key)


def add_audit_epoch(conn: Any, vault: Vault) -> int:
    """Start a new audit MAC epoch keyed from the current vault key (after a rekey or restore)."""
    epoch = int(conn.execute("SELECT coalesce(max(epoch), -1) + 1 FROM audit_keys").fetchone()[0])
    conn.execute("INSERT INTO audit_keys(epoch, key) VALUES (?, ?)", (epoch, vault.subkey(audit_log.MAC_PURPOSE)))
    return epoch
