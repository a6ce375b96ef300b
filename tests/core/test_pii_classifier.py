"""Column classifier, header dictionary, masking and class defaults."""

from __future__ import annotations

import random
import time
from datetime import date

import pytest

from dataroom.core.pii.classifier import classify_column
from dataroom.core.pii.headers import HEADER_KEYWORDS, HeaderEvidence, match_header, normalize_header
from dataroom.core.pii.masking import mask_example
from dataroom.core.pii.stats import noisy_or, wilson_lower_bound
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers
from dataroom.core.pii.types import DataClass, PiiType, default_class
from dataroom.core.pii.types import PiiType as T
from tests.core.pii_tables import (
    accuracy_tables,
    bank_card,
    confusion_table,
    excel_damaged,
    mobile,
    order_number,
    resident_id,
    run_suite,
)

RNG = random.Random(28)


def test_accuracy_suite_types_every_column() -> None:
    outcomes = run_suite(accuracy_tables())
    assert all(o.got == o.column.expected for o in outcomes), "\n" + confusion_table(outcomes)


def test_examples_are_masked_and_never_raw() -> None:
    for table in accuracy_tables():
        for column in table.columns:
            raw = {v.strip() for v in column.values}
            for example in classify_column(column.header, column.values).evidence.examples:
                assert "*" in example, (table.name, column.header, example)
                assert example not in raw, (table.name, column.header)


def test_checksum_valid_ids_beat_a_business_header_and_say_so() -> None:
    result = classify_column("编号", [resident_id(RNG) for _ in range(200)])
    assert result.type is T.RESIDENT_ID
    assert result.data_class is DataClass.SENSITIVE
    assert "Header says 编号 but 100% of values are valid resident IDs." in result.evidence.notes


def test_eighteen_digit_numbers_that_rarely_pass_the_checksum_are_generic_ids() -> None:
    values = [resident_id(RNG) if i % 10 == 0 else order_number(RNG) for i in range(500)]
    result = classify_column(None, values)
    assert result.type is T.GENERIC_ID
    assert 0.05 < classify_column("身份证号", values).evidence.valid_share < 0.2


def test_an_id_header_over_failing_values_keeps_the_stricter_type_with_a_note() -> None:
    result = classify_column("身份证号", [order_number(RNG) for _ in range(200)])
    assert result.type is T.RESIDENT_ID
    assert result.data_class is DataClass.SENSITIVE
    assert result.confidence < 0.7
    assert any(
        n.startswith("Header says 身份证号 but only 0% of values are valid resident IDs") for n in result.evidence.notes
    )


def test_a_business_header_vetoes_pattern_types() -> None:
    result = classify_column("订单号", [mobile(RNG) for _ in range(200)])
    assert result.type is T.ORDER_ID
    assert any("mobile numbers" in n and "not taken for personal data" in n for n in result.evidence.notes)


def test_values_overrule_a_conflicting_personal_header() -> None:
    emails = [f"user{i}@example.com" for i in range(100)]
    result = classify_column("手机号", emails)
    assert result.type is T.EMAIL
    assert "Header suggests mobile numbers but 100% of values are valid e-mail addresses." in result.evidence.notes


def test_the_most_common_member_of_a_family_wins() -> None:
    phones = [mobile(RNG) if i % 5 < 2 else f"010-6{i:07d}" for i in range(300)]
    assert classify_column("联系电话", phones).type is T.LANDLINE
    assert classify_column("联系电话", phones[:1] * 300).type is T.MOBILE


def test_a_strong_minority_of_checksum_ids_raises_the_class() -> None:
    values = [resident_id(RNG) if i % 2 else mobile(RNG) for i in range(300)]
    result = classify_column(None, values)
    assert result.data_class is DataClass.SENSITIVE
    assert any("valid resident IDs: class raised to sensitive" in n for n in result.evidence.notes)
    # A tenth of random 18-digit numbers passes the Luhn check: that alone raises nothing.
    assert classify_column(None, [order_number(RNG) for _ in range(500)]).data_class is DataClass.CONSENT_REQUIRED


def test_a_header_gives_numbers_and_dates_their_meaning() -> None:
    assert classify_column("出生日期", ["1990-03-07", "1985/12/01", "19700101"]).type is T.BIRTH_DATE
    assert classify_column("年龄", ["35", "42", "61"]).type is T.AGE
    assert classify_column("金额", ["35", "42", "61"]).type is T.AMOUNT
    assert classify_column("工资", ["8000", "12000", "9500.50"]).data_class is DataClass.SENSITIVE
    assert classify_column(None, ["35", "42", "61"]).type is T.NUMBER


def test_minors_make_ages_and_birth_dates_sensitive() -> None:
    adults = classify_column("年龄", [str(RNG.randint(18, 80)) for _ in range(100)])
    assert adults.data_class is DataClass.CONSENT_REQUIRED
    children = classify_column("年龄", [str(RNG.randint(18, 80)) for _ in range(100)] + ["9"])
    assert children.data_class is DataClass.SENSITIVE
    recent = f"{date.today().year - 3}-01-01"
    assert classify_column("出生日期", ["1990-03-07", recent]).data_class is DataClass.SENSITIVE
    assert classify_column("出生日期", ["1990-03-07", "1970-01-01"]).data_class is DataClass.CONSENT_REQUIRED


def test_excel_damage_is_measured_and_explained() -> None:
    values = excel_damaged([resident_id(RNG) for _ in range(400)], RNG, 0.25)
    result = classify_column("身份证号", values)
    assert result.type is T.RESIDENT_ID
    assert 0.15 < result.evidence.excel_damaged_share < 0.35
    assert result.evidence.valid_share == 1.0  # damaged cells are set aside, not counted as invalid
    assert any("probably corrupted by Excel" in n for n in result.evidence.notes)


def test_a_fully_damaged_column_without_header_is_sensitive() -> None:
    values = [f"{RNG.randint(100000, 999999) / 10**5:.5f}E+17" for _ in range(50)]
    result = classify_column("col_4", values)
    assert result.evidence.excel_damaged_share == 1.0
    assert result.data_class is DataClass.SENSITIVE
    assert any("probably corrupted by Excel" in n for n in result.evidence.notes)


def test_free_text_with_embedded_ids_is_raised_to_sensitive() -> None:
    remarks = [
        f"客户身份证{resident_id(RNG)}，已核验。" if i % 20 == 0 else "客户很满意，下次再来。" for i in range(400)
    ]
    result = classify_column("备注", remarks)
    assert result.type is T.FREE_TEXT
    assert result.data_class is DataClass.SENSITIVE
    assert result.evidence.embedded == {T.RESIDENT_ID: 20}
    assert any("class raised to sensitive" in n for n in result.evidence.notes)


def test_free_text_embedding_cards_emails_and_phones_is_counted() -> None:
    remarks = [
        f"退款至卡号{bank_card(RNG)}",
        "请发邮件到 someone@example.com 确认",
        f"联系电话 +86 {mobile(RNG)}",
        "没有任何个人信息的一段备注文字",
    ] * 10
    result = classify_column(None, remarks)
    assert result.type is T.FREE_TEXT
    assert result.evidence.embedded == {T.BANK_CARD: 10, T.EMAIL: 10, T.MOBILE: 10}
    assert result.data_class is DataClass.SENSITIVE


def test_blank_cells_are_counted_but_not_typed() -> None:
    values = [mobile(RNG) for _ in range(90)] + ["", "NULL", "-", "无", " ", None, "N/A", "null", "—", "\u3000"]
    result = classify_column("手机号", values)  # type: ignore[arg-type]
    assert result.type is T.MOBILE
    assert result.evidence.blank_share == pytest.approx(0.1)
    assert result.evidence.sample_size == 90
    assert result.evidence.valid_share == 1.0


def test_an_empty_column_takes_its_class_from_the_header() -> None:
    assert classify_column(None, ["", "NULL"]).type is T.EMPTY
    assert classify_column(None, []).data_class is DataClass.PUBLIC
    result = classify_column("身份证号", ["", "-", "无"])
    assert result.type is T.EMPTY
    assert result.data_class is DataClass.SENSITIVE


def test_a_sample_covering_the_whole_column_is_exact() -> None:
    values = [resident_id(RNG) for _ in range(95)] + ["x"] * 5
    partial = classify_column(None, values, total_rows=1_000_000).evidence
    whole = classify_column(None, values, total_rows=100).evidence
    assert whole.valid_lower_bound == whole.valid_share == 0.95
    assert partial.valid_lower_bound < 0.95


def test_confidence_combines_values_and_header() -> None:
    values = [mobile(RNG) for _ in range(30)]
    with_header = classify_column("手机号", values)
    without = classify_column(None, values)
    assert without.confidence == without.evidence.valid_lower_bound
    assert with_header.confidence > without.confidence
    assert 0.0 <= with_header.confidence <= 1.0


def test_twelve_columns_are_classified_well_within_budget() -> None:
    columns = list(zip(*generate_customers(1000, seed=9), strict=True))
    start = time.perf_counter()
    results = [classify_column(h, c) for h, c in zip(CUSTOMER_COLUMNS, columns, strict=True)]
    elapsed = time.perf_counter() - start
    assert len(results) == 12
    # The goal is well under 50 ms; the bound here leaves room for slow, busy test machines.
    assert elapsed < 0.5, elapsed


# --- headers -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected", "exact"),
    [
        ("姓名", T.NAME, True),
        ("身份证号码(18位)", T.RESIDENT_ID, True),
        ("证件号码", T.RESIDENT_ID, True),
        ("手机号", T.MOBILE, True),
        ("联系人手机", T.MOBILE, False),  # the head noun comes last
        ("收货人电话", T.MOBILE, False),
        ("邮箱地址", T.EMAIL, True),
        ("银行卡开户行", T.BANK_NAME, False),
        ("订单号", T.ORDER_ID, True),
        ("客户订单号", T.ORDER_ID, False),
        ("交易流水号", T.ORDER_ID, True),
        ("编号", T.GENERIC_ID, True),
        ("序号", T.NUMBER, True),
        ("金额(元)", T.AMOUNT, True),
        ("金额（元）", T.AMOUNT, True),
        ("累计消费金额", T.PURCHASE_AMOUNT, True),
        ("ID", T.GENERIC_ID, True),
        ("user_id", T.GENERIC_ID, True),
        ("CustomerID", T.GENERIC_ID, True),
        ("ID No.", T.RESIDENT_ID, True),
        ("Phone Number", T.MOBILE, True),
        ("E-mail", T.EMAIL, True),
        ("Email Address", T.EMAIL, True),
        ("Date of Birth", T.BIRTH_DATE, True),
        ("billing_address", T.ADDRESS, True),
        ("customer mobile", T.MOBILE, False),
        ("Order Amount", T.PURCHASE_AMOUNT, True),
        ("ＩＰ地址", T.IPV4, True),
    ],
)
def test_match_header(header: str, expected: PiiType, exact: bool) -> None:
    evidence = match_header(header)
    assert evidence is not None
    assert (evidence.type, evidence.exact) == (expected, exact)
    assert 0 < evidence.weight <= 1


@pytest.mark.parametrize(
    "header", [None, "", "col_3", "Column1", "Unnamed: 2", "列3", "字段7", "paid", "valid_from", "备用"]
)
def test_placeholder_and_unknown_headers_say_nothing(header: str | None) -> None:
    assert match_header(header) is None


def test_business_numbers_are_negative_and_a_substring_match_is_weaker() -> None:
    assert match_header("订单编号").negative  # type: ignore[union-attr]
    assert not match_header("身份证号").negative  # type: ignore[union-attr]
    exact, inside = match_header("手机"), match_header("联系人手机")
    assert exact is not None and inside is not None and inside.weight < exact.weight


def test_every_dictionary_keyword_matches_itself_exactly() -> None:
    assert {"姓名", "身份证号", "手机号", "银行卡号", "订单号", "金额", "email", "iban", "dob"} <= set(HEADER_KEYWORDS)
    for keyword, (t, weight) in HEADER_KEYWORDS.items():
        assert 0 < weight <= 1
        assert match_header(keyword) == HeaderEvidence(keyword, t, weight, exact=True)


def test_normalize_header() -> None:
    assert normalize_header(" Customer_Name ") == "customername"
    assert normalize_header("ｅ－ｍａｉｌ") == "email"
    assert normalize_header("身份证 号码") == "身份证号码"


# --- masking, classes, statistics ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "value", "masked"),
    [
        (T.RESIDENT_ID, "11010119900307123X", "110101********123X"),
        (T.RESIDENT_ID, "110101900307123", "110101*****7123"),
        (T.MOBILE, "13856785678", "138****5678"),
        (T.MOBILE, "+86 138 5678 5678", "138****5678"),
        (T.BANK_CARD, "6222021234567890123", "622202*********0123"),
        (T.NAME, "张三", "张*"),
        (T.NAME, "张小明", "张*明"),
        (T.NAME, "欧阳娜娜", "欧阳**"),
        (T.NAME, "阿卜杜·热合曼", "阿**·***"),
        (T.EMAIL, "abc@qq.com", "a***@qq.com"),
        (T.DATE, "2023-01-05", "2********5"),
        (T.GENDER, "男", "*"),
        (T.TEXT, "", "*"),
    ],
)
def test_mask_example(t: PiiType, value: str, masked: str) -> None:
    assert mask_example(t, value) == masked


def test_masks_never_return_the_value() -> None:
    samples = ["", "a", "ab", "abc", "张", "13800138000", "x" * 300, "a@b", "@", "😀", "110101"]
    for t in PiiType:
        for value in samples:
            masked = mask_example(t, value)
            assert masked != value or value == "*", (t, value)
            assert "*" in masked
            assert len(masked) <= max(len(value), 1) + 3


def test_data_class_values_are_a_public_contract() -> None:
    assert [c.value for c in DataClass] == ["public", "consent-required", "sensitive"]


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (T.RESIDENT_ID, DataClass.SENSITIVE),
        (T.BANK_CARD, DataClass.SENSITIVE),
        (T.PASSPORT, DataClass.SENSITIVE),
        (T.HEALTH, DataClass.SENSITIVE),
        (T.RELIGION, DataClass.SENSITIVE),
        (T.PRECISE_LOCATION, DataClass.SENSITIVE),
        (T.MOBILE, DataClass.CONSENT_REQUIRED),
        (T.NAME, DataClass.CONSENT_REQUIRED),
        (T.ADDRESS, DataClass.CONSENT_REQUIRED),
        (T.BIRTH_DATE, DataClass.CONSENT_REQUIRED),
        (T.PURCHASE_AMOUNT, DataClass.CONSENT_REQUIRED),
        (T.TEXT, DataClass.CONSENT_REQUIRED),
        (T.COMPANY_NAME, DataClass.PUBLIC),
        (T.USCC, DataClass.PUBLIC),
        (T.ORDER_ID, DataClass.PUBLIC),
        (T.AMOUNT, DataClass.PUBLIC),
    ],
)
def test_default_class(t: PiiType, expected: DataClass) -> None:
    assert default_class(t) is expected


def test_wilson_lower_bound() -> None:
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(10, 10) == pytest.approx(0.7225, abs=1e-4)
    assert wilson_lower_bound(950, 1000) == pytest.approx(0.9347, abs=1e-4)
    assert wilson_lower_bound(950, 1000, population=1000) == 0.95
    assert wilson_lower_bound(950, 1000) < wilson_lower_bound(950, 1000, population=2000) < 0.95
    assert noisy_or(0.5, 0.5) == 0.75
