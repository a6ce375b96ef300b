"""The unlock dialog: keyring first, then passphrase, then (if the user has one) the authenticator code.

Every attempt runs on the worker (the KDF takes about half a second); the dialog stays responsive and shows the
backoff countdown when the core says the next attempt must wait.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.demo import DEMO_PASSPHRASE, DEMO_USERS
from dataroom.core.session import Session
from dataroom.core.vault.errors import (
    PassphraseRequired,
    SecondFactorRequired,
    UnlockThrottled,
    WrongPassphrase,
    WrongSecondFactor,
)
from dataroom.ui import messages, worker
from dataroom.ui.resources import icon
from dataroom.ui.theme import set_look
from dataroom.ui.widgets import Retranslating, label, password_edit


class UnlockDialog(Retranslating, QDialog):
    """Ask for whatever the vault needs to open; emits :attr:`unlocked` with the new session and accepts."""

    unlocked = Signal(object)

    def __init__(
        self,
        vault_dir: Path,
        parent: QWidget | None = None,
        *,
        user: str = "",
        demo: bool = False,
        try_keyring: bool | None = None,
    ) -> None:
        super().__init__(parent)
        self.vault_dir = Path(vault_dir)
        self.session: Session | None = None
        self._demo = demo
        self._try_keyring = vault_flows.keyring_available() if try_keyring is None else try_keyring
        self._deadline = 0.0  # monotonic time when a throttled attempt may be made again
        self._running = False
        # (look, text maker): the maker is called again after a language switch, so messages follow it too
        self._message: tuple[str, Callable[[], str]] = ("", str)

        self.setMinimumWidth(460)
        self.setWindowIcon(icon("lock"))
        self.heading = label("title")
        self.where = label("muted", str(self.vault_dir), wrap=True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.user = QLineEdit(user)
        self.passphrase = password_edit()
        self.totp = QLineEdit()
        self.totp.setMaxLength(8)
        self.totp.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumHeight(6)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.message = label("", wrap=True)
        self.demo_hint = label("muted", wrap=True)
        self.demo_hint.setVisible(demo)
        self.countdown = QTimer(self, interval=200)
        self.countdown.timeout.connect(self._tick)

        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.user)
        self.form.addRow(QLabel(), self.passphrase)
        self.form.addRow(QLabel(), self.totp)
        self.form.setRowVisible(self.totp, False)

        self.buttons = QDialogButtonBox()
        self.unlock_button = QPushButton()
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.setDefault(True)
        self.buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.unlock_button.clicked.connect(self.attempt)
        self.cancel_button.clicked.connect(self.reject)

        top = QHBoxLayout()
        pic = QLabel()
        pic.setPixmap(icon("lock").pixmap(36, 36))
        top.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        heading = QVBoxLayout()
        heading.addWidget(self.heading)
        heading.addWidget(self.where)
        top.addLayout(heading, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(self.form)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addWidget(self.demo_hint)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock vault"))
        self.heading.setText(self.tr("Unlock the vault"))
        self.form.labelForField(self.user).setText(self.tr("User:"))
        self.form.labelForField(self.passphrase).setText(self.tr("Passphrase:"))
        self.form.labelForField(self.totp).setText(self.tr("Authenticator code:"))
        self.user.setPlaceholderText(self.tr("empty: the vault's creator"))
        self.totp.setPlaceholderText(self.tr("6 digits"))
        self.unlock_button.setText(self.tr("Unlock"))
        # One user per line: passphrases with hyphens must not be broken across lines.
        accounts = [("seller / buyer", DEMO_PASSPHRASE)] + [(name, pw) for name, (_role, pw) in DEMO_USERS.items()]
        lines = "\n".join(f"    {name}  ·  {pw}" for name, pw in accounts)
        self.demo_hint.setText(
            self.tr("Demo vault with synthetic data. Users and their published passphrases:") + "\n" + lines
        )
        self._show_message(*self._message)

    def _show_message(self, kind: str, text: Callable[[], str]) -> None:
        """``kind`` is the label's look (``error``, ``muted`` or none); ``text`` makes the translated sentence."""
        self._message = (kind, text)
        self.message.setText(text())
        set_look(self.message, "role", kind)

    # --- flow --------------------------------------------------------------------------------------------------
    def showEvent(self, event: object) -> None:  # Qt override
        super().showEvent(event)  # type: ignore[arg-type]
        if self._try_keyring:
            self._try_keyring = False  # once per dialog: after that the user decides
            QTimer.singleShot(0, lambda: self._start(passphrase=None))
        else:
            self.passphrase.setFocus()

    def attempt(self) -> None:
        """The Unlock button: use the typed passphrase (or the keyring if none was typed and one exists)."""
        if self._running or self._remaining() > 0:
            return
        passphrase = self.passphrase.text()
        if not passphrase and not vault_flows.keyring_available():
            self._show_message("error", lambda: self.tr("Enter the passphrase."))
            self.passphrase.setFocus()
            return
        self._start(passphrase=passphrase or None)

    def _start(self, *, passphrase: str | None) -> None:
        directory, user = self.vault_dir, self.user.text().strip() or None
        code = (self.totp.text().strip() or None) if self.form.isRowVisible(self.totp) else None
        self._set_running(True)
        if passphrase is None:
            self._show_message("muted", lambda: self.tr("Trying the system keyring…"))
        else:
            self._show_message("muted", lambda: self.tr("Unlocking…"))
        task = worker.Task(
            lambda _progress, _cancel: vault_flows.unlock(directory, user=user, passphrase=passphrase, totp_code=code)
        )
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.start()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.busy.setVisible(running)
        for widget in (self.user, self.passphrase, self.totp, self.cancel_button):
            widget.setEnabled(not running)
        self.unlock_button.setEnabled(not running and self._remaining() <= 0)

    def _succeeded(self, session: Session) -> None:
        self._set_running(False)
        self.session = session
        self.passphrase.clear()
        self.totp.clear()
        self._show_message("", str)
        self.unlocked.emit(session)
        self.accept()

    def _failed(self, err: BaseException) -> None:
        self._set_running(False)
        if isinstance(err, PassphraseRequired):
            # Not a failure: this user simply has no keyring slot here. Ask quietly.
            self._show_message("muted", lambda: self.tr("Enter your passphrase to unlock."))
            self.passphrase.setFocus()
        elif isinstance(err, SecondFactorRequired):
            self.form.setRowVisible(self.totp, True)
            self._show_message("muted", lambda: messages.error_text(err))
            self.totp.setFocus()
        elif isinstance(err, WrongSecondFactor):
            self.totp.clear()
            self._show_message("error", lambda: messages.error_text(err))
            self.totp.setFocus()
        elif isinstance(err, UnlockThrottled):
            self._deadline = time.monotonic() + max(err.retry_after, 0.0)
            self.countdown.start()
            self._tick()
        elif isinstance(err, WrongPassphrase):
            self.passphrase.selectAll()
            self._show_message("error", lambda: messages.error_text(err))
            self.passphrase.setFocus()
        else:  # not a vault, in use, tampered slot file, ... (unexpected errors get the generic sentence)
            self._show_message("error", lambda: messages.error_text(err))

    def _remaining(self) -> float:
        return max(0.0, self._deadline - time.monotonic()) if self._deadline else 0.0

    def _tick(self) -> None:
        remaining = self._remaining()
        if remaining <= 0:
            self._deadline = 0.0
            self.countdown.stop()
            self.unlock_button.setEnabled(not self._running)
            self._show_message("muted", lambda: self.tr("You may try again now."))
            return
        self.unlock_button.setEnabled(False)
        self._show_message(
            "error",
            lambda: self.tr("Too many failed attempts. Try again in {seconds} s.").format(seconds=int(remaining) + 1),
        )

    def reject(self) -> None:
        if self._running:
            return  # an unlock in flight would leave an open session nobody owns
        self.countdown.stop()
        super().reject()
