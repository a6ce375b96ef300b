"""The demo vaults that ``dataroom demo`` and ``make run`` open: synthetic data only, a published passphrase."""

from __future__ import annotations

import shutil
from pathlib import Path

from dataroom.core.errors import DataroomError
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.users.roles import Role

DEMO_PASSPHRASE = "demo-passphrase-2026"
DEMO_USERS = {"analyst": (Role.PREPARER, "analyst-demo-pass"), "reviewer": (Role.REVIEWER, "reviewer-demo-pass")}
MARKER = ".dataroom-demo"


def prepare_dir(directory: Path) -> Path:
    """Make ``directory`` empty, replacing an earlier demo there; refuse to touch anything else."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        if not (directory / MARKER).exists():
            raise DataroomError(f"{directory} is not empty and was not made by the demo; choose another folder.")
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MARKER).write_text("made by the Dataroom demo; synthetic data only\n")
    return directory


def is_demo_vault(vault_dir: Path) -> bool:
    """Whether ``vault_dir`` lies in a folder made by the demo (the GUI says so in its title bar)."""
    return (Path(vault_dir).parent / MARKER).exists()


def build_seller(base: Path) -> Session:
    """Create the seller's demo vault in ``base/seller`` with its users; returns the owner's open session."""
    session = vault_flows.create(
        Path(base) / "seller",
        owner="seller",
        passphrase=DEMO_PASSPHRASE,
        use_keyring=False,
        name="Demo seller (示例卖方)",
    )
    for name, (role, passphrase) in DEMO_USERS.items():
        user_flows.add_user(session, name, role, passphrase)
    return session
