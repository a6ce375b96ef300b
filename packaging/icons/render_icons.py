"""Render the application icon (``dataroom.svg``) into what each platform wants; run after changing the SVG:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/icons/render_icons.py

Writes ``packaging/linux/icons/hicolor/<n>x<n>/apps/dataroom.png`` (16–512), ``dataroom.ico`` (Windows) and
``dataroom.icns`` (macOS) beside this script. Uses Qt's SVG renderer and Pillow, both already dependencies.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "dataroom.svg"
HICOLOR = HERE.parent / "linux" / "icons" / "hicolor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(size: int) -> bytes:
    """The icon as a PNG of ``size`` pixels square."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # noqa: F841 - painting needs an application object
    pngs = {size: render(size) for size in SIZES}
    for size, png in pngs.items():
        target = HICOLOR / f"{size}x{size}" / "apps" / "dataroom.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(png)
    largest = Image.open(io.BytesIO(pngs[512]))
    largest.save(HERE / "dataroom.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    largest.save(HERE / "dataroom.icns")
    print(f"wrote {len(pngs)} PNGs under {HICOLOR}, dataroom.ico and dataroom.icns")


if __name__ == "__main__":
    main()
