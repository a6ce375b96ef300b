"""Vault schema, versioned with ``PRAGMA user_version`` and upgraded by forward-only migrations.

Each migration is appended, never edited once released: a frozen vault of every released version lives in
``tests/fixtures`` and is upgraded in the tests.
"""

from __future__ import annotations

from collections.abc import Callable

from dataroom.core.vault.errors import NotAVault

Connection = object  # sqlcipher3 connection; typed loosely because the C extension ships no stubs

_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE users (
    name TEXT PRIMARY KEY,
    role TEXT NOT NULL CHECK (role IN ('owner', 'preparer', 'reviewer')),
    totp_secret BLOB,
    created_at TEXT NOT NULL
);
CREATE TABLE key_slots (
    id TEXT PRIMARY KEY,
    user TEXT NOT NULL REFERENCES users(name) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('passphrase', 'keyring')),
    params TEXT NOT NULL,
    kek BLOB NOT NULL
);
CREATE TABLE audit_keys (epoch INTEGER PRIMARY KEY, key BLOB NOT NULL);
CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    time TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    object TEXT NOT NULL,
    details TEXT NOT NULL,
    prev BLOB NOT NULL,
    hash BLOB NOT NULL,
    epoch INTEGER NOT NULL,
    mac BLOB NOT NULL
);
CREATE INDEX audit_action ON audit(action);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""


def _script(sql: str) -> Callable[[object], None]:
    def apply(conn: object) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)  # type: ignore[attr-defined]

    return apply


#: MIGRATIONS[i] upgrades a vault from version i to i + 1.
MIGRATIONS: list[Callable[[object], None]] = [_script(_V1)]

LATEST = len(MIGRATIONS)


def migrate(conn: object) -> int:
    """Bring the schema to :data:`LATEST` inside one transaction; returns the version found before."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]  # type: ignore[attr-defined]
    if found > LATEST:
        raise NotAVault(
            f"This vault was written by a newer Dataroom (schema {found}; this version knows up to {LATEST}). "
            "Update Dataroom to open it."
        )
    if found == LATEST:
        return found
    conn.execute("BEGIN IMMEDIATE")  # type: ignore[attr-defined]
    try:
        for version in range(found, LATEST):
            MIGRATIONS[version](conn)
        conn.execute(f"PRAGMA user_version = {LATEST}")  # type: ignore[attr-defined]
        conn.execute("COMMIT")  # type: ignore[attr-defined]
    except BaseException:
        conn.execute("ROLLBACK")  # type: ignore[attr-defined]
        raise
    return found
