"""Opening SQLCipher connections with a raw 256-bit key and the pragmas every vault connection needs."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlcipher3 import dbapi2 as sqlcipher

from dataroom.core.atomic import open_private
from dataroom.core.errors import DiskFull
from dataroom.core.vault.errors import IntegrityFailure, NotAVault

DatabaseError = sqlcipher.DatabaseError
Connection = Any  # sqlcipher3.dbapi2.Connection (no type stubs)

_NOT_A_VAULT = (
    "This file is not a Dataroom vault, or it does not match its key-slot file, or it is damaged. "
    "If you restored files by hand, make sure vault.db and vault.keys come from the same copy."
)


@dataclass(frozen=True)
class CipherSettings:
    """How SQLCipher lays out and authenticates a database's pages (the cipher itself is always AES-256-CBC)."""

    page_size: int
    hmac: str

    def pragmas(self, schema: str = "main") -> list[str]:
        """The pragmas that select these settings for ``schema``: after its key, before its first read."""
        return [
            f"PRAGMA {schema}.cipher_page_size = {self.page_size}",
            f"PRAGMA {schema}.cipher_hmac_algorithm = {self.hmac}",
        ]


#: New vaults and backups. 16 KiB pages rather than SQLite's 4 KiB: fewer b-tree splits, one HMAC and IV per 16 KiB
#: (a bare ``executemany`` of 1 M rows bound once before: 2.01 → 1.64 s), while a random row read decrypts 16 KiB,
#: which is still microseconds. HMAC-SHA-256 rather than SQLCipher 4's default SHA-512 tags each page: as strong an
#: authenticator (256-bit key and tag, SQLCipher 3's default), and about twice as fast on laptop CPUs, which have
#: SHA-256 instructions (x86 SHA-NI, ARMv8) but none for SHA-512 (a bare ``executemany`` of 1 M rows into 16 KiB
#: pages: 1.88 → 1.66 s); every read of the vault checks these tags too.
CIPHER = CipherSettings(16384, "HMAC_SHA256")
#: Settings of vaults created by earlier versions, tried in turn when a vault does not open with ``CIPHER``.
_EARLIER_CIPHERS = (CipherSettings(16384, "HMAC_SHA512"), CipherSettings(4096, "HMAC_SHA512"))


def key_pragma(key: bytes, schema: str = "main") -> str:
    """``PRAGMA key`` with a raw key: SQLCipher then skips its own per-open PBKDF2 (our slots did the KDF)."""
    return f"PRAGMA {schema}.key = \"x'{key.hex()}'\""


def open_connection(path: Path, key: bytes, *, create: bool = False) -> Connection:
    """Open ``path`` with ``key`` and prove the key right by reading the schema; raise :class:`NotAVault`."""
    if not create and not path.exists():
        raise NotAVault(f"There is no vault database at {path}.")
    if create:
        # Owner-only like every other vault file; SQLite gives its -wal and -shm files the database's mode.
        open_private(path, "a+b").close()
    for settings in (CIPHER,) if create else (CIPHER, *_EARLIER_CIPHERS):
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False, timeout=10.0)
        try:
            # SQLCipher logs decryption failures to stderr by default; they are reported to the user in words.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(key_pragma(key))
            for pragma in settings.pragmas():
                conn.execute(pragma)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            break
        except DatabaseError:
            # A first page that fails its HMAC means other settings, another key or damage; the next settings are
            # tried on a fresh connection, since SQLCipher fixes a connection's settings at its first read.
            conn.close()
    else:
        raise NotAVault(_NOT_A_VAULT)
    try:
        _use_wal(conn)
        # Deleted personal data is overwritten, not left in free pages; temp tables and sorts stay in memory,
        # never in plaintext temp files.
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA foreign_keys = ON")
    except DatabaseError:
        conn.close()
        raise NotAVault(_NOT_A_VAULT) from None
    return conn


@contextlib.contextmanager
def rollback_journal(conn: Connection) -> Iterator[bool]:
    """Run the block with ``conn`` under a rollback journal (``DELETE``, ``synchronous = FULL``), then return to the
    vault's WAL; yields whether the switch was made.

    A bulk load under WAL writes every page twice (to the WAL, then to the database when checkpointed); under a
    rollback journal new pages are written once and only the few changed ones are journaled. Atomicity is the
    same: a killed process leaves a hot journal, which the next connection rolls back before reading. SQLite
    refuses to leave WAL while another connection has the database open; then the block simply runs under WAL.
    """
    try:
        switched = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0] == "delete"
    except sqlcipher.OperationalError:
        switched = False
    if switched:
        conn.execute("PRAGMA synchronous = FULL")
    try:
        yield switched
    finally:
        if switched:
            _use_wal(conn)


def _use_wal(conn: Connection) -> None:
    """The vault's journal: WAL, synced at checkpoints (a crash loses at most the last commits, never consistency)."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def integrity_check(conn: Connection) -> None:
    """Check every page's HMAC and the b-tree structure; raise :class:`IntegrityFailure` with the first problem."""
    try:
        cipher = conn.execute("PRAGMA cipher_integrity_check").fetchall()
        if cipher:
            raise IntegrityFailure(f"The vault file is damaged: {len(cipher)} page(s) fail their authentication check.")
        result = conn.execute("PRAGMA integrity_check").fetchall()
    except DatabaseError:
        raise IntegrityFailure("The vault file is damaged and cannot be read completely.") from None
    if result != [("ok",)]:
        raise IntegrityFailure(f"The vault database structure is damaged ({result[0][0]}).")


def rekey_connection(conn: Connection, new_key: bytes) -> None:
    """Re-encrypt the whole database under ``new_key`` (``PRAGMA rekey``), atomically.

    SQLCipher 4 cannot rekey a WAL database, so the rekey runs under a rollback journal (which makes it one
    crash-safe transaction) and WAL is switched back on afterwards, only if the rekey succeeded: after a failed
    one the connection is left alone (not :func:`rollback_journal`, whose switch back would touch it). The caller
    must hold the only connection.
    """
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")
    try:
        conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    except DatabaseError:  # SQLCipher says only that the rekey failed; short of a bug, a write to disk did
        raise DiskFull(
            "The vault could not be re-encrypted: writing to the disk failed (is it full?). It keeps its old key."
        ) from None
    _use_wal(conn)
