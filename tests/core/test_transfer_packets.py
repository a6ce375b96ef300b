"""Packets end to end: export through the NDA gate, inspect without decrypting, import into the buyer's vault,
per-recipient fingerprinting, and what the audit logs of both sides say."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.datasets import classes, store
from dataroom.core.deal.gate import NdaRefusal
from dataroom.core.deal.nda import DatasetScope
from dataroom.core.errors import PermissionDenied
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties, transfer
from dataroom.core.flows import users as user_flows
from dataroom.core.transfer import container, records
from dataroom.core.users.roles import Role
from tests.core.test_deal_helpers import CUSTOMERS_ROWS, exchange, party, terms
from tests.core.test_transfer_helpers import dataset_tables, deal, decrypt_as, fp, in_force_dates, members


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer, nda_id = deal(tmp_path)
    yield seller, buyer, nda_id
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def _rows(session, name: str) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    conn = session.vault.connection()
    return [tuple(r[1:]) for r in store.page(conn, store.get(conn, name), 0, 1000)]


def test_redacted_packet_round_trip(pair, tmp_path: Path) -> None:
    seller, buyer, nda_id = pair
    sent = transfer.export_packet(seller, "customers", fp(buyer)[:14], nda_id, out=tmp_path / "p.drpkt")
    assert sent.path.is_file() and zipfile.ZipFile(sent.path).namelist() == ["payload.age", "manifest.json",
                                                                             "manifest.sig"]
    m = sent.manifest
    assert m.recipient_fingerprint == fp(buyer) and m.sender_fingerprint == fp(seller) and m.nda_id == nda_id
    assert [c.name for c in m.columns] == ["姓名", "手机号", "城市", "消费金额"]
    assert [(c.data_class, c.operator) for c in m.columns][:2] == [("consent-required", "mask"),
                                                                   ("consent-required", "pseudonym")]
    assert m.rows == len(CUSTOMERS_ROWS) + sent.canaries and sent.canaries == 1
    assert m.policy_version == 1 and not m.full
    # Nothing personal is readable without the buyer's key: the payload is ciphertext, the manifest has no values.
    raw = sent.path.read_bytes()
    for value in ("张伟", "13800138000", "110101199003071234"):
        assert value.encode() not in raw

    checked = transfer.inspect_packet(buyer, sent.path)
    assert checked.ok and checked.signature_valid and checked.manifest is not None
    assert checked.manifest.sha256 == m.sha256 and checked.packet_sha256 == sent.packet_sha256
    assert any("signature valid" in line for line in checked.describe())

    got = transfer.import_packet(buyer, sent.path)
    assert got.info.name == "customers" and got.info.row_count == m.rows
    rows = _rows(buyer, "customers")
    assert ("张*", "**", "[1000, 10000)") in [(r[0], r[2], r[3]) for r in rows]
    assert all(not r[1] or r[1].startswith("MOB_") for r in rows)
    assert not any("13800138000" in "".join(r) for r in rows)
    prov = got.info.provenance
    assert prov["packet_id"] == m.packet_id and prov["sender_fingerprint"] == fp(seller)
    assert prov["nda_id"] == nda_id and prov["policy_sha256"] == m.policy_sha256 and prov["manifest_sha256"] == m.sha256
    found = classes.load(buyer.vault.connection(), got.info)
    assert [c.data_class for c in found] == ["consent-required"] * 4
    # Both audit logs say what happened, and the buyer's witnesses the seller's chain head.
    sent_rec = audit_log.records(seller.vault.connection(), action="packet.export")[-1]
    assert sent_rec.object == m.packet_id and sent_rec.details["manifest_sha256"] == m.sha256
    assert sent_rec.details["allowed"] is True and sent_rec.details["canaries"] == 1
    got_rec = audit_log.records(buyer.vault.connection(), action="packet.import")[-1]
    assert got_rec.details["sender_audit_head"] == {"seq": m.anchor[0], "hash": m.anchor[1]}
    assert got_rec.details["packet_sha256"] == sent.packet_sha256
    assert audit_log.verify(buyer.vault.connection()).ok and audit_log.verify(seller.vault.connection()).ok


def test_full_packet_carries_every_value(tmp_path: Path) -> None:
    everything = ("public", "consent-required", "sensitive")
    seller, buyer, nda_id = deal(tmp_path, full_data=True, classes=everything, datasets=(DatasetScope("customers"),))
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, full=True, out=tmp_path / "f.drpkt")
    assert sent.manifest.full and sent.manifest.policy_sha256 == "full"
    got = transfer.import_packet(buyer, sent.path, name="客户全量")
    rows = _rows(buyer, "客户全量")
    # After closing the data is the buyer's own: no synthetic canary customers are planted in it.
    assert sent.canaries == 0 and sorted(rows) == sorted(CUSTOMERS_ROWS)
    assert got.info.columns == ("姓名", "手机号", "身份证号", "城市", "消费金额")


def test_gate_refusal_is_audited_and_writes_nothing(pair, tmp_path: Path) -> None:
    seller, buyer, nda_id = pair
    with pytest.raises(NdaRefusal, match="full data"):
        transfer.export_packet(seller, "customers", fp(buyer), nda_id, full=True, out=tmp_path / "x.drpkt")
    assert not (tmp_path / "x.drpkt").exists()
    rec = audit_log.records(seller.vault.connection(), action="packet.export-refused")[-1]
    assert rec.details["allowed"] is False and "full-not-allowed" in rec.details["reasons"]
    assert records.all_sent(seller.vault.connection()) == []


def test_check_packet_answers_as_the_export_will_without_acting(pair, tmp_path: Path) -> None:
    seller, buyer, nda_id = pair
    conn = seller.vault.connection()
    before = audit_log.head(conn)
    refused = transfer.check_packet(seller, "customers", fp(buyer), nda_id, full=True)
    allowed = transfer.check_packet(seller, "customers", fp(buyer), nda_id)
    assert not refused.ok and "full-not-allowed" in [r.code for r in refused.reasons]
    assert allowed.ok and audit_log.head(conn) == before  # a question: nothing audited, nothing written
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "ok.drpkt")
    assert sent.decision.audit_details() == allowed.audit_details()
    reviewer = type(seller)(seller.vault, "rita", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        transfer.check_packet(reviewer, "customers", fp(buyer), nda_id)


def test_reviewer_cannot_export_and_full_needs_raw_right(pair, tmp_path: Path) -> None:
    seller, buyer, nda_id = pair
    user_flows.add_user(seller, "rita", Role.REVIEWER, "reviewer passphrase 123")
    reviewer = type(seller)(seller.vault, "rita", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        transfer.export_packet(reviewer, "customers", fp(buyer), nda_id, out=tmp_path / "r.drpkt")
    with pytest.raises(PermissionDenied):
        transfer.import_packet(reviewer, tmp_path / "r.drpkt")


def test_each_recipient_gets_its_own_tokens_and_canaries(tmp_path: Path) -> None:
    seller, buyer, nda_id = deal(tmp_path)
    advisor = party(tmp_path, "advisor", "示例律师事务所", "李律师", "li@law.example", "advisor")
    exchange(seller, advisor, tmp_path)
    made = nda_flows.new_nda(seller, terms(fp(advisor), **in_force_dates()))
    nda_flows.sign_nda(seller, made.id)
    nda_flows.import_nda(advisor, nda_flows.export_nda(seller, made.id, tmp_path / "to-adv"))
    nda_flows.sign_nda(advisor, made.id)
    nda_flows.import_nda(seller, nda_flows.export_nda(advisor, made.id, tmp_path / "from-adv"))
    a = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "a.drpkt")
    b = transfer.export_packet(seller, "customers", fp(advisor), made.id, out=tmp_path / "b.drpkt")
    again = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "a2.drpkt")
    a_rows = _plain_rows(buyer, a.path)
    b_rows = _plain_rows(advisor, b.path)
    a2_rows = _plain_rows(buyer, again.path)
    tokens = lambda rows: {r[1] for r in rows if r[1]}  # noqa: E731
    assert tokens(a_rows) and not tokens(a_rows) & tokens(b_rows)
    assert a_rows == a2_rows  # deterministic for the same recipient and data (canaries included)
    conn = seller.vault.connection()
    planted = {p: [tuple(v) for pid, _, _, v in records.canaries(conn) if pid == p] for p in (a.packet_id, b.packet_id)}
    assert planted[a.packet_id] and planted[a.packet_id] != planted[b.packet_id]
    assert all(c in a_rows for c in planted[a.packet_id]) and all(c in b_rows for c in planted[b.packet_id])


def _plain_rows(receiver, path: Path) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    import csv
    import io

    text = decrypt_as(receiver, members(path)[container.PAYLOAD]).decode("utf-8")
    head, body = text.split("\n", 1)
    assert json.loads(head)["format"] == "dataroom-payload"
    return [tuple(r) for r in csv.reader(io.StringIO(body, newline=""))]


def test_list_packets_both_sides(pair, tmp_path: Path) -> None:
    seller, buyer, nda_id = pair
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    transfer.import_packet(buyer, sent.path, name="来自卖方")
    (mine,) = transfer.list_packets(seller)
    (theirs,) = transfer.list_packets(buyer)
    assert mine.direction == "sent" and mine.counterparty == "Example Buyer Ltd" and mine.receipt == "none"
    assert theirs.direction == "received" and theirs.dataset == "来自卖方" and theirs.packet_id == sent.packet_id
    assert dataset_flows.get_dataset(buyer, "来自卖方").provenance["packet_id"] == sent.packet_id
    assert parties.show_identity(seller).card.party.organisation == theirs.counterparty
    assert dataset_tables(buyer)


def test_cancel_leaves_nothing_behind(pair, tmp_path: Path) -> None:
    from dataroom.core.cancel import CancelToken
    from dataroom.core.errors import Cancelled

    seller, buyer, nda_id = pair
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "c.drpkt", cancel=token)
    assert list(tmp_path.glob("*c.drpkt*")) == [] and records.all_sent(seller.vault.connection()) == []
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    with pytest.raises(Cancelled):
        transfer.import_packet(buyer, sent.path, cancel=token)
    assert dataset_tables(buyer) == [] and records.all_received(buyer.vault.connection()) == []
    seen: list[tuple[int, int]] = []
    transfer.import_packet(buyer, sent.path, progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1] == (sent.rows, sent.rows)
