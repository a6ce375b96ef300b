"""The CLI as a script or a user calls it: passphrase sources, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dataroom.cli.main import main

PASS = "cli test passphrase"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """Run ``dataroom --vault <tmp> ...`` in-process; returns (exit code, stdout, stderr)."""
    vault = tmp_path / "vault"

    def run(*argv: str, passphrase: str | None = PASS) -> tuple[int, str, str]:
        if passphrase is None:
            monkeypatch.delenv("DATAROOM_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("DATAROOM_PASSPHRASE", passphrase)
        code = main(["--vault", str(vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    run.vault = vault  # type: ignore[attr-defined]
    return run


def test_init_unlock_users_audit(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = cli("init", "--owner", "alice", "--name", "Deal 1")
    assert code == 0 and "owner alice" in out
    assert cli("unlock")[1].startswith("Vault Deal 1 unlocked as alice (owner)")
    monkeypatch.setenv("DATAROOM_NEW_PASSPHRASE", "reviewer passphrase")
    assert cli("user", "add", "rita", "--role", "reviewer")[0] == 0
    code, out, _ = cli("user", "list")
    assert "rita" in out and "reviewer" in out
    code, _, err = cli("--user", "rita", "audit", "show", passphrase="reviewer passphrase")
    assert code == 1 and err.count("\n") == 1 and "may not view and export the audit log" in err
    code, out, _ = cli("audit", "show", "--json")
    actions = [r["action"] for r in json.loads(out)]
    assert actions[:3] == ["vault.create", "vault.unlock", "vault.unlock"] and "user.add" in actions
    assert cli("audit", "verify")[1].startswith("Audit chain intact")
    assert cli("audit", "export", str(tmp_path / "a.jsonl"))[0] == 0
    assert cli("check")[0] == 0


def test_errors_are_one_line_without_traceback(cli) -> None:
    code, _, err = cli("unlock")
    assert code == 1 and err == f"dataroom: There is no vault in {cli.vault}.\n"
    cli("init", "--owner", "alice")
    code, _, err = cli("unlock", passphrase="wrong passphrase!")
    assert code == 1 and err == "dataroom: The passphrase is wrong.\n"
    code, _, err = cli("init", "--owner", "alice")
    assert code == 1 and "already a vault" in err and "Traceback" not in err


def test_passphrase_file_and_no_terminal(cli, tmp_path: Path) -> None:
    pw = tmp_path / "pw.txt"
    pw.write_text(PASS + "\n")
    assert cli("--passphrase-file", str(pw), "init", "--owner", "alice", passphrase=None)[0] == 0
    assert cli("--passphrase-file", str(pw), "unlock", passphrase=None)[0] == 0
    code, _, err = cli("--user", "alice", "unlock", passphrase=None)  # keyring slot (in-memory keyring in tests)
    assert code == 0
    code, _, err = cli("--passphrase-file", str(tmp_path / "missing"), "unlock", passphrase=None)
    assert code == 1 and "Cannot read the passphrase file" in err


def test_backup_restore_rekey(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("init", "--owner", "alice")
    monkeypatch.setenv("DATAROOM_BACKUP_PASSPHRASE", "backup passphrase")
    assert cli("backup", str(tmp_path / "b.drbak"))[0] == 0
    assert cli("rekey")[0] == 0
    code, _, err = cli("restore", str(tmp_path / "b.drbak"))
    assert code == 1 and "already a vault" in err
    code, out, _ = cli("restore", str(tmp_path / "b.drbak"), "--replace")
    assert code == 0 and "kept in" in out
    assert cli("unlock")[0] == 0


def test_fresh_shell_uses_the_platform_data_dir(tmp_path: Path) -> None:
    """Run the real console script in a clean environment, as a new user would."""
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path / "home"),
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "DATAROOM_PASSPHRASE": PASS,
    }
    exe = [sys.executable, "-m", "dataroom"]
    done = subprocess.run([*exe, "init", "--owner", "alice"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "xdg" / "dataroom" / "vault" / "vault.db").exists()
    assert "passphrase only" in done.stdout  # no keyring on a headless machine, said plainly
    done = subprocess.run([*exe, "unlock"], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "unlocked as alice" in done.stdout


def test_init_with_party_identity(cli) -> None:
    code, _, err = cli(
        "init", "--owner", "li", "--org", "示例公司", "--person", "李雷", "--email", "nope", "--role", "seller"
    )
    assert code == 1 and "not an e-mail address" in err and not cli.vault.exists()
    code, out, _ = cli(
        "init", "--owner", "li", "--org", "示例公司", "--person", "李雷", "--email", "li@example.cn", "--role", "seller"
    )
    assert code == 0 and "Safety fingerprint:" in out
