"""Settings page: language and idle lock for everyone; own passphrase and authenticator; for owners the users and
roles, rekey, backup and restore. Whatever the role does not allow is hidden, not just refused by core."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.errors import DataroomError
from dataroom.core.flows import parties as party_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission, Role
from dataroom.core.users.store import User
from dataroom.ui import i18n, labels, messages
from dataroom.ui import settings as settings_mod
from dataroom.ui.busy import run_busy
from dataroom.ui.dialogs.backup_dialog import BackupDialog
from dataroom.ui.dialogs.passphrase_dialog import ChangePassphraseDialog
from dataroom.ui.dialogs.restore_dialog import RestoreDialog
from dataroom.ui.dialogs.totp_dialog import TotpDialog
from dataroom.ui.pages.settings_users import UserActions
from dataroom.ui.party import DealRole
from dataroom.ui.settings import Settings
from dataroom.ui.widgets import PageHeader, Retranslating, label


def _row(*widgets: QWidget, stretch: bool = True) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    if stretch:
        row.addStretch(1)
    return row


class SettingsPage(UserActions, Retranslating, QWidget):
    """Settings; long actions run on the worker behind a busy dialog."""

    idle_minutes_changed = Signal(int)
    restore_requested = Signal(object)  # RestoreRequest: the controller owns sessions, so it does the restore
    changed = Signal()  # something was audited: the main window re-verifies the chain

    def __init__(
        self, settings: Settings, parent: QWidget | None = None, *, save: Callable[[Settings], None] | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._save = save or settings_mod.save
        self._session: Session | None = None
        self._users: list[User] = []
        self.header = PageHeader()

        # General
        self.general = QGroupBox()
        self.language = QComboBox()
        self.language.addItem("", "")
        for code, native in i18n.LANGUAGES.items():
            self.language.addItem(native, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.idle = QSpinBox()
        self.idle.setRange(0, settings_mod.MAX_IDLE_MINUTES)
        self.idle.setValue(settings.idle_lock_minutes)
        self.idle.valueChanged.connect(self._idle_changed)
        self.language.setMinimumWidth(260)
        self.idle.setMinimumWidth(120)
        self.general_form = QFormLayout(self.general)
        self.general_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.general_form.addRow(QLabel(), self.language)
        self.general_form.addRow(QLabel(), self.idle)

        # Party identity (read-only here: made with the vault; cards are handled on the Parties page)
        self.party = QGroupBox()
        self.organisation, self.full_name, self.email, self.deal_role, self.fingerprint = (label("") for _ in range(5))
        self.fingerprint.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for value in (self.organisation, self.full_name, self.email, self.fingerprint):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.party_note = label("muted", wrap=True)
        self.party_form = QFormLayout(self.party)
        for widget in (self.organisation, self.full_name, self.email, self.deal_role, self.fingerprint):
            self.party_form.addRow(QLabel(), widget)
        self.party_form.addRow(self.party_note)
        self._identity: OwnIdentity | None = None

        # Own account
        self.account = QGroupBox()
        self.signed_in = label("")
        self.change_passphrase = QPushButton()
        self.totp_state = label("muted")
        self.totp_setup = QPushButton()
        self.totp_disable = QPushButton()
        self.totp_disable.setProperty("danger", True)
        account = QVBoxLayout(self.account)
        account.addWidget(self.signed_in)
        account.addLayout(_row(self.change_passphrase))
        account.addLayout(_row(self.totp_state, self.totp_setup, self.totp_disable))
        self.change_passphrase.clicked.connect(self._change_passphrase)
        self.totp_setup.clicked.connect(self._setup_totp)
        self.totp_disable.clicked.connect(self._disable_totp)

        # Users and roles (owners)
        self.users_group = QGroupBox()
        self.users_table = QTableWidget(0, 4)
        self.users_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users_table.verticalHeader().hide()
        self.users_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_user = QPushButton()
        self.remove_user = QPushButton()
        self.remove_user.setProperty("danger", True)
        self.remove_user.setEnabled(False)
        self.role_picker = QComboBox()
        for role in (Role.REVIEWER, Role.PREPARER, Role.OWNER):  # least privilege first, as in AddUserDialog
            self.role_picker.addItem("", role)
        self.change_role = QPushButton()
        self.role_note = label("muted", wrap=True)
        users = QVBoxLayout(self.users_group)
        users.addWidget(self.users_table)
        users.addLayout(_row(self.add_user, self.remove_user, self.role_picker, self.change_role))
        users.addWidget(self.role_note)
        self.change_role.clicked.connect(self._change_role)
        self.role_picker.currentIndexChanged.connect(self._update_change_role)
        self.add_user.clicked.connect(self._add_user)
        self.remove_user.clicked.connect(self._remove_user)
        self.users_table.itemSelectionChanged.connect(self._selection_changed)

        # Keys and backups (owners)
        self.keys_group = QGroupBox()
        self.keys_intro = label("muted", wrap=True)
        self.rekey = QPushButton()
        self.backup = QPushButton()
        self.restore = QPushButton()
        keys = QVBoxLayout(self.keys_group)
        keys.addWidget(self.keys_intro)
        keys.addLayout(_row(self.rekey, self.backup, self.restore))
        self.rekey.clicked.connect(self._rekey)
        self.backup.clicked.connect(self._backup)
        self.restore.clicked.connect(self._restore)

        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(28, 22, 28, 22)
        column.setSpacing(6)
        column.addWidget(self.header)
        for group in (self.general, self.party, self.account, self.users_group, self.keys_group):
            column.addWidget(group)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.set_session(None)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.header.set_texts(
            self.tr("Settings"), self.tr("This computer's preferences, your account and the vault's keys.")
        )
        self.general.setTitle(self.tr("General"))
        self.general_form.labelForField(self.language).setText(self.tr("Language:"))
        self.general_form.labelForField(self.idle).setText(self.tr("Lock when idle for:"))
        self.language.setItemText(0, self.tr("System default"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.party.setTitle(self.tr("Your party"))
        for widget, text in zip(
            (self.organisation, self.full_name, self.email, self.deal_role, self.fingerprint),
            (
                self.tr("Organisation:"),
                self.tr("Person:"),
                self.tr("E-mail:"),
                self.tr("Role in the deal:"),
                self.tr("Fingerprint:"),
            ),
            strict=True,
        ):
            self.party_form.labelForField(widget).setText(text)
        self._show_identity()
        self.account.setTitle(self.tr("Your account"))
        self.change_passphrase.setText(self.tr("Change my passphrase…"))
        self.totp_setup.setText(self.tr("Set up authenticator…"))
        self.totp_disable.setText(self.tr("Turn off authenticator…"))
        self.users_group.setTitle(self.tr("Users and roles"))
        self.users_table.setHorizontalHeaderLabels(
            [self.tr("User"), self.tr("Role"), self.tr("Authenticator"), self.tr("Added")]
        )
        self.add_user.setText(self.tr("Add user…"))
        self.remove_user.setText(self.tr("Remove user…"))
        for i in range(self.role_picker.count()):
            self.role_picker.setItemText(i, labels.role_name(Role(self.role_picker.itemData(i))))
        self.change_role.setText(self.tr("Change role…"))
        self.role_note.setText(
            self.tr(
                "A new role applies from the user's next unlock: a window already open, yours included, keeps "
                "the role it was unlocked with until it is locked."
            )
        )
        self.keys_group.setTitle(self.tr("Vault keys and backups"))
        self.keys_intro.setText(
            self.tr(
                "Rekeying re-encrypts the whole vault under a new random key. Backups are encrypted with their own "
                "passphrase; restoring never deletes a vault, it keeps the replaced one aside."
            )
        )
        self.rekey.setText(self.tr("Rekey vault…"))
        self.backup.setText(self.tr("Back up…"))
        self.restore.setText(self.tr("Restore…"))
        self._show_account()
        self._fill_users()

    # --- session -----------------------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        self._users = []
        self.party.setVisible(session is not None)
        self.account.setVisible(session is not None)
        self.users_group.setVisible(session is not None and session.can(Permission.MANAGE_USERS))
        self.keys_group.setVisible(session is not None and session.can(Permission.MANAGE_KEYS))
        if session is not None:
            self._load_identity(session)
            self.reload_users()
        else:
            self.users_table.setRowCount(0)

    def reload_users(self) -> None:
        session = self._session
        if session is None or not session.vault.is_open:
            return
        try:
            self._users = user_flows.list_users(session)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        self._show_account()
        self._fill_users()

    def _me(self) -> User | None:
        session = self._session
        return next((u for u in self._users if session and u.name == session.user), None)

    def _show_account(self) -> None:
        session = self._session
        if session is None:
            return
        self.signed_in.setText(
            self.tr("Signed in as {user}, {role}: {hint}.").format(
                user=session.user, role=labels.role_name(session.role), hint=labels.role_hint(session.role)
            )
        )
        me = self._me()
        on = me is not None and me.totp_enabled
        self.totp_state.setText(
            self.tr("Authenticator: on (unlocking asks for a code)") if on else self.tr("Authenticator: off")
        )
        self.totp_setup.setVisible(not on)
        self.totp_disable.setVisible(on)

    # --- general -----------------------------------------------------------------------------------------------
    def _language_chosen(self) -> None:
        code = self.language.currentData() or ""
        self._settings.language = code
        self._save(self._settings)
        i18n.apply_language(i18n.resolve(code))

    def _idle_changed(self, minutes: int) -> None:
        self._settings.idle_lock_minutes = minutes
        self._save(self._settings)
        self.idle_minutes_changed.emit(minutes)

    def _load_identity(self, session: Session) -> None:
        try:
            self._identity = party_flows.show_identity(session)
        except DataroomError:  # no identity yet (an older vault), or the role may not see it
            self._identity = None
        self._show_identity()

    def _show_identity(self) -> None:
        identity = self._identity
        rows = (self.organisation, self.full_name, self.email, self.deal_role, self.fingerprint)
        for widget in rows:
            self.party_form.setRowVisible(widget, identity is not None)
        if identity is None:
            self.party_note.setText(
                self.tr(
                    "This vault has no party identity yet. An owner can create it on the command line: "
                    "dataroom party init."
                )
            )
            return
        party = identity.card.party
        self.organisation.setText(party.organisation)
        self.full_name.setText(party.person)
        self.email.setText(party.email)
        try:
            self.deal_role.setText(labels.deal_role_name(DealRole(party.role)))
        except ValueError:
            self.deal_role.setText(party.role)
        self.fingerprint.setText(identity.fingerprint)
        self.party_note.setText(
            self.tr("Other parties compare this fingerprint with you before they trust your identity card.")
        )

    # --- own account -------------------------------------------------------------------------------------------
    def _change_passphrase(self) -> None:
        session = self._session
        if session is None:
            return
        dialog = ChangePassphraseDialog(session.user, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        passphrase = dialog.passphrase()
        run_busy(
            self,
            self.tr("Changing the passphrase…"),
            lambda _p, _c: vault_flows.change_passphrase(session, passphrase),
            lambda _r: self._done(self.tr("Your passphrase was changed.")),
        )

    def _setup_totp(self) -> None:
        session = self._session
        if session is None:
            return
        try:
            dialog = TotpDialog(session, self)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._done(self.tr("The authenticator is set up: unlocking now asks for a code."))

    def _disable_totp(self) -> None:
        session = self._session
        if session is None or not messages.confirm(
            self,
            self.tr("Turn off authenticator"),
            self.tr("Unlocking will no longer ask for a code from your phone. Turn the authenticator off?"),
            self.tr("Turn off"),
            destructive=True,
        ):
            return
        run_busy(
            self,
            self.tr("Turning the authenticator off…"),
            lambda _p, _c: user_flows.disable_totp(session),
            lambda _r: self._done(self.tr("The authenticator is off.")),
        )

    # --- keys --------------------------------------------------------------------------------------------------
    def _rekey(self) -> None:
        session = self._session
        if session is None or not messages.confirm(
            self,
            self.tr("Rekey vault"),
            self.tr(
                "Re-encrypt the whole vault under a new random key? Every user keeps their passphrase. "
                "Backups made before keep working with their own passphrase."
            ),
            self.tr("Rekey"),
        ):
            return
        run_busy(
            self,
            self.tr("Re-encrypting the vault…"),
            lambda _p, _c: vault_flows.rekey(session),
            lambda _r: self._done(self.tr("The vault now uses a new random key; the old one is forgotten.")),
        )

    def _backup(self) -> None:
        session = self._session
        if session is None:
            return
        dialog = BackupDialog(session.vault.meta("name") or "vault", self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        dest, passphrase = dialog.values()
        self.backup_now(dest, passphrase)

    def backup_now(self, dest: Path, passphrase: str) -> None:
        session = self._session
        if session is None:
            return

        def done(info: object) -> None:
            self._done(
                self.tr("Encrypted backup written to {path} ({size} bytes, SHA-256 {sha}…).").format(
                    path=dest, size=f"{getattr(info, 'size', 0):,}", sha=str(getattr(info, "sha256", ""))[:16]
                )
            )

        run_busy(
            self,
            self.tr("Writing the encrypted backup…"),
            lambda _p, _c: vault_flows.backup(session, dest, passphrase),
            done,
        )

    def _restore(self) -> None:
        session = self._session
        if session is None:
            return
        target = session.vault.path.with_name(session.vault.path.name + "-restored")
        dialog = RestoreDialog(target, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        request = dialog.request()
        if request.replace and not messages.confirm(
            self,
            self.tr("Replace vault"),
            self.tr(
                "The vault in {folder} will be replaced by the backup. It is kept aside, renamed, but this window "
                "locks if it is the open vault. Continue?"
            ).format(folder=request.target),
            self.tr("Replace"),
            destructive=True,
        ):
            return
        self.restore_requested.emit(request)

    def _done(self, text: str) -> None:
        messages.show_info(self, text)
        self.reload_users()
        self.changed.emit()
