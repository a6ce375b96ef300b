"""QR codes drawn as vector squares on a reportlab canvas (sharp at any zoom and on any printer)."""

from __future__ import annotations

import segno
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

#: Modules of white margin around the code; the QR standard asks for 4 so scanners find the edges.
QUIET_ZONE = 4


def modules(payload: str) -> list[list[bool]]:
    """The dark/light module matrix with its quiet zone (error correction M: survives a crease or a stain)."""
    code = segno.make(payload, error="m", micro=False)
    return [[bool(v) for v in row] for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]


def draw(canvas: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the code of ``payload`` with its lower-left corner at ``(x, y)``, ``size`` points square."""
    matrix = modules(payload)
    n = len(matrix)
    cell = size / n
    canvas.saveState()
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColorRGB(0, 0, 0)
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if not row[c]:
                c += 1
                continue
            start = c
            while c < n and row[c]:
                c += 1
            # One rectangle per horizontal run keeps the PDF small; rows overlap by a hair to avoid hairline gaps.
            canvas.rect(x + start * cell, y + size - (r + 1) * cell, (c - start) * cell, cell * 1.02, stroke=0, fill=1)
    canvas.restoreState()


class QrFlowable(Flowable):
    """A QR code as a platypus flowable of ``size_mm`` millimetres."""

    def __init__(self, payload: str, size_mm: float = 38.0) -> None:
        super().__init__()
        self.payload = payload
        self.size = size_mm * mm
        self.width = self.height = self.size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        draw(self.canv, self.payload, 0, 0, self.size)
