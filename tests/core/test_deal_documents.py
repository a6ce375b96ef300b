"""Every deal PDF opens in poppler with its Chinese text intact and only embedded, subset fonts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataroom.core.deal.incidents import AffectedData, IncidentFacts
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import notice as notice_flows
from dataroom.core.flows import parties
from tests.core.test_deal_helpers import TODAY, seller_and_buyer, signed_nda
from tests.core.test_documents_pdf import assert_fonts_embedded, needs_poppler, pdf_text


@pytest.fixture
def deal(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer = seller_and_buyer(tmp_path)
    nda_id = signed_nda(seller, buyer, tmp_path)
    yield seller, buyer, nda_id
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


@needs_poppler
def test_card_pdf(deal, tmp_path: Path) -> None:
    seller, buyer, _ = deal
    own = parties.show_identity(seller)
    path = parties.export_card(seller, tmp_path / "seller-card", pdf_path=tmp_path / "seller-card.pdf")
    assert path.name == "seller-card.drcard"
    text = pdf_text(tmp_path / "seller-card.pdf")
    for expected in ("交易方身份卡", "上海示例科技有限公司", "王芳", "安全指纹", *own.fingerprint.split(" ")[:4]):
        assert expected in text, expected
    assert_fonts_embedded(tmp_path / "seller-card.pdf")
    # An imported card prints with how it was confirmed.
    imported = parties.render_card(buyer, tmp_path / "imported.pdf", own.fingerprint[:11])
    assert "read aloud in a phone call by buyer" in pdf_text(imported)


@needs_poppler
def test_nda_pdf(deal, tmp_path: Path) -> None:
    seller, _, nda_id = deal
    path = nda_flows.render_nda(seller, nda_id, tmp_path / "nda.pdf", TODAY)
    text = pdf_text(path)
    for expected in ("数据保密协议", "返还与销毁", "个人信息保护法", "Return and destruction", "Example Buyer Ltd",
                     "已签署（签名有效）", "已生效", nda_id):  # fmt: skip
        assert expected in text, expected
    assert_fonts_embedded(path)
    later = pdf_text(nda_flows.render_nda(seller, nda_id, tmp_path / "late.pdf", dt.date(2027, 6, 1)))
    assert "未生效" in later


@needs_poppler
def test_notice_and_incident_pdfs(deal, tmp_path: Path) -> None:
    seller, buyer, nda_id = deal
    notice_flows.prepare_notice(
        seller, "customers", parties.show_identity(buyer).fingerprint, nda_id=nda_id, pdf_path=tmp_path / "n.pdf"
    )
    text = pdf_text(tmp_path / "n.pdf")
    for expected in ("个人信息转移告知书", "接收方名称", "Example Buyer Ltd", "您的权利", "Your rights"):
        assert expected in text, expected
    assert_fonts_embedded(tmp_path / "n.pdf")
    facts = IncidentFacts("笔记本丢失", "loss", "2026-03-02T08:00", (AffectedData("customers"),), "出差途中遗失。",
                          "已远程锁定设备。", "", "", "privacy@seller.example")  # fmt: skip
    incident = incident_flows.log_incident(seller, facts)
    files = incident_flows.render_incident(seller, incident.id, tmp_path)
    report = pdf_text(files[0])
    assert "个人信息安全事件报告" in report and "出差途中遗失" in report and "丢失" in report
    assert_fonts_embedded(files[0])
