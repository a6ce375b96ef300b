"""``dataroom-app``: the desktop application's entry point."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

import dataroom
from dataroom.core.diagnostics import configure_logging
from dataroom.ui import i18n
from dataroom.ui import settings as settings_mod
from dataroom.ui.controller import AppController
from dataroom.ui.fonts import register_fonts
from dataroom.ui.resources import icon
from dataroom.ui.theme import apply_theme
from dataroom.ui.verify_file import verify_in_background

log = logging.getLogger(__name__)

_HELP = "Dataroom: an offline, encrypted data room for company transfers."


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="dataroom-app", description=_HELP)
    parser.add_argument("--vault", type=Path, help="vault folder to open (default: the last one, or the default place)")
    parser.add_argument("--demo", action="store_true", help="build a fresh demo vault with synthetic data and open it")
    parser.add_argument(
        "--lang", choices=sorted(i18n.LANGUAGES), help="interface language (default: settings, then system)"
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {dataroom.__version__}")
    parser.add_argument(
        "file", nargs="?", type=Path, help="a packet, receipt, certificate, card or audit export to verify on start"
    )
    return parser.parse_args(list(argv))


def make_application(argv: Sequence[str]) -> QApplication:
    """The QApplication with name, icon, theme and fonts (the existing one in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication([sys.argv[0] if sys.argv else "dataroom-app", *argv])
    QCoreApplication.setApplicationName("Dataroom")
    QCoreApplication.setOrganizationName("Dataroom")
    QCoreApplication.setApplicationVersion(dataroom.__version__)
    app.setWindowIcon(icon("vault"))
    apply_theme(app)
    register_fonts()
    return app


def main(argv: Sequence[str] | None = None) -> int:
    """Start the GUI; returns the exit status."""
    configure_logging()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = make_application([])
    settings = settings_mod.load()
    language = args.lang or i18n.resolve(settings.language)
    if not i18n.apply_language(language):
        log.warning("no translation for %s; using English", language)
    controller = AppController(settings)
    controller.start(args.vault, demo=args.demo)
    if args.file is not None:
        # Checked against the vault's confirmed cards when the vault is already open (keyring unlock or demo);
        # otherwise on its own, and the panel says the signer could not be matched to a confirmed card.
        verify_in_background(args.file, controller.window, controller.session)
    try:
        return app.exec()
    finally:
        controller.quit()


if __name__ == "__main__":
    raise SystemExit(main())
