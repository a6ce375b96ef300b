"""User flows: add, list, remove local users, change their role; TOTP set-up."""

from __future__ import annotations

from dataclasses import dataclass

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import InputError
from dataroom.core.secrets import kdf, totp
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.session import Session
from dataroom.core.users import store as users
from dataroom.core.users.roles import Permission, Role
from dataroom.core.users.store import User
from dataroom.core.vault import slots
from dataroom.core.vault.errors import WrongSecondFactor


def list_users(session: Session) -> list[User]:
    """Every local user (names, roles, whether TOTP is on)."""
    return users.list_all(session.vault.connection())


def add_user(
    session: Session,
    name: str,
    role: Role,
    passphrase: str,
    *,
    use_keyring: bool = False,
    kdf_params: KdfParams | None = None,
) -> User:
    """Owner only: add a user with their own passphrase slot (and keyring slot if asked and available)."""
    session.require(Permission.MANAGE_USERS)
    kdf.check_passphrase(passphrase)
    params = kdf_params or kdf.calibrate()  # outside the transaction: it takes a moment
    vault = session.vault
    with vault.transaction() as tx:
        users.insert(tx, name, role)
        slots.add_passphrase(tx, name, passphrase, params)
        if use_keyring:
            slots.add_keyring(tx, vault.vault_id, name)
        audit_log.append(tx, session.user, "user.add", name, {"role": role.value})
        slots.write_file(tx, vault.layout, vault.vault_id, vault.key_bytes())
    return users.require(vault.connection(), name)


def remove_user(session: Session, name: str) -> None:
    """Owner only: remove a user and their slots; the last owner cannot be removed."""
    session.require(Permission.MANAGE_USERS)
    vault = session.vault
    with vault.transaction() as tx:
        user = users.require(tx, name)
        if user.role is Role.OWNER and users.owners(tx) == [name]:
            raise InputError("The last owner cannot be removed; make another user an owner first.")
        slots.remove_for_user(tx, name)
        users.delete(tx, name)
        if slots.default_user(tx) == name:
            tx.execute("UPDATE meta SET value = ? WHERE key = 'default_user'", (users.owners(tx)[0],))
        audit_log.append(tx, session.user, "user.remove", name)
        slots.write_file(tx, vault.layout, vault.vault_id, vault.key_bytes())


def set_role(session: Session, name: str, role: Role) -> User:
    """Owner only: give ``name`` another role; the last owner cannot be demoted. Audited with both roles.

    Roles are read at unlock, so a session already open (the acting owner's own included) keeps the role it was
    opened with until it is locked; the change applies from the user's next unlock.
    """
    session.require(Permission.MANAGE_USERS)
    vault = session.vault
    with vault.transaction() as tx:
        user = users.require(tx, name)
        if user.role is role:
            raise InputError(f"{name} already has the {role.value} role.")
        if user.role is Role.OWNER and users.owners(tx) == [name]:
            raise InputError(f"{name} is the last owner; make another user an owner first.")
        users.set_role(tx, name, role)
        audit_log.append(tx, session.user, "user.role", name, {"from": user.role.value, "to": role.value})
    return users.require(vault.connection(), name)


@dataclass(frozen=True)
class TotpEnrolment:
    """A TOTP secret not yet stored: shown as a QR code, stored once one code from the app verifies."""

    user: str
    secret: bytes
    uri: str


def begin_totp(session: Session, name: str | None = None) -> TotpEnrolment:
    """Start TOTP set-up for ``name`` (default: the acting user; others need MANAGE_USERS)."""
    target = name or session.user
    if target != session.user:
        session.require(Permission.MANAGE_USERS)
    users.require(session.vault.connection(), target)
    secret = totp.new_secret()
    return TotpEnrolment(target, secret, totp.provisioning_uri(secret, f"{target}@{session.vault.meta('name')}"))


def confirm_totp(session: Session, enrolment: TotpEnrolment, code: str) -> None:
    """Store the TOTP secret once ``code`` proves the authenticator app has it."""
    if not totp.verify(enrolment.secret, code):
        raise WrongSecondFactor("That code does not match; check the time on this computer and on the phone.")
    with session.vault.transaction() as tx:
        users.set_totp_secret(tx, enrolment.user, enrolment.secret)
        audit_log.append(tx, session.user, "user.totp", enrolment.user, {"enabled": True})


def disable_totp(session: Session, name: str | None = None) -> None:
    """Turn TOTP off for ``name`` (default: the acting user)."""
    target = name or session.user
    if target != session.user:
        session.require(Permission.MANAGE_USERS)
    with session.vault.transaction() as tx:
        users.require(tx, target)
        users.set_totp_secret(tx, target, None)
        audit_log.append(tx, session.user, "user.totp", target, {"enabled": False})
