"""One validator per ``PiiType`` (``VALIDATORS``), bulk counting for quality reports, and Excel-damage detection.

The validators themselves live in ``validators_cn`` (mainland China, Hong Kong, Macau, Taiwan),
``validators_intl`` (English-speaking world) and ``validators_common`` (formats shared by everyone).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from dataroom.core.pii.checksums import luhn_valid
from dataroom.core.pii.normalize import compact, is_blank, nfkc
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators_cn import (
    is_bank_name,
    is_chinese_address,
    is_chinese_name,
    is_cn_passport,
    is_company_name,
    is_ethnicity,
    is_foreign_permanent_id,
    is_hk_id,
    is_landline,
    is_mo_id,
    is_mobile,
    is_plate,
    is_religion,
    is_resident_id,
    is_tw_id,
    is_uscc,
)
from dataroom.core.pii.validators_common import (
    is_amount,
    is_bank_card,
    is_coordinates,
    is_date,
    is_email,
    is_free_text,
    is_gender,
    is_generic_id,
    is_ipv4,
    is_ipv6,
    is_number,
    is_text,
)
from dataroom.core.pii.validators_intl import is_iban, is_intl_phone, is_ssn, is_street_address

Validator = Callable[[str], bool]


def is_address(value: str) -> bool:
    """A postal address, Chinese (省/市/区/路/号 ...) or English-style (``12 Baker Street``)."""
    return is_chinese_address(value) or is_street_address(value)


def is_age(value: str) -> bool:
    """An age in whole years, 0-130, optionally followed by 岁."""
    s = nfkc(value).removesuffix("岁")
    return 1 <= len(s) <= 3 and s.isascii() and s.isdigit() and int(s) <= 130


def is_money(value: str) -> bool:
    """An amount, or a bare number in a column the header calls an amount."""
    return is_amount(value) or is_number(value)


def is_code(value: str) -> bool:
    """An identifier-like code or a plain number (order numbers are often just sequential integers)."""
    return is_generic_id(value) or is_number(value)


VALIDATORS: Mapping[PiiType, Validator] = MappingProxyType(
    {
        PiiType.RESIDENT_ID: is_resident_id,
        PiiType.FOREIGN_PERMANENT_ID: is_foreign_permanent_id,
        PiiType.USCC: is_uscc,
        PiiType.BANK_CARD: is_bank_card,
        PiiType.MOBILE: is_mobile,
        PiiType.LANDLINE: is_landline,
        PiiType.PHONE_INTL: is_intl_phone,
        PiiType.EMAIL: is_email,
        PiiType.IM_ACCOUNT: is_text,
        PiiType.NAME: is_chinese_name,
        PiiType.ADDRESS: is_address,
        PiiType.PASSPORT: is_cn_passport,
        PiiType.HK_ID: is_hk_id,
        PiiType.MO_ID: is_mo_id,
        PiiType.TW_ID: is_tw_id,
        PiiType.PLATE: is_plate,
        PiiType.IPV4: is_ipv4,
        PiiType.IPV6: is_ipv6,
        PiiType.DATE: is_date,
        PiiType.BIRTH_DATE: is_date,
        PiiType.AGE: is_age,
        PiiType.GENDER: is_gender,
        PiiType.ETHNICITY: is_ethnicity,
        PiiType.RELIGION: is_religion,
        PiiType.HEALTH: is_text,
        PiiType.PRECISE_LOCATION: is_coordinates,
        PiiType.AMOUNT: is_amount,
        PiiType.PURCHASE_AMOUNT: is_money,
        PiiType.INCOME: is_money,
        PiiType.BANK_NAME: is_bank_name,
        PiiType.IBAN: is_iban,
        PiiType.SSN: is_ssn,
        PiiType.FREE_TEXT: is_free_text,
        PiiType.COMPANY_NAME: is_company_name,
        PiiType.ORDER_ID: is_code,
        PiiType.GENERIC_ID: is_generic_id,
        PiiType.NUMBER: is_number,
        PiiType.TEXT: is_text,
        PiiType.EMPTY: is_blank,
    }
)


def validate_many(t: PiiType, values: Iterable[str]) -> int:
    """How many of ``values`` are valid values of type ``t``."""
    return sum(map(VALIDATORS[t], values))


_SCIENTIFIC = re.compile(r"[0-9](?:\.[0-9]{1,20})?[eE]\+?([0-9]{1,2})")


def excel_damage(value: str) -> bool:
    """Whether a cell looks like a long identifier Excel turned into a floating-point number.

    Excel keeps 15 significant digits: longer numbers come out in scientific notation (``1.10101E+17``) or with
    their tail zeroed (``110101199003071000``), which then fails the checksum it used to pass.
    """
    # Both forms start with a digit (possibly a full-width one): names, addresses and e-mail addresses, most of
    # what a column holds, leave at the first character.
    if not value.lstrip()[:1].isdigit():
        return False
    s = nfkc(value)
    if len(s) > 24:
        return False
    if "e" in s or "E" in s:
        m = _SCIENTIFIC.fullmatch(s)
        return m is not None and 11 <= int(m[1]) <= 19
    s = compact(s).removesuffix(".0")
    if not (16 <= len(s) <= 19 and s.endswith("000") and s.isascii() and s.isdigit()):
        return False
    return not is_resident_id(s) if len(s) == 18 else not luhn_valid(s)
