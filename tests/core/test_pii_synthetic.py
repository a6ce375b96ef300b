"""Synthetic customer generator: deterministic, valid by construction, realistic shares, CSV output."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from dataroom.core.pii.embedded import find_embedded
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers, write_customers_csv
from dataroom.core.pii.types import PiiType as T
from dataroom.core.pii.validators import VALIDATORS
from dataroom.core.pii.validators_common import has_unionpay_prefix

ROWS = list(generate_customers(5000, seed=42))
COLUMNS = dict(zip(CUSTOMER_COLUMNS, zip(*ROWS, strict=True), strict=True))


def test_columns() -> None:
    assert CUSTOMER_COLUMNS == (
        "客户编号", "姓名", "性别", "身份证号", "手机号", "邮箱",
        "银行卡号", "开户行", "地址", "注册日期", "累计消费金额", "备注",
    )  # fmt: skip
    assert all(len(row) == 12 and all(isinstance(v, str) for v in row) for row in ROWS)


def test_same_seed_same_rows_and_shorter_runs_are_prefixes() -> None:
    assert list(generate_customers(5000, seed=42)) == ROWS
    assert list(generate_customers(1500, seed=42)) == ROWS[:1500]
    assert list(generate_customers(7, seed=42)) == ROWS[:7]
    assert list(generate_customers(50, seed=43)) != ROWS[:50]
    assert list(generate_customers(0)) == []


def test_negative_row_count_is_refused() -> None:
    with pytest.raises(ValueError):
        list(generate_customers(-1))


@pytest.mark.parametrize(
    ("column", "t"),
    [
        ("客户编号", T.GENERIC_ID),
        ("姓名", T.NAME),
        ("性别", T.GENDER),
        ("身份证号", T.RESIDENT_ID),
        ("手机号", T.MOBILE),
        ("邮箱", T.EMAIL),
        ("银行卡号", T.BANK_CARD),
        ("开户行", T.BANK_NAME),
        ("地址", T.ADDRESS),
        ("注册日期", T.DATE),
        ("累计消费金额", T.AMOUNT),
    ],
)
def test_every_value_is_valid_by_construction(column: str, t: T) -> None:
    invalid = [v for v in COLUMNS[column] if not VALIDATORS[t](v)]
    assert not invalid, invalid[:5]


def test_identities_are_consistent_and_plausible() -> None:
    numbers = COLUMNS["客户编号"]
    assert len(set(numbers)) == len(numbers) and numbers[0] == "C00000001" and numbers[-1] == "C00005000"
    for gender, number in zip(COLUMNS["性别"], COLUMNS["身份证号"], strict=True):
        assert gender == ("男" if int(number[16]) % 2 else "女")
        assert "19500101" <= number[6:14] <= "20051231"
    assert all(has_unionpay_prefix(card) for card in COLUMNS["银行卡号"])
    assert all(m[:3] in {str(p) for p in range(130, 200)} for m in COLUMNS["手机号"])
    assert {e.rsplit("@", 1)[1] for e in COLUMNS["邮箱"]} <= {
        "qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "139.com", "outlook.com"
    }  # fmt: skip
    # Compound surnames and minority names with a middle dot occur, rarely.
    assert 0 < sum(name[:2] in {"欧阳", "司马", "诸葛", "上官", "司徒", "慕容"} for name in COLUMNS["姓名"]) < 150
    assert 0 < sum("·" in name for name in COLUMNS["姓名"]) < 60


def test_remarks_are_sparse_and_about_two_percent_hide_a_phone_number() -> None:
    remarks = COLUMNS["备注"]
    filled = sum(1 for r in remarks if r)
    with_phone = sum(1 for r in remarks if T.MOBILE in find_embedded(r))
    assert 0.3 < filled / len(remarks) < 0.5
    assert 0.01 < with_phone / len(remarks) < 0.03
    assert all(VALIDATORS[T.FREE_TEXT](r) for r in remarks if r)


def test_write_customers_csv(tmp_path: Path) -> None:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, 100, seed=42)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(CUSTOMER_COLUMNS)
    assert rows[1:] == ROWS[:100]


def test_write_customers_csv_in_another_encoding(tmp_path: Path) -> None:
    path = tmp_path / "customers-gb18030.csv"
    write_customers_csv(str(path), 10, encoding="gb18030")
    with path.open(encoding="gb18030", newline="") as fh:
        assert next(csv.reader(fh)) == list(CUSTOMER_COLUMNS)


def test_generation_is_fast() -> None:
    start = time.perf_counter()
    count = sum(1 for _ in generate_customers(50_000, seed=1))
    elapsed = time.perf_counter() - start
    assert count == 50_000
    # The goal is 200,000 rows a second; this bound only catches a collapse on a slow, busy machine.
    assert elapsed < 2.5, elapsed
