"""``dataroom user set-role``: an owner changes a role (effective at the next unlock); others and the last owner's
demotion are refused with a one-line message."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataroom.cli.main import main

PASS = "cli test passphrase"
RITA = "reviewer passphrase"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """A vault with owner alice and reviewer rita; returns ``run(*argv, passphrase=...) -> (code, out, err)``."""
    vault = tmp_path / "vault"

    def run(*argv: str, passphrase: str = PASS) -> tuple[int, str, str]:
        monkeypatch.setenv("DATAROOM_PASSPHRASE", passphrase)
        code = main(["--vault", str(vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--owner", "alice")[0] == 0
    monkeypatch.setenv("DATAROOM_NEW_PASSPHRASE", RITA)
    assert run("user", "add", "rita", "--role", "reviewer")[0] == 0
    return run


def test_owner_changes_a_role_and_it_is_audited(cli) -> None:  # type: ignore[no-untyped-def]
    code, out, err = cli("user", "set-role", "rita", "preparer")
    assert (code, err) == (0, "") and out == "rita is now preparer; the new role applies from their next unlock.\n"
    assert "(preparer)" in cli("--user", "rita", "unlock", passphrase=RITA)[1]
    records = json.loads(cli("audit", "show", "--json")[1])
    changed = [r for r in records if r["action"] == "user.role"]
    assert len(changed) == 1 and changed[0]["details"] == {"from": "reviewer", "to": "preparer"}


def test_refusals_are_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = cli("--user", "rita", "user", "set-role", "rita", "owner", passphrase=RITA)
    assert code == 1 and err.count("\n") == 1 and "may not manage users" in err
    code, _, err = cli("user", "set-role", "alice", "reviewer")
    assert code == 1 and err == "dataroom: alice is the last owner; make another user an owner first.\n"
    with pytest.raises(SystemExit) as exited:
        cli("user", "set-role", "rita", "boss")
    assert exited.value.code == 2
