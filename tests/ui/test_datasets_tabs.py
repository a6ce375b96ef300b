"""Quality, statistics and k-anonymity tabs; de-identified export with progress and Cancel; data-subject
requests (find, export for the person, erase after a confirmation naming the rows)."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QLineEdit

from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.session import Session
from dataroom.ui import messages, worker
from dataroom.ui.datasets.export_dialog import ExportDialog, ExportRequest
from dataroom.ui.datasets.kanon_tab import bucket_below
from dataroom.ui.pages.datasets_page import KANON_TAB, QUALITY_TAB, STATS_TAB, DatasetsPage

ROWS = 1200


def _rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))[1:]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, ROWS, seed=9)
    return path


@pytest.fixture
def page(qtbot, source: Path, open_session: Session) -> Iterator[DatasetsPage]:  # type: ignore[no-untyped-def]
    dataset_flows.import_dataset(open_session, source, name="customers")
    page = DatasetsPage()
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.set_session(open_session)
    page.show()
    qtbot.waitUntil(lambda: page.view.model.rowCount() == ROWS and not page.view.model.is_busy(), timeout=10_000)
    yield page
    # Let pages still being read on the worker finish before the session's connections close (teardown order).
    page.set_session(None)
    worker.wait_idle()


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, title=None: shown.append(text))
    return shown


def test_quality_statistics_and_k_anonymity(qtbot, page: DatasetsPage) -> None:
    page.tabs.setCurrentIndex(QUALITY_TAB)
    assert page.quality.summary.text() == "Not checked yet."
    page.quality.compute.click()
    qtbot.waitUntil(lambda: page.quality.report is not None, timeout=20_000)
    assert page.quality.table.rowCount() == 12
    assert page.quality.table.item(3, 0).text() == "身份证号" and page.quality.table.item(3, 1).text() == "Resident ID"
    assert f"{ROWS:,} rows" in page.quality.summary.text()

    page.tabs.setCurrentIndex(STATS_TAB)
    stats = page.stats
    stats.column.setCurrentIndex(stats.column.findData("累计消费金额"))
    stats.compute.click()
    qtbot.waitUntil(lambda: stats.stats is not None, timeout=20_000)
    assert stats.stats is not None and stats.stats.column == "累计消费金额"
    bars = stats.top_chart.bars()
    assert bars and all("*" not in label for label, _ in bars)  # bands of the de-identified view
    assert sum(count for _, count in bars) <= ROWS
    stats.top_chart.grab()  # paints without error
    assert "distinct" in stats.summary.text()

    page.tabs.setCurrentIndex(KANON_TAB)
    kanon = page.kanon
    kanon.set_quasi_identifiers(["性别", "累计消费金额"])
    kanon.k.setValue(3)
    kanon.run()
    qtbot.waitUntil(lambda: kanon.report is not None, timeout=20_000)
    report = kanon.report
    assert report is not None and report.quasi_identifiers == ["性别", "累计消费金额"]
    assert f"{ROWS:,} rows" in kanon.result.text() and "%" in kanon.result.text()
    assert kanon.sizes.bars() and kanon.suggestions.count() >= 1
    assert bucket_below("1", 3) and bucket_below("3-4", 5) and not bucket_below("3-4", 4)
    assert not bucket_below("100+", 1000)


def test_switching_datasets_refreshes_the_tab_in_view(qtbot, page: DatasetsPage, source: Path) -> None:
    session = page._session
    assert session is not None
    dataset_flows.import_dataset(session, source, name="second")
    page.refresh(select="customers")
    page.tabs.setCurrentIndex(QUALITY_TAB)
    page.quality.compute.click()
    qtbot.waitUntil(lambda: page.quality.report is not None, timeout=20_000)
    page.select("second")
    qtbot.waitUntil(lambda: page.view.dataset == "second", timeout=5_000)
    assert page.quality.report is None and page.quality.summary.text() == "Not checked yet."


def test_export_de_identified_csv_and_xlsx_with_label(
    qtbot, page: DatasetsPage, tmp_path: Path, source: Path, infos: list[str]
) -> None:
    dialog = ExportDialog("customers", [])
    qtbot.addWidget(dialog)
    assert dialog.label_badge.text() == "De-identified (去标识化), not anonymised"
    assert "anonymised" in dialog.intro.text() and "anonymized" not in dialog.intro.text().lower()
    dialog.format.setCurrentIndex(2)
    assert dialog.file.text().endswith(".xlsx")

    out = tmp_path / "out.csv"
    page.export_to("customers", ExportRequest(out, "csv", "gb18030", None))
    qtbot.waitUntil(lambda: bool(infos), timeout=20_000)
    assert f"Wrote {ROWS:,} de-identified rows" in infos[-1] and "SHA-256" in infos[-1]
    text = out.read_bytes().decode("gb18030")
    assert "de-identified, not anonymised" in text.splitlines()[0]
    raw_ids = {r[3] for r in _rows(source)}
    assert not any(i in text for i in list(raw_ids)[:50])

    book_path = tmp_path / "out.xlsx"
    page.export_to("customers", ExportRequest(book_path, "xlsx", "utf-8", 1))  # the CSV export saved version 1
    qtbot.waitUntil(lambda: len(infos) == 2, timeout=20_000)
    book = openpyxl.load_workbook(book_path, read_only=True)
    assert len(book.sheetnames) == 2
    book.close()


def test_cancelling_an_export_leaves_no_file(qtbot, page: DatasetsPage, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dataroom.ui import busy

    dialogs: list[busy.BusyDialog] = []
    original = busy.BusyDialog.__init__

    def remember(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        dialogs.append(self)

    monkeypatch.setattr(busy.BusyDialog, "__init__", remember)
    errors: list[BaseException] = []
    monkeypatch.setattr(messages, "show_error", lambda _p, err, title=None: errors.append(err))
    out = tmp_path / "cancelled.csv"
    # Hold the (single) worker thread so the export is queued: Cancel then lands before the first batch, however
    # fast the export is.
    release = threading.Event()
    worker.run(lambda progress, cancel: release.wait(10))
    page.export_to("customers", ExportRequest(out, "csv", "utf-8", None))
    assert dialogs
    dialogs[-1].reject()
    release.set()
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert getattr(errors[-1], "code", "") == "cancelled"
    assert not out.exists() and not list(tmp_path.glob("*.tmp*"))


def test_data_subject_request_find_export_and_erase(
    qtbot, page: DatasetsPage, source: Path, tmp_path: Path, infos: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = _rows(source)
    person = raw[41]
    dialog = page.open_subject_request()
    assert dialog is not None
    assert dialog.identifier.echoMode() == QLineEdit.EchoMode.Password
    dialog.kind.setCurrentIndex(dialog.kind.findData("mobile"))
    dialog.identifier.setText(person[4])
    assert not dialog.erase_button.isEnabled()
    dialog.find()
    qtbot.waitUntil(lambda: dialog.result is not None, timeout=10_000)
    assert dialog.result is not None and dialog.result.counts() == {"customers": 1}
    assert dialog.hits.item(0, 0).text() == "customers" and dialog.hits.item(0, 2).text() == "1"
    assert dialog.hits.item(0, 3).text() == "42"
    assert person[4] not in dialog.summary.text()  # the token, never the identifier

    out = tmp_path / "person.csv"
    dialog.export_to(out)
    qtbot.waitUntil(lambda: out.exists() and bool(infos), timeout=10_000)
    assert person[1] in out.read_text(encoding="utf-8-sig")

    asked: list[str] = []
    monkeypatch.setattr(messages, "confirm", lambda _p, _t, text, _a, destructive=False: asked.append(text) or False)
    dialog.erase()
    assert "1 row(s) in “customers”" in asked[-1]
    assert dataset_flows.get_dataset(page._session, "customers").row_count == ROWS  # type: ignore[arg-type]

    dialog.identifier.setText(person[4] + "0")  # changed since the search: nothing to erase until found again
    assert not dialog.erase_button.isEnabled()
    dialog.identifier.setText(person[4])
    monkeypatch.setattr(messages, "confirm", lambda *_a, **_k: True)
    dialog.erase()
    qtbot.waitUntil(lambda: "Erased 1 row" in dialog.summary.text(), timeout=10_000)
    assert dataset_flows.get_dataset(page._session, "customers").row_count == ROWS - 1  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: page.list_model.dataset(0).row_count == ROWS - 1, timeout=5_000)
    qtbot.waitUntil(lambda: page.view.model.rowCount() == ROWS - 1, timeout=5_000)
    dialog.reject()
    assert dialog.identifier.text() == ""  # the identifier does not outlive the dialog
