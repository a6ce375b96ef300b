"""Setting how long a dataset is kept: a "keep until" day and/or a number of days after import, with a reason.

The dialog runs :func:`dataroom.core.flows.lifecycle.set_retention` (or ``clear_retention``) on the worker; the flow
checks the role and writes the audit record. ``changed`` tells the page to refresh its reminders.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import lifecycle
from dataroom.core.flows.lifecycle import Retention
from dataroom.core.session import Session
from dataroom.ui.busy import run_busy
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import Retranslating, label

#: Longest "days after import" offered (about 100 years).
MAX_DAYS = 36_500


class RetentionDialog(Retranslating, QDialog):
    """Shows ``dataset``'s rule (``current``) and saves a new one, or removes it."""

    changed = Signal(object)  # the new Retention, or None once removed

    def __init__(
        self, session: Session, dataset: str, current: Retention | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._dataset = dataset
        self._current = current
        content = QWidget()
        self.intro = label("", wrap=True)
        self.state = label("muted", wrap=True)
        self.use_until = QCheckBox()
        self.until = QDateEdit()
        self.until.setCalendarPopup(True)
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.use_days = QCheckBox()
        self.days = QSpinBox()
        self.days.setRange(0, MAX_DAYS)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.form = QFormLayout()
        self.form.addRow(self.use_until, self.until)
        self.form.addRow(self.use_days, self.days)
        self.reason_caption = label()
        self.form.addRow(self.reason_caption, self.reason)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.intro)
        column.addWidget(self.state)
        column.addLayout(self.form)
        self.buttons, self.ok = frame(self, content)
        self.buttons.accepted.disconnect()
        self.buttons.accepted.connect(self.save)
        self.remove_button = QPushButton()
        self.remove_button.setProperty("danger", True)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.addButton(self.remove_button, self.buttons.ButtonRole.ResetRole)
        self.remove_button.setVisible(current is not None)  # after addButton, which shows it
        today = dt.date.today()
        if current is not None:
            self.use_until.setChecked(current.until is not None)
            self.use_days.setChecked(current.days_after_import is not None)
            self.reason.setText(current.reason)
        chosen = current.until if current is not None and current.until else today.replace(year=today.year + 1)
        self.until.setDate(QDate(chosen.year, chosen.month, chosen.day))
        known = current.days_after_import if current is not None else None
        self.days.setValue(365 if known is None else known)
        for box in (self.use_until, self.use_days):
            box.toggled.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Retention of {name}").format(name=self._dataset))
        self.intro.setText(
            self.tr(
                "Keep {name} no longer than needed. When both limits are set, the earlier day counts. Once it has "
                "passed, the Datasets page reminds you to destroy the dataset. The change is recorded in the audit "
                "log."
            ).format(name=self._dataset)
        )
        rule = self._current
        self.state.setText(
            self.tr("Now: kept until {day} (set by {user}).").format(day=rule.keep_until.isoformat(), user=rule.set_by)
            if rule is not None
            else self.tr("Now: no retention limit; the dataset is kept until someone destroys it.")
        )
        self.use_until.setText(self.tr("Keep until"))
        self.use_days.setText(self.tr("Days after import, at most"))
        self.reason_caption.setText(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("e.g. deal evaluation ends with the NDA"))
        self.remove_button.setText(self.tr("Remove limit"))
        self._update()

    def _update(self) -> None:
        self.until.setEnabled(self.use_until.isChecked())
        self.days.setEnabled(self.use_days.isChecked())
        self.ok.setEnabled(self.use_until.isChecked() or self.use_days.isChecked())

    def chosen_until(self) -> dt.date | None:
        if not self.use_until.isChecked():
            return None
        d = self.until.date()
        return dt.date(d.year(), d.month(), d.day())

    def save(self) -> None:
        """Store the rule on the worker; the dialog closes once it is recorded (errors are shown, it stays open)."""
        session, name = self._session, self._dataset
        until, reason = self.chosen_until(), self.reason.text()
        days = self.days.value() if self.use_days.isChecked() else None
        run_busy(
            self,
            self.tr("Saving the retention…"),
            lambda _p, _c: lifecycle.set_retention(session, name, until=until, days_after_import=days, reason=reason),
            self._done,
        )

    def remove(self) -> None:
        session, name = self._session, self._dataset
        run_busy(self, self.tr("Removing the retention…"), lambda _p, _c: lifecycle.clear_retention(session, name),
                 lambda _removed: self._done(None))  # fmt: skip

    def _done(self, rule: Retention | None) -> None:
        self.changed.emit(rule)
        self.accept()
