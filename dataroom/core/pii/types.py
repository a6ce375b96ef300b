"""What a column can hold (``PiiType``) and how carefully it must be handled (``DataClass``).

Class defaults follow PIPL art. 28 and GB/T 35273-2020 annex B (with GB/T 43697-2024 for the grading idea):
when a type could reasonably fall into two classes, the stricter one is the default.
"""

from __future__ import annotations

from enum import StrEnum


class PiiType(StrEnum):
    """Kind of value in a column; the string values are stored and must never change."""

    RESIDENT_ID = "resident_id"
    FOREIGN_PERMANENT_ID = "foreign_permanent_id"
    USCC = "uscc"
    BANK_CARD = "bank_card"
    MOBILE = "mobile"
    LANDLINE = "landline"
    PHONE_INTL = "phone_intl"
    EMAIL = "email"
    IM_ACCOUNT = "im_account"
    NAME = "name"
    ADDRESS = "address"
    PASSPORT = "passport"
    HK_ID = "hk_id"
    MO_ID = "mo_id"
    TW_ID = "tw_id"
    PLATE = "plate"
    IPV4 = "ipv4"
    IPV6 = "ipv6"
    DATE = "date"
    BIRTH_DATE = "birth_date"
    AGE = "age"
    GENDER = "gender"
    ETHNICITY = "ethnicity"
    RELIGION = "religion"
    HEALTH = "health"
    PRECISE_LOCATION = "precise_location"
    AMOUNT = "amount"
    PURCHASE_AMOUNT = "purchase_amount"
    INCOME = "income"
    BANK_NAME = "bank_name"
    IBAN = "iban"
    SSN = "ssn"
    FREE_TEXT = "free_text"
    COMPANY_NAME = "company_name"
    ORDER_ID = "order_id"
    GENERIC_ID = "generic_id"
    NUMBER = "number"
    TEXT = "text"
    EMPTY = "empty"


class DataClass(StrEnum):
    """Handling class; the three string values are a public contract (exports, policies, the GUI)."""

    PUBLIC = "public"
    CONSENT_REQUIRED = "consent-required"
    SENSITIVE = "sensitive"


_SENSITIVE = frozenset(
    {
        # PIPL art. 28 "specific identity" and GB/T 35273 B.2 personal identity information.
        PiiType.RESIDENT_ID,
        PiiType.FOREIGN_PERMANENT_ID,
        PiiType.PASSPORT,
        PiiType.HK_ID,
        PiiType.MO_ID,
        PiiType.TW_ID,
        PiiType.SSN,
        # Financial accounts and personal property information (art. 28; GB/T 35273 B.2).
        PiiType.BANK_CARD,
        PiiType.IBAN,
        PiiType.INCOME,
        # Medical health, religious belief, whereabouts (art. 28).
        PiiType.HEALTH,
        PiiType.RELIGION,
        PiiType.PRECISE_LOCATION,
        # Not named in art. 28, but ethnicity can single out a "specific identity": the stricter reading.
        PiiType.ETHNICITY,
    }
)

_PUBLIC = frozenset(
    {
        # Organisations are not natural persons: the code and the name are public registry facts.
        PiiType.USCC,
        PiiType.COMPANY_NAME,
        # Business records that identify nobody on their own.
        PiiType.ORDER_ID,
        PiiType.AMOUNT,
        PiiType.DATE,
        PiiType.NUMBER,
        PiiType.EMPTY,
    }
)


def default_class(t: PiiType) -> DataClass:
    """The class a column of type ``t`` gets unless its content raises it (embedded IDs, minors' data).

    Everything neither listed as sensitive nor as public is consent-required: names, contact details
    (mobile, landline, e-mail, IM accounts), addresses, dates of birth, age, gender, purchase records, IP
    addresses, plates, identifiers of unknown kind, and text we could not type ("when in doubt, stricter").
    """
    if t in _SENSITIVE:
        return DataClass.SENSITIVE
    if t in _PUBLIC:
        return DataClass.PUBLIC
    return DataClass.CONSENT_REQUIRED


def stricter(a: DataClass, b: DataClass) -> DataClass:
    """The stricter of two classes."""
    return a if _RANK[a] >= _RANK[b] else b


_RANK = {DataClass.PUBLIC: 0, DataClass.CONSENT_REQUIRED: 1, DataClass.SENSITIVE: 2}
