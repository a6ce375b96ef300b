"""Deal documents page: draft an NDA through the editor, sign it, exchange it between two vaults until it is in
force, a changed clause is refused with what changed, the preview, and what a reviewer does not see."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from dataroom.ui import messages, worker
from dataroom.ui.deal import nda_preview
from dataroom.ui.pages.documents_page import DocumentsPage
from tests.core.test_deal_helpers import add_dataset, seller_and_buyer, signed_nda

REVIEWER = "reviewer passphrase 42"
#: A term around today, so "in force" does not depend on the calendar.
TERM = {"effective_on": dt.date.today() - dt.timedelta(days=30), "expires_on": dt.date.today() + dt.timedelta(days=300)}


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *a, **k: shown.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _parent, err, *a, **k: shown.append(messages.error_text(err)))
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    return shown


def _page(qtbot, session) -> DocumentsPage:  # type: ignore[no-untyped-def]
    page = DocumentsPage()
    qtbot.addWidget(page)
    page.set_session(session)
    return page


def _wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    # Delete the finished busy dialog now: left pending until the test's objects are gone, its deferred
    # deletion can crash in Qt's focus-chain code (seen with PySide6 6.11 offscreen; see the report).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_draft_sign_exchange_until_in_force(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    add_dataset(seller)
    buyer_fp = parties.show_identity(buyer).fingerprint
    page = _page(qtbot, seller)
    assert page.model.rowCount() == 0 and not page.empty.isHidden()

    editor = page.open_editor()
    assert editor is not None and not editor.ok.isEnabled()
    assert editor.counterparties.count() == 1  # the confirmed buyer card
    top = editor.scope.topLevelItem(0)
    assert top.text(0) == "customers" and top.childCount() == 5
    assert {top.child(i).text(1) for i in range(5)} == {"consent required", "sensitive"}
    editor.title.setText("客户数据评估保密协议")
    editor.check_counterparty(buyer_fp)
    editor.purpose_zh.setPlainText("评估目标公司客户资产的价值与质量")
    editor.purpose_en.setPlainText("evaluating the value and quality of customer data")
    editor.check_dataset("customers", ["姓名", "城市", "消费金额"])
    editor.effective.setDate(editor.effective.date().addDays(-1))
    assert editor.problem_text() == "" and editor.ok.isEnabled()
    terms = editor.terms()
    assert terms.datasets[0].columns == ("姓名", "城市", "消费金额") and not terms.full_data
    editor.ok.click()
    _wait(qtbot)
    assert page.model.rowCount() == 1
    nda, status = page.selected()
    assert not status.in_force and "Not in force" in page.status_badge.text()
    assert page.sign.isEnabled()

    page.sign.click()
    _wait(qtbot)
    nda, status = page.selected()
    assert any(s.valid for s in status.signatures) and not page.sign.isEnabled()

    # seller → buyer: the buyer imports, signs and sends it back
    page.export_to(nda.id, tmp_path / "to-buyer.drnda")
    _wait(qtbot)
    buyer_page = _page(qtbot, buyer)
    buyer_page.import_from(tmp_path / "to-buyer.drnda")
    _wait(qtbot)
    assert "Imported the new NDA" in _quiet[-1]
    assert buyer_page.model.rowCount() == 1 and buyer_page.sign.isEnabled()
    buyer_page.sign_selected()
    _wait(qtbot)
    assert buyer_page.selected()[1].in_force
    buyer_page.export_to(nda.id, tmp_path / "to-seller.drnda")
    _wait(qtbot)

    page.import_from(tmp_path / "to-seller.drnda")
    _wait(qtbot)
    nda, status = page.selected()
    assert status.in_force and page.status_badge.text() == "In force"
    assert page.model.data(page.model.index(0, 3)) == "In force"
    assert page.model.data(page.model.index(0, 4)) == "2 of 2 signed"


def test_modified_clause_is_refused_with_what_changed(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    nda_id = signed_nda(seller, buyer, tmp_path, **TERM)
    path = nda_flows.export_nda(buyer, nda_id, tmp_path / "tampered.drnda")
    doc = json.loads(path.read_text("utf-8"))
    doc["content"]["clauses"][2]["body"]["en"] += " The recipient may also sell the data."
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    page = _page(qtbot, seller)
    page.import_from(path)
    _wait(qtbot)
    assert "not the one you hold" in _quiet[-1] and "clause" in _quiet[-1]
    assert page.selected()[1].in_force  # still the one both signed


def test_preview_pages_or_text(qtbot, tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    signed_nda(seller, buyer, tmp_path, **TERM)
    page = _page(qtbot, seller)
    page.preview_selected(use_pdftoppm=False)
    _wait(qtbot)
    assert page.preview.currentWidget() is page.preview.text
    assert "评估" in page.preview.text.toPlainText()
    if nda_preview.pdftoppm() is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    page.preview_selected()
    _wait(qtbot)
    assert page.preview.currentWidget() is page.preview.pages_scroll and page.preview.page_labels
    assert not page.preview.page_labels[0].pixmap().isNull()


def test_render_pdf(qtbot, tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    nda_id = signed_nda(seller, buyer, tmp_path, **TERM)
    page = _page(qtbot, seller)
    page.render_to(nda_id, tmp_path / "nda.pdf")
    _wait(qtbot)
    assert (tmp_path / "nda.pdf").read_bytes().startswith(b"%PDF")


def test_reviewer_sees_status_but_no_sign_or_import(qtbot, tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    signed_nda(seller, buyer, tmp_path, **TERM)
    user_flows.add_user(seller, "rita", Role.REVIEWER, REVIEWER)
    directory = seller.vault.path
    vault_flows.lock(seller)
    rita = vault_flows.unlock(directory, user="rita", passphrase=REVIEWER)
    page = _page(qtbot, rita)
    assert page.new_nda.isHidden() and page.sign.isHidden() and page.import_nda.isHidden()
    assert not page.export.isHidden() and not page.render_pdf.isHidden()
    assert page.consents.import_button.isHidden()
    assert page.model.rowCount() == 1 and page.selected()[1].in_force
    assert page.selected()[1].day == dt.date.today()
    page.import_from(tmp_path / "to-seller.drnda")  # refused quietly
    assert not worker.busy()
    page.set_session(None)
    assert page.model.rowCount() == 0
    rita.close()


CONSENTS_CSV = """手机号,同意日期,撤回日期,来源,凭证编号,同意范围
138 0013 8000,2025-01-10,,纸质表单,F-001,
+86 139-0013-9000,2025/2/1,,app,APP-77,
13700137000,2025年3月1日,2025-06-30,电话录音,REC-9,
12345,2025-01-01,,app,,
"""


def test_consents_import_and_coverage(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    seller, _buyer = seller_and_buyer(tmp_path)
    add_dataset(seller)
    page = _page(qtbot, seller)
    panel = page.consents
    assert not panel.import_button.isHidden() and panel.purposes.rowCount() == 0
    path = tmp_path / "consents.csv"
    path.write_text(CONSENTS_CSV, "utf-8")
    panel.default_purpose.setText("转让给受让方")
    panel.import_from(path)
    _wait(qtbot)
    assert "3 consents recorded" in _quiet[-1] and "line 5" in _quiet[-1]
    assert panel.purposes.rowCount() == 1 and panel.purposes.item(0, 0).text() == "转让给受让方"
    assert panel.dataset.currentText() == "customers" and panel.purpose.currentText() == "转让给受让方"
    panel.compute_coverage()
    _wait(qtbot)
    assert "of 5 rows" in panel.result.text() and "手机号" in panel.result.text()


def test_notice_to_data_subjects_under_the_nda(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    signed_nda(seller, buyer, tmp_path, **TERM)
    page = _page(qtbot, seller)
    dialog = page.open_notice()
    assert dialog is not None
    assert dialog.dataset.currentText() == "customers"
    assert dialog.recipient.currentData() == parties.show_identity(buyer).fingerprint
    dialog.out.setText(str(tmp_path / "notice"))
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    _wait(qtbot)
    assert (tmp_path / "notice.pdf").read_bytes().startswith(b"%PDF")
    assert (tmp_path / "notice.txt").exists() and (tmp_path / "notice-sms.txt").exists()
    assert "Notice #1 written" in _quiet[-1]
