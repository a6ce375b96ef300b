"""Policies: the default from classifications, versions, edits, JSON export/import, hashes, permissions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import redaction as flows
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.policy import ColumnRule, Suppression, default_policy, default_rule, from_json
from dataroom.core.users.roles import Role
from tests.core.test_redaction_helpers import CUSTOMERS_HEADER, as_role, audit_details, make_customers, make_dataset


def _ops(policy) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {r.column: r.describe() for r in policy.rules}


def test_default_policy_follows_classes(session) -> None:
    make_customers(session)
    shown = flows.show_policy(session, "customers")
    assert shown.version == 0  # not saved yet
    assert _ops(shown.policy) == {
        "客户编号": "keep",
        "姓名": "mask type=name",
        "性别": "keep",
        "身份证号": "mask type=resident_id",
        "手机号": "pseudonym type=mobile",
        "邮箱": "pseudonym type=email",
        "地址": "mask type=address",
        "注册日期": "keep",
        "消费金额": "generalise to=amount_band",
        "备注": "withhold",  # sensitive free text may embed IDs
    }


@pytest.mark.parametrize(
    ("type_", "class_", "op"),
    [
        ("bank_card", "sensitive", "mask"),
        ("health", "sensitive", "withhold"),
        ("ethnicity", "sensitive", "withhold"),
        ("income", "sensitive", "generalise"),
        ("landline", "consent-required", "pseudonym"),
        ("ipv4", "consent-required", "pseudonym"),
        ("birth_date", "consent-required", "generalise"),
        ("age", "consent-required", "generalise"),
        ("free_text", "consent-required", "withhold"),
        ("company_name", "public", "keep"),
        (None, None, "withhold"),  # never classified: the strictest treatment
    ],
)
def test_default_rules(type_: str | None, class_: str | None, op: str) -> None:
    assert default_rule("c", type_, class_).op == op


def test_unclassified_columns_are_withheld(session) -> None:
    make_dataset(session, "raw", ["a", "b"], [["1", "2"]], {"a": ("order_id", "public")})
    assert _ops(flows.show_policy(session, "raw").policy) == {"a": "keep", "b": "withhold"}


def test_edit_creates_versions_and_is_audited(session) -> None:
    make_customers(session)
    v1 = flows.edit_policy(session, "customers", "身份证号", "derive", {"fields": "age_band,province"})
    v2 = flows.edit_policy(session, "customers", "姓名", "pseudonym")
    assert (v1.version, v2.version) == (1, 2)
    assert v2.policy.rule("姓名").params == {"type": "name"}  # type taken from the classification
    assert v2.policy.rule("身份证号").op == "derive"  # the earlier edit carried over
    assert v1.sha256 != v2.sha256 and len(v2.sha256) == 64
    assert flows.show_policy(session, "customers").version == 2
    assert flows.show_policy(session, "customers", 1).sha256 == v1.sha256
    assert [p.version for p in flows.policy_versions(session, "customers")] == [1, 2]
    records = audit_details(session, "policy.edit")
    assert [r["object"] for r in records] == ["customers/身份证号", "customers/姓名"]
    assert records[1]["details"]["before"] == "mask type=name"
    assert records[1]["details"]["policy_sha256"] == v2.sha256


def test_edit_rejects_bad_input(session) -> None:
    make_customers(session)
    with pytest.raises(InputError, match="no column"):
        flows.edit_policy(session, "customers", "nope", "keep")
    with pytest.raises(InputError, match="Unknown operator"):
        flows.edit_policy(session, "customers", "姓名", "shred")
    with pytest.raises(InputError, match="Unknown class"):
        flows.edit_policy(session, "customers", "姓名", "keep", data_class="secret")
    assert flows.policy_versions(session, "customers") == []  # nothing half-saved


def test_hash_is_sha256_of_canonical_json_and_ignores_version(session) -> None:
    import hashlib

    from dataroom.core.canonical import canonical_json

    make_customers(session)
    v1 = flows.edit_policy(session, "customers", "姓名", "withhold")
    v2 = flows.save_policy(session, "customers", v1.policy)  # same content, new version
    assert v2.version == 2 and v2.sha256 == v1.sha256
    assert v1.sha256 == hashlib.sha256(canonical_json(v1.policy.body())).hexdigest()


def test_export_import_round_trip(session, tmp_path: Path) -> None:
    make_customers(session)
    make_customers(session, "customers 2")
    saved = flows.edit_policy(session, "customers", "手机号", "mask")
    out = tmp_path / "policy.json"
    flows.export_policy(session, "customers", out)
    doc = json.loads(out.read_text("utf-8"))
    assert doc["version"] == 1 and doc["sha256"] == saved.sha256 and doc["format"] == "dataroom-redaction-policy"
    imported = flows.import_policy(session, "customers", out)
    assert imported.version == 2 and imported.sha256 == saved.sha256
    # Another dataset with the same columns can take it (re-bound to that dataset, so its hash differs).
    other = flows.import_policy(session, "customers 2", out)
    assert other.policy.dataset == "customers 2" and _ops(other.policy) == _ops(saved.policy)
    assert [r["details"]["file"] for r in audit_details(session, "policy.import")] == ["policy.json"] * 2


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="other"), "not a Dataroom redaction policy"),
        (lambda d: d.update(format_version=9), "format version 9"),
        (lambda d: d.update(extra=1), "unknown key 'extra'"),
        (lambda d: d["columns"].pop(), "no rule for column '备注'"),
        (lambda d: d["columns"].append(dict(d["columns"][0])), "two rules"),
        (lambda d: d["columns"][0].update(column="ghost"), "not a column"),
        (lambda d: d["columns"][1].update(op="keep", params={"type": "name"}), "has no parameter 'type'"),
        (lambda d: d["columns"][1].update(colour="red"), "unknown key 'colour'"),
        (lambda d: d["columns"][1].update({"class": "secret"}), "class 'secret'"),
        (lambda d: d["columns"][1].update(op="withhold", params={}) or d.pop("sha256"), None),  # intended edit
        (lambda d: d["columns"][2].update(op="withhold"), "does not match the sha256"),
        (lambda d: d.update(suppression={"subject_column": "手机号", "kind": "phone", "purpose": "p"}), "kind"),
        (lambda d: d.update(suppression={"subject_column": "x", "kind": "mobile", "purpose": "p"}), "subject column"),
    ],
)
def test_import_validates_strictly(session, tmp_path: Path, change, message: str | None) -> None:  # type: ignore[no-untyped-def]
    make_customers(session)
    out = tmp_path / "p.json"
    flows.export_policy(session, "customers", out)
    doc = json.loads(out.read_text("utf-8"))
    change(doc)
    out.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    if message is None:
        assert flows.import_policy(session, "customers", out).policy.rule("姓名").op == "withhold"
        return
    with pytest.raises(InputError, match=message):
        flows.import_policy(session, "customers", out)
    assert flows.policy_versions(session, "customers") == []


def test_import_rejects_files_that_are_not_policies(session, tmp_path: Path) -> None:
    make_customers(session)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        flows.import_policy(session, "customers", bad)
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(InputError, match="not UTF-8"):
        flows.import_policy(session, "customers", bad)
    with pytest.raises(InputError, match="no file"):
        flows.import_policy(session, "customers", tmp_path / "missing.json")


def test_suppression_rule_is_part_of_the_policy(session) -> None:
    make_customers(session)
    saved = flows.set_suppression(session, "customers", Suppression("身份证号", "resident_id", "transfer", "drop"))
    assert saved.policy.suppression == Suppression("身份证号", "resident_id", "transfer", "drop")
    cleared = flows.set_suppression(session, "customers", None)
    assert cleared.policy.suppression is None and cleared.sha256 != saved.sha256


def test_reviewer_may_look_but_not_edit(session) -> None:
    make_customers(session)
    rita = as_role(session, "rita", Role.REVIEWER)
    assert flows.show_policy(rita, "customers").version == 0
    with pytest.raises(PermissionDenied):
        flows.edit_policy(rita, "customers", "姓名", "keep")
    policy = default_policy([], dataset="customers", columns=CUSTOMERS_HEADER)
    with pytest.raises(PermissionDenied):
        flows.save_policy(rita, "customers", policy)


def test_with_rule_replaces_only_that_column() -> None:
    policy = default_policy([], dataset="d", columns=["a", "b"])
    changed = policy.with_rule(ColumnRule("b", ops.KEEP, {}, "public"))
    assert [r.op for r in changed.rules] == ["withhold", "keep"]
    body = changed.body()
    assert from_json(body, dataset="d", columns=["a", "b"]) == changed
    assert changed.summary() == {"a": ("sensitive", False), "b": ("public", True)}
