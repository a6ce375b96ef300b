"""The public reading API: detect a table file's format, preview it, and stream its rows as text.

Row rules, the same for every kind of file:

* Blank rows (an empty line; a sheet row without any value) are skipped; those between data rows are reported
  as ``blank-rows-skipped``.
* A CSV row with fewer fields than the header is padded with empty values. A row with more fields keeps them
  all: trailing empty extra fields are dropped (reported as ``extra-empty-fields``), and non-empty extra fields
  are appended to the last column, joined with the delimiter (a tab for workbooks), so no text is lost. Both
  kinds of mismatched row are yielded as :class:`RaggedRow` (``row.ragged`` is True, with the source position
  and the original field count) and reported together as ``ragged-row``, so the importer can refuse or accept.
  Every yielded row has exactly ``len(header)`` values.
* In a workbook, a row is only ragged when it has values beyond the table's width (the widest of the header and
  the first rows); shorter rows simply have empty cells.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import chain, count
from pathlib import Path
from types import TracebackType
from typing import Literal, Protocol

from dataroom.core.ingest.csv_reader import SEPARATOR, CsvSource, parse_sample, sniff_dialect
from dataroom.core.ingest.detect import SAMPLE_BYTES, codec_for, detect_encoding, detect_kind
from dataroom.core.ingest.errors import EmptyFile, HeaderOnly
from dataroom.core.ingest.xlsx_reader import XlsxSource

#: Positions listed in a warning; ``count`` has the total.
MAX_LISTED = 10
#: Rows compared with the first one to decide whether it is a header.
_HEADER_SAMPLE_ROWS = 50
_MAX_VALUE_CHARS = 64
_VALUE = re.compile(
    r"""[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?          # numbers, with thousands separators or a percent sign
    | [+-]?\.\d+
    | \d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?([ T]\d{1,2}:\d{2}(:\d{2})?)?   # dates, date-times
    | \d{1,2}:\d{2}(:\d{2})?                          # times
    | \d{17}[\dXx]                                    # resident identity card numbers
    | \+?\d[\d -]{5,}\d                               # phone numbers
    | [^@\s]+@[^@\s]+\.\w+                            # e-mail addresses
    | (?i:true|false)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class SourceFormat:
    """What :func:`sniff` detected; shown to the user, who may change any field before reading."""

    kind: Literal["csv", "xlsx", "xls"]
    #: e.g. "utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16"; None for workbooks. GBK decodes as GB18030.
    encoding: str | None
    delimiter: str | None
    #: None for CSV without quoting.
    quotechar: str | None
    #: The chosen sheet of a workbook.
    sheet: str | None
    #: Every sheet name of a workbook, in workbook order; empty for CSV.
    sheets: tuple[str, ...]
    #: Whether the first row names the columns.
    has_header: bool


@dataclass
class IngestWarning:
    """Something about the file the user should know; complete once reading has finished."""

    code: str
    #: Plain English sentence.
    message: str
    #: 1-based source line (CSV) or sheet row (workbook) numbers, the first ``MAX_LISTED`` only.
    rows: list[int] = field(default_factory=list)
    count: int = 0


class RaggedRow(list[str]):
    """A row whose field count differed from the header's, already fitted to the header (see the module doc)."""

    __slots__ = ("field_count", "position")
    ragged = True

    def __init__(self, values: list[str], position: int, field_count: int) -> None:
        super().__init__(values)
        #: Source line (CSV) or sheet row (workbook), 1-based.
        self.position = position
        #: Number of fields the row had in the file.
        self.field_count = field_count


class _Source(Protocol):
    unit: str
    joiner: str

    @property
    def progress(self) -> tuple[int, int]: ...

    def read(self, size: int) -> list[list[str]]: ...

    def positions(self, rows: list[list[str]]) -> list[int]: ...

    def close(self) -> None: ...


def sniff(path: Path, *, sheet: str | int | None = None) -> SourceFormat:
    """Detect a table file's format: kind, encoding and dialect for text, sheets for workbooks, and a header.

    ``sheet`` (a name, or a 0-based index) picks a workbook sheet; by default the first visible worksheet.

    Raises:
        InputError: a subclass from :mod:`dataroom.core.ingest.errors` saying why the file cannot be read.
    """
    path = Path(path)
    kind = detect_kind(path)
    if kind == "csv":
        encoding = detect_encoding(path)
        sample, truncated = _text_sample(path, encoding)
        delimiter, quotechar = sniff_dialect(sample, truncated=truncated)
        rows = [r for r in parse_sample(sample, delimiter, quotechar, truncated=truncated) if r]
        return SourceFormat(kind, encoding, delimiter, quotechar, None, (), not _first_row_is_data(rows))
    source = XlsxSource(path, kind, sheet, _ignore_note)
    try:
        rows = [r for r in source.read(_HEADER_SAMPLE_ROWS) if r]
    finally:
        source.close()
    return SourceFormat(kind, None, None, None, source.sheet, source.sheets, not _first_row_is_data(rows))


def preview(path: Path, fmt: SourceFormat, limit: int = 20) -> tuple[list[str], list[list[str]], list[IngestWarning]]:
    """Header, the first ``limit`` data rows and the warnings seen so far, as :class:`TableReader` would give them.

    Raises:
        InputError: as :class:`TableReader`.
    """
    with TableReader(Path(path), fmt) as reader:
        rows = next(reader.batches(limit), [])
        return reader.header, rows, list(reader.warnings)


class TableReader:
    """Streams a table file's rows as lists of text, in batches; a context manager.

    ``header`` and ``source_header`` are ready after construction; ``warnings`` grows while reading and is
    complete after the last batch. Construction fails early on files without data rows.

    Raises:
        InputError: a subclass from :mod:`dataroom.core.ingest.errors` (on construction or while reading).
    """

    header: list[str]
    source_header: list[str]
    warnings: list[IngestWarning]

    def __init__(self, path: Path, fmt: SourceFormat) -> None:
        path = Path(path)
        self._log = _WarningLog(CsvSource.unit if fmt.kind == "csv" else XlsxSource.unit)
        self.warnings = self._log.warnings
        self._source: _Source
        if fmt.kind == "csv":
            self._source = CsvSource(path, fmt.encoding or "utf-8", fmt.delimiter or ",", fmt.quotechar or None)
        else:
            self._source = XlsxSource(path, fmt.kind, fmt.sheet, self._log.add)
        self._log.joiner = self._source.joiner
        self._blank_pending: list[int] = []
        try:
            first, position = self._first_row()
            if fmt.has_header:
                self.source_header = first
                self.header = _clean_header(first, position, self._log)
            else:
                self.source_header = []
                self.header = [f"column_{i}" for i in range(1, len(first) + 1)]
            self._width = self._log.width = len(self.header)
            self._pending = [] if fmt.has_header else [first]
            while not self._pending:
                rows = self._source.read(1)
                if not rows:
                    raise HeaderOnly("The file has a header row but no data rows.")
                self._pending = self._fitted(rows)
            self._log.refresh()
        except BaseException:
            self._source.close()
            raise

    @property
    def progress(self) -> tuple[int, int]:
        """(units done, units total): bytes for CSV, rows for workbooks (total 0 when unknown)."""
        return self._source.progress

    def batches(self, size: int = 5000) -> Iterator[list[list[str]]]:
        """Data rows in lists of up to ``size``; each row has ``len(header)`` values (see the module doc)."""
        if size < 1:
            raise ValueError("batch size must be positive")
        batch, self._pending = self._pending, []
        while True:
            while len(batch) < size and (rows := self._source.read(size - len(batch))):
                fitted = self._fitted(rows)
                if batch:
                    batch.extend(fitted)
                else:
                    batch = fitted
            self._log.refresh()
            if not batch:
                return
            yield batch
            batch = []

    def flat_batches(self, size: int = 5000) -> Iterator[tuple[list[str], int]]:
        """The rows of :meth:`batches`, each batch as (its values one row after another, its row count)."""
        for batch in self.batches(size):
            yield list(chain.from_iterable(batch)), len(batch)

    def joined_batches(self, size: int = 5000) -> Iterator[tuple[bytes, int]]:
        """The rows of :meth:`batches`, each batch as (its values joined by ``SEPARATOR`` in UTF-8, its row count).

        Stretches of a text file that need no fitting (see :meth:`CsvSource.read_joined`) go from the decoded
        text to the joined form without a Python string per value, in blocks of their own size; the rest come in
        batches of up to ``size`` rows.
        """
        if size < 1:
            raise ValueError("batch size must be positive")
        read_joined = getattr(self._source, "read_joined", None)
        pending, self._pending = self._pending, []
        if pending:
            yield _join(pending), len(pending)
        while True:
            joined = read_joined(self._width) if read_joined else None
            if joined is None:
                rows = self._source.read(size)
                if not rows:
                    return
                fitted = self._fitted(rows)
                joined = (_join(fitted), len(fitted)) if fitted else None
            elif self._blank_pending:
                self._log.blank(self._blank_pending)
            self._log.refresh()
            if joined is not None:
                yield joined

    def close(self) -> None:
        """Release the file."""
        self._source.close()

    def __enter__(self) -> TableReader:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def _first_row(self) -> tuple[list[str], int]:
        # Blank rows above the table are layout, not news: they are skipped without a warning.
        while rows := self._source.read(1):
            if rows[0]:
                return rows[0], self._source.positions(rows)[0]
        raise EmptyFile("The file holds no rows.")

    def _fitted(self, rows: list[list[str]]) -> list[list[str]]:
        """``rows`` without blank rows and with ragged rows fitted; the fast path only checks lengths."""
        width = self._width
        if set(map(len, rows)) == {width}:
            if self._blank_pending:
                self._log.blank(self._blank_pending)
            return rows
        out: list[list[str]] = []
        for row, position in zip(rows, self._source.positions(rows), strict=True):
            fields = len(row)
            if not fields:
                self._blank_pending.append(position)
                continue
            if fields < width:
                row = RaggedRow(row + [""] * (width - fields), position, fields)
                self._log.ragged(position, short=True)
            elif fields > width:
                end = fields
                while end > width and not row[end - 1]:
                    end -= 1
                if end == width:
                    row = row[:width]
                    self._log.add("extra-empty-fields", position)
                else:
                    joined = self._source.joiner.join(row[width - 1 : end])
                    row = RaggedRow([*row[: width - 1], joined], position, fields)
                    self._log.ragged(position, short=False)
            if self._blank_pending:
                self._log.blank(self._blank_pending)
            out.append(row)
        return out


def _join(rows: list[list[str]]) -> bytes:
    return SEPARATOR.join(chain.from_iterable(rows)).encode("utf-8")


def _ignore_note(code: str, position: int) -> None:
    """Sniffing reports nothing; the reader reports notes while reading."""


def _text_sample(path: Path, encoding: str) -> tuple[str, bool]:
    """The decoded start of a text file, and whether the file continues past it."""
    with open(path, "rb") as f:
        data = f.read(SAMPLE_BYTES)
        truncated = bool(f.read(1))
    decoder = codecs.getincrementaldecoder(codec_for(encoding))(errors="replace")
    return decoder.decode(data, final=not truncated), truncated


def _is_value(cell: str) -> bool:
    # Values worth recognising are short; the length limit also keeps the e-mail pattern from backtracking.
    cell = cell.strip()
    return len(cell) <= _MAX_VALUE_CHARS and _VALUE.fullmatch(cell) is not None


def _first_row_is_data(rows: list[list[str]]) -> bool:
    """Whether the first row looks like data rather than a header.

    A header names columns: where a column's other values are mostly numbers, dates, IDs, phones or e-mails, a
    header has text there. The first row is data only if, in such columns, it holds the same kind of value and
    nowhere text; with a single row, if every cell is such a value. Tables of text only keep the header.
    """
    if not rows:
        return False
    first, rest = rows[0], rows[1:_HEADER_SAMPLE_ROWS]
    if not rest:
        cells = [c for c in first if c.strip()]
        return bool(cells) and all(map(_is_value, cells))
    data_like = header_like = False
    for j, cell in enumerate(first):
        column = [r[j] for r in rest if j < len(r) and r[j].strip()]
        if not cell.strip() or not column:
            continue
        if sum(map(_is_value, column)) >= 0.8 * len(column):
            if _is_value(cell):
                data_like = True
            else:
                header_like = True
    return data_like and not header_like


def _clean_header(names: list[str], position: int, log: _WarningLog) -> list[str]:
    """Stripped names; empty ones become ``column_<n>``, repeated ones ``<name>_<k>``.

    Repeats are found case-insensitively because the names become column names, and SQL identifiers are not
    case-sensitive. Generated names never collide with a name in the file.
    """
    stripped = [n.strip().lstrip("\ufeff").strip() for n in names]
    taken = {n.casefold() for n in stripped if n}
    seen: set[str] = set()
    out: list[str] = []
    empty: list[int] = []
    repeated: list[int] = []
    for number, name in enumerate(stripped, 1):
        if not name:
            empty.append(number)
            base = f"column_{number}"
            candidates: Iterator[str] = chain([base], (f"{base}_{k}" for k in count(2)))
        elif name.casefold() in seen:
            repeated.append(number)
            candidates = (f"{name}_{k}" for k in count(2))
        else:
            candidates = iter([name])
        final = next(c for c in candidates if c.casefold() not in seen and (c == name or c.casefold() not in taken))
        out.append(final)
        seen.add(final.casefold())
    if empty:
        log.header_issue("empty-header", position, empty, [out[i - 1] for i in empty])
    if repeated:
        log.header_issue("duplicate-header", position, repeated, [out[i - 1] for i in repeated])
    return out


class _WarningLog:
    """Warnings by code, updated in place as occurrences come in (so ``TableReader.warnings`` is live)."""

    def __init__(self, unit: str) -> None:
        self.warnings: list[IngestWarning] = []
        self._by_code: dict[str, IngestWarning] = {}
        self._stale: dict[str, IngestWarning] = {}
        self._short = self._long = 0
        self.unit = unit
        self.joiner = ","
        self.width = 0

    def add(self, code: str, position: int) -> None:
        """Record one occurrence of ``code`` (a key of ``_MESSAGES``) at a source position."""
        warning = self._by_code.get(code)
        if warning is None:
            warning = self._by_code[code] = IngestWarning(code, "")
            self.warnings.append(warning)
        if len(warning.rows) < MAX_LISTED:
            warning.rows.append(position)
        warning.count += 1
        # Messages are written by refresh(), once per batch: a file where every row is ragged must not pay for
        # a sentence per row.
        self._stale[code] = warning

    def refresh(self) -> None:
        """Rewrite the messages of warnings that changed since the last call."""
        for warning in self._stale.values():
            where = f"{self.unit if len(warning.rows) == 1 else self.unit + 's'} {', '.join(map(str, warning.rows))}"
            if warning.count > len(warning.rows):
                where += f" and {warning.count - len(warning.rows)} more"
            warning.message = _MESSAGES[warning.code](self, warning.count, where)
        self._stale.clear()

    def ragged(self, position: int, *, short: bool) -> None:
        if short:
            self._short += 1
        else:
            self._long += 1
        self.add("ragged-row", position)

    def blank(self, pending: list[int]) -> None:
        for position in pending:
            self.add("blank-rows-skipped", position)
        pending.clear()

    def header_issue(self, code: str, position: int, columns: list[int], names: list[str]) -> None:
        listed = ", ".join(f"{c} (now “{n}”)" for c, n in zip(columns, names, strict=True))
        if code == "empty-header":
            message = f"{_plural(len(columns), 'column has', 'columns have')} no name: {listed}."
        else:
            message = f"{_plural(len(columns), 'column repeats', 'columns repeat')} an earlier name: {listed}."
        self.warnings.append(IngestWarning(code, message, [position], len(columns)))

    def ragged_message(self, n: int, where: str) -> str:
        parts = []
        if self._short:
            parts.append(f"{_plural(self._short, 'with fewer was', 'with fewer were')} padded with empty values")
        if self._long:
            separator = "a tab" if self.joiner == "\t" else f"“{self.joiner}”"
            parts.append(
                f"{_plural(self._long, 'with more has', 'with more have')} the extra values appended to the last "
                f"column, separated by {separator}"
            )
        return (
            f"{_plural(n, self.unit + ' does', self.unit + 's do')} not have {self.width} fields like the header "
            f"({where}): {'; '.join(parts)}. These rows are marked as ragged."
        )


_MESSAGES: dict[str, Callable[[_WarningLog, int, str], str]] = {
    "ragged-row": _WarningLog.ragged_message,
    "extra-empty-fields": lambda log, n, where: (
        f"{_plural(n, log.unit + ' ends', log.unit + 's end')} with empty fields beyond the header's columns "
        f"({where}); the empty fields were dropped."
    ),
    "blank-rows-skipped": lambda log, n, where: (
        f"{_plural(n, 'blank ' + log.unit + ' was', 'blank ' + log.unit + 's were')} skipped ({where})."
    ),
    "long-number": lambda log, n, where: (
        f"{_plural(n, log.unit + ' holds a number', log.unit + 's hold numbers')} longer than 15 digits "
        f"({where}); Excel keeps only 15 significant digits, so the last digits (of an ID number, for example) may "
        "already be lost. Format such columns as Text in Excel and enter the values again."
    ),
}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
