"""Roles and what each may do. Every core flow names the permission it needs and calls ``Session.require``."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """``owner`` may do everything; ``preparer`` handles data; ``reviewer`` only looks at redacted material."""

    OWNER = "owner"
    PREPARER = "preparer"
    REVIEWER = "reviewer"


class Permission(StrEnum):
    """One value per kind of action; the text is used in refusal messages."""

    MANAGE_USERS = "manage users"
    MANAGE_KEYS = "manage vault keys, backups and restores"
    IMPORT = "import datasets"
    CLASSIFY = "classify and override column classes"
    REDACT = "edit redaction policies"
    EXPORT = "export data and prepare packets"
    SIGN = "sign documents"
    DESTROY = "destroy datasets"
    VIEW_RAW = "view unredacted data"
    VIEW_REDACTED = "view redacted previews and documents"
    VIEW_AUDIT = "view and export the audit log"


_PREPARER = {
    Permission.IMPORT,
    Permission.CLASSIFY,
    Permission.REDACT,
    Permission.EXPORT,
    Permission.VIEW_RAW,
    Permission.VIEW_REDACTED,
    Permission.VIEW_AUDIT,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.OWNER: frozenset(Permission),
    Role.PREPARER: frozenset(_PREPARER),
    Role.REVIEWER: frozenset({Permission.VIEW_REDACTED}),
}


def allowed(role: Role, permission: Permission) -> bool:
    """Whether ``role`` grants ``permission``."""
    return permission in ROLE_PERMISSIONS[role]
