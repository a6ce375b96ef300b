"""Cancellation token and progress callback type shared by every long-running core function."""

from __future__ import annotations

import threading
from collections.abc import Callable

from dataroom.core.errors import Cancelled

#: ``progress(done, total)``; ``total`` may be 0 when unknown.
Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """A progress callback that ignores its arguments."""


class CancelToken:
    """Thread-safe flag a GUI (or a signal handler) sets and a worker polls between batches."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the operation to stop at its next check."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancellation was requested."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if cancellation was requested."""
        if self._event.is_set():
            raise Cancelled("The operation was cancelled; nothing was changed.")
