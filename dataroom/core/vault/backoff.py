"""Failed-unlock bookkeeping: growing delays after repeated failures, and failures kept for the audit log.

The state lives in a small plain file because it must be read before the vault can be opened. It holds no
secret; deleting it only resets the delay, which does not help an attacker who has the files anyway (the
Argon2id cost is the real protection offline). The delay is there against guessing at an unlocked screen.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dataroom.core.atomic import atomic_write
from dataroom.core.vault.errors import UnlockThrottled

FREE_ATTEMPTS = 5
MAX_DELAY_SECONDS = 15 * 60
MAX_PENDING = 1000

Clock = Callable[[], float]


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive failures: none for the first five, then doubling."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY_SECONDS))


@dataclass
class UnlockState:
    """Consecutive failure count, time of the last failure, and failures not yet written to the audit log."""

    failures: int = 0
    last_failure: float = 0.0
    pending: list[dict[str, object]] = field(default_factory=list)

    def wait_seconds(self, now: float) -> float:
        return max(0.0, self.last_failure + delay_after(self.failures) - now)


def load(path: Path) -> UnlockState:
    """Read the state; an absent or unreadable file counts as a clean slate."""
    try:
        doc = json.loads(path.read_text())
        return UnlockState(int(doc["failures"]), float(doc["last_failure"]), list(doc["pending"])[-MAX_PENDING:])
    except (FileNotFoundError, ValueError, KeyError, TypeError, RecursionError):
        return UnlockState()


def save(path: Path, state: UnlockState) -> None:
    atomic_write(
        path,
        json.dumps({"failures": state.failures, "last_failure": state.last_failure, "pending": state.pending}).encode(),
    )


def check(path: Path, clock: Clock = time.time) -> None:
    """Raise :class:`UnlockThrottled` when an attempt now would come too early."""
    wait = load(path).wait_seconds(clock())
    if wait > 0:
        raise UnlockThrottled(
            f"Too many failed unlock attempts. Wait {int(wait) + 1} seconds before trying again.", retry_after=wait
        )


def record_failure(path: Path, user: str, reason: str, clock: Clock = time.time) -> UnlockState:
    """Count one failure and remember it for the audit log."""
    state = load(path)
    now = clock()
    state.failures += 1
    state.last_failure = now
    state.pending.append({"time": now, "user": user[:64], "reason": reason})
    state.pending = state.pending[-MAX_PENDING:]
    save(path, state)
    return state


def take_pending(path: Path) -> list[dict[str, object]]:
    """After a successful unlock: return the failures to audit and reset the counter."""
    state = load(path)
    if state.failures or state.pending:
        save(path, UnlockState())
    return state.pending
