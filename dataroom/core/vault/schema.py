"""Vault schema, versioned with ``PRAGMA user_version`` and upgraded by forward-only migrations.

Version 1: meta, users, key slots, audit. Version 2: datasets (rows live in one table per dataset, ``ds_<id>``,
with one TEXT column per source column and ``rn`` = row number) and column classifications. Version 3: redaction
(``core/redaction/ddl.py``). Version 4: deal records (``core/deal/ddl.py``). Version 5: transfer packets,
receipts, canaries (``core/transfer/ddl.py``). Version 6: dataset retention (``core/datasets/retention.py``).

Each migration is appended, never edited once released: a frozen vault of every released version lives in
``tests/fixtures`` and is upgraded in the tests.
"""

from __future__ import annotations

from collections.abc import Callable

from dataroom.core.datasets.retention import SCHEMA_SQL as RETENTION_SQL
from dataroom.core.deal.ddl import SCHEMA_SQL as DEAL_SQL
from dataroom.core.redaction.ddl import SCHEMA_SQL as REDACTION_SQL
from dataroom.core.transfer.ddl import SCHEMA_SQL as TRANSFER_SQL
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


_V2 = """
CREATE TABLE datasets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source_name TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_kind TEXT NOT NULL,
    encoding TEXT,
    delimiter TEXT,
    sheet TEXT,
    row_count INTEGER NOT NULL,
    column_count INTEGER NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    warnings TEXT NOT NULL DEFAULT '[]',
    provenance TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE dataset_columns (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    source_name TEXT NOT NULL,
    PRIMARY KEY (dataset_id, position)
);
CREATE TABLE column_classes (
    dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    detected_type TEXT NOT NULL,
    detected_class TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    classified_at TEXT NOT NULL,
    override_type TEXT,
    override_class TEXT,
    override_by TEXT,
    override_at TEXT,
    override_note TEXT,
    PRIMARY KEY (dataset_id, position)
);
"""


def _script(sql: str) -> Callable[[object], None]:
    def apply(conn: object) -> None:
        for statement in sql.split(";\n"):
            if statement.strip():
                conn.execute(statement)  # type: ignore[attr-defined]

    return apply


#: MIGRATIONS[i] upgrades a vault from version i to i + 1.
MIGRATIONS: list[Callable[[object], None]] = [
    _script(_V1),
    _script(_V2),
    _script(REDACTION_SQL),
    _script(DEAL_SQL),
    _script(TRANSFER_SQL),
    _script(RETENTION_SQL),
]

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
