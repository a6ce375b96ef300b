"""Column reads of a row range: the joined fast path and the plain fetch it falls back to give the same answer."""

from __future__ import annotations

import pytest

from dataroom.core.datasets import store
from tests.core.test_redaction_helpers import make_dataset

HEADER = ["id", "name", "note"]


def _plain(conn, info, positions, after, last):  # type: ignore[no-untyped-def]
    """What the row fetch gives, as the reference."""
    cols = ", ".join(store.column_name(p) for p in positions)
    rows = conn.execute(f"SELECT rn, {cols} FROM {info.table} WHERE rn > ? AND rn <= ? ORDER BY rn", (after, last))
    rows = rows.fetchall()
    return [r[0] for r in rows], [[r[i] for r in rows] for i in range(1, len(positions) + 1)]


@pytest.mark.parametrize(
    "rows",
    [
        [["1", "张三", ""], ["2", "李四", "含,逗号"], ["3", "", " 空格 "]],
        [["1", "a", None], ["2", None, "b"], ["3", "c", None]],  # NULL cells
        [["1", "a\x00b", "x"], ["2", "c", "d"]],  # a NUL character inside a value
        [["1", "a\x00", None], ["2", None, "d"]],  # NULL and NUL in one column
        [["1", "\n", "\r\n"], ["2", "😀", "="]],
    ],
    ids=["plain", "null", "nul", "null-and-nul", "breaks-emoji"],
)
def test_read_columns_matches_the_row_fetch(session, rows) -> None:  # type: ignore[no-untyped-def]
    info = make_dataset(session, "t", HEADER, rows)
    conn = session.vault.connection()
    for positions in ([1, 2, 3], [3, 1], [2]):
        assert store.read_columns(conn, info, positions, 0, 10) == _plain(conn, info, positions, 0, 10)
    got = store.read_columns(conn, info, [2], 0, 10)
    assert got[1][0] == [r[1] for r in rows]  # NULL stays None, NUL stays inside its value


def test_read_columns_range_gaps_and_empty(session) -> None:  # type: ignore[no-untyped-def]
    info = make_dataset(session, "t", HEADER, [[str(i), f"n{i}", ""] for i in range(1, 21)])
    conn = session.vault.connection()
    conn.execute(f"DELETE FROM {info.table} WHERE rn IN (5, 6, 12)")
    numbers, (ids,) = store.read_columns(conn, info, [1], 4, 13)
    assert numbers == [7, 8, 9, 10, 11, 13] and ids == ["7", "8", "9", "10", "11", "13"]
    assert store.read_columns(conn, info, [1, 2], 100, 200) == ([], [[], []])
    assert store.read_columns(conn, info, [], 0, 3) == ([1, 2, 3], [])


def test_column_batches_cover_every_row_once_in_order(session) -> None:  # type: ignore[no-untyped-def]
    info = make_dataset(session, "t", HEADER, [[str(i), f"n{i}", ""] for i in range(1, 24)])
    conn = session.vault.connection()
    conn.execute(f"DELETE FROM {info.table} WHERE rn BETWEEN 6 AND 10 OR rn = 23")  # one whole batch, and the end
    batches = list(store.column_batches(conn, info, [2, 1], 5))
    assert [numbers for numbers, _ in batches] == [[1, 2, 3, 4, 5], [11, 12, 13, 14, 15], [16, 17, 18, 19, 20],
                                                   [21, 22]]  # fmt: skip
    assert [n for _, (names, _ids) in batches for n in names] == [f"n{i}" for i in range(1, 23) if not 6 <= i <= 10]
    assert list(store.column_batches(conn, make_dataset(session, "empty", HEADER, []), [1], 5)) == []


@pytest.mark.parametrize("width, rows", [(3, 0), (3, 1), (3, 10), (3, 23), (1, 31), (150, 14)])
def test_insert_values_keeps_every_row_in_order(session, width: int, rows: int) -> None:  # type: ignore[no-untyped-def]
    # 23 rows: two full ten-row statements and a remainder; 150 columns: statements of 6 rows (999 parameters).
    header = [f"h{i}" for i in range(width)]
    info = make_dataset(session, f"t{width}-{rows}", header, [])
    values = [f"{r}.{c}" for r in range(1, rows + 1) for c in range(width)]
    with session.vault.transaction() as tx:
        store.insert_values(tx, info.id, width, values)
    got = session.vault.connection().execute(f"SELECT * FROM {info.table} ORDER BY rn").fetchall()
    assert got == [(r, *(f"{r}.{c}" for c in range(width))) for r in range(1, rows + 1)]


def test_insert_values_refuses_a_partial_row(session) -> None:  # type: ignore[no-untyped-def]
    info = make_dataset(session, "t", HEADER, [])
    with session.vault.transaction() as tx, pytest.raises(ValueError, match="rows of 3"):
        store.insert_values(tx, info.id, 3, ["a", "b", "c", "d"])
