"""Export of an audit range as JSON lines that a third party can recheck without any key, and its check."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_writer
from dataroom.core.audit.log import AuditRecord, ChainStatus, chain_hash, genesis, records
from dataroom.core.canonical import canonical_json
from dataroom.core.errors import InputError
from dataroom.core.timeutil import utc_now

FORMAT = "dataroom-audit-export"


#: Header fields; ``header_sha256`` (absent in exports written before it existed) covers the others, so that a
#: changed ``exported_at`` — which no record's hash covers — is noticed too.
_HEADER_KEYS = {"count", "exported_at", "first", "format", "last", "vault_id", "version"}
_HEADER_SUM = "header_sha256"


def _header_sum(header: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json({k: v for k, v in header.items() if k != _HEADER_SUM})).hexdigest()


def export_jsonl(conn: Any, path: Path, vault_id: str, first: int = 1, last: int | None = None) -> int:
    """Write records ``first..last`` with their ``prev``/``hash`` values; returns how many were written.

    The first line is a header naming the vault and range; when the range starts at 1 the checker also knows
    the genesis value, otherwise it trusts the first ``prev`` and checks the links from there on. Every line is
    canonical JSON, so any change to the bytes of the file (even one that means the same) is detected.
    """
    chosen = records(conn, first=first, last=last)
    with atomic_writer(path) as fh:
        header = {"format": FORMAT, "version": 1, "vault_id": vault_id, "exported_at": utc_now(), "count": len(chosen)}
        header["first"] = chosen[0].seq if chosen else first
        header["last"] = chosen[-1].seq if chosen else first - 1
        header[_HEADER_SUM] = _header_sum(header)
        fh.write(canonical_json(header) + b"\n")
        for record in chosen:
            line = dict(record.body(), prev=record.prev.hex(), hash=record.hash.hex())
            fh.write(canonical_json(line) + b"\n")
    return len(chosen)


def _header_problem(header: dict[str, Any], raw: bytes) -> str:
    """Why the header line cannot be trusted, or ""."""
    first, keys = header.get("first"), set(header) - {_HEADER_SUM}
    if keys != _HEADER_KEYS or header.get("version") != 1 or canonical_json(header) != raw:
        return "its header line was changed"
    if not isinstance(first, int) or isinstance(first, bool) or first < 1 or not isinstance(header["vault_id"], str):
        return "its header (vault and first record) is damaged"
    if _HEADER_SUM in header and header[_HEADER_SUM] != _header_sum(header):
        return "its header line was changed"
    return ""


def verify_export(path: Path) -> ChainStatus:
    """Recheck the chain of an exported range (hashes and links; MACs need the vault key and are not exported).

    The file must be exactly what :func:`export_jsonl` writes: canonical JSON lines, each ending in a newline."""
    try:
        lines = path.read_bytes().split(b"\n")
        header = json.loads(lines[0])
        if header.get("format") != FORMAT:
            raise ValueError
    except (OSError, ValueError, IndexError, AttributeError, RecursionError):
        raise InputError(f"{path.name} is not a Dataroom audit export.") from None
    try:
        problem = _header_problem(header, lines[0])
    except (TypeError, ValueError):  # values canonical JSON cannot represent (NaN, …)
        problem = "its header line was changed"
    if problem:
        return ChainStatus(False, 0, 0, "", 1, problem)
    first: int = header["first"]
    prev: bytes | None = genesis(header["vault_id"]) if first == 1 else None
    count, last_seq, last_hash = 0, first - 1, prev.hex() if prev else ""
    if lines[-1] != b"":
        return ChainStatus(False, 0, last_seq, last_hash, last_seq + 1, "its last line is cut short or was changed")
    for raw in lines[1:-1]:
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
            # Exactly as written: canonical JSON, lower-case hex (fromhex() would accept a changed case).
            written = canonical_json(doc) == raw
            canonical = written and (doc["prev"], doc["hash"]) == (record.prev.hex(), record.hash.hex())
        except (ValueError, KeyError, TypeError, RecursionError):
            return ChainStatus(False, count, last_seq, last_hash, last_seq + 1, "the line is not a valid record")
        if record.seq != last_seq + 1:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "records are missing before this one")
        if prev is not None and record.prev != prev:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "it does not link to the previous record")
        if not canonical or chain_hash(record.prev, record.body()) != record.hash:
            return ChainStatus(False, count, last_seq, last_hash, record.seq, "its content was changed")
        prev, last_seq, last_hash, count = record.hash, record.seq, record.hash.hex(), count + 1
    if count != header.get("count") or last_seq != header.get("last"):
        return ChainStatus(False, count, last_seq, last_hash, last_seq + 1, "the export is truncated")
    return ChainStatus(True, count, last_seq, last_hash)
