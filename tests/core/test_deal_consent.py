"""Consent registry: CSV import as tokens only, withdrawal, scope, coverage, and the redaction suppression hook."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dataroom.core import subjects
from dataroom.core.audit import log as audit_log
from dataroom.core.deal.consent import ConsentRegistry
from dataroom.core.deal.consent_csv import parse_date
from dataroom.core.errors import InputError, NotFound, PermissionDenied
from dataroom.core.flows import consent as consent_flows
from dataroom.core.redaction.suppression import ConsentLookup, ConsentRowFilter, Released, RowDecision
from dataroom.core.users.roles import Role
from tests.core.test_deal_helpers import add_dataset

PURPOSE = "转让给受让方"

CSV = """手机号,同意日期,撤回日期,来源,凭证编号,同意范围
138 0013 8000,2025-01-10,,纸质表单,F-001,
+86 139-0013-9000,2025/2/1,,app,APP-77,
13700137000,2025年3月1日,2025-06-30,电话录音,REC-9,
12345,2025-01-01,,app,,
13600136000,not a date,,app,,
13500135000,2025-01-01,,app,,手机号；城市
"""


def _write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "consents.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _token(session, kind: str, value: str) -> str:  # type: ignore[no-untyped-def]
    return subjects.subject_token(subjects.subject_key(session.vault.connection()), kind, value)


def test_csv_import_keeps_tokens_only(session, tmp_path: Path) -> None:
    result = consent_flows.import_consents(session, _write(tmp_path, CSV, "gb18030"), purpose=PURPOSE)
    assert (result.rows, result.imported, result.duplicates) == (6, 4, 0)
    assert result.problems == [
        "line 5: the identifier does not look like a mobile",
        "line 6: the date consent was given is missing or not a date",
    ]
    conn = session.vault.connection()
    stored = conn.execute("SELECT * FROM consents").fetchall()
    dump = json.dumps([list(r) for r in stored], ensure_ascii=False)
    for raw in ("13800138000", "13900139000", "13700137000", "13500135000"):
        assert raw not in dump
    assert all(r[1].startswith("S-") for r in stored)
    record = audit_log.records(conn, action="consent.import")[0]
    assert record.details["imported"] == 4 and "1380013" not in json.dumps(record.details)
    again = consent_flows.import_consents(session, _write(tmp_path, CSV, "gb18030"), purpose=PURPOSE)
    assert (again.imported, again.duplicates) == (0, 4)


def test_has_consent_and_withdrawal(session, tmp_path: Path) -> None:
    consent_flows.import_consents(session, _write(tmp_path, CSV), purpose=PURPOSE)
    phone = _token(session, "mobile", "13800138000")
    day = dt.date(2025, 5, 1)
    registry = consent_flows.consent_registry(session, PURPOSE, day)
    assert registry.has_consent(phone, "consent-required")
    assert registry.has_consent(phone, ["姓名", "手机号"], day)
    assert not registry.has_consent(phone, "consent-required", dt.date(2025, 1, 9))  # before it was given
    assert not ConsentRegistry(session.vault.connection(), "marketing", day).has_consent(phone, "consent-required")

    assert consent_flows.withdraw_consent(session, "mobile", "138-0013-8000", PURPOSE, dt.date(2025, 4, 1)) == 1
    after = consent_flows.consent_registry(session, PURPOSE, day)
    assert not after.has_consent(phone, "consent-required")
    assert after.has_consent(phone, "consent-required", dt.date(2025, 3, 31))  # the past stays as it was
    record = audit_log.records(session.vault.connection(), action="consent.withdraw")[0]
    assert record.object == phone and "13800138000" not in json.dumps(record.details)
    with pytest.raises(NotFound):
        consent_flows.withdraw_consent(session, "mobile", "13800138000", PURPOSE, dt.date(2025, 4, 2))

    # The CSV's own withdrawal date counts too.
    third = _token(session, "mobile", "13700137000")
    assert after.has_consent(third, "consent-required", dt.date(2025, 6, 29))
    assert not after.has_consent(third, "consent-required", dt.date(2025, 6, 30))


def test_scope_limits_what_a_consent_covers(session, tmp_path: Path) -> None:
    consent_flows.import_consents(session, _write(tmp_path, CSV), purpose=PURPOSE)
    narrow = _token(session, "mobile", "13500135000")
    registry = consent_flows.consent_registry(session, PURPOSE, dt.date(2025, 5, 1))
    assert registry.has_consent(narrow, ["手机号", "城市"])
    assert not registry.has_consent(narrow, ["手机号", "消费金额"])
    assert registry.consented({narrow}, PURPOSE) == set()  # not a consent for consent-required data in general


def test_registry_is_the_redaction_suppression_hook(session, tmp_path: Path) -> None:
    consent_flows.import_consents(session, _write(tmp_path, CSV), purpose=PURPOSE)
    registry: ConsentLookup = consent_flows.consent_registry(session, PURPOSE, dt.date(2025, 5, 1))
    rows = [_token(session, "mobile", "13800138000"), _token(session, "mobile", "13600136000"), None]
    row_filter = ConsentRowFilter(registry, PURPOSE, missing="drop")
    released = Released(("手机号",), frozenset({"consent-required"}))
    assert row_filter.decide(rows, released) == [RowDecision.KEEP, RowDecision.DROP, RowDecision.DROP]
    consent_flows.withdraw_consent(session, "mobile", "13800138000", PURPOSE, dt.date(2025, 4, 1))
    fresh = consent_flows.consent_registry(session, PURPOSE, dt.date(2025, 5, 1))
    assert ConsentRowFilter(fresh, PURPOSE).decide(rows[:1], released) == [RowDecision.BLANK]


def test_coverage_matches_rows_through_tokens(session, tmp_path: Path) -> None:
    add_dataset(session)  # 5 rows: 3 with consents below (one withdrawn), 1 without, 1 with no identifier
    csv_text = (
        "kind,identifier,purpose,given,withdrawn\n"
        f"mobile,13800138000,{PURPOSE},2025-01-01,\n"
        f"resident_id,310101198512125678,{PURPOSE},2025-01-01,\n"
        f"mobile,+8613700137000,{PURPOSE},2025-01-01,2025-02-01\n"
        "mobile,13600136000,marketing,2025-01-01,\n"
    )
    consent_flows.import_consents(session, _write(tmp_path, csv_text), source="app")
    cover = consent_flows.consent_coverage(session, "customers", PURPOSE, dt.date(2025, 5, 1))
    assert (cover.rows, cover.rows_with_identifier, cover.rows_with_consent, cover.rows_withdrawn) == (5, 4, 2, 1)
    assert cover.share == pytest.approx(0.4)
    assert cover.identifier_columns == {"手机号": "mobile", "身份证号": "resident_id"}
    assert "2 of 5 rows (40.0%)" in cover.describe()
    early = consent_flows.consent_coverage(session, "customers", PURPOSE, dt.date(2025, 1, 15))
    assert early.rows_with_consent == 3
    only_phone = consent_flows.consent_coverage(
        session, "customers", PURPOSE, dt.date(2025, 5, 1), columns={"手机号": "mobile"}
    )
    assert only_phone.rows_with_consent == 1


def test_bad_files_and_permissions(session, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="identifier column"):
        consent_flows.import_consents(session, _write(tmp_path, "name,date\nx,2025-01-01\n"), purpose=PURPOSE)
    with pytest.raises(InputError, match="what kind"):
        consent_flows.import_consents(session, _write(tmp_path, "identifier,date\nx,2025-01-01\n"), purpose=PURPOSE)
    with pytest.raises(InputError, match="purpose"):
        consent_flows.import_consents(session, _write(tmp_path, "手机号,同意日期\n13800138000,2025-01-01\n"))
    session.user, session.role = "rita", Role.REVIEWER
    with pytest.raises(PermissionDenied):
        consent_flows.import_consents(session, _write(tmp_path, CSV), purpose=PURPOSE)


def test_dates_people_write() -> None:
    for text in (
        "2025-03-01",
        "2025/3/1",
        "2025.03.01",
        "2025年3月1日",
        "20250301",
        "2025-03-01 14:00",
        "２０２５-０３-０１",
    ):
        assert parse_date(text) == dt.date(2025, 3, 1), text
    with pytest.raises(ValueError):
        parse_date("March 1st")
