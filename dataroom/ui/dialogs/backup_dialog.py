"""Choosing where to write an encrypted backup and its own passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from dataroom.core.timeutil import utc_now
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import NewPassphraseFields, Retranslating, label


class BackupDialog(Retranslating, QDialog):
    """Backup file and backup passphrase (twice). The backup passphrase is separate from every user's."""

    def __init__(self, vault_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        content = QWidget()
        self.intro = label("", wrap=True)
        stamp = utc_now()[:10]
        safe_name = "".join(c if c.isalnum() or c in "-_" else "-" for c in vault_name).strip("-") or "vault"
        self.file = QLineEdit(str(Path.home() / f"{safe_name}-{stamp}.drbak"))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        self.file_label = label("section")
        self.fields = NewPassphraseFields()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.file_label)
        column.addLayout(row)
        column.addSpacing(6)
        column.addWidget(self.fields)
        self.buttons, self.ok = frame(self, content)
        self.fields.changed.connect(self._update)
        self.file.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Back up the vault"))
        self.intro.setText(
            self.tr(
                "The backup is encrypted with its own passphrase, so it can be kept apart from this computer. "
                "Without that passphrase nobody can restore it."
            )
        )
        self.file_label.setText(self.tr("Backup file"))
        self.browse.setText(self.tr("Browse…"))
        self._update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Backup file"), self.file.text(), self.tr("Dataroom backups (*.drbak)")
        )
        if path:
            self.file.setText(path)

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.file.text().strip()) and self.fields.is_acceptable())

    def values(self) -> tuple[Path, str]:
        return Path(self.file.text().strip()).expanduser(), self.fields.text()
