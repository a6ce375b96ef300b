"""Transfer receipts: issued and signed by the sender, counter-signed by the recipient after import, recorded by the
sender; checked by pyHanko here and by poppler's ``pdfsig`` against the parties' roots in an NSS database."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import parties, transfer
from dataroom.core.session import Session
from dataroom.core.transfer import pades, receipts, records
from dataroom.core.transfer.errors import DocumentInvalid
from tests.core.test_deal_helpers import exchange, party
from tests.core.test_transfer_helpers import deal, fp


@pytest.fixture
def done(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A packet sent, imported, and its receipt issued by the seller."""
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    transfer.import_packet(buyer, sent.path)
    receipt = transfer.make_receipt(seller, sent.packet_id, out=tmp_path / "receipt.pdf")
    yield seller, buyer, sent, receipt
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_issue_countersign_record(done, tmp_path: Path) -> None:
    seller, buyer, sent, receipt = done
    pdf = receipt.path.read_bytes()
    assert pades.attachment(pdf, receipts.ATTACHMENT) == sent.manifest.raw
    shown = transfer.show_receipt(receipt.path, buyer)
    assert shown.ok and shown.confirmed and shown.counter is None and shown.manifest is not None
    assert shown.manifest.sha256 == sent.manifest.sha256
    counter = transfer.countersign_receipt(buyer, receipt.path)
    assert counter.path.name == "receipt-countersigned.pdf"
    assert counter.path.read_bytes().startswith(pdf)  # an incremental update: the sender's bytes stay as signed
    result = transfer.record_receipt(seller, counter.path)
    assert result.ok and result.issuer is not None and result.counter is not None
    assert result.counter.party is not None and result.counter.party.fingerprint == fp(buyer)
    assert (transfer.list_packets(seller)[0].receipt, transfer.list_packets(buyer)[0].receipt) == (
        "recorded", "countersigned")  # fmt: skip
    conn = seller.vault.connection()
    assert [d.stage for d in records.documents(conn, sent.packet_id)] == ["issued", "recorded"]
    rec = audit_log.records(conn, action="receipt.record")[-1]
    assert rec.object == sent.packet_id and rec.details["recipient"] == fp(buyer)
    assert audit_log.records(buyer.vault.connection(), action="receipt.countersign")[-1].object == sent.packet_id
    # Without a vault the signatures still check; nobody vouches for the signers.
    alone = transfer.show_receipt(counter.path)
    assert alone.ok and not alone.confirmed and "not confirmed" in alone.describe()[0]


def test_receipt_text_and_watermark(done, monkeypatch: pytest.MonkeyPatch) -> None:
    seller, buyer, sent, receipt = done
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", str(receipt.path), "-"], capture_output=True, text=True).stdout
    me = parties.show_identity(buyer).card.party
    for needle in ("数据传输回执", "Data transfer receipt", sent.packet_id, sent.manifest.sha256[:32], "消费金额",
                   "pseudonym", "de-identified, not anonymised", f"copy for {me.person} <{me.email}>"):  # fmt: skip
        assert needle in text, needle
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) >= 2 and all(me.email in p for p in pages)  # the footer line names the copy's holder
    # The watermark (name, organisation, e-mail, UTC time) is drawn on every page.
    from dataroom.core.documents import watermark

    drawn: list[str] = []
    real = watermark.draw
    monkeypatch.setattr(watermark, "draw", lambda canvas, text, *a, **k: (drawn.append(text), real(canvas, text, *a,
                                                                                                     **k)))  # fmt: skip
    again = transfer.make_receipt(seller, sent.packet_id, out=receipt.path.with_name("again.pdf"))
    info = subprocess.run(["pdfinfo", str(again.path)], capture_output=True, text=True).stdout
    page_count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert len(drawn) == page_count and len(set(drawn)) == 1
    assert all(part in drawn[0] for part in (me.person, me.organisation, me.email, "UTC"))


def test_countersign_refuses_what_was_not_received(tmp_path: Path) -> None:
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    receipt = transfer.make_receipt(seller, sent.packet_id, out=tmp_path / "r.pdf")
    with pytest.raises(DocumentInvalid, match="never imported"):
        transfer.countersign_receipt(buyer, receipt.path)
    assert audit_log.records(buyer.vault.connection(), action="receipt.countersign-refused")
    assert not (tmp_path / "r-countersigned.pdf").exists()


def test_tampered_receipt_is_refused(done, tmp_path: Path) -> None:
    seller, buyer, _, receipt = done
    data = bytearray(receipt.path.read_bytes())
    at = data.index(b"/Author (Dataroom)") + 9
    data[at] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    with pytest.raises(DocumentInvalid, match="sender's signature does not hold"):
        transfer.countersign_receipt(buyer, bad)
    counter = transfer.countersign_receipt(buyer, receipt.path)
    signed = bytearray(counter.path.read_bytes())
    signed[at] ^= 0x01
    (tmp_path / "bad2.pdf").write_bytes(bytes(signed))
    with pytest.raises(DocumentInvalid):
        transfer.record_receipt(seller, tmp_path / "bad2.pdf")
    assert not transfer.show_receipt(tmp_path / "bad2.pdf").ok


def test_record_refuses_a_stranger_countersignature(done, tmp_path: Path) -> None:
    seller, _, _, receipt = done
    stranger = party(tmp_path, "stranger", "第三方公司", "钱七", "qian@third.example", "buyer")
    exchange(seller, stranger, tmp_path)
    # The stranger cannot counter-sign through Dataroom (it never imported the packet); forge it with pades directly.
    from dataroom.core.transfer import signed_pdf

    forged = receipts.countersign(receipt.path.read_bytes(), signed_pdf.credentials(stranger.vault.connection()))
    (tmp_path / "forged.pdf").write_bytes(forged)
    with pytest.raises(DocumentInvalid, match="somebody else than the packet's recipient"):
        transfer.record_receipt(seller, tmp_path / "forged.pdf")
    with pytest.raises(DocumentInvalid, match="not counter-signed"):
        transfer.record_receipt(seller, receipt.path)


def _nss(tmp_path: Path, *sessions: Session) -> Path:
    db = tmp_path / "nss"
    db.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{db}", "--empty-password"], check=True, capture_output=True)
    for s in sessions:
        der = tmp_path / f"{s.user}-root.der"
        der.write_bytes(parties.show_identity(s).card.ca_certificate.public_bytes(serialization.Encoding.DER))
        subprocess.run(["certutil", "-A", "-d", f"sql:{db}", "-n", s.user, "-t", "CT,C,C", "-i", str(der)],
                       check=True, capture_output=True)  # fmt: skip
    return db


def _pdfsig(db: Path, pdf: Path) -> str:
    done = subprocess.run(["pdfsig", "-nssdir", f"sql:{db}", str(pdf)], capture_output=True, text=True)
    return done.stdout + done.stderr


@pytest.mark.skipif(not (shutil.which("pdfsig") and shutil.which("certutil")), reason="poppler/NSS tools missing")
def test_pdfsig_validates_both_signatures(done, tmp_path: Path) -> None:
    seller, buyer, _, receipt = done
    counter = transfer.countersign_receipt(buyer, receipt.path)
    db = _nss(tmp_path, seller, buyer)
    out = _pdfsig(db, counter.path)
    assert out.count("Signature is Valid.") == 2, out
    assert out.count("Certificate is Trusted.") == 2, out
    # One byte changed inside the range both signatures cover: pdfsig no longer finds them valid.
    data = bytearray(counter.path.read_bytes())
    at = data.index(b"/Author (Dataroom)") + 9
    data[at] ^= 0x01
    bad = tmp_path / "one-byte.pdf"
    bad.write_bytes(bytes(data))
    out = _pdfsig(db, bad)
    assert "Signature is Valid." not in out and out.count("Signature Validation: Digest Mismatch.") == 2, out
    # Without the roots, the signatures are intact but their issuers are not trusted.
    empty = tmp_path / "empty-nss"
    empty.mkdir()
    subprocess.run(["certutil", "-N", "-d", f"sql:{empty}", "--empty-password"], check=True, capture_output=True)
    assert "Certificate is Trusted." not in _pdfsig(empty, counter.path)
