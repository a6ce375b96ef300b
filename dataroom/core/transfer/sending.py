"""Writing a packet: rows of the redacted (or full) view, canaries planted, encrypted to the recipient while they
are produced, the manifest signed, all in one atomically written file.

Memory stays bounded: rows are read, redacted, turned into CSV and encrypted one chunk at a time
(:mod:`~dataroom.core.transfer.payload_chunks`; for a big dataset, worker processes make the chunks as for the
redacted export), and the ciphertext goes straight into the container. The output file appears only once complete
(atomic rename); a failure or a cancel leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from dataroom.core.atomic import atomic_writer
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.cards import Card
from dataroom.core.deal.keys import KeySet
from dataroom.core.errors import InputError
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export_workers import VaultReader, made_chunks
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import container, manifest, payload
from dataroom.core.transfer.manifest import Manifest
from dataroom.core.transfer.payload_chunks import TOKEN_SAMPLE_SUFFIX, PayloadChunks, Placed
from dataroom.core.transfer.policy_view import Release

#: At most this many tokens are kept per packet.
MAX_SAMPLED_TOKENS = 200_000
_UNSAFE = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')


def new_packet_id() -> str:
    return "PKT-" + uuid.uuid4().hex[:24].upper()


def default_file_name(dataset: str, recipient_organisation: str, packet_id: str) -> str:
    """``customers – Example Buyer Ltd – 3F2A91C0.drpkt``, safe on every file system."""
    name = f"{dataset} – {recipient_organisation} – {packet_id[4:12]}"
    return _UNSAFE.sub("_", name).strip(" .")[:150] + container.SUFFIX


@dataclass
class _State:
    """What the payload's chunks reported on the way: canaries as placed, sampled tokens, rows so far."""

    canaries: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)
    tokens: set[str] = field(default_factory=set)
    emitted: int = 0

    def sample(self, tokens: Iterable[str]) -> None:
        if len(self.tokens) < MAX_SAMPLED_TOKENS:
            self.tokens.update(tokens)


def _chunks(
    conn: Any,
    maker: PayloadChunks,
    compiled: CompiledPolicy | None,
    state: _State,
    reader: VaultReader | None,
    progress: Progress,
    cancel: CancelToken | None,
) -> Iterator[tuple[bytes, int]]:
    """The payload's records chunk by chunk in row order, with (bytes, rows), recording what each chunk placed."""
    # Canaries carry the recipient's tokens too; they are sampled like any other row.
    state.sample(t for row in maker.canary_rows for i in maker.sampled if (t := row[i]).endswith(TOKEN_SAMPLE_SUFFIX))
    made_iter = made_chunks(conn, maker, compiled, reader=reader, progress=progress, cancel=cancel)
    with contextlib.closing(made_iter):  # stops the workers as soon as this stream is closed
        for made in made_iter:
            placed: Placed = made.extra
            state.canaries.extend((state.emitted + at, maker.canary_rows[k]) for at, k in placed.canaries)
            state.sample(placed.tokens)
            state.emitted += made.tally[0]
            yield made.data, made.tally[0]


@dataclass(frozen=True)
class WrittenPacket:
    """A packet on disk and what its sender's vault records about it."""

    path: Path
    manifest: Manifest
    signature: bytes
    packet_sha256: str
    canaries: list[tuple[int, tuple[str, ...]]]
    tokens: set[str]


@dataclass(frozen=True)
class Parties:
    """Who sends (with the private keys, used here and dropped) and who receives."""

    sender_keys: KeySet
    sender_card: Card
    recipient_card: Card


@dataclass(frozen=True)
class Sealing:
    """What the manifest says besides the payload's own figures."""

    packet_id: str
    info: DatasetInfo
    release: Release
    parties: Parties
    nda: tuple[str, str]
    anchor: tuple[int, bytes]


def seal(fh: BinaryIO, source: payload.PayloadSource, sealing: Sealing) -> tuple[bytes, bytes]:
    """The encrypt-and-sign stage: the payload read from ``source`` encrypted to the recipient into the container
    on ``fh`` (empty, seekable), then the manifest built over the figures of both, signed, and added. Returns the
    manifest and its signature."""
    recipient = pyrage.x25519.Recipient.from_str(sealing.parties.recipient_card.age_recipient)
    created_at = utc_now()
    writer = container.ContainerWriter(fh)
    sink = writer.stream(container.PAYLOAD)
    try:
        pyrage.encrypt_io(source, sink, [recipient])
    except pyrage.EncryptError:
        if source.failure is not None:
            raise source.failure from None  # e.g. Cancelled, with its message for the user
        raise
    writer.close_stream()
    info, release, parties = sealing.info, sealing.release, sealing.parties
    raw = manifest.build(
        packet_id=sealing.packet_id,
        created_at=created_at,
        sender_card=parties.sender_card,
        recipient_card=parties.recipient_card,
        nda_id=sealing.nda[0],
        nda_sha256=sealing.nda[1],
        dataset=info.name,
        dataset_sha256=info.source_sha256,
        policy_version=release.policy_version,
        policy_sha256=release.policy_sha256,
        columns=release.columns,
        rows=source.rows,
        plaintext_sha256=source.sha256.hexdigest(),
        plaintext_size=source.size,
        payload_sha256=sink.sha256.hexdigest(),
        payload_size=sink.size,
        anchor=sealing.anchor,
    )
    signature = manifest.sign(parties.sender_keys.ed25519, raw)
    writer.add(container.MANIFEST, raw)
    writer.add(container.SIGNATURE, signature)
    writer.finish()
    return raw, signature


def write(
    conn: Any,
    out: Path,
    *,
    packet_id: str,
    info: DatasetInfo,
    release: Release,
    compiled: CompiledPolicy | None,
    canary_at: Sequence[int],
    canary_rows: Sequence[tuple[str, ...]],
    parties: Parties,
    nda: tuple[str, str],
    anchor: tuple[int, bytes],
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
    reader: VaultReader | None = None,
) -> WrittenPacket:
    """Write the packet to ``out`` atomically; ``compiled`` is ``None`` for the full data. With a ``reader`` (whose
    policy is ``compiled``'s, bound the same way), a big dataset's chunks are made by worker processes."""
    if not release.columns:
        raise InputError("The policy releases no column of this dataset; there is nothing to send.")
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    if out.is_dir():
        raise InputError(f"{out} is a folder; give a file name.")
    state = _State()
    names = [c.name for c in release.columns]
    maker = PayloadChunks.of(conn, info, compiled, canary_at, canary_rows)
    chunks = _chunks(conn, maker, compiled, state, reader, progress, cancel)
    source = payload.PayloadSource(payload.header(packet_id, names), chunks)
    with contextlib.closing(chunks), atomic_writer(out) as fh:  # a failed write stops the workers at once
        raw, signature = seal(fh, source, Sealing(packet_id, info, release, parties, nda, anchor))
    digest = hashlib.sha256()
    with open(out, "rb") as done:
        while block := done.read(1 << 20):
            digest.update(block)
    checked = manifest.validate(manifest.parse_unverified(raw), raw)
    return WrittenPacket(out, checked, signature, digest.hexdigest(), state.canaries, state.tokens)
