"""Application life cycle: start-up choice, lock on idle and by shortcut, quitting locks."""

from __future__ import annotations

import json
from pathlib import Path

from dataroom.core.flows import vault as vault_flows
from dataroom.core.vault.layout import VaultLayout, restore_intent
from dataroom.ui.controller import AppController
from dataroom.ui.settings import Settings
from tests.conftest import PASSPHRASE


def _controller(qtbot) -> AppController:  # type: ignore[no-untyped-def]
    controller = AppController(Settings(), save_settings=False)
    return controller


def _cleanup(qtbot, controller: AppController) -> None:  # type: ignore[no-untyped-def]
    for widget in (controller.window, controller.unlock_dialog, controller.wizard):
        if widget is not None:
            qtbot.addWidget(widget)
    if controller.session is not None and controller.session.vault.is_open:
        vault_flows.lock(controller.session)


def test_start_without_a_vault_shows_the_wizard(qtbot) -> None:
    controller = _controller(qtbot)
    controller.start()  # the default place is empty (tmp XDG dirs)
    try:
        assert controller.wizard is not None and controller.wizard.isVisible()
        assert controller.unlock_dialog is None
    finally:
        _cleanup(qtbot, controller)


def test_start_with_a_vault_shows_the_unlock_dialog(qtbot, closed_vault: Path) -> None:
    controller = _controller(qtbot)
    controller.start(closed_vault)
    try:
        dialog = controller.unlock_dialog
        assert dialog is not None and dialog.vault_dir == closed_vault
        qtbot.waitUntil(lambda: "Enter your passphrase" in dialog.message.text(), timeout=5_000)  # no keyring slot
        dialog.passphrase.setText(PASSPHRASE)
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: controller.window is not None and controller.window.isVisible(), timeout=5_000)
        assert controller.session is not None and controller.settings.last_vault == str(closed_vault)
    finally:
        _cleanup(qtbot, controller)


def test_start_finishes_a_restore_killed_between_its_renames(qtbot, closed_vault: Path) -> None:
    # The state a restore leaves when killed after moving the old vault aside, before moving the copy in.
    staging = closed_vault.with_name(f".{closed_vault.name}.restore-x")
    closed_vault.rename(staging)
    restore_intent(closed_vault).write_text(json.dumps({"staging": staging.name, "moved_to": "old-vault"}))
    controller = _controller(qtbot)
    controller.start(closed_vault)
    try:
        assert controller.unlock_dialog is not None and controller.wizard is None  # not offered a new vault
        assert VaultLayout(closed_vault).exists() and not restore_intent(closed_vault).exists()
    finally:
        _cleanup(qtbot, controller)


def test_lock_on_idle(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(qtbot)
    controller.open_session(open_session)
    try:
        window = controller.window
        assert window is not None and window.isVisible()
        controller.idle.set_interval_ms(150)  # stands in for the minutes of the settings
        qtbot.waitUntil(lambda: controller.session is None, timeout=5_000)
        assert not open_session.vault.is_open  # the key is gone, not just hidden
        assert not window.isVisible() and window.audit_page.model.rowCount() == 0
        dialog = controller.unlock_dialog
        assert dialog is not None and dialog.isVisible()
        assert dialog.user.text() == "alice"  # who locked is offered again; the keyring is not auto-tried
        assert "Enter your passphrase" not in dialog.message.text()
    finally:
        _cleanup(qtbot, controller)


def test_input_postpones_the_idle_lock(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(qtbot)
    controller.open_session(open_session)
    try:
        controller.idle.set_interval_ms(300)
        for _ in range(6):
            qtbot.wait(100)
            qtbot.keyClick(controller.window, "a")  # any keyboard input restarts the count
        assert controller.session is not None
    finally:
        _cleanup(qtbot, controller)


def test_lock_shortcut_and_unlock_again(qtbot, open_session) -> None:  # type: ignore[no-untyped-def]
    controller = _controller(qtbot)
    controller.open_session(open_session)
    try:
        controller.window.lock_action.trigger()  # the chain check may still run: the lock then waits for it
        assert not controller.window.isVisible()
        qtbot.waitUntil(lambda: controller.session is None and controller.unlock_dialog is not None, timeout=5_000)
        dialog = controller.unlock_dialog
        dialog.passphrase.setText(PASSPHRASE)
        dialog.unlock_button.click()
        qtbot.waitUntil(lambda: controller.session is not None and controller.window.isVisible(), timeout=5_000)
        qtbot.waitUntil(lambda: controller.window.chain_status is not None, timeout=5_000)
        assert controller.window.chain_status.ok
    finally:
        _cleanup(qtbot, controller)


def test_demo_builds_the_deal_and_opens_the_seller_vault(qtbot) -> None:
    controller = _controller(qtbot)
    controller.start(demo=True)
    try:
        qtbot.waitUntil(lambda: controller.session is not None, timeout=60_000)
        window = controller.window
        assert window is not None and window.isVisible() and window.windowTitle().startswith("[DEMO]")
        assert controller.session.user == "seller" and controller.session.vault.path.name == "seller"
        assert window.settings_page.fingerprint.text()  # the demo party's identity is shown
    finally:
        _cleanup(qtbot, controller)
