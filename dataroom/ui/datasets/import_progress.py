"""Running imports on the worker, one table (sheet) after another, behind a progress dialog that shows the
speed (MB/s for text files, rows/s for workbooks) and the time left, with a Cancel that really stops: the core
imports each table in one transaction, so a cancelled table leaves no dataset behind."""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QWidget

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import Cancelled
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.ingest.table import SourceFormat
from dataroom.core.session import Session
from dataroom.ui import worker
from dataroom.ui.busy import BusyDialog

#: Speed is measured over the last few seconds (a whole-run average hides a slowdown; one sample is noise).
WINDOW_S = 3.0


@dataclass(frozen=True)
class ImportRequest:
    """One table to import: a CSV file, or one sheet of a workbook."""

    path: Path
    name: str
    fmt: SourceFormat | None = None
    sheet: str | None = None

    @property
    def unit(self) -> str:
        """``bytes`` for text files (the reader reports file position), ``rows`` for workbooks."""
        kind = (
            self.fmt.kind
            if self.fmt is not None
            else ("csv" if self.path.suffix.lower() not in (".xlsx", ".xls") else "xlsx")
        )
        return "bytes" if kind == "csv" else "rows"


class RateMeter:
    """Speed and time left from ``(done, total)`` samples, over a sliding window."""

    def __init__(self, window_s: float = WINDOW_S, clock: Any = time.monotonic) -> None:
        self._clock = clock
        self._window = window_s
        self._samples: deque[tuple[float, int]] = deque()
        self.done = 0
        self.total = 0

    def add(self, done: int, total: int) -> None:
        now = self._clock()
        if not self._samples:
            self._samples.append((now, 0))
        self._samples.append((now, done))
        while len(self._samples) > 2 and now - self._samples[1][0] > self._window:
            self._samples.popleft()
        self.done, self.total = done, total

    def rate(self) -> float | None:
        """Units per second, or ``None`` before there is enough to say."""
        if len(self._samples) < 2:
            return None
        (t0, d0), (t1, d1) = self._samples[0], self._samples[-1]
        if t1 - t0 < 0.05 or d1 <= d0:
            return None
        return (d1 - d0) / (t1 - t0)

    def seconds_left(self) -> float | None:
        rate = self.rate()
        if rate is None or self.total <= self.done:
            return None
        return (self.total - self.done) / rate


def format_duration(seconds: float) -> str:
    """``42 s``, ``3 min 05 s``, ``1 h 02 min`` (language-neutral units)."""
    s = round(seconds)
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60:02d} s"
    return f"{s // 3600} h {(s % 3600) // 60:02d} min"


class ImportProgressDialog(BusyDialog):
    """The busy dialog of one import, with what is done, the speed and the time left."""

    def __init__(self, parent: QWidget | None, request: ImportRequest, task: worker.Task, heading: str) -> None:
        self.meter = RateMeter()
        self._request = request
        self._heading = heading
        super().__init__(parent, heading, task, cancellable=True)
        self.setMinimumWidth(460)

    def _on_progress(self, done: int, total: int) -> None:
        super()._on_progress(done, total)
        if self._task.cancel_token.cancelled:
            return
        self.meter.add(done, total)
        self.setLabelText(self._heading + "\n" + self.progress_text())

    def progress_text(self) -> str:
        """``12.0 MB of 80.0 MB · 25.3 MB/s · about 3 s left`` (or rows for workbooks)."""
        meter, locale = self.meter, QLocale()
        rate = meter.rate()
        if self._request.unit == "bytes":
            if meter.total and meter.done >= meter.total:
                return self.tr("All read; classifying the columns…")
            amount = self.tr("{done} MB of {total} MB").format(
                done=locale.toString(meter.done / 1e6, "f", 1), total=locale.toString(meter.total / 1e6, "f", 1)
            )
            speed = self.tr("{rate} MB/s").format(rate=locale.toString(rate / 1e6, "f", 1)) if rate else ""
        else:
            amount = self.tr("{done} rows read").format(done=locale.toString(meter.done))
            speed = self.tr("{rate} rows/s").format(rate=locale.toString(int(rate))) if rate else ""
        left = meter.seconds_left()
        eta = self.tr("about {time} left").format(time=format_duration(left)) if left is not None else ""
        return " · ".join(p for p in (amount, speed, eta) if p)


class ImportRunner(QObject):
    """Imports the requests one after another; ``finished(imported, error)`` once at the end (``error`` is the
    failure that stopped the run, ``Cancelled`` included; the tables imported before it stay)."""

    finished = Signal(list, object)
    #: Each dataset as it is imported.
    imported = Signal(object)
    #: The task of the table being imported (tests and the benchmark watch it).
    started = Signal(object)

    def __init__(self, session: Session, requests: list[ImportRequest], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._requests = list(requests)
        self._parent = parent
        self._done: list[DatasetInfo] = []
        self.task: worker.Task | None = None
        self.dialog: ImportProgressDialog | None = None

    def start(self) -> ImportRunner:
        self._next()
        return self

    def cancel(self) -> None:
        self._requests.clear()
        if self.task is not None:
            self.task.cancel()

    def _next(self) -> None:
        if not self._requests:
            self.task = self.dialog = None
            self.finished.emit(self._done, None)
            return
        request = self._requests.pop(0)
        total = len(self._done) + len(self._requests) + 1
        session = self._session

        def job(progress: Any, cancel: Any) -> DatasetInfo:
            return dataset_flows.import_dataset(
                session,
                request.path,
                name=request.name,
                fmt=request.fmt,
                sheet=request.sheet,
                progress=progress,
                cancel=cancel,
            )

        heading = self.tr("Importing {file} as “{name}”…").format(file=request.path.name, name=request.name)
        if total > 1:
            heading = self.tr("Table {n} of {total}: ").format(n=len(self._done) + 1, total=total) + heading
        task = worker.Task(job)
        self.task = task
        self.dialog = ImportProgressDialog(self._parent, request, task, heading)
        self.dialog.canceled.connect(self._requests.clear)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        self.started.emit(task)
        task.start()

    def _succeeded(self, info: DatasetInfo) -> None:
        self._done.append(info)
        self.imported.emit(info)
        self._next()

    def _failed(self, err: BaseException) -> None:
        self._requests.clear()
        self.task = self.dialog = None
        self.finished.emit(self._done, err)


def was_cancelled(err: object) -> bool:
    return isinstance(err, Cancelled)
