"""Positional masks over whole columns, built on the one per-value masking in ``core.pii.masking``.

``pii.masking.mask_example`` owns the shapes of the common types (``110101********1234``, ``138****5678``, card
first 6 + last 4, ``张*`` / ``张*明`` / ``欧阳**``, ``a***@qq.com``). This module adds what releasing a column
needs on top of it:

* blanks stay blank (a mask of an empty cell is not information, and ``*`` would look like a value);
* a value too short for its type's shape is masked completely — the per-type rule reveals a fixed number of
  characters, and on a short value that number would be most of it;
* the types ``mask_example`` has no shape for yet: address (cut to the district), USCC (registration office,
  organisation type and region kept), landline (area code and last two digits kept);
* explicit ``head``/``tail`` counts a policy may set for any type.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from dataroom.core.pii.masking import mask_example
from dataroom.core.pii.normalize import PLACEHOLDERS, compact, is_blank, nfkc
from dataroom.core.pii.surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES
from dataroom.core.pii.types import PiiType
from dataroom.core.redaction import addresses
from dataroom.core.redaction.vector import MEMO_LIMIT, ColumnFn, ColumnMemo, joined_lines

#: Longest run of ``*`` written for one value: a long free-text cell needs no thousand stars to say "hidden".
MAX_STARS = 16

# Shortest normalised value each shaped type is masked with its shape rather than completely. The figures are
# the characters the shape reveals plus enough hidden ones that the shape still hides the identifying part.
_MIN_LENGTH: dict[PiiType, int] = {
    PiiType.RESIDENT_ID: 15,
    PiiType.FOREIGN_PERMANENT_ID: 15,
    PiiType.MOBILE: 11,
    PiiType.BANK_CARD: 14,
    PiiType.NAME: 2,
    PiiType.EMAIL: 3,
    PiiType.USCC: 18,
    PiiType.LANDLINE: 9,
}
_DEFAULT_MIN_LENGTH = 5
# A line of a joined column with a character other than a CJK unified ideograph.
_NOT_ALL_HAN = re.compile("^[^\n]*[^\n\u4e00-\u9fff][^\n]*$", re.MULTILINE)
_EMAIL_MIN_LOCAL = 2


def full_mask(value: str) -> str:
    """Every character hidden (at most :data:`MAX_STARS` of them); blank stays blank."""
    return "*" * min(len(value), MAX_STARS) if value else ""


def keep_ends(value: str, head: int, tail: int) -> str:
    """``head`` leading and ``tail`` trailing characters kept, the rest ``*``; fully masked unless at least a third
    of the characters stay hidden (so a policy's counts can never reveal a short value nearly whole)."""
    s = nfkc(value)
    n = len(s)
    if head < 0 or tail < 0 or n - head - tail < max(1, -(-n // 3)):
        return full_mask(s)
    return s[:head] + "*" * min(n - head - tail, MAX_STARS) + (s[n - tail :] if tail else "")


def _uscc(value: str) -> str:
    # Office (1), organisation type (1) and region (6) describe the organisation's kind and place, not which one.
    s = compact(value).upper()
    return s[:8] + "*" * 10 if len(s) == 18 else full_mask(s)


def _landline(value: str) -> str:
    s = compact(value)
    area = 3 if s[:2] in ("01", "02") else 4  # 010 and 02x are the three-digit area codes
    if s.startswith("0") and len(s) - area >= 7:
        return s[:area] + "*" * (len(s) - area - 2) + s[-2:]
    return keep_ends(s, 1, 1)


def _address_mask() -> Callable[[str], str]:
    cut = addresses.cutter(addresses.DISTRICT)

    def mask(value: str) -> str:
        kept = cut(value)
        return kept if kept else full_mask(nfkc(value))

    return mask


def _email(value: str) -> str:
    local, at, _ = nfkc(value).rpartition("@")
    if not at or len(local) < _EMAIL_MIN_LOCAL:
        # "a@qq.com" shaped as "a***@qq.com" would reveal the whole local part.
        return full_mask(nfkc(value))
    return mask_example(PiiType.EMAIL, value)


_OWN: dict[PiiType, Callable[[str], str]] = {
    PiiType.USCC: _uscc,
    PiiType.LANDLINE: _landline,
    PiiType.EMAIL: _email,
}


def mask_value(t: PiiType, value: str | None, head: int | None = None, tail: int | None = None) -> str:
    """One value masked for type ``t`` (see :func:`mask_column`)."""
    return mask_column(t, [value], head, tail)[0]


def _one(t: PiiType, own: Callable[[str], str] | None, minimum: int) -> Callable[[str | None], str]:
    def mask(v: str | None) -> str:
        if not v:
            return ""
        # A clean ASCII code longer than any "no value" placeholder is neither blank nor changed by compact().
        clean = len(v) > 9 and v.isascii() and v.isalnum()
        if not clean and is_blank(v):
            return ""
        s = v if clean else (compact(v) if t is not PiiType.ADDRESS else nfkc(v))
        if len(s) < minimum:
            return full_mask(s)
        return own(v) if own is not None else mask_example(t, v)

    return mask


def _shaped_codes(t: PiiType, values: Sequence[str | None]) -> list[str] | None:
    """The masks of a column of clean digit codes of one of the shaped types, computed without the per-value
    path (whose result they equal): ID numbers of 15 or 18 characters, 11-digit mobiles, cards of 16 or more
    digits. ``None`` when the column is anything else."""
    text = joined_lines(values)
    if text is None or not text.isascii():
        return None
    bare = text.replace("\n", "")
    lengths = set(map(len, values))  # type: ignore[arg-type]
    if t is PiiType.RESIDENT_ID:
        if not bare.isalnum() or not lengths <= {15, 18}:
            return None
        head, tail, text = 6, 4, text.upper()
    elif t is PiiType.MOBILE:
        # An 11-digit value starting 0086 loses that prefix in the per-value mask: leave such columns to it.
        if not bare.isdigit() or lengths != {11} or "\n0086" in f"\n{text}":
            return None
        head, tail = 3, 4
    elif t is PiiType.BANK_CARD:
        if not bare.isdigit() or min(lengths) < 16:
            return None
        head, tail = 6, 4
    else:
        return None
    if len(lengths) == 1:
        return _starred(text, lengths.pop(), head, tail)
    stars = {n: "*" * (n - head - tail) for n in lengths}
    return [c[:head] + stars[len(c)] + c[-tail:] for c in text.split("\n")]


def _starred(text: str, width: int, head: int, tail: int) -> list[str]:
    """The lines of ASCII ``text``, each ``width`` characters, with all but their first ``head`` and last ``tail``
    characters starred: one strided copy per starred position for all lines at once (as pseudonym tokens are laid
    out), then one split — a quarter of the time of building each mask in Python."""
    buf = bytearray(text.encode("ascii"))
    stars = b"*" * ((len(buf) + 1) // (width + 1))
    for j in range(head, width - tail):
        buf[j :: width + 1] = stars
    return buf.decode("ascii").split("\n")


def _name_masker(one: ColumnFn) -> ColumnFn:
    """Chinese names masked a batch at a time: a two- or three-character name of Han characters with a
    one-character surname (nearly all of them) is masked in one list comprehension (``张*``, ``张*明``), every other
    value by ``one``, the value-by-value mask, whose result the quick one equals.

    Such names are their own NFKC and compact forms (unified ideographs have no compatibility mapping) and are
    blank only if they are one of the Han placeholders (``未知``), which go to ``one``.
    """
    single, compound = SINGLE_SURNAMES, COMPOUND_SURNAMES

    def mask(values: Sequence[str | None]) -> list[str]:
        text = joined_lines(values)
        if text is None:
            return one(values)
        odd = PLACEHOLDERS.union(_NOT_ALL_HAN.findall(text))
        names: Sequence[str] = values  # type: ignore[assignment]
        out: list[str | None] = [
            None if v in odd or v[:1] not in single
            else v[0] + "*" if len(v) == 2
            else v[0] + "*" + v[2] if len(v) == 3 and v[:2] not in compound
            else None
            for v in names
        ]  # fmt: skip
        rest = [i for i, m in enumerate(out) if m is None]
        if rest:
            for i, m in zip(rest, one([names[i] for i in rest]), strict=True):
                out[i] = m
        return out  # type: ignore[return-value]

    return mask


def _address_masker(one: ColumnFn) -> ColumnFn:
    """Addresses cut to the district, a batch at a time: the cut is made once per distinct text before the street
    (see ``addresses.heads_of``); a value whose cut is empty, that is short, or that may be blank goes through
    ``one``, the value-by-value mask."""
    shortest = _MIN_LENGTH.get(PiiType.ADDRESS, _DEFAULT_MIN_LENGTH)
    cuts: dict[str, str] = {}  # text before the street -> the cut

    def mask(values: Sequence[str | None]) -> list[str]:
        found = addresses.heads_of(values)
        if found is None:
            return one(values)
        lines, heads = found[0].split("\n"), found[1]
        new = set(heads).difference(cuts)
        if len(cuts) + len(new) > MEMO_LIMIT:
            cuts.clear()
            new = set(heads)
        for h in new:
            cuts[h] = addresses.cut_head(h, addresses.DISTRICT)
        kept = list(map(cuts.__getitem__, heads))
        if "" not in kept and min(map(len, lines)) > 9:
            return kept  # every value cut, none short, none a placeholder (they are 9 characters at most)
        # A line is the value's nfkc() form, so its length and blankness are the value's.
        slow = [i for i, (k, s) in enumerate(zip(kept, lines, strict=True))
                if not k or len(s) < shortest or (len(s) <= 9 and is_blank(s))]  # fmt: skip
        if slow:
            for i, m in zip(slow, one([values[i] for i in slow]), strict=True):
                kept[i] = m
        return kept

    return mask


def column_masker(t: PiiType, head: int | None = None, tail: int | None = None) -> ColumnFn:
    """The mask of type ``t`` as a column function for the successive batches of one column; explicit
    ``head``/``tail`` replace the type's shape. It remembers the mask of each distinct value across batches
    (names, addresses repeat), and masks a batch of clean ID, mobile or card numbers in one pass."""
    if head is not None or tail is not None:
        h, tl = head or 0, tail or 0
        ends: ColumnMemo[str | None] = ColumnMemo(lambda v: "" if v is None or is_blank(v) else keep_ends(v, h, tl))
        return ends
    own = _address_mask() if t is PiiType.ADDRESS else _OWN.get(t)
    memo = ColumnMemo(_one(t, own, _MIN_LENGTH.get(t, _DEFAULT_MIN_LENGTH)))
    if t is PiiType.ADDRESS:
        return _address_masker(memo)
    if t is PiiType.NAME:
        return _name_masker(memo)

    def mask(values: Sequence[str | None]) -> list[str]:
        shaped = _shaped_codes(t, values)
        return shaped if shaped is not None else memo(values)

    return mask


def mask_column(
    t: PiiType, values: Sequence[str | None], head: int | None = None, tail: int | None = None
) -> list[str]:
    """Every value of a column masked for type ``t``; explicit ``head``/``tail`` replace the type's shape."""
    return column_masker(t, head, tail)(values)
