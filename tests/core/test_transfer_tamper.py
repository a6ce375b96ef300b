"""The tamper suite: every way a packet can be wrong is refused with a clear reason, and nothing is imported —
no dataset, no ``ds_`` table, no packet record — while the refusal itself is audited."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import DataroomError
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import transfer
from dataroom.core.session import Session
from dataroom.core.transfer import container, records
from dataroom.core.transfer.errors import (
    NdaMismatch,
    NotAPacket,
    ReplayedPacket,
    TamperedPacket,
    UnknownSender,
    WrongRecipient,
)
from tests.core.test_deal_helpers import exchange, party, seller_and_buyer, signed_nda
from tests.core.test_transfer_helpers import (
    dataset_tables,
    deal,
    decrypt_as,
    encrypt_for,
    fp,
    in_force_dates,
    members,
    resign,
    write_members,
)


@pytest.fixture
def sent(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer, nda_id = deal(tmp_path)
    export = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "good.drpkt")
    yield seller, buyer, export
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def _nothing_imported(buyer: Session) -> None:
    conn = buyer.vault.connection()
    assert dataset_tables(buyer) == []
    assert conn.execute("SELECT count(*) FROM datasets").fetchone()[0] == 0
    assert records.all_received(conn) == []


def _refused(buyer: Session, path: Path, error: type[DataroomError], match: str | None = None) -> DataroomError:
    before = len(audit_log.records(buyer.vault.connection(), action="packet.import-refused"))
    with pytest.raises(error, match=match) as caught:
        transfer.import_packet(buyer, path)
    _nothing_imported(buyer)
    refusals = audit_log.records(buyer.vault.connection(), action="packet.import-refused")
    assert len(refusals) == before + 1 and refusals[-1].details["reason"] == error.code
    return caught.value


def test_wrong_recipient(sent, tmp_path: Path) -> None:
    seller, _, export = sent
    other = party(tmp_path, "other", "另一家买方", "周八", "zhou@other.example", "buyer")
    exchange(seller, other, tmp_path)
    err = _refused(other, export.path, WrongRecipient, "made for Example Buyer Ltd")
    assert "not for this vault" in str(err)
    checked = transfer.inspect_packet(other, export.path)
    assert not checked.ok and checked.signature_valid
    assert {type(p) for p in checked.problems} == {WrongRecipient, NdaMismatch}


def test_truncated_file(sent, tmp_path: Path) -> None:
    _, buyer, export = sent
    data = export.path.read_bytes()
    for cut in (0, 10, len(data) // 2, len(data) - 100, len(data) - 23, len(data) - 1):
        short = tmp_path / f"cut{cut}.drpkt"
        short.write_bytes(data[:cut])
        with pytest.raises((NotAPacket, TamperedPacket)):
            transfer.import_packet(buyer, short)
    _nothing_imported(buyer)


def test_truncated_ciphertext_signed_by_sender_is_refused_at_the_end(sent, tmp_path: Path) -> None:
    """The manifest matches the cut payload (a buggy sender): age notices only at the end; nothing commits."""
    seller, buyer, export = sent
    payload = members(export.path)[container.PAYLOAD]
    cut = resign(seller, export.path, tmp_path / "cut.drpkt", payload=payload[: len(payload) - 40])
    _refused(buyer, cut, TamperedPacket, r"damaged or truncated|cannot be decrypted")


def test_every_flipped_byte_is_refused(sent, tmp_path: Path) -> None:
    _, buyer, export = sent
    data = export.path.read_bytes()
    box = container.open_container(export.path)
    pay = box.members[container.PAYLOAD]
    # Every byte of every header, the signature and the directory; every 7th byte of payload and manifest.
    offsets = [i for i in range(len(data)) if not (pay.offset + 64 <= i < pay.offset + pay.size - 64) or i % 7 == 0]
    manifest = box.members[container.MANIFEST]
    offsets = [i for i in offsets if not (manifest.offset + 32 <= i < manifest.offset + manifest.size) or i % 7 == 0]
    assert len(offsets) > 600
    flipped = tmp_path / "flipped.drpkt"
    for i in offsets:
        damaged = bytearray(data)
        damaged[i] ^= 0x20
        flipped.write_bytes(damaged)
        with pytest.raises((NotAPacket, TamperedPacket, UnknownSender)):
            transfer.import_packet(buyer, flipped)
    _nothing_imported(buyer)
    assert transfer.import_packet(buyer, export.path).info.row_count == export.rows  # the original still imports


def test_replayed_packet(sent) -> None:
    _, buyer, export = sent
    transfer.import_packet(buyer, export.path)
    copy = export.path.with_name("copy.drpkt")
    copy.write_bytes(export.path.read_bytes())
    with pytest.raises(ReplayedPacket, match="already received"):
        transfer.import_packet(buyer, copy)
    assert len(records.all_received(buyer.vault.connection())) == 1
    assert len(dataset_tables(buyer)) == 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: doc["content"].update(rows=doc["content"]["rows"] + 1),
        lambda doc: doc["content"].update(plaintext_sha256="0" * 64),
        lambda doc: doc["content"].update(plaintext_size=doc["content"]["plaintext_size"] - 1),
        lambda doc: doc["columns"].reverse(),
    ],
    ids=["rows", "content-hash", "size", "columns"],
)
def test_manifest_payload_mismatch(sent, tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    seller, buyer, export = sent
    bad = resign(seller, export.path, tmp_path / "mismatch.drpkt", edit=edit)
    assert transfer.inspect_packet(buyer, bad).ok  # only decrypting can tell
    _refused(buyer, bad, TamperedPacket)


def test_payload_of_another_packet(sent, tmp_path: Path) -> None:
    seller, buyer, export = sent
    other = transfer.export_packet(seller, "customers", fp(buyer), export.manifest.nda_id, out=tmp_path / "o.drpkt")
    swapped = resign(seller, export.path, tmp_path / "swap.drpkt", payload=members(other.path)[container.PAYLOAD],
                     edit=lambda doc: doc["content"].update(other.manifest.doc["content"]))  # fmt: skip
    _refused(buyer, swapped, TamperedPacket, "another packet")


def test_payload_with_a_ragged_row(sent, tmp_path: Path) -> None:
    seller, buyer, export = sent
    plain = decrypt_as(buyer, members(export.path)[container.PAYLOAD]) + b"extra,row\r\n"
    import hashlib

    def edit(doc):  # type: ignore[no-untyped-def]
        doc["content"].update(rows=doc["content"]["rows"] + 1, plaintext_size=len(plain),
                              plaintext_sha256=hashlib.sha256(plain).hexdigest())  # fmt: skip

    bad = resign(seller, export.path, tmp_path / "ragged.drpkt", payload=encrypt_for(buyer, plain), edit=edit)
    _refused(buyer, bad, TamperedPacket, "wrong number of values")


def _zip(path: Path, entries: list[tuple[str | zipfile.ZipInfo, bytes]], method: int = zipfile.ZIP_STORED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as z:
        for name, data in entries:
            z.writestr(name, data)
    return path


def test_zip_path_traversal_and_odd_members(sent, tmp_path: Path) -> None:
    _, buyer, export = sent
    parts = members(export.path)
    good = [(n, parts[n]) for n in container.MEMBERS]
    link = zipfile.ZipInfo("manifest.sig")
    link.external_attr = 0o120777 << 16  # a symbolic link
    cases = {
        "traversal": [("../payload.age", parts["payload.age"]), *good[1:]],
        "absolute": [("/tmp/payload.age", parts["payload.age"]), *good[1:]],
        "extra": [*good, ("../../.bashrc", b"echo owned")],
        "directory": [("payload.age/", b""), *good[1:]],
        "symlink": [*good[:2], (link, b"/etc/passwd")],
        "python-zip": good,  # the right members, but not the exact layout Dataroom writes
    }
    for label, entries in cases.items():
        path = _zip(tmp_path / f"{label}.drpkt", entries)
        with pytest.raises(TamperedPacket, match=r"altered|damaged"):
            transfer.import_packet(buyer, path)
    _nothing_imported(buyer)
    assert not (tmp_path.parent / ".bashrc").exists() and not Path("/tmp/payload.age").exists()


def test_zip_bomb(sent, tmp_path: Path) -> None:
    _, buyer, export = sent
    parts = members(export.path)
    entries = [("payload.age", b"\0" * (64 << 20)), ("manifest.json", parts["manifest.json"]),
               ("manifest.sig", parts["manifest.sig"])]  # fmt: skip
    bomb = _zip(tmp_path / "bomb.drpkt", entries, zipfile.ZIP_DEFLATED)
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(TamperedPacket):
        transfer.import_packet(buyer, bomb)
    huge = tmp_path / "huge.drpkt"  # a stored manifest member far over the 1 MiB limit
    write_members(huge, parts["payload.age"], b" " * (2 << 20), parts["manifest.sig"])
    with pytest.raises(TamperedPacket, match="far larger"):
        transfer.import_packet(buyer, huge)
    _nothing_imported(buyer)


def test_not_a_packet(sent, tmp_path: Path) -> None:
    _, buyer, _ = sent
    for name, data in (("empty.drpkt", b""), ("text.drpkt", "客户,手机\n".encode()), ("pdf.drpkt", b"%PDF-1.7\n")):
        (tmp_path / name).write_bytes(data)
        _refused(buyer, tmp_path / name, NotAPacket, "not a Dataroom packet")


def test_unknown_and_unconfirmed_sender(tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path, confirm=False)
    # The seller confirms the buyer (it may send), but the buyer never confirmed the seller's card.
    from dataroom.core.flows import parties

    parties.confirm_card(seller, fp(buyer), "phone")
    nda_id = signed_nda(seller, buyer, tmp_path, **in_force_dates())
    from dataroom.core.flows import redaction as redaction_flows

    redaction_flows.edit_policy(seller, "customers", "身份证号", "withhold")
    export = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    _refused(buyer, export.path, UnknownSender, "never confirmed")
    stranger = party(tmp_path, "stranger", "陌生公司", "吴九", "wu@stranger.example", "buyer")
    _refused(stranger, export.path, UnknownSender, "not imported here")
    parties.confirm_card(buyer, fp(seller), "in-person")
    assert transfer.import_packet(buyer, export.path).info.row_count == export.rows
    assert nda_flows.nda_status(buyer, nda_id).nda_id == nda_id


def test_forged_sender(sent, tmp_path: Path) -> None:
    """A forger signs with their own key while naming the seller: the seller's confirmed key does not verify it."""
    _, buyer, export = sent
    forger = party(tmp_path, "forger", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    forged = resign(forger, export.path, tmp_path / "forged.drpkt",
                    edit=lambda doc: doc["content"].update(rows=1))  # fmt: skip
    err = _refused(buyer, forged, TamperedPacket, "signature does not verify")
    assert "not made by that sender" in str(err)


def test_inspection_never_decrypts(sent, monkeypatch: pytest.MonkeyPatch) -> None:
    _, buyer, export = sent
    import pyrage

    def boom(*args: object) -> None:
        raise AssertionError("inspect must not decrypt")

    monkeypatch.setattr(pyrage, "decrypt_io", boom)
    checked = transfer.inspect_packet(buyer, export.path)
    assert checked.ok and checked.manifest is not None
    assert json.loads(checked.manifest.raw)["packet_id"] == export.packet_id
    assert audit_log.records(buyer.vault.connection(), action="packet.inspect")[-1].details["ok"] is True


def test_hostile_manifest_json(sent, tmp_path: Path) -> None:
    _, buyer, export = sent
    parts = members(export.path)
    for i, raw in enumerate((b"[" * 200_000, b'{"format": "dataroom-packet", "version": 1, "sender": 5}', b"\xff\xfe")):
        path = write_members(tmp_path / f"hostile{i}.drpkt", parts["payload.age"], raw, parts["manifest.sig"])
        with pytest.raises((TamperedPacket, UnknownSender)):
            transfer.import_packet(buyer, path)
    _nothing_imported(buyer)
