"""The import dialog: what was detected in a file (encoding, delimiter, sheets, header row), controls to change
it, a live preview of the first rows read the way the import will read them, warnings in words, and for
workbooks the sheets to import (one dataset each) with their names.

Every change re-reads the preview with ``flows.datasets.inspect_file`` on the worker (the latest change wins);
the dialog itself never reads the file. It returns :class:`ImportRequest` objects for the page to run.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.datasets.importer import check_name
from dataroom.core.errors import DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows.datasets import FilePreview
from dataroom.core.ingest.table import SourceFormat
from dataroom.ui import messages, worker
from dataroom.ui.datasets import names
from dataroom.ui.datasets.import_progress import ImportRequest
from dataroom.ui.widgets import Retranslating, label

#: File name endings offered in the file dialog and accepted when dropped (the core checks the content).
SUFFIXES = (".csv", ".txt", ".tsv", ".xlsx", ".xls")
#: Encodings offered for text files (the detected one is added when it is not among them).
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "big5")
DELIMITERS = (",", ";", "\t", "|")
#: Changes are read again after this pause, so typing in a combo does not start a read per key.
DEBOUNCE_MS = 150


def default_dataset_name(path: Path, sheet: str | None, sheets: int) -> str:
    """``customers`` for ``customers.csv``; ``customers – Sheet2`` for one sheet of several (as the core names it)."""
    return f"{path.stem} – {sheet}" if sheet and sheets > 1 else path.stem


class ImportDialog(Retranslating, QDialog):
    """Shows ``path`` as it will be imported. ``existing`` are the dataset names already taken."""

    #: A preview was read (tests wait for it).
    preview_ready = Signal()

    def __init__(self, path: Path, existing: list[str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self._existing = {n.casefold() for n in existing or []}
        self._fmt: SourceFormat | None = None
        self._sheet_formats: dict[str, SourceFormat] = {}
        self._preview: FilePreview | None = None
        self._generation = 0
        self._loading = False
        self.setMinimumSize(760, 560)

        self.file_label = label("section", wrap=True)
        self.detected = label("muted", wrap=True)

        # format controls (text files)
        self.encoding = QComboBox()
        self.delimiter = QComboBox()
        self.header_row = QCheckBox()
        self.name = QLineEdit(self._free_name(default_dataset_name(self.path, None, 0)))
        self.format_box = QGroupBox()
        self.format_form = QFormLayout(self.format_box)
        self.encoding_caption, self.delimiter_caption, self.name_caption = QLabel(), QLabel(), QLabel()
        self.format_form.addRow(self.encoding_caption, self.encoding)
        self.format_form.addRow(self.delimiter_caption, self.delimiter)
        self.format_form.addRow(QLabel(), self.header_row)
        self.format_form.addRow(self.name_caption, self.name)

        # sheets (workbooks)
        self.sheets = QTableWidget(0, 2)
        self.sheets.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sheets.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.sheets.verticalHeader().hide()
        self.sheets.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.sheets.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.sheet_hint = label("muted", wrap=True)
        self.sheet_box = QGroupBox()
        sheet_column = QVBoxLayout(self.sheet_box)
        sheet_column.addWidget(self.sheet_hint)
        sheet_column.addWidget(self.sheets)
        self.sheet_header_row = QCheckBox()
        sheet_column.addWidget(self.sheet_header_row)

        # preview
        self.preview = QTableWidget()
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.horizontalHeader().setDefaultSectionSize(120)
        self.preview_caption = label("section")
        self.loading = label("muted")
        self.warnings = label("", wrap=True)
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.problem = label("error", wrap=True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)

        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.format_box)
        left_column.addWidget(self.sheet_box, 1)
        left_column.addStretch(0)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(0, 0, 0, 0)
        caption_row = QHBoxLayout()
        caption_row.addWidget(self.preview_caption)
        caption_row.addStretch(1)
        caption_row.addWidget(self.loading)
        right_column.addLayout(caption_row)
        right_column.addWidget(self.preview, 1)
        right_column.addWidget(self.warnings)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([270, 520])
        splitter.setChildrenCollapsible(False)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setProperty("primary", True)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.file_label)
        layout.addWidget(self.detected)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._reinspect)
        self.encoding.currentIndexChanged.connect(self._format_changed)
        self.delimiter.currentIndexChanged.connect(self._format_changed)
        self.header_row.toggled.connect(self._format_changed)
        self.sheet_header_row.toggled.connect(self._format_changed)
        self.name.textChanged.connect(self._update_ok)
        self.sheets.itemChanged.connect(lambda _item: self._update_ok())
        self.sheets.currentCellChanged.connect(self._sheet_selected)

        self.format_box.hide()
        self.sheet_box.hide()
        self.retranslate()
        self._inspect(None, None)

    def _free_name(self, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)``… when a dataset already has it."""
        candidate, n = name, 2
        while candidate.casefold() in self._existing:
            candidate, n = f"{name} ({n})", n + 1
        return candidate

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import a table"))
        size = self.path.stat().st_size if self.path.exists() else 0
        self.file_label.setText(
            self.tr("{file} ({size} MB)").format(
                file=self.path.name, size=QLocale().toString(size / 1e6, "f", 1 if size < 1e8 else 0)
            )
        )
        self.format_box.setTitle(self.tr("How to read the file"))
        self.encoding_caption.setText(self.tr("Encoding"))
        self.delimiter_caption.setText(self.tr("Delimiter"))
        self.name_caption.setText(self.tr("Dataset name"))
        self.header_row.setText(self.tr("The first row names the columns"))
        self.sheet_header_row.setText(self.tr("The first row of this sheet names the columns"))
        self.sheet_box.setTitle(self.tr("Sheets"))
        self.sheet_hint.setText(self.tr("Tick the sheets to import; each becomes a dataset with the name shown."))
        self.sheets.setHorizontalHeaderLabels([self.tr("Sheet"), self.tr("Dataset name")])
        self.preview_caption.setText(self.tr("First rows, as they will be imported"))
        self.ok.setText(self.tr("Import"))
        self._fill_delimiters()
        self._show_detected()
        self._update_loading()

    def _fill_delimiters(self) -> None:
        labels = {
            ",": self.tr("Comma ( , )"),
            ";": self.tr("Semicolon ( ; )"),
            "\t": self.tr("Tab"),
            "|": self.tr("Vertical bar ( | )"),
        }
        current = self.delimiter.currentData()
        self.delimiter.blockSignals(True)
        self.delimiter.clear()
        for d in DELIMITERS:
            self.delimiter.addItem(labels[d], d)
        if current is not None and self.delimiter.findData(current) < 0:
            self.delimiter.addItem(repr(current), current)
        self.delimiter.setCurrentIndex(max(self.delimiter.findData(current), 0))
        self.delimiter.blockSignals(False)

    def _encoding_label(self, encoding: str) -> str:
        known = {
            "utf-8": "UTF-8",
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "gb18030": "GB18030",
            "gbk": "GBK",
            "utf-16": "UTF-16",
            "big5": "Big5",
        }
        return known.get(encoding.lower(), encoding)

    def _show_detected(self) -> None:
        fmt = self._current_format()
        if fmt is None:
            self.detected.setText("")
            return
        if fmt.kind == "csv":
            delimiter = self.tr("tab") if fmt.delimiter == "\t" else f"“{fmt.delimiter}”"
            text = self.tr("Detected: text (CSV), {encoding}, fields separated by {delimiter}, {header}.").format(
                encoding=self._encoding_label(fmt.encoding or "utf-8"),
                delimiter=delimiter,
                header=self.tr("first row is a header") if fmt.has_header else self.tr("no header row"),
            )
        else:
            text = self.tr("Detected: Excel workbook ({kind}) with {count} sheet(s); previewing “{sheet}”, {header}.")
            text = text.format(
                kind=fmt.kind.upper(),
                count=len(fmt.sheets),
                sheet=fmt.sheet or "",
                header=self.tr("first row is a header") if fmt.has_header else self.tr("no header row"),
            )
        self.detected.setText(text)

    # --- reading -----------------------------------------------------------------------------------------------
    def _current_format(self) -> SourceFormat | None:
        return self._preview.format if self._preview is not None else self._fmt

    def _inspect(self, sheet: str | None, fmt: SourceFormat | None) -> None:
        """Read the preview on the worker; only the newest request's answer is shown."""
        self._generation += 1
        generation = self._generation
        self._loading = True
        self._update_loading()
        path = self.path
        task = worker.Task(lambda _p, _c: dataset_flows.inspect_file(path, sheet=sheet, fmt=fmt))
        task.succeeded.connect(lambda preview: self._inspected(generation, preview))
        task.failed.connect(lambda err: self._inspect_failed(generation, err))
        task.start()

    def _inspected(self, generation: int, preview: FilePreview) -> None:
        if generation != self._generation:
            return
        self._loading = False
        first = self._fmt is None
        self._preview = preview
        self._fmt = preview.format
        if preview.format.sheet:
            self._sheet_formats[preview.format.sheet] = preview.format
        if first:
            self._setup_controls(preview.format)
        self._sync_controls(preview.format)
        self.problem.setText("")
        self._show_preview(preview)
        self._show_detected()
        self._update_loading()
        self._update_ok()
        self.preview_ready.emit()

    def _inspect_failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self._loading = False
        self._preview = None
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self.warnings.setText("")
        self.problem.setText(messages.error_text(err))
        self._update_loading()
        self._update_ok()
        self.preview_ready.emit()

    def _update_loading(self) -> None:
        self.loading.setText(self.tr("Reading…") if self._loading else "")

    def _setup_controls(self, fmt: SourceFormat) -> None:
        """Show the controls that fit the kind of file (once, after the first detection)."""
        if fmt.kind == "csv":
            self.format_box.show()
            self.encoding.blockSignals(True)
            self.encoding.clear()
            choices = list(ENCODINGS)
            if fmt.encoding and fmt.encoding.lower() not in choices:
                choices.insert(0, fmt.encoding)
            for enc in choices:
                self.encoding.addItem(self._encoding_label(enc), enc)
            self.encoding.blockSignals(False)
            return
        self.sheet_box.show()
        self.sheets.blockSignals(True)
        self.sheets.setRowCount(len(fmt.sheets))
        for row, sheet in enumerate(fmt.sheets):
            item = QTableWidgetItem(sheet)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sheet == fmt.sheet else Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, sheet)
            self.sheets.setItem(row, 0, item)
            name = self._free_name(default_dataset_name(self.path, sheet, len(fmt.sheets)))
            self.sheets.setItem(row, 1, QTableWidgetItem(name))
        current = fmt.sheets.index(fmt.sheet) if fmt.sheet in fmt.sheets else 0
        self.sheets.setCurrentCell(current, 0)
        self.sheets.blockSignals(False)

    def _sync_controls(self, fmt: SourceFormat) -> None:
        """Controls show the format actually read (without re-triggering a read)."""
        widgets = (self.encoding, self.delimiter, self.header_row, self.sheet_header_row)
        for w in widgets:
            w.blockSignals(True)
        if fmt.kind == "csv":
            index = self.encoding.findData(fmt.encoding)
            if index < 0 and fmt.encoding:
                self.encoding.addItem(self._encoding_label(fmt.encoding), fmt.encoding)
                index = self.encoding.count() - 1
            self.encoding.setCurrentIndex(max(index, 0))
            if fmt.delimiter is not None and self.delimiter.findData(fmt.delimiter) < 0:
                self.delimiter.addItem(repr(fmt.delimiter), fmt.delimiter)
            self.delimiter.setCurrentIndex(max(self.delimiter.findData(fmt.delimiter), 0))
            self.header_row.setChecked(fmt.has_header)
        else:
            self.sheet_header_row.setChecked(fmt.has_header)
        for w in widgets:
            w.blockSignals(False)

    def _format_changed(self) -> None:
        self._debounce.start()

    def changed_format(self) -> SourceFormat | None:
        """The detected format with the user's changes."""
        fmt = self._current_format()
        if fmt is None:
            return None
        if fmt.kind == "csv":
            return dataclasses.replace(
                fmt,
                encoding=self.encoding.currentData() or fmt.encoding,
                delimiter=self.delimiter.currentData() or fmt.delimiter,
                has_header=self.header_row.isChecked(),
            )
        return dataclasses.replace(fmt, has_header=self.sheet_header_row.isChecked())

    def _reinspect(self) -> None:
        fmt = self.changed_format()
        if fmt is not None:
            self._inspect(fmt.sheet, fmt)

    def _sheet_selected(self, row: int, _column: int, _prev_row: int, _prev_column: int) -> None:
        item = self.sheets.item(row, 0)
        if item is None:
            return
        sheet = str(item.data(Qt.ItemDataRole.UserRole))
        if self._preview is not None and self._preview.format.sheet == sheet:
            return
        known = self._sheet_formats.get(sheet)
        self._inspect(sheet, known)

    def _show_preview(self, preview: FilePreview) -> None:
        table = self.preview
        table.clear()
        table.setColumnCount(len(preview.header))
        table.setRowCount(len(preview.rows))
        table.setHorizontalHeaderLabels(preview.header)
        for r, row in enumerate(preview.rows):
            for c, value in enumerate(row[: len(preview.header)]):
                table.setItem(r, c, QTableWidgetItem(value))
        lines = ["• " + names.warning_text(w.code, w.message, w.count, w.rows) for w in preview.warnings]
        self.warnings.setText(
            (self.tr("Noticed in the first rows:") + "\n" + "\n".join(lines))
            if lines
            else self.tr("No problems noticed in the first rows. The import reports anything found further on.")
        )
        self.warnings.setProperty("role", "error" if lines else "muted")
        self.warnings.style().unpolish(self.warnings)
        self.warnings.style().polish(self.warnings)

    # --- result ------------------------------------------------------------------------------------------------
    def requests(self) -> list[ImportRequest]:
        """What to import: one request for a text file, one per ticked sheet of a workbook."""
        fmt = self.changed_format()
        if fmt is None:
            return []
        if fmt.kind == "csv":
            return [ImportRequest(self.path, self.name.text().strip(), fmt)]
        out = []
        for row in range(self.sheets.rowCount()):
            item = self.sheets.item(row, 0)
            if item is None or item.checkState() != Qt.CheckState.Checked:
                continue
            sheet = str(item.data(Qt.ItemDataRole.UserRole))
            name_item = self.sheets.item(row, 1)
            name = name_item.text().strip() if name_item is not None else sheet
            sheet_fmt = self.changed_format() if fmt.sheet == sheet else self._sheet_formats.get(sheet)
            out.append(ImportRequest(self.path, name, sheet_fmt, None if sheet_fmt else sheet))
        return out

    def problem_text(self) -> str:
        """Why Import is not possible yet ("" when it is)."""
        if self._preview is None:
            return ""
        requests = self.requests()
        if not requests:
            return self.tr("Tick at least one sheet to import.")
        seen: set[str] = set()
        for request in requests:
            try:
                name = check_name(request.name)
            except DataroomError as err:
                return messages.error_text(err)
            if name.casefold() in self._existing:
                return self.tr("There is already a dataset named “{name}”; choose another name.").format(name=name)
            if name.casefold() in seen:
                return self.tr("Two sheets would get the same name “{name}”.").format(name=name)
            seen.add(name.casefold())
        return ""

    def _update_ok(self) -> None:
        problem = self.problem_text()
        if self._preview is not None:
            self.problem.setText(problem)
        self.ok.setEnabled(self._preview is not None and not problem and not self._loading)

    def _accept(self) -> None:
        self._update_ok()
        if self.ok.isEnabled():
            self.accept()
