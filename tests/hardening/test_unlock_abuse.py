"""Unlock abuse: the backoff after wrong passphrases and wrong authenticator codes survives process restarts.

Every attempt is a new Python process, as an attacker restarting the app would make. Most attempts pass the
unlock flow an explicit clock (a float on the command line) so the figures are exact without sleeping: the state
that carries the count from one process to the next is the vault's ``vault.state`` file. One attempt goes through
the real ``dataroom`` command with the real clock to show the refusal a user sees.

Figures (``dataroom.core.vault.backoff.delay_after``): no delay for the first four failures; after the fifth and
each later one the next attempt must wait 2, 4, 8, 16 … seconds, capped at 15 minutes.
Reproduce: ``.venv/bin/python -m pytest -q tests/hardening/test_unlock_abuse.py``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.secrets import totp
from dataroom.core.vault import backoff
from tests.conftest import PASSPHRASE

REPO = Path(__file__).resolve().parents[2]
WRONG = "not the passphrase at all"

ATTEMPT = r"""
import sys
from dataroom.core.errors import DataroomError
from dataroom.core.flows import vault as vault_flows
directory, passphrase, code, when = sys.argv[1:5]
try:
    session = vault_flows.unlock(directory, passphrase=passphrase, totp_code=code or None, clock=lambda: float(when))
except DataroomError as exc:
    print(f"{type(exc).__name__}: {exc}")
    raise SystemExit(1)
vault_flows.lock(session)
print("UNLOCKED")
"""


def _env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }


def attempt(vault_dir: Path, passphrase: str, when: float, code: str = "") -> str:
    """One unlock attempt in a fresh process at clock ``when``; returns what it printed."""
    done = subprocess.run(
        [sys.executable, "-c", ATTEMPT, str(vault_dir), passphrase, code, repr(when)],
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return done.stdout.strip()


def _failures(vault_dir: Path) -> int:
    return int(json.loads((vault_dir / "vault.state").read_text())["failures"])


def test_delay_figures() -> None:
    """The schedule SECURITY.md quotes."""
    assert [backoff.delay_after(n) for n in range(1, 16)] == [
        0, 0, 0, 0, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900,
    ]  # fmt: skip


@pytest.fixture
def closed_vault(session, vault_dir: Path) -> Path:
    session.close()
    return vault_dir


def test_wrong_passphrases_back_off_across_restarts(closed_vault: Path) -> None:
    vault_dir = closed_vault
    now = time.time()
    for _ in range(backoff.FREE_ATTEMPTS):  # free attempts: no delay between them
        now += 0.01
        out = attempt(vault_dir, WRONG, now)
        assert out.startswith("WrongPassphrase: The passphrase is wrong."), out
    assert out.endswith("After 5 failures, each new attempt must wait 2 s."), out
    for n in (5, 6, 7):
        delay = backoff.delay_after(n)
        assert _failures(vault_dir) == n
        # Just before the delay ends even the right passphrase is refused, by a process that never saw the failures.
        refused = attempt(vault_dir, PASSPHRASE, now + delay - 0.5)
        assert refused == "UnlockThrottled: Too many failed unlock attempts. Wait 1 seconds before trying again."
        now += delay + 0.01
        out = attempt(vault_dir, WRONG, now)  # just after it, a guess is allowed again (and counts)
        assert out.startswith("WrongPassphrase"), out
        assert f"After {n + 1} failures, each new attempt must wait {int(backoff.delay_after(n + 1))} s." in out
    assert _failures(vault_dir) == 8

    # The real command with the real clock: 16 s after a failure that lies in the (simulated) future.
    done = subprocess.run(
        [sys.executable, "-m", "dataroom", "--vault", str(vault_dir), "user", "list"],
        env={**_env(), "DATAROOM_PASSPHRASE": PASSPHRASE},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    assert "Too many failed unlock attempts. Wait" in done.stderr, done.stderr

    assert attempt(vault_dir, PASSPHRASE, now + backoff.delay_after(8) + 0.01) == "UNLOCKED"
    assert _failures(vault_dir) == 0  # a success resets the count …
    session = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE, clock=lambda: now + 60)
    failed = [r for r in audit_flows.show(session) if r.action == "vault.unlock-failed"]
    session.close()
    assert len(failed) == 8  # … and every failure reached the audit log, refusals while throttled not counted
    assert {r.details["reason"] for r in failed} == {"wrong passphrase"}


def test_wrong_totp_codes_back_off_across_restarts(session, vault_dir: Path) -> None:
    enrolment = user_flows.begin_totp(session)
    user_flows.confirm_totp(session, enrolment, totp.code_at(enrolment.secret))
    session.close()
    now = time.time() + 3600  # well clear of the enrolment's time step

    def wrong_code(when: float) -> str:
        return f"{(int(totp.code_at(enrolment.secret, when)) + 500_000) % 1_000_000:06d}"

    for _ in range(backoff.FREE_ATTEMPTS):
        now += 0.01
        out = attempt(vault_dir, PASSPHRASE, now, wrong_code(now))
        assert out == "WrongSecondFactor: The authenticator code is wrong or has expired.", out
    assert _failures(vault_dir) == 5
    # A restarted process with the right passphrase and the right code is still made to wait.
    early = now + backoff.delay_after(5) - 0.5
    refused = attempt(vault_dir, PASSPHRASE, early, totp.code_at(enrolment.secret, early))
    assert refused.startswith("UnlockThrottled: Too many failed unlock attempts."), refused
    late = now + backoff.delay_after(5) + 0.01
    assert attempt(vault_dir, PASSPHRASE, late, totp.code_at(enrolment.secret, late)) == "UNLOCKED"
    s = vault_flows.unlock(
        vault_dir, passphrase=PASSPHRASE, totp_code=totp.code_at(enrolment.secret, late + 1), clock=lambda: late + 1
    )
    failed = [r for r in audit_flows.show(s) if r.action == "vault.unlock-failed"]
    s.close()
    assert [r.details["reason"] for r in failed] == ["wrong TOTP code"] * 5


def test_the_state_file_holds_no_secret(closed_vault: Path) -> None:
    """The only plain file the backoff writes names users and reasons, never what was typed."""
    attempt(closed_vault, WRONG, time.time())
    state = (closed_vault / "vault.state").read_text()
    assert WRONG not in state and PASSPHRASE not in state
