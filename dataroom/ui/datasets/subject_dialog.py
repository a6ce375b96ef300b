"""Data-subject requests: find every row of one person (by resident ID, mobile or e-mail) in every dataset, then
export those rows for the person or erase them — after a confirmation that says how many rows in which datasets.

The identifier is typed into a password-style field (no shoulder-surfing) and only ever goes to the core flows,
which record the request under a keyed subject token, never the identifier itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows.redaction import SubjectResult
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.datasets import names
from dataroom.ui.widgets import Retranslating, label, password_edit

#: Row numbers listed per dataset before "…".
LISTED_ROWS = 12


class SubjectRequestDialog(Retranslating, QDialog):
    """``erased`` after rows were erased (the page refreshes its datasets)."""

    erased = Signal(object)
    found = Signal(object)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.result: SubjectResult | None = None
        self._searched: tuple[str, str] | None = None
        self.intro = label("muted", wrap=True)
        self.kind = QComboBox()
        for kind in names.SUBJECT_KINDS:
            self.kind.addItem("", kind)
        self.identifier = password_edit()
        self.find_button = QPushButton()
        self.find_button.setProperty("primary", True)
        ident_row = QHBoxLayout()
        ident_row.addWidget(self.identifier, 1)
        ident_row.addWidget(self.find_button)
        self.form = QFormLayout()
        self.kind_caption, self.identifier_caption = QLabel(), QLabel()
        self.form.addRow(self.kind_caption, self.kind)
        self.form.addRow(self.identifier_caption, ident_row)
        self.summary = label("", wrap=True)
        self.hits = QTableWidget(0, 4)
        self.hits.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.hits.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hits.verticalHeader().hide()
        head = self.hits.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.export_button = QPushButton()
        self.erase_button = QPushButton()
        self.erase_button.setProperty("danger", True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.summary)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.buttons)
        self.setMinimumSize(620, 420)
        self.find_button.clicked.connect(self.find)
        self.identifier.returnPressed.connect(self.find)
        self.identifier.textChanged.connect(self._update)
        self.kind.currentIndexChanged.connect(self._update)
        self.export_button.clicked.connect(self._choose_export)
        self.erase_button.clicked.connect(self.erase)
        self.export_button.setVisible(session.can(Permission.EXPORT))
        self.erase_button.setVisible(session.can(Permission.DESTROY))
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Data-subject request"))
        self.intro.setText(
            self.tr(
                "Find every row of one person in every dataset of this vault, to answer their request to see, copy "
                "or delete their data (PIPL arts. 44–47). The identifier is not shown while you type and is never "
                "written to the audit log; the request is recorded under a keyed token."
            )
        )
        self.kind_caption.setText(self.tr("Find by"))
        self.identifier_caption.setText(self.tr("Identifier"))
        for i in range(self.kind.count()):
            self.kind.setItemText(i, names.subject_kind_name(self.kind.itemData(i)))
        self.identifier.setPlaceholderText(self.tr("typed hidden; the eye shows it"))
        self.find_button.setText(self.tr("Find"))
        self.export_button.setText(self.tr("Export for the person…"))
        self.erase_button.setText(self.tr("Erase…"))
        self.hits.setHorizontalHeaderLabels(
            [self.tr("Dataset"), self.tr("Found in"), self.tr("Rows"), self.tr("Row numbers")]
        )
        self._show()

    def _query(self) -> tuple[str, str]:
        return str(self.kind.currentData()), self.identifier.text().strip()

    def _update(self) -> None:
        kind, value = self._query()
        self.find_button.setEnabled(bool(value))
        current = self._searched == (kind, value) and self.result is not None
        has_rows = current and self.result is not None and self.result.rows > 0
        self.export_button.setEnabled(has_rows)
        self.erase_button.setEnabled(has_rows)

    # --- actions -----------------------------------------------------------------------------------------------
    def find(self) -> None:
        kind, value = self._query()
        if not value:
            return
        session = self._session

        def done(result: SubjectResult) -> None:
            self.result = result
            self._searched = (kind, value)
            self._show()
            self.found.emit(result)

        run_busy(
            self,
            self.tr("Searching every dataset…"),
            lambda _p, _c: redaction_flows.find_subject(session, kind, value),
            done,
        )

    def _choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the person's rows"),
            str(Path.home() / "data-subject-request.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        kind, value = self._query()
        session = self._session

        def done(result: SubjectResult) -> None:
            messages.show_info(
                self,
                self.tr(
                    "Wrote {rows} row(s) of this person to {file}. Hand the file over securely and delete your copy."
                ).format(rows=result.rows, file=path.name),
            )

        run_busy(
            self,
            self.tr("Writing the person's rows…"),
            lambda _p, _c: redaction_flows.export_subject(session, kind, value, path),
            done,
        )

    def erase_text(self) -> str:
        """The confirmation: how many rows in which datasets."""
        result = self.result
        if result is None:
            return ""
        parts = [self.tr("{rows} row(s) in “{dataset}”").format(rows=n, dataset=d) for d, n in result.counts().items()]
        return self.tr(
            "Erase {total} row(s) of this person for good: {where}? The rows are deleted securely and cannot be "
            "restored except from a backup; the erasure is recorded in the audit log."
        ).format(total=result.rows, where="; ".join(parts))

    def erase(self) -> None:
        kind, value = self._query()
        if self.result is None or self._searched != (kind, value) or not self.result.rows:
            return
        if not messages.confirm(
            self, self.tr("Erase a person's rows"), self.erase_text(), self.tr("Erase"), destructive=True
        ):
            return
        session = self._session

        def done(result: SubjectResult) -> None:
            self.result = None
            self._searched = None
            self._show()
            counts = ", ".join(f"{n} × {d}" for d, n in result.counts().items())
            self.summary.setText(self.tr("Erased {rows} row(s): {counts}.").format(rows=result.rows, counts=counts))
            self.erased.emit(result)

        run_busy(
            self, self.tr("Erasing the rows…"), lambda _p, _c: redaction_flows.erase_subject(session, kind, value), done
        )

    # --- display -----------------------------------------------------------------------------------------------
    def _show(self) -> None:
        result = self.result
        self.hits.setRowCount(0)
        if result is None:
            self.summary.setText("")
            self._update()
            return
        if not result.rows:
            self.summary.setText(self.tr("No rows hold this identifier."))
        else:
            self.summary.setText(
                self.tr("{rows} row(s) in {datasets} dataset(s). Recorded in the audit log as subject {token}.").format(
                    rows=result.rows, datasets=len(result.matches), token=result.token
                )
            )
        self.hits.setRowCount(len(result.matches))
        for row, m in enumerate(result.matches):
            numbers = [str(r[0]) for r in m.rows[:LISTED_ROWS]] + (["…"] if len(m.rows) > LISTED_ROWS else [])
            cells = [m.dataset.name, ", ".join(m.columns), QLocale().toString(len(m.rows)), ", ".join(numbers)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.hits.setItem(row, col, item)
        self._update()

    def done(self, result: int) -> None:  # Qt override
        # The identifier must not outlive the dialog (a locked or reopened window shows nothing of it).
        self.identifier.clear()
        self.result = None
        super().done(result)
