"""Validators: valid and invalid values of every type, and hostile input (blank, emoji, huge, full-width)."""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

import pytest

from dataroom.core.pii.checksums import luhn_check_digit, resident_id_check_char
from dataroom.core.pii.types import PiiType as T
from dataroom.core.pii.validators import VALIDATORS, excel_damage, validate_many
from dataroom.core.pii.validators_common import has_unionpay_prefix, parse_date
from tests.core.pii_tables import bank_card, cn_passport, hk_id, iban, permanent_id, resident_id, tw_id, uscc

RNG = random.Random(35273)
# Every printable ASCII character has a full-width twin 0xFEE0 code points further on.
FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


def rid(region: str, birth: str, sequence: str = "123") -> str:
    body = region + birth + sequence
    return body + resident_id_check_char(body)


def grouped(number: str, sizes: tuple[int, ...], separator: str) -> str:
    parts, start = [], 0
    for size in sizes:
        parts.append(number[start : start + size])
        start += size
    return separator.join(parts)


def with_wrong_check(number: str) -> str:
    last = number[-1]
    return number[:-1] + ("0" if last != "0" else "1")


TODAY = date.today()
TOMORROW = (TODAY + timedelta(days=1)).strftime("%Y%m%d")

VALID: dict[T, list[str]] = {
    T.RESIDENT_ID: [
        *(resident_id(RNG) for _ in range(20)),
        rid("110101", "19900307"),
        rid("440305", "20000229"),  # a leap day
        rid("810000", "19851201"),  # Hong Kong resident's residence permit
        rid("830000", "19851201"),
        rid("110101", "19900307", "125")[:-1] + "x",  # lower-case check character (the check is X)
        "110101900307123",  # legacy 15-digit number
        " " + grouped(rid("110101", "19900307"), (6, 8, 4), " ") + " ",
        rid("110101", "19900307").translate(FULL_WIDTH),
    ],
    T.FOREIGN_PERMANENT_ID: [*(permanent_id(RNG) for _ in range(10)), "USA110101234567", "gbr 110101 234567"],
    T.USCC: [*(uscc(RNG) for _ in range(10))],
    T.BANK_CARD: [*(bank_card(RNG) for _ in range(10)), "4111 1111 1111 1111",
                  grouped(bank_card(RNG), (4, 4, 4, 4, 3), "-")],
    T.MOBILE: ["13800138000", "+86 138 0013 8000", "0086-13800138000", "(+86)13912345678", "199 1234 5678",
               "13800138000".translate(FULL_WIDTH), "+8615012345678"],
    T.LANDLINE: ["010-62345678", "(0755)8765 4321", "021-62345678转801", "0571-8765432", "02162345678",
                 "+86 10 62345678", "010-62345678-123"],
    T.PHONE_INTL: ["+1 415 555 2671", "+44 20 7946 0958", "0049 30 12345678", "+81-3-1234-5678"],
    T.EMAIL: ["a.b+tag@mail.example.cn", "zhangwei88@qq.com", "ZHANG@163.COM", "test@qq.com".translate(FULL_WIDTH),
              " x_y@sub.domain.org "],
    T.NAME: ["张伟", "王小明", "欧阳娜娜", "司马光", "诸葛亮", "阿卜杜·热合曼", "买买提・艾力", "张　三", "李 四"],
    T.ADDRESS: ["北京市东城区东华门街道100号", "广东省深圳市南山区科技园路1号", "上海市徐汇区",
                "浙江杭州西湖区文三路90号", "北京朝阳区建国路88号2栋3单元1201室", "12 Baker Street, London",
                "1600 Pennsylvania Avenue NW"],
    T.PASSPORT: ["E12345678", "EA1234567", "G12345678", "DE1234567", "se1234567"],
    T.HK_ID: [*(hk_id(RNG) for _ in range(10)), "A123456(3)", "A1234563"],
    T.MO_ID: ["1234567(8)", "5/123456/7"],
    T.TW_ID: [*(tw_id(RNG) for _ in range(10)), "A123456789"],
    T.PLATE: ["京A12345", "粤B·D12345", "沪A12345D", "苏E 8K9L2", "川A1234学", "浙a12345"],
    T.IPV4: ["192.168.1.1", "8.8.8.8", "255.255.255.255", "10.0.0.1".translate(FULL_WIDTH)],
    T.IPV6: ["2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a", "::ffff:10.0.0.1"],
    T.DATE: ["2023-01-05", "2023/1/5", "20230105", "2023年1月5日", "2023年1月5号", "2023.01.05", "05/01/2023",
             "2023-01-05T10:20:30+08:00", "2023-01-05 10:20:30", "2023-01-05T10:20:30.123Z", "5 Jan 2023",
             "Jan 5, 2023", "2024-02-29", "2023-01-05".translate(FULL_WIDTH)],
    T.AMOUNT: ["¥1,234.50", "￥-20", "(1,234.00)", "1234.50", "100元", "RMB 100", "1,234", "-¥3.00", "$99.99",
               "12.5万元", "5,000 CNY"],
    T.IBAN: [iban(RNG) for _ in range(5)],
    T.SSN: ["123-45-6789", "001-01-0001"],
    T.GENDER: ["男", "女", "M", "f", "Male", "女性", "先生"],
    T.ETHNICITY: ["汉族", "汉", "维吾尔族", "蒙古族", "土家族"],
    T.RELIGION: ["佛教", "基督教", "Muslim", "无宗教信仰"],
    T.PRECISE_LOCATION: ["39.904200,116.407400", "116.4074, 39.9042", "(31.2304,121.4737)", "-33.8688 151.2093"],
    T.BANK_NAME: ["中国工商银行北京东城支行", "招商银行", "农村信用社", "Bank of China"],
    T.COMPANY_NAME: ["北京某某科技有限公司", "华为技术有限公司", "阿里巴巴集团", "Acme Co., Ltd.", "Globex GmbH",
                     "某某律师事务所", "某某（北京）有限公司(分公司)"],
    T.AGE: ["0", "35", "130", "18岁"],
    T.NUMBER: ["0", "42", "-3.5", "1,234,567", "12.5%", "1e-5", "123456789012345"],
    T.GENERIC_ID: ["C00012345", "ORD-2023-0001", "00012345", "202301050001", "A1B2C3"],
    T.FREE_TEXT: ["客户要求周末送货。", "Please deliver after five pm", "已电话回访，客户满意"],
}  # fmt: skip

INVALID: dict[T, list[str]] = {
    T.RESIDENT_ID: [
        with_wrong_check(rid("110101", "19900307")),
        rid("110101", "19900230"),  # no 30 February
        rid("110101", "19000229"),  # 1900 was not a leap year
        rid("110101", "18991231"),  # before 1900
        rid("110101", TOMORROW),  # born in the future
        rid("990101", "19900307"),  # no such province
        rid("000000", "19900307"),
        rid("910101", "19900307"),  # 9x is the foreigner's card, not a resident ID
        "123456789012345678",
        "110101199003071",  # 15 digits, but 9903 is not a month and day in the 1900s
        "110101990230123",  # 15 digits, 30 February
        "11010119900307123Y",
        "1101011990030712",
        "١١٠١٠١١٩٩٠٠٣٠٧١٢٣٣",  # Arabic-Indic digits are digits to Python, not to us
    ],
    T.FOREIGN_PERMANENT_ID: [with_wrong_check(permanent_id(RNG)), rid("110101", "19900307"), "US110101234567"],
    T.USCC: [with_wrong_check(uscc(RNG)), "91110105MA01ABCDXI", "1" * 18, "9111010"],
    T.BANK_CARD: [with_wrong_check(bank_card(RNG)), "0" + luhn_check_digit("0") * 15, "4111 1111 1111", "1" * 20],
    T.MOBILE: ["12800138000", "1380013800", "138001380000", "+1 138 0013 8000", "0138001380", "86138001380001"],
    T.LANDLINE: ["13800138000", "010-02345678", "1234-5678901", "010-123", "0755-12345"],
    T.PHONE_INTL: ["+0 123 456 7890", "12345678", "+1 23", "+12345678901234567"],
    T.EMAIL: ["plainaddress", "@qq.com", "a@b", "a@@b.com", "a b@qq.com", "a@qq..com", "张伟@qq.com", "a@qq.c"],
    T.NAME: ["杭州", "张", "北京市", "汉族", "张伟伟伟伟", "John", "王1", "有限公司", "·热合曼"],
    T.ADDRESS: ["去市区取货", "北京", "客户说明天去市区取货。", "张伟", "123"],
    T.PASSPORT: ["E1234567", "A12345678", "E123456789", "EI1234567"],
    T.HK_ID: [with_wrong_check(hk_id(RNG).replace("(", "").replace(")", "")), "123456(7)", "A12345(6)"],
    T.MO_ID: ["12345678", "2234567(8)", "1234567"],
    T.TW_ID: [with_wrong_check(tw_id(RNG)), "A323456789", "1123456789"],
    T.PLATE: ["京I12345", "A12345", "京A1234", "京A1234567", "X京12345"],
    T.IPV4: ["256.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "a.b.c.d"],
    T.IPV6: ["12:30:45", "2001:db8::1::1", "00:1A:2B:3C:4D:5E", "gggg::1"],
    T.DATE: ["44931", "2023-02-30", "2023-13-01", "1899-12-31", "2101-01-01", "20231301", "2023/01/05/06",
             "Foo 5, 2023", "hello", "2023-01-05T25:00"],
    T.AMOUNT: ["1234", "3.5", "abc", "¥", "(1,234.00", "1,23,4"],
    T.IBAN: [with_wrong_check(iban(RNG)), "GB82", "XX00000000000000000"],
    T.SSN: ["000-12-3456", "666-12-3456", "912-12-3456", "123-00-4567", "123-45-0000", "123456789"],
    T.GENDER: ["男女", "x", "1"],
    T.ETHNICITY: ["火星族", "汉人", "Han"],
    T.RELIGION: ["足球", "none at all"],
    T.PRECISE_LOCATION: ["39.9,116.4", "91.000000,181.000000", "hello,world"],
    T.BANK_NAME: ["招", "北京某某科技有限公司"],
    T.COMPANY_NAME: ["公司", "张伟", "北京市东城区"],
    T.AGE: ["131", "-1", "3.5", "abc", "1000"],
    T.NUMBER: ["0123", "1234567890123456", "1.2.3", "abc", "+", ".", "%"],
    T.GENERIC_ID: ["123", "12345", "hello", "123.45", "a b c", "10:30", "10:30:15"],
    T.FREE_TEXT: ["张伟", "OK", "C0001234"],
}  # fmt: skip


@pytest.mark.parametrize("t", list(VALID))
def test_valid_values_validate(t: T) -> None:
    rejected = [v for v in VALID[t] if not VALIDATORS[t](v)]
    assert not rejected, f"{t}: {rejected}"


@pytest.mark.parametrize("t", list(INVALID))
def test_invalid_values_do_not_validate(t: T) -> None:
    accepted = [v for v in INVALID[t] if VALIDATORS[t](v)]
    assert not accepted, f"{t}: {accepted}"


def test_every_type_has_a_validator() -> None:
    assert set(VALIDATORS) == set(T)


HOSTILE = ["", " ", "\t\n", "\u3000", "NULL", "null", "-", "—", "无", "N/A", "none", "\u200b"]
# Validators that accept any non-blank text (or, for EMPTY, only blanks) answer differently on purpose.
ANYTHING = {T.TEXT, T.IM_ACCOUNT, T.HEALTH, T.EMPTY}


@pytest.mark.parametrize("t", sorted(set(T) - ANYTHING))
def test_blank_and_placeholder_cells_never_validate(t: T) -> None:
    accepted = [v for v in HOSTILE if VALIDATORS[t](v)]
    assert not accepted, f"{t}: {accepted}"


def test_blank_cells_are_empty_and_not_text() -> None:
    for v in HOSTILE:
        assert VALIDATORS[T.EMPTY](v), v
        assert not VALIDATORS[T.TEXT](v), v
    assert VALIDATORS[T.TEXT]("😀")
    assert not VALIDATORS[T.EMPTY]("0")


EMOJI = ["😀", "13800138000😀", "😀@qq.com", "张😀", "1️⃣3️⃣8️⃣", "🇨🇳"]


@pytest.mark.parametrize("t", sorted(set(T) - ANYTHING))
def test_emoji_never_validate(t: T) -> None:
    accepted = [v for v in EMOJI if VALIDATORS[t](v)]
    assert not accepted, f"{t}: {accepted}"


HUGE = [
    "1" * 100_000,
    "a" * 100_000 + "@",
    "a@" * 50_000,
    "." * 100_000,
    "张" * 100_000,
    "北京市东城区" * 20_000,
    "1-" * 50_000,
    "1," * 50_000 + "1",
    "2023-01-05" * 10_000,
    "+86 " * 25_000,
    " " * 100_000,
    "A" * 99_999 + "(",
    "1.1" * 33_000 + "E+17",
    "银行" * 50_000,
]


@pytest.mark.parametrize("t", list(T))
def test_huge_values_are_rejected_quickly(t: T) -> None:
    for value in HUGE:
        start = time.perf_counter()
        VALIDATORS[t](value)
        excel_damage(value)
        # Linear work on 100,000 characters takes a millisecond; backtracking would take seconds.
        assert time.perf_counter() - start < 0.1, (t, value[:20])


def test_huge_values_are_not_valid_identifiers() -> None:
    for t in (T.RESIDENT_ID, T.MOBILE, T.BANK_CARD, T.EMAIL, T.NAME, T.DATE, T.AMOUNT, T.NUMBER, T.ADDRESS):
        assert not any(VALIDATORS[t](v) for v in HUGE), t


def test_parse_date_reads_day_first_when_ambiguous() -> None:
    assert parse_date("05/01/2023") == (2023, 1, 5)
    assert parse_date("12/31/2023") == (2023, 12, 31)
    assert parse_date("2023年2月29日") is None
    assert parse_date("20240229") == (2024, 2, 29)


def test_unionpay_prefix() -> None:
    assert has_unionpay_prefix("6222 0212 3456 7890")
    assert has_unionpay_prefix("8171999927660000")
    assert not has_unionpay_prefix("4111111111111111")


@pytest.mark.parametrize(
    ("value", "damaged"),
    [
        ("1.10101E+17", True),
        ("1.10101e17", True),
        ("1.10101199003071E+17", True),
        ("6.22202E+18", True),
        ("110101199003071000", True),  # zeroed tail, resident-ID checksum fails
        ("6222021234567890000", True),  # zeroed tail, Luhn fails
        ("1.10101E+17".translate(FULL_WIDTH), True),
        ("1.5E+3", False),  # a small number in scientific notation is just a number
        ("1.10101E+25", False),
        ("12345", False),
        ("", False),
        ("abc@example.com", False),
        ("2023-01-05", False),
    ],
)
def test_excel_damage(value: str, damaged: bool) -> None:
    assert excel_damage(value) is damaged


def test_excel_damage_spares_valid_numbers_that_end_in_zeros() -> None:
    partials = (f"6222021234567{i:03d}00" for i in range(1000))
    card = next(p + "0" for p in partials if luhn_check_digit(p) == "0")
    assert card.endswith("000")
    assert not excel_damage(card)
    assert not any(excel_damage(resident_id(RNG)) for _ in range(2000))


def test_validate_many_counts_valid_values() -> None:
    cards = [bank_card(RNG) for _ in range(7)]
    values = [resident_id(RNG) for _ in range(50)] + ["123", "", "NULL"] + cards
    assert validate_many(T.RESIDENT_ID, values) == 50
    assert validate_many(T.BANK_CARD, [*cards, "123", "6222"]) == 7
    assert validate_many(T.PASSPORT, [cn_passport(RNG) for _ in range(9)]) == 9
    assert validate_many(T.EMPTY, values) == 2
