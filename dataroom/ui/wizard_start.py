"""The first-run wizard's first two pages: create a vault or open one, and the party's identity (see
:mod:`dataroom.ui.wizard`)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizardPage,
)

from dataroom.core.errors import DataroomError
from dataroom.core.users.store import check_name
from dataroom.core.vault.layout import VaultLayout
from dataroom.ui import labels, messages
from dataroom.ui.party import DealRole, PartyIdentity
from dataroom.ui.widgets import Retranslating, label

#: The wizard's page ids, in order.
START, IDENTITY, KEYS, TOTP, DONE = range(5)


def _suggest_user_name(full_name: str) -> str:
    """``Li Wei`` → ``li.wei``, ``张伟`` → ``张伟``: a sign-in name the core accepts, derived from the full name."""
    candidate = re.sub(r"[^\w.@+-]+", ".", full_name.strip().lower()).strip(".")
    return candidate[:64]


class StartPage(Retranslating, QWizardPage):
    """Create a new vault or open an existing folder; where."""

    def __init__(self, vault_dir: Path) -> None:
        super().__init__()
        self.create = QRadioButton()
        self.open = QRadioButton()
        self.create.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.create)
        group.addButton(self.open)
        self.folder = QLineEdit(str(vault_dir))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.problem = label("error", wrap=True)
        self.intro = label("", wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        self.folder_label = label("section")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(self.create)
        layout.addWidget(self.open)
        layout.addSpacing(8)
        layout.addWidget(self.folder_label)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        for signal in (self.create.toggled, self.folder.textChanged):
            signal.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Dataroom"))
        self.setSubTitle(self.tr("An encrypted, offline data room for the parties to a company transfer."))
        self.intro.setText(
            self.tr(
                "Everything you put into the vault is encrypted on this computer and every action is recorded in a "
                "tamper-evident audit log. Nothing is sent anywhere."
            )
        )
        self.create.setText(self.tr("Create a new vault"))
        self.open.setText(self.tr("Open an existing vault folder"))
        self.folder_label.setText(self.tr("Vault folder"))
        self.browse.setText(self.tr("Browse…"))
        self._changed()

    def vault_dir(self) -> Path:
        return Path(self.folder.text().strip()).expanduser()

    def creating(self) -> bool:
        return self.create.isChecked()

    def _browse(self) -> None:
        start = str(self.vault_dir().parent if not self.vault_dir().exists() else self.vault_dir())
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Choose the vault folder"), start)
        if chosen:
            self.folder.setText(chosen)

    def _problem(self) -> str:
        text = self.folder.text().strip()
        if not text:
            return self.tr("Choose a folder.")
        folder = self.vault_dir()
        exists = VaultLayout(folder).exists()
        if self.creating() and exists:
            return self.tr("There is already a vault in this folder. Choose “Open” or another folder.")
        if self.creating() and folder.is_dir() and any(folder.iterdir()):
            return self.tr("This folder is not empty. Choose a new or empty folder for the vault.")
        if self.creating() and folder.exists() and not folder.is_dir():
            return self.tr("This is a file, not a folder.")
        if not self.creating() and not exists:
            return self.tr("There is no vault in this folder.")
        return ""

    def _changed(self) -> None:
        self.problem.setText(self._problem())
        self.setFinalPage(not self.creating())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return not self._problem()

    def nextId(self) -> int:  # Qt override
        return IDENTITY if self.creating() else -1


class IdentityPage(Retranslating, QWizardPage):
    """Who you are in the deal; the user name you sign in with; the vault's display name."""

    def __init__(self) -> None:
        super().__init__()
        self.organisation = QLineEdit()
        self.full_name = QLineEdit()
        self.email = QLineEdit()
        self.deal_role = QComboBox()
        for role in DealRole:
            self.deal_role.addItem("", role)
        self.user_name = QLineEdit()
        self.vault_name = QLineEdit()
        self.problem = label("error", wrap=True)
        self.note = label("muted", wrap=True)
        self._user_edited = False
        self._vault_name_edited = False
        self.form = QFormLayout()
        for widget in (self.organisation, self.full_name, self.email, self.deal_role, self.user_name, self.vault_name):
            self.form.addRow(QLabel(), widget)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.note)
        self.full_name.textEdited.connect(self._name_edited)
        self.organisation.textEdited.connect(self._organisation_edited)
        self.user_name.textEdited.connect(lambda _t: setattr(self, "_user_edited", True))
        self.vault_name.textEdited.connect(lambda _t: setattr(self, "_vault_name_edited", True))
        for edit in (self.organisation, self.full_name, self.email, self.user_name, self.vault_name):
            edit.textChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Your party"))
        self.setSubTitle(self.tr("Who this copy of Dataroom speaks for. The other parties will see these details."))
        texts = [
            self.tr("Organisation:"),
            self.tr("Your name:"),
            self.tr("E-mail:"),
            self.tr("Role in the deal:"),
            self.tr("User name (to sign in):"),
            self.tr("Vault name:"),
        ]
        fields = (self.organisation, self.full_name, self.email, self.deal_role, self.user_name, self.vault_name)
        for widget, text in zip(fields, texts, strict=True):
            self.form.labelForField(widget).setText(text)
        for i in range(self.deal_role.count()):
            self.deal_role.setItemText(i, labels.deal_role_name(DealRole(self.deal_role.itemData(i))))
        self.organisation.setPlaceholderText(self.tr("e.g. 上海示例科技有限公司"))
        self.vault_name.setPlaceholderText(self.tr("shown in the title bar; defaults to the organisation"))
        self.note.setText(
            self.tr(
                "With the vault, Dataroom creates your party's signing and encryption keys and an identity card that "
                "shows these details; the other parties compare its fingerprint with you before trusting it."
            )
        )
        self._changed()

    def _name_edited(self, text: str) -> None:
        if not self._user_edited:
            self.user_name.setText(_suggest_user_name(text))

    def _organisation_edited(self, text: str) -> None:
        if not self._vault_name_edited:
            self.vault_name.setText(text.strip())

    def identity(self) -> PartyIdentity:
        return PartyIdentity(
            self.organisation.text().strip(),
            self.full_name.text().strip(),
            self.email.text().strip(),
            DealRole(self.deal_role.currentData()),
        )

    def _problem(self) -> str:
        if not self.organisation.text().strip() or not self.full_name.text().strip():
            return ""  # incomplete, not wrong: the Next button stays off without nagging
        if not self.email.text().strip():
            return ""
        try:
            self.identity().details()
            check_name(self.user_name.text().strip())
        except DataroomError as err:
            return messages.error_text(err)
        return ""

    def _changed(self) -> None:
        self.problem.setText(self._problem())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        filled = all(e.text().strip() for e in (self.organisation, self.full_name, self.email, self.user_name))
        return filled and not self._problem()
