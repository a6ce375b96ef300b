"""Screenshots of the desktop app's main screens, in English and Chinese, on a fresh demo vault.

Run by ``make screenshots`` (under ``xvfb-run`` when available, else Qt's offscreen platform). Everything happens in
a temporary data/config home, so neither the user's settings nor their demo vault are touched.

    python scripts/screenshots.py --out docs/screenshots [--lang en zh_CN]
"""

from __future__ import annotations

import argparse
import atexit
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

from PySide6.QtCore import QCoreApplication, QEventLoop  # noqa: E402
from PySide6.QtWidgets import QScrollArea, QWidget, QWizard  # noqa: E402

from dataroom.core.flows import demo as demo_flows  # noqa: E402
from dataroom.core.flows import vault as vault_flows  # noqa: E402
from dataroom.ui import i18n, worker  # noqa: E402
from dataroom.ui.app import make_application  # noqa: E402
from dataroom.ui.main_window import MainWindow  # noqa: E402
from dataroom.ui.settings import Settings  # noqa: E402
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


def save(widget: QWidget, path: Path) -> None:
    settle()
    path.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"  {path}")


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
    return 0


if __name__ == "__main__":
    sys.exit(main())
