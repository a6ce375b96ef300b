"""The dataset view: paged de-identified rows, raw rows only for roles allowed to see them, header badges and
overrides, sorting and filtering, and what a reviewer does not get to see."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.session import Session
from dataroom.ui import worker
from dataroom.ui.datasets.badges import CLASS_ROLE, OVERRIDDEN_ROLE, TYPE_ROLE
from dataroom.ui.datasets.filters import build_where, quote_column, quote_value
from dataroom.ui.datasets.rows_model import LOADING, PAGE_ROWS
from dataroom.ui.pages.datasets_page import DatasetsPage
from tests.ui.conftest import REVIEWER_PASSPHRASE

ROWS = 1500
RESIDENT_ID_MASK = re.compile(r"^\d{6}\*{8}\d{3}[\dX]$")


def _source_rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))[1:]


@pytest.fixture
def customers(tmp_path: Path, open_session: Session) -> Iterator[Path]:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, ROWS, seed=11)
    dataset_flows.import_dataset(open_session, path, name="customers")
    yield path
    # Let pages still being read on the worker finish before the session's connections close (teardown order).
    worker.wait_idle()


def _page(qtbot, session: Session) -> DatasetsPage:  # type: ignore[no-untyped-def]
    page = DatasetsPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_session(session)
    page.show()
    qtbot.waitUntil(lambda: page.view.model.rowCount() > 0 and not page.view.model.is_busy(), timeout=10_000)
    return page


def _column(page: DatasetsPage, name: str) -> int:
    index = page.view.model.column_of(name)
    assert index is not None, name
    return index


def test_the_model_pages_de_identified_rows_on_demand(qtbot, open_session: Session, customers: Path) -> None:
    page = _page(qtbot, open_session)
    model = page.view.model
    raw = _source_rows(customers)
    assert model.rowCount() == ROWS
    assert model.cached_pages() == [0]  # opening read one page, not the dataset
    ids = _column(page, "身份证号")
    for row in range(5):
        shown = model.data(model.index(row, ids))
        assert RESIDENT_ID_MASK.fullmatch(shown), shown
        assert shown != raw[row][3] and shown[-4:] == raw[row][3][-4:]
    assert "备注" not in [c.name for c in model.columns]  # free text is withheld by default
    assert model.headerData(ids, Qt.Orientation.Horizontal, CLASS_ROLE) == "sensitive"
    assert page.view.mode_badge.text() == "De-identified (去标识化)"

    far = ROWS - 10
    assert model.data(model.index(far, ids)) == LOADING  # not read yet: asks for its page
    qtbot.waitUntil(lambda: model.is_loaded(far), timeout=5_000)
    assert RESIDENT_ID_MASK.fullmatch(model.data(model.index(far, ids)))
    assert far // PAGE_ROWS in model.cached_pages() and len(model.cached_pages()) <= 3

    page.view.table.scrollTo(model.index(700, 0))  # the view asks for what it shows
    qtbot.waitUntil(lambda: model.rows_loaded(700, 720), timeout=5_000)


def test_raw_values_only_for_roles_allowed_to_see_them(
    qtbot, open_session: Session, customers: Path, closed_vault: Path
) -> None:
    raw = _source_rows(customers)
    page = _page(qtbot, open_session)
    model = page.view.model
    assert page.view.raw_button.isVisible()
    page.view.raw_button.setChecked(True)
    qtbot.waitUntil(lambda: model.raw and not model.is_busy() and model.rowCount() == ROWS, timeout=5_000)
    ids = _column(page, "身份证号")
    assert model.data(model.index(3, ids)) == raw[3][3]
    assert "备注" in [c.name for c in model.columns]  # every source column, withheld ones too
    assert page.view.mode_badge.text() == "Raw values: personal data"
    page.view.raw_button.setChecked(False)
    qtbot.waitUntil(lambda: not model.raw and not model.is_busy(), timeout=5_000)
    assert RESIDENT_ID_MASK.fullmatch(model.data(model.index(3, ids)))
    page.set_session(None)
    worker.wait_idle()
    open_session.close()

    reviewer = vault_flows.unlock(closed_vault, user="rita", passphrase=REVIEWER_PASSPHRASE)
    try:
        page = _page(qtbot, reviewer)
        model = page.view.model
        assert not page.view.raw_button.isVisible()
        model.reopen(raw=True)  # even if asked, a reviewer's model stays de-identified
        qtbot.waitUntil(lambda: not model.is_busy(), timeout=5_000)
        assert not model.raw
        ids = _column(page, "身份证号")
        values = {model.data(model.index(r, ids)) for r in range(20)}
        assert all(RESIDENT_ID_MASK.fullmatch(v) for v in values)
        assert not values & {row[3] for row in raw}
    finally:
        page.set_session(None)
        worker.wait_idle()
        reviewer.close()


def test_an_override_changes_the_badge(qtbot, open_session: Session, customers: Path) -> None:
    page = _page(qtbot, open_session)
    model, view = page.view.model, page.view
    column = _column(page, "开户行")
    assert model.headerData(column, Qt.Orientation.Horizontal, CLASS_ROLE) == "consent-required"
    assert not model.headerData(column, Qt.Orientation.Horizontal, OVERRIDDEN_ROLE)
    view.table.setCurrentIndex(model.index(0, column))
    qtbot.waitUntil(lambda: view.panel.column_name == "开户行", timeout=2_000)
    panel = view.panel
    assert panel.override_box.isVisibleTo(panel)
    assert panel.class_badge.text() == "consent-required"
    assert "“开户行”" in panel._evidence_labels["header"][1].text() or panel._evidence_labels["header"][1].text()
    panel.class_combo.setCurrentIndex(panel.class_combo.findData("public"))
    panel.note.setText("bank branch names are published")
    assert panel.save_button.isEnabled()
    panel.save_button.click()
    qtbot.waitUntil(lambda: model.headerData(column, Qt.Orientation.Horizontal, CLASS_ROLE) == "public", timeout=5_000)
    assert model.headerData(column, Qt.Orientation.Horizontal, OVERRIDDEN_ROLE)
    assert model.headerData(column, Qt.Orientation.Horizontal, TYPE_ROLE) == "Bank name"
    qtbot.waitUntil(lambda: panel.class_badge.text() == "public", timeout=2_000)
    assert "alice" in panel.detail.text() and "published" in panel.detail.text()
    stored = {c.name: c for c in dataset_flows.column_classes(open_session, "customers")}["开户行"]
    assert stored.override_class == "public" and stored.override_by == "alice"

    panel.clear_button.click()
    qtbot.waitUntil(
        lambda: model.headerData(column, Qt.Orientation.Horizontal, CLASS_ROLE) == "consent-required", timeout=5_000
    )


def test_sorting_by_a_header_and_filtering(qtbot, open_session: Session, customers: Path) -> None:
    page = _page(qtbot, open_session)
    model, view = page.view.model, page.view
    dates = _column(page, "注册日期")
    view.sort_by_section(dates)
    qtbot.waitUntil(lambda: model.sort_column == "注册日期" and not model.is_busy(), timeout=5_000)
    raw_dates = sorted(r[9] for r in _source_rows(customers))
    assert model.data(model.index(0, dates)) == raw_dates[0]
    view.sort_by_section(dates)
    qtbot.waitUntil(lambda: model.descending and not model.is_busy(), timeout=5_000)
    assert model.data(model.index(0, dates)) == raw_dates[-1]
    assert "▼" in view.status.text()
    view.sort_by_section(dates)
    qtbot.waitUntil(lambda: model.sort_column is None and not model.is_busy(), timeout=5_000)

    bar = view.filter_bar
    bar.column.setCurrentIndex(bar.column.findData("性别"))
    bar.op.setCurrentIndex(bar.op.findData("="))
    bar.value.setText("男")
    bar.apply()
    men = sum(1 for r in _source_rows(customers) if r[2] == "男")
    qtbot.waitUntil(lambda: model.where is not None and not model.is_busy(), timeout=5_000)
    assert model.rowCount() == men and model.where == "\"性别\" = '男'"
    gender = _column(page, "性别")
    assert {model.data(model.index(r, gender)) for r in range(min(men, 50))} == {"男"}
    bar.clear()
    qtbot.waitUntil(lambda: model.where is None and model.rowCount() == ROWS, timeout=5_000)

    bar.advanced.setChecked(True)
    bar.expression.setText("性别 = ")  # incomplete: the core's words, shown under the table
    bar.apply()
    qtbot.waitUntil(lambda: view.problem.isVisibleTo(view), timeout=5_000)
    assert "filter" in view.problem.text().lower()


def test_a_reviewer_sees_no_import_override_raw_export_or_policy_editing(
    qtbot, open_session: Session, customers: Path, closed_vault: Path
) -> None:
    worker.wait_idle()
    open_session.close()
    reviewer = vault_flows.unlock(closed_vault, user="rita", passphrase=REVIEWER_PASSPHRASE)
    try:
        page = _page(qtbot, reviewer)
        for widget in (page.import_button, page.export_button, page.subject_button, page.view.raw_button):
            assert not widget.isVisible()
        assert not page.import_action.isVisible() and not page.import_action.isEnabled()
        view = page.view
        view.table.setCurrentIndex(view.model.index(0, 0))
        qtbot.waitUntil(lambda: view.panel.column_name is not None, timeout=2_000)
        assert not view.panel.override_box.isVisibleTo(view.panel)
        page.tabs.setCurrentIndex(1)
        editor = page.policy_editor
        assert editor.rules.rowCount() == 12  # the rules can be read…
        assert not editor.save_button.isVisibleTo(editor) and not editor.op.isVisibleTo(editor)  # …not changed
        assert not page.kanon.use_suggestion.isVisibleTo(page.kanon)
        # Sorting reads original values: a reviewer may sort by columns released unchanged only.
        ids = _column(page, "身份证号")
        view.sort_by_section(ids)
        assert view.problem.isVisibleTo(view) and "身份证号" in view.problem.text()
        assert view.model.sort_column is None
        # …and filter by those columns only.
        assert view.filter_bar.column.findData("身份证号") < 0 and view.filter_bar.column.findData("性别") > 0
        page.import_files([customers])  # a drop or a stray call does nothing for this role
        assert page.import_dialog is None
    finally:
        page.set_session(None)
        worker.wait_idle()
        reviewer.close()


def test_locking_drops_every_row_shown(qtbot, open_session: Session, customers: Path) -> None:
    page = _page(qtbot, open_session)
    page.set_session(None)
    assert page.view.model.rowCount() == 0 and page.view.model.cached_pages() == []
    assert page.list_model.rowCount() == 0 and page.view.panel.column_name is None


def test_filter_expressions_quote_what_users_type() -> None:
    columns = ["城市", 'a "b"', "金额"]
    assert build_where("城市", "=", "上海", columns) == "\"城市\" = '上海'"
    assert build_where("城市", "contains", "o'neil", columns) == "\"城市\" contains 'o''neil'"
    assert build_where('a "b"', "is-blank", "", columns) == '"a ""b""" is-blank'
    assert build_where("金额", ">", "", columns) is None
    assert build_where(None, "contains", "x", ["a", "b"]) == "(\"a\" contains 'x' or \"b\" contains 'x')"
    assert quote_column("x") == '"x"' and quote_value("'") == "''''"
