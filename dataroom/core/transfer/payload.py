"""The payload plaintext: one JSON header line, then the rows as CSV (RFC 4180: CRLF, minimal quoting), UTF-8.

It only ever exists in memory, a chunk at a time: :class:`PayloadSource` is the file object age encryption
reads from, handing over the chunks of records it is given (:mod:`~dataroom.core.transfer.payload_chunks`);
:class:`PayloadSink` is the file object age decryption writes into, parsing complete records as they arrive and
handing them over in batches. Both hash and count the exact plaintext bytes. Nothing is written to disk unencrypted.

pyrage holds the GIL while it encrypts or decrypts, so a second thread would not overlap any work; the import
therefore parses inside the decryptor's ``write`` calls on the importing thread (the one that owns the vault
connection), which also keeps error handling simple: an exception raised here stops the decryption at once.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.ingest.csv_reader import FIELD_CAP
from dataroom.core.transfer.errors import TamperedPacket

FORMAT = "dataroom-payload"
VERSION = 1
#: Parse when this much plaintext has arrived (fewer, larger parses are cheaper).
PARSE_BYTES = 1 << 20
#: A header line longer than this is not one Dataroom wrote.
MAX_HEADER = 1 << 20
#: CRLFs inside quoted fields skipped when looking for the end of the last complete record.
_MAX_PROBES = 16


def header(packet_id: str, columns: Sequence[str]) -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "packet_id": packet_id, "columns": list(columns)}


class PayloadSource:
    """A readable file object producing the payload: its header line, then chunks of CSV records, each given as
    (its UTF-8 bytes, its record count)."""

    def __init__(self, head: dict[str, Any], chunks: Iterator[tuple[bytes, int]]) -> None:
        self._chunks = self._produce(head, chunks)
        #: What stopped the rows (a cancel, a database error): age reports it only as its own error.
        self.failure: BaseException | None = None
        self._chunk = b""
        self._pos = 0
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.rows = 0

    def _produce(self, head: dict[str, Any], chunks: Iterator[tuple[bytes, int]]) -> Iterator[bytes]:
        yield canonical_json(head) + b"\n"
        for data, rows in chunks:
            if data:
                self.rows += rows
                yield data

    def read(self, size: int = -1) -> bytes:
        while self._pos >= len(self._chunk):
            try:
                chunk = next(self._chunks, None)
            except BaseException as exc:
                self.failure = exc
                raise
            if chunk is None:
                return b""
            self.sha256.update(chunk)
            self.size += len(chunk)
            self._chunk, self._pos = chunk, 0
        end = len(self._chunk) if size is None or size < 0 else self._pos + size
        out = self._chunk[self._pos : end]
        self._pos += len(out)
        return out


class PayloadSink:
    """A writable file object parsing decrypted payload bytes into rows, handed to ``on_rows`` in batches.

    ``expected_size`` bounds the plaintext (a payload larger than its signed manifest says is refused before it
    is read further); :meth:`finish` checks that the last record was complete. The caller compares
    :attr:`sha256`, :attr:`size` and :attr:`rows` with the manifest before it commits anything.
    """

    def __init__(
        self, packet_id: str, columns: Sequence[str], expected_size: int, on_rows: Callable[[list[list[str]]], None]
    ) -> None:
        self._packet_id = packet_id
        self._columns = list(columns)
        self._width = len(self._columns)
        self._expected = expected_size
        self._on_rows = on_rows
        self._pending = bytearray()
        self._threshold = PARSE_BYTES
        self._header_done = False
        csv.field_size_limit(FIELD_CAP)  # process-wide; the same cap as importing a CSV file
        self.sha256 = hashlib.sha256()
        self.size = 0
        self.rows = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self._expected:
            raise TamperedPacket("The packet holds more data than its signed manifest declares; nothing was imported.")
        self.sha256.update(data)
        self._pending += data
        if len(self._pending) >= self._threshold:
            self._parse(final=False)
            # Normally the buffer is nearly empty now; inside a huge quoted field, wait for another chunk's worth.
            self._threshold = len(self._pending) + PARSE_BYTES
        return len(data)

    def flush(self) -> None:
        """Nothing buffered needs flushing (rows are parsed in :meth:`write` and :meth:`finish`)."""

    def finish(self) -> None:
        """Parse what is left; refuse a payload whose last record is incomplete."""
        self._parse(final=True)
        if not self._header_done:
            raise TamperedPacket("The packet's payload has no header line; nothing was imported.")
        if self._pending:
            raise TamperedPacket("The packet's payload ends inside a record (it is truncated); nothing was imported.")

    def _take_header(self) -> bool:
        end = self._pending.find(b"\n")
        if end < 0:
            if len(self._pending) > MAX_HEADER:
                raise TamperedPacket("The packet's payload does not start with a Dataroom header.")
            return False
        try:
            head = json.loads(bytes(self._pending[:end]).decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise TamperedPacket("The packet's payload header is not readable; nothing was imported.") from None
        if head != header(self._packet_id, self._columns):
            raise TamperedPacket("The payload belongs to another packet or other columns than the manifest says.")
        del self._pending[: end + 1]
        self._header_done = True
        return True

    def _complete(self) -> int:
        """Length of the complete records at the start of the buffer: up to the last CRLF outside quotes.

        The writer quotes every field holding a quote, CR or LF, and quotes come in pairs, so a CRLF ends a record
        exactly when an even number of quotes precede it (counted from the buffer's start, itself a record start).
        """
        cut = self._pending.rfind(b"\r\n")
        for _ in range(_MAX_PROBES):
            if cut < 0:
                return 0
            if self._pending.count(b'"', 0, cut) % 2 == 0:
                return cut + 2
            cut = self._pending.rfind(b"\r\n", 0, cut)
        return 0  # a long quoted field with many line breaks: wait for more data

    def _parse(self, *, final: bool) -> None:
        if not self._header_done and not self._take_header():
            return
        end = len(self._pending) if final else self._complete()
        if not end:
            return
        try:
            text = bytes(self._pending[:end]).decode("utf-8")
        except UnicodeDecodeError:
            raise TamperedPacket("The packet's payload is not valid UTF-8 text; nothing was imported.") from None
        del self._pending[:end]
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
        except csv.Error:
            raise TamperedPacket("The packet's payload is not well-formed CSV; nothing was imported.") from None
        if final and text and not text.endswith("\r\n"):
            raise TamperedPacket("The packet's payload ends inside a record (it is truncated); nothing was imported.")
        if rows:
            if len(rows[0]) != self._width or len(set(map(len, rows))) != 1:
                raise TamperedPacket("A row of the payload has the wrong number of values; nothing was imported.")
            self.rows += len(rows)
            self._on_rows(rows)
