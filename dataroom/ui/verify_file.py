"""Showing whether a file given to the app (a packet, receipt, certificate, card or audit export) is authentic.

Used for ``dataroom-app FILE``, which is how the desktop opens Dataroom files by double-click (the ``.desktop``
entry passes the file). The check runs on the worker — a packet may be hundreds of megabytes to hash — and
needs no unlocked vault: trust is then "signature valid, signer not confirmed by you".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from dataroom.core.flows import verify as verify_flows
from dataroom.ui import messages, worker


def verify_in_background(path: Path, parent: QWidget | None = None) -> worker.Task:
    """Start verifying ``path``; a message box says the verdict in words when it is known."""
    # Owned by the window, or by the application when there is none yet, so it lives until it reports.
    owner = parent if parent is not None else QCoreApplication.instance()
    task = worker.run(lambda progress, cancel: verify_flows.verify_file(Path(path)), owner)

    def show(report: verify_flows.VerifyReport) -> None:
        lines = report.describe()
        title = QCoreApplication.translate("VerifyFile", "Verify a file")
        messages.show_message(parent, lines[0], details="\n".join(lines[1:]), warning=not report.authentic, title=title)

    task.succeeded.connect(show)
    task.failed.connect(lambda err: messages.show_error(parent, err))
    return task
