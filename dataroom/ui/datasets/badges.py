"""Column badges: each column's class drawn as a coloured pill WITH its name in words, and its type beside it.

Used by the table header of the dataset view (:class:`BadgeHeader`) and by the side panel. Colours come from
:mod:`dataroom.ui.theme` (text colour) with a light tint of the same hue behind, so a badge reads as one of the
app's ``ok``/``warn``/``bad`` badges; the words carry the meaning for anyone who cannot tell the colours apart.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

from dataroom.core.pii.types import DataClass
from dataroom.ui import theme
from dataroom.ui.datasets import names

#: Model roles the header asks for (``headerData``).
CLASS_ROLE = int(Qt.ItemDataRole.UserRole) + 1
TYPE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
OVERRIDDEN_ROLE = int(Qt.ItemDataRole.UserRole) + 3

#: Badge look per class, named like the stylesheet's badge kinds.
_KIND = {DataClass.PUBLIC.value: "ok", DataClass.CONSENT_REQUIRED.value: "warn", DataClass.SENSITIVE.value: "bad"}
_TEXT = {"ok": theme.OK, "warn": theme.WARN, "bad": theme.BAD, "info": theme.ACCENT}


def badge_kind(data_class: str | None) -> str:
    """``ok``/``warn``/``bad`` for a class; ``info`` when unknown (never classified)."""
    return _KIND.get(data_class or "", "info")


def badge_colours(data_class: str | None) -> tuple[QColor, QColor]:
    """(text, background) of a class badge: the theme's colour and a light tint of it."""
    text = QColor(_TEXT[badge_kind(data_class)])
    background = QColor(text)
    background.setAlpha(34)
    return text, background


def class_label(data_class: str | None) -> str:
    """The words on a class badge (translated), ``?`` for a column never classified."""
    return names.class_name(data_class) if data_class else "?"


def paint_badge(painter: QPainter, rect: QRect, text: str, data_class: str | None, font: QFont) -> int:
    """Draw a pill with ``text`` at the left of ``rect`` (vertically centred); returns its width."""
    fg, bg = badge_colours(data_class)
    metrics = QFontMetrics(font)
    width = min(metrics.horizontalAdvance(text) + 16, rect.width())  # slack: advances are fractional
    height = metrics.height() + 2
    pill = QRect(rect.left(), rect.top() + (rect.height() - height) // 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(fg, 1))
    painter.setBrush(bg)
    painter.drawRoundedRect(pill.adjusted(0, 0, -1, -1), height / 2, height / 2)
    painter.setFont(font)
    painter.setPen(fg)
    painter.drawText(
        pill.adjusted(6, 0, -6, 0),
        int(Qt.AlignmentFlag.AlignCenter),
        metrics.elidedText(text, Qt.TextElideMode.ElideRight, pill.width() - 12),
    )
    painter.restore()
    return width


class BadgeHeader(QHeaderView):
    """A horizontal header of two lines per section: the column's name, then its class badge and its type.

    The model gives the name as ``DisplayRole``, the class as :data:`CLASS_ROLE`, the type's display name as
    :data:`TYPE_ROLE` and whether a reviewer overrode it as :data:`OVERRIDDEN_ROLE`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSortIndicatorShown(False)
        self._sorted: tuple[int, bool] | None = None

    def set_sorted(self, section: int | None, descending: bool = False) -> None:
        """Show which section the view is sorted by (the model sorts; this header only draws an arrow)."""
        self._sorted = None if section is None else (section, descending)
        self.viewport().update()

    def _small_font(self) -> QFont:
        font = QFont(self.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 0.88)
        font.setBold(False)
        return font

    def width_for(self, name: str, badge: str, type_text: str) -> int:
        """The section width that shows ``name``, the badge and the type without eliding (in this header's fonts)."""
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFontMetrics(self._small_font())
        return max(
            QFontMetrics(bold).horizontalAdvance(name + " ▼") + 12,
            small.horizontalAdvance(badge) + 16 + 12 + 4,
            small.horizontalAdvance(type_text) + 12,
        )

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        bold = QFont(self.font())
        bold.setBold(True)
        small = QFontMetrics(self._small_font()).height()
        height = QFontMetrics(bold).height() + 2 * small + 20
        return QSize(hint.width(), max(hint.height(), height))

    def sectionSizeFromContents(self, logical: int) -> QSize:
        size = super().sectionSizeFromContents(logical)
        return QSize(max(size.width(), 90), self.sizeHint().height())

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        model = self.model()
        if model is None or not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_HeaderSection, option, painter, self)
        painter.restore()

        name = str(model.headerData(logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        data_class = model.headerData(logical, Qt.Orientation.Horizontal, CLASS_ROLE)
        type_text = str(model.headerData(logical, Qt.Orientation.Horizontal, TYPE_ROLE) or "")
        overridden = bool(model.headerData(logical, Qt.Orientation.Horizontal, OVERRIDDEN_ROLE))
        inner = rect.adjusted(6, 4, -6, -4)
        bold = QFont(self.font())
        bold.setBold(True)
        top = QFontMetrics(bold).height()
        small = self._small_font()
        line = QFontMetrics(small).height() + 2
        arrow = ""
        if self._sorted is not None and self._sorted[0] == logical:
            arrow = " ▼" if self._sorted[1] else " ▲"
        left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setFont(bold)
        painter.setPen(QColor(theme.TEXT))
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), top),
            left,
            QFontMetrics(bold).elidedText(name + arrow, Qt.TextElideMode.ElideMiddle, inner.width()),
        )
        if data_class is not None or type_text:
            badge = QRect(inner.left(), inner.top() + top + 2, inner.width(), line)
            paint_badge(painter, badge, class_label(data_class) + (" ✎" if overridden else ""), data_class, small)
            painter.setFont(small)
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(
                QRect(inner.left(), badge.bottom() + 3, inner.width(), line),
                left,
                QFontMetrics(small).elidedText(type_text, Qt.TextElideMode.ElideRight, inner.width()),
            )
        painter.restore()
