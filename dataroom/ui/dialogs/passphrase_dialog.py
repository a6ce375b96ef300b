"""Choosing a new passphrase for oneself."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import NewPassphraseFields, Retranslating, label


class ChangePassphraseDialog(Retranslating, QDialog):
    """New passphrase twice, with the strength meter; read :meth:`passphrase` after ``exec()``."""

    def __init__(self, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._user = user
        content = QWidget()
        self.intro = label("", wrap=True)
        self.fields = NewPassphraseFields()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.fields)
        self.buttons, self.ok = frame(self, content)
        self.fields.changed.connect(lambda: self.ok.setEnabled(self.fields.is_acceptable()))
        self.ok.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Change passphrase"))
        self.intro.setText(
            self.tr("Choose a new passphrase for {user}. The old one stops working at once.").format(user=self._user)
        )

    def passphrase(self) -> str:
        return self.fields.text()
