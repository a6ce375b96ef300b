"""Importing on the Datasets page: choosing files, one import dialog per file in turn, the import on the worker
behind its progress dialog, and tables dropped on the page or anywhere on the main window.

:class:`ImportActions` is a mixin of :class:`~dataroom.ui.pages.datasets_page.DatasetsPage`, which owns the
widgets; its texts keep the ``DatasetsPage`` translation context, so the catalogue's translations apply unchanged."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages
from dataroom.ui.datasets.import_dialog import SUFFIXES, ImportDialog
from dataroom.ui.datasets.import_progress import ImportRunner, was_cancelled
from dataroom.ui.datasets.list_model import DatasetListModel

if TYPE_CHECKING:
    from dataroom.ui.pages.datasets_page import DatasetsPage


def dropped_tables(paths: list[Path]) -> list[Path]:
    """The local files among ``paths`` that look like tables by their name (the core checks the content)."""
    return [p for p in paths if p.suffix.lower() in SUFFIXES and p.is_file()]


class WindowDrops(QObject):
    """Lets files dropped anywhere on the main window reach the page (the page installs it on its window)."""

    def __init__(self, page: DatasetsPage) -> None:
        super().__init__(page)
        self._page = page

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt override
        if event.type() == QEvent.Type.DragEnter:
            self._page.dragEnterEvent(event)  # type: ignore[arg-type]
            return event.isAccepted()
        if event.type() == QEvent.Type.Drop:
            self._page.dropEvent(event)  # type: ignore[arg-type]
            return True
        return False


class ImportActions:
    """The Datasets page's import and drop handling (mixed into :class:`DatasetsPage`)."""

    _session: Session | None
    _pending_files: list[Path]
    import_dialog: ImportDialog | None
    runner: ImportRunner | None
    list_model: DatasetListModel
    refresh: Callable[..., None]  # the page's: re-read the list, optionally selecting a dataset

    # --- import ------------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        session = self._session
        if session is None or not session.can(Permission.IMPORT):
            return
        patterns = " ".join(f"*{s}" for s in SUFFIXES)
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            QCoreApplication.translate("DatasetsPage", "Import tables"),
            str(Path.home()),
            QCoreApplication.translate("DatasetsPage", "Tables ({patterns})").format(patterns=patterns),
        )
        self.import_files([Path(p) for p in paths])

    def import_files(self, paths: list[Path]) -> None:
        """Open the import dialog for each file in turn."""
        session = self._session
        if session is None or not session.can(Permission.IMPORT):
            return
        self._pending_files.extend(paths)
        if self.import_dialog is None and self.runner is None:
            self._next_file()

    def _next_file(self) -> None:
        if not self._pending_files or self._session is None:
            return
        path = self._pending_files.pop(0)
        dialog = ImportDialog(path, self.list_model.names(), self)
        self.import_dialog = dialog
        dialog.accepted.connect(lambda: self._import_accepted(dialog))
        dialog.rejected.connect(lambda: self._import_closed(dialog))
        dialog.open()

    def _import_closed(self, dialog: ImportDialog) -> None:
        if self.import_dialog is dialog:
            self.import_dialog = None
        dialog.deleteLater()
        self._next_file()

    def _import_accepted(self, dialog: ImportDialog) -> None:
        requests = dialog.requests()
        self.import_dialog = None
        dialog.deleteLater()
        self.run_imports(requests)

    def run_imports(self, requests: list[Any]) -> ImportRunner | None:
        """Import on the worker behind the progress dialog; the list follows each table imported."""
        session = self._session
        if session is None or not requests:
            return None
        runner = ImportRunner(session, requests, self)
        self.runner = runner
        runner.imported.connect(lambda info: self.refresh(select=info.name))
        runner.finished.connect(lambda done, err: self._imports_finished(runner, done, err))
        return runner.start()

    def _imports_finished(self, runner: ImportRunner, done: list[DatasetInfo], err: object) -> None:
        if self.runner is runner:
            self.runner = None
        runner.deleteLater()
        if err is not None:
            if was_cancelled(err):
                text = QCoreApplication.translate(
                    "DatasetsPage", "The import was cancelled; no dataset was created from the interrupted table."
                )
                if done:
                    text += " " + QCoreApplication.translate(
                        "DatasetsPage", "Tables imported before it are kept: {names}."
                    ).format(names=", ".join(d.name for d in done))
                messages.show_info(self, text)
            else:
                messages.show_error(self, err)  # type: ignore[arg-type]
        elif done:
            warned = [d for d in done if d.warnings]
            if warned:
                messages.show_info(
                    self,
                    QCoreApplication.translate(
                        "DatasetsPage",
                        "Imported {names}. Some rows needed attention; hover over the dataset's name to read "
                        "what was found.",
                    ).format(names=", ".join(d.name for d in done)),
                )
        self._next_file()

    # --- drag and drop -----------------------------------------------------------------------------------------
    def _accepts(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        session = self._session
        mime = event.mimeData()
        if session is None or not session.can(Permission.IMPORT) or not mime.hasUrls():
            return []
        return dropped_tables([Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if self._accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: Any) -> None:  # Qt override
        if self._accepts(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        paths = self._accepts(event)
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        window = self.window()
        pages = getattr(window, "pages", None)
        if pages is not None and self in pages and hasattr(window, "show_page"):
            window.show_page(pages.index(self))
        self.import_files(paths)
