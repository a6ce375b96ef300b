"""Registering the bundled font with reportlab: one proportional face for text, one monospaced for numbers.

WenQuanYi Micro Hei covers Latin and CJK, so one font serves both languages and no glyph falls back to a
base-14 font (which has no Chinese and would print empty boxes). reportlab embeds TrueType fonts as subsets.
The collection has no bold face: bold is mapped to the regular face and headings are set apart by size.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from dataroom.core.documents.resources import font_file
from dataroom.core.errors import DataroomError

SANS = "DataroomSans"
MONO = "DataroomMono"

_lock = threading.Lock()
_done = False


def register() -> tuple[str, str]:
    """Register both faces once per process (thread-safe); returns ``(SANS, MONO)``."""
    global _done
    with _lock:
        if not _done:
            path = font_file()
            if not path.is_file():
                raise DataroomError(f"The PDF font is missing from this installation ({path}); reinstall Dataroom.")
            pdfmetrics.registerFont(TTFont(SANS, str(path), subfontIndex=0))
            pdfmetrics.registerFont(TTFont(MONO, str(path), subfontIndex=1))
            for name in (SANS, MONO):
                for bold in (0, 1):
                    for italic in (0, 1):
                        addMapping(name, bold, italic, name)
            _done = True
    return SANS, MONO
