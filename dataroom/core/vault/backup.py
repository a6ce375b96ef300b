"""Encrypted backups of a running vault, and restoring them without ever overwriting a vault silently.

A backup (``.drbak``) is a zip holding ``backup.json`` (public header: vault id, times, schema version,
Argon2id parameters, the backup key wrapped by the backup passphrase, the SHA-256 of the database part) and
``vault.db``: a SQLCipher copy made with ``sqlcipher_export`` under its own random key, from a read snapshot, so
the vault stays usable meanwhile. Restore checks the hash, the passphrase, SQLCipher's page HMACs, SQLite's
structure and the audit chain before anything is put in place; then it gives the copy a fresh vault key and
rewraps every user's slot from the slots kept inside the database, so users keep their passphrases.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write, atomic_writer, open_private
from dataroom.core.audit import log as audit_log
from dataroom.core.canonical import canonical_json
from dataroom.core.errors import storage_error
from dataroom.core.secrets import kdf
from dataroom.core.secrets import wrap as keywrap
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.timeutil import utc_now
from dataroom.core.vault import schema, slots
from dataroom.core.vault.connection import CIPHER, integrity_check, open_connection, rekey_connection
from dataroom.core.vault.errors import IntegrityFailure, NotAVault, VaultExists, WrongPassphrase
from dataroom.core.vault.layout import (
    ProcessLock,
    VaultLayout,
    finish_restore,
    restore_intent,
    restore_leftovers,
    sweep_leftovers,
)
from dataroom.core.vault.vault import Vault, add_audit_epoch

FORMAT = "dataroom-backup"
_CHUNK = 1 << 20


@dataclass(frozen=True)
class BackupInfo:
    """What a backup holds, from its public header."""

    path: Path
    vault_id: str
    created_at: str
    schema_version: int
    size: int
    sha256: str


class BadBackup(IntegrityFailure):
    """The file is not a Dataroom backup, or it is damaged."""

    code = "bad-backup"


def make_backup(vault: Vault, dest: Path, passphrase: str, kdf_params: KdfParams | None = None) -> BackupInfo:
    """Write an encrypted backup of ``vault`` to ``dest`` (atomically); the KDF runs here (~0.5 s)."""
    kdf.check_passphrase(passphrase)
    dest = Path(dest)
    backup_key = os.urandom(32)
    conn = vault.connection()
    # What earlier backups into this folder left when they were killed: a snapshot folder, a half-written file.
    sweep_leftovers(dest.parent, ".dataroom-backup-*", "dir")
    sweep_leftovers(dest.parent, f".{glob.escape(dest.name)}.*.tmp", "file")
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".dataroom-backup-") as tmp:
        copy = Path(tmp) / "vault.db"  # encrypted under backup_key from its first page on
        conn.execute("ATTACH DATABASE ? AS backup KEY \"x'" + backup_key.hex() + "'\"", (str(copy),))
        for pragma in CIPHER.pragmas("backup"):
            conn.execute(pragma)
        try:
            conn.execute("BEGIN")  # one read snapshot for the whole copy
            try:
                conn.execute("SELECT sqlcipher_export('backup')")
                version = conn.execute("PRAGMA main.user_version").fetchone()[0]
                conn.execute(f"PRAGMA backup.user_version = {int(version)}")
            finally:
                conn.execute("COMMIT")
        finally:
            conn.execute("DETACH DATABASE backup")
        digest, size = _sha256_file(copy)
        params = kdf_params or kdf.calibrate()
        header: dict[str, Any] = {
            "format": FORMAT,
            "version": 1,
            "vault_id": vault.vault_id,
            "created_at": utc_now(),
            "schema_version": int(version),
            "kdf": params.to_json(),
            "db_sha256": digest,
            "db_size": size,
        }
        nonce, wrapped = keywrap.wrap(kdf.derive(passphrase, params), backup_key, canonical_json(header))
        header["key"] = {"nonce": nonce.hex(), "wrapped": wrapped.hex()}
        with atomic_writer(dest) as fh, zipfile.ZipFile(fh, "w", zipfile.ZIP_STORED, allowZip64=True) as zf:
            zf.writestr("backup.json", json.dumps(header, indent=1))
            zf.write(copy, "vault.db")
    return BackupInfo(dest, vault.vault_id, header["created_at"], int(version), size, digest)


def _sha256_file(path: Path) -> tuple[str, int]:
    h, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _read_header(zf: zipfile.ZipFile, path: Path) -> dict[str, Any]:
    names = sorted(zf.namelist())
    if names != ["backup.json", "vault.db"]:
        raise BadBackup(f"{path.name} is not a Dataroom backup (unexpected contents).")
    try:
        header = json.loads(zf.read("backup.json"))
        if header.get("format") != FORMAT or header.get("version") != 1:
            raise ValueError
        return dict(header)
    except (ValueError, RecursionError):
        raise BadBackup(f"{path.name} is not a Dataroom backup (unreadable header).") from None


def inspect_backup(path: Path) -> BackupInfo:
    """Read a backup's public header without any passphrase."""
    try:
        with zipfile.ZipFile(path) as zf:
            h = _read_header(zf, Path(path))
    except (zipfile.BadZipFile, OSError):
        raise BadBackup(f"{Path(path).name} is not a Dataroom backup, or it is truncated.") from None
    return BackupInfo(
        Path(path), h["vault_id"], h["created_at"], int(h["schema_version"]), h["db_size"], h["db_sha256"]
    )


def restore_backup(src: Path, directory: Path, passphrase: str, *, replace: bool = False) -> Path:
    """Restore ``src`` into ``directory``; returns where a replaced vault was moved (or ``directory``).

    Refuses (:class:`VaultExists`) to touch an existing vault unless ``replace`` is set, and even then moves it
    aside as ``<directory>.replaced-<time>`` rather than deleting it. Nothing is put in place before every check
    passed.
    """
    src, directory = Path(src), Path(directory)
    finish_restore(directory)  # an earlier restore into the same folder that was killed mid-swap
    sweep_leftovers(*restore_leftovers(directory))
    target = VaultLayout(directory)
    if target.exists() and not replace:
        raise VaultExists(
            f"There is already a vault in {directory}. Choose an empty folder, or confirm that it should be replaced "
            "(it is kept as a renamed folder, not deleted)."
        )
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=directory.parent, prefix=f".{directory.name}.restore-"))
    try:
        layout = VaultLayout(staging)
        backup_key = _extract_checked(src, layout.db, passphrase)
        vault_id = _verify_copy(layout.db, backup_key)
        lock = ProcessLock(layout.lock)
        lock.acquire()
        vault = Vault(layout, backup_key, vault_id, lock)
        try:
            conn = vault.connection()
            new_key = os.urandom(32)
            rekey_connection(conn, new_key)
            vault.replace_key(new_key)
            schema.migrate(conn)
            with vault.transaction() as tx:
                add_audit_epoch(tx, vault)
                audit_log.append(tx, "restore", "vault.restore", vault_id, {"backup": src.name})
                slots.write_file(tx, layout, vault_id, new_key)
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            vault.close()
        return _put_in_place(staging, directory, replace)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _extract_checked(src: Path, db_path: Path, passphrase: str) -> bytes:
    """Copy the database part out (it stays encrypted), check its hash, unwrap the backup key."""
    try:
        with zipfile.ZipFile(src) as zf:
            header = _read_header(zf, src)
            h = hashlib.sha256()
            with zf.open("vault.db") as part, open_private(db_path) as out:
                while chunk := part.read(_CHUNK):
                    h.update(chunk)
                    out.write(chunk)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise storage_error(exc) or BadBackup(f"{src.name} is not a Dataroom backup, or it is truncated.") from None
    if h.hexdigest() != header.get("db_sha256"):
        raise BadBackup(f"{src.name} is damaged: its database part does not match the checksum in its header.")
    key_part = header.pop("key", {})
    try:
        params = KdfParams.from_json(header["kdf"])
        nonce, wrapped = bytes.fromhex(key_part["nonce"]), bytes.fromhex(key_part["wrapped"])
    except (ValueError, KeyError, TypeError):
        raise BadBackup(f"{src.name} has a damaged header.") from None
    try:
        return keywrap.unwrap(kdf.derive(passphrase, params), nonce, wrapped, canonical_json(header))
    except keywrap.UnwrapFailed:
        raise WrongPassphrase("The backup passphrase is wrong (or the backup header was altered).") from None


def _verify_copy(db_path: Path, key: bytes) -> str:
    conn = open_connection(db_path, key)
    try:
        integrity_check(conn)
        status = audit_log.verify(conn)
        if not status.ok:
            raise BadBackup(f"The backup's audit log does not verify: {status.describe()}")
        row = conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()
        if row is None:
            raise NotAVault("The backup does not contain a Dataroom vault.")
        return str(row[0])
    finally:
        conn.close()


def _put_in_place(staging: Path, directory: Path, replace: bool) -> Path:
    for leftover in staging.glob("vault.db-*"):
        leftover.unlink()
    (staging / "vault.lock").unlink(missing_ok=True)
    moved_to = directory
    if VaultLayout(directory).exists():
        assert replace
        old_lock = ProcessLock(VaultLayout(directory).lock)
        old_lock.acquire()  # refuses while the old vault is open somewhere, before anything is decided
        old_lock.release()
        moved_to = directory.with_name(f"{directory.name}.replaced-{utc_now().replace(':', '')}")
    # From this note on the restore is decided: a crash mid-swap is finished by the next unlock, never half-done.
    atomic_write(restore_intent(directory), json.dumps({"staging": staging.name, "moved_to": moved_to.name}).encode())
    finish_restore(directory)
    return moved_to
