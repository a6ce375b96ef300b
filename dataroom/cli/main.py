"""Entry point of the ``dataroom`` command: global options, sub-commands, and errors in words."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from dataroom import __version__
from dataroom.core.diagnostics import LOG_LEVEL_ENV, configure_logging
from dataroom.core.errors import DataroomError, storage_error

from . import (
    commands_audit,
    commands_datasets,
    commands_deal,
    commands_lifecycle,
    commands_nda,
    commands_party,
    commands_redaction,
    commands_transfer,
    commands_users,
    commands_vault,
    demo,
    selftest,
)

log = logging.getLogger("dataroom")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dataroom",
        description="Offline encrypted data room for company transfers. Passphrases are read from "
        "--passphrase-file, the DATAROOM_PASSPHRASE variable, or a prompt — never from the command line.",
    )
    parser.add_argument("--version", action="version", version=f"dataroom {__version__}")
    parser.add_argument("--selftest", action=selftest.SelftestAction)
    parser.add_argument("--vault", metavar="PATH", help="vault folder (default: under the user data directory)")
    parser.add_argument("--user", help="act as this local user (default: the vault's creator)")
    parser.add_argument("--passphrase-file", metavar="FILE", help="file whose first line is your passphrase")
    parser.add_argument("--totp", metavar="CODE", help="current authenticator code, if you enabled one")
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"show tracebacks of unexpected errors ({LOG_LEVEL_ENV}=DEBUG also logs diagnostics to stderr)",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands_vault.register(sub)
    commands_users.register(sub)
    commands_datasets.register(sub)
    commands_party.register(sub)
    commands_nda.register(sub)
    commands_deal.register(sub)
    commands_redaction.register(sub)
    commands_audit.register(sub)
    commands_transfer.register(sub)
    commands_lifecycle.register(sub)
    demo.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code (0 ok, 1 refused or failed, 2 usage, 130 interrupted)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging()
    log.debug("dataroom %s: command %s", __version__, args.command)
    try:
        return int(args.func(args))
    except DataroomError as exc:
        print(f"dataroom: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # output piped into `head` and the like
        return 0
    except KeyboardInterrupt:
        print("dataroom: interrupted; nothing half-done was kept.", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        if (full := storage_error(exc)) is not None:
            print(f"dataroom: {full}", file=sys.stderr)
            return 1
        print(
            f"dataroom: unexpected error ({type(exc).__name__}). The vault keeps its last committed state. "
            "Run again with --debug for details and report it.",
            file=sys.stderr,
        )
        return 70


if __name__ == "__main__":
    raise SystemExit(main())
