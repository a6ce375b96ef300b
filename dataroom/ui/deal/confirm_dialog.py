"""Confirming a counterparty's identity card: the fingerprint from the file beside what the person heard or saw.

The user reads or types the fingerprint the party gave by phone or in person; groups are compared live and a
wrong group turns red. Confirm stays disabled until all 60 digits agree, a method is chosen (a note for "other"),
and — for a card that clashes with another card of the same party (possible forgery) — "accept anyway" is ticked.
The dialog only collects the decision; the page records it with ``flows.parties.confirm_card`` on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.counterparties import PartyCard
from dataroom.ui import theme
from dataroom.ui.deal import names
from dataroom.ui.deal.fingerprint_view import FingerprintView, big_mono_font, compare
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import Badge, Retranslating, label

#: Methods offered to people, in this order.
METHODS = ("in-person", "phone", "video", "other")


class ConfirmCardDialog(Retranslating, QDialog):
    """Side by side: the card's fingerprint (left) and the one heard from the party (right, typed)."""

    def __init__(self, card: PartyCard, notes: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.suspect = card.status == "suspect"
        party = card.card.party
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)

        self.who = label("section", wrap=True)
        self.who.setTextFormat(Qt.TextFormat.PlainText)
        self.who.setText(f"{party.organisation} — {party.person} <{party.email}>, {names.deal_role(party.role)}")
        self.status = Badge()
        self.notes = label("muted", "\n".join(notes or []), wrap=True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        self.notes.setVisible(bool(notes))
        column.addWidget(self.who)
        column.addWidget(self.status, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.notes)

        # Forgery warning: red, in words, and an explicit tick.
        self.warning = QFrame()
        self.warning.setObjectName("forgeryWarning")
        self.warning.setStyleSheet(
            f"QFrame#forgeryWarning {{ background: {theme.BAD_BG}; border: 2px solid {theme.BAD}; border-radius: 6px }}"
        )
        warn_column = QVBoxLayout(self.warning)
        self.warning_text = label("error", wrap=True)
        self.accept_mismatch = QCheckBox()
        warn_column.addWidget(self.warning_text)
        warn_column.addWidget(self.accept_mismatch)
        self.warning.setVisible(self.suspect)
        column.addWidget(self.warning)

        sides = QHBoxLayout()
        self.file_box = QGroupBox()
        self.file_fp = FingerprintView()
        self.file_fp.set_fingerprint(card.fingerprint)
        QVBoxLayout(self.file_box).addWidget(self.file_fp)
        self.heard_box = QGroupBox()
        self.heard = QLineEdit()
        self.heard.setFont(big_mono_font(11))
        self.heard.setMaxLength(120)
        self.heard_fp = FingerprintView()
        heard_column = QVBoxLayout(self.heard_box)
        heard_column.addWidget(self.heard)
        heard_column.addWidget(self.heard_fp)
        sides.addWidget(self.file_box)
        sides.addWidget(self.heard_box)
        column.addLayout(sides)
        self.verdict = label("", wrap=True)
        column.addWidget(self.verdict)

        self.method = QComboBox()
        for key in METHODS:
            self.method.addItem("", key)
        self.method.setCurrentIndex(METHODS.index("phone"))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.form = QFormLayout()
        self.form.addRow(QLabel(), self.method)
        self.form.addRow(QLabel(), self.note)
        column.addLayout(self.form)

        self.buttons, self.ok = frame(self, content)
        self.setMinimumWidth(900)
        self.heard.textChanged.connect(self._update)
        self.method.currentIndexChanged.connect(self._update)
        self.note.textChanged.connect(self._update)
        self.accept_mismatch.toggled.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Confirm identity card"))
        self.status.set_state(names.CARD_LOOK.get(self.card.status, "info"), names.card_status(self.card.status))
        self.warning_text.setText(
            self.tr(
                "FINGERPRINT MISMATCH: another card of this party, imported earlier, has different keys. One of them "
                "may be a FORGERY. Call the party on a number you already know and compare the whole fingerprint "
                "before trusting either card."
            )
        )
        self.accept_mismatch.setText(
            self.tr("I compared the whole fingerprint with the party; accept this card anyway")
        )
        self.file_box.setTitle(self.tr("Fingerprint in the card file"))
        self.heard_box.setTitle(self.tr("Fingerprint the party read out or showed you"))
        self.heard.setPlaceholderText(self.tr("type the 60 digits as you hear them; spaces do not matter"))
        for index, key in enumerate(METHODS):
            self.method.setItemText(index, names.method(key))
        self.form.labelForField(self.method).setText(self.tr("Compared by:"))
        self.form.labelForField(self.note).setText(self.tr("Note:"))
        self.note.setPlaceholderText(self.tr("optional; required for “other” (e.g. who you spoke to)"))
        self.ok.setText(self.tr("Confirm"))
        self._update()

    def states(self) -> list[str]:
        return compare(self.card.fingerprint, self.heard.text())

    def _update(self) -> None:
        states = self.states()
        self.file_fp.set_states(states)
        typed = "".join(c for c in self.heard.text() if c.isdigit())
        self.heard_fp.set_fingerprint(" ".join(typed[i : i + 5] for i in range(0, min(len(typed), 60), 5)))
        self.heard_fp.set_states(states)
        bad = [str(i + 1) for i, s in enumerate(states) if s == "mismatch"]
        matched = all(s == "match" for s in states) and len(typed) == 60
        if bad:
            self.verdict.setText(
                self.tr("These groups differ: {groups}. Do NOT confirm: this may not be the party's card.").format(
                    groups=", ".join(bad)
                )
            )
            self.verdict.setProperty("role", "error")
        elif len(typed) > 60:
            self.verdict.setText(self.tr("That is more than 60 digits."))
            self.verdict.setProperty("role", "error")
        elif matched:
            self.verdict.setText(self.tr("All 12 groups match."))
            self.verdict.setProperty("role", "")
        else:
            self.verdict.setText(
                self.tr("{count} of 12 groups checked so far.").format(count=sum(s == "match" for s in states))
            )
            self.verdict.setProperty("role", "muted")
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        note_ok = self.method.currentData() != "other" or bool(self.note.text().strip())
        forgery_ok = not self.suspect or self.accept_mismatch.isChecked()
        self.ok.setEnabled(matched and note_ok and forgery_ok)

    def values(self) -> tuple[str, str, str | None, bool]:
        """``(fingerprint, method, note, accept_mismatch)`` for ``confirm_card``."""
        note = self.note.text().strip() or None
        return self.card.fingerprint, str(self.method.currentData()), note, self.suspect
