"""The export wizard's last two pages: the destination file with the export running on the worker (progress and
Cancel), and the summary of what was written (see :mod:`dataroom.ui.transfers.export_wizard`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from dataroom.core.cancel import CancelToken, Progress
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows.transfer import PacketExport
from dataroom.core.transfer import container, sending
from dataroom.ui import messages, worker
from dataroom.ui.theme import set_look
from dataroom.ui.transfers.export_pages import wizard_of
from dataroom.ui.widgets import Retranslating, label


class DestinationPage(Retranslating, QWizardPage):
    """Where the packet goes; Export runs the flow on the worker with progress (Cancel stops it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setCommitPage(True)
        self.file = QLineEdit()
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        self.note = label("muted", wrap=True)
        self.progress = QProgressBar()
        self.progress.hide()
        self.status = label("", wrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.file.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.task: worker.Task | None = None
        self.result: PacketExport | None = None
        self._error: BaseException | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Destination"))
        self.setSubTitle(self.tr("Choose where to write the packet; give the file to the recipient by any means."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Export"))
        self.browse.setText(self.tr("Browse…"))
        self.note.setText(
            self.tr(
                "The packet is encrypted to the recipient's key and signed with yours; the export is recorded in "
                "the audit log with the packet's hash."
            )
        )
        if self.running():
            self.status.setText(self.tr("Encrypting and signing the packet…"))
        elif self._error is not None:
            self.status.setText(messages.error_text(self._error))

    def initializePage(self) -> None:  # Qt override
        wizard = wizard_of(self)
        info, card = wizard.dataset_page.info(), wizard.recipient_page.card()
        if info is None or card is None:
            return
        # The flow names the file after the packet id, which it draws itself; today's date stands in for it here.
        name = sending.default_file_name(info.name, card.card.party.organisation, f"pkt-{dt.date.today():%Y%m%d}")
        folder = Path(self.file.text()).expanduser().parent if self.file.text().strip() else Path.home()
        self.file.setText(str(folder / name))

    def _browse(self) -> None:
        pattern = self.tr("Dataroom packets (*{suffix})").format(suffix=container.SUFFIX)
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Write the packet to"), self.file.text(), pattern)
        if path:
            self.file.setText(path if path.endswith(container.SUFFIX) else path + container.SUFFIX)

    def target(self) -> Path:
        return Path(self.file.text().strip()).expanduser()

    def running(self) -> bool:
        return self.task is not None

    def isComplete(self) -> bool:  # Qt override
        text = self.file.text().strip()
        return bool(text) and self.target().parent.is_dir() and not self.running()

    def validatePage(self) -> bool:  # Qt override
        if self.result is not None:
            return True
        if not self.running():
            self._start()
        return False  # the wizard moves on by itself when the export succeeds

    def _start(self) -> None:
        wizard = wizard_of(self)
        info, fp, nda_id = wizard.dataset_page.info(), wizard.recipient_page.fingerprint(), wizard.nda_page.nda_id()
        if info is None or fp is None or nda_id is None:
            return
        session, out = wizard.session, self.target()
        full, version = wizard.policy_page.is_full(), wizard.policy_page.policy_version()

        def job(progress: Progress, cancel: CancelToken) -> PacketExport:
            return transfer_flows.export_packet(
                session, info.name, fp, nda_id, full=full, policy_version=version, out=out, progress=progress,
                cancel=cancel,
            )  # fmt: skip

        self.task = worker.Task(job, self)
        self.task.progressed.connect(self._progressed)
        self.task.succeeded.connect(self._done)
        self.task.failed.connect(self._failed)
        self._error = None
        self.progress.setRange(0, 0)
        self.progress.show()
        self._set_running(True)
        self.task.start()

    def cancel(self) -> None:
        """Ask the running export to stop; the flow removes its partial file and the page says so."""
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _progressed(self, done: int, total: int) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _set_running(self, running: bool) -> None:
        if not running:
            self.task = None
        self.file.setEnabled(not running)
        self.browse.setEnabled(not running)
        set_look(self.status, "role", "error" if self._error is not None else "muted")
        if not running and self._error is None:
            self.status.setText("")
        self.retranslate()
        self.completeChanged.emit()
        self.wizard().button(QWizard.WizardButton.BackButton).setEnabled(not running)

    def _done(self, result: PacketExport) -> None:
        self.result = result
        self._set_running(False)
        wizard_of(self).exported.emit(result)
        self.wizard().next()

    def _failed(self, err: BaseException) -> None:
        self._error = err
        self.progress.hide()
        self._set_running(False)


class SummaryPage(Retranslating, QWizardPage):
    """What was written: file, packet id, hashes, rows, canaries."""

    def __init__(self) -> None:
        super().__init__()
        self.summary = label("", wrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Packet written"))
        self.setSubTitle(
            self.tr("Give the file to the recipient, then issue the signed receipt from the Transfers page.")
        )
        if self.wizard() is not None:
            self.initializePage()

    def initializePage(self) -> None:  # Qt override
        result = wizard_of(self).destination_page.result
        if result is None:
            return
        m = result.manifest
        what = (
            self.tr("full data, every column unchanged")
            if m.full
            else self.tr("de-identified with policy version {n}").format(n=m.policy_version)
        )
        lines = [
            self.tr("File: {path}").format(path=result.path),
            self.tr("Packet: {id} under {nda}").format(id=m.packet_id, nda=m.nda_id),
            self.tr("Contents: {dataset}, {rows} rows × {columns} columns, {what}").format(
                dataset=m.dataset, rows=QLocale().toString(m.rows), columns=len(m.columns), what=what
            ),
            self.tr("For: {organisation} ({person})").format(
                organisation=m.recipient["organisation"], person=m.recipient["person"]
            ),
            self.tr("Packet SHA-256: {sha}").format(sha=result.packet_sha256),
            self.tr("Manifest SHA-256: {sha}").format(sha=m.sha256),
        ]
        if result.canaries:
            lines.append(
                self.tr(
                    "Canary rows among them: {n}, planted for this recipient so a leaked copy can be traced."
                ).format(n=result.canaries)
            )
        self.summary.setText("\n".join(lines))
