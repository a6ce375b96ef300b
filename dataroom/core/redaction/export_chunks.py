"""The redacted export's unit of work: one range of row numbers, redacted, neutralised and made CSV or XLSX bytes.

Chunks are ranges of the row number (``rn``), not of positions, so any process can redact chunk ``k`` on its own
with one keyset read (``rn > k·CHUNK_ROWS AND rn <= (k+1)·CHUNK_ROWS``) and the concatenation of every chunk's
bytes in order is the same file whichever process made which chunk.

Every cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with ``'``, so no
spreadsheet can read it as a formula (OWASP "CSV injection"). The check runs on the redacted values, i.e. after
masking, so a mask can never produce a live formula either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from dataroom.core.datasets.store import DatasetInfo, read_columns
from dataroom.core.redaction import xlsx
from dataroom.core.redaction.csv_text import csv_columns_text, csv_text
from dataroom.core.redaction.engine import CompiledPolicy, RedactedColumns

CHUNK_ROWS = 20_000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_SET = frozenset(_FORMULA_STARTS)
_RISKY_START = re.compile("\x00[=+\\-@\t\r]")


def neutralise(value: str) -> str:
    """``value`` made inert for spreadsheets: a leading ``= + - @ TAB CR`` gets a ``'`` in front."""
    return "'" + value if value[:1] in _FORMULA_SET else value


def neutralise_column(values: list[str]) -> list[str]:
    """:func:`neutralise` over a column; a column without any risky first character (the usual case) is checked
    with one C-level scan of the joined text instead of a Python test per cell."""
    if _RISKY_START.search("\x00" + "\x00".join(values)) is None:
        return values
    return [neutralise(v) for v in values]


@dataclass(frozen=True)
class Chunking:
    """How ``info``'s rows are cut: ``count`` chunks of ``size`` row numbers, up to row number ``top``."""

    size: int
    count: int
    top: int

    @classmethod
    def of(cls, conn: Any, info: DatasetInfo) -> Chunking:
        top = conn.execute(f"SELECT max(rn) FROM {info.table}").fetchone()[0] or 0
        return cls(CHUNK_ROWS, -(-top // CHUNK_ROWS), top)

    def done(self, number: int) -> int:
        """Row numbers covered once chunk ``number`` is done (for progress), out of ``top``."""
        return min((number + 1) * self.size, self.top)


def redact_chunk(
    conn: Any, info: DatasetInfo, compiled: CompiledPolicy, chunking: Chunking, number: int, *, neutralised: bool = True
) -> RedactedColumns:
    """Chunk ``number`` (0-based) of ``info``'s rows, redacted by ``compiled`` and (for a file meant for spreadsheets,
    unless ``neutralised`` is false) neutralised, column by column."""
    sources = compiled.sources()
    low = number * chunking.size
    numbers, columns = read_columns(conn, info, sources, low, low + chunking.size)
    finish = neutralise_column if neutralised else None
    return compiled.redact_columns(numbers, dict(zip(sources, columns, strict=True)), finish=finish)


def rows_of(batch: RedactedColumns) -> list[tuple[str, ...]]:
    """``batch`` as row tuples."""
    if batch.columns:
        return list(zip(*batch.columns, strict=True))
    return [() for _ in batch.row_numbers]  # a policy that releases no column still writes one record per row


@dataclass(frozen=True)
class Made:
    """One chunk made: its bytes, (rows it holds, rows blanked, rows dropped), and whatever else its maker
    reports (picklable; ``None`` for nothing)."""

    data: bytes
    tally: tuple[int, int, int]
    extra: Any = None


@dataclass(frozen=True)
class FileChunks:
    """The export file's chunks: redacted, neutralised, as CSV records in ``encoding`` or worksheet rows."""

    info: DatasetInfo
    chunking: Chunking
    fmt: str
    encoding: str

    def make(self, conn: Any, compiled: CompiledPolicy | None, number: int) -> Made:
        """Chunk ``number``, made."""
        if compiled is None:
            raise ValueError("an export file is always redacted by a policy")
        batch = redact_chunk(conn, self.info, compiled, self.chunking, number)
        data = chunk_bytes(batch, self.fmt, self.encoding)
        return Made(data, (len(batch.row_numbers), batch.blanked, batch.dropped))


def chunk_bytes(batch: RedactedColumns, fmt: str, encoding: str) -> bytes:
    """``batch`` as the bytes the export file holds for it: CSV records (CRLF, minimal quoting, as ``csv.writer``
    writes them) in ``encoding``, or for ``xlsx`` the worksheet's ``<row>`` elements in UTF-8."""
    if fmt == "xlsx":
        return (xlsx.rows_xml(batch.columns) if batch.columns else "<row></row>" * len(batch.row_numbers)).encode()
    text = csv_columns_text(batch.columns) if batch.columns else csv_text(rows_of(batch))
    return text.encode(encoding)
