"""Delimited text: sniffing the dialect from a decoded sample, and streaming records in batches.

Streaming keeps the standard library's C paths end to end (raw file -> ``TextIOWrapper`` incremental decoding ->
``csv.reader`` -> ``islice`` batches); the only Python work per batch is one ``set(map(len, rows))`` by the
caller. Guards that need to see every byte (NUL bytes, absurdly long lines, bytes consumed for progress) run in
a raw-file wrapper once per 256 KiB read, not per line. Errors that need exact positions (undecodable bytes, NUL,
over-long lines) are located by a second, cold pass over the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING

from dataroom.core.ingest.detect import codec_for, first_undecodable, line_at_offset
from dataroom.core.ingest.errors import FieldTooLarge, InvalidFormat, NotATable, UnclosedQuote, UndecodableText

if TYPE_CHECKING:
    from _csv import Reader as CsvReader

#: Candidate delimiters; earlier ones win ties. The full-width comma only counts when perfectly consistent,
#: because Chinese free text (addresses, remarks) is full of it.
DELIMITERS = (",", "\t", ";", "|", "，")
#: Hard cap of one field (and of one physical line); 10 MB fields are accepted.
FIELD_CAP = 32 * 1024 * 1024
_CAP_TEXT = "32 MB"
_READ_BUFFER = 256 * 1024
_SNIFF_RECORDS = 200
_FULL_WIDTH_MIN_SHARE = 0.95
_SNIFFER_BONUS = 0.05
#: csv.Sniffer's regexes are quadratic on some inputs (many quotes); it only gets the start of the sample.
_SNIFFER_CHARS = 4096
#: Fed to the csv parser after the last line. A NUL never reaches the parser from the file, so the sentinel
#: comes back either as its own record (all quotes were closed) or glued to the last field (one was not).
_SENTINEL = "\x00end-of-file\n"
_SENTINEL_ROW = [_SENTINEL[:-1]]


def sniff_dialect(sample: str, *, truncated: bool) -> tuple[str, str]:
    """Delimiter and quote character of a decoded text sample.

    Each candidate delimiter parses the sample; its score is the share of records having the most common field
    count, weighted towards more fields (``share * (1 - 1/fields)``) so that a delimiter occurring once per line
    inside a text column loses to the real one. ``csv.Sniffer`` only adds a small bonus: alone it is unreliable on
    Chinese text and short samples. ``truncated`` says the sample was cut, so its last record is ignored.
    """
    sniffed_delimiter, sniffed_quote = None, '"'
    try:
        sniffed = csv.Sniffer().sniff(sample[:_SNIFFER_CHARS], delimiters="".join(DELIMITERS))
        sniffed_delimiter, sniffed_quote = sniffed.delimiter, sniffed.quotechar or '"'
    except csv.Error:
        pass
    quotechar = "'" if sniffed_quote == "'" and '"' not in sample else '"'

    def score(delimiter: str) -> float:
        counts = [len(r) for r in parse_sample(sample, delimiter, quotechar, truncated=truncated) if r]
        if not counts:
            return 0.0
        fields = max(set(counts), key=counts.count)
        share = counts.count(fields) / len(counts)
        if fields < 2 or (delimiter == "，" and share < _FULL_WIDTH_MIN_SHARE):
            return 0.0
        return share * (1 - 1 / fields) + (_SNIFFER_BONUS if delimiter == sniffed_delimiter else 0.0)

    scores = [score(d) for d in DELIMITERS]
    best = max(range(len(DELIMITERS)), key=lambda i: (scores[i], -i))
    return DELIMITERS[best], quotechar


def parse_sample(sample: str, delimiter: str, quotechar: str | None, *, truncated: bool) -> list[list[str]]:
    """The first records of a decoded sample (blank lines give empty records), without a cut-off last one."""
    reader = _csv_reader(io.StringIO(sample, newline=""), delimiter, quotechar)
    records = list(islice(reader, _SNIFF_RECORDS + 1))
    if truncated and len(records) <= _SNIFF_RECORDS:
        records = records[:-1]
    return records[:_SNIFF_RECORDS]


def _csv_reader(lines: Iterable[str], delimiter: str, quotechar: str | None) -> CsvReader:
    if quotechar is None:
        return csv.reader(lines, delimiter=delimiter, quoting=csv.QUOTE_NONE)
    return csv.reader(lines, delimiter=delimiter, quotechar=quotechar, doublequote=True, strict=False)


class _NulAt(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _LongLineAt(Exception):
    def __init__(self, offset: int) -> None:
        self.offset = offset


class _GuardedRaw(io.RawIOBase):
    """Raw reader that counts bytes and stops at NUL bytes and at runs of ``FIELD_CAP`` bytes without a line break.

    The line-length guard matters because ``TextIOWrapper`` materialises a whole line before the csv module can
    enforce its field limit; a multi-gigabyte file without line breaks would otherwise be read into memory.
    """

    def __init__(self, f: io.BufferedIOBase | io.RawIOBase, *, scan_nul: bool) -> None:
        super().__init__()
        self._f = f
        self._scan_nul = scan_nul
        self.consumed = 0
        self._last_break = -1

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._f.close()
        super().close()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._f.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        if self._scan_nul and b"\x00" in data:
            raise _NulAt(self.consumed + data.index(b"\x00"))
        last = data.rfind(b"\n")
        if last < 0:  # looking for CR only now spares a full scan of every chunk of an LF file
            last = data.rfind(b"\r")
        if last >= 0:
            self._last_break = self.consumed + last
        elif self.consumed + n - self._last_break > FIELD_CAP:
            raise _LongLineAt(self._last_break + 1)
        self.consumed += n
        return n


class CsvSource:
    """Records of a delimited text file, read in batches; positions are 1-based physical line numbers."""

    unit = "line"

    def __init__(self, path: Path, encoding: str, delimiter: str, quotechar: str | None) -> None:
        if len(delimiter) != 1 or (quotechar is not None and (len(quotechar) != 1 or quotechar == delimiter)):
            raise InvalidFormat("The delimiter and the quote character must be two different single characters.")
        self._path = path
        self._codec = codec_for(encoding)
        self._encoding = encoding
        self.joiner = delimiter
        # The csv module's limit is process-wide; set it to our hard cap every time, since the default (128 KiB)
        # refuses legitimate long text fields.
        csv.field_size_limit(FIELD_CAP)
        file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._size = os.fstat(file.fileno()).st_size
        # In ASCII-compatible encodings a 0x00 byte can only be a NUL character; UTF-16/32 get a per-line check.
        wide = codecs.lookup(self._codec).name.startswith(("utf-16", "utf-32"))
        self._raw = _GuardedRaw(file, scan_nul=not wide)
        self._text = io.TextIOWrapper(
            io.BufferedReader(self._raw, _READ_BUFFER), encoding=self._codec, errors="strict", newline=""
        )
        lines: Iterator[str] = _refuse_nul_lines(self._text) if wide else self._text
        self._reader = _csv_reader(chain(lines, (_SENTINEL,)), delimiter, quotechar)
        self._first_line = 1

    @property
    def progress(self) -> tuple[int, int]:
        """Bytes read so far (at most one buffer ahead of the parser) and the file size."""
        return min(self._raw.consumed, self._size), self._size

    def read(self, size: int) -> list[list[str]]:
        """Up to ``size`` records as lists of fields; blank lines come back as empty lists; [] at the end."""
        self._first_line = self._reader.line_num + 1
        rows: list[list[str]] = []
        try:
            rows.extend(islice(self._reader, size))
        except csv.Error as exc:
            # In non-strict mode the field limit is the only error the parser raises on lines from TextIOWrapper.
            # list.extend keeps the records read before the failure, which locates the failing one.
            line = self._first_line + sum(_physical_lines(r) for r in rows)
            raise FieldTooLarge(
                f"The field starting on line {line} is larger than {_CAP_TEXT}. If it should not be, a quotation "
                "mark on that line is probably never closed."
            ) from exc
        except _NulAt as exc:
            raise NotATable(
                f"Line {line_at_offset(self._path, exc.offset, self._codec)} contains a NUL byte, which a text "
                "table cannot contain."
            ) from None
        except _LongLineAt as exc:
            raise FieldTooLarge(
                f"Line {line_at_offset(self._path, exc.offset, self._codec)} is longer than {_CAP_TEXT}; the "
                "file is not a usable table."
            ) from None
        except UnicodeDecodeError as exc:
            raise self._decode_error() from exc
        if rows and rows[-1] == _SENTINEL_ROW:
            rows.pop()
        elif rows and rows[-1] and rows[-1][-1].endswith(_SENTINEL):
            line = self.positions(rows)[-1]
            raise UnclosedQuote(
                f"The quoted field on line {line} is never closed, so the rest of the file would be read as one "
                "value. Check the quotation marks on that line."
            )
        return rows

    def positions(self, rows: list[list[str]]) -> list[int]:
        """Start lines of ``rows``, which must be the last batch returned by :meth:`read`."""
        out = []
        line = self._first_line
        for row in rows:
            out.append(line)
            line += _physical_lines(row)
        return out

    def close(self) -> None:
        """Release the file."""
        self._text.close()

    def _decode_error(self) -> UndecodableText:
        offset = first_undecodable(self._path, self._codec)
        line = line_at_offset(self._path, offset, self._codec)
        hint = ""
        if self._codec.startswith("utf-8"):
            with open(self._path, "rb") as f:
                f.seek(offset)
                rest = f.read(4096).split(b"\n", 1)[0]
            if _decodes_as_gb(rest):
                hint = " (it looks like GBK)"
        return UndecodableText(
            f"Line {line} (byte offset {offset}) is not valid {self._encoding}{hint}. If the whole file uses "
            "another encoding, choose it; if the file mixes encodings, save it again with one encoding."
        )


def _refuse_nul_lines(lines: Iterator[str]) -> Iterator[str]:
    for number, line in enumerate(lines, 1):
        if "\x00" in line:
            raise NotATable(f"Line {number} contains a NUL character, which a text table cannot contain.")
        yield line


def _physical_lines(row: list[str]) -> int:
    """Lines a record spans: one, plus the line breaks inside its (quoted) fields."""
    return 1 + sum(f.count("\n") + f.count("\r") - f.count("\r\n") for f in row if "\n" in f or "\r" in f)


def _decodes_as_gb(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return not data.isascii()
