"""The journey of issue #9's "Must show", in two app windows and only through the GUI: from an empty machine to a
counter-signed receipt between a seller's and a buyer's vault.

Each side starts its own :class:`AppController` on an empty folder (the first-run wizard), then everything is done
with the windows' pages, dialogs, wizards and buttons. Only what a person does outside the app is stood in for: the
file chooser (``QFileDialog``'s static calls return the file the person would pick) and the fingerprint the other
party reads out (typed into the card-confirmation dialog from the other window's Parties page); the "Sign?" question
is answered by clicking its button. The files travel between the two windows through a "shared folder"
(``tmp_path / "exchange"``), as they would on a USB stick.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWizard

from dataroom.core.flows import vault as vault_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.ui import messages, worker
from dataroom.ui.controller import AppController
from dataroom.ui.deal.confirm_dialog import ConfirmCardDialog
from dataroom.ui.main_window import TRANSFERS, MainWindow
from dataroom.ui.pages.datasets_page import POLICY_TAB
from dataroom.ui.party import DealRole
from dataroom.ui.settings import Settings
from dataroom.ui.transfers import export_wizard, import_wizard
from dataroom.ui.transfers.receipt_dialogs import ReceiptViewer
from dataroom.ui.wizard import DONE, TOTP

PASSPHRASES = {"seller": "violet tractor 42 umbrellas", "buyer": "amber kettle 17 lanterns"}
ROWS = 300
#: Columns the NDA leaves out; the seller withholds them in the policy editor before exporting.
WITHHELD = ("身份证号", "银行卡号")


class Chooser:
    """Stands in for the file chooser: every ``QFileDialog`` static call returns :attr:`path`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.path: Path | None = None
        self.asked: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: self._one("save"))
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: self._one("open"))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(self._take("open"))], ""))

    def _take(self, kind: str) -> Path:
        assert self.path is not None, f"the app asked for a file to {kind} that the test did not expect"
        self.asked.append(kind)
        path, self.path = self.path, None
        return path

    def _one(self, kind: str) -> tuple[str, str]:
        return str(self._take(kind)), ""


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The texts of the (non-blocking) message boxes the app shows; they still open, and are closed at the end."""
    texts: list[str] = []
    boxes: list[QMessageBox] = []
    original = messages.show_message

    def spy(*args: Any, **kwargs: Any) -> QMessageBox:
        box = original(*args, **kwargs)
        texts.append(box.text())
        boxes.append(box)
        return box

    monkeypatch.setattr(messages, "show_message", spy)
    yield texts
    for box in boxes:
        box.close()


def _settle(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not worker.busy(), timeout=30_000)
    # Delete finished busy dialogs now rather than after the test (see tests/ui/test_deal_documents._wait).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def _click_in_next_question(button_text: str) -> None:
    """Answer the next blocking question box by clicking the button that says ``button_text``."""

    def click(tries: int) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if tries:  # the box opens once the button's handler runs; give up after about 5 s
                QTimer.singleShot(10, lambda: click(tries - 1))
            return
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        button.click()

    QTimer.singleShot(0, lambda: click(500))


def _first_run(qtbot: Any, controller: AppController, folder: Path, who: str, organisation: str, person: str,
               role: DealRole) -> MainWindow:  # fmt: skip
    """Empty folder → first-run wizard → the main window on the new vault."""
    controller.start(folder)
    wizard = controller.wizard
    assert wizard is not None and wizard.isVisible() and wizard.start_page.creating()
    wizard.next()
    identity = wizard.identity_page
    identity.organisation.setText(organisation)
    identity.organisation.textEdited.emit(organisation)
    identity.full_name.setText(person)
    identity.full_name.textEdited.emit(person)
    identity.email.setText(f"{who}@example.com")
    identity.deal_role.setCurrentIndex(identity.deal_role.findData(role))
    assert identity.isComplete(), identity.problem.text()
    wizard.next()
    wizard.key_page.fields.passphrase.setText(PASSPHRASES[who])
    wizard.key_page.fields.confirmation.setText(PASSPHRASES[who])
    wizard.button(QWizard.WizardButton.CommitButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == TOTP, timeout=20_000)
    wizard.next()  # the authenticator is optional
    assert wizard.currentId() == DONE
    wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=10_000)
    window = controller.window
    assert window is not None and window.session is not None
    return window


def _exchange_cards(qtbot: Any, chooser: Chooser, me: MainWindow, other: MainWindow, folder: Path) -> None:
    """``other`` exports its card into the shared folder; ``me`` imports it and confirms the fingerprint that
    ``other``'s owner reads out from their Parties page."""
    card = folder / f"{other.session.user}.drcard"  # type: ignore[union-attr]
    chooser.path = card
    other.parties_page.export_card.click()
    _settle(qtbot)
    assert card.exists() and card.with_suffix(".pdf").exists()
    chooser.path = card
    me.parties_page.import_card.click()
    _settle(qtbot)
    dialog = me.parties_page.confirm_dialog
    assert isinstance(dialog, ConfirmCardDialog) and not dialog.suspect
    read_out = other.parties_page.fingerprint.text()
    assert dialog.file_fp.text() == read_out
    dialog.heard.setText(read_out)
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    _settle(qtbot)
    assert me.parties_page.model.item(0).status == "confirmed"


def _viewer(qtbot: Any, window: MainWindow) -> ReceiptViewer:
    page = window.transfers_page
    qtbot.waitUntil(lambda: any(v.isVisible() for v in page.findChildren(ReceiptViewer)), timeout=30_000)
    viewer = next(v for v in page.findChildren(ReceiptViewer) if v.isVisible())
    qtbot.waitUntil(lambda: viewer.check is not None, timeout=30_000)
    return viewer


def test_empty_machine_to_countersigned_receipt_in_two_windows(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shown: list[str]
) -> None:
    chooser = Chooser(monkeypatch)
    shared = tmp_path / "exchange"
    shared.mkdir()
    controllers = [AppController(Settings(), save_settings=False) for _ in range(2)]
    try:
        # 1. First run on each side: the wizard makes the vault and the party's identity keys.
        seller = _first_run(qtbot, controllers[0], tmp_path / "seller-vault", "seller", "上海示例科技有限公司",
                            "王芳", DealRole.SELLER)  # fmt: skip
        buyer = _first_run(qtbot, controllers[1], tmp_path / "buyer-vault", "buyer", "Example Buyer Ltd",
                           "John Smith", DealRole.BUYER)  # fmt: skip
        assert seller is not buyer and seller.session.vault.path != buyer.session.vault.path  # type: ignore[union-attr]

        # 2. Identity cards both ways, each confirmed by fingerprint.
        _exchange_cards(qtbot, chooser, seller, buyer, shared)
        _exchange_cards(qtbot, chooser, buyer, seller, shared)

        # 3. The seller imports the customer file through the import dialog.
        source = tmp_path / "客户名单.csv"
        write_customers_csv(source, ROWS, seed=9)
        datasets = seller.datasets_page
        chooser.path = source
        datasets.import_button.click()
        qtbot.waitUntil(lambda: datasets.import_dialog is not None and datasets.import_dialog._preview is not None,
                        timeout=10_000)  # fmt: skip
        dialog = datasets.import_dialog
        dialog.name.setText("customers")
        dialog.ok.click()
        qtbot.waitUntil(lambda: datasets.runner is None and datasets.list_model.names() == ["customers"],
                        timeout=30_000)  # fmt: skip
        _settle(qtbot)

        # ... and withholds the two columns the NDA will leave out (policy editor, saved as version 1).
        datasets.tabs.setCurrentIndex(POLICY_TAB)
        editor = datasets.policy_editor
        for column in WITHHELD:
            editor.select_column(column)
            editor.op.setCurrentIndex(editor.op.findData("withhold"))
        editor.save_button.click()
        qtbot.waitUntil(lambda: editor.stored is not None and editor.stored.version == 1, timeout=10_000)
        _settle(qtbot)

        # 4. The NDA: drafted and signed by the seller, signed by the buyer, back to the seller: in force.
        documents = seller.documents_page
        documents.new_nda.click()
        nda_editor = documents.editor
        assert nda_editor is not None
        nda_editor.title.setText("客户数据评估保密协议")
        nda_editor.check_counterparty(buyer.parties_page.fingerprint.text())
        nda_editor.purpose_zh.setPlainText("评估目标公司客户资产的价值与质量")
        nda_editor.purpose_en.setPlainText("evaluating the value and quality of customer data")
        top = nda_editor.scope.topLevelItem(0)
        columns = [top.child(i).text(0) for i in range(top.childCount())]
        nda_editor.check_dataset("customers", [c for c in columns if c not in WITHHELD])
        nda_editor.effective.setDate(nda_editor.effective.date().addDays(-1))
        assert nda_editor.ok.isEnabled(), nda_editor.problem_text()
        nda_editor.ok.click()
        _settle(qtbot)
        _click_in_next_question("Sign")
        documents.sign.click()
        _settle(qtbot)
        nda_id = documents.selected()[0].id  # type: ignore[index]
        to_buyer, to_seller = shared / "nda-to-buyer.drnda", shared / "nda-to-seller.drnda"
        chooser.path = to_buyer
        documents.export.click()
        _settle(qtbot)
        chooser.path = to_buyer
        buyer.documents_page.import_nda.click()
        _settle(qtbot)
        assert buyer.documents_page.selected()[0].id == nda_id  # type: ignore[index]
        _click_in_next_question("Sign")
        buyer.documents_page.sign.click()
        _settle(qtbot)
        assert buyer.documents_page.selected()[1].in_force  # type: ignore[index]
        chooser.path = to_seller
        buyer.documents_page.export.click()
        _settle(qtbot)
        chooser.path = to_seller
        documents.import_nda.click()
        _settle(qtbot)
        assert documents.selected()[1].in_force and documents.status_badge.text() == "In force"  # type: ignore[index]

        # 5. The seller exports a packet for the buyer with the export wizard; the NDA gate allows it.
        transfers = seller.transfers_page
        seller.show_page(TRANSFERS)
        transfers.export_button.click()
        wizard = transfers.export_wizard
        assert wizard is not None and wizard.currentId() == export_wizard.DATASET
        wizard.next()
        assert wizard.currentId() == export_wizard.POLICY
        wizard.next()
        assert wizard.recipient_page.select(buyer.parties_page.fingerprint.text())
        wizard.next()
        assert wizard.currentId() == export_wizard.NDA
        qtbot.waitUntil(lambda: wizard.nda_page.isComplete(), timeout=10_000)
        assert wizard.nda_page.nda_id() == nda_id and wizard.nda_page.verdict.text().startswith("Allowed")
        wizard.next()
        packet = shared / "customers-for-buyer.drpkt"
        chooser.path = packet
        wizard.destination_page.browse.click()
        assert wizard.destination_page.isComplete()
        wizard.button(QWizard.WizardButton.CommitButton).click()
        qtbot.waitUntil(lambda: wizard.currentId() == export_wizard.SUMMARY, timeout=30_000)
        _settle(qtbot)
        wizard.button(QWizard.WizardButton.FinishButton).click()
        assert packet.exists() and transfers.model.rowCount() == 1

        # 6. The buyer imports it with the import wizard: checked before anything is decrypted, then imported.
        buyer.show_page(TRANSFERS)
        buyer_transfers = buyer.transfers_page
        buyer_transfers.import_button.click()
        importer = buyer_transfers.import_wizard
        assert importer is not None and importer.currentId() == import_wizard.FILE
        chooser.path = packet
        importer.file_page.browse.click()
        importer.next()
        qtbot.waitUntil(lambda: importer.inspection is not None and importer.check_page.isComplete(), timeout=30_000)
        importer.next()
        assert importer.currentId() == import_wizard.NAME
        importer.next()
        qtbot.waitUntil(lambda: importer.currentId() == import_wizard.DONE, timeout=30_000)
        importer.button(QWizard.WizardButton.FinishButton).click()
        _settle(qtbot)
        assert buyer_transfers.model.rowCount() == 1 and buyer_transfers.model.item(0).direction == "received"

        # 7. The seller issues the receipt for the sent packet.
        receipt, signed = shared / "receipt.pdf", shared / "receipt-countersigned.pdf"
        transfers.table.selectRow(0)
        chooser.path = receipt
        transfers.receipt_button.click()
        _viewer(qtbot, seller).close()
        assert receipt.exists()

        # 8. The buyer counter-signs it.
        buyer_transfers.table.selectRow(0)
        chooser.path = receipt
        buyer_transfers.countersign_button.click()
        viewer = _viewer(qtbot, buyer)
        assert viewer.act.isEnabled()
        chooser.path = signed
        with qtbot.waitSignal(viewer.acted, timeout=30_000):
            viewer.act.click()
        viewer.close()
        assert signed.exists()

        # 9. The seller records the counter-signed copy.
        chooser.path = signed
        transfers.record_button.click()
        viewer = _viewer(qtbot, seller)
        with qtbot.waitSignal(viewer.acted, timeout=30_000):
            viewer.act.click()
        viewer.close()
        _settle(qtbot)

        # Both lists show the final states.
        assert transfers.model.item(0).direction == "sent" and transfers.model.item(0).receipt == "recorded"
        assert buyer_transfers.model.item(0).receipt == "countersigned"
        assert chooser.path is None and "open" in chooser.asked and "save" in chooser.asked
    finally:
        worker.wait_idle()
        for controller in controllers:
            for widget in (controller.window, controller.unlock_dialog, controller.wizard):
                if widget is not None:
                    qtbot.addWidget(widget)
            if controller.session is not None and controller.session.vault.is_open:
                vault_flows.lock(controller.session)
