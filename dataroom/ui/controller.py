"""The application's life cycle: first run or unlock, the main window, locking (button, shortcut, idle), switching
vaults, restore, quitting. The one place that opens and closes sessions in the GUI."""

from __future__ import annotations

import contextlib
import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from dataroom.core.errors import DataroomError
from dataroom.core.flows import demo as demo_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.paths import default_vault_dir
from dataroom.core.session import Session
from dataroom.core.vault.layout import VaultLayout, finish_restore
from dataroom.ui import messages, worker
from dataroom.ui import settings as settings_mod
from dataroom.ui.busy import run_busy
from dataroom.ui.dialogs.restore_dialog import RestoreRequest
from dataroom.ui.idle import IdleWatcher
from dataroom.ui.main_window import MainWindow
from dataroom.ui.settings import Settings
from dataroom.ui.unlock_dialog import UnlockDialog
from dataroom.ui.wizard import FirstRunWizard, WizardResult

log = logging.getLogger(__name__)


def demo_base_dir() -> Path:
    """``<user data dir>/dataroom/demo`` (beside the default vault)."""
    return default_vault_dir().parent / "demo"


def _same_dir(a: Path, b: Path) -> bool:
    return Path(a).expanduser().resolve() == Path(b).expanduser().resolve()


class AppController(QObject):
    """Owns the session. Windows ask it (by signals) to lock, switch or quit; they never close sessions."""

    def __init__(self, settings: Settings, *, save_settings: bool = True) -> None:
        super().__init__()
        self.settings = settings
        self._save_enabled = save_settings
        self.session: Session | None = None
        self.vault_dir: Path | None = None
        self.window: MainWindow | None = None
        self.unlock_dialog: UnlockDialog | None = None
        self.wizard: FirstRunWizard | None = None
        self.idle = IdleWatcher(self)
        self.idle.set_minutes(settings.idle_lock_minutes)
        self.idle.idle.connect(self.lock)
        self._quitting = False
        self._lock_pending = False

    # --- start -------------------------------------------------------------------------------------------------
    def start(self, vault: Path | None = None, *, demo: bool = False) -> None:
        """Demo, or the unlock dialog for an existing vault, or the first-run wizard."""
        if demo:
            self.start_demo()
            return
        directory = Path(vault).expanduser() if vault else self._remembered_vault()
        _finish_interrupted_restore(directory)
        if VaultLayout(directory).exists():
            self.show_unlock(directory, try_keyring=None)
        else:
            self.show_wizard(directory)

    def _remembered_vault(self) -> Path:
        last = Path(self.settings.last_vault) if self.settings.last_vault else None
        return last if last is not None and VaultLayout(last).exists() else default_vault_dir()

    def start_demo(self) -> None:
        """Build a fresh demo deal (``flows.demo.build_deal``) and unlock the seller's vault, all on the worker."""
        base = demo_base_dir()

        def job(_progress: object, _cancel: object) -> Session:
            demo_flows.prepare_dir(base)
            deal = demo_flows.build_deal(base)  # closes its sessions; we then unlock the ordinary, audited way
            return vault_flows.unlock(deal.seller, user="seller", passphrase=demo_flows.DEMO_PASSPHRASE)

        text = self.tr("Building the demo deal: seller and buyer vaults, synthetic customers, a signed NDA…")
        run_busy(None, text, job, self.open_session, on_error=self._fatal)

    def _fatal(self, err: BaseException) -> None:
        box = messages.show_error(None, err)
        box.finished.connect(self.quit)

    # --- wizard ------------------------------------------------------------------------------------------------
    def show_wizard(self, directory: Path | None = None) -> None:
        wizard = FirstRunWizard(directory)
        self.wizard = wizard
        wizard.accepted.connect(lambda: self._wizard_done(wizard))
        wizard.rejected.connect(lambda: self._wizard_cancelled(wizard))
        wizard.show()

    def _wizard_done(self, wizard: FirstRunWizard) -> None:
        result: WizardResult = wizard.result_value
        self.wizard = None
        wizard.deleteLater()
        if result.session is None:
            self._switch_to_unlock(result.vault_dir)
            return
        self._close_session()
        self.open_session(result.session)

    def _wizard_cancelled(self, wizard: FirstRunWizard) -> None:
        created = wizard.key_page.session
        self.wizard = None
        wizard.deleteLater()
        if created is not None:
            vault_flows.lock(created)  # the vault exists; the next start offers to unlock it
        if self.session is None:
            self.quit()

    # --- unlock ------------------------------------------------------------------------------------------------
    def show_unlock(self, directory: Path, *, user: str = "", try_keyring: bool | None = False) -> UnlockDialog:
        """The unlock dialog for ``directory``. ``try_keyring=None``: try the keyring if one exists (app start);
        after a lock it is False, or the keyring would undo the lock at once."""
        dialog = UnlockDialog(directory, user=user, demo=demo_flows.is_demo_vault(directory), try_keyring=try_keyring)
        self.unlock_dialog = dialog
        dialog.unlocked.connect(self._unlocked)
        dialog.rejected.connect(lambda: self._unlock_cancelled(dialog))
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _switch_to_unlock(self, directory: Path) -> None:
        """Open another vault: the current one stays open until the other one unlocks."""
        if self.session is not None and _same_dir(directory, self.session.vault.path):
            return
        self.show_unlock(directory, try_keyring=None)

    def _unlocked(self, session: Session) -> None:
        self.unlock_dialog = None
        if self.session is not None and self.session is not session:
            self._close_session()
        self.open_session(session)

    def _unlock_cancelled(self, dialog: UnlockDialog) -> None:
        if self.unlock_dialog is dialog:
            self.unlock_dialog = None
        dialog.deleteLater()
        if self.session is None:
            self.quit()

    # --- session -----------------------------------------------------------------------------------------------
    def open_session(self, session: Session) -> None:
        self.session = session
        self.vault_dir = session.vault.path
        self.settings.last_vault = str(session.vault.path)
        self.save_settings()
        window = self.ensure_window()
        window.set_session(session)
        window.show()
        window.raise_()
        window.activateWindow()
        self.idle.start()

    def ensure_window(self) -> MainWindow:
        if self.window is None:
            window = MainWindow(self.settings)
            window.lock_requested.connect(self.lock)
            window.quit_requested.connect(self.quit)
            window.new_vault_requested.connect(self.new_vault)
            window.open_vault_requested.connect(self.open_vault)
            window.settings_page.idle_minutes_changed.connect(self._idle_minutes_changed)
            window.settings_page.restore_requested.connect(self.restore)
            self.window = window
        return self.window

    def _idle_minutes_changed(self, minutes: int) -> None:
        self.idle.set_minutes(minutes)
        if self.window is not None:
            self.window.update_status()

    def _close_session(self) -> None:
        """Lock the current session (audited), forgetting the key even if the audit write fails."""
        session, self.session = self.session, None
        if self.window is not None:
            self.window.set_session(None)
        if session is None or not session.vault.is_open:
            return
        try:
            vault_flows.lock(session)
        except Exception:  # the key must go even if recording the lock failed
            log.exception("recording the lock failed; closing the vault anyway")
            with contextlib.suppress(Exception):
                session.close()

    def lock(self) -> None:
        """Lock now: drop every page's data, hide the window, ask to unlock again."""
        if self.session is None:
            return
        if worker.busy():
            # Never pull the vault from under a running job: hide the data now, lock when the worker is done.
            if self.window is not None:
                self.window.hide()
            if not self._lock_pending:
                self._lock_pending = True
                worker.notifier().became_idle.connect(self._finish_pending_lock)
            return
        self._close_modals()
        user, directory = self.session.user, self.session.vault.path
        self.idle.stop()
        self._close_session()
        if self.window is not None:
            self.window.hide()
        self.show_unlock(directory, user=user, try_keyring=False)

    def _finish_pending_lock(self) -> None:
        worker.notifier().became_idle.disconnect(self._finish_pending_lock)
        self._lock_pending = False
        self.lock()

    def _close_modals(self) -> None:
        """Close dialogs opened over the window (a half-filled "add user" must not outlive the session)."""
        for _ in range(20):
            modal = QApplication.activeModalWidget()
            if modal is None or modal is self.unlock_dialog:
                return
            modal.close()
            if hasattr(modal, "reject"):
                modal.reject()
            if QApplication.activeModalWidget() is modal:
                return  # it refuses (a busy dialog); worker.busy() prevented this case anyway

    # --- menu actions ------------------------------------------------------------------------------------------
    def new_vault(self) -> None:
        if self.wizard is not None:
            self.wizard.raise_()
            return
        suggestion = default_vault_dir()
        if VaultLayout(suggestion).exists():
            suggestion = suggestion.with_name("vault-2")
        self.show_wizard(suggestion)

    def open_vault(self) -> None:
        parent: QWidget | None = self.window
        start = str(self.vault_dir.parent if self.vault_dir else default_vault_dir().parent)
        chosen = QFileDialog.getExistingDirectory(parent, self.tr("Open vault folder"), start)
        if not chosen:
            return
        directory = Path(chosen)
        _finish_interrupted_restore(directory)
        if not VaultLayout(directory).exists():
            messages.show_info(parent, self.tr("There is no vault in {folder}.").format(folder=directory))
            return
        self._switch_to_unlock(directory)

    def restore(self, request: RestoreRequest) -> None:
        """Restore a backup; if it replaces the open vault, that vault is locked first."""
        replaces_open = self.session is not None and _same_dir(request.target, self.session.vault.path)
        parent: QWidget | None = self.window
        if replaces_open:
            self._close_session()
            self.idle.stop()

        def done(_moved: object) -> None:
            if replaces_open:
                if self.window is not None:
                    self.window.hide()
                self.show_unlock(request.target, try_keyring=False)
            else:
                messages.show_info(
                    parent,
                    self.tr("Restored into {folder}. Open it with File → Open vault….").format(folder=request.target),
                )

        def failed(err: BaseException) -> None:
            messages.show_error(parent, err)
            if replaces_open:  # the old vault is still in place: unlock it again
                if self.window is not None:
                    self.window.hide()
                self.show_unlock(request.target, try_keyring=False)

        run_busy(
            parent,
            self.tr("Restoring the backup…"),
            lambda _p, _c: vault_flows.restore(
                request.backup, request.target, request.passphrase, replace=request.replace
            ),
            done,
            on_error=failed,
        )

    # --- quit --------------------------------------------------------------------------------------------------
    def save_settings(self) -> None:
        if self.window is not None:
            self.window.remember_window_state()
        if self._save_enabled:
            try:
                settings_mod.save(self.settings)
            except OSError:
                log.exception("could not save settings")

    def quit(self) -> None:
        """Lock, remember the window, close everything, leave the event loop."""
        if self._quitting:
            return
        self._quitting = True
        worker.wait_idle()
        self.idle.stop()
        self.save_settings()
        self._close_session()
        for widget in (self.unlock_dialog, self.wizard):
            if widget is not None:
                widget.hide()
        if self.window is not None:
            self.window.allow_close()
            self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()


def _finish_interrupted_restore(directory: Path) -> None:
    """Roll forward a restore that died between its two folder renames, so the vault is found where it belongs
    (otherwise the first-run wizard would be offered for a vault that exists beside its path). If the old vault is
    open elsewhere the swap waits: the unlock that follows reports that in words."""
    with contextlib.suppress(DataroomError):
        finish_restore(directory)
