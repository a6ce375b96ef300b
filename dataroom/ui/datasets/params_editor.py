"""The editor of one redaction operator's parameters, built from the operator's parameter list (see
:mod:`dataroom.ui.datasets.policy_editor`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from dataroom.core.redaction import operators as ops
from dataroom.ui.datasets import names
from dataroom.ui.widgets import Retranslating


class ParamsEditor(Retranslating, QWidget):
    """The parameters of one operator; :meth:`params` gives them as the core expects them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._op = ops.KEEP
        self.type = QComboBox()
        self.head = QSpinBox()
        self.tail = QSpinBox()
        for spin in (self.head, self.tail):
            spin.setRange(-1, 64)
            spin.setValue(-1)
        self.to = QComboBox()
        self.width = QDoubleSpinBox()
        self.width.setRange(0, 1e12)
        self.width.setDecimals(0)
        self.use_as_of = QCheckBox()
        self.as_of = QDateEdit(QDate.currentDate())
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setEnabled(False)
        as_of_row = QHBoxLayout()
        as_of_row.setContentsMargins(0, 0, 0, 0)
        as_of_row.addWidget(self.use_as_of)
        as_of_row.addWidget(self.as_of, 1)
        self.fields = {f: QCheckBox() for f in ops.DERIVE_FIELDS}
        fields_row = QHBoxLayout()
        fields_row.setContentsMargins(0, 0, 0, 0)
        for box in self.fields.values():
            fields_row.addWidget(box)
        fields_row.addStretch(1)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.captions = {key: QLabel() for key in ("type", "head", "tail", "to", "width", "as_of", "fields")}
        self.form.addRow(self.captions["type"], self.type)
        self.form.addRow(self.captions["head"], self.head)
        self.form.addRow(self.captions["tail"], self.tail)
        self.form.addRow(self.captions["to"], self.to)
        self.form.addRow(self.captions["fields"], fields_row)
        self.form.addRow(self.captions["width"], self.width)
        self.form.addRow(self.captions["as_of"], as_of_row)
        self.use_as_of.toggled.connect(self.as_of.setEnabled)
        for signal in (
            self.type.currentIndexChanged,
            self.head.valueChanged,
            self.tail.valueChanged,
            self.to.currentIndexChanged,
            self.width.valueChanged,
            self.use_as_of.toggled,
            self.as_of.dateChanged,
        ):
            signal.connect(self._changed)
        for box in self.fields.values():
            box.toggled.connect(self._changed)
        self._quiet = False
        self.retranslate()
        self._show_rows()

    def retranslate(self) -> None:
        self._quiet = True
        texts = {
            "type": self.tr("Type"),
            "head": self.tr("Keep first"),
            "tail": self.tr("Keep last"),
            "to": self.tr("Generalise to"),
            "width": self.tr("Band width"),
            "as_of": self.tr("Ages as of"),
            "fields": self.tr("Derive"),
        }
        for key, caption in self.captions.items():
            caption.setText(texts[key])
        for spin in (self.head, self.tail):
            spin.setSpecialValueText(self.tr("type's shape"))
            spin.setSuffix(self.tr(" characters"))
        self.width.setSpecialValueText(self.tr("default"))
        self.use_as_of.setText(self.tr("fixed date"))
        for field, box in self.fields.items():
            box.setText(names.derive_field_name(field))
        current_type, current_to = self.type.currentData(), self.to.currentData()
        self.type.clear()
        for t in names.all_types():
            self.type.addItem(names.type_name(t), t)
        self.type.setCurrentIndex(max(self.type.findData(current_type), 0))
        self.to.clear()
        for to in ops.GENERALISE_TO:
            self.to.addItem(names.generalise_name(to), to)
        self.to.setCurrentIndex(max(self.to.findData(current_to), 0))
        self._quiet = False

    def _changed(self) -> None:
        self._show_rows()
        if not self._quiet:
            self.changed.emit()

    def _show_rows(self) -> None:
        op, to = self._op, self.to.currentData()
        visible = {
            "type": op in (ops.MASK, ops.PSEUDONYM),
            "head": op == ops.MASK,
            "tail": op == ops.MASK,
            "to": op == ops.GENERALISE,
            "fields": op == ops.DERIVE,
            "width": op == ops.DERIVE or (op == ops.GENERALISE and to in ("age_band", "amount_band")),
            "as_of": op == ops.DERIVE or (op == ops.GENERALISE and to == "age_band"),
        }
        rows = {"type": 0, "head": 1, "tail": 2, "to": 3, "fields": 4, "width": 5, "as_of": 6}
        for key, row in rows.items():
            self.form.setRowVisible(row, visible[key])

    def set_rule(self, op: str, params: dict[str, Any], default_type: str | None) -> None:
        """Show ``op``'s parameters (without emitting ``changed``)."""
        self._quiet = True
        self._op = op
        self.type.setCurrentIndex(max(self.type.findData(params.get("type") or default_type), 0))
        self.head.setValue(int(params["head"]) if "head" in params else -1)
        self.tail.setValue(int(params["tail"]) if "tail" in params else -1)
        self.to.setCurrentIndex(max(self.to.findData(params.get("to")), 0))
        self.width.setValue(float(params.get("width") or 0))
        self.use_as_of.setChecked("as_of" in params)
        if "as_of" in params:
            self.as_of.setDate(QDate.fromString(str(params["as_of"]), "yyyy-MM-dd"))
        chosen = params.get("fields") or (["age_band", "gender", "province"] if op == ops.DERIVE else [])
        for field, box in self.fields.items():
            box.setChecked(field in chosen)
        self._quiet = False
        self._show_rows()

    def set_op(self, op: str) -> None:
        self._op = op
        self._show_rows()

    def params(self) -> dict[str, Any]:
        """The parameters as the core validates them (``ops.check_params``)."""
        op, out = self._op, {}
        if op in (ops.MASK, ops.PSEUDONYM):
            out["type"] = self.type.currentData()
        if op == ops.MASK:
            if self.head.value() >= 0:
                out["head"] = self.head.value()
            if self.tail.value() >= 0:
                out["tail"] = self.tail.value()
        if op == ops.GENERALISE:
            out["to"] = self.to.currentData()
        if op == ops.DERIVE:
            out["fields"] = [f for f, box in self.fields.items() if box.isChecked()]
        banded = op == ops.DERIVE or (op == ops.GENERALISE and out.get("to") in ("age_band", "amount_band"))
        if banded and self.width.value() > 0:
            out["width"] = int(self.width.value())
        aged = op == ops.DERIVE or (op == ops.GENERALISE and out.get("to") == "age_band")
        if aged and self.use_as_of.isChecked():
            out["as_of"] = self.as_of.date().toString("yyyy-MM-dd")
        return out
