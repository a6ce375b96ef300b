"""Translated display names of the core's identifiers for datasets and redaction (types, classes, operators,
parameters, identifier kinds, import warnings). The core keeps English identifiers; the GUI shows these."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dataroom.core.pii.types import DataClass, PiiType

_CONTEXT = "DatasetNames"

_TYPES = {
    PiiType.RESIDENT_ID: QT_TRANSLATE_NOOP("DatasetNames", "Resident ID"),
    PiiType.FOREIGN_PERMANENT_ID: QT_TRANSLATE_NOOP("DatasetNames", "Foreigner's permanent residence ID"),
    PiiType.USCC: QT_TRANSLATE_NOOP("DatasetNames", "Unified social credit code"),
    PiiType.BANK_CARD: QT_TRANSLATE_NOOP("DatasetNames", "Bank card"),
    PiiType.MOBILE: QT_TRANSLATE_NOOP("DatasetNames", "Mobile"),
    PiiType.LANDLINE: QT_TRANSLATE_NOOP("DatasetNames", "Landline"),
    PiiType.PHONE_INTL: QT_TRANSLATE_NOOP("DatasetNames", "International phone"),
    PiiType.EMAIL: QT_TRANSLATE_NOOP("DatasetNames", "E-mail"),
    PiiType.IM_ACCOUNT: QT_TRANSLATE_NOOP("DatasetNames", "Messaging account"),
    PiiType.NAME: QT_TRANSLATE_NOOP("DatasetNames", "Person's name"),
    PiiType.ADDRESS: QT_TRANSLATE_NOOP("DatasetNames", "Address"),
    PiiType.PASSPORT: QT_TRANSLATE_NOOP("DatasetNames", "Passport"),
    PiiType.HK_ID: QT_TRANSLATE_NOOP("DatasetNames", "Hong Kong ID"),
    PiiType.MO_ID: QT_TRANSLATE_NOOP("DatasetNames", "Macao ID"),
    PiiType.TW_ID: QT_TRANSLATE_NOOP("DatasetNames", "Taiwan ID"),
    PiiType.PLATE: QT_TRANSLATE_NOOP("DatasetNames", "Licence plate"),
    PiiType.IPV4: QT_TRANSLATE_NOOP("DatasetNames", "IPv4 address"),
    PiiType.IPV6: QT_TRANSLATE_NOOP("DatasetNames", "IPv6 address"),
    PiiType.DATE: QT_TRANSLATE_NOOP("DatasetNames", "Date"),
    PiiType.BIRTH_DATE: QT_TRANSLATE_NOOP("DatasetNames", "Date of birth"),
    PiiType.AGE: QT_TRANSLATE_NOOP("DatasetNames", "Age"),
    PiiType.GENDER: QT_TRANSLATE_NOOP("DatasetNames", "Gender"),
    PiiType.ETHNICITY: QT_TRANSLATE_NOOP("DatasetNames", "Ethnicity"),
    PiiType.RELIGION: QT_TRANSLATE_NOOP("DatasetNames", "Religion"),
    PiiType.HEALTH: QT_TRANSLATE_NOOP("DatasetNames", "Health"),
    PiiType.PRECISE_LOCATION: QT_TRANSLATE_NOOP("DatasetNames", "Precise location"),
    PiiType.AMOUNT: QT_TRANSLATE_NOOP("DatasetNames", "Amount"),
    PiiType.PURCHASE_AMOUNT: QT_TRANSLATE_NOOP("DatasetNames", "Purchase amount"),
    PiiType.INCOME: QT_TRANSLATE_NOOP("DatasetNames", "Income"),
    PiiType.BANK_NAME: QT_TRANSLATE_NOOP("DatasetNames", "Bank name"),
    PiiType.IBAN: QT_TRANSLATE_NOOP("DatasetNames", "IBAN"),
    PiiType.SSN: QT_TRANSLATE_NOOP("DatasetNames", "Social security number"),
    PiiType.FREE_TEXT: QT_TRANSLATE_NOOP("DatasetNames", "Free text"),
    PiiType.COMPANY_NAME: QT_TRANSLATE_NOOP("DatasetNames", "Company name"),
    PiiType.ORDER_ID: QT_TRANSLATE_NOOP("DatasetNames", "Order number"),
    PiiType.GENERIC_ID: QT_TRANSLATE_NOOP("DatasetNames", "Identifier"),
    PiiType.NUMBER: QT_TRANSLATE_NOOP("DatasetNames", "Number"),
    PiiType.TEXT: QT_TRANSLATE_NOOP("DatasetNames", "Text"),
    PiiType.EMPTY: QT_TRANSLATE_NOOP("DatasetNames", "Empty"),
}

#: Colour plus words: every badge says its class in text as well (the words are what a colour-blind reader sees).
_CLASSES = {
    DataClass.PUBLIC: QT_TRANSLATE_NOOP("DatasetNames", "public"),
    DataClass.CONSENT_REQUIRED: QT_TRANSLATE_NOOP("DatasetNames", "consent-required"),
    DataClass.SENSITIVE: QT_TRANSLATE_NOOP("DatasetNames", "sensitive"),
}

_CLASS_HINTS = {
    DataClass.PUBLIC: QT_TRANSLATE_NOOP("DatasetNames", "may be shared, e.g. a company's published contact"),
    DataClass.CONSENT_REQUIRED: QT_TRANSLATE_NOOP(
        "DatasetNames", "may move only for data subjects whose consent is on record"
    ),
    DataClass.SENSITIVE: QT_TRANSLATE_NOOP(
        "DatasetNames", "masked or withheld unless the NDA and closing explicitly allow it (PIPL art. 28)"
    ),
}

_OPERATORS = {
    "keep": QT_TRANSLATE_NOOP("DatasetNames", "keep"),
    "mask": QT_TRANSLATE_NOOP("DatasetNames", "mask"),
    "pseudonym": QT_TRANSLATE_NOOP("DatasetNames", "keyed pseudonym"),
    "generalise": QT_TRANSLATE_NOOP("DatasetNames", "generalise"),
    "derive": QT_TRANSLATE_NOOP("DatasetNames", "derive, then drop"),
    "withhold": QT_TRANSLATE_NOOP("DatasetNames", "withhold"),
}

_OPERATOR_HINTS = {
    "keep": QT_TRANSLATE_NOOP("DatasetNames", "Release the value unchanged."),
    "mask": QT_TRANSLATE_NOOP(
        "DatasetNames", "Hide characters by position, e.g. 110101********1234, 138****5678, 张*."
    ),
    "pseudonym": QT_TRANSLATE_NOOP(
        "DatasetNames",
        "Replace the value by a keyed token: the same value gets the same token inside this deal, "
        "and tokens of different deals cannot be linked.",
    ),
    "generalise": QT_TRANSLATE_NOOP(
        "DatasetNames",
        "Replace the value by a coarser one: a date by its year, an address by its district, an amount by a band.",
    ),
    "derive": QT_TRANSLATE_NOOP(
        "DatasetNames",
        "Add columns derived from a resident ID (age band, birth year, gender, province), then drop the ID.",
    ),
    "withhold": QT_TRANSLATE_NOOP("DatasetNames", "Drop the column from everything shared."),
}

_GENERALISE_TO = {
    "month": QT_TRANSLATE_NOOP("DatasetNames", "month"),
    "year": QT_TRANSLATE_NOOP("DatasetNames", "year"),
    "decade": QT_TRANSLATE_NOOP("DatasetNames", "decade"),
    "age_band": QT_TRANSLATE_NOOP("DatasetNames", "age band"),
    "amount_band": QT_TRANSLATE_NOOP("DatasetNames", "amount band"),
    "district": QT_TRANSLATE_NOOP("DatasetNames", "district"),
    "city": QT_TRANSLATE_NOOP("DatasetNames", "city"),
    "province": QT_TRANSLATE_NOOP("DatasetNames", "province"),
}

_DERIVE_FIELDS = {
    "age_band": QT_TRANSLATE_NOOP("DatasetNames", "age band"),
    "birth_year": QT_TRANSLATE_NOOP("DatasetNames", "birth year"),
    "gender": QT_TRANSLATE_NOOP("DatasetNames", "gender"),
    "province": QT_TRANSLATE_NOOP("DatasetNames", "province"),
}

#: Identifier kinds a data-subject request can search by (``flows.redaction.find_subject``).
SUBJECT_KINDS = ("resident_id", "mobile", "email")
_SUBJECT_KINDS = {
    "resident_id": QT_TRANSLATE_NOOP("DatasetNames", "Resident ID number"),
    "mobile": QT_TRANSLATE_NOOP("DatasetNames", "Mobile number"),
    "email": QT_TRANSLATE_NOOP("DatasetNames", "E-mail address"),
}

#: Import warnings by code: ``{count}`` occurrences, ``{where}`` the first positions.
_WARNINGS = {
    "ragged-row": QT_TRANSLATE_NOOP(
        "DatasetNames",
        "{count} row(s) do not have as many fields as the header ({where}); they are padded or their extra "
        "values are appended to the last column, and marked as ragged.",
    ),
    "extra-empty-fields": QT_TRANSLATE_NOOP(
        "DatasetNames", "{count} row(s) end with empty fields beyond the header's columns ({where}); they were dropped."
    ),
    "blank-rows-skipped": QT_TRANSLATE_NOOP("DatasetNames", "{count} blank row(s) were skipped ({where})."),
    "long-number": QT_TRANSLATE_NOOP(
        "DatasetNames",
        "{count} cell(s) hold numbers longer than 15 digits ({where}); Excel keeps only 15 significant digits, so "
        "ID numbers there may already be damaged. Format such columns as Text in Excel and enter them again.",
    ),
    "empty-header": QT_TRANSLATE_NOOP("DatasetNames", "{count} column(s) have no name; they were given one."),
    "duplicate-header": QT_TRANSLATE_NOOP(
        "DatasetNames", "{count} column(s) repeat an earlier name; they were renamed."
    ),
}

_KEEP_ENDS = QT_TRANSLATE_NOOP("DatasetNames", ", keep {head} + {tail}")
_WIDTH = QT_TRANSLATE_NOOP("DatasetNames", " (width {width})")


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def type_name(value: str) -> str:
    """``resident_id`` → "Resident ID" (unknown identifiers are shown as they are)."""
    source = _TYPES.get(value)  # type: ignore[call-overload]
    return _tr(source) if source else value


def all_types() -> list[str]:
    return [t.value for t in PiiType]


def class_name(value: str) -> str:
    source = _CLASSES.get(value)  # type: ignore[call-overload]
    return _tr(source) if source else value


def class_hint(value: str) -> str:
    source = _CLASS_HINTS.get(value)  # type: ignore[call-overload]
    return _tr(source) if source else ""


def all_classes() -> list[str]:
    return [c.value for c in DataClass]


def operator_name(op: str) -> str:
    source = _OPERATORS.get(op)
    return _tr(source) if source else op


def operator_hint(op: str) -> str:
    source = _OPERATOR_HINTS.get(op)
    return _tr(source) if source else ""


def generalise_name(to: str) -> str:
    source = _GENERALISE_TO.get(to)
    return _tr(source) if source else to


def derive_field_name(field: str) -> str:
    source = _DERIVE_FIELDS.get(field)
    return _tr(source) if source else field


def subject_kind_name(kind: str) -> str:
    source = _SUBJECT_KINDS.get(kind)
    return _tr(source) if source else kind


def warning_text(code: str, message: str, count: int, rows: list[int]) -> str:
    """An import warning in the interface language; the core's English sentence for codes we do not know."""
    source = _WARNINGS.get(code)
    if source is None:
        return message
    where = ", ".join(str(r) for r in rows)
    if count > len(rows):
        where += " …"
    return _tr(source).format(count=count, where=where)


def describe_rule(op: str, params: dict[str, object]) -> str:
    """A rule in words: "mask (Resident ID)", "generalise → decade", "age band of 20 years", "withhold"."""
    name = operator_name(op)
    if op in ("mask", "pseudonym") and params.get("type"):
        extra = type_name(str(params["type"]))
        if params.get("head") is not None or params.get("tail") is not None:
            extra += _tr(_KEEP_ENDS).format(head=params.get("head", "–"), tail=params.get("tail", "–"))
        return f"{name} ({extra})"
    if op == "generalise":
        text = f"{name} → {generalise_name(str(params.get('to', '')))}"
        if params.get("width"):
            text += _tr(_WIDTH).format(width=params["width"])
        return text
    if op == "derive":
        fields = params.get("fields") or []
        shown = ", ".join(derive_field_name(str(f)) for f in fields)  # type: ignore[union-attr]
        return f"{name}: {shown}"
    return name
