"""``user add/list/remove/set-role/passwd/totp``."""

from __future__ import annotations

import argparse
import sys

from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role

from . import secrets_input
from .context import open_session
from .output import table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    user = sub.add_parser("user", help="manage local users and roles").add_subparsers(dest="user_cmd", required=True)
    new_file = {"help": "file whose first line is the new user's passphrase (or DATAROOM_NEW_PASSPHRASE)"}

    p = user.add_parser("add", help="add a user (owner)")
    p.add_argument("name")
    p.add_argument("--role", choices=[r.value for r in Role], required=True)
    p.add_argument("--keyring", action="store_true", help="also keep the key in this machine's keyring")
    p.add_argument("--new-passphrase-file", **new_file)
    p.set_defaults(func=cmd_add)

    p = user.add_parser("list", help="list users")
    p.set_defaults(func=cmd_list)

    p = user.add_parser("remove", help="remove a user (owner)")
    p.add_argument("name")
    p.set_defaults(func=cmd_remove)

    p = user.add_parser("set-role", help="give a user another role (owner); applies from their next unlock")
    p.add_argument("name")
    p.add_argument("role", choices=[r.value for r in Role])
    p.set_defaults(func=cmd_set_role)

    p = user.add_parser("passwd", help="change your passphrase (owners: anyone's)")
    p.add_argument("name", nargs="?")
    p.add_argument("--new-passphrase-file", **new_file)
    p.set_defaults(func=cmd_passwd)

    p = user.add_parser("totp", help="set up (or --disable) an authenticator-app code at unlock")
    p.add_argument("name", nargs="?")
    p.add_argument("--disable", action="store_true")
    p.add_argument("--code", help="a current code from the app, to confirm set-up without a prompt")
    p.set_defaults(func=cmd_totp)


def cmd_add(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        passphrase = secrets_input.new(
            args.new_passphrase_file, "DATAROOM_NEW_PASSPHRASE", f"passphrase for {args.name}"
        )
        user = user_flows.add_user(session, args.name, Role(args.role), passphrase, use_keyring=args.keyring)
    finally:
        session.close()
    print(f"Added {user.name} as {user.role.value}.")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        rows = [
            (u.name, u.role.value, "on" if u.totp_enabled else "off", u.created_at)
            for u in user_flows.list_users(session)
        ]
    finally:
        session.close()
    table(["user", "role", "totp", "created (UTC)"], rows)
    return 0


def cmd_remove(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        user_flows.remove_user(session, args.name)
    finally:
        session.close()
    print(f"Removed {args.name}.")
    return 0


def cmd_set_role(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        user = user_flows.set_role(session, args.name, Role(args.role))
    finally:
        session.close()
    print(f"{user.name} is now {user.role.value}; the new role applies from their next unlock.")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        passphrase = secrets_input.new(args.new_passphrase_file, "DATAROOM_NEW_PASSPHRASE")
        vault_flows.change_passphrase(session, passphrase, user=args.name)
    finally:
        session.close()
    print(f"Passphrase changed for {args.name or session.user}.")
    return 0


def cmd_totp(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        if args.disable:
            user_flows.disable_totp(session, args.name)
            print("Authenticator codes are no longer asked at unlock.")
            return 0
        enrolment = user_flows.begin_totp(session, args.name)
        print("Add this account to your authenticator app (or scan it as a QR code in the desktop app):")
        print(f"  {enrolment.uri}")
        code = args.code or (input("Code shown by the app: ") if sys.stdin.isatty() else "")
        user_flows.confirm_totp(session, enrolment, code)
    finally:
        session.close()
    print(f"Authenticator codes are now required when {enrolment.user} unlocks.")
    return 0
