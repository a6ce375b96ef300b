"""``verify_file``: every kind of Dataroom file recognised and checked, with and without a vault, in words."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import InputError
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties, transfer
from dataroom.core.flows.verify import CONFIRMED, NOT_VALID, UNCONFIRMED, UNSIGNED, verify_file
from tests.core.test_deal_helpers import party
from tests.core.test_transfer_helpers import deal, fp


@pytest.fixture
def files(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    got = transfer.import_packet(buyer, sent.path)
    receipt = transfer.make_receipt(seller, sent.packet_id, out=tmp_path / "receipt.pdf")
    counter = transfer.countersign_receipt(buyer, receipt.path)
    paths = {
        "packet": sent.path,
        "receipt": counter.path,
        "card": parties.export_card(seller, tmp_path / "seller-card.drcard"),
        "audit": tmp_path / "audit.jsonl",
        "nda": nda_flows.export_nda(seller, nda_id, tmp_path / "nda.drnda"),
    }
    audit_flows.export(seller, paths["audit"])
    nda_flows.render_nda(seller, nda_id, tmp_path / "nda.pdf")
    paths["plain-pdf"] = tmp_path / "nda.pdf"
    copy = tmp_path / "packet-copy.drpkt"
    copy.write_bytes(sent.path.read_bytes())
    paths["packet-copy"] = copy
    cert = transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "cert.pdf").certificate
    assert cert is not None
    paths["certificate"] = cert.path
    yield seller, buyer, paths
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_each_kind_without_a_vault(files) -> None:
    _, _, paths = files
    expect = {
        "packet-copy": ("transfer packet", UNCONFIRMED),
        "receipt": ("transfer receipt", UNCONFIRMED),
        "certificate": ("certificate of destruction", UNCONFIRMED),
        "card": ("identity card", UNCONFIRMED),
        "audit": ("audit export", UNSIGNED),
    }
    for name, (kind, trust) in expect.items():
        report = verify_file(paths[name])
        assert (report.kind, report.authentic, report.trust) == (kind, True, trust), report.describe()
    packet = verify_file(paths["packet-copy"])
    assert "上海示例科技有限公司" in packet.signers[0] and any("for Example Buyer Ltd" in c for c in packet.covers)
    nda = verify_file(paths["nda"])
    assert nda.kind == "NDA file" and not nda.authentic and "import it in a vault" in nda.notes[0]
    plain = verify_file(paths["plain-pdf"])
    assert plain.kind == "PDF" and not plain.authentic


def test_with_a_vault_trust_comes_from_confirmed_cards(files, tmp_path: Path) -> None:
    seller, buyer, paths = files
    for name in ("packet-copy", "receipt", "certificate", "card", "nda"):
        report = verify_file(paths[name], seller)
        assert report.authentic and report.trust == CONFIRMED, report.describe()
    assert "sent from this vault" in verify_file(paths["packet-copy"], seller).notes
    assert any("already imported" in n for n in verify_file(paths["packet-copy"], buyer).notes)
    assert audit_log.records(seller.vault.connection(), action="file.verify")[-1].details["authentic"] is True
    # A vault that knows none of the parties is no better than no vault.
    stranger = party(tmp_path, "stranger", "陌生公司", "吴九", "wu@stranger.example", "buyer")
    assert verify_file(paths["receipt"], stranger).trust == UNCONFIRMED


def test_damage_is_reported_in_words(files, tmp_path: Path) -> None:
    _, _, paths = files
    for name in ("packet-copy", "receipt", "certificate", "card", "audit"):
        data = bytearray(paths[name].read_bytes())
        if name == "packet-copy":
            at = len(data) - 200
        elif name == "card":
            at = data.index(b'"organisation"') + 17
        elif name == "audit":
            at = data.index(b'"actor":"') + 9
        else:
            at = data.index(b"/Author (Dataroom)") + 9
        data[at] ^= 0x01
        bad = tmp_path / f"bad-{paths[name].name}"
        bad.write_bytes(bytes(data))
        report = verify_file(bad)
        assert not report.authentic and report.trust == NOT_VALID and report.problems, (name, report.describe())
        assert "NOT AUTHENTIC" in report.describe()[0]
    (tmp_path / "notes.txt").write_text("hello")
    assert verify_file(tmp_path / "notes.txt").kind == "unknown"
    with pytest.raises(InputError):
        verify_file(tmp_path / "missing.pdf")
