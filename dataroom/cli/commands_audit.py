"""``audit show/verify/export/report``."""

from __future__ import annotations

import argparse
import json

from dataroom.core.flows import audit as audit_flows

from .context import open_session
from .output import emit_json, table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    audit = sub.add_parser("audit", help="the tamper-evident audit log").add_subparsers(dest="audit_cmd", required=True)

    p = audit.add_parser("show", help="list audit records")
    p.add_argument("--actor")
    p.add_argument("--action", help="action or prefix, e.g. vault. or user.add")
    p.add_argument("--object", dest="obj")
    p.add_argument("--since", help="UTC time, e.g. 2026-11-01")
    p.add_argument("--until", help="UTC time")
    p.add_argument("--limit", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    p = audit.add_parser("verify", help="recompute the hash chain and MACs")
    p.set_defaults(func=cmd_verify)

    p = audit.add_parser("export", help="export a range as JSON lines that others can recheck")
    p.add_argument("file")
    p.add_argument("--from", dest="first", type=int, default=1)
    p.add_argument("--to", dest="last", type=int)
    p.set_defaults(func=cmd_export)

    p = audit.add_parser("report", help="write a bilingual PDF report of a range, with the chain status")
    p.add_argument("--out", required=True, help="the PDF file to write")
    p.add_argument("--from", dest="first", type=int, default=1)
    p.add_argument("--to", dest="last", type=int)
    p.add_argument("--actor")
    p.add_argument("--action", help="action or prefix, e.g. dataset.")
    p.add_argument("--object", dest="obj", help="a dataset name or any exact object")
    p.add_argument("--since", help="UTC time, e.g. 2026-11-01")
    p.add_argument("--until", help="UTC time")
    p.set_defaults(func=cmd_report)


def cmd_show(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        found = audit_flows.show(
            session,
            actor=args.actor,
            action=args.action,
            obj=args.obj,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    finally:
        session.close()
    if args.json:
        emit_json([dict(r.body(), hash=r.hash.hex()) for r in found])
    else:
        rows = [(r.seq, r.time, r.actor, r.action, r.object, json.dumps(r.details, ensure_ascii=False)) for r in found]
        table(["seq", "time (UTC)", "actor", "action", "object", "details"], rows)
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        status = audit_flows.verify(session)
    finally:
        session.close()
    print(status.describe())
    return 0 if status.ok else 1


def cmd_export(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        count = audit_flows.export(session, args.file, args.first, args.last)
    finally:
        session.close()
    print(f"Exported {count} audit records to {args.file}.")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    session = open_session(args)
    try:
        filters = {k: getattr(args, k) for k in ("actor", "action", "obj", "since", "until") if getattr(args, k)}
        result = audit_flows.report(session, args.out, args.first, args.last, **filters)
    finally:
        session.close()
    noun = "record" if result.count == 1 else "records"
    print(f"Wrote a report of {result.count} audit {noun} to {result.path}.")
    print(result.status.describe())
    return 0 if result.status.ok else 1
