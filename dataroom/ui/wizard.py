"""First-run wizard: create a vault (party identity, key protection, optional authenticator) or open one.

Creating the vault and the party's identity keys runs on the worker behind the key page (a commit page: once the
vault exists there is no way back).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QProgressBar,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.errors import DataroomError
from dataroom.core.flows import parties as party_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.paths import default_vault_dir
from dataroom.core.session import Session
from dataroom.ui import labels, messages, worker
from dataroom.ui.party import PartyIdentity
from dataroom.ui.resources import icon
from dataroom.ui.theme import set_look
from dataroom.ui.totp_widget import TotpEnrolWidget
from dataroom.ui.widgets import NewPassphraseFields, Retranslating, label
from dataroom.ui.wizard_start import DONE, IDENTITY, KEYS, START, TOTP, IdentityPage, StartPage


@dataclass
class WizardResult:
    """What the wizard produced: an open session on a new vault, or the folder of an existing one to unlock."""

    vault_dir: Path
    identity: PartyIdentity | None = None
    session: Session | None = None


class KeyPage(Retranslating, QWizardPage):
    """How the vault key is protected; creating the vault (on the worker) when the user commits."""

    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.keyring_available = vault_flows.keyring_available()
        self.use_keyring = QCheckBox()
        self.use_keyring.setChecked(self.keyring_available)
        self.use_keyring.setVisible(self.keyring_available)
        self.explain = label("", wrap=True)
        self.fields = NewPassphraseFields()
        self.fields.changed.connect(self.completeChanged)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setTextVisible(False)
        self.busy.setMaximumHeight(6)
        self.busy.hide()
        self.status = label("", wrap=True)
        self.session: Session | None = None
        self.identity: OwnIdentity | None = None
        self.identity_error: BaseException | None = None
        self._running = False
        self._error: BaseException | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.use_keyring)
        layout.addSpacing(6)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Protect the vault key"))
        self.setSubTitle(self.tr("The vault is encrypted with a random key; here you choose what unlocks it."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create vault"))
        self.use_keyring.setText(self.tr("Also keep the key in this computer's keyring (unlock without typing)"))
        if self.keyring_available:
            self.explain.setText(
                self.tr(
                    "Choose a passphrase. With the keyring you rarely type it, but it stays your way back in if the "
                    "keyring is lost or you move to another computer. Nobody can recover a forgotten passphrase."
                )
            )
        else:
            self.explain.setText(
                self.tr(
                    "This computer has no secure keyring, so the passphrase alone protects the vault key. "
                    "Nobody can recover a forgotten passphrase: write it down and keep it safe."
                )
            )
        if self._running:
            self.status.setText(self.tr("Creating the vault and your party's keys… (this takes a moment)"))
        elif self._error is not None:
            self.status.setText(messages.error_text(self._error))

    def isComplete(self) -> bool:  # Qt override
        return self.fields.is_acceptable() and not self._running

    def validatePage(self) -> bool:  # Qt override
        if self.session is not None:
            return True
        if not self._running:
            self._create()
        return False  # the wizard moves on by itself when the worker succeeds

    def _create(self) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        directory = wizard.start_page.vault_dir()
        identity_page = wizard.identity_page
        owner = identity_page.user_name.text().strip()
        name = identity_page.vault_name.text().strip() or identity_page.organisation.text().strip()
        passphrase = self.fields.text()
        use_keyring = self.keyring_available and self.use_keyring.isChecked()
        details = identity_page.identity().details()
        self._set_running(True)

        def job(_progress: object, _cancel: object) -> tuple[Session, OwnIdentity | BaseException]:
            session = vault_flows.create(
                directory, owner=owner, passphrase=passphrase, use_keyring=use_keyring, name=name
            )
            try:
                made: OwnIdentity | BaseException = party_flows.create_identity(
                    session, details.organisation, details.person, details.email, details.role
                )
            except DataroomError as err:  # the vault exists either way; the identity can be made later
                made = err
            return session, made

        task = worker.Task(job)
        task.succeeded.connect(self._created)
        task.failed.connect(self._failed)
        task.start()

    def _set_running(self, running: bool) -> None:
        self._running = running
        self.busy.setVisible(running)
        self.fields.setEnabled(not running)
        self.use_keyring.setEnabled(not running)
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(not running)
            wizard.button(QWizard.WizardButton.CancelButton).setEnabled(not running)
        self._error = None
        set_look(self.status, "role", "muted")
        self.retranslate()
        self.completeChanged.emit()

    def _created(self, result: tuple[Session, OwnIdentity | BaseException]) -> None:
        self.session, made = result
        self.identity = made if isinstance(made, OwnIdentity) else None
        self.identity_error = made if isinstance(made, BaseException) else None
        self._set_running(False)
        self.fields.clear()  # the passphrase is not needed any more; do not keep it in a widget
        self.wizard().next()

    def _failed(self, err: BaseException) -> None:
        self._set_running(False)
        self._error = err
        set_look(self.status, "role", "error")
        self.retranslate()


class TotpPage(Retranslating, QWizardPage):
    """Optional second factor for unlocking."""

    def __init__(self) -> None:
        super().__init__()
        self.enable = QCheckBox()
        self.enrol = TotpEnrolWidget()
        self.enrol.setVisible(False)
        self.enrol.confirmed.connect(self.completeChanged)
        self.enable.toggled.connect(self._toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enable)
        layout.addSpacing(8)
        layout.addWidget(self.enrol)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Second factor (optional)"))
        self.setSubTitle(self.tr("Ask for a code from your phone in addition to the passphrase when unlocking."))
        self.enable.setText(self.tr("Set up an authenticator app now"))

    def _toggled(self, on: bool) -> None:
        wizard = self.wizard()
        assert isinstance(wizard, FirstRunWizard)
        session = wizard.key_page.session
        if on and session is not None and not self.enrol.done:
            try:
                self.enrol.begin(session)
            except DataroomError as err:
                messages.show_error(self, err)
                return
        self.enrol.setVisible(on)
        self.enable.setEnabled(not self.enrol.done)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return not self.enable.isChecked() or self.enrol.done


class DonePage(Retranslating, QWizardPage):
    """Summary of what was created."""

    def __init__(self) -> None:
        super().__init__()
        self.summary = label("", wrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # Qt override
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The vault is ready"))
        self.setSubTitle(self.tr("Everything you do in it is now recorded in the audit log."))
        wizard = self.wizard()
        if not isinstance(wizard, FirstRunWizard) or wizard.key_page.session is None:
            return
        session = wizard.key_page.session
        lines = [
            self.tr("Folder: {folder}").format(folder=session.vault.path),
            self.tr("You sign in as: {user} ({role})").format(user=session.user, role=labels.role_name(session.role)),
            self.tr("Unlocking: passphrase and system keyring")
            if wizard.key_page.keyring_available and wizard.key_page.use_keyring.isChecked()
            else self.tr("Unlocking: passphrase"),
        ]
        if wizard.totp_page.enrol.done:
            lines.append(self.tr("Second factor: authenticator app"))
        if wizard.key_page.identity is not None:
            lines.append(
                self.tr("Party identity fingerprint: {fingerprint}").format(
                    fingerprint=wizard.key_page.identity.fingerprint
                )
            )
        elif wizard.key_page.identity_error is not None:
            lines.append(
                self.tr("The party identity could not be created: {error}").format(
                    error=messages.error_text(wizard.key_page.identity_error)
                )
            )
        lines.append("")
        lines.append(self.tr("Back up the vault regularly (Settings → Back up) and keep the backup passphrase apart."))
        self.summary.setText("\n".join(lines))


class FirstRunWizard(Retranslating, QWizard):
    """The wizard; read :attr:`result_value` after it is accepted."""

    def __init__(self, vault_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setWindowIcon(icon("vault"))
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, icon("vault").pixmap(44, 44))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 520)
        self.start_page = StartPage(vault_dir or default_vault_dir())
        self.identity_page = IdentityPage()
        self.key_page = KeyPage()
        self.totp_page = TotpPage()
        self.done_page = DonePage()
        for page_id, page in (
            (START, self.start_page),
            (IDENTITY, self.identity_page),
            (KEYS, self.key_page),
            (TOTP, self.totp_page),
            (DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        self.setStartId(START)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Dataroom — set-up"))

    @property
    def result_value(self) -> WizardResult:
        start = self.start_page
        if self.key_page.session is not None:
            return WizardResult(start.vault_dir(), self.identity_page.identity(), self.key_page.session)
        return WizardResult(start.vault_dir())

    def reject(self) -> None:
        if self.key_page._running:
            return  # the vault is being created; closing now would orphan its session
        super().reject()
