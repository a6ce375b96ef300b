"""Generalisation: replacing a value by a coarser one (date → month → year, age → band, amount → band,
address → district → city → province).

Each ``*_column`` function maps a column (list of cells) to its generalised column. Blank cells stay blank and a
non-blank cell that cannot be read becomes ``*`` (hidden, and counted as one group by k-anonymity). Values repeat
a lot in the columns worth generalising, so each function works once per distinct value.

Every coarser level is a function of a finer level's *output* (``30-34`` → ``30-39``, ``1990-03`` → ``1990``),
which lets k-anonymity try coarser levels by re-mapping the distinct values it already counted instead of
reading the rows again (:func:`coarsen`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence
from datetime import date
from itertools import repeat
from operator import truediv

from dataroom.core.pii.normalize import is_blank
from dataroom.core.redaction import addresses
from dataroom.core.redaction.values import age_on, birth_of_id, id_births, parse_day, parse_number, real_birth
from dataroom.core.redaction.vector import MEMO_LIMIT, ColumnFn, joined_lines, per_distinct

HIDDEN = "*"
_PLAIN_AMOUNTS = re.compile(r"(?:[0-9]+(?:\.[0-9]+)?\n)*[0-9]+(?:\.[0-9]+)?")
#: Ages from this band on are one open-ended group ("90+"): very old people are few and easy to single out.
TOP_AGE = 90


def _per_distinct(values: Sequence[str | None], fn: Callable[[str], str]) -> list[str]:
    def one(v: str | None) -> str:
        # Placeholders ("NULL", "无") are at most 9 characters: longer values skip the blank test's normalising.
        if v is None or (len(v) <= 9 and is_blank(v)) or not v.strip():
            return ""
        return fn(v)

    return per_distinct(values, one)


def date_column(values: Sequence[str | None], to: str) -> list[str]:
    """Dates as ``YYYY-MM`` (``to="month"``), ``YYYY`` (``to="year"``) or ``1990s`` (``to="decade"``)."""

    def one(v: str) -> str:
        d = parse_day(v)
        if d is None:
            return HIDDEN
        if to == "month":
            return f"{d[0]:04d}-{d[1]:02d}"
        return f"{d[0]:04d}" if to == "year" else f"{d[0] // 10 * 10:04d}s"

    return _per_distinct(values, one)


def age_band(age: int, width: int) -> str:
    """``30-39`` for age 34 and width 10; ages from the band holding :data:`TOP_AGE` on are ``90+``."""
    top = (TOP_AGE // width) * width
    if age >= top:
        return f"{top}+"
    lo = (age // width) * width
    return f"{lo}-{lo + width - 1}"


def age_bander(width: int, as_of: date | None = None) -> ColumnFn:
    """Age bands (see :func:`age_column`) as a column function for the successive batches of one column: the band
    of each birth date is computed once for the life of the function (per day, when ``as_of`` is today)."""
    memo: dict[str, str] = {}  # 8-digit birth date of an ID number -> band
    today: list[date] = []

    def column(values: Sequence[str | None]) -> list[str]:
        on = as_of or date.today()
        if today != [on]:
            memo.clear()
            today[:] = [on]
        # Clean 18-digit ID numbers (nearly all of them) are banded by their 8-digit birth date, once per date.
        clean_births = id_births(values)
        clean = clean_births is not None
        births: Sequence[str | None] = (
            clean_births
            if clean_births is not None
            else [v[6:14] if v is not None and len(v) == 18 and v[:17].isdigit() and v.isascii() else None
                  for v in values]
        )  # fmt: skip
        new = set(births).difference(memo)
        if len(memo) + len(new) > MEMO_LIMIT:  # only a hostile column has that many distinct birth texts
            memo.clear()
            new = set(births)
        for key in new:
            if key is not None:
                b = real_birth(key)
                memo[key] = _band_of(b, None, width, on) if b else HIDDEN
        if clean:
            return list(map(memo.__getitem__, births))  # type: ignore[arg-type]
        out = [memo[k] if k is not None else "" for k in births]

        def other(v: str) -> str:
            return _band_of(birth_of_id(v) or parse_day(v), v, width, on)

        rest = [i for i, k in enumerate(births) if k is None]
        if rest:
            done = _per_distinct([values[i] for i in rest], other)
            for i, band in zip(rest, done, strict=True):
                out[i] = band
        return out

    return column


def age_column(values: Sequence[str | None], width: int, as_of: date | None = None) -> list[str]:
    """Age bands from resident ID numbers (their birth date), from birth dates, or from plain ages."""
    return age_bander(width, as_of)(values)


def _band_of(birth: tuple[int, int, int] | None, value: str | None, width: int, on: date) -> str:
    """The age band of a birth date, else of ``value`` read as an age in years."""
    if birth is not None:
        age = age_on(birth, on)
    else:
        n = parse_number(value)
        if n is None or not math.isfinite(n) or n != int(n):  # "1" * 400 reads as infinity
            return HIDDEN
        age = int(n)
    return age_band(age, width) if 0 <= age <= 130 else HIDDEN


def amount_band(x: float, width: float | None) -> str:
    """``[1000, 2000)`` for 1234 and width 1000; without a width, decades: ``[1000, 10000)``."""
    if width:
        lo = math.floor(x / width) * width
        return f"[{_num(lo)}, {_num(lo + width)})"
    if x == 0:
        return "0"
    return _decade(math.floor(math.log10(abs(x))), x > 0)


@functools.cache
def _decade(exp: int, positive: bool) -> str:
    lo, hi = 10.0**exp, 10.0 ** (exp + 1)
    return f"[{_num(lo)}, {_num(hi)})" if positive else f"(-{_num(hi)}, -{_num(lo)}]"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"


def _plain_amounts(values: Sequence[str | None]) -> list[float] | None:
    """The values as floats when every one is a plain decimal without sign (``7182.41``: what ``parse_number`` reads
    by its first test), checked by one regular expression over the joined column; ``None`` otherwise."""
    text = joined_lines(values)
    if text is None or _PLAIN_AMOUNTS.fullmatch(text) is None:
        return None
    xs = list(map(float, values))  # type: ignore[arg-type]
    return xs if max(xs) < math.inf else None  # an overflowing number takes the per-value path


def amount_bander(width: float | None = None) -> ColumnFn:
    """Amount bands (see :func:`amount_column`) as a column function; a batch of plain decimals is banded with
    C-level maps, and the text of a band is made once per band."""

    def one(v: str) -> str:
        x = parse_number(v)
        return HIDDEN if x is None or not math.isfinite(x) else amount_band(x, width)

    def column(values: Sequence[str | None]) -> list[str]:
        xs = _plain_amounts(values)
        if xs is None:
            return _per_distinct(values, one)
        if not width:
            zero = 0.0 in xs
            logs = map(math.log10, [x or 1.0 for x in xs] if zero else xs)
            bands = list(map(_decade, map(math.floor, logs), repeat(True)))
            return [b if x else "0" for b, x in zip(bands, xs, strict=True)] if zero else bands
        # amount_band: floor(x / width) * width is the band's lower end; its text depends on that number only.
        ks = list(map(math.floor, map(truediv, xs, repeat(width))))
        texts = {k: f"[{_num(k * width)}, {_num(k * width + width)})" for k in set(ks)}
        return list(map(texts.__getitem__, ks))

    return column


def amount_column(values: Sequence[str | None], width: float | None = None) -> list[str]:
    """Amounts (``¥1,234.50``, ``3.5万``) as bands of ``width``, or decades when no width is given."""
    return amount_bander(width)(values)


def address_generaliser(level: str) -> ColumnFn:
    """Addresses cut to ``province``, ``city`` or ``district`` (see :func:`address_column`) as a column function
    for the successive batches of one column: a batch of clean addresses is cut once per distinct text before the
    street (see ``addresses.heads_of``) for the life of the function, the memo bounded like a ``ColumnMemo``."""
    depth = addresses.LEVELS[level]
    cut = addresses.cutter(depth)
    cuts: dict[str, str] = {}  # text before the street -> the generalised value
    blank_heads: set[str] = set()  # of those, the ones that read as "no value" ("无", "NULL", "")

    def column(values: Sequence[str | None]) -> list[str]:
        found = addresses.heads_of(values)
        if found is None:
            return _per_distinct(values, lambda v: cut(v) or HIDDEN)
        heads = found[1]
        new = set(heads).difference(cuts)
        if len(cuts) + len(new) > MEMO_LIMIT:
            cuts.clear()
            blank_heads.clear()
            new = set(heads)
        for h in new:
            cuts[h] = addresses.cut_head(h, depth) or HIDDEN
            if is_blank(h):
                blank_heads.add(h)
        out = list(map(cuts.__getitem__, heads))
        # A blank cell is its own head; only a cell whose head looks blank can be one.
        if blank_heads and not blank_heads.isdisjoint(heads):
            for i, h in enumerate(heads):
                v = values[i]
                if h in blank_heads and v is not None and ((len(v) <= 9 and is_blank(v)) or not v.strip()):
                    out[i] = ""
        return out

    return column


def address_column(values: Sequence[str | None], level: str) -> list[str]:
    """Addresses cut to ``province``, ``city`` or ``district`` (or the deepest level found above it)."""
    return address_generaliser(level)(values)


# --- coarsening generalised values (used by the k-anonymity suggestions) ---------------------------------------


def coarsen_age(band: str, width: int) -> str:
    """An age band re-banded to a wider ``width`` (``30-34`` → ``30-39``)."""
    if band in ("", HIDDEN):
        return band
    lo = band.rstrip("+").split("-")[0]
    return age_band(int(lo), width) if lo.isdigit() else HIDDEN


def coarsen_date(value: str, to: str) -> str:
    """A date, ``YYYY-MM`` or ``YYYY`` cut to ``month`` or ``year`` (or ``decade``: ``1990s``)."""
    if value in ("", HIDDEN):
        return value
    if len(value) >= 7 and value[4] == "-" and value[:4].isdigit():
        year, month = value[:4], value[:7]
    elif len(value) == 4 and value.isdigit():
        year, month = value, ""
    else:
        d = parse_day(value)
        if d is None:
            return HIDDEN
        year, month = f"{d[0]:04d}", f"{d[0]:04d}-{d[1]:02d}"
    if to == "decade":
        return year[:3] + "0s"
    if to == "month":
        return month or HIDDEN
    return year


def coarsen_amount(band: str, width: float | None) -> str:
    """An amount band or amount re-banded to ``width`` (decades when ``None``)."""
    if band in ("", HIDDEN):
        return band
    text = band.strip("[(")
    lo = parse_number(text.split(",")[0].strip()) if band[:1] in "[(" else parse_number(band)
    if band.startswith("(") and lo is not None:
        # "(-10000, -1000]" holds values in (-10000, -1000]; its upper end stands for the band.
        lo = parse_number(text.split(",")[1].strip(" ]"))
    return HIDDEN if lo is None else amount_band(lo, width)


def coarsen_address(value: str, level: str) -> str:
    if value in ("", HIDDEN):
        return value
    return addresses.cut(value, addresses.LEVELS[level]) or HIDDEN
