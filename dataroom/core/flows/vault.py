"""Vault flows: create, unlock, lock, change passphrase, rekey, check, backup and restore."""

from __future__ import annotations

from pathlib import Path

from dataroom.core.audit import log as audit_log
from dataroom.core.secrets import keyring_store
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.session import Session
from dataroom.core.users import store as users
from dataroom.core.users.roles import Permission
from dataroom.core.vault import backup as vault_backup
from dataroom.core.vault import slots
from dataroom.core.vault import vault as vault_mod
from dataroom.core.vault.backoff import Clock
from dataroom.core.vault.connection import integrity_check
from dataroom.core.vault.keyslots import KEYRING

__all__ = [
    "backup",
    "change_passphrase",
    "check_integrity",
    "create",
    "keyring_available",
    "lock",
    "rekey",
    "restore",
    "unlock",
]


def keyring_available() -> bool:
    """Whether this machine offers a secure OS keyring (the wizard offers it only then)."""
    return keyring_store.available()


def create(
    directory: Path,
    *,
    owner: str,
    passphrase: str,
    use_keyring: bool = True,
    kdf_params: KdfParams | None = None,
    name: str | None = None,
) -> Session:
    """Create a vault with its first user (an owner); see :func:`dataroom.core.vault.vault.create_vault`."""
    return vault_mod.create_vault(
        directory, owner=owner, passphrase=passphrase, use_keyring=use_keyring, kdf_params=kdf_params, name=name
    )


def unlock(
    directory: Path,
    *,
    user: str | None = None,
    passphrase: str | None = None,
    totp_code: str | None = None,
    clock: Clock | None = None,
) -> Session:
    """Unlock for ``user``; keyring first when no passphrase is given. Audited (failures at next success)."""
    kwargs = {"clock": clock} if clock else {}
    return vault_mod.unlock_vault(directory, user=user, passphrase=passphrase, totp_code=totp_code, **kwargs)


def lock(session: Session) -> None:
    """Lock the vault (records the lock, then forgets the key)."""
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "vault.lock", session.vault.vault_id)
    session.close()


def change_passphrase(session: Session, new_passphrase: str, *, user: str | None = None) -> None:
    """Rewrap ``user``'s slot (default: the acting user) under a new passphrase; owners may reset anyone's."""
    target = user or session.user
    if target != session.user:
        session.require(Permission.MANAGE_USERS)
    vault = session.vault
    with vault.transaction() as tx:
        users.require(tx, target)
        slots.replace_passphrase(tx, target, new_passphrase)
        audit_log.append(tx, session.user, "user.passphrase", target)
        slots.write_file(tx, vault.layout, vault.vault_id, vault.key_bytes())


def set_keyring(session: Session, enabled: bool) -> bool:
    """Add or remove the acting user's keyring slot; returns whether one exists afterwards."""
    vault = session.vault
    with vault.transaction() as tx:
        slots.remove_for_user(tx, session.user, KEYRING)
        added = slots.add_keyring(tx, vault.vault_id, session.user) if enabled else None
        audit_log.append(tx, session.user, "user.keyring", session.user, {"enabled": added is not None})
        slots.write_file(tx, vault.layout, vault.vault_id, vault.key_bytes())
    return added is not None


def rekey(session: Session) -> None:
    """New random vault key for the whole database; every slot rewrapped; audited under a new MAC epoch."""
    session.require(Permission.MANAGE_KEYS)
    vault = session.vault
    vault_mod.rekey(vault)
    with vault.transaction() as tx:
        epoch = vault_mod.add_audit_epoch(tx, vault)
        audit_log.append(tx, session.user, "vault.rekey", vault.vault_id, {"audit_epoch": epoch})


def check_integrity(session: Session) -> audit_log.ChainStatus:
    """Full check: SQLCipher page HMACs, SQLite structure, audit chain. Raises on damage; returns chain status."""
    conn = session.vault.connection()
    integrity_check(conn)
    status = audit_log.verify(conn)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "vault.check", session.vault.vault_id, {"audit_ok": status.ok})
    return status


def backup(
    session: Session, dest: Path, passphrase: str, *, kdf_params: KdfParams | None = None
) -> vault_backup.BackupInfo:
    """Write an encrypted backup while the vault stays open; audited with the backup's checksum."""
    session.require(Permission.MANAGE_KEYS)
    info = vault_backup.make_backup(session.vault, dest, passphrase, kdf_params)
    with session.vault.transaction() as tx:
        audit_log.append(
            tx, session.user, "vault.backup", session.vault.vault_id, {"file": Path(dest).name, "sha256": info.sha256}
        )
    return info


def restore(src: Path, directory: Path, passphrase: str, *, replace: bool = False) -> Path:
    """Restore a backup into ``directory``; see :func:`dataroom.core.vault.backup.restore_backup`."""
    return vault_backup.restore_backup(src, directory, passphrase, replace=replace)
