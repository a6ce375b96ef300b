"""Redacted export to CSV or XLSX: streamed in batches, neutralised against formula injection, labelled.

* Every cell — headers and comment lines included — that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is prefixed with ``'``, so no spreadsheet can read it as a formula (OWASP "CSV injection"),
  after masking (:mod:`dataroom.core.redaction.export_chunks`).
* Rows go out in chunks of row numbers; a big export shares them with worker processes
  (:mod:`dataroom.core.redaction.export_workers`), which changes nothing in the file.
* The file states what it is: dataset and its source hash, policy version and content hash, and
  "de-identified, not anonymised / 已去标识化，非匿名化" (PIPL art. 73) — comment lines above the CSV header, or
  an "About" sheet in the workbook.
* Only the target file is written, atomically (``atomic_writer``: a private temp file beside it, renamed at the
  end); a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_writer
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError
from dataroom.core.redaction import xlsx
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export_chunks import neutralise, neutralise_column
from dataroom.core.redaction.export_workers import ChunkCounts, VaultReader, export_chunks

FORMATS = ("csv", "xlsx")
ENCODINGS = ("utf-8", "gb18030")
LABEL = "de-identified, not anonymised / 已去标识化，非匿名化 (PIPL art. 73)"


@dataclass(frozen=True)
class ExportLabel:
    """What the exported file says about itself."""

    dataset: str
    dataset_sha256: str
    rows: int
    policy_version: int
    policy_sha256: str
    exported_at: str

    def lines(self) -> list[str]:
        return [
            f"# Dataroom redacted export — {LABEL}",
            f"# dataset: {self.dataset} ({self.rows} rows); source SHA-256 {self.dataset_sha256}",
            f"# redaction policy: version {self.policy_version}; SHA-256 {self.policy_sha256}",
            f"# exported (UTC): {self.exported_at}",
        ]


@dataclass(frozen=True)
class ExportResult:
    """The written file and what went into it."""

    path: Path
    format: str
    encoding: str | None
    rows: int
    columns: list[str]
    blanked: int
    dropped: int
    sha256: str

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "encoding": self.encoding,
            "rows": self.rows,
            "columns": self.columns,
            "blanked": self.blanked,
            "dropped": self.dropped,
            "sha256": self.sha256,
        }


def _write_csv(
    fh: Any, encoding: str, label: ExportLabel, headers: Sequence[str], chunks: Iterator[bytes], digest: Any
) -> None:
    """Label lines, header and ``chunks`` to ``fh``; ``digest`` takes every byte written (no second read)."""
    head = io.StringIO()
    writer = csv.writer(head, lineterminator="\r\n")
    for line in label.lines():
        writer.writerow([neutralise(line)])
    writer.writerow(neutralise_column(list(headers)))
    for data in itertools.chain([head.getvalue().encode("utf-8-sig" if encoding == "utf-8" else encoding)], chunks):
        fh.write(data)
        digest.update(data)


def _write_xlsx(fh: Any, label: ExportLabel, headers: Sequence[str], chunks: Iterator[tuple[bytes, int]]) -> None:
    """The About sheet with the label lines, then the rows in as many Data sheets as Excel's row limit needs."""
    book = xlsx.XlsxWriter(fh)
    book.sheet("About", [[neutralise(line.lstrip("# "))] for line in label.lines()])
    header = xlsx.row_xml(neutralise_column(list(headers))).encode()
    for sheet, pieces in itertools.groupby(_sheet_pieces(chunks, xlsx.MAX_ROWS - 1), key=itemgetter(0)):
        with book.sheet_stream("Data" if sheet == 1 else f"Data ({sheet})") as out:
            out.write(header)
            for _, piece in pieces:
                out.write(piece)
    book.close()


def _sheet_pieces(chunks: Iterator[tuple[bytes, int]], room: int) -> Iterator[tuple[int, bytes]]:
    """(sheet number, worksheet rows) pieces of ``chunks`` that put at most ``room`` rows on a sheet; sheet 1 comes
    even without rows, so the header is always written."""
    sheet, left = 1, room
    yield sheet, b""
    for data, rows in chunks:
        while rows > left:
            cut = 0
            for _ in range(left):
                cut = data.index(b"</row>", cut) + len(b"</row>")
            yield sheet, data[:cut]
            data, rows, sheet, left = data[cut:], rows - left, sheet + 1, room
        left -= rows
        yield sheet, data


def write(
    conn: Any,
    info: DatasetInfo,
    compiled: CompiledPolicy,
    out: Path,
    label: ExportLabel,
    *,
    fmt: str = "csv",
    encoding: str = "utf-8",
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    reader: VaultReader | None = None,
) -> ExportResult:
    """Write the redacted view of ``info`` to ``out`` (CSV in ``encoding``, or XLSX). With a ``reader``, a big
    export is shared with worker processes that redact as ``compiled`` does."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown export format {fmt!r}; use csv or xlsx.")
    if encoding not in ENCODINGS:
        raise InputError(f"Unknown encoding {encoding!r}; use utf-8 (with BOM, the default) or gb18030.")
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name.")
    counts = ChunkCounts()
    digest = hashlib.sha256()
    with atomic_writer(out) as fh:
        chunks = export_chunks(
            conn, info, compiled, fmt, encoding, counts, reader=reader, progress=progress, cancel=cancel
        )
        with contextlib.closing(chunks):  # stops the workers at once if writing fails (e.g. a full disk)
            if fmt == "csv":
                _write_csv(fh, encoding, label, compiled.headers, (data for data, _ in chunks), digest)
            else:
                _write_xlsx(fh, label, compiled.headers, chunks)
    if fmt == "xlsx":
        with open(out, "rb") as done:
            while block := done.read(1 << 20):
                digest.update(block)
    return ExportResult(out, fmt, encoding if fmt == "csv" else None, counts.rows, compiled.headers, counts.blanked,
                        counts.dropped, digest.hexdigest())  # fmt: skip
