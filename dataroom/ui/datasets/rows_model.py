"""The table model of the dataset view: pages of the redacted (or, for roles allowed to, raw) rows, fetched on
the worker around what the view paints, and never the whole dataset.

* ``rowCount`` is the view's ``count()``; ``data`` looks the row up in a small LRU cache of pages of
  :data:`PAGE_ROWS` rows. A row not cached yet shows "…" and asks for its page.
* Page requests are served one at a time on the worker thread, newest first, and stale requests are dropped: when
  the user drags the scroll bar across a million rows, only the pages where the view stops are read. When the
  view is idle the neighbouring pages are read ahead, so scrolling on shows cached rows.
* Opening (which is an audited action), sorting (which may build an index) and filtering (which counts the
  matches) all run on the worker, so the GUI thread never waits on the vault.
* Raw rows go through ``flows.datasets.raw_rows`` (which requires the raw-data right) for the row numbers the
  redacted view's page holds, so raw mode shows the same rows in the same order and with the same filter.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.redaction.preview import PreviewView
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import theme, worker
from dataroom.ui.datasets import names
from dataroom.ui.datasets.badges import CLASS_ROLE, OVERRIDDEN_ROLE, TYPE_ROLE
from dataroom.ui.datasets.rows_pages import PAGE_ROWS, ColumnMeta, Opened, Page, column_meta, fetch_page

Index = QModelIndex | QPersistentModelIndex

#: Pages kept (LRU): 16 × 200 rows of a dozen short strings is well under 10 MB.
CACHE_PAGES = 16
#: Requests kept waiting while one page is read; older ones are where the view no longer is.
MAX_WAITING = 6
#: What a cell shows until its page arrives.
LOADING = "…"
#: Row number role (the dataset's own row number, not the position in the view).
ROW_NUMBER_ROLE = int(Qt.ItemDataRole.UserRole) + 10


class PreviewTableModel(QAbstractTableModel):
    """Rows of one dataset's redacted (or raw) view, paged on demand. Call :meth:`open`; :meth:`clear` on lock."""

    #: A view is open (after :meth:`open`, a sort or a filter): the row count and columns are known.
    opened = Signal()
    #: Opening or a page read failed: the error, to show.
    failed = Signal(object)
    #: Whether the model is waiting for the worker (opening, or pages being read).
    busy_changed = Signal(bool)
    #: A page arrived (its index).
    page_loaded = Signal(int)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._session: Session | None = None
        self._dataset: str | None = None
        self._view: PreviewView | None = None
        self._raw = False
        self._sort: str | None = None
        self._descending = False
        self._where: str | None = None
        self._count = 0
        self._columns: list[ColumnMeta] = []
        self._classes: list[ColumnClass] = []
        self._pages: OrderedDict[int, Page] = OrderedDict()
        self._waiting: OrderedDict[int, None] = OrderedDict()
        self._in_flight: int | None = None
        self._opening = False
        self._last_wanted = 0
        self._generation = 0
        self._pump_scheduled = False
        #: Pages a cell showed "…" for: only their arrival needs a repaint (read-ahead pages are off screen).
        self._shown_loading: set[int] = set()
        self.fetches = 0  # pages read since the last open (tests and the benchmark look)

    # --- state ---------------------------------------------------------------------------------------------------
    @property
    def dataset(self) -> str | None:
        return self._dataset

    @property
    def view(self) -> PreviewView | None:
        return self._view

    @property
    def raw(self) -> bool:
        return self._raw

    @property
    def sort_column(self) -> str | None:
        return self._sort

    @property
    def descending(self) -> bool:
        return self._descending

    @property
    def where(self) -> str | None:
        return self._where

    @property
    def columns(self) -> list[ColumnMeta]:
        return list(self._columns)

    def is_busy(self) -> bool:
        return self._opening or self._in_flight is not None

    def clear(self) -> None:
        """Forget everything (the vault is being locked, or no dataset is selected)."""
        self._generation += 1
        self.beginResetModel()
        self._session = self._dataset = self._view = None
        self._count = 0
        self._columns = []
        self._classes = []
        self._pages.clear()
        self._waiting.clear()
        self._shown_loading.clear()
        self._in_flight = None
        self._opening = False
        self.endResetModel()
        self.busy_changed.emit(False)

    def open(
        self,
        session: Session,
        dataset: str,
        *,
        classes: Sequence[ColumnClass] = (),
        raw: bool = False,
        sort: str | None = None,
        descending: bool = False,
        where: str | None = None,
    ) -> None:
        """Open ``dataset``'s view on the worker (audited by the core); rows appear when it is open."""
        if raw and not session.can(Permission.VIEW_RAW):
            raw = False  # the toggle is hidden for such roles; the core would refuse anyway
        self._generation += 1
        generation = self._generation
        self._session, self._dataset = session, dataset
        self._raw, self._sort, self._descending, self._where = raw, sort, descending, where or None
        self._classes = list(classes)
        self._opening = True
        self.busy_changed.emit(True)
        where_text = self._where

        def job(_progress: object, _cancel: object) -> Opened:
            view = redaction_flows.open_preview(session, dataset, sort=sort, descending=descending, where=where_text)
            if view.order.position is not None:
                view.prepare()  # sort index and jump anchors now, not on the first jump
            count = view.count()
            first = fetch_page(view, 0, session=session, raw=raw)
            return Opened(view, count, first)

        task = worker.Task(job)
        task.succeeded.connect(lambda result: self._opened(generation, result))
        task.failed.connect(lambda err: self._open_failed(generation, err))
        task.start()

    def reopen(self, **changes: Any) -> None:
        """Open the current dataset again with some of ``raw``, ``sort``, ``descending``, ``where`` changed."""
        if self._session is None or self._dataset is None:
            return
        options = {"raw": self._raw, "sort": self._sort, "descending": self._descending, "where": self._where}
        options.update(changes)
        self.open(self._session, self._dataset, classes=self._classes, **options)

    def set_classes(self, classes: Sequence[ColumnClass]) -> None:
        """New classifications (after an override): the header badges follow at once."""
        self._classes = list(classes)
        if self._view is not None:
            self._columns = column_meta(self._view, self._classes, self._raw)
            if self._columns:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)

    def _opened(self, generation: int, result: Opened) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._view = result.view
        self._count = result.count
        self._columns = column_meta(result.view, self._classes, self._raw)
        self._pages.clear()
        self._waiting.clear()
        self._shown_loading.clear()
        self._in_flight = None
        self._pages[0] = result.first
        self.fetches = 1
        self._opening = False
        self.endResetModel()
        self.busy_changed.emit(False)
        self.opened.emit()

    def _open_failed(self, generation: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self._opening = False
        self.busy_changed.emit(self.is_busy())
        self.failed.emit(err)

    # --- paging --------------------------------------------------------------------------------------------------
    def page(self, index: int) -> Page | None:
        return self._pages.get(index)

    def cached_pages(self) -> list[int]:
        return list(self._pages)

    def is_loaded(self, row: int) -> bool:
        return row // PAGE_ROWS in self._pages

    def rows_loaded(self, first: int, last: int) -> bool:
        """Whether every row from ``first`` to ``last`` (inclusive) is cached."""
        if self._count == 0:
            return True
        last = min(last, self._count - 1)
        return all(p in self._pages for p in range(max(first, 0) // PAGE_ROWS, last // PAGE_ROWS + 1))

    def request_rows(self, first: int, last: int) -> None:
        """Ask for the pages holding rows ``first``..``last`` (the view asks through ``data`` anyway)."""
        for p in range(max(first, 0) // PAGE_ROWS, min(last, self._count - 1) // PAGE_ROWS + 1):
            self._request(p)

    def _request(self, index: int, *, ahead: bool = False) -> None:
        if index in self._pages or index == self._in_flight or self._view is None:
            return
        if not ahead:
            self._last_wanted = index
        self._waiting[index] = None
        self._waiting.move_to_end(index)
        while len(self._waiting) > MAX_WAITING:
            self._waiting.popitem(last=False)
        if not self._pump_scheduled:
            # Not from inside ``data()`` (we are in the middle of a paint): start the read from the event loop.
            self._pump_scheduled = True
            QTimer.singleShot(0, self._pump)

    def _pump(self) -> None:
        self._pump_scheduled = False
        view, session = self._view, self._session
        if self._in_flight is not None or view is None or not self._waiting:
            return
        index, _ = self._waiting.popitem(last=True)  # newest first: where the view is now
        if index in self._pages:
            self._pump()
            return
        previous = self._pages.get(index - 1)
        # Continuing from the previous page's last row is a keyset read; only filtered views need it (their jumps
        # walk from the start), row and sorted orders jump in constant time.
        after = previous.last_row if previous is not None and self._where else None
        raw, generation = self._raw, self._generation
        self._in_flight = index
        self.busy_changed.emit(True)
        task = worker.Task(lambda _p, _c: fetch_page(view, index, session=session, raw=raw, after=after))
        task.succeeded.connect(lambda page: self._page_arrived(generation, page))
        task.failed.connect(lambda err: self._page_failed(generation, index, err))
        task.start()

    def _store(self, page: Page) -> None:
        self._pages[page.index] = page
        self._pages.move_to_end(page.index)
        while len(self._pages) > CACHE_PAGES:
            self._pages.popitem(last=False)

    def _page_arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        self._in_flight = None
        self.fetches += 1
        self._store(page)
        first = page.index * PAGE_ROWS
        last = min(first + PAGE_ROWS, self._count) - 1
        if page.index in self._shown_loading and last >= first and self._columns:
            # One changed range repaints the whole viewport, so only pages someone saw as "…" announce themselves.
            self._shown_loading.discard(page.index)
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))
        self.page_loaded.emit(page.index)
        if not self._waiting:
            # Idle: read ahead around where the view last asked, so scrolling on finds its rows cached.
            for neighbour in (self._last_wanted + 1, self._last_wanted - 1):
                if 0 <= neighbour * PAGE_ROWS < self._count and neighbour not in self._pages:
                    self._request(neighbour, ahead=True)
                    break
        self._pump()
        self.busy_changed.emit(self.is_busy())

    def _page_failed(self, generation: int, index: int, err: BaseException) -> None:
        if generation != self._generation:
            return
        self._in_flight = None
        # Remember the failure as an empty page, or the view would ask again at every repaint.
        self._store(Page(index, [], [], None, error=str(err)))
        self._shown_loading.discard(index)
        self.failed.emit(err)
        self._pump()
        self.busy_changed.emit(self.is_busy())

    # --- reading what is shown --------------------------------------------------------------------------------------
    def cell(self, row: int, column: int) -> str | None:
        """The cached text at (row, column); ``None`` while its page is not loaded."""
        page = self._pages.get(row // PAGE_ROWS)
        if page is None:
            return None
        offset = row - page.index * PAGE_ROWS
        if offset >= len(page.rows):
            return ""
        values = page.rows[offset]
        return values[column] if column < len(values) else ""

    def row_number(self, row: int) -> int | None:
        """The dataset's row number shown at ``row`` (``None`` if not loaded)."""
        page = self._pages.get(row // PAGE_ROWS)
        if page is None:
            return None
        offset = row - page.index * PAGE_ROWS
        return page.row_numbers[offset] if offset < len(page.row_numbers) else None

    def column_of(self, name: str) -> int | None:
        return next((i for i, c in enumerate(self._columns) if c.name == name), None)

    # --- Qt model API ----------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(section + 1)
            return None
        if not 0 <= section < len(self._columns):
            return None
        meta = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return meta.name
        if role == CLASS_ROLE:
            return meta.data_class
        if role == TYPE_ROLE:
            if meta.derived:
                return self.tr("derived: {field}").format(field=names.derive_field_name(meta.derived))
            return names.type_name(meta.type) if meta.type else self.tr("not classified")
        if role == OVERRIDDEN_ROLE:
            return meta.overridden
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [meta.name]
            if meta.source != meta.name:
                parts.append(self.tr("from column {source}").format(source=meta.source))
            if meta.type:
                parts.append(self.tr("Type: {type}").format(type=names.type_name(meta.type)))
            if meta.data_class:
                parts.append(
                    self.tr("Class: {cls} — {hint}").format(
                        cls=names.class_name(meta.data_class), hint=names.class_hint(meta.data_class)
                    )
                )
            if meta.overridden:
                parts.append(self.tr("Class or type set by a reviewer (✎)"))
            if meta.op and not self._raw:
                parts.append(self.tr("Released as: {op}").format(op=names.operator_name(meta.op)))
            parts.append(self.tr("Click to sort by this column"))
            return "\n".join(parts)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.cell(row, column)
            if value is None:
                if role == Qt.ItemDataRole.DisplayRole:
                    self._shown_loading.add(row // PAGE_ROWS)
                    self._request(row // PAGE_ROWS)
                    return LOADING
                return None
            if role == Qt.ItemDataRole.ToolTipRole:
                return value if len(value) > 24 else None
            return value
        if role == Qt.ItemDataRole.ForegroundRole and not self.is_loaded(row):
            return QBrush(QColor(theme.MUTED))
        if role == ROW_NUMBER_ROLE:
            return self.row_number(row)
        return None
