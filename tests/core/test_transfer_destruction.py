"""Destroying received data: rows gone from the vault file, packet file overwritten and removed, a signed
certificate the other party verifies and records, and the NDA's destruction duty fulfilled on both sides."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.deal import nda as ndas
from dataroom.core.errors import InputError, NotFound
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import transfer
from dataroom.core.transfer import destruction, pades, records
from dataroom.core.transfer.errors import DocumentInvalid, ReplayedPacket
from tests.core.test_deal_helpers import exchange, party
from tests.core.test_transfer_helpers import dataset_tables, deal, fp


@pytest.fixture
def received(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    got = transfer.import_packet(buyer, sent.path)
    yield seller, buyer, nda_id, sent, got
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_destroy_and_certify(received, tmp_path: Path) -> None:
    seller, buyer, nda_id, sent, got = received
    assert dataset_tables(buyer) == [got.info.table]
    nda_flows.end_nda(buyer, nda_id, "terminated", dt.date.today())
    nda_flows.end_nda(seller, nda_id, "terminated", dt.date.today())
    assert [d.nda_id for d in nda_flows.destruction_duties(buyer)] == [nda_id]
    result = transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "cert.pdf")
    assert result.certificate is not None and result.certificate.path.is_file()
    assert any("overwritten with random bytes and removed" in m for m in result.method)
    assert not sent.path.exists()
    assert dataset_tables(buyer) == []
    with pytest.raises(NotFound):
        dataset_flows.get_dataset(buyer, got.info.name)
    conn = buyer.vault.connection()
    assert (buyer.vault.path / "vault.db-wal").stat().st_size == 0  # no old page image left in the log
    (r,) = records.all_received(conn)
    assert r.destroyed_at and r.dataset_id is None and r.destruction_id == result.certificate.reference
    # The buyer's own reminder is gone; the certificate names the duty and what was destroyed.
    assert nda_flows.destruction_duties(buyer) == []
    cert = transfer.show_certificate(result.certificate.path, buyer)
    assert cert.ok and cert.statement is not None
    doc = cert.statement.doc
    assert doc["nda"]["id"] == nda_id and doc["nda"]["duty"]["trigger"] == "terminated"
    assert doc["packets"][0]["packet_id"] == sent.packet_id and doc["dataset"]["rows"] == sent.rows
    anchor = doc["audit_anchor"]["seq"]
    destroyed = audit_log.records(conn, action="dataset.destroy")[-1]
    assert destroyed.seq == anchor and destroyed.details["certificate"] == cert.statement.certificate_id
    # The seller checks it against the buyer's confirmed card and records it: the duty is fulfilled there too.
    assert [d.nda_id for d in nda_flows.destruction_duties(seller)] == [nda_id]
    recorded = transfer.record_destruction(seller, result.certificate.path)
    assert recorded.discharged and recorded.outstanding == []
    assert nda_flows.destruction_duties(seller) == []
    assert ndas.get(seller.vault.connection(), nda_id).destruction_certificate == recorded.sha256
    with pytest.raises(InputError, match="already recorded"):
        transfer.record_destruction(seller, result.certificate.path)
    assert audit_log.verify(conn).ok and audit_log.verify(seller.vault.connection()).ok


def test_replay_after_destruction(received, tmp_path: Path) -> None:
    _, buyer, _, sent, got = received
    copy = tmp_path / "kept-copy.drpkt"
    copy.write_bytes(sent.path.read_bytes())
    transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "c.pdf")
    with pytest.raises(ReplayedPacket):
        transfer.import_packet(buyer, copy)


def test_changed_packet_file_is_left_alone(received, tmp_path: Path) -> None:
    _, buyer, _, sent, got = received
    sent.path.write_bytes(b"something else now")
    result = transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "c.pdf")
    assert any("changed since it was imported, left alone" in m for m in result.method)
    assert sent.path.read_bytes() == b"something else now"


def test_own_dataset_is_destroyed_without_certificate(received) -> None:
    seller, *_ = received
    result = transfer.destroy_dataset(seller, "customers")
    assert result.certificate is None and dataset_tables(seller) == []
    assert audit_log.records(seller.vault.connection(), action="dataset.destroy")[-1].details["certificate"] is None


def test_forged_or_foreign_certificates_are_refused(received, tmp_path: Path) -> None:
    seller, buyer, _, _, got = received
    result = transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "cert.pdf")
    assert result.certificate is not None
    data = bytearray(result.certificate.path.read_bytes())
    at = data.index(b"/Author (Dataroom)") + 9
    data[at] ^= 0x01
    (tmp_path / "bad.pdf").write_bytes(bytes(data))
    with pytest.raises(DocumentInvalid, match="does not hold"):
        transfer.record_destruction(seller, tmp_path / "bad.pdf")
    # A stranger signs the buyer's statement with its own key: not the party the statement names.
    stranger = party(tmp_path, "stranger", "第三方公司", "钱七", "qian@third.example", "buyer")
    exchange(seller, stranger, tmp_path)
    from dataroom.core.transfer import signed_pdf

    raw = pades.attachment(result.certificate.path.read_bytes(), destruction.ATTACHMENT)
    assert raw is not None
    forged = destruction.certificate(raw, signed_pdf.credentials(stranger.vault.connection()))
    (tmp_path / "forged.pdf").write_bytes(forged)
    with pytest.raises(DocumentInvalid, match="somebody else"):
        transfer.record_destruction(seller, tmp_path / "forged.pdf")
    assert len(audit_log.records(seller.vault.connection(), action="destruction.record-refused")) == 2
    alone = transfer.show_certificate(result.certificate.path)
    assert alone.ok and not alone.confirmed and "not confirmed" in alone.describe()[0]
