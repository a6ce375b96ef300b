"""Delimited text: sniffing the dialect from a decoded sample, and streaming records in batches.

Streaming keeps to C paths per value (raw file -> ``TextIOWrapper`` incremental decoding -> blocks of whole
lines -> ``str.split`` for lines without quotes, ``csv.reader`` for the rest); the Python work per line is one
list comprehension step. Guards that need to see every byte (NUL bytes, absurdly long lines, bytes consumed for
progress) run in a raw-file wrapper once per 256 KiB read, not per line. Errors that need exact positions
(undecodable bytes, NUL, over-long lines) are located by a second, cold pass over the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
from collections.abc import Iterable
from itertools import chain, islice, repeat
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
#: Characters of decoded text parsed at a time (plus the rest of the last line).
_BLOCK_CHARS = 64 * 1024
#: Joins the values of :meth:`CsvSource.read_joined`: the NUL character, which no value can contain.
SEPARATOR = "\x00"
_SEPARATOR_BYTES = SEPARATOR.encode("utf-8")


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
    """Records of a delimited text file, read in batches; positions are 1-based physical line numbers.

    The text is taken in blocks of about ``_BLOCK_CHARS`` characters that end at a line end outside any quoted
    field, so each block parses on its own. A block without the quote character (most of a typical export) is
    split with ``str.split``; one with quotes goes through ``csv.reader`` (and grows until its quotes close). A
    plain block whose every line has the table's width can also be handed on whole as NUL-joined text
    (:meth:`read_joined`), without a Python string per value.
    """

    unit = "line"

    def __init__(self, path: Path, encoding: str, delimiter: str, quotechar: str | None) -> None:
        if len(delimiter) != 1 or (quotechar is not None and (len(quotechar) != 1 or quotechar == delimiter)):
            raise InvalidFormat("The delimiter and the quote character must be two different single characters.")
        self._path = path
        self._codec = codec_for(encoding)
        self._encoding = encoding
        self.joiner = self._delimiter = delimiter
        self._quotechar = quotechar
        # The csv module's limit is process-wide; set it to our hard cap every time, since the default (128 KiB)
        # refuses legitimate long text fields.
        csv.field_size_limit(FIELD_CAP)
        file = open(path, "rb", buffering=0)  # noqa: SIM115 - closed by close()
        self._size = os.fstat(file.fileno()).st_size
        # In ASCII-compatible encodings a 0x00 byte can only be a NUL character; UTF-16/32 get a per-block check.
        self._wide = codecs.lookup(self._codec).name.startswith(("utf-16", "utf-32"))
        self._raw = _GuardedRaw(file, scan_nul=not self._wide)
        self._text = io.TextIOWrapper(
            io.BufferedReader(self._raw, _READ_BUFFER), encoding=self._codec, errors="strict", newline=""
        )
        self._carry = ""  # a character read past a block's final CR, which starts the next block
        self._next_line = 1  # line of the first record not yet parsed
        # The block being read, from line ``_queue_line``: its lines when they need only splitting, else its records.
        self._queue: list[str] | list[list[str]] = []
        self._lines_queued = False
        self._queue_line = 1
        self._taken = 0  # records of the queue already returned
        self._batch_start = 0  # index in the queue of the last batch returned

    @property
    def progress(self) -> tuple[int, int]:
        """Bytes read so far (at most one buffer ahead of the parser) and the file size."""
        return min(self._raw.consumed, self._size), self._size

    def read(self, size: int) -> list[list[str]]:
        """Up to ``size`` records as lists of fields; blank lines come back as empty lists; [] at the end."""
        if self._taken == len(self._queue):
            text = self._next_block()
            if not text:
                return []
            self._parse(text)
        self._batch_start = start = self._taken
        taken = self._queue[start : start + size]
        self._taken += len(taken)
        if self._lines_queued:  # split only now, so that a block's records are not all in memory at once
            delimiter = self._delimiter
            return [line.split(delimiter) if line else [] for line in taken]  # type: ignore[union-attr]
        return taken  # type: ignore[return-value]

    def read_joined(self, width: int) -> tuple[bytes, int] | None:
        """When the next unread block is plain text with ``width`` fields on every line (no quotes, no blank or
        broken lines), consume it and return its fields joined by NUL, in UTF-8, with its number of records: the
        cheapest form to hand to another process (a NUL cannot be in a value, see :class:`_GuardedRaw`).
        Otherwise None, and :meth:`read` returns those records as usual."""
        if self._taken < len(self._queue):
            return None
        text = self._next_block()
        if not text:
            return None
        joined = self._joined(text, width)
        if joined is None:
            self._parse(text)
            return None
        self._next_line += joined[1]
        return joined

    def positions(self, rows: list[list[str]]) -> list[int]:
        """Start lines of ``rows``, which must be the last batch returned by :meth:`read`."""
        line = self._queue_line + (
            self._batch_start if self._lines_queued else sum(map(_physical_lines, self._queue[: self._batch_start]))  # type: ignore[arg-type]
        )
        out = []
        for row in rows:
            out.append(line)
            line += _physical_lines(row)
        return out

    def close(self) -> None:
        """Release the file."""
        self._text.close()

    def _next_block(self) -> str:
        """The block that starts at ``_next_line``, checked for NUL; "" at the end."""
        text = self._block()
        self._refuse_nul(text)
        return text

    def _block(self, chars: int = 0) -> str:
        """The next ``_BLOCK_CHARS`` (or ``chars``) characters and the rest of their last line; "" at the end."""
        try:
            text = self._carry + self._text.read(chars or _BLOCK_CHARS)
            self._carry = ""
            if text.endswith("\r"):  # the line ends here unless an LF follows (CR LF split between reads)
                after = self._text.read(1)
                if after == "\n":
                    text += after
                else:
                    self._carry = after
            elif text and not text.endswith("\n"):
                text += self._text.readline()
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
        return text

    def _refuse_nul(self, text: str, first_line: int = 0) -> None:
        """NUL in UTF-16/32 text (the raw reader cannot tell a NUL character from the encoding's zero bytes);
        ``text`` starts on ``first_line`` (default: the next unparsed line)."""
        if self._wide and "\x00" in text:
            line_ends = len(io.StringIO(text[: text.index("\x00")] + ".", newline="").readlines()) - 1
            line = (first_line or self._next_line) + line_ends
            raise NotATable(f"Line {line} contains a NUL character, which a text table cannot contain.")

    def _parse(self, text: str) -> None:
        """Make ``text`` (whole lines, starting at ``_next_line``) the queue of records to read."""
        quote = self._quotechar
        lone_cr = "\r" in text and text.count("\r") != text.count("\r\n")
        if (quote is None or quote not in text) and not lone_cr:
            lines = (text.replace("\r\n", "\n") if "\r" in text else text).split("\n")
            if not lines[-1]:
                lines.pop()
            self._queue, self._lines_queued, lines_read = lines, True, len(lines)
        else:
            self._queue, lines_read = self._parse_quoted(text)
            self._lines_queued = False
        self._queue_line, self._taken = self._next_line, 0
        self._next_line += lines_read

    def _parse_quoted(self, text: str) -> tuple[list[list[str]], int]:
        """``text`` through ``csv.reader``, grown until its last quoted field closes; (records, lines read).

        When the block ends inside a quoted field, the records before it are kept and only the open one is parsed
        again, with more text: a file full of multi-line fields is not parsed twice over.
        """
        done: list[list[str]] = []
        lines_done = 0
        while True:
            reader = _csv_reader(chain(io.StringIO(text, newline=""), (_SENTINEL,)), self._delimiter, self._quotechar)
            rows: list[list[str]] = []
            try:
                rows.extend(reader)
            except csv.Error as exc:
                # In non-strict mode the field limit is the only error the parser raises. list.extend keeps the
                # records read before the failure, which locates the failing one.
                line = self._next_line + lines_done + sum(map(_physical_lines, rows))
                raise FieldTooLarge(
                    f"The field starting on line {line} is larger than {_CAP_TEXT}. If it should not be, a "
                    "quotation mark on that line is probably never closed."
                ) from exc
            if rows[-1] == _SENTINEL_ROW:
                rows.pop()
                return done + rows, lines_done + reader.line_num - 1
            # The last quoted field is still open: it goes on in the next block, or is never closed.
            complete = rows[:-1]
            lines = sum(map(_physical_lines, complete))
            done += complete
            lines_done += lines
            more = self._block(max(len(text), _BLOCK_CHARS))
            if not more:
                raise UnclosedQuote(
                    f"The quoted field on line {self._next_line + lines_done} is never closed, so the rest of the "
                    "file would be read as one value. Check the quotation marks on that line."
                )
            lines_text = io.StringIO(text, newline="")
            text = text[sum(len(lines_text.readline()) for _ in range(lines)) :] + more
            self._refuse_nul(text, self._next_line + lines_done)

    def _joined(self, text: str, width: int) -> tuple[bytes, int] | None:
        """``text``'s fields joined by NUL and its line count, if it is plain with ``width`` fields a line."""
        if width < 2 or (self._quotechar is not None and self._quotechar in text):
            return None
        data = text.encode("utf-8")
        first_lf = data.find(b"\n")
        eol = b"\r\n" if first_lf > 0 and data[first_lf - 1 : first_lf] == b"\r" else b"\n"
        if data.endswith(eol):
            data = data[: -len(eol)]
        lines = data.split(eol)
        if data.count(b"\r") + data.count(b"\n") != len(eol) * (len(lines) - 1):
            return None  # a CR or LF that is not the block's line end: lines of another kind
        delimiter = self._delimiter.encode("utf-8")
        if set(map(bytes.count, lines, repeat(delimiter))) != {width - 1}:
            return None  # a blank line, or a line of another width: the warnings need them read as records
        # The delimiter is ASCII or a whole UTF-8 character, so replacing its bytes cannot cut another character.
        return _SEPARATOR_BYTES.join(lines).replace(delimiter, _SEPARATOR_BYTES), len(lines)

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


def _physical_lines(row: list[str]) -> int:
    """Lines a record spans: one, plus the line breaks inside its (quoted) fields."""
    return 1 + sum(f.count("\n") + f.count("\r") - f.count("\r\n") for f in row if "\n" in f or "\r" in f)


def _decodes_as_gb(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return not data.isascii()
