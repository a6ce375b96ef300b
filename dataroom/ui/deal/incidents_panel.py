"""The incident register tab (PIPL art. 57): the incidents on record with the rows and people they affect, logging
a new one (:mod:`dataroom.ui.deal.incident_dialog`), and writing the notification drafts — the report to the
authority and the notice to the persons affected — into a folder, with a look at the first page.

Every incident flow needs only ``VIEW_REDACTED`` (anyone working in the vault must be able to record an incident),
so the actions are hidden only from a session that lacks it. Counting the people affected reads the data and runs
on the worker with progress and cancel; so do the drafts. The first-page preview goes through ``pdftoppm`` in a
temporary directory like the NDA preview: the drafts hold counts, categories and the handler's contact, never a
person's data.
"""

from __future__ import annotations

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.deal.incidents import Incident, IncidentFacts
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.deal import nda_preview
from dataroom.ui.deal.incident_dialog import IncidentDialog, kind_name
from dataroom.ui.deal.nda_preview import Preview, PreviewPane
from dataroom.ui.widgets import Retranslating, label

_ID = Qt.ItemDataRole.UserRole + 1


@dataclass
class Drafts:
    """The files ``render_incident`` wrote, and how the first one looks."""

    files: list[Path]
    preview: Preview


def first_page(pdf: Path, fallback: Path, *, use_pdftoppm: bool = True) -> Preview:
    """Worker job: page 1 of ``pdf`` as an image, or the text of ``fallback`` where ``pdftoppm`` is missing."""
    tool = nda_preview.pdftoppm() if use_pdftoppm else None
    if tool is not None:
        with tempfile.TemporaryDirectory(prefix="dataroom-incident-") as tmp:
            prefix = Path(tmp) / "page"
            try:
                subprocess.run(  # fixed tool; the arguments are our own paths
                    [tool, "-r", str(nda_preview.DPI), "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                     str(prefix)],
                    check=True, capture_output=True, timeout=nda_preview.PDFTOPPM_TIMEOUT_S,
                )  # fmt: skip
                image = QImage(str(prefix.with_suffix(".png"))).copy()  # QImage may be made off the GUI thread
            except (OSError, subprocess.SubprocessError):
                image = QImage()
        if not image.isNull():
            return Preview(pages=[image])
    return Preview(text=fallback.read_text(encoding="utf-8"))


class IncidentsPanel(Retranslating, QWidget):
    """Register on top; the drafts written last, with a preview, below."""

    changed = Signal()  # something was audited

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self.dialog: IncidentDialog | None = None

        self.log_button = QPushButton()
        self.log_button.setProperty("primary", True)
        self.drafts_button = QPushButton()
        self.language_label = QLabel()
        self.language = QComboBox()
        for code in ("both", "zh_CN", "en"):
            self.language.addItem("", code)
        actions = QHBoxLayout()
        for widget in (self.log_button, self.drafts_button, self.language_label, self.language):
            actions.addWidget(widget)
        actions.addStretch(1)
        self.log_button.clicked.connect(self.open_dialog)
        self.drafts_button.clicked.connect(self._drafts)

        self.table = QTableWidget(0, 7)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.empty = label("muted", wrap=True)

        self.result = label("", wrap=True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview = PreviewPane()
        bottom = QWidget()
        bottom_column = QVBoxLayout(bottom)
        bottom_column.setContentsMargins(0, 0, 0, 0)
        bottom_column.addWidget(self.result)
        bottom_column.addWidget(self.preview, 1)

        top = QWidget()
        top_column = QVBoxLayout(top)
        top_column.setContentsMargins(0, 0, 0, 0)
        top_column.addLayout(actions)
        top_column.addWidget(self.table, 1)
        top_column.addWidget(self.empty)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.retranslate()

    def retranslate(self) -> None:
        self.log_button.setText(self.tr("Log incident…"))
        self.drafts_button.setText(self.tr("Notification drafts…"))
        self.drafts_button.setToolTip(
            self.tr("PIPL art. 57: the report to the authority and the notice to the people affected, as PDF and text")
        )
        self.language_label.setText(self.tr("Language:"))
        for i, text in enumerate((self.tr("Chinese and English"), self.tr("Chinese"), self.tr("English"))):
            self.language.setItemText(i, text)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Found"),
                self.tr("Kind"),
                self.tr("What happened"),
                self.tr("Rows"),
                self.tr("People (upper estimate)"),
                self.tr("Recorded by"),
            ]
        )
        self.empty.setText(
            self.tr(
                "No incident on record. If data was leaked, altered or lost, or may have been, log it at once: the "
                "people affected are counted from the data and the notification drafts are written from the facts."
            )
        )
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 2)
            item.setText(kind_name(str(item.data(_ID))))

    # --- session and register ----------------------------------------------------------------------------------
    def set_session(self, session: Session | None) -> None:
        self._session = session
        if self.dialog is not None:
            self.dialog.reject()
        self.dialog = None
        self.result.setText("")
        self.preview.clear()
        allowed = session is not None and session.can(Permission.VIEW_REDACTED)
        for widget in (self.log_button, self.drafts_button, self.language_label, self.language):
            widget.setVisible(allowed)
        if not allowed:
            self._fill([])
            return
        self.reload()

    def reload(self, select: int | None = None) -> None:
        session = self._session
        if session is None or not session.vault.is_open or not session.can(Permission.VIEW_REDACTED):
            return
        current = select if select is not None else self.selected_id()
        try:
            found = incident_flows.list_incidents(session)
        except DataroomError as err:
            messages.show_error(self, err)
            return
        self._fill(found)
        ids = [i.id for i in found]
        if current in ids:
            self.table.selectRow(ids.index(current))
        elif ids:
            self.table.selectRow(len(ids) - 1)  # the latest: the one most likely to need drafts

    def _fill(self, found: list[Incident]) -> None:
        self.table.setRowCount(len(found))
        for row, incident in enumerate(found):
            cells = [
                str(incident.id),
                incident.found_at.replace("T", " "),
                kind_name(str(incident.content["kind"])),
                incident.title,
                f"{incident.affected_rows:,}",
                f"{incident.affected_subjects:,}",
                incident.recorded_by,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(_ID, incident.id if column != 2 else incident.content["kind"])
                self.table.setItem(row, column, item)
        self.empty.setVisible(not found)
        self._selection_changed()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return int(self.table.item(rows[0].row(), 0).data(_ID)) if rows else None

    def _selection_changed(self) -> None:
        self.drafts_button.setEnabled(self.selected_id() is not None)

    # --- logging -----------------------------------------------------------------------------------------------
    def open_dialog(self) -> IncidentDialog | None:
        """The dialog, window-modal but not blocking; OK records the incident on the worker."""
        session = self._session
        if session is None:
            return None
        try:
            datasets = dataset_flows.list_datasets(session)
        except DataroomError as err:
            messages.show_error(self, err)
            return None
        dialog = IncidentDialog(datasets, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.log(dialog.facts()))
        dialog.finished.connect(lambda _r: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _forget_dialog(self, dialog: IncidentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def log(self, facts: IncidentFacts) -> None:
        """Record the incident; counting the people affected reads every affected row, so it can be cancelled."""
        session = self._session
        if session is None:
            return

        def done(incident: Incident) -> None:
            messages.show_info(
                self,
                self.tr(
                    "Incident #{id} recorded: {rows} rows, about {people} people affected. Write the notification "
                    "drafts next."
                ).format(id=incident.id, rows=f"{incident.affected_rows:,}", people=f"{incident.affected_subjects:,}"),
            )
            self.reload(incident.id)
            self.changed.emit()

        run_busy(
            self,
            self.tr("Counting the people affected…"),
            lambda progress, cancel: incident_flows.log_incident(session, facts, progress=progress, cancel=cancel),
            done,
            cancellable=True,
        )

    # --- drafts ------------------------------------------------------------------------------------------------
    def ask_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder for the notification drafts"), str(Path.home()))
        return Path(chosen) if chosen else None

    def _drafts(self) -> None:
        incident_id = self.selected_id()
        if incident_id is None:
            return
        folder = self.ask_folder()
        if folder is not None:
            self.write_drafts(incident_id, folder)

    def write_drafts(self, incident_id: int, folder: Path, *, use_pdftoppm: bool = True) -> None:
        """Write the drafts in the chosen language into ``folder`` on the worker, then show them."""
        session = self._session
        if session is None:
            return
        language = str(self.language.currentData())

        def job(_progress: object, _cancel: object) -> Drafts:
            files = incident_flows.render_incident(session, incident_id, folder, language)
            pdfs = [f for f in files if f.suffix == ".pdf"]
            texts = [f for f in files if f.suffix == ".txt"]
            return Drafts(files, first_page(pdfs[0], texts[0], use_pdftoppm=use_pdftoppm))

        run_busy(self, self.tr("Writing the notification drafts…"), job, self._show_drafts)

    def _show_drafts(self, drafts: Drafts) -> None:
        self.result.setText(
            self.tr("Wrote {count} files: {files}. Check them, then send them as the law requires.").format(
                count=len(drafts.files), files=", ".join(str(f) for f in drafts.files)
            )
        )
        self.preview.show_preview(drafts.preview)
        self.preview.pages_scroll.verticalScrollBar().setValue(0)
        self.changed.emit()
