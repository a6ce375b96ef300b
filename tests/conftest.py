"""Test-wide isolation: no real home directory, no real keyring, headless Qt, fast KDF."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from dataroom.core.secrets import kdf
from dataroom.core.secrets.kdf import KdfParams

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


class MemoryKeyring(KeyringBackend):
    """An in-memory keyring standing in for the OS one."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


def fast_kdf_params() -> KdfParams:
    """Cheap Argon2id parameters: the KDF's cost is benchmarked, not tested."""
    return KdfParams(os.urandom(16), 1, 64, 1)


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    home = tmp_path_factory.mktemp("home")
    for var, sub in (
        ("HOME", ""),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        path = home / sub
        path.mkdir(exist_ok=True)
        monkeypatch.setenv(var, str(path))
    for var in ("DATAROOM_PASSPHRASE", "DATAROOM_NEW_PASSPHRASE", "DATAROOM_BACKUP_PASSPHRASE", "DATAROOM_TOTP"):
        monkeypatch.delenv(var, raising=False)
    ring = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(ring)
    monkeypatch.setattr(kdf, "calibrate", lambda *a, **k: fast_kdf_params())
    yield ring
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring() -> Iterator[None]:
    """Simulate headless Linux: only the ``fail`` backend."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def vault_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def session(vault_dir: Path):  # type: ignore[no-untyped-def]
    """A fresh vault with owner ``alice``; locked again after the test."""
    from dataroom.core.flows import vault as vault_flows

    s = vault_flows.create(vault_dir, owner="alice", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    yield s
    if s.vault.is_open:
        s.close()
