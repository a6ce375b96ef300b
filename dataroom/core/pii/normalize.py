"""Normalisation applied to a raw cell before any validator looks at it.

Customer exports mix full-width and half-width forms (``１３８ ００１３ ８０００``), pad names with ideographic
spaces and write placeholders such as ``NULL`` or ``无`` for missing values; validators must see through all of it.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (CJK unified, extension A, compatibility, extensions B-G), for use inside a regex character class.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

# Separators people type inside numbers: spaces of every kind, invisible characters Excel and web forms leave
# behind, and the dash family (NFKC already folds the full-width hyphen into "-").
_SEPARATORS = " \t\n\r\x0b\x0c\x85\xa0\u200b\u200c\u200d\u2060\ufeff-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58"
# Regular expressions, not str.translate: translate with a deletion table costs several times more per cell.
_SEPARATOR_RUN = re.compile(f"[{re.escape(_SEPARATORS)}]+")
_INVISIBLE_RUN = re.compile("[\u200b\u200c\u200d\u2060\ufeff]+")

#: Placeholders for "no value", as they compare after NFKC, stripping and lower-casing.
PLACEHOLDERS = frozenset(
    {
        "null", "none", "nil", "nan", "n/a", "na", "#n/a", "#null!", "undefined",
        "-", "--", "---", "—", "——", "/", "\\", ".", "?", "？",
        "无", "空", "暂无", "不详", "未知", "未填", "未填写", "无数据",
    }
)  # fmt: skip
_MAX_NULL_LENGTH = max(map(len, PLACEHOLDERS))


def nfkc(value: str) -> str:
    """NFKC form of ``value`` (full-width letters and digits become ASCII), trimmed, invisible characters removed."""
    if value.isascii():
        return value.strip()
    normal = unicodedata.normalize("NFKC", value)
    if _INVISIBLE_RUN.search(normal):
        normal = _INVISIBLE_RUN.sub("", normal)
    return normal.strip()


def compact(value: str) -> str:
    """NFKC form of ``value`` without any whitespace or dashes, for numbers and codes (``138-0013 8000``)."""
    if value.isascii():
        # The common case, an already clean ASCII code, costs two C-level checks and no allocation.
        if value.isalnum():
            return value
        if "-" in value:
            value = value.replace("-", "")
        return value if value.isalnum() else "".join(value.split())
    normal = unicodedata.normalize("NFKC", value)
    return _SEPARATOR_RUN.sub("", normal) if _SEPARATOR_RUN.search(normal) else normal


def is_blank(value: str | None) -> bool:
    """Whether a cell holds no value: empty, whitespace only, or a placeholder such as ``NULL``, ``-`` or ``无``."""
    if not value:
        return True
    stripped = value.strip()
    if len(stripped) > _MAX_NULL_LENGTH:
        return False
    normal = nfkc(stripped).lower()
    return not normal or normal in PLACEHOLDERS
