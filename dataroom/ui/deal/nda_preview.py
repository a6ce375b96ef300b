"""In-app preview of an NDA as the PDF the parties sign, page by page.

Why ``pdftoppm``: PySide6-Essentials has no QtPdf, and pypdfium2 would be one more binary dependency to ship and
keep patched for a read-only preview. Poppler's ``pdftoppm`` is present on Linux desktops (poppler-utils), so the
preview renders the real PDF — fonts, layout and all — into PNG pages with a subprocess on the worker, in a
temporary directory that is deleted at once. That is acceptable here because an NDA holds no personal data (names
of the parties' representatives are on the printed card anyway); nothing from a dataset ever goes through this
path. Where ``pdftoppm`` is missing (Windows, macOS without Homebrew poppler), the preview shows the NDA's
structured text instead: the same clauses, from the same signed content.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from dataroom.core.flows import nda as nda_flows
from dataroom.core.session import Session

#: Resolution of the page images: readable on a laptop screen without scrolling sideways.
DPI = 80
PDFTOPPM_TIMEOUT_S = 60


@dataclass
class Preview:
    """Page images when the PDF could be rendered, else the structured text."""

    pages: list[QImage] = field(default_factory=list)
    text: str = ""


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


def structured_text(content: dict[str, Any]) -> str:
    """The NDA's clauses in both languages, as plain text (the fallback preview)."""
    out = [content.get("title", ""), content.get("id", ""), ""]
    for party in content.get("parties", []):
        out.append(f"{party.get('organisation', '')} — {party.get('person', '')} ({party.get('role', '')})")
    out.append("")
    language = content.get("language", "bilingual")
    for clause in content.get("clauses", []):
        title, body = clause.get("title", {}), clause.get("body", {})
        if language in ("bilingual", "zh_CN"):
            out += [f"{clause.get('number', '')} {title.get('zh', '')}", body.get("zh", ""), ""]
        if language in ("bilingual", "en"):
            out += [f"{clause.get('number', '')} {title.get('en', '')}", body.get("en", ""), ""]
    return "\n".join(out)


def render_preview(session: Session, nda_id: str, *, use_pdftoppm: bool = True) -> Preview:
    """Worker job: the NDA as page images (through its PDF) or, without ``pdftoppm``, as text."""
    tool = pdftoppm() if use_pdftoppm else None
    if tool is None:
        return Preview(text=structured_text(nda_flows.show_nda(session, nda_id).content))
    with tempfile.TemporaryDirectory(prefix="dataroom-nda-") as tmp:
        folder = Path(tmp)
        pdf = nda_flows.render_nda(session, nda_id, folder / "nda.pdf")
        try:
            subprocess.run(  # fixed tool; the arguments are our own paths
                [tool, "-r", str(DPI), "-png", str(pdf), str(folder / "page")],
                check=True,
                capture_output=True,
                timeout=PDFTOPPM_TIMEOUT_S,
            )
        except (OSError, subprocess.SubprocessError):
            return Preview(text=structured_text(nda_flows.show_nda(session, nda_id).content))
        # QImage (unlike QPixmap) may be made off the GUI thread; copy() detaches it from the file.
        pages = [QImage(str(p)).copy() for p in sorted(folder.glob("page*.png"), key=_page_number)]
    return Preview(pages=[p for p in pages if not p.isNull()])


def _page_number(path: Path) -> int:
    digits = "".join(c for c in path.stem if c.isdigit())
    return int(digits) if digits else 0


class PreviewPane(QStackedWidget):
    """Scrollable page images, or the structured text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_widget = QWidget()
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_scroll.setWidget(self.pages_widget)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.addWidget(self.pages_scroll)
        self.addWidget(self.text)
        self.page_labels: list[QLabel] = []

    def clear(self) -> None:
        for page in self.page_labels:
            page.deleteLater()
        self.page_labels = []
        self.text.clear()

    def show_preview(self, preview: Preview) -> None:
        self.clear()
        if preview.pages:
            for image in preview.pages:
                page = QLabel()
                page.setPixmap(QPixmap.fromImage(image))
                page.setStyleSheet("QLabel { background: white; border: 1px solid #d5dae1; }")
                self.pages_layout.addWidget(page)
                self.page_labels.append(page)
            self.setCurrentWidget(self.pages_scroll)
        else:
            self.text.setPlainText(preview.text)
            self.setCurrentWidget(self.text)
