"""Validators for personal data of the English-speaking world (international phone numbers, IBAN, US SSN, ...).

They rank below the Chinese validators: a value both could claim (``+86 138 0013 8000``) is typed as the
Chinese kind.
"""

from __future__ import annotations

import re

from dataroom.core.pii.checksums import iban_valid
from dataroom.core.pii.normalize import compact, nfkc

_PHONE_PUNCTUATION = str.maketrans("", "", "().")


def is_intl_phone(value: str) -> bool:
    """Phone number in international form: ``+`` or ``00``, a country code and 7-14 more digits (E.164)."""
    s = compact(value).translate(_PHONE_PUNCTUATION)
    if s.startswith("00"):
        s = "+" + s[2:]
    digits = s[1:]
    return 8 <= len(s) <= 16 and s[0] == "+" and digits.isascii() and digits.isdigit() and digits[0] != "0"


_IBAN = re.compile(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}")


def is_iban(value: str) -> bool:
    """International bank account number (ISO 13616) with a valid mod-97 check."""
    s = compact(value).upper()
    return 15 <= len(s) <= 34 and _IBAN.fullmatch(s) is not None and iban_valid(s)


# Area 000, 666 and 900-999, group 00 and serial 0000 are never issued.
_SSN = re.compile(r"(?!000|666|9)[0-9]{3}-(?!00)[0-9]{2}-(?!0000)[0-9]{4}")


def is_ssn(value: str) -> bool:
    """US social security number in its written form ``123-45-6789`` (without dashes it is just 9 digits)."""
    s = nfkc(value)
    return len(s) == 11 and _SSN.fullmatch(s) is not None


_PASSPORT = re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{6,9}")


def is_passport_like(value: str) -> bool:
    """6-9 letters and digits with at least one digit: the shape most passports share.

    Far too loose on its own; the classifier uses it only when the header says the column holds passports.
    """
    s = compact(value).upper()
    return 6 <= len(s) <= 9 and _PASSPORT.fullmatch(s) is not None


_STREET_ADDRESS = re.compile(
    r"\b[0-9]{1,6}[A-Za-z]?,? (?:[A-Za-z0-9.'-]+ ){0,5}"
    r"(?:street|st|road|rd|avenue|ave|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|square|sq|"
    r"terrace|close|crescent|highway|hwy|parkway|pkwy)\b\.?",
    re.IGNORECASE,
)


def is_street_address(value: str) -> bool:
    """English-style street address: a house number, up to five words and a street type (``12 Baker Street``)."""
    s = nfkc(value)
    return 8 <= len(s) <= 160 and _STREET_ADDRESS.search(s) is not None
