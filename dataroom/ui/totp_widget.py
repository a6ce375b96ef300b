"""Authenticator enrolment: QR code, the secret for manual entry, and one code to prove the phone has it.

Used by the first-run wizard and by Settings. The secret is stored (``confirm_totp``) only after a right code.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from dataroom.core.errors import DataroomError
from dataroom.core.flows import users as user_flows
from dataroom.core.flows.users import TotpEnrolment
from dataroom.core.session import Session
from dataroom.ui import messages
from dataroom.ui.qr import qr_pixmap
from dataroom.ui.theme import set_look
from dataroom.ui.widgets import Retranslating, label


def _grouped_secret(uri: str) -> str:
    """The base32 secret from the ``otpauth://`` URI, in groups of four for typing into a phone by hand."""
    secret = parse_qs(urlsplit(uri).query).get("secret", [""])[0]
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


class TotpEnrolWidget(Retranslating, QWidget):
    """Shows the enrolment of :meth:`begin` and confirms it with the code the user types."""

    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._enrolment: TotpEnrolment | None = None
        self.done = False
        self.qr = QLabel()
        self.qr.setFixedSize(220, 220)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: #ffffff; border: 1px solid #d5dae1;")
        self.steps = label("", wrap=True)
        self.secret_caption = label("muted")
        self.secret = QLabel()
        self.secret.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code = QLineEdit()
        self.code.setMaxLength(8)
        self.code.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.check = QPushButton()
        self.result = label("", wrap=True)
        self.code.returnPressed.connect(self.confirm)
        self.check.clicked.connect(self.confirm)

        code_row = QHBoxLayout()
        code_row.addWidget(self.code, 1)
        code_row.addWidget(self.check)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.qr, 0, 0, 5, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.steps, 0, 1)
        grid.addWidget(self.secret_caption, 1, 1)
        grid.addWidget(self.secret, 2, 1)
        grid.addLayout(code_row, 3, 1)
        grid.addWidget(self.result, 4, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(4, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.steps.setText(
            self.tr(
                "1. Scan the code with an authenticator app (FreeOTP, Google Authenticator, Microsoft Authenticator…)."
                "\n2. Type the 6-digit code it shows, to prove the phone has the secret."
            )
        )
        self.secret_caption.setText(self.tr("Or enter this secret by hand:"))
        self.code.setPlaceholderText(self.tr("6-digit code"))
        self.check.setText(self.tr("Check code"))
        if self.done:
            self.result.setText(self.tr("Authenticator set up: unlocking will ask for a code."))

    def begin(self, session: Session) -> None:
        """Start a new enrolment (a fresh secret each time: an abandoned one is never stored)."""
        self._session = session
        self._enrolment = user_flows.begin_totp(session)
        self.done = False
        self.qr.setPixmap(qr_pixmap(self._enrolment.uri, scale=5))
        self.secret.setText(_grouped_secret(self._enrolment.uri))
        self.code.clear()
        self.code.setEnabled(True)
        self.check.setEnabled(True)
        self.result.setText("")

    def confirm(self) -> None:
        if self._session is None or self._enrolment is None or self.done:
            return
        try:
            user_flows.confirm_totp(self._session, self._enrolment, self.code.text().strip())
        except DataroomError as err:
            set_look(self.result, "role", "error")
            self.result.setText(messages.error_text(err))
            self.code.selectAll()
            self.code.setFocus()
            return
        self.done = True
        self.code.setEnabled(False)
        self.check.setEnabled(False)
        set_look(self.result, "role", "")
        self.retranslate()
        self.confirmed.emit()
