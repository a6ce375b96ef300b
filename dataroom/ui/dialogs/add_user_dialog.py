"""Adding a local user: name, role and an initial passphrase the new user should change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from dataroom.core.errors import DataroomError
from dataroom.core.users.roles import Role
from dataroom.core.users.store import check_name
from dataroom.ui import labels, messages
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import NewPassphraseFields, Retranslating, label


class AddUserDialog(Retranslating, QDialog):
    """Collects name, role and passphrase; the Settings page runs ``flows.users.add_user`` with them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        self.name = QLineEdit()
        self.role = QComboBox()
        for role in (Role.REVIEWER, Role.PREPARER, Role.OWNER):  # least privilege first
            self.role.addItem("", role)
        self.role_hint = label("muted", wrap=True)
        self.problem = label("error", wrap=True)
        self.fields = NewPassphraseFields()
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.name)
        self.form.addRow(QLabel(), self.role)
        self.form.addRow(QLabel(), self.role_hint)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.problem)
        column.addWidget(self.fields)
        self.buttons, self.ok = frame(self, content)
        self.name.textChanged.connect(self._update)
        self.role.currentIndexChanged.connect(self._update)
        self.fields.changed.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Add user"))
        self.form.labelForField(self.name).setText(self.tr("User name:"))
        self.form.labelForField(self.role).setText(self.tr("Role:"))
        for i in range(self.role.count()):
            self.role.setItemText(i, labels.role_name(Role(self.role.itemData(i))))
        self.name.setPlaceholderText(self.tr("letters, digits, . @ + - _ (no spaces)"))
        self._update()

    def _name_problem(self) -> str:
        if not self.name.text():
            return ""
        try:
            check_name(self.name.text())
        except DataroomError as err:
            return messages.error_text(err)
        return ""

    def _update(self) -> None:
        self.role_hint.setText(labels.role_hint(Role(self.role.currentData())))
        self.problem.setText(self._name_problem())
        self.ok.setEnabled(bool(self.name.text()) and not self._name_problem() and self.fields.is_acceptable())

    def values(self) -> tuple[str, Role, str]:
        return self.name.text(), Role(self.role.currentData()), self.fields.text()
