"""A small horizontal bar chart drawn with QPainter (the app ships without QtCharts): one labelled bar per value,
the count written at the end of each bar, so the figures are readable without judging lengths."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from dataroom.ui import theme

#: Longest label drawn before eliding (values can be long addresses).
MAX_LABEL_PX = 220


class BarChart(QWidget):
    """Bars for ``(label, count)`` pairs, top to bottom in the order given."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._bars: list[tuple[str, float]] = []
        self._highlight: set[int] = set()
        self._empty_text = ""
        self._colour = QColor(theme.ACCENT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_bars(
        self, bars: Sequence[tuple[str, float]], *, highlight: Sequence[int] = (), colour: str | None = None
    ) -> None:
        """Replace the bars; ``highlight`` indexes are drawn in the warning colour (e.g. classes below k)."""
        self._bars = [(str(label), float(value)) for label, value in bars]
        self._highlight = set(highlight)
        self._colour = QColor(colour or theme.ACCENT)
        self.updateGeometry()
        self.update()

    def bars(self) -> list[tuple[str, float]]:
        return list(self._bars)

    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self.update()

    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        return QSize(360, max(len(self._bars), 1) * self._row_height() + 8)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, max(len(self._bars), 1) * self._row_height() + 8)

    def paintEvent(self, event: QPaintEvent) -> None:  # Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetrics(self.font())
        if not self._bars:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), self._empty_text)
            return
        locale = QLocale()
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in self._bars) + 10, MAX_LABEL_PX)
        label_width = min(label_width, self.width() // 2)
        values = [
            locale.toString(int(v)) if float(v).is_integer() else locale.toString(v, "f", 1) for _, v in self._bars
        ]
        value_width = max(metrics.horizontalAdvance(v) for v in values) + 10
        top = max(v for _, v in self._bars) or 1.0
        span = max(self.width() - label_width - value_width - 8, 10)
        row = self._row_height()
        for i, ((text, value), shown) in enumerate(zip(self._bars, values, strict=True)):
            y = 4 + i * row
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(
                QRectF(0, y, label_width - 8, row),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, label_width - 8),
            )
            length = span * value / top
            colour = QColor(theme.WARN) if i in self._highlight else self._colour
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(label_width, y + 3, max(length, 2.0), row - 6), 3, 3)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(
                QRectF(label_width + max(length, 2.0) + 5, y, value_width, row),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                shown,
            )
