"""Showing a safety fingerprint so people can read it aloud, and comparing a typed one group by group.

The fingerprint is 12 groups of 5 digits (:mod:`dataroom.core.deal.fingerprint`); shown large, monospaced, three
lines of four groups, exactly as the printed card shows it, so two people can compare line by line.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from dataroom.ui.theme import set_look

GROUPS = 12
PER_LINE = 4


def groups_of(fp: str) -> list[str]:
    """The 12 groups of a canonical fingerprint."""
    return fp.split()


def typed_groups(text: str) -> list[str]:
    """What a person typed, as groups of 5 digits (any spacing or punctuation; the last group may be partial)."""
    digits = re.sub(r"\D", "", text or "")[: GROUPS * 5]
    return [digits[i : i + 5] for i in range(0, len(digits), 5)]


def compare(expected: str, typed: str) -> list[str]:
    """Per group of ``expected``: ``"match"``, ``"mismatch"`` or ``"pending"`` (not typed in full yet).

    A partial group that already differs in a typed digit is a mismatch: say so at once, not five digits later.
    """
    want = groups_of(expected)
    got = typed_groups(typed)
    out = []
    for index, group in enumerate(want):
        have = got[index] if index < len(got) else ""
        if have == group:
            out.append("match")
        elif have and not group.startswith(have):
            out.append("mismatch")
        else:
            out.append("pending")
    return out


def big_mono_font(point_size: int = 17) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(point_size)
    font.setBold(True)
    return font


class FingerprintView(QWidget):
    """12 groups in a 3 × 4 grid, large and monospaced; each group can carry a comparison state as a badge look."""

    def __init__(self, parent: QWidget | None = None, *, point_size: int = 17) -> None:
        super().__init__(parent)
        self.cells: list[QLabel] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        font = big_mono_font(point_size)
        for index in range(GROUPS):
            cell = QLabel("")
            cell.setFont(font)
            cell.setAlignment(Qt.AlignmentFlag.AlignCenter)
            cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(cell, index // PER_LINE, index % PER_LINE)
            self.cells.append(cell)
        grid.setColumnStretch(PER_LINE, 1)

    def set_fingerprint(self, fp: str) -> None:
        groups = groups_of(fp) if fp else []
        for index, cell in enumerate(self.cells):
            cell.setText(groups[index] if index < len(groups) else "")
        self.setAccessibleName(fp)

    def text(self) -> str:
        return " ".join(cell.text() for cell in self.cells)

    def set_states(self, states: list[str] | None) -> None:
        """``match`` → ok look, ``mismatch`` → bad look, ``pending``/None → plain."""
        looks = {"match": "ok", "mismatch": "bad"}
        for index, cell in enumerate(self.cells):
            state = states[index] if states else "pending"
            look = looks.get(state, "")
            if (cell.property("badge") or "") != look:
                set_look(cell, "badge", look)
