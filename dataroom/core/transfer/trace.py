"""Tracing a leaked table back to the packet (and so the recipient) it came from.

Two kinds of evidence, both planted per recipient when a packet is made:

* **canary rows** — synthetic records that exist in exactly one recipient's packets. A row of the leaked file
  whose non-blank values are exactly a canary's (in any column order) is that canary;
* **pseudonym tokens** — every recipient's tokens come from its own key, so the same person has a different token
  in each recipient's copy. The sender's vault keeps a sample of each packet's tokens (those ending in ``A``,
  about 1 in 32), so any sizeable extract of a pseudonymised column names its packet even without a canary.

The file is read with the ingest readers (CSV in any encoding and dialect, XLSX), streaming, record by record
without any header logic, so label lines above a header (as in Dataroom's own redacted exports) do not matter;
formula guards (``'=…``) are undone before comparing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.deal import counterparties, fingerprint
from dataroom.core.ingest.csv_reader import CsvSource
from dataroom.core.ingest.table import sniff
from dataroom.core.ingest.xlsx_reader import XlsxSource
from dataroom.core.transfer import records
from dataroom.core.transfer.payload_chunks import TOKEN_SAMPLE_SUFFIX
from dataroom.core.transfer.records import SentPacket

BATCH = 5000
TOKEN = re.compile(r"[A-Z]{3}_[A-Z2-7]{16}")
#: Distinct tokens looked up at most (a sample of a huge file says as much as all of it).
MAX_TOKENS = 500_000
_GUARDED = frozenset("=+-@\t\r")

Connection = Any


def _clean(value: str) -> str:
    value = value.strip()
    if len(value) > 1 and value[0] == "'" and value[1] in _GUARDED:
        return value[1:]
    return value


@dataclass(frozen=True)
class CanaryHit:
    seq: int
    payload_row: int  # where the packet carried it (1-based)
    file_row: int  # where the leaked file has it: its line (CSV) or sheet row (workbook)


@dataclass
class PacketMatch:
    """One sent packet the file matches, with the evidence."""

    packet: SentPacket
    recipient: str  # organisation (person)
    canaries: list[CanaryHit] = field(default_factory=list)
    canaries_sent: int = 0
    token_hits: int = 0
    tokens_sampled: int = 0

    @property
    def strength(self) -> tuple[int, int]:
        return len(self.canaries), self.token_hits

    def to_json(self) -> dict[str, Any]:
        p = self.packet
        return {
            "packet": p.id, "recipient": self.recipient, "recipient_fingerprint": p.recipient_fingerprint,
            "nda": p.nda_id, "sent_at": p.created_at, "canaries_found": len(self.canaries),
            "canaries_sent": self.canaries_sent, "canary_rows": [h.file_row for h in self.canaries],
            "token_hits": self.token_hits, "tokens_sampled": self.tokens_sampled,
        }  # fmt: skip

    def describe(self) -> list[str]:
        p = self.packet
        out = [
            f"packet {p.id} sent to {self.recipient} on {p.created_at[:10]} under {p.nda_id} "
            f"({p.dataset}, {p.rows:,} rows)",
            "  recipient fingerprint " + " / ".join(fingerprint.lines(p.recipient_fingerprint)),
        ]
        if self.canaries:
            where = ", ".join(f"line/row {h.file_row} of the file (sent as data row {h.payload_row})"
                              for h in self.canaries)  # fmt: skip
            out.append(f"  {len(self.canaries)} of its {self.canaries_sent} canary rows found: {where}")
        if self.token_hits:
            out.append(f"  {self.token_hits} pseudonym tokens that only this packet carried (of {self.tokens_sampled} "
                       "sampled from it)")  # fmt: skip
        return out


@dataclass
class TraceReport:
    path: Path
    rows_read: int
    tokens_seen: int
    matches: list[PacketMatch]

    def to_json(self) -> dict[str, Any]:
        return {"file": str(self.path), "rows": self.rows_read, "tokens": self.tokens_seen,
                "matches": [m.to_json() for m in self.matches]}  # fmt: skip

    @property
    def recipients(self) -> list[str]:
        return list(dict.fromkeys(m.packet.recipient_fingerprint for m in self.matches))

    def describe(self) -> list[str]:
        out = [f"{self.path.name}: {self.rows_read:,} rows read, {self.tokens_seen:,} distinct pseudonym tokens"]
        if not self.matches:
            out.append("No packet sent from this vault matches this file (no canary row, no sampled token found).")
            if self.tokens_seen:
                out.append("Its tokens may come from this deal's own previews and exports, or from another vault.")
            return out
        best = self.matches[0]
        if len(self.recipients) == 1:
            out.append(f"It matches packets sent to {best.recipient} only.")
        else:
            out.append(f"It matches packets sent to {len(self.recipients)} different recipients; the strongest first.")
        for m in self.matches:
            out += m.describe()
        return out


class _Canaries:
    """Every canary sent, indexed by its rarest value."""

    def __init__(self, planted: Iterable[tuple[str, int, int, list[str]]]) -> None:
        self.by_value: dict[str, list[tuple[str, int, int, frozenset[str]]]] = defaultdict(list)
        self.count: dict[str, int] = defaultdict(int)
        for packet_id, seq, payload_row, values in planted:
            cleaned = frozenset(_clean(v) for v in values if _clean(v))
            self.count[packet_id] += 1
            if len(cleaned) < 2:
                continue  # one value alone could be anybody's
            key = max(cleaned, key=lambda v: (bool(TOKEN.fullmatch(v)), len(v)))
            self.by_value[key].append((packet_id, seq, payload_row, cleaned))

    def hits(self, row: set[str]) -> list[tuple[str, int, int]]:
        found = []
        for value in row:
            for packet_id, seq, payload_row, cleaned in self.by_value.get(value, ()):
                if cleaned == row:
                    found.append((packet_id, seq, payload_row))
        return found


def _ignore(code: str, position: int) -> None:
    """Reading notes (merged cells, formulas) do not matter for tracing."""


def trace(conn: Connection, path: Path, *, progress: Progress = no_progress,
          cancel: CancelToken | None = None) -> TraceReport:  # fmt: skip
    """Read ``path`` and report the sent packets it matches, strongest evidence first.

    Every record of the file is compared, header and label lines included (they simply match nothing), so the
    file's own layout does not matter; positions are the file's line (CSV) or sheet row (workbook) numbers.
    """
    path = Path(path)
    fmt = sniff(path)
    canaries = _Canaries(records.canaries(conn))
    hits: dict[str, list[CanaryHit]] = defaultdict(list)
    tokens: set[str] = set()
    rows_read = 0
    source: CsvSource | XlsxSource
    if fmt.kind == "csv":
        source = CsvSource(path, fmt.encoding or "utf-8", fmt.delimiter or ",", fmt.quotechar)
    else:
        source = XlsxSource(path, fmt.kind, fmt.sheet, _ignore)
    try:
        while batch := source.read(BATCH):
            if cancel is not None:
                cancel.check()
            for row, position in zip(batch, source.positions(batch), strict=True):
                cells = {_clean(v) for v in row if v}
                cells.discard("")
                if not cells:
                    continue
                rows_read += 1
                for packet_id, seq, payload_row in canaries.hits(cells):
                    hits[packet_id].append(CanaryHit(seq, payload_row, position))
                if len(tokens) < MAX_TOKENS:
                    tokens.update(v for v in cells if len(v) == 20 and TOKEN.fullmatch(v))
            progress(*source.progress)
    finally:
        source.close()
    token_hits: dict[str, int] = defaultdict(int)
    sampled = sorted(t for t in tokens if t.endswith(TOKEN_SAMPLE_SUFFIX))
    for packets in records.token_packets(conn, sampled).values():
        for packet_id in packets:  # packets to the same recipient share its tokens: each counts them
            token_hits[packet_id] += 1
    matches = []
    for packet_id in set(hits) | set(token_hits):
        packet = records.sent(conn, packet_id)
        card = counterparties.find(conn, packet.recipient_fingerprint)
        p = card.card.party if card else None
        who = f"{p.organisation} ({p.person})" if p else packet.recipient_fingerprint[:17]
        matches.append(PacketMatch(packet, who, sorted(hits.get(packet_id, []), key=lambda h: h.file_row),
                                   canaries.count.get(packet_id, 0), token_hits.get(packet_id, 0),
                                   records.sampled_tokens(conn, packet_id)))  # fmt: skip
    matches.sort(key=lambda m: m.strength, reverse=True)
    return TraceReport(path, rows_read, len(tokens), matches)
