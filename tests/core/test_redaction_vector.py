"""The column-at-once paths of the redaction operators give what their value-by-value paths give.

Each fast path is taken only for a column it can prove clean (joined text checked by one C-level call); a
``None`` cell sends a whole column down the value-by-value path, which is how the reference results here are made.
"""

from __future__ import annotations

import base64
import csv
import hmac
import io
import os
import random
from datetime import date

import pytest

from dataroom.core.pii import normalize
from dataroom.core.pii.types import PiiType as T
from dataroom.core.redaction import generalise as gen
from dataroom.core.redaction import masks, vector
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.csv_text import csv_columns_text, csv_text
from dataroom.core.redaction.pseudonym import _TO_B32, Pseudonymiser, _canonical, kind_of, prefix_of

RNG = random.Random(20261124)


def _slow(fn, values):  # type: ignore[no-untyped-def]
    """``fn`` over ``values`` by its value-by-value path (a None cell disqualifies every column fast path)."""
    return fn([*values, None])[:-1]


def _ids(n: int) -> list[str]:
    out = []
    for _ in range(n):
        y, m, d = RNG.randrange(1890, 2030), RNG.randrange(0, 14), RNG.randrange(0, 32)
        out.append(f"{RNG.choice(['11', '44', '99'])}0101{y:04d}{m:02d}{d:02d}{RNG.randrange(1000):03d}"
                   f"{RNG.choice('0123456789Xx')}")  # fmt: skip
    return out


COLUMNS = {
    "mobile": [f"1{RNG.randrange(3, 10)}{RNG.randrange(10**9):09d}" for _ in range(300)],
    "customer": [f"C{i:08d}" for i in range(300)],
    "email": [f"user{i}@Example.COM" for i in range(300)],
    "card": [f"62{RNG.randrange(10**14, 10**17)}" for _ in range(300)],
    "card19": [f"62{RNG.randrange(10**16, 10**17)}" for _ in range(300)],  # one length: the strided path
    "id": _ids(300),
    "amount": [f"{RNG.uniform(0, 10 ** RNG.randrange(1, 9)):.{RNG.randrange(0, 3)}f}" for _ in range(300)] + ["0"],
    # One-character surnames, two- and three-character names; the hostile variants add compound surnames,
    # placeholders, a non-surname first character, dots and full-width letters.
    "name": [RNG.choice("张王李赵陈刘杨黄吴周") + "".join(RNG.choices("伟芳娜敏静丽强磊军洋", k=RNG.randrange(1, 3)))
             for _ in range(300)],
    "address": ["北京市朝阳区文化路7号", "广东省深圳市南山区科技园路1号", "杭州西湖区文三路", "上海市浦东新区", "无",
                "", "延边朝鲜族自治州延吉市", "新疆维吾尔自治区乌鲁木齐市天山区", "Ｂ座", "未知1号"] * 30,
}  # fmt: skip
HOSTILE = ["", " ", "NULL", "none", "-", "无", "１３８００１３８０００", "+86 138 0013 8000", "ab c", "a\nb", "😀",
           "\u3000", "0086138001", "11010119900307123 ", "1,234", "¥99", "1" * 400, "undefined", "Undefined1",
           "NoDigitsHere", "欧阳明", "未知", "暂无", "南山", "阿卜杜·热合曼", "张三丰四", "Ｌｉ"]  # fmt: skip


def _variants(name: str) -> list[list[str]]:
    clean = COLUMNS[name]
    out = [clean, clean[:1]]
    for bad in HOSTILE:
        spoiled = list(clean)
        spoiled[RNG.randrange(len(spoiled))] = bad
        out.append(spoiled)
    return out


def _token(key: bytes, t: str, value: str) -> str:
    canonical = _canonical(kind_of(t), value) if value else ""
    if not canonical:
        return ""
    digest = hmac.new(key, f"{kind_of(t)}:{canonical}".encode(), "sha256").digest()[:12]
    return prefix_of(t) + "_" + base64.b64encode(digest).translate(_TO_B32).decode()


@pytest.mark.parametrize("name", ["mobile", "customer", "email", "card", "id"])
@pytest.mark.parametrize("t", ["mobile", "email", "resident_id", "generic_id", "bank_card"])
def test_pseudonyms_of_a_column_are_the_hmac_of_each_value(name: str, t: str) -> None:
    key = os.urandom(32)
    p = Pseudonymiser(key)
    for values in _variants(name):
        assert p.column(t, values) == [_token(key, t, v) for v in values]


def test_placeholders_are_short_and_have_no_digit_or_at_sign() -> None:
    # The fast paths rely on it to skip the blank test of values that have one, or that are longer.
    assert not [n for n in normalize.PLACEHOLDERS if any(c.isdigit() or c == "@" for c in n)]
    assert normalize._MAX_NULL_LENGTH <= 9


@pytest.mark.parametrize("name", ["mobile", "card", "card19", "id", "customer", "address", "name"])
@pytest.mark.parametrize("t", [T.MOBILE, T.BANK_CARD, T.RESIDENT_ID, T.NAME, T.ADDRESS, T.TEXT])
def test_column_masks_agree_with_the_value_by_value_masks(name: str, t: T) -> None:
    for values in _variants(name):
        fn = masks.column_masker(t)
        assert fn(values) == _slow(masks.column_masker(t), values) == fn(values)  # the memo gives the same again


def test_the_name_fast_path_leaves_only_the_odd_names_to_the_slow_one() -> None:
    # Otherwise the agreement test above could be comparing the value-by-value path with itself.
    slow: list[str | None] = []

    def one(values):  # type: ignore[no-untyped-def]
        slow.extend(values)
        return masks.mask_column(T.NAME, values)

    odd = ["欧阳明", "未知", "南山", "阿卜杜·热合曼", "张三丰四", "Ｌｉ", "张", ""]
    assert masks._name_masker(one)([*COLUMNS["name"], *odd])[-len(odd) :] == masks.mask_column(T.NAME, odd)
    assert slow == odd


@pytest.mark.parametrize("field", ["age_band", "birth_year", "gender", "province"])
def test_id_derived_columns_agree_with_the_value_by_value_path(field: str) -> None:
    params = {"as_of": "2024-03-06"}
    for values in _variants("id"):
        fn = ops.derive_fn(field, params)
        assert fn(values) == _slow(ops.derive_fn(field, params), values) == fn(values)
    assert gen.age_column(["110101199003071234"], 5, date(2024, 3, 6)) == ["30-34"]


@pytest.mark.parametrize("width", [None, 1000, 0.5, 3])
def test_amount_bands_agree_with_the_value_by_value_path(width: float | None) -> None:
    for values in _variants("amount"):
        assert gen.amount_column(values, width) == _slow(gen.amount_bander(width), values)


@pytest.mark.parametrize("level", ["province", "city", "district"])
def test_address_cuts_agree_with_the_value_by_value_path(level: str) -> None:
    for values in _variants("address"):
        fn = gen.address_generaliser(level)
        assert fn(values) == _slow(gen.address_generaliser(level), values) == fn(values)
    assert gen.address_column(["无", "无1号", "", "北京市朝阳区文化路7号"], "city") == ["", "*", "", "北京市"]


def test_csv_text_is_what_csv_writer_writes() -> None:
    alphabet = ["a", ",", '"', "\r", "\n", " ", "\t", "", "张", "=", "\u2028", "😀"]
    for _ in range(2000):
        width = RNG.choice([1, 2, 3, 12])
        rows = [tuple("".join(RNG.choices(alphabet, k=RNG.randrange(4))) if RNG.random() < 0.4 else "plain"
                      for _ in range(width)) for _ in range(RNG.choice([1, 2, 30]))]  # fmt: skip
        if RNG.random() < 0.1:
            rows[-1] = (None, *rows[-1][1:])
        expected = io.StringIO()
        csv.writer(expected, lineterminator="\r\n").writerows(rows)
        assert csv_text(rows) == expected.getvalue(), rows
        assert csv_columns_text(list(zip(*rows, strict=True))) == expected.getvalue(), rows
    with pytest.raises(ValueError, match="same length"):
        csv_columns_text([["a", "b"], ["c"]])


def test_column_memo_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vector, "MEMO_LIMIT", 10)
    calls: list[str] = []
    memo = vector.ColumnMemo(lambda v: calls.append(v) or v.upper())
    assert (memo(["a", "b", "a"]) == ["A", "B", "A"] and calls == ["a", "b"]) or sorted(calls) == ["a", "b"]
    memo(["a", "b"])
    assert len(calls) == 2  # remembered across batches
    memo([str(i) for i in range(12)])
    assert len(memo._memo) <= 12


def test_address_memos_start_again_past_their_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gen, "MEMO_LIMIT", 3)
    monkeypatch.setattr(masks, "MEMO_LIMIT", 3)
    values = COLUMNS["address"][:10]
    generalise, mask = gen.address_generaliser("city"), masks.column_masker(T.ADDRESS)
    for _ in range(3):
        assert generalise(values) == _slow(gen.address_generaliser("city"), values)
        assert mask(values) == _slow(masks.column_masker(T.ADDRESS), values)
