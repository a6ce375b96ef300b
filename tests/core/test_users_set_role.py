"""Changing a user's role: owner only, audited with both roles, never leaves the vault without an owner, and
takes effect at the user's next unlock (an open session keeps the role it was opened with)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import InputError, NotFound, PermissionDenied
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Permission, Role
from tests.conftest import PASSPHRASE, fast_kdf_params

RITA = "rita passphrase 42"


@pytest.fixture
def with_rita(session):  # type: ignore[no-untyped-def]
    user_flows.add_user(session, "rita", Role.REVIEWER, RITA, kdf_params=fast_kdf_params())
    return session


def test_owner_promotes_a_reviewer_from_her_next_unlock(with_rita, vault_dir: Path) -> None:
    changed = user_flows.set_role(with_rita, "rita", Role.PREPARER)
    assert changed.role is Role.PREPARER
    assert {u.name: u.role for u in user_flows.list_users(with_rita)}["rita"] is Role.PREPARER
    record = audit_log.records(with_rita.vault.connection(), action="user.role")[-1]
    assert (record.actor, record.object, record.details) == ("alice", "rita", {"from": "reviewer", "to": "preparer"})
    with_rita.close()
    rita = vault_flows.unlock(vault_dir, user="rita", passphrase=RITA)
    assert rita.role is Role.PREPARER and rita.can(Permission.IMPORT)
    rita.close()


def test_a_non_owner_is_refused(with_rita, vault_dir: Path) -> None:
    user_flows.set_role(with_rita, "rita", Role.PREPARER)
    with_rita.close()
    rita = vault_flows.unlock(vault_dir, user="rita", passphrase=RITA)
    with pytest.raises(PermissionDenied, match="rita has the preparer role, which may not manage users"):
        user_flows.set_role(rita, "rita", Role.OWNER)
    assert {u.name: u.role for u in user_flows.list_users(rita)}["rita"] is Role.PREPARER
    rita.close()


def test_the_last_owner_cannot_be_demoted_but_one_of_two_can(with_rita, vault_dir: Path) -> None:
    with pytest.raises(InputError, match="alice is the last owner"):
        user_flows.set_role(with_rita, "alice", Role.PREPARER)
    user_flows.set_role(with_rita, "rita", Role.OWNER)
    user_flows.set_role(with_rita, "alice", Role.REVIEWER)  # rita is an owner now
    assert with_rita.role is Role.OWNER  # alice's own session keeps its role until she locks
    with pytest.raises(InputError, match="rita is the last owner"):
        user_flows.set_role(with_rita, "rita", Role.REVIEWER)
    with_rita.close()
    alice = vault_flows.unlock(vault_dir, user="alice", passphrase=PASSPHRASE)
    assert alice.role is Role.REVIEWER
    alice.close()


def test_unknown_user_and_unchanged_role_are_refused_in_words(with_rita) -> None:
    with pytest.raises(NotFound, match="no user named bob"):
        user_flows.set_role(with_rita, "bob", Role.OWNER)
    with pytest.raises(InputError, match="rita already has the reviewer role"):
        user_flows.set_role(with_rita, "rita", Role.REVIEWER)
    assert not audit_log.records(with_rita.vault.connection(), action="user.role")
