"""Shared set-up for the hardening suites: module-wide isolation, so expensive artefacts (two vaults under a signed
NDA, packets, signed PDFs) can be built once per module instead of once per test; and the fuzzing profiles."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import timedelta

import keyring
import pytest
from hypothesis import HealthCheck, settings

from dataroom.core.secrets import kdf
from tests.conftest import MemoryKeyring, fast_kdf_params


@pytest.fixture(scope="module")
def module_isolation(tmp_path_factory: pytest.TempPathFactory) -> Iterator[MemoryKeyring]:
    """What the root ``_isolated`` fixture does per test, for the life of one module: a private home and settings
    directory, an in-memory keyring and the fast KDF (a module-scoped fixture runs before the per-test one)."""
    home = tmp_path_factory.mktemp("module-home")
    with pytest.MonkeyPatch.context() as mp:
        for var, sub in (("HOME", ""), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache")):  # fmt: skip
            (home / sub).mkdir(exist_ok=True)
            mp.setenv(var, str(home / sub))
        ring = MemoryKeyring()
        previous = keyring.get_keyring()
        keyring.set_keyring(ring)
        mp.setattr(kdf, "calibrate", lambda *a, **k: fast_kdf_params())
        yield ring
        keyring.set_keyring(previous)


# Fuzzing profiles (tests/hardening/test_fuzz.py): a short, reproducible run inside `make test`, and the nightly
# run of `make fuzz` (HYPOTHESIS_PROFILE=nightly) with ≥ 10,000 generated cases per target. No example database:
# nothing is written into the source tree, and a failure prints the example and a @reproduce_failure blob.
settings.register_profile(
    "quick", max_examples=40, deadline=timedelta(seconds=2), derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.register_profile(
    "nightly", max_examples=10_000, deadline=timedelta(seconds=5), database=None,
    suppress_health_check=[HealthCheck.too_slow],
)  # fmt: skip
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "quick"))
