"""Roles: each flow refuses what the acting user's role does not allow."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Permission, Role, allowed
from tests.conftest import fast_kdf_params


def _as(session, vault_dir: Path, name: str, role: Role):
    user_flows.add_user(session, name, role, f"{name} passphrase!", kdf_params=fast_kdf_params())
    session.close()
    return vault_flows.unlock(vault_dir, user=name, passphrase=f"{name} passphrase!")


def test_reviewer_cannot_do_a_preparers_action(session, vault_dir: Path, tmp_path: Path) -> None:
    reviewer = _as(session, vault_dir, "rita", Role.REVIEWER)
    assert not reviewer.can(Permission.IMPORT) and reviewer.can(Permission.VIEW_REDACTED)
    with pytest.raises(PermissionDenied, match="rita has the reviewer role, which may not view and export the audit"):
        audit_flows.show(reviewer)
    with pytest.raises(PermissionDenied):
        vault_flows.backup(reviewer, tmp_path / "b.drbak", "backup passphrase")
    reviewer.close()


def test_preparer_cannot_manage_users_or_keys(session, vault_dir: Path) -> None:
    preparer = _as(session, vault_dir, "pete", Role.PREPARER)
    with pytest.raises(PermissionDenied):
        user_flows.add_user(preparer, "x", Role.OWNER, "whatever passphrase", kdf_params=fast_kdf_params())
    with pytest.raises(PermissionDenied):
        vault_flows.rekey(preparer)
    with pytest.raises(PermissionDenied):
        vault_flows.change_passphrase(preparer, "new passphrase 123", user="alice")
    vault_flows.change_passphrase(preparer, "my own new passphrase")  # own passphrase: allowed
    assert audit_flows.verify(preparer).ok
    preparer.close()


def test_role_table() -> None:
    assert all(allowed(Role.OWNER, p) for p in Permission)
    assert allowed(Role.PREPARER, Permission.EXPORT) and not allowed(Role.PREPARER, Permission.MANAGE_USERS)
    assert [p for p in Permission if allowed(Role.REVIEWER, p)] == [Permission.VIEW_REDACTED]


def test_last_owner_cannot_be_removed(session) -> None:
    with pytest.raises(InputError, match="last owner"):
        user_flows.remove_user(session, "alice")
    user_flows.add_user(session, "bea", Role.OWNER, "bea passphrase!", kdf_params=fast_kdf_params())
    user_flows.remove_user(session, "alice")
    assert [u.name for u in user_flows.list_users(session)] == ["bea"]
