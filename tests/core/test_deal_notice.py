"""PIPL art. 22 notice: facts from the NDA and the classification, PDF/e-mail/SMS outputs, audited record."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import notice as notice_flows
from dataroom.core.flows import parties
from dataroom.core.users.roles import Role
from tests.core.test_deal_helpers import add_dataset, exchange, party, seller_and_buyer, signed_nda, terms


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer = seller_and_buyer(tmp_path)
    yield seller, buyer
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_notice_from_nda(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    nda_id = signed_nda(seller, buyer, tmp_path)
    buyer_fp = parties.show_identity(buyer).fingerprint
    made = notice_flows.prepare_notice(
        seller, "customers", buyer_fp[:14], nda_id=nda_id, recipient_contact="上海市浦东新区示例路 1 号，021-5555 0000",
        pdf_path=tmp_path / "notice.pdf", text_path=tmp_path / "notice.txt", sms_path=tmp_path / "sms.txt",
    )  # fmt: skip
    facts = made.facts
    assert facts.recipient == "Example Buyer Ltd" and facts.sender == "上海示例科技有限公司"
    assert facts.purpose.zh == "评估目标公司客户资产的价值与质量"
    # Categories come from the NDA's columns only: 身份证号 is outside its scope.
    assert [c.zh for c in facts.categories] == ["姓名", "手机号码", "地址", "购买记录与消费金额"]
    assert [p.name for p in made.files] == ["notice.pdf", "notice.txt", "sms.txt"]
    body = (tmp_path / "notice.txt").read_text(encoding="utf-8")
    for expected in ("个人信息转移告知书", "第二十二条", "Example Buyer Ltd", "上海市浦东新区示例路 1 号", "{{name}}",
                     "重新取得您的同意", "wang.fang@example.cn"):  # fmt: skip
        assert expected in body, expected
    assert "身份证件号码" not in body
    sms = (tmp_path / "sms.txt").read_text(encoding="utf-8").split("\n\n")
    assert sms[0].startswith("【上海示例科技有限公司】") and len(sms[0]) < 200 and "Example Buyer Ltd" in sms[1]
    record = audit_log.records(seller.vault.connection(), action="notice.prepare")[0]
    assert record.object == "customers" and record.details["recipient"] == buyer_fp
    assert record.details["sha256"] == facts.sha256()
    listed = notice_flows.list_notices(seller, "customers")
    assert listed[0]["recipient"] == buyer_fp and listed[0]["nda"] == nda_id


def test_notice_without_nda_needs_purpose_and_checks_recipient(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    add_dataset(seller)
    buyer_fp = parties.show_identity(buyer).fingerprint
    with pytest.raises(InputError, match="purpose"):
        notice_flows.prepare_notice(seller, "customers", buyer_fp)
    made = notice_flows.prepare_notice(
        seller, "customers", buyer_fp, purpose=Bilingual("业务承继", "continuing the business"), language="en",
        text_path=tmp_path / "en.txt",
    )  # fmt: skip
    text = (tmp_path / "en.txt").read_text(encoding="utf-8")
    assert "identity card numbers" in text and "个人" not in text  # English only; all columns when no NDA
    assert made.facts.recipient_contact == "john@buyer.example"  # the card's e-mail by default

    outsider = party(tmp_path, "outsider", "Other Bidder Co", "Bo Chen", "bo@bidder.example", "buyer")
    exchange(seller, outsider, tmp_path)
    other_fp = parties.show_identity(outsider).fingerprint
    outsider.close()
    agreement = nda_flows.new_nda(seller, terms(buyer_fp))
    with pytest.raises(InputError, match="not a recipient permitted"):
        notice_flows.prepare_notice(seller, "customers", other_fp, nda_id=agreement.id)
    seller.user, seller.role = "rita", Role.REVIEWER
    with pytest.raises(PermissionDenied):
        notice_flows.prepare_notice(seller, "customers", buyer_fp, nda_id=agreement.id)
