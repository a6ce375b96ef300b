"""Where the GUI finds its resources (translations, icons, fonts), with one override point for packaging.

In a source checkout the resources live in ``<repo>/resources``; a PyInstaller bundle or a system package puts them
elsewhere and calls :func:`set_resources_dir` (or sets ``DATAROOM_RESOURCES``) before the app starts.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QIcon

import dataroom

_override: Path | None = None


def set_resources_dir(path: Path | None) -> None:
    """Redirect every resource lookup to ``path`` (``None`` restores the default)."""
    global _override
    _override = Path(path) if path is not None else None


def resources_dir() -> Path:
    """The resources folder: the override, then ``$DATAROOM_RESOURCES``, then ``<repo root>/resources``."""
    if _override is not None:
        return _override
    env = os.environ.get("DATAROOM_RESOURCES")
    if env:
        return Path(env)
    return Path(dataroom.__file__).resolve().parents[1] / "resources"


def translations_dir() -> Path:
    """Compiled ``dataroom_<lang>.qm`` files."""
    return resources_dir() / "translations"


def fonts_dir() -> Path:
    """Fonts bundled for machines without a CJK system font."""
    return resources_dir() / "fonts"


def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/<name>.svg`` (an empty icon if it is missing, never an error)."""
    path = resources_dir() / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
