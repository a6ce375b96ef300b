"""Redacted export to CSV or XLSX: streamed in batches, neutralised against formula injection, labelled.

* Every cell — headers and comment lines included — that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return is prefixed with ``'``, so no spreadsheet can read it as a formula (OWASP "CSV injection").
  The check runs on the redacted values, i.e. after masking, so a mask can never produce a live formula either.
* The file states what it is: dataset and its source hash, policy version and content hash, and
  "de-identified, not anonymised / 已去标识化，非匿名化" (PIPL art. 73) — comment lines above the CSV header, or
  an "About" sheet in the workbook.
* Only the target file is written, atomically (``atomic_writer``: a private temp file beside it, renamed at the
  end); a cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import csv
import hashlib
import io
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_writer
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets.store import DatasetInfo, column_name
from dataroom.core.errors import InputError
from dataroom.core.redaction import xlsx
from dataroom.core.redaction.csv_text import csv_columns_text, csv_text
from dataroom.core.redaction.engine import CompiledPolicy, RedactedColumns

BATCH = 20_000
FORMATS = ("csv", "xlsx")
ENCODINGS = ("utf-8", "gb18030")
LABEL = "de-identified, not anonymised / 已去标识化，非匿名化 (PIPL art. 73)"
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


class _Counts:
    def __init__(self) -> None:
        self.rows = self.blanked = self.dropped = 0


def _redacted_batches(
    conn: Any,
    info: DatasetInfo,
    compiled: CompiledPolicy,
    counts: _Counts,
    progress: Progress,
    cancel: CancelToken | None,
) -> Iterator[RedactedColumns]:
    """Batches of neutralised redacted cells, column by column, in row order."""
    sources = compiled.sources()
    cols = ", ".join(column_name(p) for p in sources) or "rn"
    cur = conn.execute(f"SELECT rn, {cols} FROM {info.table} ORDER BY rn")
    done = 0
    while batch := cur.fetchmany(BATCH):
        if cancel is not None:
            cancel.check()
        redacted = compiled.apply_columns(batch, sources, finish=neutralise_column)
        counts.rows += len(redacted.row_numbers)
        counts.blanked += redacted.blanked
        counts.dropped += redacted.dropped
        done += len(batch)
        progress(done, info.row_count)
        yield redacted


def _rows(batch: RedactedColumns) -> list[tuple[str, ...]]:
    if batch.columns:
        return list(zip(*batch.columns, strict=True))
    return [() for _ in batch.row_numbers]  # a policy that releases no column still writes one record per row


def _write_csv(fh: Any, encoding: str, label: ExportLabel, headers: Sequence[str], batches: Iterator[Any]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8-sig" if encoding == "utf-8" else encoding, newline="")
    try:
        writer = csv.writer(text, lineterminator="\r\n")
        for line in label.lines():
            writer.writerow([neutralise(line)])
        writer.writerow(neutralise_column(list(headers)))
        for batch in batches:
            text.write(csv_columns_text(batch.columns) if batch.columns else csv_text(_rows(batch)))
        text.flush()
    finally:
        text.detach()  # the atomic writer owns (and closes) the binary file


def _write_xlsx(fh: Any, label: ExportLabel, headers: Sequence[str], batches: Iterator[Any]) -> None:
    book = xlsx.XlsxWriter(fh)
    book.sheet("About", [[neutralise(line.lstrip("# "))] for line in label.lines()])
    rows = itertools.chain.from_iterable(map(_rows, batches))
    header = neutralise_column(list(headers))
    sheet = 1
    while True:
        chunk = list(itertools.islice(rows, 1))
        if not chunk and sheet > 1:
            break
        body = itertools.chain(chunk, itertools.islice(rows, xlsx.MAX_ROWS - 2))
        book.sheet("Data" if sheet == 1 else f"Data ({sheet})", itertools.chain([header], body))
        sheet += 1
    book.close()


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
) -> ExportResult:
    """Write the redacted view of ``info`` to ``out`` (CSV in ``encoding``, or XLSX)."""
    if fmt not in FORMATS:
        raise InputError(f"Unknown export format {fmt!r}; use csv or xlsx.")
    if encoding not in ENCODINGS:
        raise InputError(f"Unknown encoding {encoding!r}; use utf-8 (with BOM, the default) or gb18030.")
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name.")
    counts = _Counts()
    batches = _redacted_batches(conn, info, compiled, counts, progress, cancel)
    with atomic_writer(out) as fh:
        if fmt == "csv":
            _write_csv(fh, encoding, label, compiled.headers, batches)
        else:
            _write_xlsx(fh, label, compiled.headers, batches)
    digest = hashlib.sha256()
    with open(out, "rb") as done:
        while block := done.read(1 << 20):
            digest.update(block)
    return ExportResult(out, fmt, encoding if fmt == "csv" else None, counts.rows, compiled.headers, counts.blanked,
                        counts.dropped, digest.hexdigest())  # fmt: skip
