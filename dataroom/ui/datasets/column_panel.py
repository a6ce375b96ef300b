"""Side panel of the dataset view: the selected column's classification, the evidence behind it (header hit,
share of valid values, masked examples, notes) and, for roles that may classify, override controls."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.classes import ColumnClass
from dataroom.ui.datasets import names
from dataroom.ui.datasets.badges import badge_kind, class_label
from dataroom.ui.datasets.rows_model import ColumnMeta
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import Badge, Retranslating, label


def _percent(share: Any) -> str:
    try:
        return QLocale().toString(float(share) * 100, "f", 1) + " %"
    except (TypeError, ValueError):
        return "—"


class ColumnPanel(Retranslating, QWidget):
    """Shows one column. ``override_requested(column, type, class, note)``; ``clear_requested(column)``."""

    override_requested = Signal(str, str, str, str)
    clear_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._meta: ColumnMeta | None = None
        self._column: ColumnClass | None = None
        self._rule = ""
        self._can_override = False

        self.title = label("section", wrap=True)
        self.source = label("muted", wrap=True)
        self.class_badge = Badge()
        self.type_label = label("", wrap=True)
        badge_row = QHBoxLayout()
        badge_row.setContentsMargins(0, 0, 0, 0)
        badge_row.addWidget(self.class_badge)
        badge_row.addWidget(self.type_label, 1)
        self.detail = label("muted", wrap=True)
        self.rule = label("", wrap=True)

        self.evidence_box = QGroupBox()
        self.evidence = QFormLayout(self.evidence_box)
        self.evidence.setLabelAlignment(Qt.AlignmentFlag.AlignLeft)
        self.evidence.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.evidence.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # masked IDs do not wrap
        self._evidence_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("header", "valid", "blank", "excel", "examples", "embedded", "notes"):
            caption, value = label("muted"), label("", wrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.evidence.addRow(caption, value)
            self._evidence_labels[key] = (caption, value)

        self.override_box = QGroupBox()
        self.type_combo = QComboBox()
        self.class_combo = QComboBox()
        self.note = QLineEdit()
        for combo in (self.type_combo, self.class_combo):
            # long type names must not widen the panel beyond the splitter's share
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.save_button = QPushButton()
        self.save_button.setProperty("primary", True)
        self.clear_button = QPushButton()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        form = QFormLayout(self.override_box)
        self.type_caption, self.class_caption, self.note_caption = QLabel(), QLabel(), QLabel()
        form.addRow(self.type_caption, self.type_combo)
        form.addRow(self.class_caption, self.class_combo)
        form.addRow(self.note_caption, self.note)
        form.addRow(buttons)
        self.save_button.clicked.connect(self._save)
        self.clear_button.clicked.connect(self._clear)
        for combo in (self.type_combo, self.class_combo):
            combo.currentIndexChanged.connect(self._update_buttons)

        self.empty = label("muted", wrap=True)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(10, 8, 10, 8)
        column.setSpacing(8)
        column.addWidget(self.empty)
        column.addWidget(self.title)
        column.addWidget(self.source)
        column.addLayout(badge_row)
        column.addWidget(self.detail)
        column.addWidget(self.rule)
        column.addWidget(self.evidence_box)
        column.addWidget(self.override_box)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.setMinimumWidth(280)
        self.retranslate()
        self.show_column(None, None)

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.evidence_box.setTitle(self.tr("Why this classification"))
        self.override_box.setTitle(self.tr("Override"))
        captions = {
            "header": self.tr("Header"),
            "valid": self.tr("Valid values"),
            "blank": self.tr("Blank"),
            "excel": self.tr("Excel damage"),
            "examples": self.tr("Examples (masked)"),
            "embedded": self.tr("Found inside text"),
            "notes": self.tr("Notes"),
        }
        for key, (caption, _value) in self._evidence_labels.items():
            caption.setText(captions[key])
        self.type_caption.setText(self.tr("Type"))
        self.class_caption.setText(self.tr("Class"))
        self.note_caption.setText(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("why (kept in the audit log)"))
        self.save_button.setText(self.tr("Save override"))
        self.clear_button.setText(self.tr("Clear override"))
        self.empty.setText(self.tr("Select a cell to see how its column was classified."))
        self._fill_combos()
        self.show_column(self._meta, self._column, self._rule)

    def _fill_combos(self) -> None:
        for combo, values, namer in (
            (self.type_combo, names.all_types(), names.type_name),
            (self.class_combo, names.all_classes(), names.class_name),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for value in values:
                combo.addItem(namer(value), value)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    # --- content -----------------------------------------------------------------------------------------------
    def set_can_override(self, allowed: bool) -> None:
        self._can_override = allowed
        self.override_box.setVisible(allowed and self._column is not None)

    @property
    def column_name(self) -> str | None:
        return self._column.name if self._column is not None else None

    def show_column(self, meta: ColumnMeta | None, column: ColumnClass | None, rule: str = "") -> None:
        """Show ``column``'s classification (``meta`` is the shown column, maybe derived from it)."""
        self._meta, self._column, self._rule = meta, column, rule
        shown = meta is not None
        self.empty.setVisible(not shown)
        for widget in (self.title, self.source, self.class_badge, self.type_label, self.detail, self.rule):
            widget.setVisible(shown)
        self.evidence_box.setVisible(column is not None)
        self.override_box.setVisible(self._can_override and column is not None)
        if meta is None:
            return
        self.title.setText(meta.name)
        self.source.setText(
            self.tr("from column {source}").format(source=meta.source) if meta.source != meta.name else ""
        )
        self.source.setVisible(meta.source != meta.name)
        self.rule.setText(self.tr("Released as: {rule}").format(rule=rule) if rule else "")
        self.rule.setVisible(bool(rule))
        if column is None:
            self.class_badge.set_state(badge_kind(meta.data_class), class_label(meta.data_class))
            self.type_label.setText(
                self.tr("derived: {field}").format(field=names.derive_field_name(meta.derived))
                if meta.derived
                else self.tr("not classified")
            )
            self.detail.setText("")
            return
        self.class_badge.set_state(
            badge_kind(column.data_class), class_label(column.data_class), names.class_hint(column.data_class)
        )
        self.type_label.setText(
            self.tr("{type} · confidence {confidence}").format(
                type=names.type_name(column.type), confidence=_percent(column.confidence)
            )
        )
        if column.overridden:
            self.detail.setText(
                self.tr("Set by {user} on {time} (detected: {type}, {cls}){note}").format(
                    user=column.override_by or "?",
                    time=local_time(column.override_at or "")[:16],
                    type=names.type_name(column.detected_type),
                    cls=names.class_name(column.detected_class),
                    note=f" — “{column.override_note}”" if column.override_note else "",
                )
            )
        else:
            self.detail.setText(self.tr("Detected automatically from a sample of the rows."))
        self._show_evidence(column.evidence)
        self.type_combo.blockSignals(True)
        self.class_combo.blockSignals(True)
        self.type_combo.setCurrentIndex(max(self.type_combo.findData(column.type), 0))
        self.class_combo.setCurrentIndex(max(self.class_combo.findData(column.data_class), 0))
        self.type_combo.blockSignals(False)
        self.class_combo.blockSignals(False)
        self.note.clear()
        self._update_buttons()

    def _show_evidence(self, evidence: dict[str, Any]) -> None:
        def put(key: str, text: str) -> None:
            caption, value = self._evidence_labels[key]
            value.setText(text)
            caption.setVisible(bool(text))
            value.setVisible(bool(text))

        hit = evidence.get("header_hit")
        header_type = evidence.get("header_type")
        put(
            "header",
            self.tr("“{word}” suggests {type}").format(word=hit, type=names.type_name(str(header_type)))
            if hit
            else self.tr("no known word in the header"),
        )
        sample = int(evidence.get("sample_size") or 0)
        put(
            "valid",
            self.tr("{share} of {n} sampled values (at least {bound} with 95% confidence)").format(
                share=_percent(evidence.get("valid_share")),
                n=QLocale().toString(sample),
                bound=_percent(evidence.get("valid_lower_bound")),
            )
            if sample
            else self.tr("no values in the sample"),
        )
        put("blank", _percent(evidence.get("blank_share")))
        damaged = float(evidence.get("excel_damaged_share") or 0)
        put("excel", _percent(damaged) if damaged else "")
        examples = [str(e) for e in evidence.get("examples") or []]
        put("examples", "\n".join(examples[:5]))
        embedded = evidence.get("embedded") or {}
        put("embedded", ", ".join(f"{names.type_name(str(t))} × {n}" for t, n in embedded.items()))
        put("notes", "\n".join(str(n) for n in evidence.get("notes") or []))

    def _update_buttons(self) -> None:
        column = self._column
        if column is None:
            return
        changed = self.type_combo.currentData() != column.type or self.class_combo.currentData() != column.data_class
        self.save_button.setEnabled(changed)
        self.clear_button.setEnabled(column.overridden)

    def _save(self) -> None:
        if self._column is not None:
            self.override_requested.emit(
                self._column.name, self.type_combo.currentData(), self.class_combo.currentData(), self.note.text()
            )

    def _clear(self) -> None:
        if self._column is not None:
            self.clear_requested.emit(self._column.name)
