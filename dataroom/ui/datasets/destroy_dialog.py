"""Destroying a dataset from the GUI: a confirmation that names exactly what goes, then the certificate.

The confirmation lists what :func:`dataroom.core.flows.lifecycle.destruction_preview` reports — the dataset and its
rows, where it came from, the NDA it was received under, the packet files the vault knows of — and the Destroy
button stays disabled until the dataset's name is typed. :func:`dataroom.core.flows.transfer.destroy_dataset` then
runs on the worker behind a progress dialog; a certificate of destruction (received data) is checked with
``show_certificate`` and shown with its path and a button to open its folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dataroom.core.cancel import CancelToken, Progress
from dataroom.core.flows import lifecycle, transfer
from dataroom.core.flows.lifecycle import DestroyPreview
from dataroom.core.flows.transfer import DestroyResult
from dataroom.core.session import Session
from dataroom.core.transfer.destruction import CertificateCheck
from dataroom.ui import messages
from dataroom.ui.busy import run_busy
from dataroom.ui.pages.audit_model import local_time
from dataroom.ui.widgets import Badge, Retranslating, label


@dataclass(frozen=True)
class Destroyed:
    """What the worker hands back: the destruction, and the check of its certificate (received data only)."""

    result: DestroyResult
    check: CertificateCheck | None


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-") or "dataset"


class DestroyDialog(Retranslating, QDialog):
    """Confirm, destroy, then show the outcome. ``destroyed`` carries the dataset name once it is gone."""

    destroyed = Signal(str)

    def __init__(self, session: Session, preview: DestroyPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.preview = preview
        self.outcome: Destroyed | None = None
        self.badge = Badge()
        self.summary = label("", wrap=True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder = QLineEdit(str(Path.home()))
        self.browse = QPushButton()
        self.browse.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.browse)
        self.typed = QLineEdit()
        self.form = QFormLayout()
        self.folder_caption, self.typed_caption = label(), label()
        self.form.addRow(self.folder_caption, folder_row)
        self.form.addRow(self.typed_caption, self.typed)
        self.form.setRowVisible(0, preview.certificate)
        # the outcome, shown once the destruction is done
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.destroy_button = QPushButton()
        self.destroy_button.setProperty("danger", True)
        self.destroy_button.setAutoDefault(False)  # Enter in the name field must not destroy: only a click does
        self.buttons.addButton(self.destroy_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_folder_button = QPushButton()
        self.buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_folder_button.hide()  # after addButton, which shows it
        self.buttons.rejected.connect(self.reject)
        self.destroy_button.clicked.connect(self.destroy_now)
        self.open_folder_button.clicked.connect(self.open_folder)
        self.typed.textChanged.connect(self._update)
        self.folder.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addLayout(self.form)
        layout.addWidget(self.details, 100)
        layout.addStretch(1)  # takes the extra height while the details are hidden (before destroying)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(600)
        self.retranslate()

    # --- texts -------------------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        name = self.preview.dataset
        self.setWindowTitle(self.tr("Destroy {name}").format(name=name))
        self.browse.setText(self.tr("Browse…"))
        self.folder_caption.setText(self.tr("Save the certificate in"))
        self.typed_caption.setText(self.tr("Type “{name}” to confirm").format(name=name))
        self.destroy_button.setText(self.tr("Destroy for good"))
        self.open_folder_button.setText(self.tr("Open folder"))
        if self.outcome is None:
            self.badge.set_state("bad", self.tr("Cannot be undone"))
            self.summary.setText(self.confirmation_text())
        else:
            self._show_outcome()
        self._update()

    def confirmation_text(self) -> str:
        """Every item the destruction removes or writes, in words."""
        p = self.preview
        lines = [
            self.tr("This destroys, for good:"),
            self.tr("• the dataset “{name}”: {rows} rows × {columns} columns").format(
                name=p.dataset, rows=f"{p.rows:,}", columns=p.columns
            ),
            self.tr("• imported from {source} ({kind}) by {user} on {time}").format(
                source=p.source_name, kind=p.source_kind, user=p.imported_by, time=local_time(p.imported_at)[:16]
            ),
        ]
        if p.retention is not None:
            lines.append(self.tr("• its retention limit (kept until {day})").format(day=p.retention.keep_until))
        for packet in p.packets:
            state = self.tr("will be overwritten and removed") if packet.present else self.tr("already gone")
            lines.append(self.tr("• packet file {path} ({state})").format(path=packet.path, state=state))
        lines.append("")
        if p.nda_id is not None:
            received = self.tr("The dataset was received under NDA {id} “{title}”.")
            lines.append(received.format(id=p.nda_id, title=p.nda_title or ""))
        lines.append(self.tr("Its rows are deleted from the vault and the vault file is rewritten without them."))
        if p.certificate:
            lines.append(
                self.tr(
                    "A signed certificate of destruction is written for the party that sent the data; send it to them."
                )
            )
        return "\n".join(lines)

    # --- confirm and destroy -----------------------------------------------------------------------------------
    def certificate_path(self) -> Path:
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        return Path(self.folder.text().strip()).expanduser() / f"destruction-{_safe(self.preview.dataset)}-{stamp}.pdf"

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Save the certificate in"), self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def _update(self) -> None:
        folder_ok = not self.preview.certificate or Path(self.folder.text().strip()).expanduser().is_dir()
        self.destroy_button.setEnabled(
            self.outcome is None and self.typed.text().strip() == self.preview.dataset and folder_ok
        )

    def destroy_now(self) -> None:
        """Run the destruction on the worker (only once the typed name matches)."""
        if not self.destroy_button.isEnabled():
            return
        session, name = self._session, self.preview.dataset
        out = self.certificate_path() if self.preview.certificate else None

        def job(_progress: Progress, _cancel: CancelToken) -> Destroyed:
            result = transfer.destroy_dataset(session, name, out=out)
            check = transfer.show_certificate(result.certificate.path, session) if result.certificate else None
            return Destroyed(result, check)

        self.destroy_button.setEnabled(False)
        run_busy(self, self.tr("Destroying {name}…").format(name=name), job, self._finished,
                 on_error=self._failed)  # fmt: skip

    def _failed(self, err: BaseException) -> None:
        self._update()
        messages.show_error(self, err)

    def _finished(self, outcome: Destroyed) -> None:
        self.outcome = outcome
        self._show_outcome()
        self.destroyed.emit(outcome.result.dataset)

    def _show_outcome(self) -> None:
        assert self.outcome is not None
        result, check = self.outcome.result, self.outcome.check
        self.form.setRowVisible(0, False)
        self.form.setRowVisible(1, False)
        self.destroy_button.hide()
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
        self.badge.set_state("ok", self.tr("Destroyed"))
        text = self.tr("“{name}” and its {rows} rows were destroyed.").format(
            name=result.dataset, rows=f"{result.rows:,}"
        )
        if result.certificate is not None:
            verdict = (
                self.tr("The certificate checks out (signed by this vault's key).")
                if check is not None and check.ok
                else self.tr("The certificate did not pass its own check; keep it and look at the details below.")
            )
            text += "\n\n" + self.tr("Certificate of destruction {id}:\n{path}\n{verdict}").format(
                id=result.certificate.reference, path=result.certificate.path, verdict=verdict
            )
            text += "\n" + self.tr("Send it to the party that sent the data; they record it on their side.")
        self.summary.setText(text)
        lines = list(result.method)
        if check is not None:
            lines += ["", *check.describe()]
        self.details.setPlainText("\n".join(lines))
        self.details.show()
        self.open_folder_button.setVisible(result.certificate is not None)

    def open_folder(self) -> None:
        """Show the certificate's folder in the system file manager."""
        if self.outcome is not None and self.outcome.result.certificate is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.outcome.result.certificate.path.parent)))


def open_destroy_dialog(session: Session, dataset: str, parent: QWidget | None = None) -> DestroyDialog:
    """Build the confirmation for ``dataset`` (the preview is a quick read; a refusal raises before anything shows)."""
    return DestroyDialog(session, lifecycle.destruction_preview(session, dataset), parent)
