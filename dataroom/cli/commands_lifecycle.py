"""``retention``: how long each dataset is kept, and which datasets are due for destruction.

``dataroom retention DATASET --until YYYY-MM-DD [--days N] [--reason TEXT]`` sets a rule, ``--clear`` removes it,
``DATASET`` alone shows it; ``--list`` shows every rule and ``--due`` the datasets to destroy now (past their
retention, or received under an NDA whose destruction duty has started). Destruction itself is ``dataroom destroy``.
"""

from __future__ import annotations

import argparse

from dataroom.core.errors import InputError
from dataroom.core.flows import lifecycle
from dataroom.core.flows.lifecycle import Retention
from dataroom.core.session import Session

from .commands_deal import date_arg
from .context import with_session
from .output import emit_json, table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "retention",
        help="how long datasets are kept; which are due for destruction",
        description="Set, show or clear a dataset's retention (keep until a date and/or a number of days after "
        "import; the earlier wins), list every rule, or list what is due for destruction.",
    )
    p.add_argument("dataset", nargs="?", help="the dataset to set, show or clear")
    p.add_argument("--until", type=date_arg, metavar="YYYY-MM-DD", help="keep until this day (inclusive)")
    p.add_argument("--days", type=int, metavar="N", help="keep at most N days after the import")
    p.add_argument("--reason", default="", help="why it is kept that long (shown in lists and the audit log)")
    p.add_argument("--clear", action="store_true", help="remove the dataset's retention rule")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--list", action="store_true", help="every dataset's retention rule")
    what.add_argument("--due", action="store_true", help="datasets due for destruction (retention or NDA duty)")
    p.add_argument("--on", type=date_arg, metavar="YYYY-MM-DD", help="with --due: as of this day (default today)")
    p.add_argument("--json", action="store_true", help="with --list or --due: print JSON")
    p.set_defaults(func=with_session(cmd_retention))


def _rule_text(rule: Retention) -> str:
    parts = []
    if rule.until is not None:
        parts.append(f"until {rule.until}")
    if rule.days_after_import is not None:
        parts.append(f"{rule.days_after_import} days after import ({rule.imported_on})")
    why = f"; reason: {rule.reason}" if rule.reason else ""
    return f"{rule.dataset}: keep {' or '.join(parts)} — last day {rule.keep_until}{why} (set by {rule.set_by})."


def cmd_retention(session: Session, args: argparse.Namespace) -> int:
    setting = args.until is not None or args.days is not None
    if args.list or args.due:
        if args.dataset or setting or args.clear:
            raise InputError("--list and --due take no dataset, --until, --days or --clear.")
        return _list(session, args) if args.list else _due(session, args)
    if args.on is not None or args.json:
        raise InputError("--on and --json go with --list or --due.")
    if not args.dataset:
        raise InputError("Name a dataset, or use --list or --due.")
    if args.clear:
        if setting:
            raise InputError("Use either --clear or --until/--days, not both.")
        removed = lifecycle.clear_retention(session, args.dataset)
        print(f"Removed the retention rule of {args.dataset!r}." if removed else f"{args.dataset!r} had no rule.")
        return 0
    if setting:
        rule = lifecycle.set_retention(session, args.dataset, until=args.until, days_after_import=args.days,
                                       reason=args.reason)  # fmt: skip
        print(_rule_text(rule))
        return 0
    if args.reason:
        raise InputError("--reason goes with --until or --days.")
    found = lifecycle.get_retention(session, args.dataset)
    print(_rule_text(found) if found else f"{args.dataset!r} has no retention rule; it is kept until destroyed.")
    return 0


def _list(session: Session, args: argparse.Namespace) -> int:
    rules = lifecycle.list_retention(session)
    if args.json:
        emit_json([r.to_json() for r in rules])
    elif not rules:
        print("No dataset has a retention rule.")
    else:
        table(["Dataset", "Last day", "Until", "Days after import", "Reason", "Set by"], [
            (r.dataset, r.keep_until, r.until or "", "" if r.days_after_import is None else r.days_after_import,
             r.reason, r.set_by) for r in rules
        ])  # fmt: skip
    return 0


def _due(session: Session, args: argparse.Namespace) -> int:
    items = lifecycle.due_for_destruction(session, args.on)
    if args.json:
        emit_json([i.to_json() for i in items])
    elif not items:
        print("Nothing is due for destruction.")
    else:
        for item in items:
            print(item.describe())
        print("Destroy with `dataroom destroy DATASET`; data received under an NDA gets a signed certificate.")
    return 0
