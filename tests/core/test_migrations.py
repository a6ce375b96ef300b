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


def test_frozen_v5_vault_keeps_every_kind_of_record(tmp_path: Path) -> None:
    """v5: the demo deal after every journey (dataset, classes, policy, identity, card, NDA, consents, packet,
    receipt, destruction record). Each later schema version must open it and find all of it."""
    from dataroom.core.flows import consent as consent_flows
    from dataroom.core.flows import datasets as dataset_flows
    from dataroom.core.flows import nda as nda_flows
    from dataroom.core.flows import parties
    from dataroom.core.flows import redaction as redaction_flows
    from dataroom.core.flows import transfer as transfer_flows
    from dataroom.core.flows.demo import DEMO_DATASET, DEMO_PASSPHRASE

    target = tmp_path / "v"
    shutil.copytree(FIXTURES / "vault-v5", target)
    s = vault_flows.unlock(target, passphrase=DEMO_PASSPHRASE)
    assert s.vault.connection().execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    assert [d.name for d in dataset_flows.list_datasets(s)] == [DEMO_DATASET]
    assert {c.type for c in dataset_flows.column_classes(s, DEMO_DATASET)} >= {"resident_id", "mobile"}
    assert redaction_flows.policy_versions(s, DEMO_DATASET)
    assert parties.show_identity(s).fingerprint and len(parties.list_cards(s)) == 1
    assert all(status.in_force for _, status in nda_flows.list_ndas(s))
    assert consent_flows.consent_purposes(s)
    assert [p.receipt for p in transfer_flows.list_packets(s)] == ["recorded"]
    assert audit_flows.verify(s).ok
    s.close()


def test_frozen_v6_vault_keeps_its_retention_rule(tmp_path: Path) -> None:
    """v6: the v5 journeys plus a retention rule (both a date and days after import) on the demo dataset."""
    import datetime as dt

    from dataroom.core.flows import lifecycle
    from dataroom.core.flows.demo import DEMO_DATASET, DEMO_PASSPHRASE

    target = tmp_path / "v"
    shutil.copytree(FIXTURES / "vault-v6", target)
    s = vault_flows.unlock(target, passphrase=DEMO_PASSPHRASE)
    assert s.vault.connection().execute("PRAGMA user_version").fetchone()[0] == schema.LATEST
    (rule,) = lifecycle.list_retention(s)
    assert (rule.dataset, rule.until, rule.days_after_import) == (DEMO_DATASET, dt.date(2027, 6, 30), 3650)
    assert rule.keep_until == dt.date(2027, 6, 30) and rule.reason == "deal evaluation / 交易评估"
    assert lifecycle.due_for_destruction(s, dt.date(2027, 7, 1))[0].kind == "retention"
    assert audit_flows.verify(s).ok
    s.close()


def test_v5_vault_gains_an_empty_retention_table(tmp_path: Path) -> None:
    from dataroom.core.flows import lifecycle
    from dataroom.core.flows.demo import DEMO_DATASET, DEMO_PASSPHRASE

    target = tmp_path / "v"
    shutil.copytree(FIXTURES / "vault-v5", target)
    s = vault_flows.unlock(target, passphrase=DEMO_PASSPHRASE)
    assert lifecycle.list_retention(s) == []
    assert lifecycle.set_retention(s, DEMO_DATASET, days_after_import=30).days_after_import == 30
    s.close()
