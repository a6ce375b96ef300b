"""The verification panel: a non-modal window that says in words whether one file is authentic.

It shows the verdict of :func:`dataroom.core.flows.verify.verify_file` from its structured fields: a badge and a
sentence for the verdict, then who signed, what the file covers, what is wrong and any notes. The check runs on
the worker (a packet may be hundreds of megabytes to hash). With an unlocked vault whose user may view documents,
signers are checked against the cards confirmed in it (and the check is audited); otherwise against the keys the
file itself carries. Another file dropped on the panel, or chosen with its button, is verified in its place.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.flows import verify as verify_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission
from dataroom.ui import messages, worker
from dataroom.ui.widgets import Badge, Retranslating, label

#: The kinds :func:`~dataroom.core.flows.verify.verify_file` names, as the panel shows them.
_KINDS = {
    "transfer packet": QT_TRANSLATE_NOOP("VerifyPanel", "Transfer packet"),
    "transfer receipt": QT_TRANSLATE_NOOP("VerifyPanel", "Transfer receipt"),
    "certificate of destruction": QT_TRANSLATE_NOOP("VerifyPanel", "Certificate of destruction"),
    "identity card": QT_TRANSLATE_NOOP("VerifyPanel", "Identity card"),
    "audit export": QT_TRANSLATE_NOOP("VerifyPanel", "Audit log export"),
    "NDA file": QT_TRANSLATE_NOOP("VerifyPanel", "NDA file"),
    "signed PDF": QT_TRANSLATE_NOOP("VerifyPanel", "Signed PDF"),
    "PDF": QT_TRANSLATE_NOOP("VerifyPanel", "PDF"),
    "unknown": QT_TRANSLATE_NOOP("VerifyPanel", "Unknown kind of file"),
}


def dropped_files(mime: QMimeData) -> list[Path]:
    """The local files in a drag (links to web pages and dragged text are not files to verify)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and Path(url.toLocalFile()).is_file()]


def ask_for_file(parent: QWidget | None, start: Path | None = None) -> Path | None:
    """A file chosen by the user to verify, or ``None`` when they cancel."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("VerifyPanel", "Verify a file"),
        str(start or Path.home()),
        QCoreApplication.translate(
            "VerifyPanel", "Dataroom files (*.drpkt *.pdf *.drcard *.jsonl *.drnda);;All files (*)"
        ),
    )
    return Path(path) if path else None


def usable_session(session: Session | None) -> Session | None:
    """``session`` when its vault is open and its user may see documents; else the check runs without a vault."""
    if session is None or not session.vault.is_open or not session.can(Permission.VIEW_REDACTED):
        return None
    return session


class VerifyPanel(Retranslating, QDialog):
    """One file's verdict. :attr:`report` is the last answer (``None`` while checking or after an error)."""

    #: Emitted with the :class:`~dataroom.core.flows.verify.VerifyReport` once a check is done.
    verified = Signal(object)

    def __init__(self, parent: QWidget | None = None, session: Session | None = None) -> None:
        super().__init__(parent)
        self.setModal(False)
        self.setAcceptDrops(True)
        self.setMinimumWidth(560)
        self._session = session
        self.path: Path | None = None
        self.report: verify_flows.VerifyReport | None = None
        self.error = ""
        self.task: worker.Task | None = None
        self._jobs: set[worker.Task] = set()
        self._closed = False

        self.file_name = label("title")
        self.file_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = label("muted")
        self.badge = Badge()
        self.verdict = label("", wrap=True)
        verdict_row = QHBoxLayout()
        verdict_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        verdict_row.addWidget(self.verdict, 1)

        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(self.file_name)
        layout.addWidget(self.kind)
        layout.addLayout(verdict_row)
        for key in ("problems", "signers", "covers", "notes"):
            heading = label("section")
            body = label("error" if key == "problems" else "", wrap=True)
            body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.sections[key] = (heading, body)
            layout.addWidget(heading)
            layout.addWidget(body)
        layout.addStretch(1)
        self.hint = label("muted", wrap=True)
        layout.addWidget(self.hint)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.another = QPushButton()
        self.buttons.addButton(self.another, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.another.clicked.connect(self.choose_file)
        layout.addWidget(self.buttons)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Verify a file"))
        self.another.setText(self.tr("Verify another file…"))
        self.hint.setText(self.tr("Drop another file here to verify it."))
        titles = {
            "problems": self.tr("What is wrong"),
            "signers": self.tr("Signed by"),
            "covers": self.tr("What it covers"),
            "notes": self.tr("Notes"),
        }
        for key, (heading, _body) in self.sections.items():
            heading.setText(titles[key])
        self._show()

    def _show(self) -> None:
        report = self.report
        self.file_name.setText(self.path.name if self.path is not None else "")
        for heading, body in self.sections.values():
            heading.hide()
            body.hide()
        if self.error:
            self.kind.setText("")
            self.badge.set_state("bad", self.tr("Cannot check"))
            self.verdict.setText(self.error)
            return
        if report is None:
            self.kind.setText("")
            self.badge.set_state("info", self.tr("Checking…"))
            self.verdict.setText(self.tr("The file is being checked."))
            return
        self.kind.setText(QCoreApplication.translate("VerifyPanel", str(_KINDS.get(report.kind, report.kind))))
        state, badge, sentence = self._verdict(report)
        self.badge.set_state(state, badge)
        self.verdict.setText(sentence)
        for key in self.sections:
            lines: list[str] = getattr(report, key)
            heading, body = self.sections[key]
            if lines:
                body.setText("\n".join(f"• {line}" for line in lines))
                heading.show()
                body.show()

    def _verdict(self, report: verify_flows.VerifyReport) -> tuple[str, str, str]:
        """``(badge kind, badge text, sentence)`` for ``report``."""
        if report.kind == "unknown":
            return (
                "bad",
                self.tr("Not a Dataroom file"),
                self.tr(
                    "Dataroom does not know this kind of file. It verifies transfer packets, receipts, certificates of "
                    "destruction, identity cards, audit log exports and NDA files."
                ),
            )
        if report.authentic and report.trust == verify_flows.CONFIRMED:
            return (
                "ok",
                self.tr("Authentic"),
                self.tr("Authentic: every check passed and the signer is a party you have confirmed in this vault."),
            )
        if report.authentic and report.trust == verify_flows.UNSIGNED:
            return (
                "ok",
                self.tr("Intact"),
                self.tr(
                    "Intact: its hash chain is complete and unchanged. It carries no signature, so it does not prove "
                    "by itself whose log it is."
                ),
            )
        if report.authentic:
            return (
                "warn",
                self.tr("Signature valid"),
                self.tr(
                    "The signature is valid and the file is unchanged, but you have not confirmed the signer: compare "
                    "the fingerprint with the party (by phone or in person) before trusting it."
                ),
            )
        if not report.problems:
            return (
                "warn",
                self.tr("Not checked"),
                self.tr("This file can only be checked against the parties' cards: unlock a vault that holds them."),
            )
        return (
            "bad",
            self.tr("NOT authentic"),
            self.tr(
                "Do not trust this file: it was changed, damaged or signed by someone else. See what is wrong below."
            ),
        )

    # --- checking ----------------------------------------------------------------------------------------------
    def verify(self, path: Path) -> worker.Task:
        """Check ``path`` on the worker; the panel shows "Checking…" until the verdict arrives."""
        self.path, self.report, self.error = Path(path), None, ""
        self._show()
        session = usable_session(self._session)
        task = worker.run(lambda _p, _c: verify_flows.verify_file(Path(path), session), self)
        self.task = task

        def done(report: verify_flows.VerifyReport) -> None:
            if task is self.task:  # a later file replaced this one meanwhile
                self.report = report
                self._show()
                self.verified.emit(report)

        def failed(err: BaseException) -> None:
            if task is self.task:
                self.error = messages.error_text(err)
                self._show()

        def ended() -> None:
            self._jobs.discard(task)
            self._dispose_when_idle()

        self._jobs.add(task)
        task.succeeded.connect(done)
        task.failed.connect(failed)
        task.finished.connect(ended)
        return task

    def choose_file(self) -> None:
        path = ask_for_file(self, self.path.parent if self.path is not None else None)
        if path is not None:
            self.verify(path)

    # --- drag and drop -----------------------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # Qt override
        if dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # Qt override
        files = dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.verify(files[0])
            for extra in files[1:]:
                open_panel(extra, self.parentWidget(), self._session)

    # --- closing -----------------------------------------------------------------------------------------------
    def done(self, result: int) -> None:  # Qt override: Close, Escape and the title bar's button end here
        super().done(result)
        self._closed = True
        self._dispose_when_idle()

    def _dispose_when_idle(self) -> None:
        # A check cannot be stopped midway, and its task belongs to this panel: delete the panel only after it ends.
        if self._closed and not self._jobs:
            self.deleteLater()


#: Panels without a parent window: Python would delete them as soon as the caller's frame ends.
_parentless: set[VerifyPanel] = set()


def open_panel(path: Path, parent: QWidget | None = None, session: Session | None = None) -> VerifyPanel:
    """Show a new panel and start verifying ``path`` in it."""
    panel = VerifyPanel(parent, session)
    if parent is None:
        _parentless.add(panel)
        panel.destroyed.connect(lambda _obj=None: _parentless.discard(panel))
    panel.show()
    panel.verify(path)
    return panel
