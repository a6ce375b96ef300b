"""Reading numbers, dates and birth dates out of text cells (for generalising, filtering and histograms).

Every reader returns ``None`` for a value it cannot read with confidence; callers decide what that means (a
generaliser hides it, a filter does not match it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from operator import itemgetter

from dataroom.core.pii.dates import real_date
from dataroom.core.pii.normalize import compact, nfkc
from dataroom.core.pii.validators_common import parse_date
from dataroom.core.redaction.vector import joined_lines

_NUMBER = re.compile(
    r"(\()?\s*([-+])?\s*(?:[¥$€£]|RMB|CNY|USD|EUR|HKD|GBP|JPY|人民币)?\s*([-+])?"
    r"([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(\.[0-9]+)?"
    r"\s*(万元|亿元|万|亿|元|块|RMB|CNY|USD|EUR|HKD|GBP|JPY|美元|港元|港币|欧元)?\s*(\))?",
    re.IGNORECASE,
)
_CLEAN_IDS = re.compile("(?:[0-9]{17}[0-9Xx]\n)*[0-9]{17}[0-9Xx]")
_BIRTH_TEXT = itemgetter(slice(6, 14))
_SCALE = {"万": 1e4, "万元": 1e4, "亿": 1e8, "亿元": 1e8}
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-"})


def parse_number(value: str | None) -> float | None:
    """A quantity or money amount as a float: ``1,234.50``, ``¥99``, ``-12``, ``(300)``, ``3.5万``; else ``None``."""
    if not value:
        return None
    if value.isascii() and value.replace(".", "", 1).isdigit():
        return float(value)  # plain "1234" or "1234.5": most cells of a numeric column
    s = value.strip() if value.isascii() else nfkc(value).translate(_MINUS_SIGNS)
    if not s or len(s) > 40:
        return None
    m = _NUMBER.fullmatch(s)
    if m is None or (m.group(1) is None) != (m.group(7) is None) or (m.group(2) and m.group(3)):
        return None
    number = float(m.group(4).replace(",", "") + (m.group(5) or ""))
    number *= _SCALE.get(m.group(6) or "", 1.0)
    negative = m.group(1) is not None or "-" in (m.group(2) or "", m.group(3) or "")
    return -number if negative else number


def parse_day(value: str | None) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a date cell in any format the validators accept; else ``None``."""
    return parse_date(value) if value else None


def iso_day(value: str | None) -> str | None:
    """A date cell as ``YYYY-MM-DD`` (so dates compare as strings); else ``None``."""
    d = parse_day(value)
    return f"{d[0]:04d}-{d[1]:02d}-{d[2]:02d}" if d else None


def birth_of_id(value: str | None) -> tuple[int, int, int] | None:
    """Birth date encoded in an 18- or 15-digit resident ID number; ``None`` when there is none or it is not real."""
    if not value:
        return None
    s = compact(value)
    if len(s) == 18 and s[:17].isdigit():
        y, m, d = int(s[6:10]), int(s[10:12]), int(s[12:14])
    elif len(s) == 15 and s.isdigit():
        y, m, d = 1900 + int(s[6:8]), int(s[8:10]), int(s[10:12])
    else:
        return None
    return (y, m, d) if real_date(y, m, d) else None


def id_births(values: Sequence[str | None]) -> list[str] | None:
    """The ``YYYYMMDD`` birth text of every value when the column is all clean 18-character resident ID numbers
    (seventeen ASCII digits and a digit or ``X``: what a clean register holds), checked in one pass over the
    joined column; ``None`` otherwise. The texts are not checked to be real dates (see :func:`real_birth`)."""
    text = joined_lines(values)
    if text is None or _CLEAN_IDS.fullmatch(text) is None:
        return None
    return list(map(_BIRTH_TEXT, values))  # type: ignore[arg-type]


def real_birth(text: str) -> tuple[int, int, int] | None:
    """``(year, month, day)`` of a ``YYYYMMDD`` text from :func:`id_births` when it is a real date, else ``None``
    (the rule :func:`birth_of_id` applies)."""
    b = (int(text[:4]), int(text[4:6]), int(text[6:]))
    return b if real_date(*b) else None


def age_on(birth: tuple[int, int, int], on: date) -> int:
    """Completed years of age on ``on``."""
    return on.year - birth[0] - ((on.month, on.day) < (birth[1], birth[2]))
