"""``dataroom demo``: build a demo vault and walk through every journey that exists so far, saying what it does."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from dataroom.core.errors import DataroomError
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.demo import DEMO_PASSPHRASE, build_seller, prepare_dir
from dataroom.core.users.roles import Role


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="build a demo vault and walk through the journeys")
    p.add_argument(
        "--dir", help="where to build it (default: a new temporary folder); a previous demo there is replaced"
    )
    p.set_defaults(func=cmd_demo)


def _step(text: str) -> None:
    print(f"\n== {text}")


def cmd_demo(args: argparse.Namespace) -> int:
    base = prepare_dir(Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="dataroom-demo-")))
    _step("1. Create a vault with local users and roles (journey 1)")
    session = build_seller(base)
    vault_dir = session.vault.path
    print(f"Vault created in {vault_dir}; owner 'seller', passphrase '{DEMO_PASSPHRASE}' (demo only).")
    for user in user_flows.list_users(session):
        print(f"  {user.name:10} {user.role.value}")
    vault_flows.lock(session)

    _step("2. Roles are enforced")
    reviewer = vault_flows.unlock(vault_dir, user="reviewer", passphrase="reviewer-demo-pass")
    try:
        user_flows.add_user(reviewer, "intruder", Role.OWNER, "intruder-pass-123")
    except DataroomError as exc:
        print(f"  reviewer tries to add a user -> refused: {exc}")
    vault_flows.lock(reviewer)

    _step("3. A wrong passphrase is refused and recorded")
    try:
        vault_flows.unlock(vault_dir, passphrase="not the passphrase")
    except DataroomError as exc:
        print(f"  refused: {exc}")
    session = vault_flows.unlock(vault_dir, passphrase=DEMO_PASSPHRASE)
    print("  unlocked again; the failure is now in the audit log")

    _step("4. Rekey, encrypted backup and restore")
    vault_flows.rekey(session)
    print("  vault re-encrypted under a new random key; slots rewrapped")
    info = vault_flows.backup(session, base / "seller-backup.drbak", "backup-demo-passphrase")
    print(f"  backup: {info.path.name}, {info.size:,} bytes, SHA-256 {info.sha256[:16]}…")
    vault_flows.lock(session)
    restored = base / "restored"
    vault_flows.restore(info.path, restored, "backup-demo-passphrase")
    check = vault_flows.unlock(restored, passphrase=DEMO_PASSPHRASE)
    print(f"  restored into {restored} and unlocked with the same passphrase; {audit_flows.verify(check).describe()}")
    vault_flows.lock(check)

    _step("5. Audit log (journey 10)")
    session = vault_flows.unlock(vault_dir, passphrase=DEMO_PASSPHRASE)
    for record in audit_flows.show(session):
        print(f"  #{record.seq:<3} {record.time}  {record.actor:9} {record.action:20} {record.object[:36]}")
    print(f"  {audit_flows.verify(session).describe()}")
    exported = audit_flows.export(session, base / "audit-export.jsonl")
    recheck = audit_flows.verify_export(base / "audit-export.jsonl")
    print(f"  exported {exported} records to audit-export.jsonl; recheck without keys: {recheck.describe()}")
    vault_flows.lock(session)
    print(f"\nDemo complete. Open it with: dataroom --vault {vault_dir} unlock  (passphrase {DEMO_PASSPHRASE})")
    return 0
