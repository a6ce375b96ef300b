"""Validators for values written the same way everywhere: cards, e-mail, IP addresses, dates, amounts, numbers.

Also the catch-all shapes the classifier falls back to (identifier-like codes, numbers, free text).
"""

from __future__ import annotations

import ipaddress
import re

from dataroom.core.pii.checksums import luhn_valid
from dataroom.core.pii.dates import real_date
from dataroom.core.pii.normalize import HAN, compact, is_blank, nfkc


def is_bank_card(value: str) -> bool:
    """Payment card number (bank card or credit card): 16-19 digits passing the Luhn check."""
    s = compact(value)
    return 16 <= len(s) <= 19 and s[0] != "0" and luhn_valid(s)


def has_unionpay_prefix(value: str) -> bool:
    """Whether a card number starts with a China UnionPay prefix (62, or 81 for the newer ranges)."""
    return compact(value).startswith(("62", "81"))


# Dot-separated atoms on both sides: a dot is never inside a repeated group twice, so matching stays linear.
_EMAIL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}"
)


def is_email(value: str) -> bool:
    """E-mail address with an ASCII local part and domain (``a.b+tag@mail.example.cn``)."""
    s = nfkc(value)
    if not 6 <= len(s) <= 254 or s.count("@") != 1:
        return False
    return s.index("@") <= 64 and _EMAIL.fullmatch(s) is not None


def is_ipv4(value: str) -> bool:
    """Dotted-quad IPv4 address (no leading zeros, which ``ipaddress`` rejects as ambiguous)."""
    s = nfkc(value)
    if not 7 <= len(s) <= 15 or s.count(".") != 3:
        return False
    try:
        ipaddress.IPv4Address(s)
    except ValueError:
        return False
    return True


def is_ipv6(value: str) -> bool:
    """IPv6 address in any textual form ``ipaddress`` accepts (``2001:db8::1``, ``::ffff:10.0.0.1``)."""
    s = nfkc(value)
    if not 2 <= len(s) <= 45 or s.count(":") < 2:
        return False
    try:
        ipaddress.IPv6Address(s)
    except ValueError:
        return False
    return True


_TIME = (
    r"(?:(?:T|\s{1,3})(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]{1,9})?)?"
    r"(?: ?(?:Z|[+-][0-9]{2}:?[0-9]{2}))?)?"
)
_DATE_YMD = re.compile(r"([0-9]{4})([-/.])([0-9]{1,2})\2([0-9]{1,2})" + _TIME)
_DATE_CN = re.compile(
    r"([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})[日号]?(?:\s{0,3}[0-9]{1,2}[:时][0-9]{1,2}(?:[:分][0-9]{1,2}秒?)?)?"
)
_DATE_COMPACT = re.compile(r"((?:19|20)[0-9]{2})([0-9]{2})([0-9]{2})(?:T[0-9]{4,6}Z?)?")
_DATE_DMY = re.compile(r"([0-9]{1,2})([-/.])([0-9]{1,2})\2([0-9]{4})" + _TIME)
_MONTH_ABBREVIATIONS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_ABBREVIATIONS, 1)}
_DATE_EN_DAY_FIRST = re.compile(r"([0-9]{1,2})[ -]([a-z]{3})[a-z]*\.?[ -],?\s*([0-9]{4})", re.IGNORECASE)
_DATE_EN_MONTH_FIRST = re.compile(r"([a-z]{3})[a-z]*\.? ([0-9]{1,2})(?:st|nd|rd|th)?,? ([0-9]{4})", re.IGNORECASE)


def _checked(year: int, month: int, day: int) -> tuple[int, int, int] | None:
    return (year, month, day) if real_date(year, month, day) else None


def _month_name_date(year: str, month_name: str, day: str) -> tuple[int, int, int] | None:
    month = _MONTHS.get(month_name.lower())
    return _checked(int(year), month, int(day)) if month else None


# (pattern, group of the year, of the month, of the day)
_YEAR_FIRST = ((_DATE_YMD, 1, 3, 4), (_DATE_CN, 1, 2, 3), (_DATE_COMPACT, 1, 2, 3))


def parse_date(value: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date in any format ``is_date`` accepts; ``None`` if it is not one.

    A day-first/month-first ambiguous date (``05/01/2023``) is read day first when both readings are real.
    """
    s = nfkc(value)
    if not 6 <= len(s) <= 40:
        return None
    if not s[0].isdigit():
        m = _DATE_EN_MONTH_FIRST.fullmatch(s)
        return _month_name_date(m[3], m[1], m[2]) if m else None
    for pattern, year, month, day in _YEAR_FIRST:
        if m := pattern.fullmatch(s):
            return _checked(int(m[year]), int(m[month]), int(m[day]))
    if m := _DATE_DMY.fullmatch(s):
        # 05/01/2023 is 5 January in most of the world and May 1st in the US: either reading makes it a date.
        first, second, year_value = int(m[1]), int(m[3]), int(m[4])
        return _checked(year_value, second, first) or _checked(year_value, first, second)
    m = _DATE_EN_DAY_FIRST.fullmatch(s)
    return _month_name_date(m[3], m[2], m[1]) if m else None


def is_date(value: str) -> bool:
    """A calendar date (years 1900-2100), optionally with a time: ``2023-01-05``, ``2023/1/5``, ``20230105``,
    ``2023年1月5日``, ``05/01/2023``, ``5 Jan 2023``, ``2023-01-05T10:20:30+08:00``.

    Excel serial day numbers (``44931``) are deliberately not dates: they are indistinguishable from counts.
    """
    return parse_date(value) is not None


_CURRENCY_CODES = "RMB|CNY|USD|EUR|HKD|GBP|JPY"
_AMOUNT = re.compile(
    r"(\()?[-+]?"
    rf"(?:([¥$€£]|{_CURRENCY_CODES}|人民币) ?)?-?"
    r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?"
    rf"(?: ?(元|万元|亿元|万|亿|块|{_CURRENCY_CODES}|美元|港元|港币|欧元))?"
    r"(\))?",
    re.IGNORECASE,
)
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


def is_amount(value: str) -> bool:
    """A money amount: a currency sign, code or unit (¥, ￥, RMB, 元), thousands separators, or two decimals.

    Negatives may be written with a sign or in accounting parentheses. A bare integer or ``3.5`` is a number,
    not an amount: the classifier only calls such a column an amount when the header says so.
    """
    s = nfkc(value).translate(_MINUS_SIGNS)
    if not 1 <= len(s) <= 40:
        return False
    m = _AMOUNT.fullmatch(s)
    if m is None or (m.group(1) is None) != (m.group(6) is None):
        return False
    decimals = m.group(4)
    return bool(m.group(2) or m.group(5) or "," in m.group(3) or (decimals and len(decimals) == 3))


_NUMBER = re.compile(r"[-+]?(?:(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,3})?%?")


def is_number(value: str) -> bool:
    """A quantity: integer, decimal, percentage or scientific notation.

    Digit strings longer than 15 digits or with a leading zero are codes, not quantities.
    """
    s = nfkc(value)
    if not 1 <= len(s) <= 40 or _NUMBER.fullmatch(s) is None:
        return False
    digits = s.lstrip("+-")
    if digits.isdigit():
        return len(digits) <= 15 and (digits[0] != "0" or len(digits) == 1)
    return True


_GENERIC_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_/.#]*")


def is_generic_id(value: str) -> bool:
    """An identifier-like code of unknown kind: letters and digits (``C000123``, ``ORD-2023-0001``) or a long or
    zero-padded digit string (``00012345``, ``202301050001``)."""
    s = compact(value)
    if not 4 <= len(s) <= 64 or not s.isascii() or _GENERIC_ID.fullmatch(s) is None:
        return False
    if s.isdigit():
        return len(s) >= 8 or s[0] == "0"
    return any(c.isdigit() for c in s) and not is_number(s)


_COORDINATES = re.compile(r"\(?([-+]?[0-9]{1,3}\.[0-9]{3,12})\s*[,;/ ]\s*([-+]?[0-9]{1,3}\.[0-9]{3,12})\)?")


def is_coordinates(value: str) -> bool:
    """A latitude/longitude pair precise to at least three decimals (about 100 m), in either order."""
    s = nfkc(value)
    m = _COORDINATES.fullmatch(s) if 7 <= len(s) <= 60 else None
    if m is None:
        return False
    a, b = abs(float(m.group(1))), abs(float(m.group(2)))
    return (a <= 90 and b <= 180) or (b <= 90 and a <= 180)


_GENDERS = frozenset({"男", "女", "男性", "女性", "男士", "女士", "先生", "m", "f", "male", "female", "man", "woman"})


def is_gender(value: str) -> bool:
    """A gender as written in forms (男/女, M/F, male/female, 先生/女士)."""
    return nfkc(value).lower() in _GENDERS


_HAN_CHAR = re.compile(f"[{HAN}]")
_WORD = re.compile(r"[A-Za-z]{2,}")


def is_free_text(value: str) -> bool:
    """Prose rather than a code or a label: six characters or more with at least four Han characters or three
    words."""
    s = nfkc(value)
    if len(s) < 6:
        return False
    return len(_HAN_CHAR.findall(s, 0, 200)) >= 4 or len(_WORD.findall(s, 0, 200)) >= 3


def is_text(value: str) -> bool:
    """Any non-blank value: the last resort of the classifier."""
    return not is_blank(value)
