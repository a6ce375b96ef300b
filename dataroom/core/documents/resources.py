"""Where bundled resources (fonts, icons, templates) are found: the one place packaging redirects."""

from __future__ import annotations

from pathlib import Path

import dataroom

FONT_FILE = "wqy-microhei.ttc"


def resources_dir() -> Path:
    """The ``resources`` folder: beside the ``dataroom`` package in a source tree.

    A frozen build (PyInstaller) replaces this function's body, and nothing else, to point into its bundle.
    """
    return Path(dataroom.__file__).parents[1] / "resources"


def font_file() -> Path:
    """The TrueType collection with Latin and CJK glyphs embedded (subset) in every PDF."""
    return resources_dir() / "fonts" / FONT_FILE
