"""Leak tracing: a table found outside names the recipient whose packet it came from, by canary rows and by the
per-recipient pseudonym tokens — from a full copy, an excerpt, the recipient's own redacted export, or a workbook."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.deal.nda import DatasetScope
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows import transfer
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers
from dataroom.core.session import Session
from dataroom.core.transfer import container, records
from tests.core.test_deal_helpers import add_dataset, exchange, party, seller_and_buyer, signed_nda, terms
from tests.core.test_transfer_helpers import decrypt_as, fp, in_force_dates, members

TYPES = ("generic_id", "name", "gender", "resident_id", "mobile", "email", "bank_card", "bank_name", "address",
         "date", "purchase_amount", "free_text")  # fmt: skip
CLASSES = ("consent-required", "consent-required", "consent-required", "sensitive", "consent-required",
           "consent-required", "sensitive", "consent-required", "consent-required", "public", "consent-required",
           "consent-required")  # fmt: skip


@pytest.fixture
def leak(tmp_path: Path):  # type: ignore[no-untyped-def]
    """The seller sends 2,000 customers to the buyer and to an advisor, each under its own NDA."""
    seller, buyer = seller_and_buyer(tmp_path)
    add_dataset(seller, "big", CUSTOMER_COLUMNS, list(generate_customers(2000, seed=7)), TYPES, CLASSES)
    scope = (DatasetScope("customers", ("姓名", "手机号", "城市", "消费金额")), DatasetScope("big"))
    nda_buyer = signed_nda(seller, buyer, tmp_path, datasets=scope, **in_force_dates())
    advisor = party(tmp_path, "advisor", "示例律师事务所", "李律师", "li@law.example", "advisor")
    exchange(seller, advisor, tmp_path)
    made = nda_flows.new_nda(seller, terms(fp(advisor), datasets=scope, **in_force_dates()))
    nda_flows.sign_nda(seller, made.id)
    nda_flows.import_nda(advisor, nda_flows.export_nda(seller, made.id, tmp_path / "to-adv"))
    nda_flows.sign_nda(advisor, made.id)
    nda_flows.import_nda(seller, nda_flows.export_nda(advisor, made.id, tmp_path / "from-adv"))
    for column in ("身份证号", "银行卡号", "备注"):
        redaction_flows.edit_policy(seller, "big", column, "withhold")
    to_buyer = transfer.export_packet(seller, "big", fp(buyer), nda_buyer, out=tmp_path / "buyer.drpkt")
    to_advisor = transfer.export_packet(seller, "big", fp(advisor), made.id, out=tmp_path / "advisor.drpkt")
    assert to_buyer.canaries == 3 and to_buyer.sampled_tokens > 100
    yield seller, buyer, advisor, to_buyer, to_advisor
    for s in (seller, buyer, advisor):
        if s.vault.is_open:
            s.close()


def _copy(receiver: Session, packet: Path) -> tuple[list[str], list[list[str]]]:
    """What the recipient decrypted: the header and rows as they would leak."""
    text = decrypt_as(receiver, members(packet)[container.PAYLOAD]).decode("utf-8")
    head, body = text.split("\n", 1)
    return json.loads(head)["columns"], [list(r) for r in csv.reader(io.StringIO(body, newline=""))]


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_full_copy_names_the_recipient_with_canary_rows(leak, tmp_path: Path) -> None:
    seller, buyer, _, to_buyer, _ = leak
    header, rows = _copy(buyer, to_buyer.path)
    report = transfer.trace_file(seller, _write_csv(tmp_path / "found.csv", header, rows))
    best = report.matches[0]
    assert report.recipients == [fp(buyer)] and best.packet.id == to_buyer.packet_id
    assert len(best.canaries) == 3 == best.canaries_sent
    assert [h.file_row for h in best.canaries] == [h.payload_row + 1 for h in best.canaries]  # line 1: header
    assert best.token_hits > 100
    assert "Example Buyer Ltd" in "\n".join(report.describe())
    rec = audit_log.records(seller.vault.connection(), action="leak.trace")[-1]
    assert rec.details["matches"][0]["packet"] == to_buyer.packet_id and len(rec.details["file_sha256"]) == 64


def test_excerpt_without_canaries_is_named_by_its_tokens(leak, tmp_path: Path) -> None:
    seller, _, advisor, _, to_advisor = leak
    header, rows = _copy(advisor, to_advisor.path)
    planted = {at for p, _, at, _ in records.canaries(seller.vault.connection()) if p == to_advisor.packet_id}
    excerpt = [r for i, r in enumerate(rows, start=1) if 1000 <= i < 1300 and i not in planted]
    # Shuffle the columns and drop two of them: the tokens still speak.
    order = [4, 1, 0, 3]
    report = transfer.trace_file(seller, _write_csv(tmp_path / "excerpt.csv", [header[i] for i in order],
                                                    [[r[i] for i in order] for r in excerpt]))  # fmt: skip
    assert report.recipients == [fp(advisor)] and report.matches[0].token_hits >= 5


def test_recipients_own_redacted_export_and_xlsx(leak, tmp_path: Path) -> None:
    seller, buyer, _, to_buyer, _ = leak
    got = transfer.import_packet(buyer, to_buyer.path)
    for column in got.info.columns:  # the buyer releases its copy as it is
        redaction_flows.edit_policy(buyer, got.info.name, column, "keep")
    exported = redaction_flows.export_redacted(buyer, got.info.name, tmp_path / "buyer-export.csv")
    report = transfer.trace_file(seller, exported.path)
    assert report.recipients == [fp(buyer)] and len(report.matches[0].canaries) == 3
    header, rows = _copy(buyer, to_buyer.path)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(header)
    for r in rows:
        sheet.append(r)
    book.save(tmp_path / "found.xlsx")
    report = transfer.trace_file(seller, tmp_path / "found.xlsx")
    assert report.recipients == [fp(buyer)] and len(report.matches[0].canaries) == 3


def test_unrelated_file_matches_nothing(leak, tmp_path: Path) -> None:
    seller, *_ = leak
    rows = [list(r) for r in generate_customers(300, seed=99)]
    report = transfer.trace_file(seller, _write_csv(tmp_path / "other.csv", list(CUSTOMER_COLUMNS), rows))
    assert report.matches == [] and "No packet sent from this vault matches" in report.describe()[1]
