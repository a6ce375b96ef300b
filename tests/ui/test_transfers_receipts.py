"""Receipt dialogs: the seller issues a receipt, the buyer checks and counter-signs it, the seller records it — all
through the dialogs; the viewer shows the pages and says in words when a receipt was tampered with."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import transfer
from dataroom.core.session import Session
from dataroom.ui import worker
from dataroom.ui.deal import nda_preview
from dataroom.ui.transfers import receipt_dialogs
from dataroom.ui.transfers.receipt_dialogs import ReceiptViewer
from tests.core.test_transfer_helpers import deal, fp


@pytest.fixture
def received(tmp_path: Path) -> Iterator[tuple[Session, Session, transfer.PacketExport]]:
    """A packet the seller sent and the buyer imported."""
    seller, buyer, nda_id = deal(tmp_path)
    packet = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "customers.drpkt")
    transfer.import_packet(buyer, packet.path)
    yield seller, buyer, packet
    worker.wait_idle()
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


@pytest.fixture
def window(qtbot) -> QWidget:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _loaded(qtbot, viewer: ReceiptViewer) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: viewer.check is not None or bool(viewer._error), timeout=30_000)


def _viewer(window: QWidget) -> ReceiptViewer:
    found = window.findChildren(ReceiptViewer)
    assert len(found) == 1
    return found[0]


def test_make_countersign_record_round_trip(qtbot, received, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, buyer, packet = received
    # Seller: issue the receipt; it opens in the viewer.
    _save_as(monkeypatch, tmp_path / "receipt.pdf")
    task = receipt_dialogs.make_receipt_interactive(window, seller, packet.packet_id)
    assert task is not None
    qtbot.waitUntil(lambda: bool(window.findChildren(ReceiptViewer)), timeout=30_000)
    issued = _viewer(window)
    _loaded(qtbot, issued)
    assert (tmp_path / "receipt.pdf").is_file() and "receipt.pdf" in issued.status.text()
    assert issued.verdict.text().startswith("AUTHENTIC") and issued.verdict.property("badge") == "ok"
    assert packet.packet_id in issued.details.toPlainText()
    if nda_preview.pdftoppm():
        assert len(issued.pages.page_labels) >= 2  # every page, as images: the watermark is drawn on them
    issued.close()

    # Buyer: check and counter-sign.
    viewer = receipt_dialogs.countersign_interactive(window, buyer, tmp_path / "receipt.pdf")
    assert viewer is not None
    _loaded(qtbot, viewer)
    assert viewer.verdict.text().startswith("AUTHENTIC") and viewer.act.isEnabled()
    assert viewer.act.text() == "Counter-sign…"
    _save_as(monkeypatch, tmp_path / "back-to-seller.pdf")
    with qtbot.waitSignal(viewer.acted, timeout=30_000) as signed:
        viewer.act.click()
    assert signed.args[0].path == tmp_path / "back-to-seller.pdf" and signed.args[0].path.is_file()
    assert not viewer.act.isEnabled() and "back-to-seller.pdf" in viewer.status.text()
    viewer.close()

    # Seller: record the counter-signed copy (chosen in the open-file dialog).
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "back-to-seller.pdf"), ""))
    record = receipt_dialogs.record_interactive(window, seller)
    assert record is not None
    _loaded(qtbot, record)
    assert record.check is not None and record.check.counter is not None
    assert record.verdict.text().startswith("AUTHENTIC") and record.act.text() == "Record receipt"
    with qtbot.waitSignal(record.acted, timeout=30_000):
        record.act.click()
    assert record.status.text() == "Recorded: Example Buyer Ltd acknowledged receiving this packet."
    assert [p.receipt for p in transfer.list_packets(seller)] == ["recorded"]
    assert [p.receipt for p in transfer.list_packets(buyer)] == ["countersigned"]
    assert audit_log.records(seller.vault.connection(), action="receipt.record")


def test_a_tampered_receipt_shows_not_valid_and_cannot_be_signed(qtbot, received, window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, buyer, packet = received
    receipt = transfer.make_receipt(seller, packet.packet_id, out=tmp_path / "receipt.pdf")
    data = bytearray(receipt.path.read_bytes())
    data[data.index(b"/Author (Dataroom)") + 9] ^= 0x01
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(bytes(data))
    viewer = receipt_dialogs.view_receipt(window, bad, buyer)
    _loaded(qtbot, viewer)
    assert viewer.verdict.text().startswith("NOT VALID") and viewer.verdict.property("badge") == "bad"
    assert "sender's signature does not hold" in viewer.details.toPlainText()
    assert viewer.act.isHidden()  # only a viewer: no action button
    signing = receipt_dialogs.countersign_interactive(window, buyer, bad)
    assert signing is not None
    _loaded(qtbot, signing)
    assert not signing.act.isEnabled()
    assert not (tmp_path / "bad-countersigned.pdf").exists()


def test_refusal_is_shown_in_words(qtbot, received, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, _buyer, packet = received
    receipt = transfer.make_receipt(seller, packet.packet_id, out=tmp_path / "receipt.pdf")
    # The seller cannot counter-sign its own receipt: the check is fine, the flow refuses in words.
    viewer = receipt_dialogs.countersign_interactive(window, seller, receipt.path)
    assert viewer is not None
    _loaded(qtbot, viewer)
    assert viewer.act.isEnabled()
    _save_as(monkeypatch, tmp_path / "out.pdf")
    viewer.act.click()
    qtbot.waitUntil(lambda: bool(viewer.findChildren(QMessageBox)), timeout=30_000)
    assert "never imported" in viewer.findChildren(QMessageBox)[0].text()
    assert not (tmp_path / "out.pdf").exists()


def test_unreadable_file_and_no_pdftoppm(qtbot, received, window, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    seller, _, packet = received
    not_pdf = tmp_path / "note.pdf"
    not_pdf.write_text("hello")
    viewer = receipt_dialogs.view_receipt(window, not_pdf, seller)
    _loaded(qtbot, viewer)
    assert viewer.check is None and viewer.verdict.property("badge") == "bad"
    assert viewer.verdict.text() == "The file is not a readable PDF, or it is damaged."
    monkeypatch.setattr(receipt_dialogs, "pdftoppm", lambda: None)
    receipt = transfer.make_receipt(seller, packet.packet_id, out=tmp_path / "receipt.pdf")
    plain = receipt_dialogs.view_receipt(window, receipt.path, seller)
    _loaded(qtbot, plain)
    assert plain.pages.currentWidget() is plain.pages.text and "pdftoppm" in plain.pages.text.toPlainText()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert receipt_dialogs.record_interactive(window, seller) is None
