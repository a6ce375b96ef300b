"""Excel workbooks (XLSX, and old binary XLS): container checks, sheet choice, and cells rendered as text.

Reader choice, measured on a 200,000-row x 12-column XLSX (20 MB file, 144 MB of sheet XML; see
``benchmarks/read_speed.py``):

* python-calamine: bare iteration 2.2 s (90,000 rows/s), through this module 3.2 s; peak RSS 225 MB, because it
  loads the whole sheet into memory (in Rust), here about 1.4 x the sheet's XML size.
* openpyxl read-only: bare iteration 23.4 s (8,500 rows/s), through this module 26.7 s; peak RSS 52-62 MB, because
  it streams rows.

calamine is seven to ten times faster, so it reads every sheet whose XML (plus shared strings) is at most
``CALAMINE_MAX_XML_BYTES``; larger sheets stream through openpyxl so that memory stays bounded whatever the sheet
size. XLS goes through calamine only (the format caps a sheet at 65,536 rows).

Cells are rendered from their values, the same way on both paths: whole numbers without ``.0``, other numbers
with Excel's 15 significant digits (what Excel shows for "General"), booleans as TRUE/FALSE, dates as
``YYYY-MM-DD`` and date-times as ``YYYY-MM-DDTHH:MM:SS`` (to the second), times as ``HH:MM:SS`` and durations as
``H:MM:SS``. Number formats such as percentages are not applied: calamine does not expose them, so ``25%`` comes
out as ``0.25`` (the stored value, nothing lost). Text cells, including long IDs stored as text, are kept as they
are. Known differences of the openpyxl path: error cells keep their text (``#N/A``; calamine gives an empty
value), leading empty columns are kept (calamine drops them), and integers written beyond 15 digits by tools
other than Excel stay exact.

Before either reader touches an XLSX, its ZIP directory is checked and every member is decompressed once,
discarding the output, to prove the declared sizes: the decompressors inside the readers trust them.
"""

from __future__ import annotations

import datetime as dt
import os
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from itertools import islice
from pathlib import Path, PurePosixPath
from typing import Any, Literal

import python_calamine

from dataroom.core.ingest.errors import EmptyFile, HostileWorkbook, PasswordProtected, SheetNotFound, UnreadableWorkbook

#: Container limits of an XLSX (a ZIP archive).
MAX_TOTAL_UNCOMPRESSED = 2 * 1024**3
MAX_MEMBERS = 10_000
MAX_CENTRAL_DIRECTORY = 16 * 1024 * 1024
MAX_RATIO = 200
RATIO_CHECKED_ABOVE = 10 * 1024 * 1024
MAX_MEMBER_NAME = 512
#: Sheets whose XML plus shared strings exceed this stream through openpyxl instead of loading into calamine.
CALAMINE_MAX_XML_BYTES = 256 * 1024 * 1024
#: Rows read ahead to find the table's width (the widest of them), so unnamed columns next to the header count.
WIDTH_SAMPLE_ROWS = 200
#: Integers this large have more digits than Excel keeps (15 significant digits).
_EXCEL_EXACT_LIMIT = 1e15

Note = Callable[[str, int], None]
_DAMAGED = "This workbook could not be read; it may be damaged. Open it in Excel, save it again and try again."


def check_container(path: Path) -> int:
    """Refuse XLSX files built to exhaust memory or confuse readers, before any parser sees them.

    Returns the uncompressed size of the largest worksheet plus the shared strings: what one sheet can cost.

    Raises:
        HostileWorkbook: too many members, absurd names, a total or a compression ratio beyond the caps,
            declared sizes that do not match the data, or XML with a document type declaration.
        UnreadableWorkbook: the ZIP structure is damaged.
    """
    _check_end_record(path)
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            _check_directory(infos)
            for info in infos:
                _verify_member(z, info)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError, ValueError) as exc:
        # OSError/ValueError: a damaged member offset makes zipfile seek before the start of the file.
        raise UnreadableWorkbook(_DAMAGED) from exc
    sheets = [i.file_size for i in infos if i.filename.startswith("xl/worksheets/")]
    strings = sum(i.file_size for i in infos if i.filename == "xl/sharedStrings.xml")
    return max(sheets, default=0) + strings


def _check_end_record(path: Path) -> None:
    """Bound the central directory before ``zipfile`` loads it all into memory."""
    with open(path, "rb") as f:
        size = f.seek(0, os.SEEK_END)
        tail_start = max(0, size - 65_557)
        f.seek(tail_start)
        tail = f.read()
        at = tail.rfind(b"PK\x05\x06")
        if at < 0 or len(tail) - at < 22:
            raise UnreadableWorkbook(_DAMAGED)
        entries, directory_size = struct.unpack_from("<HI", tail, at + 10)
        locator = at - 20
        if (
            (entries == 0xFFFF or directory_size == 0xFFFFFFFF)
            and locator >= 0
            and tail[locator:].startswith(b"PK\x06\x07")
        ):
            f.seek(struct.unpack_from("<Q", tail, locator + 8)[0])
            record = f.read(56)
            if not record.startswith(b"PK\x06\x06") or len(record) < 56:
                raise UnreadableWorkbook(_DAMAGED)
            entries, directory_size = struct.unpack_from("<QQ", record, 32)
    if entries > MAX_MEMBERS or directory_size > MAX_CENTRAL_DIRECTORY:
        raise HostileWorkbook(f"This workbook has an implausible number of parts ({entries}); it was not opened.")


def _check_directory(infos: list[zipfile.ZipInfo]) -> None:
    if len(infos) > MAX_MEMBERS:
        raise HostileWorkbook(f"This workbook has an implausible number of parts ({len(infos)}); it was not opened.")
    names = [i.filename for i in infos]
    if len(set(names)) != len(names):
        raise HostileWorkbook("This workbook contains two parts with the same name; it was not opened.")
    for info in infos:
        if not _plausible_name(info.filename):
            raise HostileWorkbook("This workbook contains a part with an invalid path; it was not opened.")
        if info.flag_bits & 0x1:
            raise PasswordProtected("This workbook is password-protected; remove the password in Excel and try again.")
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise HostileWorkbook(
                "This workbook compresses far more than any real spreadsheet (a “zip bomb”); it was not opened."
            )
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_UNCOMPRESSED:
        raise HostileWorkbook(
            f"This workbook would unpack to {total / 1024**3:.1f} GB, more than the 2 GB limit; it was not opened."
        )


def _plausible_name(name: str) -> bool:
    if not name or len(name) > MAX_MEMBER_NAME or "\\" in name or ":" in name or name.startswith("/"):
        return False
    if any(ord(c) < 32 for c in name):
        return False
    return ".." not in PurePosixPath(name).parts


def _verify_member(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    """Decompress one member, discarding the output: ``zipfile`` stops at the declared size and checks the CRC."""
    with z.open(info) as member:
        first = member.read(4096)
        if info.filename.endswith((".xml", ".rels")) and (b"<!DOCTYPE" in first or b"<!ENTITY" in first):
            raise HostileWorkbook(
                "This workbook contains XML entity declarations, which Excel never writes; it was not opened."
            )
        while member.read(1 << 20):
            pass


def _general(value: float) -> str:
    """A float as Excel's General format shows it in the formula bar: 15 significant digits, no exponent."""
    text = f"{value:.15g}"
    return format(Decimal(text), "f") if "e" in text else text


def _seconds(value: dt.time | dt.timedelta) -> int:
    if isinstance(value, dt.timedelta):
        return round(value.total_seconds())
    return value.hour * 3600 + value.minute * 60 + value.second + round(value.microsecond / 1e6)


def _cell_text(value: Any, flagged: list[bool]) -> str:
    """Text of a non-string cell value; appends to ``flagged`` for numbers Excel may already have rounded."""
    cls = value.__class__
    if cls is float:
        if value.is_integer() and -_EXCEL_EXACT_LIMIT < value < _EXCEL_EXACT_LIMIT:
            return str(int(value))
        if value.is_integer():
            flagged.append(True)
        return _general(value)
    if value is None:
        return ""
    if cls is bool:
        return "TRUE" if value else "FALSE"
    if cls is int:
        return str(value)
    if cls is dt.datetime:
        if value.microsecond:
            value = (value + dt.timedelta(microseconds=500_000)).replace(microsecond=0)
        return value.isoformat() if value.hour or value.minute or value.second else value.date().isoformat()
    if cls is dt.date:
        return value.isoformat()
    if cls is dt.time:
        h, rest = divmod(min(_seconds(value), 86_399), 3600)
        return f"{h:02d}:{rest // 60:02d}:{rest % 60:02d}"
    if cls is dt.timedelta:
        total = _seconds(value)
        h, rest = divmod(abs(total), 3600)
        return f"{'-' if total < 0 else ''}{h}:{rest // 60:02d}:{rest % 60:02d}"
    return str(value)


def _choose(names: Sequence[str], sheet: str | int | None, default: int) -> str:
    if sheet is None:
        return names[default]
    if isinstance(sheet, int):
        if 0 <= sheet < len(names):
            return names[sheet]
        raise SheetNotFound(f"The workbook has no sheet number {sheet + 1}; it has {len(names)} sheet(s).")
    if sheet in names:
        return sheet
    raise SheetNotFound(f"The workbook has no sheet named “{sheet}”; its sheets are: {', '.join(names)}.")


class XlsxSource:
    """Rows of one sheet as lists of text, padded to the table's width; positions are 1-based sheet rows.

    Fully empty rows come back as empty lists. Rows with values beyond the width come back longer, trimmed of
    trailing empty cells, for the caller to treat as ragged.
    """

    unit = "row"
    #: Extra cells of an over-wide row are joined into the last column with this.
    joiner = "\t"

    def __init__(self, path: Path, kind: Literal["xlsx", "xls"], sheet: str | int | None, note: Note) -> None:
        self._note = note
        self._flagged: list[bool] = []
        self._done = 0
        self._closers: list[Callable[[], None]] = []
        streaming = kind == "xlsx" and check_container(path) > CALAMINE_MAX_XML_BYTES
        try:
            rows, first_row, self._total = (
                self._open_openpyxl(path, sheet) if streaming else self._open_calamine(path, sheet)
            )
            self._rows = rows
            self._next_position = first_row
            sample = self._convert(list(islice(rows, WIDTH_SAMPLE_ROWS)), first_row)
            self.width = max((len(_trimmed(r)) for r in sample), default=0)
            if not self.width:
                raise EmptyFile(f"The sheet “{self.sheet}” is empty.")
            self._buffer = sample
        except BaseException:
            self.close()
            raise

    def _open_calamine(self, path: Path, sheet: str | int | None) -> tuple[Iterator[Sequence[Any]], int, int]:
        try:
            book = python_calamine.load_workbook(path)
            self._closers.append(book.close)
            self.sheets = tuple(book.sheet_names)
            if not self.sheets:
                raise EmptyFile("The workbook has no sheets.")
            visible = [
                i
                for i, m in enumerate(book.sheets_metadata)
                if m.typ == python_calamine.SheetTypeEnum.WorkSheet
                and m.visible == python_calamine.SheetVisibleEnum.Visible
            ]
            self.sheet = _choose(self.sheets, sheet, visible[0] if visible else 0)
            data = book.get_sheet_by_name(self.sheet)
        except python_calamine.PasswordError as exc:
            raise PasswordProtected(
                "This workbook is password-protected; remove the password in Excel and try again."
            ) from exc
        except python_calamine.CalamineError as exc:
            raise UnreadableWorkbook(_DAMAGED) from exc
        if data.start is None:
            raise EmptyFile(f"The sheet “{self.sheet}” is empty.")
        # python-calamine's rows start at the sheet's first row (leading empty rows come as empty lists, keeping
        # positions absolute) but at the first used column (leading empty columns are dropped).
        return data.iter_rows(), 1, data.start[0] + data.height

    def _open_openpyxl(self, path: Path, sheet: str | int | None) -> tuple[Iterator[Sequence[Any]], int, int]:
        import openpyxl  # type: ignore[import-untyped]  # only large sheets need it; it is slow to import

        try:
            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types on damaged files; all mean the same to the user
            raise UnreadableWorkbook(_DAMAGED) from exc
        self._closers.append(book.close)
        self.sheets = tuple(book.sheetnames)
        if not self.sheets:
            raise EmptyFile("The workbook has no sheets.")
        visible = [ws.title for ws in book.worksheets if ws.sheet_state == "visible"]
        self.sheet = _choose(self.sheets, sheet, self.sheets.index(visible[0]) if visible else 0)
        try:
            worksheet = book[self.sheet]
        except Exception as exc:  # as above
            raise UnreadableWorkbook(_DAMAGED) from exc
        if not hasattr(worksheet, "iter_rows"):
            raise EmptyFile(f"The sheet “{self.sheet}” is a chart, not a table.")
        total = worksheet.max_row or 0
        # Declared dimensions are often wrong (too small cuts rows, "A1:XFD1048576" pads millions of cells).
        # Without them rows start at column A: leading empty columns are kept on this path, unlike calamine's.
        worksheet.reset_dimensions()
        return _guarded(worksheet.iter_rows(values_only=True)), 1, total

    @property
    def progress(self) -> tuple[int, int]:
        """Rows read so far and the sheet's row count (0 when the sheet does not declare it)."""
        return self._done, max(self._total, self._done)

    def read(self, size: int) -> list[list[str]]:
        """Up to ``size`` rows; [] at the end."""
        if self._buffer:
            rows, self._buffer = self._buffer[:size], self._buffer[size:]
        else:
            rows = self._convert(list(islice(self._rows, size)), self._next_position)
        self._first_position = self._next_position
        self._next_position += len(rows)
        self._done += len(rows)
        width = self.width
        return [r if len(r) == width and any(r) else _fit(r, width) for r in rows]

    def positions(self, rows: list[list[str]]) -> list[int]:
        """Sheet row numbers of ``rows``, which must be the last batch returned by :meth:`read`."""
        return list(range(self._first_position, self._first_position + len(rows)))

    def close(self) -> None:
        """Release the workbook."""
        while self._closers:
            self._closers.pop()()

    def _convert(self, raw: list[Sequence[Any]], position: int) -> list[list[str]]:
        flagged = self._flagged
        out = []
        for offset, row in enumerate(raw):
            out.append([v if v.__class__ is str else _cell_text(v, flagged) for v in row])
            if flagged:
                flagged.clear()
                self._note("long-number", position + offset)
        return out


def _guarded(rows: Iterator[Sequence[Any]]) -> Iterator[Sequence[Any]]:
    """openpyxl rows, with its parser errors (raised mid-stream on damaged XML) turned into a user error."""
    try:
        yield from rows
    except Exception as exc:  # lxml/openpyxl errors have no common base; all mean a damaged sheet
        raise UnreadableWorkbook(_DAMAGED) from exc


def _trimmed(row: list[str]) -> list[str]:
    end = len(row)
    while end and not row[end - 1]:
        end -= 1
    return row[:end]


def _fit(row: list[str], width: int) -> list[str]:
    """A row padded or cut to ``width``; empty if it has no value; longer only if it has values beyond ``width``."""
    row = _trimmed(row)
    if not row:
        return row
    if len(row) <= width:
        return row + [""] * (width - len(row))
    return row
