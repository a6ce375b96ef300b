"""Cutting a Chinese postal address down to its province, city or district.

A cut keeps only the leading administrative levels (``广东省深圳市南山区科技园路1号`` → ``广东省深圳市南山区``).
When the wanted level cannot be found the cut goes to the deepest level that can, and to nothing when no level
is recognised: an address we cannot parse is never released partially.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from dataroom.core.pii.normalize import nfkc
from dataroom.core.pii.regions import PROVINCE_SHORT_NAMES, PROVINCES
from dataroom.core.redaction.vector import joined_lines

PROVINCE = 1
CITY = 2
DISTRICT = 3
LEVELS = {"province": PROVINCE, "city": CITY, "district": DISTRICT}

_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")
_SHORT_NAMES = frozenset(PROVINCE_SHORT_NAMES)
# Province names by their first two characters, full names before short ones and longer before shorter, so a
# lookup tries two or three names instead of scanning all seventy.
_BY_PREFIX: dict[str, list[str]] = {}
for _name in sorted(set(PROVINCES.values()), key=len, reverse=True) + sorted(_SHORT_NAMES, key=len, reverse=True):
    _BY_PREFIX.setdefault(_name[:2], []).append(_name)
# Characters that belong to street-level parts; an administrative name never contains them.
_NOT_ADMIN = r"0-9路街道巷弄里号村组栋幢座楼层室苑园厦场寓元"
# "州" ends autonomous prefectures (延边朝鲜族自治州) but also sits inside city names (杭州市), so a name ending in
# 市/自治州/地区/盟 is looked for first and a bare 州 only when none is there (杭州西湖区).
_CITY = (
    re.compile(f"[^{_NOT_ADMIN}省市区县盟旗]{{1,7}}?(?:市|自治州|地区|盟)"),
    re.compile(f"[^{_NOT_ADMIN}省市区县州盟旗]{{1,7}}?州"),
)
_DISTRICT = re.compile(f"[^{_NOT_ADMIN}省市区县州盟旗]{{1,7}}?(?:区|县|旗|市)")
# No level can reach past the first street-level character (no province name contains one, and the city and
# district patterns exclude them), so the levels of an address depend only on the text before it: the memo key.
_STREET = re.compile(f"[{_NOT_ADMIN}]")
# The memo key of every line of a joined column at once (on the text after a "\n": the regex engine finds a
# literal first character at C speed, where "^" in multi-line mode is tried at every position).
_HEADS = re.compile(f"\n([^{_NOT_ADMIN}\n]*)")


def clean(value: str) -> str:
    """The form offsets refer to: NFKC, no whitespace or invisible characters."""
    s = unicodedata.normalize("NFKC", value)
    if not s.isprintable():
        s = nfkc(s)  # zero-width spaces and BOMs (not printable) are dropped by the full normaliser
    return s if s.isalnum() else "".join(s.split())


def _province_end(s: str) -> int:
    for name in _BY_PREFIX.get(s[:2], ()):
        if s.startswith(name):
            end = len(name)
            if name in _SHORT_NAMES and s[end : end + 1] in ("省", "市"):
                end += 1
            return end
    return 0


def levels(s: str) -> tuple[int, int, int]:
    """End offsets in the :func:`clean` string ``s`` of the province, city and district (0 where not found)."""
    province = pos = _province_end(s)
    city = 0
    if province and s.startswith(_MUNICIPALITIES):
        city = province  # a municipality is its own city
    else:
        m = _CITY[0].match(s, pos) or _CITY[1].match(s, pos)
        if m:
            city = pos = m.end()
    m = _DISTRICT.match(s, pos)
    district = m.end() if m and (province or city or m.end() - pos <= 6) else 0
    return province, city, district


def _end(found: tuple[int, int, int], level: int) -> int:
    province, city, district = found
    if level >= DISTRICT:
        return district or city or province
    return city or province if level == CITY else province


def cutter(level: int) -> Callable[[str], str]:
    """A function cutting addresses to ``level`` (or the deepest level before it that was found; ``""`` when none
    was). It remembers the levels of each text before the first street-level character, so a column of addresses
    in the same districts is parsed once per district and road; use one per column (the memo holds address
    fragments, so it lives no longer than the column it serves)."""
    memo: dict[str, tuple[int, int, int]] = {}

    def cut_one(value: str) -> str:
        s = clean(value)
        m = _STREET.search(s)
        head = s[: m.start()] if m else s
        found = memo.get(head)
        if found is None:
            found = memo[head] = levels(head)
        return s[: _end(found, level)]

    return cut_one


def heads_of(values: Sequence[str | None]) -> tuple[str, list[str]] | None:
    """The :func:`clean` texts of all values (joined by ``\\n``, one line per value) and the memo key in
    :func:`cutter` of each (its text before the first street-level character), found by one NFKC and one
    regular-expression pass over the joined column; ``None`` when a value would need :func:`clean`'s slower steps
    (a ``None`` cell, whitespace or invisible characters)."""
    text = joined_lines(values)
    if text is None:
        return None
    normal = unicodedata.normalize("NFKC", text)
    # Printable text has no whitespace but the ASCII space (and no invisible characters): then clean() of each
    # line is the line itself.
    if " " in normal or not normal.replace("\n", "").isprintable():
        return None
    heads = _HEADS.findall(f"\n{normal}")
    return (normal, heads) if len(heads) == len(values) == normal.count("\n") + 1 else None


def cut_head(head: str, level: int) -> str:
    """The cut of any value whose key in :func:`heads_of` is ``head`` (a cut never reaches past it)."""
    return head[: _end(levels(head), level)]


def cut(value: str, level: int) -> str:
    """``value`` up to ``level`` (or the deepest level before it that was found); ``""`` when none was."""
    return cutter(level)(value)
