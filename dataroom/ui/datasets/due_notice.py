"""The reminder on the Datasets page (and a badge in the status bar) of datasets due for destruction: kept past
their retention, or received under an NDA whose destruction duty has begun. The list comes from
:func:`dataroom.core.flows.lifecycle.due_for_destruction`; this module only words it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from dataroom.core.flows.lifecycle import DueItem
from dataroom.ui.widgets import Badge, Retranslating, label


class DueNotice(Retranslating, QFrame):
    """Hidden while nothing is due; otherwise a badge and one line per dataset to destroy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("card", True)
        self.items: list[DueItem] = []
        self.badge = Badge()
        self.text = label("", wrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text, 1)
        self.hide()

    def retranslate(self) -> None:
        self.show_items(self.items)

    def show_items(self, items: list[DueItem]) -> None:
        """Show ``items`` (most urgent first), or hide when there are none."""
        self.items = list(items)
        self.setVisible(bool(items))
        if not items:
            return
        overdue = any(i.overdue for i in items)
        self.badge.set_state("bad" if overdue else "warn", self.headline())
        self.text.setText("\n".join(self.line(i) for i in items))

    def headline(self) -> str:
        """``2 datasets due for destruction`` (also the status-bar badge)."""
        return self.tr("%n dataset(s) due for destruction", "", len(self.items))

    def line(self, item: DueItem) -> str:
        if item.kind == "retention":
            text = self.tr("{name}: kept past its retention, which ended on {day}").format(
                name=item.dataset, day=item.deadline.isoformat()
            )
            return text + (f" ({item.reason})" if item.reason else "")
        if item.overdue:
            return self.tr("{name}: NDA {id} requires its destruction, overdue since {day}").format(
                name=item.dataset, id=item.nda_id, day=item.deadline.isoformat()
            )
        return self.tr("{name}: NDA {id} requires its destruction by {day}").format(
            name=item.dataset, id=item.nda_id, day=item.deadline.isoformat()
        )
