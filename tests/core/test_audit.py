"""Hash-chained audit log: append-only, tamper detection, exports others can recheck."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import InputError
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import vault as vault_flows


def _fill(session, n: int = 5) -> None:
    for i in range(n):
        with session.vault.transaction() as tx:
            audit_log.append(tx, session.user, "test.event", f"object-{i}", {"i": i, "text": "中文"})


def test_chain_verifies_and_links(session) -> None:
    _fill(session)
    status = audit_flows.verify(session)
    assert status.ok and status.count == 6 and status.head_seq == 6
    recs = audit_flows.show(session)
    assert [r.seq for r in recs] == list(range(1, 7))
    assert all(b.prev == a.hash for a, b in itertools.pairwise(recs))


def test_triggers_refuse_update_and_delete(session) -> None:
    conn = session.vault.connection()
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 1")
    with pytest.raises(sqlcipher.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit WHERE seq = 1")


def test_append_outside_a_transaction_is_a_bug(session) -> None:
    with pytest.raises(RuntimeError):
        audit_log.append(session.vault.connection(), "alice", "x")


@pytest.mark.parametrize(
    ("sql", "reason"),
    [
        ("UPDATE audit SET details = replace(details, '\"i\":2', '\"i\":9') WHERE seq = 4", "changed"),
        ("UPDATE audit SET time = '2001-01-01T00:00:00.000Z' WHERE seq = 4", "changed"),
        ("DELETE FROM audit WHERE seq = 4", "missing"),
        ("UPDATE audit SET mac = zeroblob(32) WHERE seq = 4", "authentication"),
    ],
)
def test_tampering_one_row_is_found_at_that_row(session, sql: str, reason: str) -> None:
    _fill(session)
    conn = session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")  # an attacker holding the key can do this much
    conn.execute("DROP TRIGGER audit_no_delete")
    conn.execute(sql)
    status = audit_flows.verify(session)
    assert not status.ok and status.first_bad == 4
    assert reason in status.reason


def test_recomputed_hash_without_mac_key_is_caught(session) -> None:
    _fill(session)
    conn = session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")
    row = conn.execute("SELECT seq, time, actor, action, object, details, prev FROM audit WHERE seq = 6").fetchone()
    body = {
        "seq": 6,
        "time": row[1],
        "actor": "mallory",
        "action": row[3],
        "object": row[4],
        "details": json.loads(row[5]),
    }
    conn.execute(
        "UPDATE audit SET actor = 'mallory', hash = ? WHERE seq = 6", (audit_log.chain_hash(bytes(row[6]), body),)
    )
    status = audit_flows.verify(session)
    assert status.first_bad == 6 and "authentication" in status.reason


def test_export_range_rechecks_without_keys(session, tmp_path: Path) -> None:
    _fill(session, 8)
    out = tmp_path / "audit.jsonl"
    assert audit_flows.export(session, out, first=3, last=7) == 5
    status = audit_flows.verify_export(out)
    assert status.ok and status.count == 5 and status.head_seq == 7
    lines = out.read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[2])
    doc["details"]["i"] = 99
    lines[2] = json.dumps(doc, ensure_ascii=False)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    bad = audit_flows.verify_export(out)
    assert not bad.ok and bad.first_bad == 4
    out.write_text("\n".join(out.read_text().splitlines()[:-1]) + "\n")
    assert not audit_flows.verify_export(out).ok


def test_export_of_not_an_export(tmp_path: Path) -> None:
    (tmp_path / "x.jsonl").write_text("hello\n")
    with pytest.raises(InputError, match="not a Dataroom audit export"):
        audit_flows.verify_export(tmp_path / "x.jsonl")


def test_chain_survives_rekey(session) -> None:
    _fill(session, 3)
    vault_flows.rekey(session)
    _fill(session, 2)
    status = audit_flows.verify(session)
    assert status.ok and status.count == 7


def test_deeply_nested_export_is_refused_in_words(tmp_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text("[" * 100_000 + "]" * 100_000 + "\n")
    with pytest.raises(InputError, match="not a Dataroom audit export"):
        audit_flows.verify_export(deep)
