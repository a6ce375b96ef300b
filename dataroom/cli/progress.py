"""A progress line on stderr for long CLI operations (only when stderr is a terminal)."""

from __future__ import annotations

import sys
import time


class ProgressLine:
    """Callable ``progress(done, total)`` that redraws one line at most ten times a second."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.enabled = sys.stderr.isatty()
        self._last = 0.0
        self._start = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.1:
            return
        self._last = now
        share = f"{100 * done / total:5.1f}%" if total else f"{done:,}"
        sys.stderr.write(f"\r{self.label}: {share}  ({now - self._start:.1f} s)")
        sys.stderr.flush()

    def done(self) -> None:
        if self.enabled:
            sys.stderr.write("\r" + " " * 60 + "\r")
            sys.stderr.flush()
