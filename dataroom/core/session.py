"""A session: an unlocked vault and the local user acting in it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from dataroom.core.errors import PermissionDenied
from dataroom.core.users.roles import Permission, Role, allowed

if TYPE_CHECKING:
    from dataroom.core.vault.vault import Vault


@dataclass
class Session:
    """Who is acting, with which role, in which vault. Every flow takes one."""

    vault: Vault
    user: str
    role: Role

    def can(self, permission: Permission) -> bool:
        """Whether the acting user's role grants ``permission`` (the GUI hides what is not allowed)."""
        return allowed(self.role, permission)

    def require(self, permission: Permission) -> None:
        """Raise :class:`PermissionDenied` unless the role grants ``permission``."""
        if not allowed(self.role, permission):
            raise PermissionDenied(f"{self.user} has the {self.role.value} role, which may not {permission.value}.")

    def close(self) -> None:
        """Lock the vault: forget the key and close every connection."""
        self.vault.close()
