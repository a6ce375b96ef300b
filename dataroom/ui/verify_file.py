"""Ways into the verification panel: a file given to the app, dropped on the window, or chosen with File → Verify.

``dataroom-app FILE`` is how the desktop opens Dataroom files by double-click (the ``.desktop`` entry passes the
file). Every way opens a :class:`~dataroom.ui.verify_panel.VerifyPanel`, which checks the file on the worker and
says in words whether it is authentic; with an unlocked vault, against the cards confirmed in it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from dataroom.core.session import Session
from dataroom.ui.verify_panel import VerifyPanel, ask_for_file, dropped_files, open_panel

__all__ = ["choose_and_verify", "dropped_files", "verify_in_background", "verify_paths"]


def verify_in_background(path: Path, parent: QWidget | None = None, session: Session | None = None) -> VerifyPanel:
    """Open a panel and start verifying ``path``; the verdict appears in it when it is known."""
    return open_panel(Path(path), parent, session)


def verify_paths(paths: list[Path], parent: QWidget | None = None, session: Session | None = None) -> list[VerifyPanel]:
    """One panel per file (several dropped files are compared side by side)."""
    return [open_panel(path, parent, session) for path in paths]


def choose_and_verify(parent: QWidget | None = None, session: Session | None = None) -> VerifyPanel | None:
    """Ask for a file, then verify it (``None`` when the user cancels)."""
    path = ask_for_file(parent)
    return open_panel(path, parent, session) if path is not None else None
