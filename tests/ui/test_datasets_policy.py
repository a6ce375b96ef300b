"""The policy editor: operators and parameters per column, the live preview on the rows on screen, saving a
new version (which the table then shows), and taking a k-anonymity suggestion into the draft."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.redaction.policy import ColumnRule
from dataroom.core.session import Session
from dataroom.ui import worker
from dataroom.ui.datasets.policy_draft import apply_rule, token_shape
from dataroom.ui.pages.datasets_page import KANON_TAB, POLICY_TAB, DatasetsPage

ROWS = 800


@pytest.fixture
def page(qtbot, tmp_path: Path, open_session: Session) -> Iterator[DatasetsPage]:  # type: ignore[no-untyped-def]
    path = tmp_path / "customers.csv"
    write_customers_csv(path, ROWS, seed=5)
    dataset_flows.import_dataset(open_session, path, name="customers")
    page = DatasetsPage()
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.set_session(open_session)
    page.show()
    qtbot.waitUntil(lambda: page.view.model.rowCount() == ROWS and not page.view.model.is_busy(), timeout=10_000)
    with open(path, encoding="utf-8-sig", newline="") as fh:
        page.raw_rows = list(csv.reader(fh))[1:]  # type: ignore[attr-defined]
    yield page
    # Let pages still being read on the worker finish before the session's connections close (teardown order).
    page.set_session(None)
    worker.wait_idle()


def _open_editor(qtbot, page: DatasetsPage, column: str):  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(POLICY_TAB)
    editor = page.policy_editor
    editor.select_column(column)
    qtbot.waitUntil(lambda: editor.preview.rowCount() > 0, timeout=5_000)
    return editor


def test_live_preview_and_saving_a_new_version(qtbot, page: DatasetsPage, open_session: Session) -> None:
    editor = _open_editor(qtbot, page, "身份证号")
    raw = page.raw_rows  # type: ignore[attr-defined]
    assert "default policy" in editor.version.text() and not editor.save_button.isEnabled()
    first_row = int(editor.preview.item(0, 0).text())
    now = editor.preview.item(0, 1).text()
    assert re.fullmatch(r"\d{6}\*{8}\d{3}[\dX]", now) and now[-4:] == raw[first_row - 1][3][-4:]

    # derive-then-drop: age band, gender and province from the ID; the preview shows them before saving
    with qtbot.waitSignal(editor.preview_updated, timeout=5_000):
        editor.op.setCurrentIndex(editor.op.findData("derive"))
    after = editor.preview.item(0, 2).text()
    assert after.count(" · ") == 2 and ("男" in after or "女" in after)
    assert "● 身份证号" in editor.rules.item(3, 0).text() and editor.save_button.isEnabled()
    assert editor.save_button.text() == "Save as version 1"

    # a bad parameter is explained and leaves the draft as it was
    editor.params.width.setValue(60)
    assert "age band width" in editor.problem.text().lower()
    assert "width" not in editor.draft.rule("身份证号").params  # type: ignore[union-attr]
    editor.params.width.setValue(20)
    assert editor.problem.text() == "" and editor.draft.rule("身份证号").params["width"] == 20  # type: ignore[union-attr]

    editor.note.setText("buyer needs ages, not IDs")
    editor.save_button.click()
    qtbot.waitUntil(lambda: editor.stored is not None and editor.stored.version == 1, timeout=5_000)
    stored = redaction_flows.show_policy(open_session, "customers")
    assert stored.version == 1 and stored.note == "buyer needs ages, not IDs"
    assert stored.policy.rule("身份证号").op == "derive"
    model = page.view.model
    qtbot.waitUntil(lambda: model.column_of("age_band") is not None and not model.is_busy(), timeout=5_000)
    assert model.column_of("身份证号") is None  # the ID itself is dropped
    assert re.fullmatch(r"\d+-\d+", model.cell(0, model.column_of("age_band") or 0) or "")
    assert "policy version 1" in page.view.status.text()


def test_keyed_pseudonyms_preview_their_form_and_other_masks_their_values(qtbot, page: DatasetsPage) -> None:
    editor = _open_editor(qtbot, page, "邮箱")
    raw = page.raw_rows  # type: ignore[attr-defined]
    now = editor.preview.item(0, 1).text()
    assert now.startswith("EML_") and len(now) == 20  # the tokens on screen, under the deal's key
    with qtbot.waitSignal(editor.preview_updated, timeout=5_000):
        editor.op.setCurrentIndex(editor.op.findData("mask"))
    row = int(editor.preview.item(0, 0).text())
    after = editor.preview.item(0, 2).text()
    assert "***" in after and after.split("@")[1] == raw[row - 1][5].split("@")[1]

    editor.select_column("手机号")
    qtbot.waitUntil(lambda: editor.current_column() == "手机号", timeout=2_000)
    with qtbot.waitSignal(editor.preview_updated, timeout=5_000):
        editor.op.setCurrentIndex(editor.op.findData("pseudonym"))
        editor.params.type.setCurrentIndex(editor.params.type.findData("name"))  # another HMAC domain
    assert editor.preview.item(0, 2).text() == token_shape("name") == "NAM_…"
    assert "deal's key" in editor.preview_note.text()

    editor.discard_changes()
    assert not editor.save_button.isEnabled() and editor.draft == editor.stored.policy  # type: ignore[union-attr]


def test_a_k_anonymity_suggestion_goes_into_the_draft(qtbot, page: DatasetsPage) -> None:
    page.tabs.setCurrentIndex(KANON_TAB)
    kanon = page.kanon
    qtbot.waitUntil(lambda: kanon.columns.count() > 0, timeout=5_000)
    kanon.set_quasi_identifiers(["性别", "注册日期"])
    kanon.k.setValue(5)
    kanon.run()
    qtbot.waitUntil(lambda: kanon.report is not None, timeout=20_000)
    report = kanon.report
    assert report is not None and not report.satisfied and report.suggestions
    assert kanon.verdict.text().startswith(f"k = {report.k}") and "below" in kanon.verdict.text()
    kanon.suggestions.setCurrentRow(len(report.suggestions) - 1)
    assert kanon.use_suggestion.isEnabled()
    kanon.use_suggestion.click()
    assert page.tabs.currentIndex() == POLICY_TAB
    editor = page.policy_editor
    changed = [r for r in editor.draft.rules if r != editor.stored.policy.rule(r.column)]  # type: ignore[union-attr]
    chosen = report.suggestions[-1]
    assert {r.column for r in changed} == {c.source_column for c in chosen.changes}
    assert editor.save_button.isEnabled()


def test_apply_rule_matches_the_engine_for_pure_operators() -> None:
    values = ["110101199003071234", "", None]
    assert apply_rule(ColumnRule("c", "mask", {"type": "resident_id"}), values)[0] == "110101********1234"
    assert apply_rule(ColumnRule("c", "withhold", {}), values) == ["⊘", "⊘", "⊘"]
    assert apply_rule(ColumnRule("c", "pseudonym", {"type": "mobile"}), ["13800138000", ""]) == ["MOB_…", ""]
    derived = apply_rule(ColumnRule("c", "derive", {"fields": ["birth_year", "gender"]}), values[:1])
    assert derived == ["1990 · 男"]
