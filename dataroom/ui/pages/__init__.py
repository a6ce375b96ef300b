"""The main window's pages, one module each so each can be replaced on its own as its core arrives.

Every page has ``set_session(session | None)``: ``None`` means locked, and the page must drop whatever it shows.
"""

from __future__ import annotations

from typing import Protocol

from dataroom.core.session import Session


class Page(Protocol):
    def set_session(self, session: Session | None) -> None: ...
