"""Where things live on disk by default (platformdirs, so ``XDG_DATA_HOME`` and friends are honoured)."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "dataroom"


def default_vault_dir() -> Path:
    """The default vault: ``<user data dir>/dataroom/vault``."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vault"


def config_dir() -> Path:
    """Directory of the typed settings file."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
