"""Saved policy versions in the vault (table ``redaction_policies``): append a version, read one, list them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import NotFound
from dataroom.core.redaction.policy import Policy, from_json
from dataroom.core.timeutil import utc_now

Connection = Any


@dataclass(frozen=True)
class StoredPolicy:
    """One saved version of a dataset's policy."""

    policy: Policy
    version: int
    sha256: str
    created_by: str
    created_at: str
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The export form: the policy body plus its version and hash (``from_json`` checks the hash)."""
        return {**self.policy.body(), "version": self.version, "sha256": self.sha256, "created_by": self.created_by,
                "created_at": self.created_at, "note": self.note}  # fmt: skip


def _row(info: DatasetInfo, row: Any) -> StoredPolicy:
    policy = from_json(json.loads(row[1]), dataset=info.name, columns=info.columns)
    return StoredPolicy(policy, int(row[0]), row[2], row[3], row[4], row[5])


_SELECT = "SELECT version, body, sha256, created_by, created_at, note FROM redaction_policies WHERE dataset_id = ?"


def latest(conn: Connection, info: DatasetInfo) -> StoredPolicy | None:
    row = conn.execute(_SELECT + " ORDER BY version DESC LIMIT 1", (info.id,)).fetchone()
    return _row(info, row) if row else None


def get(conn: Connection, info: DatasetInfo, version: int) -> StoredPolicy:
    row = conn.execute(_SELECT + " AND version = ?", (info.id, int(version))).fetchone()
    if row is None:
        known = [str(v[0]) for v in conn.execute(
            "SELECT version FROM redaction_policies WHERE dataset_id = ? ORDER BY version", (info.id,))]  # fmt: skip
        listed = ", ".join(known) if known else "none saved yet"
        raise NotFound(f"Dataset {info.name!r} has no policy version {version} (versions: {listed}).")
    return _row(info, row)


def versions(conn: Connection, info: DatasetInfo) -> list[StoredPolicy]:
    return [_row(info, r) for r in conn.execute(_SELECT + " ORDER BY version", (info.id,)).fetchall()]


def append(conn: Connection, info: DatasetInfo, policy: Policy, user: str, note: str | None = None) -> StoredPolicy:
    """Save ``policy`` as the next version; the caller holds the transaction (and writes the audit record)."""
    version = int(conn.execute(
        "SELECT coalesce(max(version), 0) + 1 FROM redaction_policies WHERE dataset_id = ?", (info.id,)
    ).fetchone()[0])  # fmt: skip
    sha, now = policy.sha256, utc_now()
    conn.execute(
        "INSERT INTO redaction_policies(dataset_id, version, name, body, sha256, created_by, created_at, note)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (info.id, version, policy.name, canonical_json(policy.body()).decode(), sha, user, now, note),
    )
    return StoredPolicy(policy, version, sha, user, now, note)
