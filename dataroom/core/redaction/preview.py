"""The redacted preview: pages of the redacted view, read in any order with an optional filter, redacted on the
fly — nothing of the view is ever materialised.

A :class:`PreviewView` is what a user opens (one audited action); its pages are then read as often as the GUI
scrolls. It keeps the vault, not a connection, so every read uses the calling thread's own connection.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError
from dataroom.core.redaction import paging
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.paging import Order
from dataroom.core.redaction.where import Where, register_functions

MAX_PAGE = 10_000


class HasConnection(Protocol):
    def connection(self) -> Any: ...


@dataclass
class PreviewPage:
    """Redacted rows of one page. ``start`` is the 1-based position of the first row in the view's order (``None``
    after :meth:`PreviewView.page_after` on a filtered view, where positions are not counted)."""

    headers: list[str]
    rows: list[tuple[str, ...]]
    row_numbers: list[int]
    start: int | None
    #: Row number of the last row read (the cursor for the next page); ``None`` at the end.
    last_row: int | None
    blanked: int = 0
    dropped: int = 0
    total: int | None = None
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "headers": self.headers,
            "start": self.start,
            "total": self.total,
            "rows": [{"row": n, "values": list(r)} for n, r in zip(self.row_numbers, self.rows, strict=True)],
            "blanked": self.blanked,
            "dropped": self.dropped,
            "label": "de-identified, not anonymised / 已去标识化，非匿名化",
        }


class PreviewView:
    """A redacted view of ``info`` under ``compiled``, in ``order``, optionally filtered by ``where``."""

    def __init__(
        self, vault: HasConnection, info: DatasetInfo, compiled: CompiledPolicy, order: Order, where: Where | None
    ) -> None:
        self.vault = vault
        self.info = info
        self.compiled = compiled
        self.order = order
        self.where = where

    @property
    def headers(self) -> list[str]:
        return self.compiled.headers

    def _conn(self) -> Any:
        conn = self.vault.connection()
        if self.where is not None:
            register_functions(conn)
        return conn

    def prepare(self) -> None:
        """Create the sort index (and jump anchors) now rather than on the first jump; idempotent."""
        conn = self._conn()
        if self.order.position is not None:
            paging.ensure_index(conn, self.info, self.order.position)
        if self.where is None:
            paging.ensure_anchors(conn, self.info, self.order.position)

    def count(self) -> int:
        """Rows in the view (before suppression): the dataset's size, or a count of the filter's matches."""
        if self.where is None:
            return self.info.row_count
        sql = f"SELECT count(*) FROM {self.info.table} WHERE {self.where.sql}"
        return int(self._conn().execute(sql, self.where.params).fetchone()[0])

    def _page(self, raw: list[tuple[Any, ...]], start: int | None, limit: int) -> PreviewPage:
        batch = self.compiled.apply(raw)
        total = self.info.row_count if self.where is None else None
        last = raw[-1][0] if len(raw) == limit else None
        return PreviewPage(
            self.headers, batch.rows, batch.row_numbers, start, last, batch.blanked, batch.dropped, total
        )

    def page_at(self, start: int, limit: int = 100) -> PreviewPage:
        """``limit`` rows from 1-based position ``start`` of the view's order (fast anywhere without a filter)."""
        limit = _check_limit(limit)
        if start < 1:
            raise InputError("Row positions start at 1.")
        conn = self._conn()
        if start == 1:
            return self._page(self.order.fetch(conn, "*", limit, where=self.where), 1, limit)
        if self.where is None:
            ascending = self.info.row_count - start + 1 if self.order.descending else start
            key = paging.key_at(conn, self.order, ascending)
        else:
            key = self.order.walk(conn, None, start, self.where)
        if key is None:
            return PreviewPage(self.headers, [], [], start, None, total=self.info.row_count if not self.where else None)
        raw = self.order.fetch(conn, "*", limit, key, inclusive=True, where=self.where)
        return self._page(raw, start, limit)

    def page_after(self, last_row: int | None, limit: int = 100) -> PreviewPage:
        """The page following the row numbered ``last_row`` (a previous page's ``last_row``); the first page when
        ``None``. Pure keyset paging, the cheapest way to scroll."""
        limit = _check_limit(limit)
        conn = self._conn()
        key = None if last_row is None else self.order.key_of(conn, last_row)
        if last_row is not None and key is None:
            raise InputError(f"Row {last_row} is no longer in the dataset; start again from the first page.")
        return self._page(self.order.fetch(conn, "*", limit, key, where=self.where), None, limit)


def _check_limit(limit: int) -> int:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"A page holds 1 to {MAX_PAGE:,} rows.")
    return limit
