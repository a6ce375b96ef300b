"""Labelled accuracy suite for the column classifier: small tables built in code, every column labelled.

All values are synthetic (check characters computed here); none belongs to a real person. The suite covers
Chinese and English headers, headerless and shuffled tables, noise (blanks, placeholders, typos, padding,
full-width digits), business numbers that look like IDs, and IDs damaged by Excel.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from dataroom.core.pii.checksums import (
    hk_id_check_char,
    luhn_check_digit,
    resident_id_check_char,
    tw_id_check_digit,
    uscc_check_char,
)
from dataroom.core.pii.classifier import classify_column
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers
from dataroom.core.pii.types import PiiType as T

ROWS = 300


@dataclass(frozen=True)
class LabelledColumn:
    header: str | None
    values: list[str]
    expected: T


@dataclass(frozen=True)
class LabelledTable:
    name: str
    columns: list[LabelledColumn]


@dataclass(frozen=True)
class Outcome:
    table: str
    column: LabelledColumn
    got: T
    notes: list[str]


# --- value makers (all check characters computed, all people invented) ---------------------------------------


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def resident_id(rng: random.Random) -> str:
    body = rng.choice(["110101", "310104", "440305", "510107", "330106"]) + _birth(rng) + _digits(rng, 3)
    return body + resident_id_check_char(body)


def _birth(rng: random.Random) -> str:
    return f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"


def bank_card(rng: random.Random) -> str:
    body = rng.choice(["622202", "621700", "622848"]) + _digits(rng, 12)
    return body + luhn_check_digit(body)


def mobile(rng: random.Random) -> str:
    return rng.choice(["138", "139", "186", "150", "177"]) + _digits(rng, 8)


def uscc(rng: random.Random) -> str:
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    body = "91" + rng.choice(["110105", "310115", "440305"]) + "".join(rng.choice(alphabet) for _ in range(9))
    return body + uscc_check_char(body)


def hk_id(rng: random.Random) -> str:
    body = rng.choice("ACDEGKPRZ") + _digits(rng, 6)
    return f"{body}({hk_id_check_char(body)})"


def tw_id(rng: random.Random) -> str:
    body = rng.choice("ABCDEFHKLM") + rng.choice("12") + _digits(rng, 7)
    return body + tw_id_check_digit(body)


def permanent_id(rng: random.Random) -> str:
    body = "9" + rng.choice(["11", "31", "44"]) + rng.choice(["840", "826", "392", "276"]) + _birth(rng)
    body += _digits(rng, 3)
    return body + resident_id_check_char(body)


def iban(rng: random.Random) -> str:
    bban = "WEST" + _digits(rng, 14)
    rearranged = "".join(str(int(c, 36)) for c in bban + "GB00")
    return f"GB{98 - int(rearranged) % 97:02d}{bban}"


def ssn(rng: random.Random) -> str:
    return f"{rng.randint(1, 665):03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"


def plate(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    tail = "".join(rng.choice(letters + "0123456789") for _ in range(4)) + rng.choice("0123456789")
    if rng.random() < 0.3:
        tail = rng.choice("DF") + rng.choice(letters) + _digits(rng, 4)
    return rng.choice("京沪粤浙苏川鄂") + rng.choice(letters) + tail


def landline(rng: random.Random) -> str:
    area = rng.choice(["010", "021", "020", "0755", "0571", "028"])
    return f"{area}-{rng.randint(2, 8)}{_digits(rng, 7)}" + (f"转{rng.randint(100, 999)}" if rng.random() < 0.1 else "")


def order_number(rng: random.Random) -> str:
    # 18 digits like a resident ID, but a date-stamped business number: fails the ID checks.
    return "2023" + _digits(rng, 14)


def company(rng: random.Random) -> str:
    return (
        rng.choice(["北京", "上海", "深圳", "杭州"])
        + rng.choice(["星辰", "华远", "东方", "创新"])
        + rng.choice(["科技有限公司", "贸易有限公司", "咨询服务有限公司", "集团股份有限公司"])
    )


def birth_date_text(rng: random.Random) -> str:
    y, m, d = rng.randint(1950, 2004), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{y}年{m}月{d}日", f"{y}/{m}/{d}", f"{y}{m:02d}{d:02d}", f"{y}-{m:02d}-{d:02d}"])


def coordinates(rng: random.Random) -> str:
    return f"{rng.uniform(22, 45):.6f},{rng.uniform(100, 125):.6f}"


def ipv4(rng: random.Random) -> str:
    return f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> str:
    return "2001:db8:" + ":".join(f"{rng.randint(0, 0xFFFF):x}" for _ in range(6))


def intl_phone(rng: random.Random) -> str:
    return rng.choice([f"+1 415 555 {_digits(rng, 4)}", f"+44 20 7946 {_digits(rng, 4)}", f"+49 30 {_digits(rng, 8)}"])


def english_name(rng: random.Random) -> str:
    return f"{rng.choice(['John', 'Mary', 'Ahmed', 'Lena', 'Ken'])} {rng.choice(['Smith', 'Garcia', 'Ito', 'Novak'])}"


def street_address(rng: random.Random) -> str:
    return (
        f"{rng.randint(1, 999)} {rng.choice(['Baker', 'Main', 'Elm', 'Oak'])} {rng.choice(['Street', 'Road', 'Ave'])}"
    )


def cn_passport(rng: random.Random) -> str:
    return "E" + _digits(rng, 8) if rng.random() < 0.7 else "E" + rng.choice("ABCDEFGH") + _digits(rng, 7)


def passport_generic(rng: random.Random) -> str:
    return rng.choice("CKLX") + "".join(rng.choice("0123456789CFGHJKLMNPRTVWXYZ") for _ in range(8))


# --- noise ---------------------------------------------------------------------------------------------------

_PLACEHOLDERS = ("", " ", "NULL", "-", "无", "N/A")
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def noisy(values: list[str], rng: random.Random, *, blanks: float = 0.05, typos: float = 0.02) -> list[str]:
    """Blank about ``blanks`` of the cells, mistype ``typos`` of them (one character changed) and pad a few."""
    out = []
    for v in values:
        x = rng.random()
        if x < blanks:
            out.append(rng.choice(_PLACEHOLDERS))
        elif x < blanks + typos and v:
            i = rng.randrange(len(v))
            out.append(v[:i] + rng.choice("0123456789") + v[i + 1 :])
        elif x < blanks + typos + 0.03:
            out.append(f"  {v} ")
        else:
            out.append(v)
    return out


def phone_variants(values: list[str], rng: random.Random) -> list[str]:
    """Mobile numbers written the many ways people write them: +86, 0086, spaces, dashes, full-width digits."""
    forms: list[Callable[[str], str]] = [
        lambda m: m,
        lambda m: f"+86 {m[:3]} {m[3:7]} {m[7:]}",
        lambda m: f"0086-{m}",
        lambda m: m.translate(_FULL_WIDTH),
        lambda m: f"{m[:3]}-{m[3:7]}-{m[7:]}",
        lambda m: f"(+86){m}",
    ]
    return [rng.choice(forms)(v) for v in values]


def excel_damaged(values: list[str], rng: random.Random, share: float) -> list[str]:
    """Damage ``share`` of long numbers the way Excel does: scientific notation or a zeroed tail."""
    out = []
    for v in values:
        if rng.random() < share:
            out.append(
                f"{int(v[:6]) / 10**5:.5f}E+{len(v) - 1}" if rng.random() < 0.6 else v[:15] + "0" * (len(v) - 15)
            )
        else:
            out.append(v)
    return out


# --- tables --------------------------------------------------------------------------------------------------


def _customers(seed: int) -> list[list[str]]:
    return [list(c) for c in zip(*generate_customers(ROWS, seed), strict=True)]


_CUSTOMER_TYPES_ZH = [T.GENERIC_ID, T.NAME, T.GENDER, T.RESIDENT_ID, T.MOBILE, T.EMAIL, T.BANK_CARD, T.BANK_NAME,
                      T.ADDRESS, T.DATE, T.PURCHASE_AMOUNT, T.FREE_TEXT]  # fmt: skip
# Without a header nothing says the amounts are a customer's spending, or that 6-8 digit numbers are IDs.
_CUSTOMER_TYPES_BARE = [T.GENERIC_ID, T.NAME, T.GENDER, T.RESIDENT_ID, T.MOBILE, T.EMAIL, T.BANK_CARD, T.BANK_NAME,
                        T.ADDRESS, T.DATE, T.AMOUNT, T.FREE_TEXT]  # fmt: skip
_ENGLISH_HEADERS = ["Customer ID", "Full Name", "Gender", "ID Number", "Mobile", "E-mail", "Bank Card No", "Bank",
                    "Address", "Registration Date", "Total Spent", "Notes"]  # fmt: skip


def accuracy_tables() -> list[LabelledTable]:
    """Every labelled table of the suite."""
    rng = random.Random(20240601)
    tables = []

    cols = _customers(1)
    tables.append(LabelledTable("customers, Chinese headers", [
        LabelledColumn(h, c, t) for h, c, t in zip(CUSTOMER_COLUMNS, cols, _CUSTOMER_TYPES_ZH, strict=True)
    ]))  # fmt: skip

    cols = _customers(2)
    tables.append(LabelledTable("customers, English headers", [
        LabelledColumn(h, c, t) for h, c, t in zip(_ENGLISH_HEADERS, cols, _CUSTOMER_TYPES_ZH, strict=True)
    ]))  # fmt: skip

    cols = _customers(3)
    tables.append(LabelledTable("customers, no header", [
        LabelledColumn(None, c, t) for c, t in zip(cols, _CUSTOMER_TYPES_BARE, strict=True)
    ]))  # fmt: skip

    cols = _customers(4)
    order = list(range(len(cols)))
    rng.shuffle(order)
    placeholders = ["col_{}", "Column{}", "Unnamed: {}", "列{}", "字段{}", "F{}"]
    tables.append(LabelledTable("customers, shuffled, placeholder headers", [
        LabelledColumn(placeholders[n % len(placeholders)].format(n + 1), cols[i], _CUSTOMER_TYPES_BARE[i])
        for n, i in enumerate(order)
    ]))  # fmt: skip

    cols = _customers(5)
    noisy_cols = [noisy(c, rng) for c in cols]
    noisy_cols[4] = noisy(phone_variants(cols[4], rng), rng)
    tables.append(LabelledTable("customers, noisy", [
        LabelledColumn(h, c, t) for h, c, t in zip(CUSTOMER_COLUMNS, noisy_cols, _CUSTOMER_TYPES_ZH, strict=True)
    ]))  # fmt: skip

    def col(maker: Callable[[random.Random], str]) -> list[str]:
        return [maker(rng) for _ in range(ROWS)]

    ids = col(resident_id)
    remarks = [
        f"客户身份证{resident_id(rng)}已核验" if rng.random() < 0.05 else "已发货，客户已签收。" for _ in range(ROWS)
    ]
    tables.append(LabelledTable("orders", [
        LabelledColumn("订单编号", col(order_number), T.ORDER_ID),
        LabelledColumn("编号", col(order_number), T.GENERIC_ID),
        LabelledColumn(None, col(order_number), T.GENERIC_ID),
        LabelledColumn("下单时间", [f"2023-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T1{rng.randint(0, 9)}:30:00+08:00"
                                   for _ in range(ROWS)], T.DATE),
        LabelledColumn("订单金额", [f"¥{rng.randint(1, 99)},{rng.randint(100, 999)}.{rng.randint(10, 99)}"
                                   for _ in range(ROWS)], T.PURCHASE_AMOUNT),
        LabelledColumn("金额", [f"{rng.randint(1, 9999)}.{rng.randint(10, 99)}元" for _ in range(ROWS)], T.AMOUNT),
        LabelledColumn("数量", [str(rng.randint(1, 20)) for _ in range(ROWS)], T.NUMBER),
        LabelledColumn("序号", [str(i) for i in range(1, ROWS + 1)], T.NUMBER),
        LabelledColumn("客户手机", phone_variants(col(mobile), rng), T.MOBILE),
        LabelledColumn("登录IP", col(ipv4), T.IPV4),
        LabelledColumn("编号", ids, T.RESIDENT_ID),  # a business header over real IDs: the checksums win
        LabelledColumn("备注", remarks, T.FREE_TEXT),
    ]))  # fmt: skip

    tables.append(LabelledTable("Excel-damaged IDs", [
        LabelledColumn("身份证号", excel_damaged(col(resident_id), rng, 0.3), T.RESIDENT_ID),
        LabelledColumn(None, excel_damaged(col(resident_id), rng, 0.2), T.RESIDENT_ID),
        LabelledColumn("银行卡号", excel_damaged(col(bank_card), rng, 0.3), T.BANK_CARD),
    ]))  # fmt: skip

    misc = [
        ("统一社会信用代码", col(uscc), T.USCC, T.USCC),
        ("公司名称", col(company), T.COMPANY_NAME, T.COMPANY_NAME),
        ("车牌号", col(plate), T.PLATE, T.PLATE),
        ("座机", col(landline), T.LANDLINE, T.LANDLINE),
        ("护照号码", col(cn_passport), T.PASSPORT, T.PASSPORT),
        ("出生日期", col(birth_date_text), T.BIRTH_DATE, T.DATE),
        ("年龄", [str(rng.randint(18, 80)) for _ in range(ROWS)], T.AGE, T.NUMBER),
        ("民族", [rng.choice(["汉族"] * 8 + ["回族", "满族", "壮族", "维吾尔族"]) for _ in range(ROWS)], T.ETHNICITY,
         T.ETHNICITY),
        ("经纬度", col(coordinates), T.PRECISE_LOCATION, T.PRECISE_LOCATION),
        ("香港身份证", col(hk_id), T.HK_ID, T.HK_ID),
        ("台湾身份证", col(tw_id), T.TW_ID, T.TW_ID),
        ("澳门身份证", [f"{rng.choice('157')}{_digits(rng, 6)}({rng.randint(0, 9)})" for _ in range(ROWS)], T.MO_ID,
         T.MO_ID),
        ("永久居留证", col(permanent_id), T.FOREIGN_PERMANENT_ID, T.FOREIGN_PERMANENT_ID),
    ]  # fmt: skip
    tables.append(LabelledTable("assorted Chinese types", [LabelledColumn(h, c, t) for h, c, t, _ in misc]))
    tables.append(
        LabelledTable("assorted Chinese types, no header", [LabelledColumn(None, c, t) for _, c, _, t in misc])
    )

    tables.append(LabelledTable("English-world customers", [
        LabelledColumn("Name", col(english_name), T.NAME),
        LabelledColumn("Phone", col(intl_phone), T.PHONE_INTL),
        LabelledColumn("IBAN", col(iban), T.IBAN),
        LabelledColumn("SSN", col(ssn), T.SSN),
        LabelledColumn("Street Address", col(street_address), T.ADDRESS),
        LabelledColumn("IP Address", col(ipv6), T.IPV6),
        LabelledColumn("DOB", [f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1950, 2000)}"
                               for _ in range(ROWS)], T.BIRTH_DATE),
        LabelledColumn("Amount", [f"${rng.randint(1, 99)},{rng.randint(100, 999)}.00" for _ in range(ROWS)], T.AMOUNT),
        LabelledColumn("Passport No", col(passport_generic), T.PASSPORT),
        LabelledColumn("Company", [f"{rng.choice(['Acme', 'Globex', 'Initech'])} Co., Ltd." for _ in range(ROWS)],
                       T.COMPANY_NAME),
        LabelledColumn("Order No", [f"SO-{rng.randint(100000, 999999)}" for _ in range(ROWS)], T.ORDER_ID),
        LabelledColumn("ID", [f"{rng.randint(10**7, 10**8 - 1)}" for _ in range(ROWS)], T.GENERIC_ID),
    ]))  # fmt: skip
    return tables


def run_suite(tables: list[LabelledTable]) -> list[Outcome]:
    """Classify every column of every table."""
    return [
        Outcome(table.name, column, result.type, result.evidence.notes)
        for table in tables
        for column in table.columns
        for result in [classify_column(column.header, column.values)]
    ]


def confusion_table(outcomes: list[Outcome]) -> str:
    """Confusion table in sparse form (expected type, columns, correct, what the others were typed as), then every
    miss with the classifier's notes."""
    pairs = Counter((o.column.expected, o.got) for o in outcomes)
    expected_types = sorted({e for e, _ in pairs}, key=lambda t: t.value)
    lines = [f"{'expected':<22}{'columns':>8}{'correct':>8}  typed instead as"]
    for expected in expected_types:
        total = sum(n for (e, _), n in pairs.items() if e == expected)
        others = ", ".join(f"{g}:{n}" for (e, g), n in sorted(pairs.items()) if e == expected and g != expected)
        lines.append(f"{expected.value:<22}{total:>8}{pairs.get((expected, expected), 0):>8}  {others}")
    correct = sum(n for (e, g), n in pairs.items() if e == g)
    lines.append(f"{correct}/{len(outcomes)} columns typed correctly")
    for o in outcomes:
        if o.got != o.column.expected:
            lines.append(
                f"  miss [{o.table}] {o.column.header!r}: expected {o.column.expected}, got {o.got}; {o.notes}"
            )
    return "\n".join(lines)
