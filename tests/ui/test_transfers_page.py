"""The Transfers page joins the wizards and receipt dialogs into the journey: a buyer imports from the page and goes
straight on to counter-sign, the seller issues and records receipts from the list, and each role sees only the
actions it may take."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWizard

from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows import transfer
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from dataroom.ui import messages
from dataroom.ui.pages.transfers_page import TransfersPage
from dataroom.ui.transfers.import_wizard import DONE, NAME
from dataroom.ui.transfers.receipt_dialogs import ReceiptViewer


def _page(qtbot, session: Session) -> TransfersPage:  # type: ignore[no-untyped-def]
    page = TransfersPage()
    qtbot.addWidget(page)
    page.set_session(session)
    page.show()
    return page


def _viewer(qtbot, page: TransfersPage) -> ReceiptViewer:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(v.isVisible() for v in page.findChildren(ReceiptViewer)), timeout=30_000)
    viewer = next(v for v in page.findChildren(ReceiptViewer) if v.isVisible())
    qtbot.waitUntil(lambda: viewer.check is not None, timeout=30_000)
    return viewer


def test_receipt_journey_from_the_transfers_pages(qtbot, sent, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, buyer, packet = sent
    seller_page, buyer_page = _page(qtbot, seller), _page(qtbot, buyer)

    # Seller: the sent packet is listed; issuing its receipt is possible once it is selected.
    assert seller_page.model.rowCount() == 1 and not seller_page.receipt_button.isEnabled()
    seller_page.table.selectRow(0)
    assert seller_page.receipt_button.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "receipt.pdf"), ""))
    seller_page.receipt_button.click()
    _viewer(qtbot, seller_page).close()
    qtbot.waitUntil(lambda: seller_page.selected_packet() is not None
                    and seller_page.selected_packet().receipt == "issued")  # fmt: skip
    assert not seller_page.receipt_button.isEnabled()  # one receipt per packet

    # Buyer: import from the page with the packet pre-filled, then ask to counter-sign right away.
    wizard = buyer_page.open_import_wizard(packet.path)
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.inspection is not None and wizard.check_page.isComplete(), timeout=30_000)
    wizard.next()
    assert wizard.currentId() == NAME
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == DONE, timeout=30_000)
    assert buyer_page.model.rowCount() == 1 and buyer_page.selected_packet().direction == "received"
    wizard.done_page.countersign.setChecked(True)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "receipt.pdf"), ""))
    wizard.button(QWizard.WizardButton.FinishButton).click()
    viewer = _viewer(qtbot, buyer_page)
    assert viewer.act.isEnabled()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "signed.pdf"), ""))
    with qtbot.waitSignal(viewer.acted, timeout=30_000):
        viewer.act.click()
    viewer.close()
    assert buyer_page.model.item(0).receipt == "countersigned"

    # Seller: record the counter-signed copy; the list says so.
    viewer = seller_page.record(tmp_path / "signed.pdf")
    assert viewer is not None
    qtbot.waitUntil(lambda: viewer.check is not None, timeout=30_000)
    with qtbot.waitSignal(viewer.acted, timeout=30_000):
        viewer.act.click()
    viewer.close()
    assert seller_page.model.item(0).receipt == "recorded"
    assert seller_page.view_receipt(tmp_path / "signed.pdf") is not None


def test_each_role_sees_only_its_transfer_actions(qtbot, sent) -> None:  # type: ignore[no-untyped-def]
    seller, _, _ = sent
    owner = _page(qtbot, seller)
    buttons = (owner.export_button, owner.import_button, owner.receipt_button, owner.countersign_button,
               owner.record_button, owner.view_button)  # fmt: skip
    assert all(b.isVisible() for b in buttons) and len({b.text() for b in buttons}) == 6
    reviewer = _page(qtbot, Session(seller.vault, "rita", Role.REVIEWER))
    assert [b.isVisible() for b in (reviewer.export_button, reviewer.import_button, reviewer.receipt_button,
                                    reviewer.countersign_button, reviewer.record_button)] == [False] * 5  # fmt: skip
    assert reviewer.view_button.isVisible() and reviewer.open_import_wizard() is None


def test_trace_a_leak_and_record_a_certificate_from_the_page(qtbot, sent, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, buyer, packet = sent
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "show_message", lambda _p, text, *, details="", **_k: shown.append((text, details)))
    page = _page(qtbot, seller)
    got = transfer.import_packet(buyer, packet.path)
    for column in got.info.columns:  # the buyer passes its copy on as it is
        redaction_flows.edit_policy(buyer, got.info.name, column, "keep")
    leaked = redaction_flows.export_redacted(buyer, got.info.name, tmp_path / "found.csv").path

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(leaked), ""))
    page.trace_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    text, details = shown.pop()
    assert text == "found.csv comes from a packet sent to Example Buyer Ltd (John Smith)."
    assert "canary rows found" in details

    certificate = transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "cert.pdf").certificate
    assert certificate is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(certificate.path), ""))
    page.destruction_action.trigger()
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    text, details = shown.pop()
    assert text.startswith("Certificate recorded") and packet.packet_id in details
    assert page.model.item(0).destroyed
