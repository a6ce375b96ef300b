"""Choosing a backup to restore, its passphrase and the folder to restore into."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.vault.layout import VaultLayout
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import Retranslating, label, password_edit


@dataclass(frozen=True)
class RestoreRequest:
    """What to restore where; ``replace`` was explicitly confirmed by the user."""

    backup: Path
    target: Path
    passphrase: str
    replace: bool


class RestoreDialog(Retranslating, QDialog):
    """Backup file, backup passphrase, target folder, and an explicit tick to replace a vault that is there."""

    def __init__(self, default_target: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        self.intro = label("", wrap=True)
        self.backup = QLineEdit()
        self.browse_backup = QPushButton()
        self.passphrase = password_edit()
        self.target = QLineEdit(str(default_target))
        self.browse_target = QPushButton()
        self.replace = QCheckBox()
        self.replace_note = label("error", wrap=True)
        backup_row = QHBoxLayout()
        backup_row.addWidget(self.backup, 1)
        backup_row.addWidget(self.browse_backup)
        target_row = QHBoxLayout()
        target_row.addWidget(self.target, 1)
        target_row.addWidget(self.browse_target)
        self._backup_row, self._target_row = backup_row, target_row
        self.form = QFormLayout()
        self.form.addRow(QLabel(), backup_row)
        self.form.addRow(QLabel(), self.passphrase)
        self.form.addRow(QLabel(), target_row)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addLayout(self.form)
        column.addWidget(self.replace)
        column.addWidget(self.replace_note)
        self.buttons, self.ok = frame(self, content)
        self.browse_backup.clicked.connect(self._browse_backup)
        self.browse_target.clicked.connect(self._browse_target)
        for signal in (self.backup.textChanged, self.passphrase.textChanged, self.target.textChanged):
            signal.connect(self._update)
        self.replace.toggled.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore a backup"))
        self.intro.setText(
            self.tr("Restoring puts the backed-up vault into a folder. Users keep the passphrases they had then.")
        )
        self.form.labelForField(self._backup_row).setText(self.tr("Backup file:"))
        self.form.labelForField(self.passphrase).setText(self.tr("Backup passphrase:"))
        self.form.labelForField(self._target_row).setText(self.tr("Restore into folder:"))
        self.browse_backup.setText(self.tr("Browse…"))
        self.browse_target.setText(self.tr("Browse…"))
        self.replace.setText(self.tr("Replace the vault in that folder (it is kept aside, renamed, not deleted)"))
        self._update()

    def _browse_backup(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Backup file"), self.backup.text(), self.tr("Dataroom backups (*.drbak)")
        )
        if path:
            self.backup.setText(path)

    def _browse_target(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Restore into folder"), self.target.text())
        if path:
            self.target.setText(path)

    def target_has_vault(self) -> bool:
        text = self.target.text().strip()
        return bool(text) and VaultLayout(Path(text).expanduser()).exists()

    def _update(self) -> None:
        occupied = self.target_has_vault()
        self.replace.setVisible(occupied)
        self.replace_note.setText(
            self.tr("There is a vault in this folder. Tick the box to replace it, or choose another folder.")
            if occupied and not self.replace.isChecked()
            else ""
        )
        ready = bool(self.backup.text().strip() and self.passphrase.text() and self.target.text().strip())
        self.ok.setEnabled(ready and (not occupied or self.replace.isChecked()))

    def request(self) -> RestoreRequest:
        return RestoreRequest(
            Path(self.backup.text().strip()).expanduser(),
            Path(self.target.text().strip()).expanduser(),
            self.passphrase.text(),
            self.replace.isChecked() and self.target_has_vault(),
        )
