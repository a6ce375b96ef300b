"""Parties page: own identity, card export, importing a counterparty card and confirming it through the
comparison dialog, the forgery warning, and what a reviewer does not see."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt

from dataroom.core.flows import parties
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from dataroom.ui import messages, worker
from dataroom.ui.deal.confirm_dialog import ConfirmCardDialog
from dataroom.ui.deal.fingerprint_view import compare
from dataroom.ui.pages.parties_page import PartiesPage
from tests.core.test_deal_helpers import party

REVIEWER = "reviewer passphrase 42"


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *a, **k: shown.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _parent, err, *a, **k: shown.append(messages.error_text(err)))
    return shown


def _page(qtbot, session) -> PartiesPage:  # type: ignore[no-untyped-def]
    page = PartiesPage()
    qtbot.addWidget(page)
    page.set_session(session)
    return page


def _wait(qtbot) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not worker.busy(), timeout=15_000)
    # The finished busy dialog is deleted now, not after the test (see test_deal_documents._wait).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_compare_marks_groups() -> None:
    fp = " ".join(f"{i:05d}" for i in range(12))
    assert compare(fp, "") == ["pending"] * 12
    assert compare(fp, "00000 00001 9")[:3] == ["match", "match", "mismatch"]
    assert compare(fp, fp.replace(" ", "-")) == ["match"] * 12


def test_import_and_confirm_a_card_through_the_dialog(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    _quiet_messages = _quiet
    seller = party(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    buyer = party(tmp_path, "buyer", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    page = _page(qtbot, seller)
    assert page.fingerprint.text() == parties.show_identity(seller).fingerprint
    assert page.import_card.isVisible() or not page.isVisible()

    # export our own card (with its PDF) through the page
    (tmp_path / "out").mkdir()
    page.export_card_to(tmp_path / "out" / "seller")
    _wait(qtbot)
    assert (tmp_path / "out" / "seller.drcard").exists() and (tmp_path / "out" / "seller.pdf").exists()
    assert "seller.drcard" in _quiet_messages[-1]
    card_file = parties.export_card(buyer, tmp_path / "buyer.drcard")

    page.import_card_from(card_file)
    _wait(qtbot)
    dialog = page.confirm_dialog
    assert isinstance(dialog, ConfirmCardDialog)
    assert page.model.rowCount() == 1 and page.model.item(0).status == "unconfirmed"
    fp = parties.show_identity(buyer).fingerprint
    assert dialog.file_fp.text() == fp

    wrong = fp[:-1] + ("0" if fp[-1] != "0" else "1")
    dialog.heard.setText(wrong)
    assert not dialog.ok.isEnabled()
    assert dialog.states()[-1] == "mismatch" and "12" in dialog.verdict.text()
    dialog.heard.setText(fp[:30])
    assert not dialog.ok.isEnabled()
    dialog.heard.setText(fp.replace(" ", ""))
    assert dialog.ok.isEnabled()
    dialog.method.setCurrentIndex(dialog.method.findData("other"))
    assert not dialog.ok.isEnabled()  # "other" needs a note
    dialog.note.setText("met at the notary's office")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    _wait(qtbot)
    card = page.model.item(0)
    assert card.status == "confirmed" and card.confirmed_method == "other" and card.confirmed_by == "seller"
    assert "Other" in page.model.data(page.model.index(0, 5))


def test_forged_card_shows_the_forgery_warning(qtbot, tmp_path: Path) -> None:
    seller = party(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    buyer = party(tmp_path, "buyer", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    # same party details, other keys: what a forger swapping the key would send
    forger = party(tmp_path, "forger", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    parties.import_card(seller, parties.export_card(buyer, tmp_path / "real.drcard"))
    page = _page(qtbot, seller)
    page.import_card_from(parties.export_card(forger, tmp_path / "forged.drcard"))
    _wait(qtbot)
    dialog = page.confirm_dialog
    assert dialog is not None and dialog.suspect
    assert not dialog.warning.isHidden()
    assert "FORGERY" in dialog.warning_text.text()
    assert any("FINGERPRINT MISMATCH" in n for n in dialog.notes.text().splitlines())
    dialog.heard.setText(parties.show_identity(forger).fingerprint)
    assert not dialog.ok.isEnabled()  # the explicit tick is still missing
    dialog.accept_mismatch.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.reject()
    statuses = {page.model.item(r).status for r in range(page.model.rowCount())}
    assert statuses == {"suspect"}
    assert "SUSPECT" in page.model.data(page.model.index(0, 3))


def test_reviewer_sees_cards_but_no_key_actions(qtbot, tmp_path: Path) -> None:
    seller = party(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    user_flows.add_user(seller, "rita", Role.REVIEWER, REVIEWER)
    path = seller.vault.path
    vault_flows.lock(seller)
    rita = vault_flows.unlock(path, user="rita", passphrase=REVIEWER)
    page = _page(qtbot, rita)
    assert page.import_card.isHidden() and page.rollover.isHidden() and page.confirm_card.isHidden()
    assert not page.export_card.isHidden()
    assert page.fingerprint.text() == parties.show_identity(rita).fingerprint
    page.import_card_from(tmp_path / "x.drcard")  # refused quietly: nothing queued
    assert not worker.busy()
    page.set_session(None)
    assert page.model.rowCount() == 0 and page.fingerprint.text().strip() == ""
    rita.close()


def test_pages_switch_to_chinese_live(qtbot, tmp_path: Path) -> None:
    from dataroom.ui import i18n
    from dataroom.ui.pages.documents_page import DocumentsPage

    seller = party(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    page = _page(qtbot, seller)
    documents = DocumentsPage()
    qtbot.addWidget(documents)
    documents.set_session(seller)
    assert i18n.apply_language(i18n.CHINESE)
    qtbot.waitUntil(lambda: page.export_card.text() == "导出身份卡…")
    assert page.deal_role.text() == "卖方"
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "机构"
    assert documents.new_nda.text() == "新建保密协议…" and documents.tabs.tabText(1) == "同意登记"
