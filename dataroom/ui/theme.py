"""The look: Fusion style, a light restrained palette, one accent colour, and status badges (colour plus words).

Kept in one place so pages never hard-code colours; widgets choose a look through dynamic properties
(``badge="ok|warn|bad|info"``, ``role="title|subtitle|muted|error"``) that this stylesheet styles.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

ACCENT = "#2563a8"
TEXT = "#1f2933"
MUTED = "#5f6b7a"
BORDER = "#d5dae1"
WINDOW = "#f4f6f8"
SIDEBAR = "#1e2a38"
OK = "#1d7044"
WARN = "#8a5a00"
BAD = "#b42318"
BAD_BG = "#fde8e6"

STYLESHEET = f"""
QWidget {{ color: {TEXT}; }}
QMainWindow, QDialog, QWizard {{ background: {WINDOW}; }}
QFrame#sidebar {{ background: {SIDEBAR}; }}
QLabel#brand {{ color: #ffffff; font-size: 15pt; font-weight: bold; padding: 14px 16px 10px 16px; }}
QLabel#brandSub {{ color: #aab6c4; padding: 0 16px 10px 16px; }}
QListWidget#nav {{ background: transparent; border: none; color: #d8dee6; outline: none; }}
QListWidget#nav::item {{ padding: 9px 14px; margin: 1px 8px; border-radius: 6px; }}
QListWidget#nav::item:hover {{ background: #2b3a4d; }}
QListWidget#nav::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QPushButton#lockButton {{ background: #2b3a4d; color: #ffffff; border: 1px solid #3b4d63; border-radius: 6px;
    padding: 7px 12px; margin: 10px 12px 14px 12px; }}
QPushButton#lockButton:hover {{ background: #36495f; }}
QLabel[role="title"] {{ font-size: 16pt; font-weight: bold; }}
QLabel[role="subtitle"] {{ color: {MUTED}; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {BAD}; }}
QLabel[role="section"] {{ font-weight: bold; }}
QFrame[card="true"] {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; }}
QGroupBox {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; margin-top: 14px;
    padding: 14px 12px 12px 12px; font-weight: bold; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; }}
QGroupBox QLabel, QGroupBox QCheckBox, QGroupBox QPushButton, QGroupBox QTableWidget {{ font-weight: normal; }}
QLabel[badge] {{ border-radius: 9px; padding: 2px 9px; font-weight: bold; }}
QLabel[badge="ok"] {{ background: #e3f3ea; color: {OK}; }}
QLabel[badge="warn"] {{ background: #fdf3dc; color: {WARN}; }}
QLabel[badge="bad"] {{ background: {BAD_BG}; color: {BAD}; }}
QLabel[badge="info"] {{ background: #e6eef8; color: {ACCENT}; }}
QLabel[badge="demo"] {{ background: #fff1c2; color: #6b4e00; }}
QPushButton[primary="true"] {{ background: {ACCENT}; color: #ffffff; border: 1px solid {ACCENT}; border-radius: 5px;
    padding: 5px 14px; }}
QPushButton[primary="true"]:disabled {{ background: #9fb6d3; border-color: #9fb6d3; }}
QPushButton[danger="true"] {{ color: {BAD}; }}
QPushButton[danger="true"]:disabled {{ color: #c8a9a5; }}
QTableView {{ background: #ffffff; border: 1px solid {BORDER}; gridline-color: #eceff3;
    selection-background-color: #d6e4f5; selection-color: {TEXT}; }}
QHeaderView::section {{ background: #eef1f5; border: none; border-bottom: 1px solid {BORDER}; padding: 5px 6px;
    font-weight: bold; }}
QStatusBar {{ background: #e9edf2; border-top: 1px solid {BORDER}; }}
QStatusBar QLabel {{ padding: 0 6px; }}
QProgressBar#strength {{ border: 1px solid {BORDER}; border-radius: 3px; background: #ffffff; max-height: 8px; }}
QProgressBar#strength[level="0"]::chunk, QProgressBar#strength[level="1"]::chunk {{ background: {BAD}; }}
QProgressBar#strength[level="2"]::chunk {{ background: #d08a00; }}
QProgressBar#strength[level="3"]::chunk, QProgressBar#strength[level="4"]::chunk {{ background: {OK}; }}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion everywhere, so the app looks the same on Linux, Windows and macOS, with our palette on top."""
    style = QStyleFactory.create("Fusion")
    if style is not None:
        app.setStyle(style)
    palette = app.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(WINDOW))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET)


def set_look(widget: QWidget, name: str, value: str) -> None:
    """Set a styling property and re-polish so the stylesheet notices the change."""
    widget.setProperty(name, value)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
