"""Personal data hidden inside free text: resident IDs, mobile numbers, bank cards and e-mail addresses.

Candidates are found with bounded regular expressions (no input can make them backtrack badly) and then
confirmed with the same validators used for whole cells, so a random digit run rarely counts.
"""

from __future__ import annotations

import re

from dataroom.core.pii.normalize import nfkc
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators_cn import is_resident_id
from dataroom.core.pii.validators_common import is_bank_card

_RESIDENT_ID = re.compile(r"(?<![0-9A-Za-z])[1-9][0-9]{16}[0-9Xx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9])(?:(?:\+|00)86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9])")
_CARD = re.compile(r"(?<![0-9])[1-9][0-9]{3}(?:[ -]?[0-9]{4}){3}(?:[ -]?[0-9]{1,3})?(?![0-9])")
# Card numbers in prose are only believed with the prefix of a real scheme (UnionPay, Visa, Mastercard, Amex,
# JCB): the Luhn check alone would let one random digit run in ten through.
_CARD_PREFIXES = ("62", "81", "4", "51", "52", "53", "54", "55", "2", "34", "37", "35")
_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}"
    r"(?![A-Za-z])"
)
_LONG_DIGIT_RUN = re.compile(r"[0-9][0-9 -]{9}")


def find_embedded(text: str) -> set[PiiType]:
    """Which of resident ID, mobile number, bank card and e-mail address occur somewhere inside ``text``."""
    s = nfkc(text)
    found: set[PiiType] = set()
    if "@" in s and _EMAIL.search(s):
        found.add(PiiType.EMAIL)
    if _LONG_DIGIT_RUN.search(s) is None:
        return found
    id_spans = []
    for m in _RESIDENT_ID.finditer(s):
        if is_resident_id(m[0]):
            found.add(PiiType.RESIDENT_ID)
            id_spans.append(m.span())
    for m in _CARD.finditer(s):
        if m.span() not in id_spans and is_bank_card(m[0]) and m[0].startswith(_CARD_PREFIXES):
            found.add(PiiType.BANK_CARD)
            break
    if _MOBILE.search(s):
        found.add(PiiType.MOBILE)
    return found
