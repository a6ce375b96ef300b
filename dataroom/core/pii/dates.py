"""Calendar checks shared by the date and identity-number validators."""

from __future__ import annotations

import time
from datetime import date

_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MMDD = frozenset(f"{m:02d}{d:02d}" for m in range(1, 13) for d in range(1, _DAYS_IN_MONTH[m] + 1))


def is_leap(year: int) -> bool:
    """Gregorian leap year."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def real_date(year: int, month: int, day: int) -> bool:
    """Whether the triple is a real calendar date in the years 1900-2100."""
    if not (1900 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= _DAYS_IN_MONTH[month]):
        return False
    return month != 2 or day != 29 or is_leap(year)


class _Today:
    # date.today() per cell would cost more than a whole resident-ID check, so the text is refreshed once a minute.
    __slots__ = ("expires", "text")

    def __init__(self) -> None:
        self.text = ""
        self.expires = 0.0

    def get(self) -> str:
        now = time.time()
        if now >= self.expires:
            self.text = date.today().strftime("%Y%m%d")
            self.expires = now + 60.0
        return self.text


_TODAY = _Today()


def today_yyyymmdd() -> str:
    """Today's local date as ``YYYYMMDD`` (refreshed at most a minute late)."""
    return _TODAY.get()


def valid_birth_date(yyyymmdd: str) -> bool:
    """Whether eight ASCII digits are a real date between 1900-01-01 and today."""
    if not yyyymmdd.isdigit() or yyyymmdd[4:] not in _MMDD or yyyymmdd < "19000101":
        return False
    if yyyymmdd[4:] == "0229" and not is_leap(int(yyyymmdd[:4])):
        return False
    # The cached day can only lag behind the real one, so anything before it is certainly in the past.
    return yyyymmdd < _TODAY.text or yyyymmdd <= _TODAY.get()
