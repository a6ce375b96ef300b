"""Diagnostic logging for the CLI and the desktop app: one switch, ``DATAROOM_LOG_LEVEL``, read the same way by both.

Log records name commands, actions and objects — never keys, passphrases or cell values; a test runs the whole
demo at DEBUG and scans the output for them (tests/hardening/test_leaks.py).
"""

from __future__ import annotations

import logging
import os

LOG_LEVEL_ENV = "DATAROOM_LOG_LEVEL"


def configure_logging() -> None:
    """Send diagnostics to stderr at the level ``DATAROOM_LOG_LEVEL`` names (``DEBUG``, ``INFO``…; default and
    fallback for an unknown name: ``WARNING``)."""
    level = logging.getLevelName(os.environ.get(LOG_LEVEL_ENV, "WARNING").strip().upper())
    logging.basicConfig(
        level=level if isinstance(level, int) else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
