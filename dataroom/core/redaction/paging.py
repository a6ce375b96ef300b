"""Ordered, keyset-paged reads of a dataset table, and jumping to any position of an order quickly.

An order is either row order (``rn``) or one column with ``rn`` as tie-breaker, ascending or descending. Sorting
by column ``c<k>`` creates the index ``ds_<id>_c<k> ON ds_<id>(c<k>, rn)`` on first use, so every page is an
index range read: ``(c<k>, rn) > (?, ?) ORDER BY c<k>, rn LIMIT ?`` — never ``OFFSET``.

``NULL`` cells cannot take part in row-value comparisons, so an order is read as two segments: the ``NULL`` cells
(by ``rn``) and the others (by ``c<k>, rn``); ascending puts ``NULL`` first, as SQLite does, descending last.

Jumping to position *p* uses *anchors*: the row number at every :data:`ANCHOR_STEP`-th position of the ascending
order, built once per sorted column by one index scan and kept in ``sort_anchors``. From the nearest anchor at or
before *p* at most ``ANCHOR_STEP - 1`` index keys are walked, so a jump costs about the same anywhere in the order.
A filtered view has no anchors (the filter changes positions), so jumping in it walks from the start.

Cursors handed out are row numbers only: the sort key of the last row shown is looked up again from its row
number, so no original cell value ever leaves this module in a cursor.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from dataroom.core.datasets.store import DatasetInfo, column_name
from dataroom.core.redaction.where import Where
from dataroom.core.timeutil import utc_now

Connection = Any
ANCHOR_STEP = 10_000
_WALK_CHUNK = 10_000


def index_name(info: DatasetInfo, position: int) -> str:
    return f"{info.table}_{column_name(position)}"


def _in_transaction(conn: Connection, sql: str) -> None:
    """Run one statement in the caller's transaction, or in one of its own."""
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(sql)
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise


def ensure_index(conn: Connection, info: DatasetInfo, position: int) -> bool:
    """Create the sort index of column ``position`` unless it exists; returns whether it was created."""
    name = index_name(info, position)
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone():
        return False
    col = column_name(position)
    _in_transaction(conn, f"CREATE INDEX IF NOT EXISTS {name} ON {info.table}({col}, rn)")
    return True


def forget_anchors(conn: Connection, info: DatasetInfo) -> None:
    """Drop every anchor set of a dataset (after its rows changed); the caller holds the transaction."""
    conn.execute("DELETE FROM sort_anchor_sets WHERE dataset_id = ?", (info.id,))


@dataclass(frozen=True)
class _Segment:
    cond: str  # which rows belong to the segment
    order: str  # ORDER BY of the segment
    after: str  # condition "comes after the cursor" (placeholders bound from the cursor key)
    after_inclusive: str
    uses_value: bool  # whether ``after`` binds (value, rn) or just (rn)


class Order:
    """One order over a dataset: ``position`` ``None`` for row order, else a 1-based column; ascending or not."""

    def __init__(self, info: DatasetInfo, position: int | None = None, descending: bool = False) -> None:
        self.info = info
        self.position = position
        self.descending = descending
        gt = "<" if descending else ">"
        direction = " DESC" if descending else ""
        if position is None:
            self.segments = [_Segment("1", f"rn{direction}", f"rn {gt} ?", f"rn {gt}= ?", False)]
            return
        c = column_name(position)
        null = _Segment(f"{c} IS NULL", f"rn{direction}", f"rn {gt} ?", f"rn {gt}= ?", False)
        value = _Segment(
            f"{c} IS NOT NULL", f"{c}{direction}, rn{direction}", f"({c}, rn) {gt} (?, ?)", f"({c}, rn) {gt}= (?, ?)",
            True,
        )  # fmt: skip
        self.segments = [null, value] if not descending else [value, null]

    @property
    def key_columns(self) -> str:
        return "rn" if self.position is None else f"{column_name(self.position)}, rn"

    def key_of(self, conn: Connection, rn: int) -> tuple[Any, int] | None:
        """``(sort value, rn)`` of row ``rn``; ``None`` if the row does not exist (any more)."""
        if self.position is None:
            return (rn, rn)
        row = conn.execute(f"SELECT {column_name(self.position)} FROM {self.info.table} WHERE rn = ?", (rn,)).fetchone()
        return (row[0], rn) if row else None

    def _segment_of(self, key: tuple[Any, int]) -> int:
        if self.position is None:
            return 0
        is_null = key[0] is None
        return next(i for i, s in enumerate(self.segments) if (s.cond.endswith("IS NULL")) == is_null)

    def fetch(
        self,
        conn: Connection,
        columns: str,
        limit: int,
        after: tuple[Any, int] | None = None,
        *,
        inclusive: bool = False,
        where: Where | None = None,
    ) -> list[tuple[Any, ...]]:
        """Up to ``limit`` rows (``SELECT columns``) following key ``after`` (or from the start) in this order."""
        rows: list[tuple[Any, ...]] = []
        first = 0 if after is None else self._segment_of(after)
        for n, seg in enumerate(self.segments[first:]):
            conds, params = [seg.cond], []
            if n == 0 and after is not None:
                conds.append(seg.after_inclusive if inclusive else seg.after)
                params.extend([after[0], after[1]] if seg.uses_value else [after[1]])
            if where is not None:
                conds.append(where.sql)
                params.extend(where.params)
            sql = f"SELECT {columns} FROM {self.info.table} WHERE {' AND '.join(conds)} ORDER BY {seg.order} LIMIT ?"
            rows.extend(conn.execute(sql, [*params, limit - len(rows)]).fetchall())
            if len(rows) >= limit:
                break
        return rows

    def walk(
        self, conn: Connection, start: tuple[Any, int] | None, steps: int, where: Where | None = None
    ) -> tuple[Any, int] | None:
        """The key ``steps`` rows after key ``start`` (from the beginning when ``None``: step 1 is the first row);
        ``None`` when the order ends first. Reads keys only, from the index."""
        key, remaining = start, steps
        while remaining > 0:
            want = min(remaining, _WALK_CHUNK)
            chunk = self.fetch(conn, self.key_columns, want, key, where=where)
            if len(chunk) < want:
                return None
            remaining -= want
            last = chunk[-1]
            key = (last[0], last[0]) if self.position is None else (last[0], last[1])
        return key


def _anchor_set(conn: Connection, info: DatasetInfo, position: int) -> int | None:
    row = conn.execute(
        "SELECT row_count, step FROM sort_anchor_sets WHERE dataset_id = ? AND position = ?", (info.id, position)
    ).fetchone()
    return int(row[1]) if row and int(row[0]) == info.row_count else None


def ensure_anchors(conn: Connection, info: DatasetInfo, position: int | None) -> int:
    """Build (once) the anchors of the ascending order by column ``position`` (``None``: row order); returns
    the anchor step."""
    slot = position or 0
    step = _anchor_set(conn, info, slot)
    if step is not None:
        return step
    if position is not None:
        ensure_index(conn, info, position)
    order = Order(info, position)
    anchors: list[tuple[int, int, int, int]] = []
    ordinal = 0
    # One pass over the index (keys only); keep the row number at ordinals 1, 1 + step, 1 + 2·step, …
    for seg in order.segments:
        cur = conn.execute(f"SELECT rn FROM {info.table} WHERE {seg.cond} ORDER BY {seg.order}")
        while chunk := cur.fetchmany(50_000):
            first = ordinal + 1
            ordinal += len(chunk)
            offset = (-(first - 1)) % ANCHOR_STEP
            anchors.extend((info.id, slot, first + i, chunk[i][0]) for i in range(offset, len(chunk), ANCHOR_STEP))
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM sort_anchor_sets WHERE dataset_id = ? AND position = ?", (info.id, slot))
        conn.execute(
            "INSERT INTO sort_anchor_sets(dataset_id, position, row_count, step, built_at) VALUES (?, ?, ?, ?, ?)",
            (info.id, slot, info.row_count, ANCHOR_STEP, utc_now()),
        )
        conn.executemany("INSERT INTO sort_anchors(dataset_id, position, ordinal, rn) VALUES (?, ?, ?, ?)", anchors)
        if own:
            conn.execute("COMMIT")
    except BaseException:
        if own:
            conn.execute("ROLLBACK")
        raise
    return ANCHOR_STEP


def key_at(conn: Connection, order: Order, ordinal: int) -> tuple[Any, int] | None:
    """The key of the row at 1-based ``ordinal`` of ``order``'s ASCENDING form, via the anchors."""
    info = order.info
    if not 1 <= ordinal <= info.row_count:
        return None
    if order.position is None:
        top = conn.execute(f"SELECT max(rn) FROM {info.table}").fetchone()[0]
        if top == info.row_count:  # no row was ever erased: position p is row p
            return (ordinal, ordinal)
    ensure_anchors(conn, info, order.position)
    row = conn.execute(
        "SELECT ordinal, rn FROM sort_anchors WHERE dataset_id = ? AND position = ? AND ordinal <= ?"
        " ORDER BY ordinal DESC LIMIT 1",
        (info.id, order.position or 0, ordinal),
    ).fetchone()
    if row is None:
        return None
    ascending = Order(info, order.position)
    anchor = ascending.key_of(conn, int(row[1]))
    if anchor is None:
        return None
    return anchor if ordinal == row[0] else ascending.walk(conn, anchor, ordinal - int(row[0]))
