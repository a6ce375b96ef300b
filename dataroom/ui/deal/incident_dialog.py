"""Recording an incident (PIPL art. 57): what happened and when it was found, which datasets, columns and rows it
touched, its cause, the measures taken, the possible harm, what the people affected can do, and a contact.

The dialog only gathers the facts and checks them with the core's own rules (:func:`incidents.check`,
:func:`incidents.parse_rows`), so OK is enabled exactly when ``log_incident`` would accept them; the Documents
page's incident panel runs the flow (which counts the people affected) on the worker.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import incidents
from dataroom.core.deal.incidents import AffectedData, IncidentFacts
from dataroom.core.errors import DataroomError
from dataroom.ui import messages
from dataroom.ui.dialogs.base import frame
from dataroom.ui.widgets import Retranslating, label

_KIND_NAMES = {
    "leak": QT_TRANSLATE_NOOP("IncidentDialog", "Leak"),
    "alteration": QT_TRANSLATE_NOOP("IncidentDialog", "Alteration"),
    "loss": QT_TRANSLATE_NOOP("IncidentDialog", "Loss"),
    "unauthorised-access": QT_TRANSLATE_NOOP("IncidentDialog", "Unauthorised access"),
}
#: The format ``found_at`` is stored in (ISO 8601 to the minute, local time as the person recording it knows it).
FOUND_AT_FORMAT = "yyyy-MM-dd'T'HH:mm"
_NAME = Qt.ItemDataRole.UserRole + 1


def kind_name(kind: str) -> str:
    """The translated name of an incident kind (the core keeps the English identifier)."""
    source = _KIND_NAMES.get(kind)
    return QCoreApplication.translate("IncidentDialog", source) if source else kind


class IncidentDialog(Retranslating, QDialog):
    """Collects :class:`IncidentFacts`; OK stays disabled, with the reason in words, until they are complete."""

    def __init__(self, datasets: list[DatasetInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._datasets = {info.name: info for info in datasets}
        content = QWidget()
        self.title = QLineEdit()
        self.title.setMaxLength(200)
        self.kind = QComboBox()
        for kind in incidents.KINDS:
            self.kind.addItem("", kind)
        self.found_at = QDateTimeEdit(QDateTime.currentDateTime())
        self.found_at.setCalendarPopup(True)
        self.found_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.found_at.setMaximumDateTime(QDateTime.currentDateTime().addSecs(3600))  # found, so not in the future

        self.affected = QTreeWidget()
        self.affected.setColumnCount(2)
        self.affected.setMinimumHeight(150)
        self.rows: dict[str, QLineEdit] = {}
        for info in datasets:
            top = QTreeWidgetItem([info.name, ""])
            top.setData(0, _NAME, info.name)
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            for column in info.columns:
                child = QTreeWidgetItem([column])
                child.setData(0, _NAME, column)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
            self.affected.addTopLevelItem(top)
            rows = QLineEdit("all")
            rows.textChanged.connect(self._update)
            self.affected.setItemWidget(top, 1, rows)
            self.rows[info.name] = rows
        self.affected.expandAll()
        self.affected.setColumnWidth(0, 240)
        self.no_datasets = label("muted", wrap=True)
        self.no_datasets.setVisible(not datasets)

        self.cause = QPlainTextEdit()
        self.containment = QPlainTextEdit()
        self.harm = QPlainTextEdit()
        self.remedies = QPlainTextEdit()
        for edit in (self.cause, self.containment, self.harm, self.remedies):
            edit.setMaximumHeight(54)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._update)
        self.contact = QLineEdit()
        self.contact.setMaxLength(300)
        self.problem = label("error", wrap=True)

        self.form = QFormLayout()
        for widget in (self.title, self.kind, self.found_at, self.affected, self.cause, self.containment, self.harm,
                       self.remedies, self.contact):  # fmt: skip
            self.form.addRow(QLabel(), widget)
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.form)
        column.addWidget(self.no_datasets)
        column.addWidget(self.problem)
        self.buttons, self.ok = frame(self, content)
        self.setMinimumWidth(620)
        self.title.textChanged.connect(self._update)
        self.contact.textChanged.connect(self._update)
        self.affected.itemChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log incident"))
        rows = (
            (self.title, self.tr("What happened:")),
            (self.kind, self.tr("Kind:")),
            (self.found_at, self.tr("Found at:")),
            (self.affected, self.tr("Data affected:")),
            (self.cause, self.tr("Cause:")),
            (self.containment, self.tr("Measures taken:")),
            (self.harm, self.tr("Possible harm:")),
            (self.remedies, self.tr("What people can do:")),
            (self.contact, self.tr("Contact for questions:")),
        )
        for widget, text in rows:
            self.form.labelForField(widget).setText(text)
        for i in range(self.kind.count()):
            self.kind.setItemText(i, kind_name(str(self.kind.itemData(i))))
        self.title.setPlaceholderText(self.tr("a short title, e.g. export file sent to the wrong address"))
        self.affected.setHeaderLabels([self.tr("Dataset / column"), self.tr("Rows (all, or e.g. 1-100, 205)")])
        self.contact.setPlaceholderText(self.tr("e-mail or phone of the person who answers questions"))
        self.no_datasets.setText(self.tr("This vault has no dataset yet, so there is nothing an incident can name."))
        self._update()

    def check_dataset(self, name: str, columns: list[str] | None = None, rows: str = "all") -> None:
        """Tick a dataset (all its columns, or only ``columns``) and say which rows were affected."""
        for index in range(self.affected.topLevelItemCount()):
            top = self.affected.topLevelItem(index)
            if top.data(0, _NAME) != name:
                continue
            for i in range(top.childCount()):
                child = top.child(i)
                on = columns is None or child.data(0, _NAME) in columns
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.rows[name].setText(rows)

    def chosen(self) -> tuple[AffectedData, ...]:
        """A dataset with every column ticked is affected as a whole (``columns=None``)."""
        out = []
        for index in range(self.affected.topLevelItemCount()):
            top = self.affected.topLevelItem(index)
            ticked = [
                str(top.child(i).data(0, _NAME))
                for i in range(top.childCount())
                if top.child(i).checkState(0) == Qt.CheckState.Checked
            ]
            if ticked:
                name = str(top.data(0, _NAME))
                columns = None if len(ticked) == top.childCount() else tuple(ticked)
                out.append(AffectedData(name, columns, self.rows[name].text().strip() or "all"))
        return tuple(out)

    def facts(self) -> IncidentFacts:
        return IncidentFacts(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            found_at=self.found_at.dateTime().toString(FOUND_AT_FORMAT),
            affected=self.chosen(),
            cause=self.cause.toPlainText(),
            containment=self.containment.toPlainText(),
            harm=self.harm.toPlainText(),
            remedies=self.remedies.toPlainText(),
            contact=self.contact.text(),
        )

    def problem_text(self) -> str:
        """Why ``log_incident`` would refuse these facts (the core's sentence), or ``""``."""
        facts = self.facts()
        try:
            incidents.check(facts)
            for item in facts.affected:
                incidents.parse_rows(item.rows, self._datasets[item.dataset].row_count)
        except DataroomError as err:
            return messages.error_text(err)
        return ""

    def _update(self, *_args: object) -> None:
        problem = self.problem_text()
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)
