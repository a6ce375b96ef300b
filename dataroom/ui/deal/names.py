"""Translated words for the deal records' English identifiers (card status, confirmation methods, NDA terms)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_CONTEXT = "DealNames"

CARD_STATUS: dict[str, str] = {
    "unconfirmed": QT_TRANSLATE_NOOP("DealNames", "Not confirmed"),
    "confirmed": QT_TRANSLATE_NOOP("DealNames", "Confirmed"),
    "suspect": QT_TRANSLATE_NOOP("DealNames", "SUSPECT: fingerprint mismatch"),
    "superseded": QT_TRANSLATE_NOOP("DealNames", "Replaced by a newer card"),
}

#: Badge look per card status (colour plus the words above, never colour alone).
CARD_LOOK = {"unconfirmed": "warn", "confirmed": "ok", "suspect": "bad", "superseded": "info"}

#: Methods a person picks in the confirmation dialog (``rollover`` is set by core only).
CONFIRM_METHODS: dict[str, str] = {
    "in-person": QT_TRANSLATE_NOOP("DealNames", "In person"),
    "phone": QT_TRANSLATE_NOOP("DealNames", "Phone call"),
    "video": QT_TRANSLATE_NOOP("DealNames", "Video call"),
    "letter": QT_TRANSLATE_NOOP("DealNames", "Signed paper letter"),
    "other": QT_TRANSLATE_NOOP("DealNames", "Other (say how in the note)"),
    "rollover": QT_TRANSLATE_NOOP("DealNames", "Signed over by the party's earlier key"),
}

DEAL_ROLES: dict[str, str] = {
    "seller": QT_TRANSLATE_NOOP("DealNames", "Seller"),
    "buyer": QT_TRANSLATE_NOOP("DealNames", "Buyer"),
    "advisor": QT_TRANSLATE_NOOP("DealNames", "Advisor"),
}

DATA_CLASSES: dict[str, str] = {
    "public": QT_TRANSLATE_NOOP("DealNames", "public"),
    "consent-required": QT_TRANSLATE_NOOP("DealNames", "consent required"),
    "sensitive": QT_TRANSLATE_NOOP("DealNames", "sensitive"),
}

ONWARD: dict[str, str] = {
    "none": QT_TRANSLATE_NOOP("DealNames", "No onward sharing"),
    "affiliates": QT_TRANSLATE_NOOP("DealNames", "Affiliates only"),
    "advisors": QT_TRANSLATE_NOOP("DealNames", "Professional advisors only"),
    "affiliates-and-advisors": QT_TRANSLATE_NOOP("DealNames", "Affiliates and professional advisors"),
}

NDA_LANGUAGES: dict[str, str] = {
    "bilingual": QT_TRANSLATE_NOOP("DealNames", "Bilingual (Chinese and English)"),
    "zh_CN": QT_TRANSLATE_NOOP("DealNames", "Chinese only"),
    "en": QT_TRANSLATE_NOOP("DealNames", "English only"),
}


def tr(source: str) -> str:
    return QCoreApplication.translate(_CONTEXT, source)


def _lookup(table: dict[str, str], key: str | None) -> str:
    return tr(table[key]) if key in table else (key or "")


def card_status(status: str) -> str:
    return _lookup(CARD_STATUS, status)


def method(name: str | None) -> str:
    return _lookup(CONFIRM_METHODS, name)


def deal_role(role: str) -> str:
    return _lookup(DEAL_ROLES, role)


def data_class(name: str) -> str:
    return _lookup(DATA_CLASSES, name)


def onward(mode: str) -> str:
    return _lookup(ONWARD, mode)


def nda_language(code: str) -> str:
    return _lookup(NDA_LANGUAGES, code)
