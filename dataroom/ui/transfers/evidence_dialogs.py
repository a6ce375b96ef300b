"""After a transfer: trace a table found outside back to the recipient whose packet it came from, and record the
certificate of destruction a recipient sends back. Both run their flow on the worker and answer in a message box
whose details hold the core's evidence lines."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows.destruction import DestructionRecord
from dataroom.core.session import Session
from dataroom.core.transfer.trace import TraceReport
from dataroom.ui import busy, messages, worker


def trace_verdict(report: TraceReport) -> str:
    """One sentence for the user: whose packet the file came from, or that none of ours matches."""
    names = list(dict.fromkeys(m.recipient for m in report.matches))  # strongest evidence first
    if not names:
        text = QCoreApplication.translate(
            "EvidenceDialogs",
            "{file} matches no packet sent from this vault: no canary row and no recipient's token was found.",
        )
    elif len(names) == 1:
        text = QCoreApplication.translate("EvidenceDialogs", "{file} comes from a packet sent to {recipients}.")
    else:
        text = QCoreApplication.translate(
            "EvidenceDialogs",
            "{file} matches packets sent to several recipients (strongest evidence first): {recipients}.",
        )
    return text.format(file=report.path.name, recipients="; ".join(names))


def _choose(parent: QWidget | None, title: str, filters: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()), filters)
    return Path(chosen) if chosen else None


def trace_interactive(parent: QWidget | None, session: Session, path: Path | None = None) -> worker.Task | None:
    """Ask for a CSV/XLSX found outside (or take ``path``), trace it on the worker (cancellable), then show whose
    packet it came from with the evidence. ``None`` if the user chose no file."""
    path = path or _choose(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Choose the leaked table"),
        QCoreApplication.translate("EvidenceDialogs", "Tables (*.csv *.txt *.xlsx *.xlsm)"),
    )
    if path is None:
        return None
    found: Path = path

    def done(report: TraceReport) -> None:
        messages.show_message(
            parent, trace_verdict(report), details="\n".join(report.describe()), warning=bool(report.matches),
            title=QCoreApplication.translate("EvidenceDialogs", "Leak trace"),
        )  # fmt: skip

    return busy.run_busy(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Looking for canary rows and pseudonym tokens…"),
        lambda progress, cancel: transfer_flows.trace_file(session, found, progress=progress, cancel=cancel),
        done,
        cancellable=True,
    )


def record_destruction_interactive(
    parent: QWidget | None, session: Session, path: Path | None = None
) -> worker.Task | None:
    """Ask for the certificate of destruction a recipient sent (or take ``path``), check and record it on the
    worker, then say whether the NDA's destruction duty is now fulfilled. ``None`` if the user chose no file."""
    path = path or _choose(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Choose the certificate of destruction"),
        QCoreApplication.translate("EvidenceDialogs", "PDF documents (*.pdf)"),
    )
    if path is None:
        return None
    certificate: Path = path

    def done(record: DestructionRecord) -> None:
        if record.discharged:
            text = QCoreApplication.translate(
                "EvidenceDialogs", "Certificate recorded: the NDA's destruction duty is fulfilled."
            )
        elif record.outstanding:
            text = QCoreApplication.translate(
                "EvidenceDialogs", "Certificate recorded. Packets still awaiting a certificate: {packets}."
            ).format(packets=", ".join(record.outstanding))
        else:
            text = QCoreApplication.translate("EvidenceDialogs", "Certificate recorded.")
        messages.show_message(
            parent, text, details="\n".join(record.check.describe()),
            title=QCoreApplication.translate("EvidenceDialogs", "Certificate of destruction"),
        )  # fmt: skip

    return busy.run_busy(
        parent,
        QCoreApplication.translate("EvidenceDialogs", "Checking the certificate…"),
        lambda progress, cancel: transfer_flows.record_destruction(session, certificate),
        done,
    )
