"""Receiving a packet: check it without decrypting (:func:`inspect`), then decrypt it straight into a new dataset
inside one vault transaction (:func:`receive`).

The order of the checks is the point:

1. the container's layout (no traversal, no extra members, no compression, sane sizes — see ``container``);
2. the sender named in the manifest must be a CONFIRMED counterparty card here (any key generation);
3. the manifest's Ed25519 signature must verify with that card's key — only now is anything in it believed;
4. the recipient must be one of this vault's own identity generations; the packet id must be new (no replay);
   the NDA must be held here with the same content;
5. the encrypted payload must hash to what the signed manifest says — before a byte is decrypted;
6. decryption streams into the new dataset's table; the plaintext is hashed as it flows, and the transaction
   commits only if hash, size and row count all match the manifest. age authenticates each chunk but notices a
   truncation only at the very end, so nothing is committed before the whole payload is through.
"""

from __future__ import annotations

import hashlib
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyrage

from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.importer import check_name
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import counterparties, fingerprint, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.counterparties import PartyCard
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.pii.classifier import ColumnClassification
from dataroom.core.pii.types import DataClass, PiiType
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import container, manifest, payload, records
from dataroom.core.transfer.errors import (
    NdaMismatch,
    ReplayedPacket,
    TamperedPacket,
    UnknownSender,
    WrongRecipient,
)
from dataroom.core.transfer.manifest import Manifest

Connection = Any


@dataclass
class Inspection:
    """What checking a packet found. ``problems`` are typed errors, the first being what an import raises."""

    path: Path
    problems: list[DataroomError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    manifest: Manifest | None = None  # set only once the signature verified
    sender: PartyCard | None = None
    recipient_generation: int | None = None
    packet_sha256: str | None = None
    container: container.Container | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def signature_valid(self) -> bool:
        return self.manifest is not None

    def raise_if_refused(self) -> Inspection:
        if self.problems:
            raise self.problems[0]
        return self

    def describe(self) -> list[str]:
        """The result in words, for the CLI and the GUI's confirmation dialog."""
        verdict = "can be imported" if self.ok else "REFUSED"
        out = [f"Packet {self.path.name}: {verdict}"]
        m = self.manifest
        if m is not None:
            s, r = m.sender, m.recipient
            confirmed = self.sender.confirmation_text() if self.sender else "not confirmed"
            out += [
                f"  packet id: {m.packet_id}, made {m.created_at}",
                f"  sender: {s['organisation']} ({s['person']}), signature valid; card {confirmed}",
                "    fingerprint " + " / ".join(fingerprint.lines(m.sender_fingerprint)),
                f"  recipient: {r['organisation']} ({r['person']})",
                f"  NDA: {m.nda_id} (content SHA-256 {m.nda_sha256[:16]}…)",
                f"  dataset: {m.dataset}, {m.rows} rows × {len(m.columns)} columns"
                + (" — FULL data" if m.full else f" — redacted, policy v{m.policy_version}"),
                f"  policy SHA-256: {m.policy_sha256}",
                f"  plaintext SHA-256: {m.plaintext_sha256}",
                f"  manifest SHA-256: {m.sha256}",
                f"  sender's audit head: #{m.anchor[0]} {m.anchor[1][:16]}…",
            ]
            for c in m.columns:
                out.append(f"    {c.name}: {c.data_class}, {c.describe_operator()}")
        if self.packet_sha256:
            out.append(f"  packet file SHA-256: {self.packet_sha256}")
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  problem: {p}" for p in self.problems]
        return out


def _sender(conn: Connection, fp: str, claimed_org: str) -> PartyCard:
    if not fp:
        raise TamperedPacket("The packet's manifest names no valid sender fingerprint; it was damaged or altered.")
    if identity.by_fingerprint(conn, fp) is not None:
        raise UnknownSender("This packet was made by this vault itself; it is meant for its recipient, not for you.")
    found = counterparties.find(conn, fp)
    who = f"{claimed_org} ({fp[:11]}…)" if claimed_org else f"the card {fp[:11]}…"
    if found is None:
        raise UnknownSender(f"The packet claims to come from {who}, whose identity card is not imported here. "
                            "Import and confirm their card first; nothing was imported.")  # fmt: skip
    if found.status == "suspect":
        raise UnknownSender(f"The sender's card {who} is suspect (fingerprint mismatch with another card of the "
                            "same party); resolve that before accepting data from it.")  # fmt: skip
    if not found.confirmed:
        raise UnknownSender(f"The sender's card {who} was never confirmed out of band; compare its fingerprint "
                            "with them and confirm it first. Nothing was imported.")  # fmt: skip
    return found


def hash_file(box: container.Container) -> tuple[str, str, bool]:
    """SHA-256 of the whole file and of the payload member, and whether the payload's CRC-32 matches; one pass."""
    whole, part = hashlib.sha256(), hashlib.sha256()
    m = box.members[container.PAYLOAD]
    start, end = m.offset, m.offset + m.size
    crc = 0
    at = 0
    with open(box.path, "rb") as fh:
        while block := fh.read(1 << 20):
            whole.update(block)
            lo, hi = max(start - at, 0), min(end - at, len(block))
            if lo < hi:
                piece = block[lo:hi]
                part.update(piece)
                crc = zlib.crc32(piece, crc)
            at += len(block)
    return whole.hexdigest(), part.hexdigest(), crc == m.crc


def inspect(conn: Connection, path: Path) -> Inspection:
    """Check a packet completely without decrypting anything (see the module doc for the order)."""
    path = Path(path)
    result = Inspection(path)
    try:
        box = container.open_container(path)
        raw = box.read_small(container.MANIFEST)
        signature = box.read_small(container.SIGNATURE)
        doc = manifest.parse_unverified(raw)
        claimed_org = doc.get("sender", {}).get("organisation") if isinstance(doc.get("sender"), dict) else ""
        sender = _sender(conn, manifest.claimed_sender(doc), str(claimed_org or "")[:100])
        if not manifest.signature_valid(sender.card.ed25519, raw, signature):
            raise TamperedPacket("The manifest's signature does not verify with the sender's key: the packet was "
                                 "altered after it was signed, or it was not made by that sender.")  # fmt: skip
        checked = manifest.validate(doc, raw)
        if checked.sender_card.fingerprint != sender.fingerprint:
            raise TamperedPacket("The sender's card inside the packet is not the card confirmed here.")
    except DataroomError as exc:
        result.problems.append(exc)
        return result
    result.manifest, result.sender, result.container = checked, sender, box
    own = identity.by_fingerprint(conn, checked.recipient_fingerprint)
    if own is None:
        r = checked.recipient
        result.problems.append(WrongRecipient(
            f"This packet was made for {r['organisation']} ({r['person']}, {checked.recipient_fingerprint[:11]}…), "
            "not for this vault's identity. Nothing was imported."
        ))  # fmt: skip
    else:
        result.recipient_generation = own.generation
        if not own.current:
            result.notes.append(f"It is encrypted to your retired key generation {own.generation}.")
    earlier = records.find_received(conn, checked.packet_id)
    if earlier is not None:
        result.problems.append(ReplayedPacket(
            f"Packet {checked.packet_id} was already received on {earlier.received_at[:10]} (as dataset "
            f"{earlier.dataset!r}); a packet is imported once. Nothing was imported."
        ))  # fmt: skip
    agreement = ndas.find(conn, checked.nda_id)
    if agreement is None:
        result.problems.append(NdaMismatch(
            f"The packet is sent under NDA {checked.nda_id}, which this vault does not hold. Import the signed NDA "
            "first; nothing was imported."
        ))  # fmt: skip
    elif agreement.content_sha256 != checked.nda_sha256:
        result.problems.append(NdaMismatch(
            f"The packet names NDA {checked.nda_id} with other content than the NDA held here; nothing was imported."
        ))  # fmt: skip
    else:
        state = ndas.status(conn, agreement.id)
        if not state.in_force:
            why = " ".join(r.message for r in state.reasons)
            result.notes.append(f"NDA {agreement.id} is not in force today: {why}")
    payload_member = box.members[container.PAYLOAD]
    file_sha, payload_sha, crc_ok = hash_file(box)
    result.packet_sha256 = file_sha
    if payload_member.size != checked.payload_size or payload_sha != checked.payload_sha256 or not crc_ok:
        result.problems.append(TamperedPacket(
            "The encrypted payload does not match the signed manifest: it was changed, damaged or truncated after "
            "signing. Nothing was decrypted or imported."
        ))  # fmt: skip
    return result


@dataclass(frozen=True)
class Received:
    """A packet imported as a dataset."""

    info: DatasetInfo
    manifest: Manifest
    packet_sha256: str


class _HashingReader:
    """The payload member as a file object for age, hashing the ciphertext again as it is read (the file could
    have changed since it was checked)."""

    def __init__(self, reader: container.MemberReader) -> None:
        self._reader = reader
        self.sha256 = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._reader.read(size)
        self.sha256.update(data)
        return data


def decrypt(checked: Inspection, age: pyrage.x25519.Identity, sink: Any) -> str:
    """The decrypt stage of an import: the inspected packet's payload decrypted with ``age`` into ``sink`` (a
    writable file object; the import's parses rows). Returns the SHA-256 of the ciphertext as it was read, which
    the caller compares with the manifest (the file could have changed since it was inspected)."""
    assert checked.container is not None
    with checked.container.open_member(container.PAYLOAD) as member:
        source = _HashingReader(member)
        try:
            pyrage.decrypt_io(source, sink, [age])
        except pyrage.DecryptError:
            raise TamperedPacket("The payload cannot be decrypted with this vault's key: it is damaged, truncated, "
                                 "or was encrypted to another key. Nothing was imported.") from None  # fmt: skip
        except OSError:
            raise TamperedPacket("The payload is damaged or truncated (its encryption does not authenticate); "
                                 "nothing was imported.") from None  # fmt: skip
    return source.sha256.hexdigest()


def _free_name(conn: Connection, wanted: str) -> str:
    name, n = wanted, 2
    while store.find(conn, name) is not None:
        name, n = f"{wanted} ({n})", n + 1
    return name


def receive(
    tx: Connection,
    checked: Inspection,
    actor: str,
    *,
    name: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Received:
    """Decrypt an inspected packet into a new dataset inside the caller's transaction ``tx`` (see the module doc).

    Any failure raises before the caller commits, so the transaction rolls back with every row it inserted.
    """
    checked.raise_if_refused()
    m, box, sender = checked.manifest, checked.container, checked.sender
    assert m is not None and box is not None and sender is not None and checked.recipient_generation is not None
    if records.find_received(tx, m.packet_id) is not None:  # again, inside the write transaction
        raise ReplayedPacket(f"Packet {m.packet_id} was already received; nothing was imported.")
    if name is not None:
        name = check_name(name)
        if store.find(tx, name) is not None:
            raise InputError(f"There is already a dataset named {name!r}; choose another name.")
    else:
        name = _free_name(tx, check_name(m.dataset))
    names = [c.name for c in m.columns]
    now = utc_now()
    provenance = {
        "packet_id": m.packet_id, "sender_fingerprint": m.sender_fingerprint,
        "sender_organisation": m.sender["organisation"], "nda_id": m.nda_id, "nda_sha256": m.nda_sha256,
        "full": m.full, "policy_version": m.policy_version, "policy_sha256": m.policy_sha256,
        "manifest_sha256": m.sha256, "packet_sha256": checked.packet_sha256, "sent_at": m.created_at,
        "source_dataset": m.dataset, "source_dataset_sha256": m.dataset_sha256,
    }  # fmt: skip
    dataset_id = store.create(
        tx, name=name, header=names, source_header=[c.source for c in m.columns], source_name=box.path.name,
        source_sha256=m.plaintext_sha256, source_kind="packet", encoding="utf-8", delimiter=",", sheet=None,
        imported_by=actor, imported_at=now, provenance=provenance,
    )  # fmt: skip
    sql = store.insert_sql(dataset_id, len(names))

    def insert(rows: list[list[str]]) -> None:
        if cancel is not None:
            cancel.check()
        tx.executemany(sql, rows)
        progress(sink.rows, m.rows)

    sink = payload.PayloadSink(m.packet_id, names, m.plaintext_size, insert)
    ciphertext_sha256 = decrypt(checked, identity.keyset(tx, checked.recipient_generation).age, sink)
    sink.finish()
    if ciphertext_sha256 != m.payload_sha256:
        raise TamperedPacket("The packet file changed while it was being imported; nothing was imported.")
    if sink.sha256.hexdigest() != m.plaintext_sha256 or sink.size != m.plaintext_size or sink.rows != m.rows:
        raise TamperedPacket("The decrypted data does not match the signed manifest (content hash, size or row "
                             "count differ); nothing was imported.")  # fmt: skip
    store.finish(tx, dataset_id, sink.rows, [], m.plaintext_sha256)
    info = store.get(tx, name)
    for position, c in enumerate(m.columns, start=1):
        t = PiiType(c.type) if c.type in PiiType._value2member_map_ else PiiType.TEXT
        cls = DataClass(c.data_class) if c.data_class in DataClass._value2member_map_ else DataClass.SENSITIVE
        evidence = {"source": "packet", "packet_id": m.packet_id, "operator": c.describe_operator()}
        classes.save_detection(tx, dataset_id, position, ColumnClassification(t, cls, 1.0, evidence))  # type: ignore[arg-type]
    records.add_received(tx, records.ReceivedPacket(
        m.packet_id, m.sender_fingerprint, m.nda_id, dataset_id, name, sink.rows, m.raw, m.sha256,
        checked.packet_sha256 or "", str(box.path.resolve()), now, actor, None, None,
    ))  # fmt: skip
    return Received(info, m, checked.packet_sha256 or "")
