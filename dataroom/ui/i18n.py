"""Choosing and switching the interface language at run time.

Switching reinstalls the translators; Qt then sends ``LanguageChange`` to every widget, and each widget re-sets
its texts in ``retranslate()``. So the language changes live, without a restart.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from dataroom.ui.resources import translations_dir

ENGLISH = "en"
CHINESE = "zh_CN"
#: Shown in their own language, so anyone can find theirs whatever the current language is.
LANGUAGES = {ENGLISH: "English", CHINESE: "简体中文"}

_installed: list[QTranslator] = []
_current = ENGLISH


def system_language() -> str:
    """``zh_CN`` for any Chinese system locale (Simplified is all we ship), else English."""
    return CHINESE if QLocale.system().language() == QLocale.Language.Chinese else ENGLISH


def resolve(preference: str) -> str:
    """The language to use for a settings value (``""`` follows the system)."""
    return preference if preference in LANGUAGES else system_language()


def current_language() -> str:
    return _current


def apply_language(language: str) -> bool:
    """Install the translators for ``language`` (replacing earlier ones); False if its ``.qm`` is missing."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before choosing a language")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current = ENGLISH
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language == ENGLISH:
        return True
    ours = QTranslator(app)
    if not ours.load(f"dataroom_{language}", str(translations_dir())):
        return False
    # Qt's own strings (standard buttons, file dialogs, the wizard's Back/Next) come from Qt's catalogue.
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    _current = language
    QLocale.setDefault(QLocale(language))
    return True
