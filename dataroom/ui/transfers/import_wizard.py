"""The wizard that receives a packet: choose the ``.drpkt`` file, see it verified, name the dataset, import it.

The verification page runs :func:`~dataroom.core.flows.transfer.inspect_packet` on the worker: the manifest's
signature is checked against the sender's confirmed card, and the encrypted payload against the signed hash,
before anything is decrypted. A refused packet stops there, with what is wrong in words. The import itself
(:func:`~dataroom.core.flows.transfer.import_packet`) runs on the worker with progress and cancel; it commits only
if the decrypted content matches the signed manifest, so a cancelled or failed import leaves no dataset behind.

The sender issues the transfer receipt; the recipient counter-signs it. The last page therefore offers to
counter-sign the sender's receipt at once: :attr:`ImportPacketWizard.countersign_requested` carries the packet id
for the page that opened the wizard to act on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from dataroom.core.datasets.importer import check_name
from dataroom.core.errors import Cancelled, DataroomError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.session import Session
from dataroom.core.transfer.receiving import Inspection, Received
from dataroom.ui import messages, worker
from dataroom.ui.transfers.packet_facts import packet_facts
from dataroom.ui.widgets import Badge, Retranslating, label

FILE, CHECK, NAME, IMPORT, DONE = range(5)

#: File name ending of packets (offered first in the file dialog; the core checks the content, not the name).
PACKET_SUFFIX = ".drpkt"


def _free_name(wanted: str, existing: set[str]) -> str:
    """``wanted``, or ``wanted (2)``, ``wanted (3)``… when a dataset already has it (as the core would choose)."""
    candidate, n = wanted, 2
    while candidate.casefold() in existing:
        candidate, n = f"{wanted} ({n})", n + 1
    return candidate


class FilePage(Retranslating, QWizardPage):
    """Which packet file to receive."""

    def __init__(self, path: Path | None) -> None:
        super().__init__()
        self.file = QLineEdit(str(path) if path is not None else "")
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        self.file.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.hint = label("muted", wrap=True)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Receive a packet"))
        self.setSubTitle(self.tr("Choose the packet file the sender gave you (USB stick, e-mail, courier)."))
        self.browse.setText(self.tr("Browse…"))
        self.hint.setText(
            self.tr(
                "The next step checks the sender's signature against their confirmed identity card and the "
                "encrypted contents against what they signed, before anything is decrypted."
            )
        )

    def path(self) -> Path:
        return Path(self.file.text().strip()).expanduser()

    def isComplete(self) -> bool:  # Qt override
        return bool(self.file.text().strip()) and self.path().is_file()

    def _browse(self) -> None:
        start = str(self.path().parent if self.file.text().strip() else Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a packet"),
            start,
            self.tr("Dataroom packets (*{suffix});;All files (*)").format(suffix=PACKET_SUFFIX),
        )
        if chosen:
            self.file.setText(chosen)


class CheckPage(Retranslating, QWizardPage):
    """The verification result in words; a refused packet cannot go on."""

    def __init__(self, owner: ImportPacketWizard) -> None:
        super().__init__()
        self._owner = owner
        self._task: worker.Task | None = None
        self._error = ""
        self.verdict = Badge()
        self.verdict.setWordWrap(True)
        self.problems_caption = label("section")
        self.problems = label("error", wrap=True)
        self.details_caption = label("section")
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        layout = QVBoxLayout(self)
        layout.addWidget(self.busy)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems_caption)
        layout.addWidget(self.problems)
        layout.addWidget(self.details_caption)
        layout.addWidget(self.details, 1)
        layout.addStretch(0)  # takes the space when a refused packet has no details to show
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Is the packet authentic?"))
        self.setSubTitle(self.tr("Checked without decrypting anything: sender, signature, recipient, NDA, contents."))
        self.problems_caption.setText(self.tr("What is wrong"))
        self.details_caption.setText(self.tr("What the packet says"))
        self._show()

    def initializePage(self) -> None:  # Qt override
        owner = self._owner
        owner.inspection = None
        session, path = owner.session, owner.file_page.path()

        def job(progress: Any, cancel: Any) -> tuple[Inspection, list[str]]:
            checked = transfer_flows.inspect_packet(session, path)
            return checked, [d.name for d in dataset_flows.list_datasets(session)]

        self._task = task = worker.Task(job)
        task.succeeded.connect(lambda result: self._checked(task, result))
        task.failed.connect(lambda err: self._failed(task, err))
        self._error = ""
        self._show()
        task.start()

    def cleanupPage(self) -> None:  # Qt override: Back to the file page
        self._task = None
        self._owner.inspection = None

    def _checked(self, task: worker.Task, result: tuple[Inspection, list[str]]) -> None:
        if task is not self._task:  # the user went back and chose again meanwhile
            return
        self._task = None
        self._owner.inspection, names = result
        self._owner.existing = {n.casefold() for n in names}
        self._show()
        self.completeChanged.emit()

    def _failed(self, task: worker.Task, err: BaseException) -> None:
        if task is not self._task:
            return
        self._task = None
        self._error = messages.error_text(err)
        self._show()

    def _show(self) -> None:
        checked = self._owner.inspection
        running = self._task is not None
        self.busy.setVisible(running)
        if running:
            self.verdict.set_state("info", self.tr("Checking the packet…"))
        elif checked is None:
            self.verdict.set_state("bad", self.tr("The packet could not be checked. Nothing was imported."))
        elif checked.ok:
            self.verdict.set_state("ok", self.tr("Authentic: signed by a sender you confirmed, made for you, intact."))
        else:
            self.verdict.set_state("bad", self.tr("Refused: this packet cannot be imported. Nothing was decrypted."))
        wrong = [messages.error_text(p) for p in checked.problems] if checked is not None else []
        if self._error:
            wrong.append(self._error)
        self.problems_caption.setVisible(bool(wrong))
        self.problems.setVisible(bool(wrong))
        self.problems.setText("\n".join(f"• {w}" for w in wrong))
        shown = checked is not None and checked.manifest is not None
        self.details_caption.setVisible(shown)
        self.details.setVisible(shown)
        # What the signed manifest declares, in the user's language (the CLI prints the same facts in English).
        self.details.setPlainText("\n".join(packet_facts(checked)) if checked is not None else "")

    def isComplete(self) -> bool:  # Qt override
        return self._owner.inspection is not None and self._owner.inspection.ok

    def validatePage(self) -> bool:  # Qt override: a refused packet cannot go on, not even programmatically
        return self.isComplete()


class NamePage(Retranslating, QWizardPage):
    """The name of the new dataset."""

    def __init__(self, owner: ImportPacketWizard) -> None:
        super().__init__()
        self._owner = owner
        self.name = QLineEdit()
        self.name.textChanged.connect(self._validate)
        self.what = label("", wrap=True)
        self.problem = label("error", wrap=True)
        self.caption = label()
        self.form = QFormLayout()
        self.form.addRow(self.caption, self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(self.form)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Name the dataset"))
        self.setSubTitle(self.tr("The packet becomes a new dataset in this vault; it keeps where it came from."))
        self.caption.setText(self.tr("Dataset name"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("Import"))
        self._describe()
        self._validate()

    def initializePage(self) -> None:  # Qt override
        checked = self._owner.inspection
        assert checked is not None and checked.manifest is not None
        self.name.setText(_free_name(checked.manifest.dataset, self._owner.existing))
        self._describe()

    def _describe(self) -> None:
        checked = self._owner.inspection
        if checked is None or checked.manifest is None:
            return
        m = checked.manifest
        self.what.setText(
            self.tr("{rows} rows × {columns} columns from {sender}, under NDA {nda}.").format(
                rows=f"{m.rows:,}", columns=len(m.columns), sender=m.sender["organisation"], nda=m.nda_id
            )
        )

    def problem_text(self) -> str:
        name = self.name.text().strip()
        if not name:
            return self.tr("Give the dataset a name.")
        try:
            check_name(name)
        except DataroomError as exc:
            return messages.error_text(exc)
        if name.casefold() in self._owner.existing:
            return self.tr("There is already a dataset with this name; choose another.")
        return ""

    def _validate(self) -> None:
        self.problem.setText(self.problem_text())
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # Qt override
        return not self.problem_text()

    def validatePage(self) -> bool:  # Qt override
        return self.isComplete()


class ImportPage(Retranslating, QWizardPage):
    """Decrypts and imports on the worker, with progress; Cancel (or Back) stops it and nothing is kept."""

    def __init__(self, owner: ImportPacketWizard) -> None:
        super().__init__()
        self._owner = owner
        self.task: worker.Task | None = None
        self.status = label("", wrap=True)
        self.progress = QProgressBar()
        self.cancel = QPushButton()
        self.cancel.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addStretch(1)
        self._state = "idle"
        self._error = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.setSubTitle(self.tr("Decrypting the packet and checking every row against the signed manifest."))
        self.cancel.setText(self.tr("Cancel import"))
        self._show()

    def initializePage(self) -> None:  # Qt override
        owner = self._owner
        owner.received = None
        session, path, name = owner.session, owner.file_page.path(), owner.name_page.name.text().strip()

        def job(progress: Any, cancel: Any) -> Received:
            return transfer_flows.import_packet(session, path, name=name, progress=progress, cancel=cancel)

        self.progress.setRange(0, 0)
        self._state, self._error = "running", ""
        self.task = task = worker.Task(job)
        task.progressed.connect(lambda done, total: self._progressed(task, done, total))
        task.succeeded.connect(lambda got: self._succeeded(task, got))
        task.failed.connect(lambda err: self._failed(task, err))
        self._show()
        task.start()

    def cleanupPage(self) -> None:  # Qt override: Back, which also stops a running import
        self.stop()
        self.task = None
        self._state = "idle"
        self._show()

    def stop(self) -> None:
        """Ask the running import to stop; it rolls back and reports ``Cancelled``."""
        if self.task is not None:
            self.task.cancel()
            self._state = "cancelling"
            self._show()

    def running(self) -> bool:
        return self.task is not None

    def _progressed(self, task: worker.Task, done: int, total: int) -> None:
        if task is self.task and total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(min(done, total))

    def _succeeded(self, task: worker.Task, got: Received) -> None:
        self._owner.imported.emit(got)  # the dataset exists, whatever the wizard shows now
        if task is not self.task:
            return
        self.task = None
        self._owner.received = got
        self._state = "done"
        self._show()
        self.completeChanged.emit()
        if self._owner.currentPage() is self:
            self._owner.next()

    def _failed(self, task: worker.Task, err: BaseException) -> None:
        if task is not self.task:
            return
        self.task = None
        self._state = "failed"
        self._error = (
            self.tr("The import was cancelled; nothing was imported.")
            if isinstance(err, Cancelled)
            else messages.error_text(err)
        )
        self._show()
        self.completeChanged.emit()

    def _show(self) -> None:
        texts = {
            "idle": "",
            "running": self.tr("Importing…"),
            "cancelling": self.tr("Cancelling…"),
            "done": self.tr("Imported."),
            "failed": self._error,
        }
        self.status.setText(texts[self._state])
        self.status.setProperty("role", "error" if self._state == "failed" else "")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.cancel.setEnabled(self._state == "running")
        self.progress.setVisible(self._state in ("running", "cancelling"))

    def isComplete(self) -> bool:  # Qt override
        return self._owner.received is not None


class DonePage(Retranslating, QWizardPage):
    """What was imported, and the offer to counter-sign the sender's receipt now."""

    def __init__(self, owner: ImportPacketWizard) -> None:
        super().__init__()
        self._owner = owner
        self.summary = label("", wrap=True)
        self.countersign = QCheckBox()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addSpacing(8)
        layout.addWidget(self.countersign)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Packet received"))
        self.setSubTitle(self.tr("The dataset is in the vault, and the packet is recorded as received."))
        self.countersign.setText(self.tr("Counter-sign the sender's receipt for this packet now"))
        self._describe()

    def initializePage(self) -> None:  # Qt override
        self._describe()

    def _describe(self) -> None:
        got = self._owner.received
        if got is None:
            return
        m = got.manifest
        self.summary.setText(
            self.tr(
                "Imported “{name}”: {rows} rows × {columns} columns from {sender} ({kind}), packet {packet}. "
                "The sender signs a receipt for it; counter-signing that receipt tells them you received exactly "
                "this."
            ).format(
                name=got.info.name,
                rows=f"{got.info.row_count:,}",
                columns=len(got.info.columns),
                sender=m.sender["organisation"],
                kind=self.tr("full data") if m.full else self.tr("redacted"),
                packet=m.packet_id,
            )
        )


class ImportPacketWizard(Retranslating, QWizard):
    """Receive a packet into the vault of ``session``; ``path`` pre-fills the file (double-click, drop).

    Signals: :attr:`imported` with the :class:`~dataroom.core.transfer.receiving.Received` as soon as the
    dataset exists; :attr:`countersign_requested` with the packet id when the user finishes with "counter-sign
    now" ticked (also readable afterwards as :attr:`countersign_now`).
    """

    imported = Signal(object)
    countersign_requested = Signal(str)

    def __init__(self, session: Session, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.inspection: Inspection | None = None
        self.existing: set[str] = set()
        self.received: Received | None = None
        self.file_page = FilePage(path)
        self.check_page = CheckPage(self)
        self.name_page = NamePage(self)
        self.import_page = ImportPage(self)
        self.done_page = DonePage(self)
        for page_id, page in (
            (FILE, self.file_page),
            (CHECK, self.check_page),
            (NAME, self.name_page),
            (IMPORT, self.import_page),
            (DONE, self.done_page),
        ):
            self.setPage(page_id, page)
        if path is not None and Path(path).is_file():
            self.setStartId(CHECK)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setMinimumSize(640, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Receive a packet"))

    @property
    def countersign_now(self) -> bool:
        """Whether the user asked to counter-sign the sender's receipt right after the import."""
        return self.received is not None and self.done_page.countersign.isChecked()

    def accept(self) -> None:  # Qt override
        super().accept()
        if self.countersign_now and self.received is not None:
            self.countersign_requested.emit(self.received.manifest.packet_id)

    def reject(self) -> None:  # Qt override: Cancel, Escape, the close button
        # A running import is asked to stop; its transaction rolls back, so nothing half-imported stays.
        self.import_page.stop()
        super().reject()
