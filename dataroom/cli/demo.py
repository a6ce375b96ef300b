"""``dataroom demo``: build a seller and a buyer vault and walk through every journey that exists so far."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from dataroom.core.errors import DataroomError
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.demo import DEMO_DATASET, DEMO_PASSPHRASE, DEMO_USERS, build_deal, prepare_dir, walk_transfer
from dataroom.core.users.roles import Role


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("demo", help="build demo seller and buyer vaults and walk through the journeys")
    p.add_argument(
        "--dir", help="where to build it (default: a new temporary folder); a previous demo there is replaced"
    )
    p.add_argument("--rows", type=int, default=2000, help="synthetic customers to generate (default 2000)")
    p.set_defaults(func=cmd_demo)


def _step(text: str) -> None:
    print(f"\n== {text}")


def _say(text: str) -> None:
    print(f"  {text}")


def cmd_demo(args: argparse.Namespace) -> int:
    base = prepare_dir(Path(args.dir) if args.dir else Path(tempfile.mkdtemp(prefix="dataroom-demo-")))
    _step("1–6. Vaults, identities, a classified dataset, cards, a signed NDA, consents (journeys 1, 2, 3, 5, 6)")
    deal = build_deal(base, rows=args.rows, say=_say)

    _step("Redacted preview, packet, receipt, destruction, verification, leak trace (journeys 4, 7, 8, 9, 10)")
    walk_transfer(deal, say=_say)

    _step("Quality report of the imported dataset (journey 3)")
    session = vault_flows.unlock(deal.seller, passphrase=DEMO_PASSPHRASE)
    report = dataset_flows.quality_report(session, DEMO_DATASET)
    for col in report.columns:
        extra = "" if col.invalid is None else f", {col.invalid} invalid"
        print(f"  {col.name:8} {col.filled:>6,} filled, {col.blanks:>5,} blank, {col.distinct:>6,} distinct{extra}")
    vault_flows.lock(session)

    _step("Roles are enforced")
    reviewer = vault_flows.unlock(deal.seller, user="reviewer", passphrase=DEMO_USERS["reviewer"][1])
    try:
        user_flows.add_user(reviewer, "intruder", Role.OWNER, "intruder-pass-123")
    except DataroomError as exc:
        print(f"  reviewer tries to add a user -> refused: {exc}")
    try:
        dataset_flows.raw_rows(reviewer, DEMO_DATASET)
    except DataroomError as exc:
        print(f"  reviewer tries to read raw rows -> refused: {exc}")
    vault_flows.lock(reviewer)

    _step("A wrong passphrase is refused and recorded")
    try:
        vault_flows.unlock(deal.seller, passphrase="not the passphrase")
    except DataroomError as exc:
        print(f"  refused: {exc}")
    session = vault_flows.unlock(deal.seller, passphrase=DEMO_PASSPHRASE)
    print("  unlocked again; the failure is now in the audit log")

    _step("Rekey, encrypted backup and restore (journey 9)")
    vault_flows.rekey(session)
    print("  vault re-encrypted under a new random key; every user's slot rewrapped")
    info = vault_flows.backup(session, base / "seller-backup.drbak", "backup-demo-passphrase")
    print(f"  backup: {info.path.name}, {info.size:,} bytes, SHA-256 {info.sha256[:16]}…")
    vault_flows.lock(session)
    restored = base / "restored"
    vault_flows.restore(info.path, restored, "backup-demo-passphrase")
    check = vault_flows.unlock(restored, passphrase=DEMO_PASSPHRASE)
    print(f"  restored into {restored}; same passphrase opens it; {audit_flows.verify(check).describe()}")
    vault_flows.lock(check)

    _step("Audit log (journey 10)")
    session = vault_flows.unlock(deal.seller, passphrase=DEMO_PASSPHRASE)
    for record in audit_flows.show(session):
        print(f"  #{record.seq:<3} {record.time}  {record.actor:9} {record.action:22} {record.object[:40]}")
    print(f"  {audit_flows.verify(session).describe()}")
    exported = audit_flows.export(session, base / "audit-export.jsonl")
    recheck = audit_flows.verify_export(base / "audit-export.jsonl")
    print(f"  exported {exported} records to audit-export.jsonl; recheck without keys: {recheck.describe()}")
    vault_flows.lock(session)
    print(f"\nDemo complete in {base}. Passphrase of both vaults: {DEMO_PASSPHRASE}")
    print(f"  dataroom --vault {deal.seller} datasets")
    print(f"  dataroom --vault {deal.buyer} party show")
    return 0
