"""The filter bar: a column, a comparison and a value turned into the ``where`` expression the core accepts
(:mod:`dataroom.core.redaction.where`), or an expression typed directly.

Filters compare ORIGINAL values; the core refuses, for roles without the raw-data right, filters on columns the
policy does not release unchanged, so the bar only offers those columns to such roles.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QToolButton, QWidget

from dataroom.ui.widgets import Retranslating

#: Comparisons offered: (core operator, label). Labels are translated in ``FilterBar``.
OPERATORS: tuple[tuple[str, str], ...] = (
    ("contains", QT_TRANSLATE_NOOP("FilterBar", "contains")),
    ("=", QT_TRANSLATE_NOOP("FilterBar", "is")),
    ("!=", QT_TRANSLATE_NOOP("FilterBar", "is not")),
    ("starts-with", QT_TRANSLATE_NOOP("FilterBar", "starts with")),
    (">", QT_TRANSLATE_NOOP("FilterBar", "more than / after")),
    (">=", QT_TRANSLATE_NOOP("FilterBar", "at least")),
    ("<", QT_TRANSLATE_NOOP("FilterBar", "less than / before")),
    ("<=", QT_TRANSLATE_NOOP("FilterBar", "at most")),
    ("is-blank", QT_TRANSLATE_NOOP("FilterBar", "is blank")),
    ("not-blank", QT_TRANSLATE_NOOP("FilterBar", "is not blank")),
)
UNARY = frozenset({"is-blank", "not-blank"})
#: Comparisons that make sense across every column at once.
ANY_COLUMN_OPERATORS = frozenset({"contains", "=", "starts-with"})


def quote_column(name: str) -> str:
    """``"name"`` with inner quotes doubled (the grammar's quoted column)."""
    return '"' + name.replace('"', '""') + '"'


def quote_value(value: str) -> str:
    """``'value'`` with inner quotes doubled: typed text is always a value, never syntax."""
    return "'" + value.replace("'", "''") + "'"


def build_where(column: str | None, op: str, value: str, columns: Sequence[str]) -> str | None:
    """The expression for one condition; ``column=None`` means any of ``columns`` (joined with ``or``).

    Returns ``None`` when there is nothing to filter by (no value for a comparison that needs one).
    """
    if op not in {o for o, _ in OPERATORS}:
        raise ValueError(f"unknown operator {op!r}")
    value = value.strip()
    if op not in UNARY and not value:
        return None
    targets = [column] if column is not None else list(columns)
    if not targets:
        return None
    parts = [
        f"{quote_column(c)} {op}" if op in UNARY else f"{quote_column(c)} {op} {quote_value(value)}" for c in targets
    ]
    return parts[0] if len(parts) == 1 else "(" + " or ".join(parts) + ")"


class FilterBar(Retranslating, QWidget):
    """Column, comparison, value, Apply/Clear, and a switch to type an expression instead."""

    #: The expression to apply (``None`` clears the filter).
    applied = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns: list[str] = []
        self.column = QComboBox()
        self.column.setMinimumContentsLength(8)
        self.column.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.op = QComboBox()
        self.value = QLineEdit()
        self.value.setClearButtonEnabled(True)
        self.expression = QLineEdit()
        self.expression.hide()
        self.advanced = QToolButton()
        self.advanced.setCheckable(True)
        self.apply_button = QPushButton()
        self.clear_button = QPushButton()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.column)
        layout.addWidget(self.op)
        layout.addWidget(self.value, 1)
        layout.addWidget(self.expression, 1)
        layout.addWidget(self.advanced)
        layout.addWidget(self.apply_button)
        layout.addWidget(self.clear_button)
        self.value.returnPressed.connect(self.apply)
        self.expression.returnPressed.connect(self.apply)
        self.apply_button.clicked.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        self.advanced.toggled.connect(self._switch)
        self.op.currentIndexChanged.connect(self._op_changed)
        self.column.currentIndexChanged.connect(self._column_changed)
        self.retranslate()

    def retranslate(self) -> None:
        current_op = self.op.currentData()
        self.op.blockSignals(True)
        self.op.clear()
        for op, text in OPERATORS:
            self.op.addItem(QCoreApplication.translate("FilterBar", text), op)
        self.op.setCurrentIndex(max(self.op.findData(current_op), 0))
        self.op.blockSignals(False)
        self._fill_columns()
        self.value.setPlaceholderText(self.tr("value, e.g. 上海 or 2024-01-01 or 1000"))
        self.expression.setPlaceholderText(self.tr("e.g. 城市 = 上海 and 累计消费金额 > 1000"))
        self.advanced.setText(self.tr("Expression"))
        self.advanced.setToolTip(
            self.tr(
                "Type a filter expression: column, operator (=, !=, >, >=, <, <=, contains, starts-with, is-blank, "
                "not-blank) and value, joined with and / or. Filters compare the original values."
            )
        )
        self.apply_button.setText(self.tr("Filter"))
        self.clear_button.setText(self.tr("Clear"))
        self._op_changed()

    def set_columns(self, columns: Sequence[str]) -> None:
        """The columns a filter may name (for roles without raw access: those released unchanged)."""
        self._columns = list(columns)
        self._fill_columns()
        self.setEnabled(bool(self._columns))

    def _fill_columns(self) -> None:
        current = self.column.currentData()
        self.column.blockSignals(True)
        self.column.clear()
        self.column.addItem(self.tr("Any column"), None)
        for name in self._columns:
            self.column.addItem(name, name)
        index = self.column.findData(current) if current is not None else 0
        self.column.setCurrentIndex(max(index, 0))
        self.column.blockSignals(False)

    def _column_changed(self) -> None:
        self._op_changed()

    def _op_changed(self) -> None:
        op = self.op.currentData()
        self.value.setEnabled(op not in UNARY)
        if self.column.currentData() is None and op not in ANY_COLUMN_OPERATORS:
            # "any column > 5" means little; keep the choice honest
            self.op.setCurrentIndex(0)

    def _switch(self, typed: bool) -> None:
        for widget in (self.column, self.op, self.value):
            widget.setVisible(not typed)
        self.expression.setVisible(typed)
        if typed and not self.expression.text():
            self.expression.setText(self.current_expression() or "")

    def current_expression(self) -> str | None:
        """What Apply would filter by."""
        if self.advanced.isChecked():
            return self.expression.text().strip() or None
        return build_where(self.column.currentData(), self.op.currentData(), self.value.text(), self._columns)

    def apply(self) -> None:
        self.applied.emit(self.current_expression())

    def clear(self) -> None:
        self.value.clear()
        self.expression.clear()
        self.applied.emit(None)
