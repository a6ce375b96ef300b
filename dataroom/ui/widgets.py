"""Small reusable widgets: page header, status badge, "arrives later" panel, new-passphrase fields with a meter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.errors import DataroomError
from dataroom.core.secrets import kdf
from dataroom.ui import messages
from dataroom.ui.resources import icon
from dataroom.ui.theme import set_look


class Retranslating:
    """Mixin: calls ``retranslate()`` when Qt reports a language change (each widget re-sets its own texts)."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:  # Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)  # type: ignore[misc]


def label(role: str = "", text: str = "", *, wrap: bool = False) -> QLabel:
    """A label with a stylesheet role (``title``, ``subtitle``, ``muted``, ``error``, ``section``)."""
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    return widget


class PageHeader(QWidget):
    """Title and one explanatory line at the top of every page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.setSpacing(2)
        self.title = label("title")
        self.subtitle = label("subtitle", wrap=True)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)

    def set_texts(self, title: str, subtitle: str) -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)


class Badge(QLabel):
    """A rounded status label: colour for a glance, words for everyone (never colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("badge", "info")

    def set_state(self, kind: str, text: str, tooltip: str = "") -> None:
        """``kind`` is ``ok``, ``warn``, ``bad``, ``info`` or ``demo``."""
        self.setText(text)
        self.setToolTip(tooltip)
        if self.property("badge") != kind:
            set_look(self, "badge", kind)


def password_edit(parent: QWidget | None = None) -> QLineEdit:
    """A password line edit with an eye toggle (seeing what one types avoids lock-outs from typos)."""
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText)
    toggle = QAction(icon("eye"), "", edit)
    toggle.setCheckable(True)
    toggle.toggled.connect(
        lambda shown: edit.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
    )
    edit.addAction(toggle, QLineEdit.ActionPosition.TrailingPosition)
    return edit


class NewPassphraseFields(Retranslating, QWidget):
    """Passphrase, live strength meter, confirmation, and the policy error inline (``kdf.check_passphrase``)."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.passphrase = password_edit()
        self.confirmation = password_edit()
        self.meter = QProgressBar()
        self.meter.setObjectName("strength")
        self.meter.setRange(0, 4)
        self.meter.setTextVisible(False)
        self.meter.setProperty("level", "0")
        self.meter_label = label("muted")
        self.problem = label("error", wrap=True)
        meter_row = QHBoxLayout()
        meter_row.addWidget(self.meter, 1)
        meter_row.addWidget(self.meter_label)
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        self._form.addRow(QLabel(), self.passphrase)
        self._form.addRow(QLabel(), meter_row)
        self._form.addRow(QLabel(), self.confirmation)
        self._form.addRow(QLabel(), self.problem)
        self.passphrase.textChanged.connect(self._update)
        self.confirmation.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self._form.labelForField(self.passphrase).setText(self.tr("Passphrase:"))
        self._form.labelForField(self.confirmation).setText(self.tr("Repeat it:"))
        self.passphrase.setPlaceholderText(self.tr("at least 8 characters; a few unrelated words work well"))
        self._update()

    def text(self) -> str:
        return self.passphrase.text()

    def problem_text(self) -> str:
        """Why the passphrase cannot be used yet ("" when it can)."""
        value = self.passphrase.text()
        if not value:
            return ""
        try:
            kdf.check_passphrase(value)
        except DataroomError as err:
            return messages.error_text(err)
        if self.confirmation.text() and self.confirmation.text() != value:
            return self.tr("The two passphrases differ.")
        return ""

    def is_acceptable(self) -> bool:
        value = self.passphrase.text()
        return bool(value) and not self.problem_text() and self.confirmation.text() == value

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirmation.clear()

    def _update(self) -> None:
        value = self.passphrase.text()
        score = kdf.strength(value) if value else 0
        self.meter.setValue(score if value else 0)
        set_look(self.meter, "level", str(score))
        words = [self.tr("Too weak"), self.tr("Weak"), self.tr("Fair"), self.tr("Good"), self.tr("Strong")]
        self.meter_label.setText(words[score] if value else "")
        self.problem.setText(self.problem_text())
        self.changed.emit()
