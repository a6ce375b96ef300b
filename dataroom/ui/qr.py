"""QR codes for authenticator enrolment, drawn in memory (a TOTP secret must never touch a temp file)."""

from __future__ import annotations

import io

import segno
from PySide6.QtGui import QPixmap


def qr_pixmap(text: str, *, scale: int = 5, border: int = 2) -> QPixmap:
    """``text`` as a QR code pixmap (error correction M: sturdy on a screen, still small)."""
    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=border)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap
