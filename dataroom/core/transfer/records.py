"""Transfer records in the vault: packets sent and received, canaries and token samples, signed documents,
certificates of destruction. Plain reads and writes; the flows hold the transactions and write the audit."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from dataroom.core.errors import NotFound
from dataroom.core.timeutil import utc_now

Connection = Any


@dataclass(frozen=True)
class SentPacket:
    id: str
    dataset: str
    dataset_sha256: str
    recipient_fingerprint: str
    nda_id: str
    full: bool
    policy_version: int | None
    policy_sha256: str
    rows: int
    manifest: bytes
    manifest_sha256: str
    packet_sha256: str
    file_name: str
    created_at: str
    created_by: str


@dataclass(frozen=True)
class ReceivedPacket:
    id: str
    sender_fingerprint: str
    nda_id: str
    dataset_id: int | None
    dataset: str
    rows: int
    manifest: bytes
    manifest_sha256: str
    packet_sha256: str
    file_path: str
    received_at: str
    received_by: str
    destroyed_at: str | None
    destruction_id: str | None


@dataclass(frozen=True)
class StoredDocument:
    id: int
    kind: str
    stage: str
    reference: str
    sha256: str
    pdf: bytes
    recorded_at: str
    recorded_by: str


@dataclass(frozen=True)
class Destruction:
    id: str
    direction: str
    nda_id: str
    party_fingerprint: str
    statement: dict[str, Any]
    certificate_sha256: str
    destroyed_at: str
    recorded_at: str
    recorded_by: str


_SENT = (
    "id, dataset, dataset_sha256, recipient_fingerprint, nda_id, full, policy_version, policy_sha256, rows, manifest,"
    " manifest_sha256, packet_sha256, file_name, created_at, created_by"
)
_RECEIVED = (
    "id, sender_fingerprint, nda_id, dataset_id, dataset, rows, manifest, manifest_sha256, packet_sha256, file_path,"
    " received_at, received_by, destroyed_at, destruction_id"
)


def _sent(row: Sequence[Any]) -> SentPacket:
    return SentPacket(
        row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], row[7], int(row[8]), str(row[9]).encode("utf-8"),
        row[10], row[11], row[12], row[13], row[14],
    )  # fmt: skip


def _received(row: Sequence[Any]) -> ReceivedPacket:
    return ReceivedPacket(
        row[0], row[1], row[2], row[3], row[4], int(row[5]), str(row[6]).encode("utf-8"), row[7], row[8], row[9],
        row[10], row[11], row[12], row[13],
    )  # fmt: skip


def add_sent(conn: Connection, p: SentPacket) -> None:
    conn.execute(
        f"INSERT INTO packets_sent({_SENT}) VALUES ({', '.join('?' * 15)})",
        (
            p.id, p.dataset, p.dataset_sha256, p.recipient_fingerprint, p.nda_id, int(p.full), p.policy_version,
            p.policy_sha256, p.rows, p.manifest.decode("utf-8"), p.manifest_sha256, p.packet_sha256, p.file_name,
            p.created_at, p.created_by,
        ),
    )  # fmt: skip


def add_canaries(conn: Connection, packet_id: str, canaries: Iterable[tuple[int, Sequence[str]]]) -> int:
    """Record the canary rows as sent: ``(payload row number, values)`` each."""
    rows = [(packet_id, i, at, json.dumps(list(values), ensure_ascii=False)) for i, (at, values) in enumerate(canaries)]
    conn.executemany("INSERT INTO packet_canaries(packet_id, seq, payload_row, row_json) VALUES (?, ?, ?, ?)", rows)
    return len(rows)


def add_tokens(conn: Connection, packet_id: str, tokens: Iterable[str]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO packet_tokens(token, packet_id) VALUES (?, ?)", ((t, packet_id) for t in tokens)
    )


def sent(conn: Connection, packet_id: str) -> SentPacket:
    row = conn.execute(f"SELECT {_SENT} FROM packets_sent WHERE id = ?", (packet_id,)).fetchone()
    if row is None:
        row = _unique_prefix(conn, "packets_sent", _SENT, packet_id)
    return _sent(row)


def all_sent(conn: Connection) -> list[SentPacket]:
    return [_sent(r) for r in conn.execute(f"SELECT {_SENT} FROM packets_sent ORDER BY created_at, id")]


def sent_under(conn: Connection, nda_id: str) -> list[SentPacket]:
    return [_sent(r) for r in conn.execute(f"SELECT {_SENT} FROM packets_sent WHERE nda_id = ?", (nda_id,))]


def canaries(conn: Connection) -> list[tuple[str, int, int, list[str]]]:
    """Every canary ever sent: ``(packet id, seq, payload row, values)``."""
    rows = conn.execute("SELECT packet_id, seq, payload_row, row_json FROM packet_canaries ORDER BY packet_id, seq")
    return [(r[0], int(r[1]), int(r[2]), json.loads(r[3])) for r in rows]


def token_packets(conn: Connection, tokens: Sequence[str]) -> dict[str, set[str]]:
    """For each sampled token among ``tokens``, the packets that carried it."""
    found: dict[str, set[str]] = {}
    for start in range(0, len(tokens), 900):
        chunk = list(tokens[start : start + 900])
        sql = f"SELECT token, packet_id FROM packet_tokens WHERE token IN ({', '.join('?' * len(chunk))})"
        for token, packet in conn.execute(sql, chunk):
            found.setdefault(token, set()).add(packet)
    return found


def sampled_tokens(conn: Connection, packet_id: str) -> int:
    return int(conn.execute("SELECT count(*) FROM packet_tokens WHERE packet_id = ?", (packet_id,)).fetchone()[0])


def add_received(conn: Connection, p: ReceivedPacket) -> None:
    conn.execute(
        f"INSERT INTO packets_received({_RECEIVED}) VALUES ({', '.join('?' * 14)})",
        (
            p.id, p.sender_fingerprint, p.nda_id, p.dataset_id, p.dataset, p.rows, p.manifest.decode("utf-8"),
            p.manifest_sha256, p.packet_sha256, p.file_path, p.received_at, p.received_by, p.destroyed_at,
            p.destruction_id,
        ),
    )  # fmt: skip


def find_received(conn: Connection, packet_id: str) -> ReceivedPacket | None:
    row = conn.execute(f"SELECT {_RECEIVED} FROM packets_received WHERE id = ?", (packet_id,)).fetchone()
    return _received(row) if row else None


def received(conn: Connection, packet_id: str) -> ReceivedPacket:
    found = find_received(conn, packet_id)
    if found is None:
        return _received(_unique_prefix(conn, "packets_received", _RECEIVED, packet_id))
    return found


def all_received(conn: Connection) -> list[ReceivedPacket]:
    return [_received(r) for r in conn.execute(f"SELECT {_RECEIVED} FROM packets_received ORDER BY received_at, id")]


def received_for_dataset(conn: Connection, dataset_id: int) -> list[ReceivedPacket]:
    rows = conn.execute(f"SELECT {_RECEIVED} FROM packets_received WHERE dataset_id = ?", (dataset_id,))
    return [_received(r) for r in rows]


def received_under(conn: Connection, nda_id: str) -> list[ReceivedPacket]:
    rows = conn.execute(f"SELECT {_RECEIVED} FROM packets_received WHERE nda_id = ?", (nda_id,))
    return [_received(r) for r in rows]


def mark_destroyed(conn: Connection, packet_id: str, destruction_id: str, at: str) -> None:
    conn.execute(
        "UPDATE packets_received SET dataset_id = NULL, destroyed_at = ?, destruction_id = ? WHERE id = ?",
        (at, destruction_id, packet_id),
    )


def _unique_prefix(conn: Connection, table: str, columns: str, text: str) -> Sequence[Any]:
    """A packet named by a unique prefix of its id (``PKT-3F2A…``), or :class:`NotFound`."""
    pattern = text.strip().upper().replace("%", "").replace("_", "") + "%"
    rows: list[Sequence[Any]] = conn.execute(
        f"SELECT {columns} FROM {table} WHERE upper(id) LIKE ? LIMIT 2", (pattern,)
    ).fetchall()
    if len(rows) == 1:
        return rows[0]
    what = "sent" if table == "packets_sent" else "received"
    if not rows:
        raise NotFound(f"No packet {what} here has the id {text!r}.")
    raise NotFound(f"Several packets {what} here have ids starting {text!r}; give more of the id.")


def add_document(conn: Connection, kind: str, stage: str, reference: str, sha256: str, pdf: bytes, by: str) -> int:
    cur = conn.execute(
        "INSERT INTO transfer_documents(kind, stage, reference, sha256, pdf, recorded_at, recorded_by)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, stage, reference, sha256, pdf, utc_now(), by),
    )
    return int(cur.lastrowid)


def documents(conn: Connection, reference: str | None = None, kind: str | None = None) -> list[StoredDocument]:
    where, args = [], []
    if reference is not None:
        where.append("reference = ?")
        args.append(reference)
    if kind is not None:
        where.append("kind = ?")
        args.append(kind)
    sql = "SELECT id, kind, stage, reference, sha256, pdf, recorded_at, recorded_by FROM transfer_documents"
    sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY id"
    return [StoredDocument(r[0], r[1], r[2], r[3], r[4], bytes(r[5]), r[6], r[7]) for r in conn.execute(sql, args)]


def add_destruction(conn: Connection, d: Destruction) -> None:
    conn.execute(
        "INSERT INTO destructions(id, direction, nda_id, party_fingerprint, statement, certificate_sha256,"
        " destroyed_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            d.id, d.direction, d.nda_id, d.party_fingerprint, json.dumps(d.statement, ensure_ascii=False),
            d.certificate_sha256, d.destroyed_at, d.recorded_at, d.recorded_by,
        ),
    )  # fmt: skip


def destructions(conn: Connection, nda_id: str | None = None) -> list[Destruction]:
    sql = (
        "SELECT id, direction, nda_id, party_fingerprint, statement, certificate_sha256, destroyed_at, recorded_at,"
        " recorded_by FROM destructions"
    )
    args: tuple[Any, ...] = ()
    if nda_id is not None:
        sql += " WHERE nda_id = ?"
        args = (nda_id,)
    return [
        Destruction(r[0], r[1], r[2], r[3], json.loads(r[4]), r[5], r[6], r[7], r[8])
        for r in conn.execute(sql + " ORDER BY recorded_at", args)
    ]


def find_destruction(conn: Connection, certificate_id: str) -> Destruction | None:
    found = [d for d in destructions(conn) if d.id == certificate_id]
    return found[0] if found else None
