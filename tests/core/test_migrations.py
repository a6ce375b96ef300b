"""Frozen vaults of every released schema version open and upgrade without losing anything."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.vault import schema
from dataroom.core.vault.errors import NotAVault

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


@pytest.mark.parametrize("version", [1])
def test_frozen_vault_upgrades(version: int, tmp_path: Path) -> None:
    target = tmp_path / "v"
    shutil.copytree(FIXTURES / f"vault-v{version}", target)
    s = vault_flows.unlock(target, passphrase="fixture-v1-passphrase")
    conn = s.vault.connection()
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    assert [u.name for u in user_flows.list_users(s)] == ["alice", "李雷"]
    assert any(r.action == "fixture.note" and r.details == {"text": "冻结的第一版"} for r in audit_flows.show(s))
    assert audit_flows.verify(s).ok
    s.close()
    vault_flows.unlock(target, user="李雷", passphrase="fixture-v1-preparer").close()


def test_vault_from_the_future_is_refused(session, vault_dir: Path) -> None:
    session.vault.connection().execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    session.close()
    with pytest.raises(NotAVault, match="newer Dataroom"):
        vault_flows.unlock(vault_dir, passphrase="correct horse battery staple")
