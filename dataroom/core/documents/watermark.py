"""A diagonal, tiled, translucent watermark: deters photographing a page and names whose copy it is."""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

from dataroom.core.documents import fonts


def draw(canvas: Canvas, text: str, page_width: float, page_height: float, *, size: float = 20.0) -> None:
    """Tile ``text`` at 35° over the whole page, light grey at 12 % opacity, under nothing and over everything.

    Drawn after the page content so a white table background cannot hide it; the low opacity keeps the text
    below it legible.
    """
    sans, _ = fonts.register()
    canvas.saveState()
    canvas.setFont(sans, size)
    canvas.setFillColorRGB(0.35, 0.35, 0.35)
    canvas.setFillAlpha(0.12)
    step_x = canvas.stringWidth(text, sans, size) + size * 3
    step_y = size * 5
    canvas.translate(page_width / 2, page_height / 2)
    canvas.rotate(35)
    reach = (page_width**2 + page_height**2) ** 0.5  # the rotated grid must still cover every corner
    y = -reach
    row = 0
    while y < reach:
        x = -reach + (step_x / 2 if row % 2 else 0)
        while x < reach:
            canvas.drawString(x, y, text)
            x += step_x
        y += step_y
        row += 1
    canvas.restoreState()
