"""Audit page: keyset paging as the view scrolls, time and dataset filters, the first bad record found beyond the
first page, and the PDF report of the filtered records."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtGui import QColor

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import audit as audit_flows
from dataroom.core.session import Session
from dataroom.ui import theme
from dataroom.ui.main_window import AUDIT, MainWindow
from dataroom.ui.pages.audit_page import AuditPage
from dataroom.ui.settings import Settings


def _fill(session: Session, n: int, *, start: str = "2026-01-{day:02d}T10:00:00.000Z") -> None:
    """``n`` records on objects ``客户-0`` … ``客户-4`` spread over January and March 2026."""
    with session.vault.transaction() as tx:
        for i in range(n):
            month = 1 if i % 2 == 0 else 3
            stamp = f"2026-{month:02d}-{1 + i % 28:02d}T10:00:00.000Z"
            audit_log.append(tx, session.user, "dataset.view", f"客户-{i % 5}", {"i": i}, time=stamp)


def _page(qtbot, session: Session, page_size: int = 20) -> AuditPage:  # type: ignore[no-untyped-def]
    page = AuditPage()
    qtbot.addWidget(page)
    page.model.page_size = page_size
    page.resize(900, 400)
    page.set_session(session)
    page.show()
    return page


def test_records_are_loaded_a_page_at_a_time(qtbot, open_session: Session) -> None:
    _fill(open_session, 70)
    page = _page(qtbot, open_session)
    total = audit_flows.count(open_session)
    assert page.model.rowCount() == 20 and page.model.canFetchMore() and page.total == total
    assert f"20 of {total} records loaded" in page.count.text()
    bar = page.table.verticalScrollBar()
    bar.setValue(bar.maximum())  # the view asks the model for the next page when it reaches the end
    qtbot.waitUntil(lambda: page.model.rowCount() == 40, timeout=2_000)
    assert f"40 of {total} records loaded" in page.count.text()
    while page.model.canFetchMore():
        page.model.fetchMore()
    assert page.model.rowCount() == total and page.model.all_loaded()
    seqs = [page.model.record(r).seq for r in range(total)]
    assert seqs == sorted(set(seqs))  # no record twice, none skipped
    assert f"{total} records shown" in page.count.text()


def test_time_and_dataset_filters_narrow_the_rows(qtbot, open_session: Session) -> None:
    _fill(open_session, 40)
    page = _page(qtbot, open_session, page_size=500)
    page.use_from.setChecked(True)
    page.use_to.setChecked(True)
    page.time_from.setDateTime(QDateTime.fromString("2026-02-01T00:00:00Z", Qt.DateFormat.ISODate).toLocalTime())
    page.time_to.setDateTime(QDateTime.fromString("2026-03-31T23:00:00Z", Qt.DateFormat.ISODate).toLocalTime())
    page.apply_button.click()
    march = [page.model.record(r) for r in range(page.model.rowCount())]
    assert len(march) == 20 and all(r.time.startswith("2026-03") for r in march)
    page.object.setText("客户-3")
    page.refresh()
    rows = [page.model.record(r) for r in range(page.model.rowCount())]
    assert rows and all(r.object == "客户-3" and r.time.startswith("2026-03") for r in rows)
    assert len(rows) == len([i for i in range(40) if i % 2 == 1 and i % 5 == 3])
    page.clear_filters()
    assert page.model.rowCount() == audit_flows.count(open_session)


def test_the_first_bad_record_is_found_beyond_the_loaded_page(qtbot, open_session: Session) -> None:
    _fill(open_session, 120)
    conn = open_session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")  # what an attacker holding the key could do
    conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 55")
    window = MainWindow(Settings())
    window.settings_page._save = lambda _s: None
    qtbot.addWidget(window)
    window.audit_page.model.page_size = 10
    window.set_session(open_session)
    window.show()
    window.show_page(AUDIT)
    page = window.audit_page
    qtbot.waitUntil(lambda: window.chain_status is not None, timeout=5_000)
    assert window.chain_status.first_bad == 55
    row = page.model.row_of(55)
    assert row is not None and page.model.rowCount() < audit_flows.count(open_session)  # not everything loaded
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == QColor(theme.BAD_BG)
    assert page.model.data(page.model.index(row + 1, 0), Qt.ItemDataRole.ForegroundRole).color() == QColor(theme.MUTED)
    qtbot.waitUntil(lambda: page.table.currentIndex().row() == row, timeout=2_000)
    assert page.table.viewport().rect().intersects(page.table.visualRect(page.model.index(row, 0)))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler")
def test_pdf_report_of_the_filtered_records(qtbot, open_session: Session, tmp_path: Path) -> None:
    _fill(open_session, 12)
    page = _page(qtbot, open_session, page_size=5)
    page.object.setText("客户-2")
    page.refresh()
    target = tmp_path / "report.pdf"
    page.report_to(target, 1, None)
    qtbot.waitUntil(lambda: audit_flows.show(open_session, action="audit.report") != [], timeout=10_000)
    words = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "客户-2" in words and "客户-3" not in words and "The hash chain is intact" in words
    record = audit_flows.show(open_session, action="audit.report")[-1]
    assert record.details["count"] == 2 and record.details["filters"] == ["obj"]


def test_a_record_altered_into_invalid_json_is_listed_and_marked(qtbot, open_session: Session) -> None:
    _fill(open_session, 8)
    conn = open_session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET details = '{\"i\": 3' WHERE seq = 7")
    page = _page(qtbot, open_session)
    assert page.model.rowCount() == audit_flows.count(open_session)  # the log stays readable
    status = audit_flows.verify(open_session)
    assert status.first_bad == 7 and status.reason == "the record is not valid JSON"
    page.set_chain_status(status)
    row = page.model.row_of(7)
    assert row is not None and page.model.record(row).details == {"unreadable": '{"i": 3'}
    assert page.model.data(page.model.index(row, 0), Qt.ItemDataRole.BackgroundRole).color() == QColor(theme.BAD_BG)
    assert "not valid JSON" in page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
