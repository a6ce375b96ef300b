"""A transfer packet's payload, chunk by chunk: the rows of one range of row numbers, redacted (or as stored, for a
full packet), with the recipient's canary rows placed among them, as CSV records.

Chunks are the ranges of :mod:`~dataroom.core.redaction.export_chunks`, so a worker process can make any of them
(:mod:`~dataroom.core.redaction.export_workers`) and the payload is the same bytes whoever made which chunk. A
canary goes before the first row whose number is at least its place; one whose place is past the chunk's last row
goes at the chunk's end, which is where the next chunk's rows begin; the last chunk takes every canary placed past
the dataset's end. Each chunk also reports where in it the canaries went and the tokens it samples for tracing
(those ending in :data:`TOKEN_SAMPLE_SUFFIX`), and the caller turns them into the packet's record.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

from dataroom.core.datasets.store import DatasetInfo, read_columns
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.csv_text import csv_columns_text, csv_text
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export_chunks import Chunking, Made, redact_chunk

#: Tokens ending in this character (1 in 32) are recorded for tracing a leaked copy back to its packet.
TOKEN_SAMPLE_SUFFIX = "A"


@dataclass(frozen=True)
class Placed:
    """What a chunk reports besides its bytes: (row within the chunk, 1-based; index into the canaries) of each
    canary it holds, and its sampled tokens."""

    canaries: list[tuple[int, int]]
    tokens: list[str]


@dataclass(frozen=True)
class PayloadChunks:
    """The payload's chunks for one packet; ``sampled`` are the output columns whose tokens are sampled."""

    info: DatasetInfo
    chunking: Chunking
    canary_at: tuple[int, ...]
    canary_rows: tuple[tuple[str, ...], ...]
    sampled: tuple[int, ...]

    def __post_init__(self) -> None:
        if list(self.canary_at) != sorted(self.canary_at) or len(self.canary_at) != len(self.canary_rows):
            raise ValueError("canary places must be ascending, one per canary row")

    @classmethod
    def of(
        cls,
        conn: Any,
        info: DatasetInfo,
        compiled: CompiledPolicy | None,
        canary_at: Sequence[int],
        canary_rows: Sequence[tuple[str, ...]],
    ) -> PayloadChunks:
        found = Chunking.of(conn, info)
        # At least one chunk, even for a dataset whose rows were all erased: it carries the canaries.
        chunking = Chunking(found.size, max(found.count, 1), found.top)
        sampled = () if compiled is None else tuple(i for i, o in enumerate(compiled.outputs) if o.op == ops.PSEUDONYM)
        return cls(info, chunking, tuple(canary_at), tuple(map(tuple, canary_rows)), sampled)

    def make(self, conn: Any, compiled: CompiledPolicy | None, number: int) -> Made:
        """Chunk ``number``'s records, with a :class:`Placed` as its extra."""
        low = number * self.chunking.size
        high = low + self.chunking.size
        if compiled is None:
            positions = list(range(1, self.info.column_count + 1))
            numbers, columns = read_columns(conn, self.info, positions, low, high)
            blanked = dropped = 0
        else:
            # A payload is data for the recipient's vault, not a spreadsheet: no formula neutralising.
            red = redact_chunk(conn, self.info, compiled, self.chunking, number, neutralised=False)
            numbers, columns, blanked, dropped = red.row_numbers, red.columns, red.blanked, red.dropped
        tokens = [t for t in chain.from_iterable(columns[i] for i in self.sampled) if t.endswith(TOKEN_SAMPLE_SUFFIX)]
        first = bisect_right(self.canary_at, low)
        last = len(self.canary_at) if number == self.chunking.count - 1 else bisect_right(self.canary_at, high)
        if first == last:
            text = csv_columns_text(columns) if numbers else ""
            return Made(text.encode("utf-8"), (len(numbers), blanked, dropped), Placed([], tokens))
        rows: list[tuple[Any, ...]] = []
        placed: list[tuple[int, int]] = []
        pending = first
        for n, row in zip(numbers, zip(*columns, strict=True), strict=True):
            while pending < last and self.canary_at[pending] <= n:
                rows.append(self.canary_rows[pending])
                placed.append((len(rows), pending))
                pending += 1
            rows.append(row)
        for k in range(pending, last):  # placed past the chunk's last row
            rows.append(self.canary_rows[k])
            placed.append((len(rows), k))
        return Made(csv_text(rows).encode("utf-8"), (len(rows), blanked, dropped), Placed(placed, tokens))
