"""k-anonymity and l-diversity of the redacted view, and suggested generalisations that really reach k."""

from __future__ import annotations

import random

import pytest

from dataroom.core.errors import InputError
from dataroom.core.flows import redaction as flows
from dataroom.core.pii.checksums import resident_id_check_char
from tests.core.test_redaction_helpers import audit_details, make_dataset

DISTRICTS = ["北京市朝阳区", "北京市海淀区", "广东省深圳市南山区", "广东省广州市天河区", "上海市徐汇区"]


def _resident_id(region: str, birth: str, seq: int) -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + resident_id_check_char(first17)


def _people(n: int, seed: int = 3) -> list[list[str]]:
    rng = random.Random(seed)
    rows = []
    for i in range(n):
        birth = f"{rng.randint(1950, 2004)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
        rows.append([
            f"C{i:05d}", rng.choice("男女"), _resident_id("110101", birth, rng.randint(0, 999)),
            rng.choice(DISTRICTS) + f"某路{rng.randint(1, 99)}号", rng.choice(["感冒", "高血压", "糖尿病", "哮喘"]),
        ])  # fmt: skip
    return rows


def _make(session, n: int = 400) -> list[list[str]]:  # type: ignore[no-untyped-def]
    rows = _people(n)
    make_dataset(session, "people", ["编号", "性别", "身份证号", "地址", "诊断"], rows, {
        "编号": ("order_id", "public"), "性别": ("gender", "consent-required"),
        "身份证号": ("resident_id", "sensitive"), "地址": ("address", "consent-required"),
        "诊断": ("health", "sensitive"),
    })  # fmt: skip
    flows.edit_policy(
        session, "people", "身份证号", "derive", {"fields": "age_band", "width": 5, "as_of": "2024-06-30"}
    )
    flows.edit_policy(session, "people", "诊断", "keep")
    return rows


def test_k_and_classes_match_a_direct_count(session) -> None:
    rows = _make(session)
    report = flows.kanon_report(session, "people", ["性别", "age_band", "地址"], k=5)
    page = flows.open_preview(session, "people").page_at(1, 1000)
    idx = [page.headers.index(c) for c in ("性别", "age_band", "地址")]
    groups: dict[tuple[str, ...], int] = {}
    for r in page.rows:
        key = tuple(r[i] for i in idx)
        groups[key] = groups.get(key, 0) + 1
    assert report.rows == len(rows) == 400
    assert report.classes == len(groups) and report.k == min(groups.values())
    assert report.rows_below == sum(c for c in groups.values() if c < 5)
    assert not report.satisfied and report.k < 5
    assert sum(n for _, n in report.class_sizes) == report.classes


def test_suggestion_applied_reaches_target_k(session) -> None:
    _make(session)
    report = flows.kanon_report(session, "people", ["性别", "age_band", "地址"], k=5)
    full = [s for s in report.suggestions if s.k >= 5]
    assert full and report.search_complete
    best = full[0]
    # Cheaper options were tried first: every earlier suggestion falls short of k.
    assert all(s.k < 5 for s in report.suggestions[:-1])
    for change in best.changes:
        flows.edit_policy(session, "people", change.source_column, change.op, change.params)
    # A withheld quasi-identifier leaves the view; the others are measured again from the rows.
    headers = flows.open_preview(session, "people").headers
    remaining = [c for c in ("性别", "age_band", "地址") if c in headers]
    again = flows.kanon_report(session, "people", remaining, k=5)
    assert again.k == best.k >= 5 and again.rows_below == 0


def test_l_diversity(session) -> None:
    _make(session)
    report = flows.kanon_report(session, "people", ["地址"], k=2, sensitive="诊断", l=3)
    assert report.k >= 2 and report.l is not None and 1 <= report.l <= 4
    assert report.rows_below_l is not None
    single = flows.kanon_report(session, "people", ["编号"], k=2, sensitive="诊断", l=2)
    assert single.k == 1 and single.l == 1 and single.rows_below_l == 400  # one row per class: no diversity


def test_kanon_errors_and_audit(session) -> None:
    _make(session)
    with pytest.raises(InputError, match="no column"):
        flows.kanon_report(session, "people", ["身份证号"])  # derived away: not in the redacted view
    with pytest.raises(InputError, match="at least 2"):
        flows.kanon_report(session, "people", ["性别"], k=1)
    with pytest.raises(InputError, match="cannot also be"):
        flows.kanon_report(session, "people", ["性别"], sensitive="性别")
    flows.kanon_report(session, "people", ["性别"], k=2)
    (record,) = audit_details(session, "redaction.kanon")
    assert record["details"]["quasi_identifiers"] == ["性别"] and record["details"]["k"] >= 100
