"""Running core functions off the GUI thread: one dedicated worker thread, results and progress as queued signals.

A core call is wrapped as ``fn(progress, cancel)``; the worker calls it, and its ``progress(done, total)`` callback
and its result or exception reach the GUI thread as signals. One thread (never expiring) owns the worker's vault
connection, the way Anki keeps one thread on the collection: jobs run one after another, never two on the vault.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from dataroom.core.cancel import CancelToken, Progress

#: ``fn(progress, cancel) -> result``
Job = Callable[[Progress, CancelToken], Any]

#: Progress reaches the GUI at most this often (a core loop may report thousands of times a second).
PROGRESS_INTERVAL_S = 0.05

_pool: QThreadPool | None = None
_running: set[Task] = set()


class _Notifier(QObject):
    """Emits :attr:`became_idle` on the GUI thread when the last queued job has delivered its result."""

    became_idle = Signal()


_notifier: _Notifier | None = None


def notifier() -> _Notifier:
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def pool() -> QThreadPool:
    """The single worker thread (created on first use)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
        _pool.setExpiryTimeout(-1)  # keep the thread: its SQLCipher connection stays valid and warm
    return _pool


def busy() -> bool:
    """Whether a job is queued or running (the idle lock waits for it)."""
    return bool(_running)


def wait_idle(timeout_ms: int = 30_000) -> bool:
    """Block until every job finished (app shutdown and tests); their results are still delivered later."""
    return pool().waitForDone(timeout_ms)


class Task(QObject):
    """One job. Connect to ``succeeded``/``failed``/``progressed`` then call :meth:`start`.

    Every public signal is emitted on the GUI thread: the worker emits private signals into this object's own
    slots, which Qt queues because this object lives on the GUI thread.
    """

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()

    _result = Signal(object, object)
    _progress = Signal(int, int)

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job = job
        self.cancel_token = CancelToken()
        self._last_progress = 0.0
        self._result.connect(self._deliver)
        self._progress.connect(self._relay_progress)

    def start(self) -> Task:
        _running.add(self)
        pool().start(_Runnable(self))
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it then fails with ``Cancelled``."""
        self.cancel_token.cancel()

    # --- worker thread -------------------------------------------------------------------------------------------
    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total > 0 or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._progress.emit(int(done), int(total))

    def _run(self) -> None:
        try:
            result = self._job(self._report, self.cancel_token)
        except BaseException as exc:  # every failure must reach the GUI, never vanish in a thread
            self._result.emit(None, exc)
        else:
            self._result.emit(result, None)

    # --- GUI thread ----------------------------------------------------------------------------------------------
    @Slot(int, int)
    def _relay_progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)

    @Slot(object, object)
    def _deliver(self, result: object, error: object) -> None:
        _running.discard(self)
        if error is None:
            self.succeeded.emit(result)
        else:
            self.failed.emit(error)
        self.finished.emit()
        if not _running:
            notifier().became_idle.emit()


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()


def run(job: Job, parent: QObject | None = None) -> Task:
    """Create and start a :class:`Task`."""
    return Task(job, parent).start()
