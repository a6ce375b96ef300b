"""Registering bundled fonts so Chinese text renders even where the system has no CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QGuiApplication

from dataroom.ui.resources import fonts_dir


def _system_has_cjk() -> bool:
    return bool(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))


def register_fonts() -> list[str]:
    """Add ``resources/fonts/*.tt[fc]`` to Qt; returns the families added.

    Where the system already has a CJK font, fontconfig's fallback finds it and the desktop's own UI font stays
    in charge. Where it has none, the bundled families become explicit fallbacks after the (resolved) default
    family: Qt's fontconfig-based fallback does not know application fonts, so otherwise Chinese would be tofu.
    """
    had_cjk = _system_has_cjk()
    families: list[str] = []
    folder = fonts_dir()
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttf", ".ttc", ".otf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if families and not had_cjk:
        font = QGuiApplication.font()
        primary = QFontInfo(font).family()  # "Sans Serif" is an alias a family list would not resolve
        font.setFamilies([primary, *[f for f in families if f != primary]])
        QGuiApplication.setFont(QFont(font))
    return families
