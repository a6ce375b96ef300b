"""Dataset lifecycle: retention rules (audited, refused for a reviewer, gone with the dataset), the reminders of
what is due for destruction (retention and NDA duties), and the preview of what a destruction removes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import InputError, NotFound, PermissionDenied
from dataroom.core.flows import lifecycle, transfer
from dataroom.core.flows import nda as nda_flows
from dataroom.core.users.roles import Role
from tests.core.test_deal_helpers import add_dataset
from tests.core.test_transfer_helpers import deal, fp

TODAY = dt.date.today()


def test_retention_is_set_listed_replaced_and_audited(session) -> None:
    info = add_dataset(session)
    imported = dt.date.fromisoformat(info.imported_at[:10])
    rule = lifecycle.set_retention(session, "customers", until=dt.date(2099, 1, 1), reason="  evaluation   only ")
    assert rule.keep_until == dt.date(2099, 1, 1) and rule.reason == "evaluation only" and rule.set_by == "alice"
    # Both a date and days: the earlier day wins.
    rule = lifecycle.set_retention(session, "customers", until=dt.date(2099, 1, 1), days_after_import=10)
    assert rule.keep_until == imported + dt.timedelta(days=10)
    assert [r.dataset for r in lifecycle.list_retention(session)] == ["customers"]
    assert lifecycle.get_retention(session, "customers") == rule
    conn = session.vault.connection()
    first, second = audit_log.records(conn, action="retention.set")
    assert first.object == "customers" and first.details["keep_until"] == "2099-01-01"
    assert second.details["previous_keep_until"] == "2099-01-01" and second.details["days_after_import"] == 10
    assert lifecycle.clear_retention(session, "customers") is True
    assert lifecycle.clear_retention(session, "customers") is False  # nothing left: not audited again
    assert lifecycle.list_retention(session) == []
    assert len(audit_log.records(conn, action="retention.clear")) == 1
    assert audit_log.verify(conn).ok


def test_bad_rules_and_unknown_datasets_are_refused_in_words(session) -> None:
    add_dataset(session)
    with pytest.raises(InputError, match="keep-until date"):
        lifecycle.set_retention(session, "customers")
    with pytest.raises(InputError, match="negative"):
        lifecycle.set_retention(session, "customers", days_after_import=-1)
    with pytest.raises(InputError, match="too long"):
        lifecycle.set_retention(session, "customers", days_after_import=1, reason="x" * 501)
    with pytest.raises(NotFound, match="no dataset named 'nope'"):
        lifecycle.set_retention(session, "nope", days_after_import=1)
    assert audit_log.records(session.vault.connection(), action="retention.set") == []


def test_reviewer_may_read_but_not_set_retention_nor_preview_destruction(session) -> None:
    add_dataset(session)
    lifecycle.set_retention(session, "customers", until=TODAY - dt.timedelta(days=1))
    session.user, session.role = "rita", Role.REVIEWER
    with pytest.raises(PermissionDenied, match="reviewer role"):
        lifecycle.set_retention(session, "customers", days_after_import=1)
    with pytest.raises(PermissionDenied):
        lifecycle.clear_retention(session, "customers")
    with pytest.raises(PermissionDenied, match="destroy datasets"):
        lifecycle.destruction_preview(session, "customers")
    assert [i.dataset for i in lifecycle.due_for_destruction(session, TODAY)] == ["customers"]


def test_past_retention_is_due_from_the_day_after_and_the_rule_goes_with_the_dataset(session) -> None:
    add_dataset(session)
    add_dataset(session, "kept")
    lifecycle.set_retention(session, "customers", until=TODAY, reason="pilot")
    lifecycle.set_retention(session, "kept", until=TODAY + dt.timedelta(days=365))
    assert lifecycle.due_for_destruction(session, TODAY) == []  # the last day itself is still allowed
    (item,) = lifecycle.due_for_destruction(session, TODAY + dt.timedelta(days=1))
    assert (item.dataset, item.kind, item.deadline, item.overdue) == ("customers", "retention", TODAY, True)
    assert "kept past its retention" in item.describe() and "(pilot)" in item.describe()
    assert item.to_json()["deadline"] == TODAY.isoformat()
    transfer.destroy_dataset(session, "customers")
    assert [r.dataset for r in lifecycle.list_retention(session)] == ["kept"]
    count = session.vault.connection().execute("SELECT COUNT(*) FROM dataset_retention").fetchone()[0]
    assert count == 1  # the foreign key removed the destroyed dataset's rule
    assert lifecycle.due_for_destruction(session, TODAY + dt.timedelta(days=400))[0].dataset == "kept"


@pytest.fixture
def received(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    got = transfer.import_packet(buyer, sent.path)
    yield seller, buyer, nda_id, sent, got
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_received_data_is_due_once_the_nda_duty_starts_and_not_after_destruction(received, tmp_path: Path) -> None:
    seller, buyer, nda_id, _, got = received
    assert lifecycle.due_for_destruction(buyer, TODAY) == []  # NDA in force: nothing owed yet
    nda_flows.end_nda(buyer, nda_id, "terminated", TODAY)
    (item,) = lifecycle.due_for_destruction(buyer, TODAY)
    assert (item.dataset, item.kind, item.nda_id, item.overdue) == (got.info.name, "nda", nda_id, False)
    assert item.deadline == TODAY + dt.timedelta(days=30) and item.certificate_required
    assert f"NDA {nda_id} requires its destruction" in item.describe() and "due by" in item.describe()
    later = lifecycle.due_for_destruction(buyer, TODAY + dt.timedelta(days=31))
    assert [i.overdue for i in later] == [True] and "overdue since" in later[0].describe()
    # The seller's own copy is not received data: the seller owes no destruction of it.
    nda_flows.end_nda(seller, nda_id, "terminated", TODAY)
    assert lifecycle.due_for_destruction(seller, TODAY) == []
    transfer.destroy_dataset(buyer, got.info.name, out=tmp_path / "cert.pdf")
    assert lifecycle.due_for_destruction(buyer, TODAY + dt.timedelta(days=31)) == []


def test_preview_names_exactly_what_a_destruction_removes(received, tmp_path: Path) -> None:
    seller, buyer, nda_id, sent, got = received
    preview = lifecycle.destruction_preview(buyer, got.info.name)
    assert (preview.dataset, preview.rows, preview.columns) == (got.info.name, got.info.row_count, 4)
    assert preview.nda_id == nda_id and preview.nda_title == "客户数据评估保密协议" and preview.certificate
    assert [(p.packet_id, p.path, p.present) for p in preview.packets] == [(sent.packet_id, sent.path, True)]
    sent.path.unlink()
    assert lifecycle.destruction_preview(buyer, got.info.name).packets[0].present is False
    own = lifecycle.destruction_preview(seller, "customers")
    assert own.nda_id is None and own.packets == () and not own.certificate and own.source_name == "customers.csv"
    assert own.retention is None
