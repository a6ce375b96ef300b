"""Opening the vault named on the command line as the right user, with the right passphrase source."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from dataroom.core.flows import vault as vault_flows
from dataroom.core.paths import default_vault_dir
from dataroom.core.session import Session
from dataroom.core.vault.errors import PassphraseRequired, SecondFactorRequired

from . import secrets_input


def vault_dir(args: argparse.Namespace) -> Path:
    """``--vault`` or the platform default (under the user data dir; honours ``XDG_DATA_HOME``)."""
    return Path(args.vault).expanduser() if args.vault else default_vault_dir()


def open_session(args: argparse.Namespace) -> Session:
    """Unlock for ``--user``: keyring first when no passphrase source is given, then a prompt."""
    directory = vault_dir(args)
    passphrase = secrets_input.existing(args.passphrase_file)
    totp_code = args.totp or os.environ.get("DATAROOM_TOTP")
    while True:  # at most three rounds: keyring, then passphrase prompt, then TOTP prompt
        try:
            return vault_flows.unlock(directory, user=args.user, passphrase=passphrase, totp_code=totp_code)
        except PassphraseRequired:
            if passphrase is not None:
                raise
            passphrase = secrets_input.ask()
        except SecondFactorRequired:
            if totp_code or not sys.stdin.isatty():
                raise
            totp_code = input("Authenticator code: ")


def with_session(body: Callable[[Session, argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """A command that opens the vault, runs ``body`` and always locks again."""

    def run(args: argparse.Namespace) -> int:
        session = open_session(args)
        try:
            return body(session, args)
        finally:
            session.close()

    return run
