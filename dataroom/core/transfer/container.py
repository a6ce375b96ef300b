"""The packet container: a ZIP file in exactly one layout, written and read strictly.

A packet (``.drpkt``) holds three stored (uncompressed) members in this order: ``payload.age``, ``manifest.json``,
``manifest.sig``. Every header field has one permitted value (no timestamps, fixed attributes, ZIP64 sizes
always), members follow each other without gaps, and nothing comes after the end record. The file stays an
ordinary ZIP that any tool can list and extract, but the reader here accepts only that one layout, so:

* there is no room for path traversal, directories, symbolic links, extra or duplicate members, compression
  (zip bombs), prepended or appended data — each is a layout violation and refused;
* every byte of the file is covered by a check: header bytes by the layout, member bytes by their CRC-32, the
  manifest by its signature, the payload by the SHA-256 in the signed manifest. Flip any byte and the packet is
  refused; nothing about the file can be changed silently.

Writing is streaming: the payload member is written as it is encrypted, and its header is patched afterwards
(the output must be seekable, which the atomic writer's temp file is).
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from dataroom.core.transfer.errors import NotAPacket, TamperedPacket

PAYLOAD = "payload.age"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
#: The members, in file order.
MEMBERS = (PAYLOAD, MANIFEST, SIGNATURE)
SUFFIX = ".drpkt"

#: Largest manifest accepted (a real one is a few kilobytes).
MAX_MANIFEST = 1 << 20
#: An Ed25519 signature, raw.
SIGNATURE_SIZE = 64

_LFH = struct.Struct("<IHHHHHIIIHH")  # local file header, 30 bytes
_CDH = struct.Struct("<IHHHHHHIIIHHHHHII")  # central directory header, 46 bytes
_Z64_LOCAL = struct.Struct("<HHQQ")  # ZIP64 extra in a local header: sizes
_Z64_CENTRAL = struct.Struct("<HHQQQ")  # ZIP64 extra in the central directory: sizes and header offset
_Z64_EOCD = struct.Struct("<IQHHIIQQQQ")  # ZIP64 end of central directory record, 56 bytes
_Z64_LOCATOR = struct.Struct("<IIQI")  # ZIP64 end of central directory locator, 20 bytes
_EOCD = struct.Struct("<IHHHHIIH")  # end of central directory record, 22 bytes

_SIG_LFH, _SIG_CDH, _SIG_Z64_EOCD, _SIG_Z64_LOC, _SIG_EOCD = 0x04034B50, 0x02014B50, 0x06064B50, 0x07064B50, 0x06054B50
_VERSION = 45  # ZIP64
_MADE_BY = (3 << 8) | _VERSION  # Unix
_DOS_DATE = 0x0021  # 1980-01-01, the earliest ZIP date: packets carry their time in the signed manifest only
_ATTRS = 0o100644 << 16  # a regular file, rw-r--r--
_FFFF = 0xFFFFFFFF
_CHUNK = 1 << 20


def _local_header(name: bytes, crc: int, size: int) -> bytes:
    head = _LFH.pack(_SIG_LFH, _VERSION, 0, 0, 0, _DOS_DATE, crc, _FFFF, _FFFF, len(name), _Z64_LOCAL.size)
    return head + name + _Z64_LOCAL.pack(1, 16, size, size)


def _central_header(name: bytes, crc: int, size: int, offset: int) -> bytes:
    head = _CDH.pack(
        _SIG_CDH, _MADE_BY, _VERSION, 0, 0, 0, _DOS_DATE, crc, _FFFF, _FFFF, len(name), _Z64_CENTRAL.size, 0, 0, 0,
        _ATTRS, _FFFF,
    )  # fmt: skip
    return head + name + _Z64_CENTRAL.pack(1, 24, size, size, offset)


def _trailer(cd_offset: int, cd_size: int) -> bytes:
    n = len(MEMBERS)
    z64 = _Z64_EOCD.pack(_SIG_Z64_EOCD, 44, _MADE_BY, _VERSION, 0, 0, n, n, cd_size, cd_offset)
    locator = _Z64_LOCATOR.pack(_SIG_Z64_LOC, 0, cd_offset + cd_size, 1)
    return z64 + locator + _EOCD.pack(_SIG_EOCD, 0, 0, n, n, _FFFF, _FFFF, 0)


@dataclass(frozen=True)
class Member:
    """Where one member's bytes are, and their declared CRC-32."""

    name: str
    offset: int  # of the data, not the header
    size: int
    crc: int


class _MemberSink:
    """The writable body of the member being streamed; counts bytes, keeps the CRC-32 and the SHA-256."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self.size = 0
        self.crc = 0
        self.sha256 = hashlib.sha256()

    def write(self, data: bytes) -> int:
        self._fh.write(data)
        self.size += len(data)
        self.crc = zlib.crc32(data, self.crc)
        self.sha256.update(data)
        return len(data)

    def flush(self) -> None:
        """pyrage flushes its output; the container writer flushes once at the end instead."""


class ContainerWriter:
    """Writes the three members in order into ``fh`` (seekable, empty); call :meth:`finish` at the end."""

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._entries: list[tuple[bytes, int, int, int]] = []  # name, crc, size, header offset

    def _expect(self, name: str) -> bytes:
        expected = MEMBERS[len(self._entries)] if len(self._entries) < len(MEMBERS) else None
        if name != expected:
            raise ValueError(f"container members must be written in the order {MEMBERS}")
        return name.encode("ascii")

    def stream(self, name: str) -> _MemberSink:
        """Start member ``name`` and return its sink; :meth:`close_stream` completes it."""
        raw = self._expect(name)
        self._header_at = self._fh.tell()
        self._fh.write(_local_header(raw, 0, 0))
        self._sink = _MemberSink(self._fh)
        self._raw = raw
        return self._sink

    def close_stream(self) -> None:
        """Patch the streamed member's header with its CRC and size."""
        sink, raw, at = self._sink, self._raw, self._header_at
        end = self._fh.tell()
        self._fh.seek(at)
        self._fh.write(_local_header(raw, sink.crc, sink.size))
        self._fh.seek(end)
        self._entries.append((raw, sink.crc, sink.size, at))

    def add(self, name: str, data: bytes) -> None:
        """Write a small member whole."""
        raw = self._expect(name)
        at = self._fh.tell()
        crc = zlib.crc32(data)
        self._fh.write(_local_header(raw, crc, len(data)) + data)
        self._entries.append((raw, crc, len(data), at))

    def finish(self) -> None:
        if len(self._entries) != len(MEMBERS):
            raise ValueError("a packet needs all of its members before it is finished")
        cd_offset = self._fh.tell()
        directory = b"".join(_central_header(n, c, s, o) for n, c, s, o in self._entries)
        self._fh.write(directory + _trailer(cd_offset, len(directory)))


def _bad(detail: str) -> TamperedPacket:
    return TamperedPacket(f"The packet file is damaged or was altered: {detail}. Nothing was imported.")


class Container:
    """A packet file whose layout checked out; member bytes are NOT verified yet (see the module doc)."""

    def __init__(self, path: Path, size: int, members: dict[str, Member]) -> None:
        self.path = path
        self.size = size
        self.members = members

    def read_small(self, name: str) -> bytes:
        """A whole small member (manifest or signature), its CRC checked."""
        m = self.members[name]
        with open(self.path, "rb") as fh:
            fh.seek(m.offset)
            data = fh.read(m.size)
        if len(data) != m.size or zlib.crc32(data) != m.crc:
            raise _bad(f"the {name} member does not match its checksum")
        return data

    def iter_member(self, name: str, chunk: int = _CHUNK) -> Iterator[bytes]:
        """A member's bytes in chunks (the caller hashes them; the CRC is checked at the end)."""
        m = self.members[name]
        crc, left = 0, m.size
        with open(self.path, "rb") as fh:
            fh.seek(m.offset)
            while left:
                data = fh.read(min(chunk, left))
                if not data:
                    raise _bad(f"the file ends inside {name}")
                crc = zlib.crc32(data, crc)
                left -= len(data)
                yield data
        if crc != m.crc:
            raise _bad(f"the {name} member does not match its checksum")

    def open_member(self, name: str) -> MemberReader:
        return MemberReader(self.path, self.members[name])


class MemberReader:
    """A read-only file object over one member's bytes, hashing nothing (the decrypting side wraps it)."""

    def __init__(self, path: Path, member: Member) -> None:
        self._fh = open(path, "rb")  # noqa: SIM115 - closed by close() / the context manager
        self._fh.seek(member.offset)
        self._left = member.size

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0 or size > self._left:
            size = self._left
        data = self._fh.read(size)
        self._left -= len(data)
        return data

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> MemberReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_container(path: Path) -> Container:
    """Check the layout of ``path`` and locate the members, or raise :class:`NotAPacket` / :class:`TamperedPacket`."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
        with open(path, "rb") as fh:
            return _parse(fh, path, size)
    except OSError as exc:
        raise NotAPacket(f"Cannot read {path.name}: {exc.strerror or exc}.") from None


def _parse(fh: BinaryIO, path: Path, size: int) -> Container:
    tail_size = _Z64_EOCD.size + _Z64_LOCATOR.size + _EOCD.size
    head = fh.read(4)
    if head != struct.pack("<I", _SIG_LFH) or size < tail_size:
        raise NotAPacket(f"{path.name} is not a Dataroom packet (it is not a packet container).")
    fh.seek(size - tail_size)
    tail = fh.read(tail_size)
    z64 = _Z64_EOCD.unpack_from(tail, 0)
    locator = _Z64_LOCATOR.unpack_from(tail, _Z64_EOCD.size)
    eocd = _EOCD.unpack_from(tail, _Z64_EOCD.size + _Z64_LOCATOR.size)
    n = len(MEMBERS)
    if eocd != (_SIG_EOCD, 0, 0, n, n, _FFFF, _FFFF, 0):
        if eocd[0] != _SIG_EOCD:
            raise _bad("its end record is missing (the file is truncated, or something was appended)")
        raise _bad("its end record is not the one Dataroom writes (members added, removed or renamed)")
    cd_size, cd_offset = z64[8], z64[9]
    z64_at = size - tail_size
    if z64[:8] != (_SIG_Z64_EOCD, 44, _MADE_BY, _VERSION, 0, 0, n, n) or cd_offset + cd_size != z64_at:
        raise _bad("its directory record is not the one Dataroom writes")
    if locator != (_SIG_Z64_LOC, 0, z64_at, 1):
        raise _bad("its directory locator is not the one Dataroom writes")
    expected_cd = sum(_CDH.size + len(m) + _Z64_CENTRAL.size for m in MEMBERS)
    if cd_size != expected_cd or cd_offset < 0:
        raise _bad("its directory does not list exactly the three packet members")
    fh.seek(cd_offset)
    directory = fh.read(cd_size)
    if len(directory) != cd_size:
        raise _bad("its directory is cut short")
    members: dict[str, Member] = {}
    at = 0
    next_header = 0
    for name in MEMBERS:
        raw = name.encode("ascii")
        fields = _CDH.unpack_from(directory, at)
        found = directory[at + _CDH.size : at + _CDH.size + len(raw)]
        if found != raw:
            shown = found.decode("utf-8", "replace")[:40]
            raise _bad(f"it holds a member named {shown!r} where {name!r} belongs")
        extra = _Z64_CENTRAL.unpack_from(directory, at + _CDH.size + len(raw))
        crc, data_size, header_at = fields[7], extra[2], extra[4]
        expected = _central_header(raw, crc, data_size, header_at)
        if directory[at : at + len(expected)] != expected or extra[3] != data_size:
            raise _bad(f"the directory entry of {name} is not the one Dataroom writes")
        if header_at != next_header:
            raise _bad(f"there are unexpected bytes before {name}")
        fh.seek(header_at)
        local = fh.read(_LFH.size + len(raw) + _Z64_LOCAL.size)
        if local != _local_header(raw, crc, data_size):
            raise _bad(f"the header of {name} does not match the directory")
        data_at = header_at + len(local)
        next_header = data_at + data_size
        if next_header > cd_offset:
            raise _bad(f"{name} claims to be larger than the file")
        members[name] = Member(name, data_at, data_size, crc)
        at += len(expected)
    if next_header != cd_offset:
        raise _bad("there are unexpected bytes between the members and the directory")
    if members[MANIFEST].size > MAX_MANIFEST:
        raise _bad("its manifest is far larger than any manifest Dataroom writes")
    if members[SIGNATURE].size != SIGNATURE_SIZE:
        raise _bad("its signature member has the wrong size")
    return Container(path, size, members)
