"""Settings actions beyond the basics: input dialogs, rekey, backup then restore (aside and in place)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Role
from dataroom.core.vault.layout import VaultLayout
from dataroom.ui import messages, worker
from dataroom.ui.controller import AppController
from dataroom.ui.dialogs.add_user_dialog import AddUserDialog
from dataroom.ui.dialogs.restore_dialog import RestoreDialog, RestoreRequest
from dataroom.ui.settings import Settings
from tests.conftest import PASSPHRASE

BACKUP_PASSPHRASE = "backup passphrase 9"


def test_add_user_dialog_enables_ok_only_for_valid_input(qtbot) -> None:
    dialog = AddUserDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    dialog.name.setText("bad name")
    assert "no spaces" in dialog.problem.text()
    dialog.name.setText("bob")
    dialog.role.setCurrentIndex(dialog.role.findData(Role.PREPARER))
    dialog.fields.passphrase.setText("bob's passphrase 7")
    dialog.fields.confirmation.setText("bob's passphrase 7")
    assert dialog.ok.isEnabled()
    assert dialog.values() == ("bob", Role.PREPARER, "bob's passphrase 7")
    assert "imports" in dialog.role_hint.text()


def test_restore_dialog_demands_an_explicit_tick_to_replace(qtbot, closed_vault: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.drbak"
    backup.write_bytes(b"x")
    dialog = RestoreDialog(closed_vault)
    qtbot.addWidget(dialog)
    dialog.backup.setText(str(backup))
    dialog.passphrase.setText(BACKUP_PASSPHRASE)
    assert not dialog.ok.isEnabled() and "Tick the box" in dialog.replace_note.text()
    dialog.replace.setChecked(True)
    assert dialog.ok.isEnabled() and dialog.request().replace
    dialog.target.setText(str(tmp_path / "elsewhere"))
    assert dialog.ok.isEnabled() and not dialog.request().replace


def _controller_with(qtbot, session: Session) -> AppController:  # type: ignore[no-untyped-def]
    controller = AppController(Settings(), save_settings=False)
    controller.open_session(session)
    qtbot.addWidget(controller.window)
    return controller


def _backup(qtbot, controller: AppController, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    target = tmp_path / "vault.drbak"
    controller.window.settings_page.backup_now(target, BACKUP_PASSPHRASE)
    qtbot.waitUntil(lambda: target.exists() and not worker.busy(), timeout=10_000)
    return target


def test_rekey_keeps_the_chain_verifiable(qtbot, open_session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(messages, "confirm", lambda *a, **k: True)
    controller = _controller_with(qtbot, open_session)
    window = controller.window
    qtbot.waitUntil(lambda: window.chain_status is not None, timeout=5_000)
    window.settings_page.rekey.click()  # the rekey runs on the worker; then the chain is verified again
    assert worker.busy()
    qtbot.waitUntil(lambda: not worker.busy() and window.chain_status is not None, timeout=10_000)
    window.audit_page.refresh()
    model = window.audit_page.model
    assert model.record(model.rowCount() - 1).action == "vault.rekey"
    assert window.chain_status.ok
    vault_flows.lock(open_session)
    assert vault_flows.unlock(open_session.vault.path, passphrase=PASSPHRASE).user == "alice"  # still opens


def test_restore_aside_leaves_the_open_vault_alone(qtbot, open_session: Session, tmp_path: Path) -> None:
    controller = _controller_with(qtbot, open_session)
    backup = _backup(qtbot, controller, tmp_path)
    target = tmp_path / "restored"
    controller.restore(RestoreRequest(backup, target, BACKUP_PASSPHRASE, replace=False))
    qtbot.waitUntil(lambda: VaultLayout(target).exists() and not worker.busy(), timeout=10_000)
    assert controller.session is open_session and open_session.vault.is_open
    vault_flows.lock(open_session)


def test_restore_over_the_open_vault_locks_it_first(qtbot, open_session: Session, tmp_path: Path) -> None:
    controller = _controller_with(qtbot, open_session)
    backup = _backup(qtbot, controller, tmp_path)
    vault_dir = open_session.vault.path
    controller.restore(RestoreRequest(backup, vault_dir, BACKUP_PASSPHRASE, replace=True))
    assert controller.session is None and not open_session.vault.is_open  # locked before anything moves
    qtbot.waitUntil(lambda: controller.unlock_dialog is not None, timeout=10_000)
    qtbot.addWidget(controller.unlock_dialog)
    assert controller.unlock_dialog.vault_dir == vault_dir and not controller.window.isVisible()
    assert list(tmp_path.glob("vault.replaced-*"))  # the replaced vault is kept aside
