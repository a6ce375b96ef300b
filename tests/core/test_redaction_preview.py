"""The redacted preview: redaction on the fly, keyset paging in any order, jumps via anchors, filters, stats."""

from __future__ import annotations

import random

import pytest

from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import redaction as flows
from dataroom.core.redaction import paging
from dataroom.core.redaction import where as where_filter
from dataroom.core.users.roles import Role
from tests.core.test_redaction_helpers import CUSTOMERS_ROWS, as_role, audit_details, make_customers, make_dataset


def test_first_page_is_redacted(session) -> None:
    make_customers(session)
    page = flows.open_preview(session, "customers").page_at(1, 10)
    assert page.headers == ["客户编号", "姓名", "性别", "身份证号", "手机号", "邮箱", "地址", "注册日期", "消费金额"]
    first = dict(zip(page.headers, page.rows[0], strict=True))
    assert first["姓名"] == "张*" and first["身份证号"] == "110101********1234" and first["地址"] == "北京市朝阳区"
    assert first["手机号"].startswith("MOB_") and first["消费金额"] == "[1000, 10000)"
    # The same phone written differently gets the same token; the same person in row 4 too.
    phones = [r[4] for r in page.rows]
    assert phones[0] == phones[3] and len(set(phones)) == 3
    text = repr(page.rows)
    for raw in CUSTOMERS_ROWS:
        for sensitive in (raw[1], raw[3], raw[4], raw[5], raw[9]):
            assert not sensitive or sensitive not in text
    assert page.total == 4 and page.row_numbers == [1, 2, 3, 4] and page.last_row is None


def test_derive_then_drop_changes_the_columns(session) -> None:
    make_customers(session)
    flows.edit_policy(
        session, "customers", "身份证号", "derive", {"fields": "age_band,province", "as_of": "2024-01-01"}
    )
    page = flows.open_preview(session, "customers").page_at(1)
    assert "身份证号" not in page.headers and page.headers[3:5] == ["age_band", "province"]
    assert [r[3:5] for r in page.rows] == [("30-39", "北京市"), ("30-39", "上海市"), ("20-29", "广东省"),
                                           ("30-39", "北京市")]  # fmt: skip


def _numbers_dataset(session, n: int = 230):  # type: ignore[no-untyped-def]
    rng = random.Random(7)
    values = [rng.choice([None, "", *[f"{rng.randint(0, 40):03d}" for _ in range(5)]]) for _ in range(n)]
    rows = [[f"R{i:04d}", v, f"{rng.randint(1, 500)}"] for i, v in enumerate(values, 1)]
    make_dataset(session, "nums", ["id", "code", "amount"], rows, {
        "id": ("order_id", "public"), "code": ("generic_id", "public"), "amount": ("amount", "public"),
    })  # fmt: skip
    return rows


def _expected(rows, descending: bool) -> list[int]:  # type: ignore[no-untyped-def]
    # SQLite's order: NULL first ascending (last descending), then the value, then rn.
    keyed = [((0, "") if r[1] is None else (1, r[1]), i) for i, r in enumerate(rows, 1)]
    return [i for _, i in sorted(keyed, reverse=descending)]


@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_and_jumps_match_a_full_sort(session, monkeypatch, descending: bool) -> None:
    monkeypatch.setattr(paging, "ANCHOR_STEP", 7)  # many anchors, so jumps walk from one
    monkeypatch.setattr(paging, "_WALK_CHUNK", 3)  # and walks cross chunk boundaries
    rows = _numbers_dataset(session)
    expected = _expected(rows, descending)
    view = flows.open_preview(session, "nums", sort="code", descending=descending)
    seen, last = [], None
    while True:
        page = view.page_after(last, 17)
        seen.extend(page.row_numbers)
        if page.last_row is None:
            break
        last = page.last_row
    assert seen == expected
    for start in (1, 2, 7, 8, 9, 15, 100, 229, 230):
        page = view.page_at(start, 5)
        assert page.row_numbers == expected[start - 1 : start + 4], start
    assert view.page_at(231, 5).rows == []
    conn = session.vault.connection()
    assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'ds_1_c2'").fetchone()


def test_jump_in_row_order_and_filtered_views(session, monkeypatch) -> None:
    monkeypatch.setattr(paging, "ANCHOR_STEP", 5)
    rows = _numbers_dataset(session, 60)
    view = flows.open_preview(session, "nums")
    assert view.page_at(33, 3).row_numbers == [33, 34, 35]
    filtered = flows.open_preview(session, "nums", sort="amount", where="amount > 250 and code not-blank")
    matching = sorted((r[2], i) for i, r in enumerate(rows, 1) if int(r[2]) > 250 and (r[1] or "").strip())
    assert filtered.count() == len(matching)
    assert filtered.page_at(3, 4).row_numbers == [i for _, i in matching[2:6]]


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("姓名 = 张三", [1]),
        ("姓名 != 张三", [2, 3, 4]),
        ("地址 contains 朝阳", [1, 4]),
        ("身份证号 starts-with 1101", [1, 4]),
        ("备注 is-blank", [3]),
        ("备注 not-blank and 性别 = 男", [1, 4]),
        ("消费金额 > 100", [1]),
        ("消费金额 <= 88", [2, 4]),
        ("注册日期 >= 2023年3月1日", [3, 4]),
        ("注册日期 < '2023-02-10' or (性别 = 女 and not 姓名 = 欧阳明明)", [1, 2]),
        ("\"手机号\" = '139 0013 9000'", [2]),
        ("1 = C002", [2]),
        ('姓名 = "x\'); DROP TABLE ds_1; --"', []),
    ],
)
def test_filters_select_rows_by_original_values(session, expr: str, expected: list[int]) -> None:
    make_customers(session)
    page = flows.open_preview(session, "customers", where=expr).page_at(1)
    assert page.row_numbers == expected
    assert session.vault.connection().execute("SELECT count(*) FROM ds_1").fetchone()[0] == 4


@pytest.mark.parametrize(
    ("expr", "message"),
    [
        ("nope = 1", "names no column"),
        ("姓名 ~ 1", "Unknown filter operator"),
        ("姓名 =", "ends too early"),
        ("消费金额 > lots", "neither"),
        ("(姓名 = 张三", "no matching"),
        ("姓名 = 张三 性别 = 男", "Unexpected"),
        ("   ", "empty"),
    ],
)
def test_bad_filters_are_explained(expr: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        where_filter.parse(expr, ["姓名", "性别", "消费金额"])


def test_filter_values_are_bound_never_inlined() -> None:
    w = where_filter.parse('姓名 = "\'; DROP TABLE x; --" and 性别 contains 男', ["姓名", "性别"])
    assert "DROP" not in w.sql and w.params == ["'; DROP TABLE x; --", "男"] and w.positions == {1, 2}


def test_reviewer_cannot_probe_hidden_columns(session) -> None:
    make_customers(session)
    rita = as_role(session, "rita", Role.REVIEWER)
    with pytest.raises(PermissionDenied, match="身份证号"):
        flows.open_preview(rita, "customers", where="身份证号 = 110101199003071234")
    with pytest.raises(PermissionDenied):
        flows.open_preview(rita, "customers", sort="姓名")
    page = flows.open_preview(rita, "customers", sort="注册日期", descending=True, where="性别 = 女").page_at(1)
    assert page.row_numbers == [3, 2]


def test_preview_is_audited_without_filter_values(session) -> None:
    make_customers(session)
    flows.open_preview(session, "customers", where="手机号 = 13800138000", sort="客户编号")
    (record,) = audit_details(session, "redaction.preview")
    assert record["details"]["filter"] == ["手机号 ="] and record["details"]["sort"] == "客户编号"
    assert "13800138000" not in repr(record)


def test_column_statistics_are_of_redacted_values(session) -> None:
    make_customers(session)
    phone = flows.column_statistics(session, "customers", "手机号")
    assert phone.rows == 4 and phone.blanks == 0 and phone.distinct == 3
    assert phone.top[0][1] == 2 and phone.top[0][0].startswith("MOB_")
    rows = [[str(v), f"2023-0{1 + v % 3}-01"] for v in range(100)] + [["", ""]]
    remark = make_dataset(session, "n", ["x", "d"], rows, {"x": ("number", "public"), "d": ("date", "public")})
    assert remark.row_count == 101
    numbers = flows.column_statistics(session, "n", "x")
    assert numbers.blanks == 1 and numbers.histogram_kind == "number" and sum(c for _, c in numbers.histogram) == 100
    dates = flows.column_statistics(session, "n", "d")
    assert dates.histogram_kind == "date" and dates.histogram[0] == ("2023-01", 34)
    with pytest.raises(InputError, match="no column"):
        flows.column_statistics(session, "customers", "身份证号_age_band")
