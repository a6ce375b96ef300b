"""The consent registry tab: import consents from a CSV (identifiers become keyed tokens in core at once), the
purposes on record with their counts, and the share of a dataset's rows whose data subject consented to a purpose.

Only counts are shown here: the registry holds tokens, never identifiers, and so does this panel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.consent import Coverage
from dataroom.core.errors import DataroomError
from dataroom.core.flows import consent as consent_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.widgets import Retranslating, label


class ConsentsPanel(Retranslating, QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None

        self.registry = QGroupBox()
        self.purposes = QTableWidget(0, 2)
        self.purposes.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.purposes.verticalHeader().hide()
        self.purposes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.default_purpose = QLineEdit()
        self.default_purpose.setMaxLength(200)
        self.import_button = QPushButton()
        self.import_button.setProperty("primary", True)
        self.import_note = label("muted", wrap=True)
        import_row = QHBoxLayout()
        self.default_label = QLabel()
        import_row.addWidget(self.default_label)
        import_row.addWidget(self.default_purpose, 1)
        import_row.addWidget(self.import_button)
        registry = QVBoxLayout(self.registry)
        registry.addWidget(self.purposes)
        registry.addLayout(import_row)
        registry.addWidget(self.import_note)
        self.import_button.clicked.connect(self._import)

        self.coverage_box = QGroupBox()
        self.dataset = QComboBox()
        self.purpose = QComboBox()
        self.purpose.setEditable(True)
        self.compute = QPushButton()
        self.result = label("", wrap=True)
        self.coverage_form = QFormLayout(self.coverage_box)
        self.coverage_form.addRow(QLabel(), self.dataset)
        self.coverage_form.addRow(QLabel(), self.purpose)
        self.coverage_form.addRow(self.compute)
        self.coverage_form.addRow(self.result)
        self.compute.clicked.connect(self.compute_coverage)

        layout = QVBoxLayout(self)
        layout.addWidget(self.registry, 1)
        layout.addWidget(self.coverage_box)
        self.retranslate()

    def retranslate(self) -> None:
        self.registry.setTitle(self.tr("Consents on record"))
        self.purposes.setHorizontalHeaderLabels([self.tr("Purpose"), self.tr("Consents")])
        self.default_label.setText(self.tr("Purpose for files without a purpose column:"))
        self.default_purpose.setPlaceholderText(self.tr("e.g. 转让给受让方"))
        self.import_button.setText(self.tr("Import consents (CSV)…"))
        self.import_note.setText(
            self.tr(
                "Each row names a data subject (mobile, ID number or e-mail), the date consent was given and, if so, "
                "withdrawn. Identifiers are turned into keyed tokens at once; the vault never stores them."
            )
        )
        self.coverage_box.setTitle(self.tr("Coverage of a dataset"))
        self.coverage_form.labelForField(self.dataset).setText(self.tr("Dataset:"))
        self.coverage_form.labelForField(self.purpose).setText(self.tr("Purpose:"))
        self.compute.setText(self.tr("Compute coverage"))

    def set_session(self, session: Session | None) -> None:
        self._session = session
        self.result.setText("")
        can_import = session is not None and session.can(Permission.IMPORT)
        for widget in (self.import_button, self.default_purpose, self.default_label):
            widget.setVisible(can_import)
        if session is None:
            self.purposes.setRowCount(0)
            self.dataset.clear()
            self.purpose.clear()
            return
        self.reload()

    def reload(self) -> None:
        session = self._session
        if session is None or not session.vault.is_open:
            return
        try:
            purposes = consent_flows.consent_purposes(session)
            datasets = [d.name for d in dataset_flows.list_datasets(session)]
        except DataroomError as err:
            messages.show_error(self, err)
            return
        self.purposes.setRowCount(len(purposes))
        for row, (purpose, count) in enumerate(purposes):
            self.purposes.setItem(row, 0, QTableWidgetItem(purpose))
            self.purposes.setItem(row, 1, QTableWidgetItem(f"{count:,}"))
        chosen_dataset, chosen_purpose = self.dataset.currentText(), self.purpose.currentText()
        self.dataset.clear()
        self.dataset.addItems(datasets)
        self.purpose.clear()
        self.purpose.addItems([p for p, _ in purposes])
        if chosen_dataset in datasets:
            self.dataset.setCurrentText(chosen_dataset)
        if chosen_purpose:
            self.purpose.setCurrentText(chosen_purpose)
        self.compute.setEnabled(bool(datasets))

    def ask_csv_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import consents"), str(Path.home()), self.tr("CSV files (*.csv)")
        )
        return Path(chosen) if chosen else None

    def _import(self) -> None:
        path = self.ask_csv_path()
        if path is not None:
            self.import_from(path)

    def import_from(self, path: Path) -> None:
        session = self._session
        if session is None or not session.can(Permission.IMPORT):
            return
        purpose = self.default_purpose.text().strip() or None

        def done(result: consent_flows.ConsentImport) -> None:
            lines = [
                self.tr(
                    "{rows} rows read: {imported} consents recorded, {duplicates} already on record, "
                    "{skipped} rows skipped."
                ).format(
                    rows=result.rows,
                    imported=result.imported,
                    duplicates=result.duplicates,
                    skipped=len(result.problems),
                )
            ]
            lines += result.problems[:20]
            messages.show_info(self, "\n".join(lines))
            self.reload()
            if result.purposes:
                self.purpose.setCurrentText(sorted(result.purposes)[0])
            self.changed.emit()

        run_busy(
            self,
            self.tr("Importing consents…"),
            lambda _p, _c: consent_flows.import_consents(session, path, purpose=purpose),
            done,
        )

    def compute_coverage(self) -> None:
        session = self._session
        dataset, purpose = self.dataset.currentText(), self.purpose.currentText().strip()
        if session is None or not dataset or not purpose:
            return
        run_busy(
            self,
            self.tr("Counting the rows with consent…"),
            lambda progress, cancel: consent_flows.consent_coverage(
                session, dataset, purpose, progress=progress, cancel=cancel
            ),
            self._show_coverage,
            cancellable=True,
        )

    def _show_coverage(self, result: Coverage) -> None:
        self.result.setText(
            self.tr(
                "{with_consent} of {rows} rows ({share}) have a valid consent for “{purpose}” on {day}. "
                "{without_id} rows have no identifier; consent was withdrawn for {withdrawn} rows. "
                "Matched on: {columns}."
            ).format(
                with_consent=f"{result.rows_with_consent:,}",
                rows=f"{result.rows:,}",
                share=f"{result.share:.1%}",
                purpose=result.purpose,
                day=result.day.isoformat(),
                without_id=f"{result.rows - result.rows_with_identifier:,}",
                withdrawn=f"{result.rows_withdrawn:,}",
                columns=", ".join(result.identifier_columns) or "—",
            )
        )
        self.changed.emit()
