"""Transfers page and export wizard: a packet exported through every page of the wizard opens on the buyer's side
and appears in the list with its state; an NDA the buyer has not signed is refused in words with Next disabled;
Cancel stops a running export; a reviewer gets no export action."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QWizard

from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.ui import messages, worker
from dataroom.ui.pages.transfers_page import TransfersPage
from dataroom.ui.transfers import export_wizard
from dataroom.ui.transfers.export_wizard import DATASET, DESTINATION, NDA, POLICY, RECIPIENT, SUMMARY, ExportWizard
from dataroom.ui.transfers.packets_model import STATUS
from tests.conftest import PASSPHRASE
from tests.core.test_deal_helpers import add_dataset, party, seller_and_buyer, terms
from tests.core.test_transfer_helpers import deal, fp, in_force_dates
from tests.ui.conftest import REVIEWER_PASSPHRASE, make_vault


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, *a, **k: shown.append(text))
    monkeypatch.setattr(messages, "show_error", lambda _parent, err, *a, **k: shown.append(messages.error_text(err)))
    return shown


def _page(qtbot: Any, session: Session) -> TransfersPage:
    page = TransfersPage()
    qtbot.addWidget(page)
    page.set_session(session)
    return page


def _wizard(qtbot: Any, page: TransfersPage) -> ExportWizard:
    wizard = page.open_export_wizard()
    assert wizard is not None
    return wizard


def _to_nda_page(wizard: ExportWizard, recipient: str) -> None:
    assert wizard.currentId() == DATASET and wizard.dataset_page.info().name == "customers"
    wizard.next()
    assert wizard.currentId() == POLICY
    wizard.next()
    assert wizard.currentId() == RECIPIENT
    assert wizard.recipient_page.select(recipient)
    wizard.next()
    assert wizard.currentId() == NDA


def _wait(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not worker.busy(), timeout=20_000)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _status(page: TransfersPage, row: int = 0) -> str:
    return page.model.index(row, STATUS).data()


def test_export_through_the_wizard_opens_on_the_buyer_side(qtbot, tmp_path: Path, _quiet: list[str]) -> None:
    seller, buyer, nda_id = deal(tmp_path)
    stranger = party(tmp_path, "stranger", "Other Bidder Co", "Ann Lee", "ann@other.example", "buyer")
    parties.import_card(seller, parties.export_card(stranger, tmp_path / "stranger"))  # imported, never confirmed
    page = _page(qtbot, seller)
    assert not page.export_button.isHidden() and page.model.rowCount() == 0 and not page.empty.isHidden()
    wizard = _wizard(qtbot, page)

    # The unconfirmed card is listed but cannot be chosen, and says why.
    texts = [wizard.recipient_page.list.item(i).text() for i in range(wizard.recipient_page.list.count())]
    assert any("Other Bidder Co" in t and "not confirmed" in t for t in texts)
    assert not wizard.recipient_page.select(fp(stranger))

    _to_nda_page(wizard, fp(buyer))
    nda = wizard.nda_page
    assert nda.nda_id() == nda_id and nda.isComplete()
    assert nda.verdict.text().startswith("Allowed")

    # Full data is refused by this NDA (de-identified only): shown in words, Next disabled.
    wizard.back()
    wizard.back()
    assert wizard.currentId() == POLICY and wizard.policy_page.full.isEnabled()
    wizard.policy_page.full.setChecked(True)
    wizard.next()
    wizard.next()
    assert wizard.currentId() == NDA and not nda.isComplete()
    assert "de-identified (redacted) data only" in nda.reasons.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.back()
    wizard.back()
    wizard.policy_page.redacted.setChecked(True)
    wizard.next()
    wizard.next()
    assert nda.isComplete()
    wizard.next()

    assert wizard.currentId() == DESTINATION
    dest = wizard.destination_page
    assert dest.file.text().endswith(".drpkt") and "Example Buyer Ltd" in dest.file.text()
    target = tmp_path / "out" / "to-buyer.drpkt"
    dest.file.setText(str(target))
    assert not dest.isComplete()  # the folder does not exist
    target.parent.mkdir()
    dest.file.clear()
    dest.file.setText(str(target))
    assert dest.isComplete() and wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY, timeout=20_000)
    _wait(qtbot)

    result = dest.result
    assert result is not None and result.path == target and target.is_file()
    summary = wizard.summary_page.summary.text()
    assert result.packet_sha256 in summary and str(target) in summary and f"{result.rows} rows" in summary
    assert result.canaries > 0 and f"Canary rows among them: {result.canaries}," in summary
    checked = transfer_flows.inspect_packet(buyer, target)
    assert checked.ok, checked.describe()
    assert checked.manifest is not None and checked.manifest.packet_id == result.packet_id

    # The list shows the new packet, selected, with its state in words; it follows the receipt.
    assert page.model.rowCount() == 1 and page.selected_packet().packet_id == result.packet_id
    assert _status(page) == "sent"
    assert page.model.index(0, 0).data() == "sent to" and page.model.index(0, 2).data() == "Example Buyer Ltd"
    transfer_flows.make_receipt(seller, result.packet_id, out=tmp_path / "receipt.pdf")
    page.refresh()
    assert _status(page) == "receipt issued" and page.selected_packet().receipt == "issued"
    wizard.accept()
    assert _quiet == []

    # On the buyer's side: received, then destroyed (the page reads again when shown).
    got = transfer_flows.import_packet(buyer, target)
    theirs = _page(qtbot, buyer)
    assert theirs.model.index(0, 0).data() == "received from" and _status(theirs) == "received"
    transfer_flows.destroy_dataset(buyer, got.info.name, out=tmp_path / "destruction.pdf")
    theirs.show()
    qtbot.waitExposed(theirs)
    assert _status(theirs) == "destroyed"


def test_an_nda_the_buyer_has_not_signed_is_refused_in_words(qtbot, tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    add_dataset(seller)
    drafted = nda_flows.new_nda(seller, terms(fp(buyer), **in_force_dates()))
    nda_flows.sign_nda(seller, drafted.id)  # only the seller signed
    page = _page(qtbot, seller)
    wizard = _wizard(qtbot, page)
    _to_nda_page(wizard, fp(buyer))
    nda = wizard.nda_page
    assert nda.nda_id() == drafted.id
    assert nda.verdict.text().startswith("Refused") and not nda.isComplete()
    assert "Example Buyer Ltd" in nda.reasons.text() and "sign" in nda.reasons.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.next()  # refused: stays
    assert wizard.currentId() == NDA
    wizard.reject()
    assert transfer_flows.list_packets(seller) == []


def test_without_any_nda_the_wizard_says_where_to_make_one(qtbot, tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path)
    add_dataset(seller)
    wizard = _wizard(qtbot, _page(qtbot, seller))
    _to_nda_page(wizard, fp(buyer))
    assert wizard.nda_page.nda_id() is None and not wizard.nda_page.isComplete()
    assert "There is no NDA in this vault" in wizard.nda_page.verdict.text()
    wizard.reject()


def test_cancel_stops_a_running_export(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seller, buyer, _nda_id = deal(tmp_path)
    started, release = threading.Event(), threading.Event()
    real = transfer_flows.export_packet

    def held(*args: Any, **kwargs: Any) -> Any:  # waits for the test to press Cancel, then runs for real
        started.set()
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(export_wizard.transfer_flows, "export_packet", held)
    page = _page(qtbot, seller)
    wizard = _wizard(qtbot, page)
    _to_nda_page(wizard, fp(buyer))
    wizard.next()
    dest = wizard.destination_page
    target = tmp_path / "cancelled.drpkt"
    dest.file.setText(str(target))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert dest.running() and not dest.isComplete() and not dest.progress.isHidden()
    task = dest.task
    assert task is not None
    wizard.reject()  # Cancel while running: asks the job to stop, the wizard stays open
    assert task.cancel_token.cancelled and wizard.isVisible()
    release.set()
    _wait(qtbot)
    assert not dest.running() and wizard.currentId() == DESTINATION
    assert dest.status.text() == "The operation was cancelled; nothing was changed."
    assert not target.exists() and transfer_flows.list_packets(seller) == []
    assert dest.isComplete()  # the user may try again
    wizard.reject()
    assert not wizard.isVisible()


def test_reviewer_sees_the_list_but_no_export(qtbot, tmp_path: Path) -> None:
    directory = make_vault(tmp_path / "vault")
    rita = vault_flows.unlock(directory, user="rita", passphrase=REVIEWER_PASSPHRASE)
    page = _page(qtbot, rita)
    assert page.export_button.isHidden() and not page.table.isHidden()
    assert page.open_export_wizard() is None
    rita.close()
    owner = vault_flows.unlock(directory, passphrase=PASSPHRASE)
    page.set_session(owner)
    assert not page.export_button.isHidden()
    page.set_session(None)
    assert page.export_button.isHidden() and page.model.rowCount() == 0
    owner.close()
