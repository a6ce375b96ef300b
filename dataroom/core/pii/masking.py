"""Masked renderings of values, for examples shown to people and, later, for the redaction engine.

A mask never returns the raw value: whatever the type and however malformed the value, its middle is replaced
by ``*`` (identifiers keep the prefix and suffix people use to tell them apart, as on a bank statement).
"""

from __future__ import annotations

import re

from dataroom.core.pii.normalize import compact, nfkc
from dataroom.core.pii.surnames import surname_length
from dataroom.core.pii.types import PiiType

# Masks of very long values (free text) are capped so an example stays readable.
_MAX_STARS = 16
_MIDDLE_DOT = re.compile("[·・•‧∙⋅.]")


def _keep_ends(value: str, head: int, tail: int) -> str:
    n = len(value)
    if n <= 2 or head + tail > n // 2:
        # Too short to show both ends without giving most of it away.
        return value[:1] + "*" * min(max(n - 1, 1), _MAX_STARS) if n > 1 else "*"
    return value[:head] + "*" * min(n - head - tail, _MAX_STARS) + (value[-tail:] if tail else "")


def _mask_name(name: str) -> str:
    if _MIDDLE_DOT.search(name):
        # 阿卜杜·热合曼 -> 阿**·***: the first character, the dots and the shape of the parts stay.
        return name[0] + "".join(c if _MIDDLE_DOT.fullmatch(c) else "*" for c in name[1:])
    surname = surname_length(name)
    given = len(name) - surname
    if surname == 0 or given == 0 or len(name) > 4:
        return _keep_ends(name, 1, 1)
    if surname == 1 and given >= 2:
        return name[0] + "*" * (given - 1) + name[-1]
    return name[:surname] + "*" * given


def _mask_mobile(value: str) -> str:
    digits = compact(value).replace("(", "").replace(")", "")
    for prefix in ("+86", "0086"):
        digits = digits.removeprefix(prefix)
    return digits[:3] + "****" + digits[-4:] if len(digits) == 11 else _keep_ends(digits, 1, 1)


def _mask_email(value: str) -> str:
    local, at, domain = nfkc(value).rpartition("@")
    if not at or not local:
        return _keep_ends(nfkc(value), 1, 1)
    return local[0] + "***@" + domain


def mask_example(t: PiiType, value: str) -> str:
    """``value`` masked as appropriate for type ``t``.

    Resident ID ``110101********1234``, mobile ``138****5678``, bank card first 6 and last 4 digits, name
    ``张*`` / ``张*明`` / ``欧阳**``, e-mail ``a***@qq.com``; any other type keeps its first and last character.
    """
    if t is PiiType.RESIDENT_ID:
        s = compact(value).upper()
        return s[:6] + "*" * (len(s) - 10) + s[-4:] if len(s) in (15, 18) else _keep_ends(s, 1, 1)
    if t is PiiType.MOBILE:
        return _mask_mobile(value)
    if t is PiiType.BANK_CARD:
        s = compact(value)
        return s[:6] + "*" * (len(s) - 10) + s[-4:] if len(s) >= 16 else _keep_ends(s, 1, 1)
    if t is PiiType.NAME:
        return _mask_name(compact(value))
    if t is PiiType.EMAIL:
        return _mask_email(value)
    return _keep_ends(nfkc(value), 1, 1)
