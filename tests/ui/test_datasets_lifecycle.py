"""Retention and destruction on the Datasets page: the retention dialog (audited through the flow), the reminder
banner and status-bar badge, the destroy confirmation that names what goes and needs the typed name, the
certificate shown and checked afterwards, and neither action for a reviewer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QDesktopServices

from dataroom.core.audit import log as audit_log
from dataroom.core.errors import PermissionDenied
from dataroom.core.flows import lifecycle, transfer
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.ui import worker
from dataroom.ui.datasets.destroy_dialog import DestroyDialog, open_destroy_dialog
from dataroom.ui.datasets.retention_dialog import RetentionDialog
from dataroom.ui.pages.datasets_page import DatasetsPage
from tests.core.test_deal_helpers import add_dataset
from tests.core.test_transfer_helpers import deal, fp
from tests.ui.conftest import REVIEWER_PASSPHRASE

TODAY = dt.date.today()


def _page(qtbot, session: Session) -> DatasetsPage:  # type: ignore[no-untyped-def]
    page = DatasetsPage()
    qtbot.addWidget(page)
    page.resize(1100, 720)
    page.set_session(session)
    page.show()
    qtbot.waitUntil(lambda: page.view.model.rowCount() > 0 and not page.view.model.is_busy(), timeout=10_000)
    return page


@pytest.fixture
def received(tmp_path: Path) -> Iterator[tuple[Session, Session, str, Path, str]]:
    """The buyer holds a dataset received under an NDA (the packet file still on disk)."""
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    got = transfer.import_packet(buyer, sent.path)
    yield seller, buyer, nda_id, sent.path, got.info.name
    worker.wait_idle()
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def test_retention_dialog_sets_the_limit_and_the_page_reminds(qtbot, open_session: Session) -> None:
    add_dataset(open_session)
    page = _page(qtbot, open_session)
    assert page.retention_button.isVisible() and page.destroy_button.isVisible()
    assert page.due_notice.isHidden() and page.due_badge.isHidden()
    dialog = page.open_retention()
    assert isinstance(dialog, RetentionDialog)
    assert "no retention limit" in dialog.state.text() and not dialog.remove_button.isVisibleTo(dialog)
    dialog.use_until.setChecked(False)
    dialog.use_days.setChecked(False)
    assert not dialog.ok.isEnabled()  # a rule needs a day or a number of days
    yesterday = TODAY - dt.timedelta(days=1)
    dialog.use_until.setChecked(True)
    dialog.until.setDate(QDate(yesterday.year, yesterday.month, yesterday.day))
    dialog.reason.setText("pilot ended")
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.ok.click()
    rule = lifecycle.get_retention(open_session, "customers")
    assert rule is not None and rule.keep_until == yesterday and rule.reason == "pilot ended"
    assert audit_log.records(open_session.vault.connection(), action="retention.set")[-1].object == "customers"
    qtbot.waitUntil(lambda: page.due_notice.isVisible(), timeout=5_000)
    assert page.due_notice.badge.text() == "1 dataset(s) due for destruction"
    assert page.due_notice.text.text() == (
        f"customers: kept past its retention, which ended on {yesterday.isoformat()} (pilot ended)"
    )
    assert not page.due_badge.isHidden() and page.due_badge.text() == "1 dataset(s) due for destruction"

    again = page.open_retention()
    assert again is not None and again.use_until.isChecked() and again.reason.text() == "pilot ended"
    assert f"kept until {yesterday.isoformat()}" in again.state.text() and again.remove_button.isVisibleTo(again)
    with qtbot.waitSignal(again.changed, timeout=10_000):
        again.remove_button.click()
    assert lifecycle.get_retention(open_session, "customers") is None
    qtbot.waitUntil(lambda: page.due_notice.isHidden() and page.due_badge.isHidden(), timeout=5_000)
    lifecycle.set_retention(open_session, "customers", days_after_import=1)
    third = page.open_retention()
    assert third is not None and third.use_days.isChecked() and third.days.value() == 1
    assert not third.use_until.isChecked() and not third.until.isEnabled()
    page.refresh()
    assert page.due_badge.isHidden()  # imported today (UTC), kept a day after: not due yet in any time zone
    page.set_session(None)  # locking closes the dialog and drops the reminder
    assert page.lifecycle_dialog is None and not third.isVisible() and page.due_notice.isHidden()


def test_destroy_names_what_goes_needs_the_typed_name_and_shows_the_certificate(
    qtbot, received, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, buyer, nda_id, packet, name = received
    nda_flows.end_nda(buyer, nda_id, "terminated", TODAY)
    page = _page(qtbot, buyer)
    assert page.due_notice.isVisible()
    assert page.due_notice.text.text() == (
        f"{name}: NDA {nda_id} requires its destruction by {(TODAY + dt.timedelta(days=30)).isoformat()}"
    )
    page.select(name)
    dialog = page.open_destroy()
    assert isinstance(dialog, DestroyDialog)
    summary = dialog.summary.text()
    rows = dialog.preview.rows
    for expected in (
        f"the dataset “{name}”: {rows:,} rows × 4 columns",
        f"NDA {nda_id} “客户数据评估保密协议”",
        f"packet file {packet} (will be overwritten and removed)",
        "certificate of destruction",
    ):
        assert expected in summary, expected
    assert dialog.badge.text() == "Cannot be undone" and dialog.folder_caption.isVisibleTo(dialog)
    assert not dialog.destroy_button.isEnabled()
    dialog.typed.setText(name[:-1])
    assert not dialog.destroy_button.isEnabled()
    dialog.destroy_now()  # a stray call does nothing until the name matches
    assert lifecycle.list_retention(buyer) == [] and page.list_model.row_of(name) is not None
    dialog.folder.setText(str(tmp_path / "no such folder"))
    dialog.typed.setText(name)
    assert not dialog.destroy_button.isEnabled()  # the certificate needs an existing folder
    dialog.folder.setText(str(tmp_path))
    assert dialog.destroy_button.isEnabled()
    with qtbot.waitSignal(dialog.destroyed, timeout=30_000) as done:
        dialog.destroy_button.click()
    assert done.args == [name]
    outcome = dialog.outcome
    assert outcome is not None and outcome.result.certificate is not None and outcome.check is not None
    cert = outcome.result.certificate.path
    assert cert.parent == tmp_path and cert.is_file() and outcome.check.ok
    assert not packet.exists()
    assert dialog.badge.text() == "Destroyed" and str(cert) in dialog.summary.text()
    assert "The certificate checks out" in dialog.summary.text()
    assert f"{outcome.result.certificate.reference}" in dialog.summary.text()
    assert "Certificate of destruction: " in dialog.details.toPlainText() and dialog.details.isVisibleTo(dialog)
    assert not dialog.destroy_button.isVisibleTo(dialog) and dialog.open_folder_button.isVisibleTo(dialog)
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog.open_folder_button.click()
    assert [Path(p) for p in opened] == [tmp_path]
    qtbot.waitUntil(lambda: page.list_model.row_of(name) is None, timeout=5_000)
    assert page.due_notice.isHidden()  # the duty's data is gone: no reminder left
    dialog.reject()


def test_own_dataset_is_destroyed_without_a_certificate(qtbot, open_session: Session) -> None:
    add_dataset(open_session)
    add_dataset(open_session, "orders")
    page = _page(qtbot, open_session)
    page.select("orders")
    dialog = page.open_destroy()
    assert dialog is not None and not dialog.preview.certificate
    assert not dialog.folder_caption.isVisibleTo(dialog) and "packet file" not in dialog.summary.text()
    assert "imported from orders.csv (csv) by alice" in dialog.summary.text()
    dialog.typed.setText("orders")
    with qtbot.waitSignal(dialog.destroyed, timeout=30_000):
        dialog.destroy_button.click()
    assert dialog.outcome is not None and dialog.outcome.result.certificate is None
    assert not dialog.open_folder_button.isVisibleTo(dialog) and "“orders” and its" in dialog.summary.text()
    qtbot.waitUntil(lambda: page.list_model.names() == ["customers"], timeout=5_000)
    dialog.reject()


def test_a_reviewer_gets_neither_retention_nor_destroy(qtbot, open_session: Session, closed_vault: Path) -> None:
    add_dataset(open_session)
    lifecycle.set_retention(open_session, "customers", until=TODAY - dt.timedelta(days=3))
    open_session.close()
    reviewer = vault_flows.unlock(closed_vault, user="rita", passphrase=REVIEWER_PASSPHRASE)
    try:
        page = _page(qtbot, reviewer)
        assert not page.retention_button.isVisible() and not page.destroy_button.isVisible()
        assert page.open_retention() is None and page.open_destroy() is None
        assert page.due_notice.isVisible()  # the reminder is for everyone who sees the dataset
        with pytest.raises(PermissionDenied):
            open_destroy_dialog(reviewer, "customers")
    finally:
        worker.wait_idle()
        reviewer.close()
