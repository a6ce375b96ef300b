"""Screenshots of the desktop app's main screens, in English and Chinese, on a fresh demo vault.

Run by ``make screenshots`` (under ``xvfb-run`` when available, else Qt's offscreen platform). Everything happens in
a temporary data/config home, so neither the user's settings nor their demo vault are touched.

    python scripts/screenshots.py --out docs/screenshots [--lang en zh_CN]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

_HOME = Path(tempfile.mkdtemp(prefix="dataroom-shots-"))
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
        worker.wait_idle()
        settle()
        window.set_session(None)
        vault_flows.lock(session)
    return 0


if __name__ == "__main__":
    sys.exit(main())
