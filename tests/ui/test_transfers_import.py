"""The packet import wizard: a real packet from a seller's vault verified and imported into the buyer's; a packet
with one byte changed refused on the verification page with nothing decrypted; a cancelled import leaves nothing."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWizard

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import transfer
from dataroom.core.transfer import container, records
from dataroom.ui import i18n, worker
from dataroom.ui.transfers.import_wizard import CHECK, DONE, IMPORT, NAME, ImportPacketWizard
from dataroom.ui.transfers.packet_facts import packet_facts
from tests.core.test_transfer_helpers import dataset_tables


def _checked(qtbot, wizard: ImportPacketWizard) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: wizard.inspection is not None)


def test_happy_path_imports_the_packet_and_offers_to_countersign(qtbot, sent, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _, buyer, packet = sent
    wizard = ImportPacketWizard(buyer, None)
    qtbot.addWidget(wizard)
    wizard.show()
    assert not wizard.file_page.isComplete()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(packet.path), ""))
    wizard.file_page.browse.click()
    assert wizard.file_page.isComplete()

    wizard.next()
    _checked(qtbot, wizard)
    page = wizard.check_page
    assert wizard.currentId() == CHECK and page.isComplete()
    assert page.verdict.text().startswith("Authentic") and page.problems.isHidden()
    details = page.details.toPlainText()
    for needle in ("上海示例科技有限公司", "signature valid", packet.manifest.nda_id, "customers",
                   f"{packet.rows} rows × {len(packet.manifest.columns)} columns", "fingerprint"):  # fmt: skip
        assert needle in details, needle
    assert dataset_flows.list_datasets(buyer) == []  # checked, nothing imported yet

    wizard.next()
    assert wizard.currentId() == NAME
    assert wizard.name_page.name.text() == "customers"
    wizard.name_page.name.setText("")
    assert not wizard.name_page.isComplete() and wizard.name_page.problem.text()
    wizard.name_page.name.setText("bought customers")
    assert wizard.name_page.isComplete()
    progress: list[tuple[int, int]] = []
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as got:
        wizard.next()
        assert wizard.currentId() == IMPORT
        assert wizard.import_page.task is not None
        wizard.import_page.task.progressed.connect(lambda d, t: progress.append((d, t)))
    qtbot.waitUntil(lambda: wizard.currentId() == DONE)
    received = got.args[0]
    assert received.info.name == "bought customers" and received.manifest.packet_id == packet.packet_id
    info = dataset_flows.get_dataset(buyer, "bought customers")
    assert info.row_count == packet.rows and info.source_kind == "packet"
    assert progress and progress[-1] == (packet.rows, packet.rows)
    assert [r.id for r in records.all_received(buyer.vault.connection())] == [packet.packet_id]
    assert "bought customers" in wizard.done_page.summary.text()
    assert packet.packet_id in wizard.done_page.summary.text()

    assert not wizard.countersign_now
    wizard.done_page.countersign.setChecked(True)
    with qtbot.waitSignal(wizard.countersign_requested) as asked:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert asked.args == [packet.packet_id] and wizard.countersign_now


def test_a_flipped_byte_is_refused_before_decryption_and_nothing_is_imported(qtbot, sent, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, buyer, packet = sent
    data = bytearray(packet.path.read_bytes())
    payload = container.open_container(packet.path).members[container.PAYLOAD]
    data[payload.offset + payload.size // 2] ^= 0x01
    bad = tmp_path / "tampered.drpkt"
    bad.write_bytes(bytes(data))
    wizard = ImportPacketWizard(buyer, bad)  # a path given starts at the check
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.currentId() == CHECK
    _checked(qtbot, wizard)
    page = wizard.check_page
    assert wizard.inspection is not None and not wizard.inspection.ok
    assert not page.isComplete() and not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert page.verdict.text().startswith("Refused") and "Nothing was decrypted" in page.verdict.text()
    assert "does not match the signed manifest" in page.problems.text() and page.problems.isVisibleTo(wizard)
    wizard.next()  # refused: the wizard cannot go on
    assert wizard.currentId() == CHECK
    assert dataset_flows.list_datasets(buyer) == [] and dataset_tables(buyer) == []
    assert records.all_received(buyer.vault.connection()) == []
    inspected = audit_log.records(buyer.vault.connection(), action="packet.inspect")[-1]
    assert inspected.details["ok"] is False and inspected.details["reasons"] == ["tampered-packet"]
    assert not audit_log.records(buyer.vault.connection(), action="packet.import")


def test_cancelled_import_leaves_no_dataset(qtbot, sent) -> None:  # type: ignore[no-untyped-def]
    _, buyer, packet = sent
    wizard = ImportPacketWizard(buyer, packet.path)
    qtbot.addWidget(wizard)
    wizard.show()
    _checked(qtbot, wizard)
    wizard.next()
    # Hold the (single) worker thread so that the import is queued, then cancelled before it starts reading.
    release = threading.Event()
    worker.run(lambda progress, cancel: release.wait(10))
    wizard.next()
    assert wizard.currentId() == IMPORT and wizard.import_page.running()
    wizard.import_page.cancel.click()
    release.set()
    qtbot.waitUntil(lambda: not wizard.import_page.running())
    assert wizard.import_page.status.text() == "The import was cancelled; nothing was imported."
    assert wizard.currentId() == IMPORT and not wizard.import_page.isComplete()
    assert dataset_flows.list_datasets(buyer) == [] and dataset_tables(buyer) == []
    assert records.all_received(buyer.vault.connection()) == []
    # Back to the name page and again: the same packet now imports.
    wizard.back()
    assert wizard.currentId() == NAME
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        wizard.next()
    assert [d.name for d in dataset_flows.list_datasets(buyer)] == ["customers"]


def test_the_packet_facts_are_said_in_chinese(qapp, sent) -> None:  # type: ignore[no-untyped-def]
    _, buyer, packet = sent
    checked = transfer.inspect_packet(buyer, packet.path)
    english = "\n".join(packet_facts(checked))
    assert "signature valid" in english and packet.manifest.nda_id in english
    try:
        assert i18n.apply_language(i18n.CHINESE)
        chinese = "\n".join(packet_facts(checked))
    finally:
        i18n.apply_language(i18n.ENGLISH)
    assert "签名有效" in chinese and "数据包编号" in chinese and "signature valid" not in chinese
    assert packet.manifest.nda_id in chinese and packet.manifest.sha256 in chinese
