"""Append-only audit log: ``h_n = SHA-256(h_{n-1} || canonical(record))``, each hash MACed with a vault-derived key.

Records are written inside the caller's transaction, so an action and its record commit or vanish together.
SQL triggers refuse UPDATE and DELETE; :func:`verify` finds the first record that was altered anyway (by
somebody holding the key and dropping the triggers). Records never hold personal data: at most a keyed hash.
MAC keys come in epochs because a rekey replaces the vault key; older epochs' keys stay to verify old records.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.timeutil import utc_now

MAC_PURPOSE = "dataroom audit mac v1"


@dataclass(frozen=True)
class AuditRecord:
    """One entry of the log."""

    seq: int
    time: str
    actor: str
    action: str
    object: str
    details: dict[str, Any]
    prev: bytes = field(repr=False)
    hash: bytes = field(repr=False)

    def body(self) -> dict[str, Any]:
        """The hashed part: ``{seq, time, actor, action, object, details}``."""
        return {
            "seq": self.seq,
            "time": self.time,
            "actor": self.actor,
            "action": self.action,
            "object": self.object,
            "details": self.details,
        }


@dataclass(frozen=True)
class ChainStatus:
    """Result of verifying a chain: OK, or the first bad sequence number and why."""

    ok: bool
    count: int
    head_seq: int
    head_hash: str
    first_bad: int | None = None
    reason: str = ""

    def describe(self) -> str:
        if self.ok:
            return f"Audit chain intact: {self.count} records, head #{self.head_seq} {self.head_hash[:16]}…"
        return f"Audit chain BROKEN at record #{self.first_bad}: {self.reason}"


def genesis(vault_id: str) -> bytes:
    """The ``h_0`` of a vault's chain; binding it to the vault id stops splicing logs of two vaults."""
    return hashlib.sha256(f"dataroom audit genesis:{vault_id}".encode()).digest()


def chain_hash(prev: bytes, body: dict[str, Any]) -> bytes:
    return hashlib.sha256(prev + canonical_json(body)).digest()


def _vault_id(conn: Any) -> str:
    return str(conn.execute("SELECT value FROM meta WHERE key = 'vault_id'").fetchone()[0])


def _current_key(conn: Any) -> tuple[int, bytes]:
    epoch, key = conn.execute("SELECT epoch, key FROM audit_keys ORDER BY epoch DESC LIMIT 1").fetchone()
    return int(epoch), bytes(key)


def head(conn: Any) -> tuple[int, bytes]:
    """``(seq, hash)`` of the last record, or ``(0, genesis)`` for an empty log."""
    row = conn.execute("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1").fetchone()
    return (int(row[0]), bytes(row[1])) if row else (0, genesis(_vault_id(conn)))


def append(
    conn: Any, actor: str, action: str, obj: str = "", details: dict[str, Any] | None = None, *, time: str | None = None
) -> AuditRecord:
    """Append one record; must be called inside the transaction that performs the action."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the transaction of the action it records")
    last_seq, prev = head(conn)
    record = AuditRecord(last_seq + 1, time or utc_now(), actor, action, obj, dict(details or {}), prev, b"")
    digest = chain_hash(prev, record.body())
    epoch, key = _current_key(conn)
    conn.execute(
        "INSERT INTO audit(seq, time, actor, action, object, details, prev, hash, epoch, mac)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.seq,
            record.time,
            actor,
            action,
            obj,
            canonical_json(record.details).decode(),
            prev,
            digest,
            epoch,
            hmac.new(key, digest, "sha256").digest(),
        ),
    )
    return AuditRecord(record.seq, record.time, actor, action, obj, record.details, prev, digest)


def _row_to_record(row: Any) -> AuditRecord:
    return AuditRecord(int(row[0]), row[1], row[2], row[3], row[4], json.loads(row[5]), bytes(row[6]), bytes(row[7]))


def _shown_record(row: Any) -> AuditRecord:
    """A row for browsing: one altered into invalid JSON is still listed (:func:`verify` names it) instead of
    making the whole log unreadable."""
    try:
        return _row_to_record(row)
    except (ValueError, TypeError, RecursionError):
        raw = str(row[5])
        details = {"unreadable": raw if len(raw) <= 200 else raw[:199] + "…"}
        return AuditRecord(int(row[0]), str(row[1]), str(row[2]), str(row[3]), str(row[4]), details,
                           bytes(row[6] or b""), bytes(row[7] or b""))  # fmt: skip


def verify(conn: Any) -> ChainStatus:
    """Recompute every hash and MAC in order; report the first record that does not check out."""
    keys = {int(e): bytes(k) for e, k in conn.execute("SELECT epoch, key FROM audit_keys")}
    expected_prev = genesis(_vault_id(conn))
    expected_seq = 1
    count = 0
    rows = conn.execute(
        "SELECT seq, time, actor, action, object, details, prev, hash, epoch, mac FROM audit ORDER BY seq"
    )
    for row in rows:
        seq = int(row[0])
        if seq != expected_seq:
            return _bad(count, expected_prev, expected_seq, f"this record is missing (the next one present is #{seq})")
        try:
            record = _row_to_record(row)
        except (ValueError, TypeError):
            return _bad(count, expected_prev, seq, "the record is not valid JSON")
        if record.prev != expected_prev:
            return _bad(count, expected_prev, seq, "it does not link to the previous record")
        if chain_hash(record.prev, record.body()) != record.hash:
            return _bad(count, expected_prev, seq, "its content was changed after it was written")
        key = keys.get(int(row[8]))
        if key is None or not hmac.compare_digest(hmac.new(key, record.hash, "sha256").digest(), bytes(row[9])):
            return _bad(count, expected_prev, seq, "its authentication code does not match")
        expected_prev, expected_seq, count = record.hash, seq + 1, count + 1
    return ChainStatus(True, count, expected_seq - 1, expected_prev.hex())


def _bad(count: int, prev: bytes, seq: int, reason: str) -> ChainStatus:
    return ChainStatus(False, count, seq - 1, prev.hex(), first_bad=seq, reason=reason)


def _where(
    first: int,
    last: int | None,
    actor: str | None,
    action: str | None,
    obj: str | None,
    since: str | None,
    until: str | None,
) -> tuple[str, list[Any]]:
    """The ``WHERE`` clause and arguments shared by :func:`records` and :func:`count`."""
    where: list[str] = ["seq >= ?"]
    args: list[Any] = [first]
    if last is not None:
        where.append("seq <= ?")
        args.append(last)
    if actor:
        where.append("actor = ?")
        args.append(actor)
    if action:
        where.append("action LIKE ? ESCAPE '\\'")
        args.append(action.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
    if obj:
        where.append("object = ?")
        args.append(obj)
    if since:
        where.append("time >= ?")
        args.append(since)
    if until:
        where.append("time <= ?")
        args.append(until)
    return " AND ".join(where), args


def records(
    conn: Any,
    *,
    first: int = 1,
    last: int | None = None,
    actor: str | None = None,
    action: str | None = None,
    obj: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[AuditRecord]:
    """Records in sequence order, filtered; ``action`` matches a prefix (``vault.`` selects all vault actions).

    ``first`` and ``limit`` make keyset pages: the next page starts at the last seq shown plus one.
    """
    where, args = _where(first, last, actor, action, obj, since, until)
    sql = "SELECT seq, time, actor, action, object, details, prev, hash FROM audit WHERE " + where
    sql += " ORDER BY seq" + (f" LIMIT {int(limit)}" if limit else "")
    return [_shown_record(r) for r in conn.execute(sql, args)]


def count(
    conn: Any,
    *,
    first: int = 1,
    last: int | None = None,
    actor: str | None = None,
    action: str | None = None,
    obj: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> int:
    """How many records :func:`records` would return with the same filters and no limit."""
    where, args = _where(first, last, actor, action, obj, since, until)
    return int(conn.execute("SELECT COUNT(*) FROM audit WHERE " + where, args).fetchone()[0])
