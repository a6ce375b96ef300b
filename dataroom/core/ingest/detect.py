"""What kind of file this is (CSV text, XLSX, XLS) and, for text, which encoding it uses.

The kind comes from magic bytes, never from the file name: old systems save HTML or tab-separated text as
``.xls`` and users rename files freely.

Encoding detection reads a sample from the start and several windows spread over the rest of the file, because
files concatenated from two systems start in one encoding and continue in another; a single head sample would
pick the first encoding and turn the rest into mojibake.
"""

from __future__ import annotations

import codecs
import os
import re
import struct
import zipfile
from pathlib import Path
from typing import BinaryIO, Literal, NamedTuple

from dataroom.core.ingest.errors import EmptyFile, NotATable, PasswordProtected, UndecodableText

Kind = Literal["csv", "xlsx", "xls"]

#: Bytes read from the start of a file, and the size of each later window.
SAMPLE_BYTES = 64 * 1024
#: Windows sampled after the head, spread evenly over the rest of the file.
EXTRA_WINDOWS = 6

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

_BOMS = (  # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_KNOWN_BINARY = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3\x00", "a database file"),
)

# Labels users and old systems give to the GBK family; GB18030 decodes all of them.
_GB_LABELS = {"gbk", "gb2312", "cp936", "936", "ms936", "gb18030", "euc-cn", "euccn"}

_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL_BYTES)
#: Share of control bytes above which a file is binary data rather than text with a stray byte.
_BINARY_CONTROL_SHARE = 0.02
_CJK = re.compile("[\u3000-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_MARKUP = ("<html", "<table", "<?xml", "<!doctype")


class _Window(NamedTuple):
    """A sample of the file: its offset, its bytes, and whether it reaches the end of the file."""

    base: int
    data: bytes
    final: bool


def detect_kind(path: Path) -> Kind:
    """Tell CSV text, XLSX and XLS apart by content; refuse files that are none of them.

    Raises:
        EmptyFile: the file has no bytes.
        NotATable: the file is another kind of document or binary data.
        PasswordProtected: the file is an encrypted Office workbook.
    """
    with open(path, "rb") as f:
        head = f.read(SAMPLE_BYTES)
        if not head:
            raise EmptyFile("The file is empty.")
        if head.startswith(_OLE_MAGIC):
            return _ole_kind(f)
    if head.startswith(_ZIP_MAGIC):
        return _zip_kind(path)
    for magic, what in _KNOWN_BINARY:
        if head.startswith(magic):
            raise NotATable(f"This file is {what}, not a CSV or Excel table.")
    return "csv"


def _zip_kind(path: Path) -> Kind:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError) as exc:  # NotImplemented: bad version
        raise NotATable("This file is a damaged ZIP archive, not a CSV or Excel table.") from exc
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "xl/workbook.bin" in names:
        raise NotATable("Binary Excel workbooks (.xlsb) are not supported; save the workbook as .xlsx and try again.")
    if "content.xml" in names and "mimetype" in names:
        raise NotATable("OpenDocument files (.ods) are not supported; save the file as .xlsx and try again.")
    if "word/document.xml" in names:
        raise NotATable("This file is a Word document, not a CSV or Excel table.")
    raise NotATable("This file is a ZIP archive, not a CSV or Excel table.")


def _ole_kind(f: BinaryIO) -> Kind:
    names = _ole_stream_names(f)
    if "EncryptionInfo" in names or "EncryptedPackage" in names:
        raise PasswordProtected("This workbook is password-protected; remove the password in Excel and try again.")
    if "Workbook" in names or "Book" in names:
        return "xls"
    raise NotATable("This file is an older Office document (such as Word or Outlook), not an Excel workbook.")


def _ole_stream_names(f: BinaryIO) -> set[str]:
    """Names in an OLE2 compound file's directory (MS-CFB), enough to tell XLS from an encrypted XLSX."""
    damaged = NotATable("This file is a damaged Office document.")
    f.seek(0, os.SEEK_END)
    file_size = f.tell()
    f.seek(0)
    header = f.read(512)
    if len(header) < 512:
        raise damaged
    sector_size = 1 << struct.unpack_from("<H", header, 0x1E)[0]
    if sector_size not in (512, 4096):
        raise damaged
    first_dir = struct.unpack_from("<I", header, 0x30)[0]
    first_difat, n_difat = struct.unpack_from("<II", header, 0x44)
    max_sectors = file_size // sector_size + 1
    per_sector = sector_size // 4

    def sector(n: int) -> bytes:
        if n >= max_sectors:
            raise damaged
        f.seek((n + 1) * sector_size)
        data = f.read(sector_size)
        if len(data) < sector_size:
            raise damaged
        return data

    # Only the directory's sector chain is followed, so FAT sectors are read one at a time as the chain needs them;
    # the DIFAT (list of FAT sectors) is bounded by what a file of this size can possibly need.
    fat_sectors = [s for s in struct.unpack_from("<109I", header, 0x4C) if s < 0xFFFFFFFA]
    next_difat = first_difat
    for _ in range(min(n_difat, max_sectors // (per_sector * (per_sector - 1)) + 1)):
        if next_difat >= 0xFFFFFFFA:
            break
        entries = struct.unpack(f"<{per_sector}I", sector(next_difat))
        fat_sectors.extend(s for s in entries[:-1] if s < 0xFFFFFFFA)
        next_difat = entries[-1]

    def next_in_chain(n: int) -> int:
        index, slot = divmod(n, per_sector)
        if index >= len(fat_sectors):
            raise damaged
        return struct.unpack_from("<I", sector(fat_sectors[index]), slot * 4)[0]

    names: set[str] = set()
    current, visited = first_dir, set()
    while current < 0xFFFFFFFA:
        if current in visited:  # a cycle in the chain
            raise damaged
        visited.add(current)
        data = sector(current)
        for pos in range(0, sector_size, 128):
            name_len = struct.unpack_from("<H", data, pos + 64)[0]
            if data[pos + 66] != 0 and 2 <= name_len <= 64:
                names.add(data[pos : pos + name_len - 2].decode("utf-16-le", "replace"))
        current = next_in_chain(current)
    return names


def codec_for(encoding: str) -> str:
    """The Python codec that decodes text labelled ``encoding``.

    The GBK family decodes as GB18030, its superset: files labelled GBK by Excel or old systems routinely
    contain a few characters outside GBK.

    Raises:
        UndecodableText: the encoding name is unknown.
    """
    if encoding.lower() in _GB_LABELS:
        return "gb18030"
    try:
        return codecs.lookup(encoding).name
    except LookupError as exc:
        raise UndecodableText(f"The encoding “{encoding}” is unknown; choose another one.") from exc


def detect_encoding(path: Path) -> str:
    """The encoding of a text table: BOM, else UTF-16 by NUL pattern, else UTF-8, else GBK / GB18030.

    Returns one of ``utf-8``, ``utf-8-sig``, ``utf-16``, ``utf-16-le``, ``utf-16-be``, ``utf-32``, ``gbk``
    (only GBK byte ranges seen) or ``gb18030``.

    Raises:
        EmptyFile: no bytes, or only whitespace.
        NotATable: binary data, or a web page / XML file posing as a table.
        UndecodableText: no candidate decodes the samples, or the file mixes UTF-8 and GBK; the message names
            the line and byte offset.
    """
    size = path.stat().st_size
    with open(path, "rb") as f:
        head = f.read(SAMPLE_BYTES)
        if not head:
            raise EmptyFile("The file is empty.")
        for bom, name in _BOMS:
            if head.startswith(bom):
                return _checked(name, head, size, path)
        if b"\x00" in head:
            return _checked(_utf16_by_nul_pattern(head, path), head, size, path)
        if _control_share(head) > _BINARY_CONTROL_SHARE:
            raise NotATable("This file holds binary data, not a text table.")
        final = size <= len(head)
        windows = [_Window(0, head if final else _cut_at_line_break(head), final), *_windows(f, size)]

    utf8_error = _first_error(windows, "utf-8")
    if utf8_error is None:
        return _checked("utf-8", head, size, path)
    if _first_error(windows, "gb18030") is None:
        _refuse_utf8_gbk_mix(windows, path)
        name = "gbk" if _first_error(windows, "gbk") is None else "gb18030"
        return _checked(name, head, size, path)
    raise _undecodable(utf8_error, windows, path)


def _checked(encoding: str, head: bytes, size: int, path: Path) -> str:
    """Return ``encoding`` once the head decodes with it and reads as a text table."""
    decoder = codecs.getincrementaldecoder(codec_for(encoding))()
    try:
        text = decoder.decode(head, final=size <= len(head))
    except UnicodeDecodeError as exc:
        raise UndecodableText(
            f"The file is not valid {encoding} at byte offset {exc.start}; it may be damaged or use another encoding."
        ) from exc
    if not text.strip():
        raise EmptyFile("The file holds no text.")
    if "\x00" in text:
        line = _line_number(text, text.index("\x00"))
        raise NotATable(f"Line {line} contains a NUL byte, which a text table cannot contain.")
    stripped = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    if stripped.startswith("<") and any(tag in stripped for tag in _MARKUP):
        raise NotATable(
            "This file is a web page or XML document (some systems save these with an .xls name), not a CSV "
            "or Excel table; open it in Excel and save it as .xlsx."
        )
    return encoding


def _utf16_by_nul_pattern(head: bytes, path: Path) -> str:
    """Tell BOM-less UTF-16 from binary: ASCII characters in UTF-16 put a NUL in every other byte."""
    even = head[0::2]
    odd = head[1::2]
    pairs = max(len(odd), 1)
    zeros_even, zeros_odd = even.count(0), odd.count(0)
    if zeros_odd / pairs > 0.3 and zeros_even / pairs < 0.01:
        return "utf-16-le"
    if zeros_even / pairs > 0.3 and zeros_odd / pairs < 0.01:
        return "utf-16-be"
    # A text file with a stray NUL is worth an error naming the line; binary data has many NULs or other controls.
    nuls = head.count(0)
    if (nuls > 16 and nuls / len(head) > 0.01) or _control_share(head.replace(b"\x00", b"")) > _BINARY_CONTROL_SHARE:
        raise NotATable("This file holds binary data, not a text table.")
    offset = head.index(b"\x00")
    raise NotATable(f"Line {line_at_offset(path, offset)} contains a NUL byte, which a text table cannot contain.")


def _control_share(data: bytes) -> float:
    return len(data.translate(None, _NOT_CONTROL)) / max(len(data), 1)


def _cut_at_line_break(data: bytes) -> bytes:
    """Drop a trailing partial line (CR and LF never occur inside a UTF-8 or GB18030 character)."""
    end = max(data.rfind(b"\n"), data.rfind(b"\r"))
    return data[: end + 1] if end >= 0 else data


def _windows(f: BinaryIO, size: int) -> list[_Window]:
    """Samples after the head, evenly spaced, the last one ending the file, each starting after a line break."""
    rest = size - SAMPLE_BYTES
    if rest <= 0:
        return []
    count = min(EXTRA_WINDOWS, max(1, rest // SAMPLE_BYTES))
    out = []
    for i in range(1, count + 1):
        start = max(SAMPLE_BYTES, SAMPLE_BYTES + (rest - SAMPLE_BYTES) * i // count)
        f.seek(start)
        data = f.read(SAMPLE_BYTES)
        breaks = [i for i in (data.find(b"\n"), data.find(b"\r")) if i >= 0]
        if not breaks:
            continue
        final = start + len(data) >= size
        body = data[min(breaks) + 1 :]
        out.append(_Window(start + min(breaks) + 1, body if final else _cut_at_line_break(body), final))
    return out


def _first_error(windows: list[_Window], codec: str) -> int | None:
    """File offset of the first byte in the windows that ``codec`` cannot decode, or None.

    A window that does not reach the end of the file may end inside a character (a line longer than the window);
    incremental decoding treats that as incomplete, not invalid.
    """
    for window in windows:
        try:
            codecs.getincrementaldecoder(codec)().decode(window.data, window.final)
        except UnicodeDecodeError as exc:
            return window.base + exc.start
    return None


def _refuse_utf8_gbk_mix(windows: list[_Window], path: Path) -> None:
    """Raise if some lines are UTF-8 Chinese and others are not UTF-8 at all.

    GB18030 decodes most UTF-8 byte sequences without error (as mojibake), so decoding success alone cannot
    reveal a file that switches from UTF-8 to GBK. A line that is valid UTF-8 *and* yields CJK characters is
    almost never accidental GBK, so such lines vote for UTF-8.
    """
    utf8_lines: list[int] = []
    other_lines: list[int] = []
    for window in windows:
        pos = window.base
        lines = window.data.split(b"\n")
        for line in lines if window.final else lines[:-1]:  # an unfinished line may end inside a character
            if not line.isascii():
                try:
                    (utf8_lines if _CJK.search(line.decode("utf-8")) else other_lines).append(pos)
                except UnicodeDecodeError:
                    other_lines.append(pos)
            pos += len(line) + 1
    if not utf8_lines or not other_lines:
        return
    # A few accidental "UTF-8" lines in a GBK file are noise; any GBK line in a UTF-8 file is a real mix.
    if len(utf8_lines) < len(other_lines) and len(utf8_lines) < max(3, len(other_lines) // 100):
        return
    utf8_first = utf8_lines[0] < other_lines[0]
    offset = other_lines[0] if utf8_first else utf8_lines[0]
    first, then = ("UTF-8", "another encoding (it looks like GBK)") if utf8_first else ("GBK", "UTF-8")
    raise UndecodableText(
        f"The file mixes text encodings: it starts as {first} but line {line_at_offset(path, offset)} "
        f"(byte offset {offset}) is {then}. Save the whole file with one encoding and import it again."
    )


def _undecodable(offset: int, windows: list[_Window], path: Path) -> UndecodableText:
    """The error for a file no candidate decodes; ``offset`` is the first byte that is not UTF-8."""
    line = line_at_offset(path, offset)
    utf8_before = any(not w.data[: max(0, offset - w.base)].isascii() for w in windows if w.base < offset)
    if utf8_before:
        rest = next(w.data[offset - w.base :] for w in windows if w.base <= offset < w.base + len(w.data))
        bad_line = _Window(0, rest.split(b"\n", 1)[0], final=False)
        looks = " (it looks like GBK)" if _first_error([bad_line], "gb18030") is None else ""
        return UndecodableText(
            f"The file mixes text encodings: it starts as UTF-8 but line {line} (byte offset {offset}) is not "
            f"UTF-8{looks}. Save the whole file with one encoding and import it again."
        )
    return UndecodableText(
        f"The text encoding of this file could not be recognised (it is not UTF-8, UTF-16 or GBK); the first "
        f"unreadable byte is on line {line} (byte offset {offset}). Choose the encoding by hand or save the file "
        "as UTF-8."
    )


def line_at_offset(path: Path, offset: int, codec: str = "latin-1") -> int:
    """1-based line holding byte ``offset`` of a text file in ``codec`` (a cold path, for error messages).

    The default codec maps bytes one to one, which counts lines correctly for every ASCII-compatible encoding.
    """
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    breaks, last = 0, ""
    with open(path, "rb") as f:
        remaining = offset
        while remaining > 0 and (data := f.read(min(remaining, 1 << 20))):
            remaining -= len(data)
            text = decoder.decode(data)
            # A CRLF split across chunks must count once, as it does inside one chunk.
            breaks += text.count("\n") + text.count("\r") - (last + text).count("\r\n")
            last = text[-1:] or last
    return breaks + 1


def first_undecodable(path: Path, codec: str) -> int:
    """Byte offset of the first byte ``codec`` cannot decode (the file size if there is none; a cold path)."""
    decoder = codecs.getincrementaldecoder(codec)()
    consumed = 0
    with open(path, "rb") as f:
        while data := f.read(1 << 20):
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(data)
            except UnicodeDecodeError as exc:
                return consumed - pending + exc.start
            consumed += len(data)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as exc:
            return consumed - len(exc.object) + exc.start
    return consumed


def _line_number(text: str, index: int) -> int:
    """1-based line of ``text[index]``, counting CR, LF and CRLF as one line break each (as the csv module does)."""
    before = text[:index]
    return before.count("\n") + before.count("\r") - before.count("\r\n") + 1
