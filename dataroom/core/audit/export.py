"""Export of an audit range as JSON lines that a third party can recheck without any key, and its check."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_writer
from dataroom.core.audit.log import AuditRecord, ChainStatus, chain_hash, genesis, records
from dataroom.core.canonical import canonical_json
from dataroom.core.errors import InputError
from dataroom.core.timeutil import utc_now

FORMAT = "dataroom-audit-export"


def export_jsonl(conn: Any, path: Path, vault_id: str, first: int = 1, last: int | None = None) -> int:
    """Write records ``first..last`` with their ``prev``/``hash`` values; returns how many were written.

    The first line is a header naming the vault and range; when the range starts at 1 the checker also knows
    the genesis value, otherwise it trusts the first ``prev`` and checks the links from there on.
    """
    chosen = records(conn, first=first, last=last)
    with atomic_writer(path) as fh:
        header = {"format": FORMAT, "version": 1, "vault_id": vault_id, "exported_at": utc_now(), "count": len(chosen)}
        header["first"] = chosen[0].seq if chosen else first
        header["last"] = chosen[-1].seq if chosen else first - 1
        fh.write(canonical_json(header) + b"\n")
        for record in chosen:
            line = dict(record.body(), prev=record.prev.hex(), hash=record.hash.hex())
            fh.write(canonical_json(line) + b"\n")
    return len(chosen)


def verify_export(path: Path) -> ChainStatus:
    """Recheck the chain of an exported range (hashes and links; MACs need the vault key and are not exported)."""
    try:
        lines = path.read_bytes().splitlines()
        header = json.loads(lines[0])
        if header.get("format") != FORMAT:
            raise ValueError
    except (OSError, ValueError, IndexError, AttributeError, RecursionError):
        raise InputError(f"{path.name} is not a Dataroom audit export.") from None
    prev: bytes | None = genesis(header["vault_id"]) if header.get("first") == 1 else None
    count, last_seq, last_hash = 0, int(header.get("first", 1)) - 1, prev.hex() if prev else ""
    for raw in lines[1:]:
        try:
            doc = json.loads(raw)
            record = AuditRecord(
                doc["seq"],
                doc["time"],
                doc["actor"],
                doc["action"],
                doc["object"],
                doc["details"],
                bytes.fromhex(doc["prev"]),
                bytes.fromhex(doc["hash"]),
            )
        except (ValueError, KeyError, TypeError, RecursionError):
            return ChainStatus(False, count, last_seq, last_hash, last_seq + 1, "the line is not a valid record")
        if record.seq != last_seq + 1:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "records are missing before this one")
        if prev is not None and record.prev != prev:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "it does not link to the previous record")
        if chain_hash(record.prev, record.body()) != record.hash:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "its content was changed")
        prev, last_seq, last_hash, count = record.hash, record.seq, record.hash.hex(), count + 1
    if count != header.get("count"):
        return ChainStatus(False, count, last_seq, last_hash, last_seq + 1, "the export is truncated")
    return ChainStatus(True, count, last_seq, last_hash)
