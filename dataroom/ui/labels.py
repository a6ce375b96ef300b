"""Translated display names for core enums and the navigation (the core keeps English identifiers)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from dataroom.core.users.roles import Role
from dataroom.ui.party import DealRole

_ROLES = {
    Role.OWNER: QT_TRANSLATE_NOOP("Labels", "Owner"),
    Role.PREPARER: QT_TRANSLATE_NOOP("Labels", "Preparer"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Labels", "Reviewer"),
}

_ROLE_HINTS = {
    Role.OWNER: QT_TRANSLATE_NOOP("Labels", "may do everything, including users, keys and backups"),
    Role.PREPARER: QT_TRANSLATE_NOOP("Labels", "imports, classifies, redacts and exports data"),
    Role.REVIEWER: QT_TRANSLATE_NOOP("Labels", "sees redacted previews and documents only"),
}

_DEAL_ROLES = {
    DealRole.SELLER: QT_TRANSLATE_NOOP("Labels", "Seller (transferor)"),
    DealRole.BUYER: QT_TRANSLATE_NOOP("Labels", "Buyer (transferee)"),
    DealRole.ADVISOR: QT_TRANSLATE_NOOP("Labels", "Advisor (lawyer, broker, auditor)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def role_name(role: Role) -> str:
    return _tr(_ROLES[role])


def role_hint(role: Role) -> str:
    return _tr(_ROLE_HINTS[role])


def deal_role_name(role: DealRole) -> str:
    return _tr(_DEAL_ROLES[role])


def app_name() -> str:
    return _tr(QT_TRANSLATE_NOOP("Labels", "Dataroom"))


def demo_tag() -> str:
    return _tr(QT_TRANSLATE_NOOP("Labels", "[DEMO]"))
