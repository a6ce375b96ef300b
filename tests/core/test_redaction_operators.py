"""Operators: positional masks, keyed pseudonyms, generalisation, derive-then-drop, withhold, row suppression."""

from __future__ import annotations

import base64
import hmac
import os
import random
from collections.abc import Collection
from datetime import date

import pytest

from dataroom.core.errors import InputError
from dataroom.core.pii.normalize import compact
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators_cn import is_mobile, is_resident_id
from dataroom.core.pii.validators_common import is_email
from dataroom.core.redaction import addresses, masks
from dataroom.core.redaction import generalise as gen
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.pseudonym import Pseudonymiser, _canonical
from dataroom.core.redaction.suppression import ConsentRowFilter, Released, RowDecision
from dataroom.core.subjects import normalise

T = PiiType


# --- masks ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "value", "masked"),
    [
        (T.RESIDENT_ID, "110101199003071234", "110101********1234"),
        (T.RESIDENT_ID, "11010119900307123x", "110101********123X"),
        (T.RESIDENT_ID, "１１０１０１１９９００３０７１２３４", "110101********1234"),
        (T.MOBILE, "13856785678", "138****5678"),
        (T.MOBILE, "+86 138-5678-5678", "138****5678"),
        (T.BANK_CARD, "6222021234567890123", "622202*********0123"),
        (T.NAME, "张三", "张*"),
        (T.NAME, "张三明", "张*明"),
        (T.NAME, "欧阳明明", "欧阳**"),
        (T.EMAIL, "alice@qq.com", "a***@qq.com"),
        (T.ADDRESS, "广东省深圳市南山区科技园路1号", "广东省深圳市南山区"),
        (T.ADDRESS, "北京市朝阳区建国路88号", "北京市朝阳区"),
        (T.ADDRESS, "浙江省杭州市西湖区文三路", "浙江省杭州市西湖区"),
        (T.USCC, "91310115MA1H7GXX3Q", "91310115**********"),
        (T.LANDLINE, "021-12345678", "021******78"),
    ],
)
def test_positional_masks(t: PiiType, value: str, masked: str) -> None:
    assert masks.mask_column(t, [value]) == [masked]


@pytest.mark.parametrize("t", [T.RESIDENT_ID, T.MOBILE, T.BANK_CARD, T.NAME, T.EMAIL, T.ADDRESS, T.USCC, T.TEXT])
@pytest.mark.parametrize(
    "value",
    ["", "   ", "\u3000", None, "NULL", "无", "1", "12", "138", "张", "a@b", "😀", "👨‍👩‍👧", "=1+1", "\x00\x01"],
)
def test_hostile_values_never_crash_and_short_ones_are_fully_hidden(t: PiiType, value: str | None) -> None:
    out = masks.mask_column(t, [value])
    assert len(out) == 1
    if value is None or not value.strip() or value in ("NULL", "无"):
        assert out == [""]  # blank stays blank
        return
    assert out[0] and out[0] != value and "*" in out[0]
    if len(compact(value)) < masks._MIN_LENGTH.get(t, 5):
        assert set(out[0]) <= {"*"}, f"{t}: {value!r} -> {out[0]!r} reveals characters of a too-short value"


def test_masks_reveal_no_more_than_their_shape_on_odd_lengths() -> None:
    # A 10-digit "mobile" and a 12-digit "ID" do not fit their shapes: at most one character each end shows.
    for t, value in ((T.MOBILE, "1380013800"), (T.RESIDENT_ID, "110101199003")):
        out = masks.mask_column(t, [value])[0]
        assert sum(c != "*" for c in out) <= 2 and value not in out


def test_explicit_head_tail_cannot_reveal_most_of_a_value() -> None:
    assert masks.mask_column(T.TEXT, ["ABCDEFGHIJ"], head=2, tail=2) == ["AB******IJ"]
    assert masks.mask_column(T.TEXT, ["ABCDEF"], head=3, tail=2) == ["******"]  # 1 of 6 hidden: refused


def test_email_with_one_letter_local_part_is_fully_masked() -> None:
    assert masks.mask_column(T.EMAIL, ["a@qq.com"]) == ["********"]


def test_address_levels() -> None:
    a = "江苏省苏州市昆山市前进路1号"
    assert addresses.cut(a, addresses.PROVINCE) == "江苏省"
    assert addresses.cut(a, addresses.CITY) == "江苏省苏州市"
    assert addresses.cut(a, addresses.DISTRICT) == "江苏省苏州市昆山市"
    assert addresses.cut("上海浦东新区张江路", addresses.CITY) == "上海"
    assert addresses.cut("杭州市文一路某某小区5幢", addresses.DISTRICT) == "杭州市"  # 小区 is not a district
    assert addresses.cut("随便写的", addresses.DISTRICT) == ""


# --- pseudonyms -------------------------------------------------------------------------------------------------


def test_pseudonym_is_hmac_sha256_of_the_normalised_value() -> None:
    key = os.urandom(32)
    token = Pseudonymiser(key).token("mobile", "138 0013 8000")
    digest = hmac.digest(key, b"mobile:13800138000", "sha256")[:12]
    b64 = base64.b64encode(digest)
    b32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
    b64_alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    expected = "".join(b32[b64_alphabet.index(c) % 32] for c in b64)
    assert token == "MOB_" + expected


def test_pseudonym_same_value_same_token_and_forms_match() -> None:
    p = Pseudonymiser(os.urandom(32))
    forms = ["13800138000", "138 0013 8000", "+86 138-0013-8000", "１３８００１３８０００", "008613800138000"]
    tokens = p.column("mobile", forms)
    assert len(set(tokens)) == 1 and tokens[0].startswith("MOB_") and len(tokens[0]) == 20
    assert p.column("email", ["Alice@QQ.com", "alice@qq.com"])[0] == p.column("email", ["alice@qq.com"])[0]
    assert p.token("mobile", "13800138001") != tokens[0]
    # The type is part of the input: the same digits as an ID number and as a phone differ.
    assert p.token("resident_id", "13800138000")[4:] != tokens[0][4:]


def test_pseudonyms_of_two_deals_are_unlinkable_and_blank_stays_blank() -> None:
    a, b = Pseudonymiser(os.urandom(32)), Pseudonymiser(os.urandom(32))
    assert a.token("mobile", "13800138000") != b.token("mobile", "13800138000")
    assert a.column("mobile", ["", None, "  ", "NULL"]) == ["", "", "", ""]


def test_tokens_never_validate_as_identifiers() -> None:
    p = Pseudonymiser(os.urandom(32))
    values = [f"1{random.randint(3, 9)}{random.randint(0, 999999999):09d}" for _ in range(200)]
    for t in ("mobile", "resident_id", "email"):
        for token in p.column(t, values):
            assert not is_mobile(token) and not is_resident_id(token) and not is_email(token)
            assert token[3] == "_" and token[:3].isalpha()


def test_canonical_shortcut_agrees_with_normalise() -> None:
    samples = ["13800138000", "008613800138000", "8613800138000", "11010119900307123x", "ABCdef123456",
               "Alice12345@", "NULL", "none", "nan", "abcdefghij", "E12345678", "6222021234567890123",
               " Alice.Smith@QQ.com ", "a-b_c.d@x.cn", "138 0013 8000", "\tMixed@Case.COM\n"]  # fmt: skip
    for kind in ("mobile", "resident_id", "email", "passport", "bank_card", "name", "address"):
        for s in samples:
            if normalise(kind, s) and s.strip().lower() not in ("null", "none", "nan"):
                assert _canonical(kind, s) == normalise(kind, s), (kind, s)


def test_pseudonym_key_must_be_a_real_key() -> None:
    with pytest.raises(ValueError):
        Pseudonymiser(b"short")


# --- generalise, derive, withhold -------------------------------------------------------------------------------


def test_generalise_dates() -> None:
    values = ["2023-01-05", "2023年1月5日", "05/01/2023", "nonsense", "", None]
    assert gen.date_column(values, "month") == ["2023-01", "2023-01", "2023-01", "*", "", ""]
    assert gen.date_column(values, "year")[:2] == ["2023", "2023"]
    assert gen.date_column(["1987-06-01"], "decade") == ["1980s"]


def test_age_band_from_resident_id_birth_date() -> None:
    on = date(2024, 3, 6)
    ids = ["110101199003071234", "110101199003061234", "110101193001011234", "110101900307123", "garbage"]
    assert gen.age_column(ids, 10, on) == ["30-39", "30-39", "90+", "30-39", "*"]
    assert gen.age_column(["110101199003071234"], 5, date(2024, 3, 6)) == ["30-34"]  # 33 the day before
    assert gen.coarsen_age("30-34", 10) == "30-39" and gen.coarsen_age("90+", 20) == "80+"


def test_amount_bands() -> None:
    assert gen.amount_column(["¥1,234.50", "3.5万", "0", "(300)", "abc", ""], None) == [
        "[1000, 10000)", "[10000, 100000)", "0", "(-1000, -100]", "*", "",
    ]  # fmt: skip
    assert gen.amount_column(["1234", "1999.99", "2000"], 1000) == ["[1000, 2000)", "[1000, 2000)", "[2000, 3000)"]
    assert gen.coarsen_amount("[1000, 2000)", 10_000) == "[0, 10000)"


def test_address_generalisation() -> None:
    values = ["广东省深圳市南山区科技园路1号", "北京市朝阳区建国路88号", "不是地址"]
    assert gen.address_column(values, "province") == ["广东省", "北京市", "*"]
    assert gen.address_column(values, "city") == ["广东省深圳市", "北京市", "*"]


def test_derive_fields_from_resident_id() -> None:
    params = ops.check_params(ops.DERIVE, {"fields": "age_band,province,gender,birth_year", "as_of": "2024-03-06"})
    ids = ["110101199003071234", "440305200001014567", "", "not an id"]
    assert ops.derive_fn("age_band", params)(ids) == ["30-39", "20-29", "", "*"]
    assert ops.derive_fn("province", params)(ids) == ["北京市", "广东省", "", "*"]
    assert ops.derive_fn("gender", params)(ids) == ["男", "女", "", "*"]  # 17th digit 3 odd, 6 even
    assert ops.derive_fn("birth_year", params)(ids) == ["1990", "2000", "", "*"]


@pytest.mark.parametrize(
    ("op", "params", "message"),
    [
        ("scramble", {}, "Unknown operator"),
        ("keep", {"x": 1}, "no parameter 'x'"),
        ("mask", {}, "needs the parameter 'type'"),
        ("mask", {"type": "shoe_size"}, "column type"),
        ("mask", {"type": "name", "head": -1}, "0 to 64"),
        ("generalise", {"to": "week"}, "must be one of"),
        ("generalise", {"to": "year", "width": 5}, "only applies"),
        ("generalise", {"to": "age_band", "as_of": "2024-02-30"}, "not a real date"),
        ("derive", {"fields": ["age_band", "age_band"]}, "once"),
        ("derive", {"fields": []}, "non-empty"),
    ],
)
def test_parameters_are_validated_strictly(op: str, params: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        ops.check_params(op, params)


def test_parse_param_from_the_command_line() -> None:
    assert ops.parse_param("width=10") == ("width", 10)
    assert ops.parse_param("fields=age_band,province") == ("fields", "age_band,province")
    with pytest.raises(InputError):
        ops.parse_param("novalue")


# --- row suppression --------------------------------------------------------------------------------------------


class FakeRegistry:
    """A consent registry holding one consenting subject token."""

    def __init__(self, consenting: set[str]) -> None:
        self.consenting = consenting
        self.asked: list[set[str]] = []

    def consented(self, subjects: Collection[str], purpose: str) -> set[str]:
        self.asked.append(set(subjects))
        return set(subjects) & self.consenting if purpose == "transfer" else set()


def test_consent_row_filter_keeps_blanks_or_drops() -> None:
    registry = FakeRegistry({"S-A"})
    released = Released(("姓名", "手机号"), frozenset({"consent-required", "public"}))
    blank = ConsentRowFilter(registry, "transfer", "blank")
    assert blank.decide(["S-A", "S-B", None], released) == [RowDecision.KEEP, RowDecision.BLANK, RowDecision.BLANK]
    drop = ConsentRowFilter(registry, "transfer", "drop")
    assert drop.decide(["S-A", "S-B"], released) == [RowDecision.KEEP, RowDecision.DROP]
    assert ConsentRowFilter(registry, "marketing", "drop").decide(["S-A"], released) == [RowDecision.DROP]
    # Nothing consent-required released: no question asked, every row kept.
    public_only = Released(("客户编号",), frozenset({"public"}))
    before = len(registry.asked)
    assert drop.decide(["S-B"], public_only) == [RowDecision.KEEP] and len(registry.asked) == before
