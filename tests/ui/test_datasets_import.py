"""Importing through the GUI: the dialog's detection and live preview, workbook sheets, drag and drop, progress
with speed, Cancel leaving no dataset, and the GUI thread staying responsive during a large import."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.session import Session
from dataroom.ui import messages, worker
from dataroom.ui.datasets.import_dialog import ImportDialog
from dataroom.ui.datasets.import_progress import ImportRequest, RateMeter, format_duration
from dataroom.ui.pages.datasets_page import DatasetsPage

BIG_ROWS = 100_000


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """~100k synthetic customers (≈ 17 MB), written once for the tests that need a long import."""
    path = tmp_path_factory.mktemp("big") / "customers-100k.csv"
    write_customers_csv(path, BIG_ROWS, seed=7)
    return path


@pytest.fixture
def page(qtbot, open_session: Session) -> Iterator[DatasetsPage]:  # type: ignore[no-untyped-def]
    page = DatasetsPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_session(open_session)
    page.show()
    yield page
    # Let pages still being read on the worker finish before the session's connections close (teardown order).
    page.set_session(None)
    worker.wait_idle()


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Information boxes shown (the text), instead of boxes waiting for a click."""
    shown: list[str] = []
    monkeypatch.setattr(messages, "show_info", lambda _parent, text, title=None: shown.append(text))
    return shown


def _wait_dialog(qtbot, page: DatasetsPage) -> ImportDialog:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: page.import_dialog is not None and page.import_dialog._preview is not None, timeout=10_000)
    assert page.import_dialog is not None
    return page.import_dialog


def test_import_dialog_detects_previews_and_imports_with_progress(qtbot, page: DatasetsPage, tmp_path: Path) -> None:
    csv = tmp_path / "客户 GBK.csv"
    write_customers_csv(csv, 3000, seed=1, encoding="gb18030")
    page.import_files([csv])
    dialog = _wait_dialog(qtbot, page)
    assert dialog.encoding.currentData() in ("gb18030", "gbk")
    assert dialog.delimiter.currentData() == "," and dialog.header_row.isChecked()
    assert dialog.preview.columnCount() == 12 and dialog.preview.rowCount() == 20
    assert dialog.preview.horizontalHeaderItem(1).text() == "姓名"
    assert "Detected: text (CSV)" in dialog.detected.text()

    # Changing how the file is read re-reads the preview on the worker: a wrong delimiter gives one column.
    with qtbot.waitSignal(dialog.preview_ready, timeout=5_000):
        dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(";"))
    assert dialog.preview.columnCount() == 1
    with qtbot.waitSignal(dialog.preview_ready, timeout=5_000):
        dialog.delimiter.setCurrentIndex(dialog.delimiter.findData(","))
    assert dialog.preview.columnCount() == 12
    with qtbot.waitSignal(dialog.preview_ready, timeout=5_000):
        dialog.header_row.setChecked(False)
    assert dialog.preview.horizontalHeaderItem(1).text() == "column_2"
    assert dialog.preview.item(0, 1).text() == "姓名"  # the header row became data
    with qtbot.waitSignal(dialog.preview_ready, timeout=5_000):
        dialog.header_row.setChecked(True)

    dialog.name.setText("customers")
    assert dialog.ok.isEnabled()
    progress: list[tuple[int, int]] = []
    dialog.ok.click()
    qtbot.waitUntil(lambda: page.runner is not None and page.runner.task is not None, timeout=5_000)
    runner = page.runner
    assert runner is not None and runner.task is not None and runner.dialog is not None
    progress_dialog = runner.dialog
    runner.task.progressed.connect(lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: page.runner is None, timeout=30_000)
    assert progress and progress[-1][0] == progress[-1][1] == csv.stat().st_size
    assert "MB" in progress_dialog.progress_text() or "classifying" in progress_dialog.progress_text()
    assert page.list_model.names() == ["customers"]
    assert page.selected_name() == "customers"
    info = dataset_flows.get_dataset(page._session, "customers")  # type: ignore[arg-type]
    assert info.row_count == 3000 and info.encoding in ("gb18030", "gbk")
    qtbot.waitUntil(lambda: page.view.model.rowCount() == 3000, timeout=10_000)


def test_default_name_avoids_existing_datasets_and_bad_names_are_explained(
    qtbot, page: DatasetsPage, tmp_path: Path
) -> None:
    csv = tmp_path / "customers.csv"
    write_customers_csv(csv, 50)
    dialog = ImportDialog(csv, ["customers"])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog._preview is not None, timeout=10_000)
    assert dialog.name.text() == "customers (2)" and dialog.ok.isEnabled()
    dialog.name.setText("Customers")
    assert not dialog.ok.isEnabled() and "already a dataset" in dialog.problem.text()
    dialog.name.setText("")
    assert not dialog.ok.isEnabled() and dialog.problem.text()


def test_a_file_that_is_no_table_is_explained_in_words(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "photo.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    dialog = ImportDialog(path, [])
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: bool(dialog.problem.text()), timeout=10_000)
    assert not dialog.ok.isEnabled() and "Traceback" not in dialog.problem.text()


def test_workbook_sheets_become_one_dataset_each(qtbot, page: DatasetsPage, tmp_path: Path) -> None:
    path = tmp_path / "deal.xlsx"
    book = openpyxl.Workbook()
    first = book.active
    first.title = "客户"
    first.append(["姓名", "手机号", "城市"])
    for i in range(30):
        first.append([f"张{i}", f"1380013{i:04d}", "上海"])
    orders = book.create_sheet("订单")
    orders.append(["订单号", "金额"])
    for i in range(12):
        orders.append([f"D{i:05d}", str(100 + i)])
    book.save(path)

    page.import_files([path])
    dialog = _wait_dialog(qtbot, page)
    assert dialog.sheet_box.isVisibleTo(dialog) and not dialog.format_box.isVisibleTo(dialog)
    assert dialog.sheets.rowCount() == 2
    assert dialog.sheets.item(0, 0).checkState() == Qt.CheckState.Checked
    assert dialog.sheets.item(1, 0).checkState() == Qt.CheckState.Unchecked
    assert dialog.sheets.item(1, 1).text() == "deal – 订单"
    with qtbot.waitSignal(dialog.preview_ready, timeout=5_000):
        dialog.sheets.setCurrentCell(1, 0)  # previewing another sheet reads it
    assert dialog.preview.horizontalHeaderItem(0).text() == "订单号"
    dialog.sheets.item(1, 0).setCheckState(Qt.CheckState.Checked)
    dialog.sheets.item(1, 1).setText("orders")
    requests = dialog.requests()
    assert [r.name for r in requests] == ["deal – 客户", "orders"]
    dialog.ok.click()
    qtbot.waitUntil(lambda: page.runner is None and len(page.list_model.names()) == 2, timeout=30_000)
    session = page._session
    assert session is not None
    sizes = {d.name: d.row_count for d in dataset_flows.list_datasets(session)}
    assert sizes == {"deal – 客户": 30, "orders": 12}


def test_files_dropped_on_the_page_open_the_import_dialog(qtbot, page: DatasetsPage, tmp_path: Path) -> None:
    csv = tmp_path / "dropped.csv"
    write_customers_csv(csv, 20)
    other = tmp_path / "notes.docx"
    other.write_text("not a table")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other)), QUrl.fromLocalFile(str(csv))])
    event = QDropEvent(QPointF(QPoint(50, 50)), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    page.dropEvent(event)
    dialog = _wait_dialog(qtbot, page)
    assert dialog.path == csv  # only the table was taken
    dialog.reject()


def test_cancel_stops_the_import_and_leaves_no_dataset(
    qtbot, page: DatasetsPage, big_csv: Path, infos: list[str]
) -> None:
    runner = page.run_imports([ImportRequest(big_csv, "big")])
    assert runner is not None and runner.task is not None and runner.dialog is not None
    with qtbot.waitSignal(runner.task.progressed, timeout=10_000):
        pass
    runner.dialog.reject()  # the dialog's Cancel button, Escape and its close button all come here
    assert runner.dialog.labelText() == "Cancelling…"
    qtbot.waitUntil(lambda: page.runner is None, timeout=30_000)
    assert infos and "cancelled" in infos[-1]
    session = page._session
    assert session is not None
    assert dataset_flows.list_datasets(session) == []
    assert page.list_model.rowCount() == 0 and page.empty.isVisibleTo(page)


def test_the_gui_thread_is_never_blocked_during_a_large_import(qtbot, page: DatasetsPage, big_csv: Path) -> None:
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    gc.collect()  # garbage left by earlier tests is not this import's to collect
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    last[0] = started
    runner = page.run_imports([ImportRequest(big_csv, "big")])
    assert runner is not None
    qtbot.waitUntil(lambda: page.runner is None and not worker.busy(), timeout=60_000)
    timer.stop()
    elapsed = time.perf_counter() - started
    session = page._session
    assert session is not None
    assert dataset_flows.get_dataset(session, "big").row_count == BIG_ROWS
    assert len(gaps) > elapsed / 0.05, "the timer hardly ran: the event loop was starved"
    assert max(gaps) < 0.100, f"the GUI thread stalled for {max(gaps) * 1000:.0f} ms"


def test_rate_meter_gives_speed_and_time_left() -> None:
    now = [0.0]
    meter = RateMeter(window_s=3.0, clock=lambda: now[0])
    assert meter.rate() is None and meter.seconds_left() is None
    for second in range(1, 6):
        now[0] = float(second)
        meter.add(second * 10_000_000, 100_000_000)
    assert meter.rate() == pytest.approx(10_000_000)
    assert meter.seconds_left() == pytest.approx(5.0)
    assert format_duration(42) == "42 s" and format_duration(185) == "3 min 05 s"
    assert format_duration(3720) == "1 h 02 min"


def test_file_menu_import_and_drops_anywhere_on_the_main_window(qtbot, open_session: Session, tmp_path: Path) -> None:
    from dataroom.ui.main_window import DATASETS, SETTINGS, MainWindow
    from dataroom.ui.settings import Settings

    window = MainWindow(Settings())
    window.settings_page._save = lambda _s: None
    qtbot.addWidget(window)
    window.set_session(open_session)
    window.show()
    page = window.datasets_page
    actions = window.file_menu.actions()
    assert page.import_action in actions and page.import_action.isVisible()
    assert actions.index(page.import_action) == 2  # after New vault… and Open vault…
    assert page.import_action.shortcut().toString() == "Ctrl+I"

    csv = tmp_path / "dropped.csv"
    write_customers_csv(csv, 20)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(csv))])
    window.show_page(SETTINGS)
    where, action, none = QPoint(100, 300), Qt.DropAction.CopyAction, Qt.MouseButton.NoButton
    enter = QDragEnterEvent(where, action, mime, none, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)  # dragged over the window (the sidebar, another page…)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(where), action, mime, none, Qt.KeyboardModifier.NoModifier))
    assert window.stack.currentIndex() == DATASETS
    dialog = _wait_dialog(qtbot, page)
    assert dialog.path == csv
    dialog.reject()
    window.set_session(None)
    worker.wait_idle()
