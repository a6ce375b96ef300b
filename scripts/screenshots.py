"""Screenshots of the desktop app's main screens and of the README's two-window walkthrough (a seller's and a
buyer's window, from cards to a counter-signed receipt, then verify, audit, retention, incidents, roles and
destruction), in English and Chinese, on fresh demo vaults.

Run by ``make screenshots`` (under ``xvfb-run`` when available, else Qt's offscreen platform). Everything happens in
a temporary data/config home, so neither the user's settings nor their demo vault are touched.

    python scripts/screenshots.py --out docs/screenshots [--lang en zh_CN]
"""

from __future__ import annotations

import argparse
import atexit
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="dataroom-shots-"))
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)  # the demo vaults and settings made for the shots
for _var, _sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"), ("XDG_CACHE_HOME", "cache")):
    os.environ[_var] = str(_HOME / _sub)
os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

from PySide6.QtCore import QCoreApplication, QDate, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QScrollArea, QWidget, QWizard  # noqa: E402

from dataroom.core.flows import demo as demo_flows  # noqa: E402
from dataroom.core.flows import parties as party_flows  # noqa: E402
from dataroom.core.flows import vault as vault_flows  # noqa: E402
from dataroom.core.users.roles import Role  # noqa: E402
from dataroom.ui import i18n, verify_file, worker  # noqa: E402
from dataroom.ui.app import make_application  # noqa: E402
from dataroom.ui.deal.confirm_dialog import ConfirmCardDialog  # noqa: E402
from dataroom.ui.main_window import AUDIT, DATASETS, DOCUMENTS, PARTIES, SETTINGS, TRANSFERS, MainWindow  # noqa: E402
from dataroom.ui.settings import Settings  # noqa: E402
from dataroom.ui.transfers import export_wizard, import_wizard  # noqa: E402
from dataroom.ui.transfers.receipt_dialogs import ReceiptViewer  # noqa: E402
from dataroom.ui.unlock_dialog import UnlockDialog  # noqa: E402
from dataroom.ui.wizard import FirstRunWizard  # noqa: E402

PAGES = ["datasets", "documents", "parties", "transfers", "audit", "settings"]


def settle(condition: Callable[[], bool] = lambda: True, timeout: float = 20.0) -> None:
    """Run the event loop until ``condition`` holds and pending events (layouts, language changes) are done."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if condition():
            break
    for _ in range(5):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


#: Above this a screenshot is stored with a 256-colour palette (plenty for a UI), so docs/ stays small.
MAX_PNG_BYTES = 150_000


def save(widget: QWidget, path: Path) -> None:
    settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    if path.stat().st_size > MAX_PNG_BYTES:
        from PIL import Image  # installed with reportlab

        with Image.open(path) as image:
            small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(path, optimize=True)
    print(f"  {path} ({path.stat().st_size // 1000} KB)")


def build_demo() -> Path:
    """The demo deal (as ``dataroom-app --demo`` builds it); returns the seller's vault."""
    base = demo_flows.prepare_dir(_HOME / "demo")
    return demo_flows.build_deal(base).seller


def shoot_wizard(out: Path) -> None:
    wizard = FirstRunWizard(_HOME / "data" / "dataroom" / "vault")
    wizard.resize(760, 580)
    wizard.show()
    save(wizard, out / "01-wizard-start.png")
    wizard.next()
    page = wizard.identity_page
    page.organisation.setText("上海示例科技有限公司")
    page.organisation.textEdited.emit("上海示例科技有限公司")
    page.full_name.setText("Li Wei")
    page.full_name.textEdited.emit("Li Wei")
    page.email.setText("li.wei@example.com")
    save(wizard, out / "02-wizard-identity.png")
    wizard.next()
    wizard.key_page.fields.passphrase.setText("violet tractor 42 umbrellas")
    wizard.key_page.fields.confirmation.setText("violet tractor 42 umbrellas")
    save(wizard, out / "03-wizard-keys.png")
    wizard.button(QWizard.WizardButton.CancelButton)  # never committed: no vault is created
    wizard.hide()
    wizard.deleteLater()


def shoot_unlock(vault_dir: Path, out: Path) -> None:
    dialog = UnlockDialog(vault_dir, user="seller", demo=True, try_keyring=False)
    dialog.show()
    save(dialog, out / "04-unlock.png")
    dialog.passphrase.setText("wrong passphrase")
    dialog.attempt()
    settle(lambda: (not worker.busy() and "wrong" in dialog.message.text().lower()) or "错误" in dialog.message.text())
    save(dialog, out / "05-unlock-wrong-passphrase.png")
    dialog.hide()
    dialog.deleteLater()


def shoot_main(window: MainWindow, out: Path) -> None:
    for index, name in enumerate(PAGES):
        window.show_page(index)
        settle(lambda: window.chain_status is not None and not worker.busy())
        save(window, out / f"{10 + index:02d}-main-{name}.png")
    scroll = window.settings_page.findChild(QScrollArea)
    scroll.verticalScrollBar().setValue(scroll.verticalScrollBar().maximum())
    save(window, out / "16-main-settings-owner-actions.png")
    scroll.verticalScrollBar().setValue(0)


def shoot_datasets(window: MainWindow, out: Path) -> None:
    """The datasets page (table with class badges and the column panel, policy editor, quality, k-anonymity), the
    import dialog for a text file and a workbook, and a data-subject request."""
    import csv

    import openpyxl
    from PySide6.QtCore import Qt

    from dataroom.ui.datasets.import_dialog import ImportDialog
    from dataroom.ui.main_window import DATASETS

    page = window.datasets_page
    window.show_page(DATASETS)
    model = page.view.model
    settle(lambda: model.rowCount() > 0 and not model.is_busy() and not worker.busy())
    column = model.column_of("身份证号") or 0
    page.view.table.setCurrentIndex(model.index(2, column))
    page.view.table.scrollTo(model.index(0, column))
    settle(lambda: page.view.panel.column_name == "身份证号")
    save(window, out / "20-datasets-table.png")

    source = _HOME / "demo" / "demo-customers.csv"
    dialog = ImportDialog(source, page.list_model.names(), window)
    dialog.show()
    settle(lambda: dialog._preview is not None and not worker.busy())
    save(dialog, out / "21-datasets-import-csv.png")
    dialog.reject()
    dialog.deleteLater()
    book_path = _HOME / "orders-and-customers.xlsx"
    if not book_path.exists():
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "客户 customers"
        with open(source, encoding="utf-8-sig", newline="") as fh:
            for i, row in enumerate(csv.reader(fh)):
                if i > 60:
                    break
                sheet.append(row[:6])
        orders = book.create_sheet("订单 orders")
        orders.append(["订单号", "客户编号", "金额", "下单日期"])
        for i in range(40):
            orders.append([f"D2024{i:05d}", f"C{i + 1:08d}", f"{99 + i * 7}.00", f"2024-03-{i % 28 + 1:02d}"])
        book.save(book_path)
    dialog = ImportDialog(book_path, page.list_model.names(), window)
    dialog.show()
    settle(lambda: dialog._preview is not None and not worker.busy())
    dialog.sheets.item(1, 0).setCheckState(Qt.CheckState.Checked)
    save(dialog, out / "22-datasets-import-workbook.png")
    dialog.reject()
    dialog.deleteLater()

    page.tabs.setCurrentIndex(1)
    editor = page.policy_editor
    editor.select_column("身份证号")
    settle(lambda: editor.preview.rowCount() > 0 and not worker.busy())
    editor.op.setCurrentIndex(editor.op.findData("derive"))
    settle(lambda: not worker.busy())
    save(window, out / "23-datasets-policy-editor.png")
    editor.discard_changes()

    page.tabs.setCurrentIndex(2)
    page.quality.run()
    settle(lambda: page.quality.report is not None and not worker.busy())
    save(window, out / "24-datasets-quality.png")

    page.tabs.setCurrentIndex(3)
    page.stats.column.setCurrentIndex(max(page.stats.column.findData("累计消费金额"), 0))
    page.stats.run()
    settle(lambda: page.stats.stats is not None and not worker.busy())
    save(window, out / "25-datasets-statistics.png")

    page.tabs.setCurrentIndex(4)
    page.kanon.set_quasi_identifiers(["性别", "地址", "注册日期"])
    page.kanon.run()
    settle(lambda: page.kanon.report is not None and not worker.busy())
    save(window, out / "26-datasets-k-anonymity.png")
    page.tabs.setCurrentIndex(0)

    with open(source, encoding="utf-8-sig", newline="") as fh:
        person = list(csv.reader(fh))[8]
    request = page.open_subject_request()
    assert request is not None
    request.kind.setCurrentIndex(request.kind.findData("mobile"))
    request.identifier.setText(person[4])
    request.find()
    settle(lambda: request.result is not None and not worker.busy())
    save(request, out / "27-datasets-subject-request.png")
    request.reject()
    settle()


# --- the two-window journey (README "Two-window walkthrough") and the part-2 screens ----------------------------
_FILES: list[Path] = []


def choose_files(*paths: Path) -> None:
    """What the user picks in the next file choosers (the script stands in for the person clicking)."""
    _FILES[:] = list(paths)


def _chosen(*_args: object, **_kwargs: object) -> tuple[str, str]:
    if not _FILES:
        raise SystemExit("the app asked for a file the screenshot script did not expect")
    return str(_FILES.pop(0)), ""


def open_window(vault_dir: Path, user: str, x: int) -> MainWindow:
    """A main window on ``vault_dir`` unlocked as ``user`` (the demo passphrase), placed at ``x``."""
    window = MainWindow(Settings(idle_lock_minutes=10))
    window.settings_page._save = lambda _s: None  # a screenshot run never writes settings
    window.resize(1240, 800)
    window.move(x, 0)
    window.set_session(vault_flows.unlock(vault_dir, user=user, passphrase=demo_flows.DEMO_PASSPHRASE))
    window.show()
    settle(lambda: window.chain_status is not None and not worker.busy())
    return window


def close_window(window: MainWindow) -> None:
    worker.wait_idle()
    session = window.session
    window.set_session(None)
    if session is not None:
        vault_flows.lock(session)
    window.allow_close()
    window.close()
    window.deleteLater()
    settle()


def _viewer(window: MainWindow) -> ReceiptViewer:
    page = window.transfers_page
    settle(lambda: any(v.isVisible() and v.check is not None for v in page.findChildren(ReceiptViewer)))
    viewer = next(v for v in page.findChildren(ReceiptViewer) if v.isVisible())
    viewer.resize(1280, 820)
    return viewer


def shoot_journey(language: str, out: Path) -> None:
    """The seller's and the buyer's windows from cards to a counter-signed receipt, then the part-2 screens
    (verify panel, audit filters, retention, destruction, incidents, roles) on the same pair of vaults."""
    QFileDialog.getSaveFileName = QFileDialog.getOpenFileName = _chosen  # type: ignore[method-assign]
    deal = demo_flows.build_deal(demo_flows.prepare_dir(_HOME / f"journey-{language}"), rows=400)
    seller, buyer = open_window(deal.seller, "seller", 0), open_window(deal.buyer, "buyer", 160)
    shared = deal.base

    # Parties: the buyer's card as it looks when the seller confirms it (the demo confirmed it already).
    seller.show_page(PARTIES)
    card = dataclasses.replace(party_flows.list_cards(seller.session)[0], status="unconfirmed")
    confirm = ConfirmCardDialog(card, [], seller)
    confirm.show()
    confirm.heard.setText(buyer.parties_page.fingerprint.text())
    confirm.heard.setCursorPosition(0)
    save(confirm, out / "30-journey-confirm-card.png")
    confirm.reject()

    # The NDA editor as the seller fills it in (the demo's NDA, both signed, is on the Documents page).
    seller.show_page(DOCUMENTS)
    editor = seller.documents_page.open_editor()
    editor.title.setText("客户数据评估保密协议 Customer data evaluation NDA")
    editor.check_counterparty(buyer.parties_page.fingerprint.text())
    editor.purpose_zh.setPlainText("评估目标公司客户资产的价值与质量")
    editor.purpose_en.setPlainText("evaluating the value and quality of the target's customer base")
    editor.check_dataset(demo_flows.DEMO_DATASET, ["客户编号", "性别", "地址", "注册日期", "累计消费金额"])
    editor.resize(760, 800)
    save(editor, out / "31-journey-nda-editor.png")
    editor.reject()
    save(seller, out / "32-journey-nda-in-force.png")

    # Export wizard: the NDA gate allows the de-identified packet and refuses the full data, in words.
    seller.show_page(TRANSFERS)
    wizard = seller.transfers_page.open_export_wizard(demo_flows.DEMO_DATASET)
    wizard.resize(820, 640)
    wizard.next()
    wizard.next()
    wizard.recipient_page.select(buyer.parties_page.fingerprint.text())
    wizard.next()
    settle(lambda: wizard.nda_page.isComplete())
    save(wizard, out / "33-export-nda-allowed.png")
    wizard.back()
    wizard.back()
    wizard.policy_page.full.setChecked(True)
    wizard.next()
    wizard.next()
    settle(lambda: bool(wizard.nda_page.reasons.text()))
    save(wizard, out / "34-export-nda-refused.png")
    wizard.back()
    wizard.back()
    wizard.policy_page.redacted.setChecked(True)
    wizard.next()
    wizard.next()
    settle(lambda: wizard.nda_page.isComplete())
    wizard.next()
    packet = shared / "customers-for-buyer.drpkt"
    wizard.destination_page.file.setText(str(packet))
    wizard.button(QWizard.WizardButton.CommitButton).click()
    settle(lambda: wizard.currentId() == export_wizard.SUMMARY and not worker.busy(), timeout=60)
    save(wizard, out / "35-export-done.png")
    wizard.button(QWizard.WizardButton.FinishButton).click()

    # Import wizard on the buyer's side: the check comes before any decryption; a tampered copy is refused.
    buyer.show_page(TRANSFERS)
    tampered = shared / "tampered.drpkt"
    data = bytearray(packet.read_bytes())
    data[len(data) // 3] ^= 0x01
    tampered.write_bytes(bytes(data))
    for path, name in ((tampered, "37-import-check-tampered.png"), (packet, "36-import-check-authentic.png")):
        importer = buyer.transfers_page.open_import_wizard(path)
        importer.resize(820, 640)
        settle(lambda: not worker.busy())
        save(importer, out / name)
        if path == tampered:
            importer.reject()
            settle()
    importer.next()
    importer.next()
    settle(lambda: importer.currentId() == import_wizard.DONE and not worker.busy(), timeout=60)
    importer.button(QWizard.WizardButton.FinishButton).click()

    # Receipt: issued by the seller (watermarked pages), counter-signed by the buyer, recorded by the seller.
    receipt, signed = shared / "receipt.pdf", shared / "receipt-countersigned.pdf"
    seller.transfers_page.table.selectRow(0)
    choose_files(receipt)
    seller.transfers_page.receipt_button.click()
    viewer = _viewer(seller)
    save(viewer, out / "38-receipt-issued.png")
    viewer.close()
    buyer.transfers_page.table.selectRow(0)
    choose_files(receipt, signed)
    buyer.transfers_page.countersign_button.click()
    viewer = _viewer(buyer)
    save(viewer, out / "39-receipt-countersign.png")
    viewer.act.click()
    settle(lambda: signed.exists() and not worker.busy())
    viewer.close()
    choose_files(signed)
    seller.transfers_page.record_button.click()
    viewer = _viewer(seller)
    viewer.act.click()
    settle(lambda: not worker.busy() and not viewer.act.isVisible())
    save(viewer, out / "40-receipt-recorded.png")
    viewer.close()
    for window in (seller, buyer):
        window.transfers_page.refresh()
        window.refresh_chain_status()  # the status bar's count as of now (the window does not redo it after a transfer)
        settle(lambda window=window: window.chain_status is not None and not worker.busy())
    save(seller, out / "41-transfers-seller.png")
    save(buyer, out / "42-transfers-buyer.png")

    # Verify panel (File → Verify, or a file dropped on the window).
    panel = verify_file.verify_paths([signed], seller, seller.session)[0]
    panel.resize(760, 700)
    settle(lambda: panel.report is not None or bool(panel.error))
    save(panel, out / "43-verify-receipt.png")
    panel.close()

    # Audit viewer with a filter; retention; incidents; roles — all on the seller's side.
    seller.show_page(AUDIT)
    seller.audit_page.action.setText("receipt")
    seller.audit_page.apply_button.click()
    seller.audit_page.verify_button.click()  # the chain as it is now, with the receipts' records
    settle(lambda: not worker.busy())
    save(seller, out / "44-audit-filtered.png")

    seller.show_page(DATASETS)
    retention = seller.datasets_page.open_retention()
    retention.use_until.setChecked(True)
    retention.until.setDate(QDate.currentDate().addDays(-1))
    retention.reason.setText("尽调结束 due diligence ended")
    save(retention, out / "45-retention-dialog.png")
    retention.ok.click()
    settle(lambda: seller.datasets_page.due_notice.isVisible() and not worker.busy())
    save(seller, out / "46-retention-banner.png")

    seller.show_page(DOCUMENTS)
    documents = seller.documents_page
    documents.tabs.setCurrentWidget(documents.incidents)
    incident = documents.incidents.open_dialog()
    incident.title.setText("导出文件误发 Export file sent to the wrong address")
    incident.kind.setCurrentIndex(incident.kind.findData("leak"))
    incident.check_dataset(demo_flows.DEMO_DATASET, ["姓名", "手机号"], "1-40")
    incident.cause.setPlainText("An unredacted export was e-mailed outside the company.")
    incident.containment.setPlainText("The recipient deleted it and confirmed in writing.")
    incident.harm.setPlainText("Nuisance calls.")
    incident.remedies.setPlainText("Ignore calls that ask for codes.")
    incident.contact.setText("privacy@example.cn, 021-5555 0100")
    incident.resize(760, 820)
    save(incident, out / "47-incident-dialog.png")
    incident.ok.click()
    settle(lambda: documents.incidents.table.rowCount() == 1 and not worker.busy())
    _close_messages()
    documents.incidents.write_drafts(documents.incidents.selected_id(), shared / "letters")
    settle(lambda: not worker.busy() and bool(documents.incidents.result.text()))
    save(seller, out / "48-incidents-tab.png")

    seller.show_page(SETTINGS)
    settings = seller.settings_page
    settings.users_table.selectRow(2)  # the reviewer, about to become a preparer
    settings.role_picker.setCurrentIndex(settings.role_picker.findData(Role.PREPARER))
    settings.findChild(QScrollArea).ensureWidgetVisible(settings.users_table)
    save(seller, out / "49-settings-roles.png")

    # Destruction on the buyer's side: the confirmation names what goes, then the certificate.
    buyer.show_page(DATASETS)
    page = buyer.datasets_page
    received = page.list_model.names()[0]  # the buyer holds only what it received
    page.select(received)
    destroy = page.open_destroy()
    destroy.folder.setText(str(shared))
    destroy.typed.setText(received)
    destroy.resize(820, destroy.sizeHint().height())  # its own height: the extra would all go to the badge
    save(destroy, out / "50-destroy-confirm.png")
    destroy.destroy_button.click()
    settle(lambda: destroy.outcome is not None and not worker.busy(), timeout=60)
    destroy.resize(820, 640)
    save(destroy, out / "51-destroy-certificate.png")
    destroy.reject()

    _close_messages()
    close_window(seller)
    close_window(buyer)


def _close_messages() -> None:
    settle()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            widget.close()
    settle()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/screenshots"))
    parser.add_argument("--lang", nargs="+", default=[i18n.ENGLISH, i18n.CHINESE], choices=sorted(i18n.LANGUAGES))
    args = parser.parse_args(argv)
    app = make_application([])
    print(f"platform {app.platformName()}; building the demo vault in {_HOME} …")
    vault_dir = build_demo()

    window = MainWindow(Settings(idle_lock_minutes=10))
    window.settings_page._save = lambda _s: None  # a screenshot run never writes settings
    window.resize(1240, 800)
    for language in args.lang:
        print(f"{language}:")
        if not i18n.apply_language(language):
            raise SystemExit(f"no compiled translation for {language}; run `make translations`")
        settle()
        out = args.out / language
        shoot_wizard(out)
        shoot_unlock(vault_dir, out)  # while no session holds the vault (one process may open it once)
        session = vault_flows.unlock(vault_dir, user="seller", passphrase=demo_flows.DEMO_PASSPHRASE)
        window.set_session(session)
        window.show()
        shoot_main(window, out)
        shoot_datasets(window, out)
        worker.wait_idle()
        settle()
        window.set_session(None)
        vault_flows.lock(session)
        window.hide()
        shoot_journey(language, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
