"""The GUI's typed settings, stored as JSON under :func:`dataroom.core.paths.config_dir` (never pickled).

Unknown keys are ignored and wrong types fall back to defaults, so an older or newer app version can always read
the file; a damaged file means default settings, not a crash.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.paths import config_dir

log = logging.getLogger(__name__)

FILE_NAME = "gui-settings.json"
DEFAULT_IDLE_MINUTES = 10
MAX_IDLE_MINUTES = 240


@dataclass
class Settings:
    """Everything the GUI remembers between runs."""

    #: ``""`` follows the system locale; otherwise ``"en"`` or ``"zh_CN"``.
    language: str = ""
    #: Lock after this many minutes without keyboard or mouse input; 0 turns idle locking off.
    idle_lock_minutes: int = DEFAULT_IDLE_MINUTES
    #: ``QMainWindow.saveGeometry()`` / ``saveState()`` as base64 text.
    geometry: str = ""
    window_state: str = ""
    #: The vault opened last, so a vault outside the default place reopens without asking.
    last_vault: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, doc: object) -> Settings:
        settings = cls()
        if not isinstance(doc, dict):
            return settings
        for f in fields(cls):
            if f.name not in doc:
                continue
            value = doc[f.name]
            default = getattr(settings, f.name)
            if type(value) is type(default):  # bool is not int here, and a str never becomes a number
                setattr(settings, f.name, value)
        settings.idle_lock_minutes = min(max(settings.idle_lock_minutes, 0), MAX_IDLE_MINUTES)
        return settings


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def load() -> Settings:
    """Read the settings; defaults when the file is absent or unreadable."""
    try:
        return Settings.from_json(json.loads(settings_path().read_text(encoding="utf-8")))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as exc:
        log.warning("settings file unreadable, using defaults: %s", exc)
        return Settings()


def save(settings: Settings) -> None:
    """Write the settings atomically (private mode: vault paths and names are nobody else's business)."""
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, json.dumps(settings.to_json(), ensure_ascii=False, indent=2).encode("utf-8"))
