"""Per-deal secret and subject tokens: stable within a vault, unlinkable across vaults, normalised input."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.core.errors import InputError
from dataroom.core.flows import vault as vault_flows
from dataroom.core.subjects import normalise, subject_key, subject_token
from tests.conftest import PASSPHRASE, fast_kdf_params


def test_normalisation() -> None:
    for raw in ("138 0013 8000", "+86 138-0013-8000", "１３８００１３８０００", "0086 13800138000", "86-13800138000"):
        assert normalise("mobile", raw) == "13800138000"
    assert normalise("resident_id", "11010119900307 123x") == "11010119900307123X"
    assert normalise("email", " Li.Lei@QQ.com ") == "li.lei@qq.com"


def test_tokens_stable_in_a_vault_and_unlinkable_across(session, vault_dir: Path, tmp_path: Path) -> None:
    conn = session.vault.connection()
    key = subject_key(conn)
    a = subject_token(key, "mobile", "138 0013 8000")
    assert a == subject_token(key, "mobile", "13800138000") and a.startswith("S-") and "138" not in a
    assert a != subject_token(key, "resident_id", "13800138000")
    session.close()
    again = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    assert subject_token(subject_key(again.vault.connection()), "mobile", "13800138000") == a
    again.close()
    other = vault_flows.create(tmp_path / "other", owner="bob", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    assert subject_token(subject_key(other.vault.connection()), "mobile", "13800138000") != a
    other.close()


def test_bad_kind_and_empty_value(session) -> None:
    key = subject_key(session.vault.connection())
    with pytest.raises(InputError):
        subject_token(key, "shoe_size", "42")
    with pytest.raises(InputError):
        subject_token(key, "mobile", "  ")
