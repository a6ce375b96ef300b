"""Unlock dialog: wrong passphrase, TOTP, keyring, backoff countdown, and a GUI thread that never stalls."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QTimer

from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.secrets import totp
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.vault import backoff
from dataroom.core.vault.layout import VaultLayout
from dataroom.ui.unlock_dialog import UnlockDialog
from tests.conftest import PASSPHRASE
from tests.ui.conftest import REVIEWER_PASSPHRASE, make_vault


def _dialog(qtbot, vault: Path, **kwargs: object) -> UnlockDialog:  # type: ignore[no-untyped-def]
    dialog = UnlockDialog(vault, try_keyring=False, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _close(dialog: UnlockDialog) -> None:
    if dialog.session is not None and dialog.session.vault.is_open:
        vault_flows.lock(dialog.session)


def test_wrong_passphrase_shows_the_message(qtbot, closed_vault: Path) -> None:
    dialog = _dialog(qtbot, closed_vault)
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    assert not dialog.unlock_button.isEnabled()  # busy while the worker derives the key
    qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=5_000)
    assert dialog.message.text().startswith("The passphrase is wrong.")
    assert dialog.session is None and dialog.unlock_button.isEnabled() and dialog.isVisible()


def test_right_passphrase_unlocks_as_the_named_user(qtbot, closed_vault: Path) -> None:
    dialog = _dialog(qtbot, closed_vault, user="rita")
    dialog.passphrase.setText(REVIEWER_PASSPHRASE)
    with qtbot.waitSignal(dialog.unlocked, timeout=5_000):
        dialog.unlock_button.click()
    assert dialog.session is not None and dialog.session.user == "rita"
    assert dialog.passphrase.text() == "" and not dialog.isVisible()
    _close(dialog)


def test_totp_required_then_accepted(qtbot, closed_vault: Path) -> None:
    session = vault_flows.unlock(closed_vault, passphrase=PASSPHRASE)
    enrolment = user_flows.begin_totp(session)
    user_flows.confirm_totp(session, enrolment, totp.code_at(enrolment.secret))
    vault_flows.lock(session)

    dialog = _dialog(qtbot, closed_vault)
    assert not dialog.form.isRowVisible(dialog.totp)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: dialog.form.isRowVisible(dialog.totp), timeout=5_000)
    assert "6-digit code" in dialog.message.text() and dialog.session is None

    dialog.totp.setText("000000" if totp.code_at(enrolment.secret) != "000000" else "111111")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "wrong or has expired" in dialog.message.text(), timeout=5_000)

    dialog.totp.setText(totp.code_at(enrolment.secret))
    with qtbot.waitSignal(dialog.unlocked, timeout=5_000):
        dialog.unlock_button.click()
    assert dialog.session is not None and dialog.session.user == "alice"
    _close(dialog)


def test_keyring_is_tried_first_and_needs_no_typing(qtbot, tmp_path: Path) -> None:
    vault = make_vault(tmp_path / "vault", use_keyring=True)  # the in-memory keyring of the root conftest
    dialog = UnlockDialog(vault, try_keyring=True)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.unlocked, timeout=5_000):
        dialog.show()
    assert dialog.session is not None and dialog.session.user == "alice"
    _close(dialog)


def test_without_keyring_slot_the_dialog_asks_for_the_passphrase(qtbot, closed_vault: Path) -> None:
    dialog = UnlockDialog(closed_vault, try_keyring=True)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Enter your passphrase" in dialog.message.text(), timeout=5_000)
    assert dialog.session is None and dialog.unlock_button.isEnabled()


def test_backoff_countdown_disables_the_button(qtbot, closed_vault: Path) -> None:
    state = VaultLayout(closed_vault).state
    for _ in range(backoff.FREE_ATTEMPTS):  # five failures: the next attempt must wait 2 s
        backoff.record_failure(state, "alice", "wrong passphrase")
    dialog = _dialog(qtbot, closed_vault)
    dialog.passphrase.setText(PASSPHRASE)
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: "Try again in" in dialog.message.text(), timeout=5_000)
    assert not dialog.unlock_button.isEnabled()
    dialog.attempt()  # Enter while throttled: ignored, no new attempt
    assert dialog.session is None
    seconds = int(dialog.message.text().split("Try again in ")[1].split()[0])
    assert 1 <= seconds <= 3
    qtbot.waitUntil(dialog.unlock_button.isEnabled, timeout=5_000)  # the countdown elapses by itself
    assert "try again now" in dialog.message.text()
    with qtbot.waitSignal(dialog.unlocked, timeout=5_000):
        dialog.unlock_button.click()
    _close(dialog)


def test_gui_thread_is_never_blocked_during_a_real_unlock(qtbot, tmp_path: Path) -> None:
    """Real Argon2id cost (256 MiB, 3 passes) runs on the worker; a 10 ms GUI timer never stalls > 100 ms."""
    real = KdfParams(os.urandom(16), 3, 256 * 1024, 4)
    session = vault_flows.create(
        tmp_path / "vault", owner="alice", passphrase=PASSPHRASE, kdf_params=real, use_keyring=False
    )
    vault_flows.lock(session)

    dialog = _dialog(qtbot, tmp_path / "vault")
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(interval=10)
    timer.timeout.connect(tick)
    dialog.passphrase.setText(PASSPHRASE)
    started = time.perf_counter()
    timer.start()
    last[0] = time.perf_counter()
    with qtbot.waitSignal(dialog.unlocked, timeout=20_000):
        dialog.unlock_button.click()
    timer.stop()
    elapsed = time.perf_counter() - started
    worst = max(gaps)
    print(f"\nunlock took {elapsed * 1000:.0f} ms; GUI timer ticks {len(gaps)}; max gap {worst * 1000:.1f} ms")
    assert elapsed > 0.15  # the KDF really ran (otherwise this test proves nothing)
    assert len(gaps) >= elapsed / 0.05
    assert worst < 0.100
    _close(dialog)
