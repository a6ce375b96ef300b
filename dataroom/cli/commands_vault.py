"""``init``, ``unlock``, ``check``, ``rekey``, ``backup``, ``restore``."""

from __future__ import annotations

import argparse
import getpass
import re

from dataroom.core.deal.keys import PartyDetails
from dataroom.core.flows import parties
from dataroom.core.flows import vault as vault_flows

from . import secrets_input
from .context import open_session, vault_dir


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create a new vault with you as its owner")
    p.add_argument("--owner", help="your user name in the vault (default: your login name)")
    p.add_argument("--name", help="a display name for the vault (default: the folder name)")
    p.add_argument("--no-keyring", action="store_true", help="do not keep the key in the OS keyring")
    p.add_argument("--org", help="your organisation: creates your party identity and keys right away")
    p.add_argument("--person", help="your full name (with --org)")
    p.add_argument("--email", help="your e-mail (with --org)")
    p.add_argument("--role", choices=["seller", "buyer", "advisor"], help="your side in the deal (with --org)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("unlock", help="check that the vault opens (and record the unlock)")
    p.set_defaults(func=cmd_unlock)

    p = sub.add_parser("check", help="full integrity check: page authentication, structure, audit chain")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rekey", help="re-encrypt the vault under a new random key (owner)")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("backup", help="write an encrypted backup protected by its own passphrase")
    p.add_argument("file", help="backup file to write (.drbak)")
    p.add_argument("--backup-passphrase-file", help="file whose first line is the backup passphrase")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="restore an encrypted backup into --vault (never overwrites silently)")
    p.add_argument("file", help="backup file (.drbak)")
    p.add_argument("--backup-passphrase-file", help="file whose first line is the backup passphrase")
    p.add_argument("--replace", action="store_true", help="replace an existing vault (it is kept, renamed)")
    p.set_defaults(func=cmd_restore)


def _default_owner() -> str:
    try:
        login = getpass.getuser()
    except (KeyError, OSError):
        login = ""
    return login if re.fullmatch(r"[\w.@+-]{1,64}", login or "") else "owner"


def cmd_init(args: argparse.Namespace) -> int:
    directory = vault_dir(args)
    owner = args.owner or _default_owner()
    details = None
    if args.org:  # checked before anything is created, so a typo does not leave a vault without an identity
        details = PartyDetails(args.org, args.person or owner, args.email or "", args.role or "").checked()
    passphrase = secrets_input.new(args.passphrase_file, "DATAROOM_PASSPHRASE", "passphrase for the new vault")
    session = vault_flows.create(
        directory, owner=owner, passphrase=passphrase, use_keyring=not args.no_keyring, name=args.name
    )
    keyring_note = "and in the OS keyring" if vault_flows.keyring_available() and not args.no_keyring else "only"
    print(f"Created vault in {directory} with owner {owner}; the key is protected by your passphrase {keyring_note}.")
    try:
        if details:
            identity = parties.create_identity(
                session, details.organisation, details.person, details.email, details.role
            )
            print(f"Party identity created for {details.organisation}. Safety fingerprint: {identity.fingerprint}")
        else:
            print("Next: create your party identity with `dataroom party init --org … --person … --email … --role …`.")
    finally:
        session.close()
    return 0


def cmd_unlock(args: argparse.Namespace) -> int:
    session = open_session(args)
    print(f"Vault {session.vault.meta('name')} unlocked as {session.user} ({session.role.value}).")
    session.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        status = vault_flows.check_integrity(session)
    finally:
        session.close()
    print("Database pages and structure: OK.")
    print(status.describe())
    return 0 if status.ok else 1


def cmd_rekey(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        vault_flows.rekey(session)
    finally:
        session.close()
    print("The vault now uses a new random key; every user's key slot was rewrapped and the old key forgotten.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        passphrase = secrets_input.new(args.backup_passphrase_file, "DATAROOM_BACKUP_PASSPHRASE", "backup passphrase")
        info = vault_flows.backup(session, args.file, passphrase)
    finally:
        session.close()
    print(f"Encrypted backup written to {info.path} ({info.size:,} bytes, SHA-256 {info.sha256}).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    passphrase = secrets_input.existing(args.backup_passphrase_file, "DATAROOM_BACKUP_PASSPHRASE")
    if passphrase is None:
        passphrase = secrets_input.ask("Backup passphrase: ")
    directory = vault_dir(args)
    moved = vault_flows.restore(args.file, directory, passphrase, replace=args.replace)
    print(f"Restored into {directory}. Users keep their passphrases.")
    if moved != directory:
        print(f"The vault that was there before is kept in {moved}.")
    return 0
