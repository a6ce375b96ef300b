"""The ``users`` table: names, roles and TOTP secrets (inside the encrypted vault)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dataroom.core.errors import InputError, NotFound
from dataroom.core.timeutil import utc_now
from dataroom.core.users.roles import Role

_NAME = re.compile(r"^[\w.@+-]{1,64}$")


@dataclass(frozen=True)
class User:
    """A local user as listed to an owner (never includes secrets)."""

    name: str
    role: Role
    totp_enabled: bool
    created_at: str


def check_name(name: str) -> str:
    """Validate a user name (letters in any script, digits, ``. @ + - _``); returns it unchanged."""
    if not _NAME.match(name):
        raise InputError("A user name must be 1–64 letters, digits or . @ + - _ (no spaces).")
    return name


def insert(conn: Any, name: str, role: Role) -> None:
    if get(conn, name) is not None:
        raise InputError(f"There is already a user named {name}.")
    conn.execute(
        "INSERT INTO users(name, role, created_at) VALUES (?, ?, ?)", (check_name(name), role.value, utc_now())
    )


def get(conn: Any, name: str) -> User | None:
    row = conn.execute("SELECT name, role, totp_secret IS NOT NULL, created_at FROM users WHERE name = ?", (name,))
    found = row.fetchone()
    return User(found[0], Role(found[1]), bool(found[2]), found[3]) if found else None


def require(conn: Any, name: str) -> User:
    user = get(conn, name)
    if user is None:
        raise NotFound(f"There is no user named {name} in this vault.")
    return user


def list_all(conn: Any) -> list[User]:
    rows = conn.execute("SELECT name, role, totp_secret IS NOT NULL, created_at FROM users ORDER BY created_at, name")
    return [User(r[0], Role(r[1]), bool(r[2]), r[3]) for r in rows]


def totp_secret(conn: Any, name: str) -> bytes | None:
    row = conn.execute("SELECT totp_secret FROM users WHERE name = ?", (name,)).fetchone()
    return bytes(row[0]) if row and row[0] is not None else None


def set_totp_secret(conn: Any, name: str, secret: bytes | None) -> None:
    conn.execute("UPDATE users SET totp_secret = ? WHERE name = ?", (secret, name))


def set_role(conn: Any, name: str, role: Role) -> None:
    conn.execute("UPDATE users SET role = ? WHERE name = ?", (role.value, name))


def delete(conn: Any, name: str) -> None:
    conn.execute("DELETE FROM users WHERE name = ?", (name,))


def owners(conn: Any) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM users WHERE role = 'owner' ORDER BY name")]
