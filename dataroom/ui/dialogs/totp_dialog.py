"""Setting up an authenticator app for oneself (from Settings)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from dataroom.core.session import Session
from dataroom.ui.totp_widget import TotpEnrolWidget
from dataroom.ui.widgets import Retranslating


class TotpDialog(Retranslating, QDialog):
    """Wraps :class:`TotpEnrolWidget`; closes itself once the code checks out."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.enrol = TotpEnrolWidget()
        self.enrol.begin(session)
        self.enrol.confirmed.connect(self.accept)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.enrol)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up an authenticator app"))
