"""A modal progress dialog bound to a worker :class:`~dataroom.ui.worker.Task`: the window stays responsive and
repaints while the job runs, but no second action can start on top of it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from dataroom.ui import messages, worker

#: Quick jobs finish before the dialog appears, so it does not flash.
SHOW_DELAY_MS = 250


class BusyDialog(QProgressDialog):
    """Indeterminate until the job reports progress; a Cancel button only when the job honours its token."""

    def __init__(self, parent: QWidget | None, text: str, task: worker.Task, *, cancellable: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Please wait"))
        self.setLabelText(text)
        self.setRange(0, 0)
        self.setMinimumDuration(0)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(380)
        self._task = task
        self._cancellable = cancellable
        if cancellable:
            self.canceled.connect(self.reject)
        else:
            self.setCancelButton(None)
        task.progressed.connect(self._on_progress)
        task.finished.connect(self._finish)
        self._timer = QTimer(self, singleShot=True, interval=SHOW_DELAY_MS)
        self._timer.timeout.connect(self.show)
        self._timer.start()

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.setRange(0, total)
            self.setValue(min(done, total))

    def _finish(self) -> None:
        self._timer.stop()
        self.hide()
        self.deleteLater()

    def reject(self) -> None:
        """Escape, Cancel or the close button: ask the job to stop (if it can); the dialog goes when the job ends."""
        if self._cancellable and not self._task.cancel_token.cancelled:
            self._task.cancel()
            self.setLabelText(self.tr("Cancelling…"))

    def closeEvent(self, event: Any) -> None:  # Qt override
        # Hiding the dialog early would let a second action start on top of the running one.
        event.ignore()
        self.reject()


def run_busy(
    parent: QWidget | None,
    text: str,
    job: worker.Job,
    on_success: Callable[[Any], None] | None = None,
    *,
    on_error: Callable[[BaseException], None] | None = None,
    cancellable: bool = False,
) -> worker.Task:
    """Run ``job`` on the worker behind a :class:`BusyDialog`; errors go to ``on_error`` or a message box."""
    task = worker.Task(job)
    BusyDialog(parent, text, task, cancellable=cancellable)
    if on_success is not None:
        task.succeeded.connect(on_success)
    task.failed.connect(on_error or (lambda err: messages.show_error(parent, err)))
    return task.start()
