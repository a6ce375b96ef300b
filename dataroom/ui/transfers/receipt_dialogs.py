"""Transfer receipts in the desktop app: issue one, look at one, counter-sign one, record one.

The receipt's life: the sender issues it for a packet they sent (:func:`make_receipt_interactive`); the recipient
checks and counter-signs it after the import (:func:`countersign_interactive`); the sender checks the
counter-signed copy and records it as the recipient's acknowledgement (:func:`record_interactive`). Anyone can
look at one (:func:`view_receipt`). Every step is a core flow (audited there) run on the worker; errors are
shown in words.

The viewer shows the PDF's pages as images, so the per-recipient watermark is visible, beside the result of
:func:`~dataroom.core.flows.transfer.show_receipt`: which signatures there are, who made them, what the receipt
covers, valid or not. Pages are rendered by poppler's ``pdftoppm`` (see :mod:`dataroom.ui.deal.nda_preview` for
why), one page at a time to its standard output, so no image of the receipt is ever written to disk.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.session import Session
from dataroom.core.transfer.receipts import ReceiptCheck
from dataroom.ui import busy, messages, worker
from dataroom.ui.deal.nda_preview import DPI, PDFTOPPM_TIMEOUT_S, Preview, PreviewPane, pdftoppm
from dataroom.ui.widgets import Badge, Retranslating, label

#: A receipt has a few pages; a PDF with more is shown only up to here (the check still covers all of it).
MAX_PAGES = 40


def render_pages(path: Path, *, use_pdftoppm: bool = True) -> Preview:
    """Worker job: the PDF's pages as images (empty when ``pdftoppm`` is missing or cannot read the file)."""
    tool = pdftoppm() if use_pdftoppm else None
    if tool is None:
        return Preview()
    pages: list[QImage] = []
    for number in range(1, MAX_PAGES + 1):
        try:
            done = subprocess.run(  # fixed tool; the arguments are our own numbers and the user's chosen file
                [tool, "-r", str(DPI), "-png", "-f", str(number), "-l", str(number), "-singlefile", str(path)],
                capture_output=True,
                timeout=PDFTOPPM_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError):
            break
        if done.returncode != 0 or not done.stdout:  # past the last page (or unreadable)
            break
        image = QImage.fromData(done.stdout, "PNG")
        if image.isNull():
            break
        pages.append(image)
    return Preview(pages=pages)


def verdict(check: ReceiptCheck) -> tuple[str, str]:
    """Badge look and headline for a receipt check, in the words ``dataroom verify`` uses."""
    if not check.ok:
        return "bad", QCoreApplication.translate(
            "ReceiptDialogs",
            "NOT VALID: this receipt was changed after signing, or is not signed by the parties it names.",
        )
    if check.confirmed:
        return "ok", QCoreApplication.translate(
            "ReceiptDialogs", "AUTHENTIC: every signature is by a card you confirmed, or by this vault."
        )
    return "warn", QCoreApplication.translate("ReceiptDialogs", "Signatures valid, signer not confirmed by you.")


class ReceiptViewer(Retranslating, QDialog):
    """A receipt's pages beside its check; optionally with the next step (``action`` ``"countersign"`` or
    ``"record"``) as the primary button, enabled only when the check allows it.

    Signals: :attr:`loaded` with the :class:`ReceiptCheck` once the check is known (``None`` if the file could
    not be read); :attr:`acted` with the flow's result after the action succeeded.
    """

    loaded = Signal(object)
    acted = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        session: Session | None,
        *,
        action: str | None = None,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        assert action in (None, "countersign", "record")
        self.path = Path(path)
        self.session = session
        self.action = action
        self.check: ReceiptCheck | None = None
        self.written: Path | None = None
        self._error = ""
        self._status = note
        self.verdict = Badge()
        self.verdict.setWordWrap(True)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.status = label("", wrap=True)
        self.pages = PreviewPane()
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.verdict)
        column.addWidget(self.details, 1)
        column.addWidget(self.status)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.pages)
        split.setStretchFactor(1, 1)
        split.setSizes([380, 620])
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        self.act = QPushButton()
        self.act.setProperty("primary", True)
        self.act.setEnabled(False)
        self.act.clicked.connect(self._act)
        if action is not None:
            self.buttons.addButton(self.act, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout.addLayout(row)
        self.resize(1000, 700)
        self.retranslate()
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Transfer receipt — {file}").format(file=self.path.name))
        self.act.setText(self.tr("Counter-sign…") if self.action == "countersign" else self.tr("Record receipt"))
        self._show()

    # --- loading -----------------------------------------------------------------------------------------------
    def _load(self) -> None:
        path, session = self.path, self.session

        def job(progress: Any, cancel: Any) -> tuple[ReceiptCheck, Preview]:
            return transfer_flows.show_receipt(path, session), render_pages(path)

        task = worker.Task(job)
        task.succeeded.connect(self._loaded)
        task.failed.connect(self._failed)
        task.start()

    def _loaded(self, result: tuple[ReceiptCheck, Preview]) -> None:
        self.check, preview = result
        if preview.pages:
            self.pages.show_preview(preview)
        else:
            self.pages.show_preview(Preview(text=self.tr(
                "The pages cannot be shown here: poppler's pdftoppm is not installed. Open the file in a PDF viewer "
                "to see them; the check on the left covers the whole document."
            )))  # fmt: skip
        self._show()
        self.loaded.emit(self.check)

    def _failed(self, err: BaseException) -> None:
        self._error = messages.error_text(err)
        self._show()
        self.loaded.emit(None)

    def _show(self) -> None:
        if self._error:
            self.verdict.set_state("bad", self._error)
        elif self.check is None:
            self.verdict.set_state("info", self.tr("Checking the signatures…"))
        else:
            self.verdict.set_state(*verdict(self.check))
        # The core's own description (the CLI prints the same): signatures, signers, what the receipt covers.
        self.details.setPlainText("\n".join(self.check.describe()) if self.check is not None else "")
        self.status.setText(self._status)
        self.act.setEnabled(self.action_allowed())

    def action_allowed(self) -> bool:
        """The action fits this receipt: valid, not yet done, and (for counter-signing) not counter-signed yet."""
        check = self.check
        if self.action is None or check is None or not check.ok or self.written is not None:
            return False
        if self.action == "countersign":
            return check.counter is None
        return check.counter is not None

    # --- the action --------------------------------------------------------------------------------------------
    def _act(self) -> None:
        session = self.session
        assert session is not None and self.action_allowed()
        path = self.path
        if self.action == "countersign":
            suggested = path.with_name(f"{path.stem}-countersigned.pdf")
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save the counter-signed receipt"), str(suggested), self.tr("PDF documents (*.pdf)")
            )
            if not chosen:
                return
            out = Path(chosen)
            busy.run_busy(
                self,
                self.tr("Counter-signing the receipt…"),
                lambda progress, cancel: transfer_flows.countersign_receipt(session, path, out=out),
                self._countersigned,
            )
        else:
            busy.run_busy(
                self,
                self.tr("Recording the receipt…"),
                lambda progress, cancel: transfer_flows.record_receipt(session, path),
                self._recorded,
            )

    def _countersigned(self, signed: transfer_flows.SignedDocument) -> None:
        self.written = signed.path
        self._status = self.tr(
            "Counter-signed. Saved as {file}; give this file back to the sender, who records it."
        ).format(file=signed.path)
        self._show()
        self.acted.emit(signed)

    def _recorded(self, result: ReceiptCheck) -> None:
        self.written = self.path
        recipient = result.manifest.recipient["organisation"] if result.manifest is not None else ""
        self._status = self.tr("Recorded: {recipient} acknowledged receiving this packet.").format(recipient=recipient)
        self._show()
        self.acted.emit(result)


#: Viewers opened without a parent window: Python would delete them as soon as the caller's frame ends.
_parentless: set[ReceiptViewer] = set()


def _open_viewer(viewer: ReceiptViewer) -> ReceiptViewer:
    viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if viewer.parent() is None:
        _parentless.add(viewer)
        viewer.finished.connect(lambda _result: _parentless.discard(viewer))
    viewer.setWindowModality(Qt.WindowModality.WindowModal)
    viewer.show()
    return viewer


def choose_receipt(parent: QWidget | None, title: str) -> Path | None:
    """Ask for a receipt PDF; ``None`` if the user cancels."""
    chosen, _ = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), QCoreApplication.translate("ReceiptDialogs", "PDF documents (*.pdf)")
    )
    return Path(chosen) if chosen else None


def view_receipt(
    parent: QWidget | None, path: Path, session: Session | None = None, *, note: str = ""
) -> ReceiptViewer:
    """Show the receipt at ``path``: its pages (watermark included) and its check — against the cards confirmed in
    ``session``'s vault, or with no vault against nobody ("signer not confirmed by you"). Read-only, not audited."""
    return _open_viewer(ReceiptViewer(parent, path, session, note=note))


def make_receipt_interactive(parent: QWidget | None, session: Session, packet_id: str) -> worker.Task | None:
    """Sender side: issue the signed receipt of packet ``packet_id`` (one this vault sent). Asks where to save it,
    signs on the worker, then shows it in the viewer. Returns the running task, or ``None`` if the user cancelled
    the file choice."""
    suggested = Path.home() / f"receipt-{packet_id}.pdf"
    chosen, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("ReceiptDialogs", "Save the transfer receipt"),
        str(suggested),
        QCoreApplication.translate("ReceiptDialogs", "PDF documents (*.pdf)"),
    )
    if not chosen:
        return None
    out = Path(chosen)

    def issued(signed: transfer_flows.SignedDocument) -> None:
        note = QCoreApplication.translate(
            "ReceiptDialogs", "Receipt issued and saved as {file}. Give it to the recipient to counter-sign."
        )
        view_receipt(parent, signed.path, session, note=note.format(file=signed.path))

    return busy.run_busy(
        parent,
        QCoreApplication.translate("ReceiptDialogs", "Signing the receipt…"),
        lambda progress, cancel: transfer_flows.make_receipt(session, packet_id, out=out),
        issued,
    )


def countersign_interactive(parent: QWidget | None, session: Session, path: Path | None = None) -> ReceiptViewer | None:
    """Recipient side: open the sender's receipt (``path``, or one the user chooses), show it with its check, and
    let the user counter-sign it once it checks (the flow refuses a receipt for a packet this vault did not
    import). Returns the viewer (its :attr:`ReceiptViewer.acted` carries the written document), or ``None`` if
    the user chose no file."""
    path = path or choose_receipt(
        parent, QCoreApplication.translate("ReceiptDialogs", "Choose the receipt to counter-sign")
    )
    if path is None:
        return None
    return _open_viewer(ReceiptViewer(parent, path, session, action="countersign"))


def record_interactive(parent: QWidget | None, session: Session, path: Path | None = None) -> ReceiptViewer | None:
    """Sender side: open a counter-signed receipt the recipient returned (``path``, or one the user chooses), show
    it with its check, and let the user record it as the recipient's acknowledgement. Returns the viewer (its
    :attr:`ReceiptViewer.acted` carries the check), or ``None`` if the user chose no file."""
    path = path or choose_receipt(
        parent, QCoreApplication.translate("ReceiptDialogs", "Choose the counter-signed receipt")
    )
    if path is None:
        return None
    return _open_viewer(ReceiptViewer(parent, path, session, action="record"))
