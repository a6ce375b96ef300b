"""Incident register: affected people counted from the data (distinct persons), drafts for authority and persons."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.deal.incidents import AffectedData, IncidentFacts, parse_rows
from dataroom.core.errors import InputError
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.flows import parties
from tests.core.test_deal_helpers import add_dataset

ORDERS = (("138-0013-8000", "", "99"), ("", "310101198512125678", "15"), ("15900159000", "", "7"))


def _facts(**changes: object) -> IncidentFacts:
    base: dict[str, object] = {
        "title": "导出文件误发",
        "kind": "leak",
        "found_at": "2026-03-02T09:30",
        "affected": (
            AffectedData("customers", ("姓名", "手机号"), "1-3, 5"),
            AffectedData("orders"),
        ),
        "cause": "员工将未脱敏的导出文件误发至外部邮箱。",
        "containment": "已要求收件人删除并书面确认；已撤销该员工的导出权限。",
        "harm": "可能导致骚扰电话或诈骗短信。",
        "remedies": "请警惕冒充本公司的来电，不要透露验证码。",
        "contact": "privacy@seller.example，021-5555 0000",
    }
    base.update(changes)
    return IncidentFacts(**base)  # type: ignore[arg-type]


@pytest.fixture
def data(session):  # type: ignore[no-untyped-def]
    parties.create_identity(session, "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    add_dataset(session)
    add_dataset(session, "orders", ("手机号", "身份证号", "金额"), ORDERS, ("mobile", "resident_id", "amount"),
                ("consent-required", "sensitive", "consent-required"))  # fmt: skip
    return session


def test_counts_distinct_people_across_datasets(data) -> None:
    incident = incident_flows.log_incident(data, _facts())
    # customers rows 1,2,3 are three people (phone + ID each), row 5 has no identifier (one more, unknown);
    # orders: row 1 is customer 1 by phone, row 2 is customer 2 by ID number, row 3 is someone new.
    assert incident.affected_rows == 7
    assert incident.affected_subjects == 5
    measured = incident.content["measured"]
    assert measured["rows_without_identifier"] == 1
    assert [d["people"] for d in measured["datasets"]] == [4, 3]
    assert [c["zh"] for c in measured["categories"]] == ["姓名", "手机号码", "身份证件号码", "交易金额"]
    dump = json.dumps(incident.content, ensure_ascii=False)
    assert "13800138000" not in dump and "310101198512125678" not in dump
    record = audit_log.records(data.vault.connection(), action="incident.log")[0]
    assert record.details["people"] == 5 and record.details["rows"] == 7
    assert [i.id for i in incident_flows.list_incidents(data)] == [incident.id]


def test_drafts_carry_the_article_57_items(data, tmp_path: Path) -> None:
    incident = incident_flows.log_incident(data, _facts())
    files = incident_flows.render_incident(data, incident.id, tmp_path / "letters")
    assert [f.name for f in files] == [
        f"incident-{incident.id}-authority.pdf", f"incident-{incident.id}-authority.txt",
        f"incident-{incident.id}-persons.pdf", f"incident-{incident.id}-persons.txt",
    ]  # fmt: skip
    authority = files[1].read_text(encoding="utf-8")
    for expected in ("第五十七条", "涉及的个人信息种类", "姓名、手机号码、身份证件号码、交易金额",
                     "涉及人数（估计上限） / People affected (upper estimate): 5", "员工将未脱敏",
                     "可能导致骚扰电话", "已撤销该员工的导出权限", "请警惕冒充本公司", "privacy@seller.example",
                     "上海示例科技有限公司", "Possible harm"):  # fmt: skip
        assert expected in authority, expected
    persons = files[3].read_text(encoding="utf-8")
    assert "尊敬的{{name}}" in persons and "What you can do" in persons and "13800138000" not in persons
    assert audit_log.records(data.vault.connection(), action="incident.render")


def test_a_row_range_limits_the_count(data) -> None:
    one = incident_flows.log_incident(data, _facts(affected=(AffectedData("customers", None, "2"),)))
    assert (one.affected_rows, one.affected_subjects) == (1, 1)


def test_bad_input(data) -> None:
    with pytest.raises(InputError, match="kind"):
        incident_flows.log_incident(data, _facts(kind="oops"))
    with pytest.raises(InputError, match="date and time"):
        incident_flows.log_incident(data, _facts(found_at="yesterday"))
    with pytest.raises(InputError, match="no column"):
        incident_flows.log_incident(data, _facts(affected=(AffectedData("customers", ("鞋码",)),)))
    with pytest.raises(InputError, match="outside 1–5"):
        incident_flows.log_incident(data, _facts(affected=(AffectedData("customers", None, "4-9"),)))
    assert parse_rows("all", 3) is None and parse_rows("1-2，3", 3) == {1, 2, 3}
