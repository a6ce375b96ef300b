"""``consent``, ``notice`` and ``incident``: the deal records about data subjects.

``party`` and ``nda`` live in :mod:`.commands_party` and :mod:`.commands_nda`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from dataroom.core.deal.consent import SOURCES, ConsentRecord
from dataroom.core.deal.incidents import KINDS, AffectedData, IncidentFacts
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError
from dataroom.core.flows import consent as consent_flows
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.flows import notice as notice_flows
from dataroom.core.session import Session
from dataroom.core.subjects import KINDS as ID_KINDS

from .context import with_session
from .output import emit_json, table


def date_arg(text: str) -> dt.date:
    """``argparse`` type for a day written as ISO ``YYYY-MM-DD``."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _register_consent(sub)
    _register_notice(sub)
    _register_incident(sub)


# ---- consent ---------------------------------------------------------------------------------------------------


def _register_consent(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    consent = sub.add_parser("consent", help="the consent registry (subjects by keyed token only)")
    cmds = consent.add_subparsers(dest="consent_cmd", required=True, metavar="ACTION")

    p = cmds.add_parser("import", help="import a CSV of consents; identifiers become tokens at once")
    p.add_argument("file")
    p.add_argument("--kind", choices=ID_KINDS, help="identifier kind, when the file has no kind column")
    p.add_argument("--purpose", help="purpose, when the file has no purpose column")
    p.add_argument("--source", choices=SOURCES, help="source, when the file has no source column")
    p.set_defaults(func=with_session(cmd_consent_import))

    p = cmds.add_parser("list", help="consents on record (tokens, purposes, dates)")
    p.add_argument("--purpose")
    p.add_argument("--kind", choices=ID_KINDS, help="look up one person: give the kind, type the identifier")
    p.add_argument("--limit", type=int, default=200)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_consent_list))

    p = cmds.add_parser("coverage", help="share of a dataset's rows with valid consent for a purpose")
    p.add_argument("dataset")
    p.add_argument("--purpose", required=True)
    p.add_argument("--day", type=date_arg)
    p.add_argument("--column", action="append", default=[], metavar="NAME:KIND",
                   help="identifier column to match on (default: the classified ones)")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_consent_coverage))

    p = cmds.add_parser("withdraw", help="record a withdrawal of consent (the identifier is read from the terminal)")
    p.add_argument("--kind", required=True, choices=ID_KINDS)
    p.add_argument("--purpose", required=True)
    p.add_argument("--on", type=date_arg, help="withdrawn from this day (default today)")
    p.set_defaults(func=with_session(cmd_consent_withdraw))


def _read_identifier() -> str:
    """The identifier from a prompt or the first line of stdin: never argv, so it stays out of shell history."""
    if sys.stdin.isatty():
        return input("Identifier (not stored; turned into a token): ")
    line = sys.stdin.readline()
    if not line.strip():
        raise InputError("Give the identifier on standard input.")
    return line.strip()


def cmd_consent_import(session: Session, args: argparse.Namespace) -> int:
    result = consent_flows.import_consents(
        session, Path(args.file), kind=args.kind, purpose=args.purpose, source=args.source
    )
    print(f"Batch {result.batch}: {result.rows:,} rows, {result.imported:,} consents recorded, "
          f"{result.duplicates:,} already on record, {len(result.problems):,} rows skipped.")  # fmt: skip
    for purpose, count in sorted(result.purposes.items()):
        print(f"  {purpose}: {count:,}")
    for problem in result.problems:
        print(f"  skipped {problem}")
    return 0


def _consent_json(r: ConsentRecord) -> dict[str, Any]:
    return {
        "subject": r.subject,
        "purpose": r.purpose,
        "scope": list(r.scope),
        "source": r.source,
        "source_ref": r.source_ref,
        "given_on": r.given_on.isoformat(),
        "withdrawn_on": r.withdrawn_on.isoformat() if r.withdrawn_on else None,
    }


def cmd_consent_list(session: Session, args: argparse.Namespace) -> int:
    subject = consent_flows.subject_token(session, args.kind, _read_identifier()) if args.kind else None
    found = consent_flows.list_consents(session, purpose=args.purpose, subject=subject, limit=args.limit)
    if args.json:
        emit_json([_consent_json(r) for r in found])
        return 0
    if not subject and not args.purpose:
        for purpose, count in consent_flows.consent_purposes(session):
            print(f"{purpose}: {count:,} consents")
        print()
    table(
        ["subject token", "purpose", "scope", "source", "given", "withdrawn"],
        [(r.subject, r.purpose, ", ".join(r.scope) or "all", f"{r.source} {r.source_ref}".strip(), r.given_on,
          r.withdrawn_on or "") for r in found],
    )  # fmt: skip
    return 0


def cmd_consent_coverage(session: Session, args: argparse.Namespace) -> int:
    columns = {}
    for spec in args.column:
        name, _, kind = spec.rpartition(":")
        columns[name] = kind
    result = consent_flows.consent_coverage(session, args.dataset, args.purpose, args.day, columns=columns or None)
    if args.json:
        emit_json(result.to_json())
    else:
        print(result.describe())
        print("Matched on: " + ", ".join(f"{c} ({k})" for c, k in result.identifier_columns.items()))
    return 0


def cmd_consent_withdraw(session: Session, args: argparse.Namespace) -> int:
    count = consent_flows.withdraw_consent(session, args.kind, _read_identifier(), args.purpose, args.on)
    print(f"Withdrawn: {count} consent record(s) for {args.purpose!r} no longer count from {args.on or 'today'}.")
    return 0


# ---- notice ----------------------------------------------------------------------------------------------------


def _register_notice(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    notice = sub.add_parser("notice", help="PIPL art. 22 notice to data subjects about the transfer")
    cmds = notice.add_subparsers(dest="notice_cmd", required=True, metavar="ACTION")
    p = cmds.add_parser("render", help="write OUT.pdf, OUT.txt (e-mail, {{name}} merge field) and OUT-sms.txt")
    p.add_argument("dataset")
    p.add_argument("out", help="output path without suffix")
    p.add_argument("--recipient", required=True, metavar="FINGERPRINT", help="the recipient's card fingerprint")
    p.add_argument("--nda", help="the NDA the transfer happens under (gives purpose and columns)")
    p.add_argument("--contact", help="recipient's contact details (default: e-mail on its card)")
    p.add_argument("--purpose", help="purpose, when there is no NDA")
    p.add_argument("--purpose-en", help="purpose in English, if different")
    p.add_argument("--sender-contact", help="where subjects send requests (default: our card's e-mail)")
    p.add_argument("--date", type=date_arg, help="expected transfer date (default today)")
    p.add_argument("--reply-days", type=int, default=15)
    p.add_argument("--language", choices=("both", "zh_CN", "en"), default="both")
    p.set_defaults(func=with_session(cmd_notice_render))


def cmd_notice_render(session: Session, args: argparse.Namespace) -> int:
    purpose = Bilingual(args.purpose, args.purpose_en or args.purpose) if args.purpose else None
    out = Path(args.out)
    made = notice_flows.prepare_notice(
        session, args.dataset, args.recipient, nda_id=args.nda, recipient_contact=args.contact, purpose=purpose,
        sender_contact=args.sender_contact, transfer_date=args.date, reply_days=args.reply_days,
        language=args.language, pdf_path=out.with_name(out.name + ".pdf"), text_path=out.with_name(out.name + ".txt"),
        sms_path=out.with_name(out.name + "-sms.txt"),
    )  # fmt: skip
    print(f"Notice #{made.notice_id} for {made.facts.dataset} → {made.facts.recipient}: "
          + ", ".join(str(p) for p in made.files))  # fmt: skip
    return 0


# ---- incident --------------------------------------------------------------------------------------------------


def _register_incident(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    incident = sub.add_parser("incident", help="the incident register and PIPL art. 57 notification drafts")
    cmds = incident.add_subparsers(dest="incident_cmd", required=True, metavar="ACTION")

    p = cmds.add_parser("new", help="record an incident; affected people are counted from the data")
    p.add_argument("--title", required=True)
    p.add_argument("--kind", required=True, choices=list(KINDS))
    p.add_argument("--found-at", required=True, help="when it was found, e.g. 2026-03-01T09:30")
    p.add_argument("--dataset", action="append", required=True, metavar="NAME[:COL,COL][@ROWS]",
                   help="affected dataset, columns and rows like 1-100,205 (repeatable)")  # fmt: skip
    p.add_argument("--cause", required=True)
    p.add_argument("--containment", required=True, help="measures taken")
    p.add_argument("--harm", default="", help="possible harm to the people affected")
    p.add_argument("--remedies", default="", help="what the people affected can do")
    p.add_argument("--contact", required=True, help="contact for questions")
    p.set_defaults(func=with_session(cmd_incident_new))

    p = cmds.add_parser("list", help="incidents on record")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_incident_list))

    p = cmds.add_parser("render", help="write the authority report and the notice to persons (PDF and text)")
    p.add_argument("id", type=int)
    p.add_argument("folder")
    p.add_argument("--language", choices=("both", "zh_CN", "en"), default="both")
    p.set_defaults(func=with_session(cmd_incident_render))


def _affected(spec: str) -> AffectedData:
    head, _, rows = spec.partition("@")
    name, _, cols = head.partition(":")
    columns = tuple(c.strip() for c in cols.split(",") if c.strip()) if cols else None
    return AffectedData(name, columns, rows or "all")


def cmd_incident_new(session: Session, args: argparse.Namespace) -> int:
    facts = IncidentFacts(
        args.title, args.kind, args.found_at, tuple(_affected(s) for s in args.dataset), args.cause,
        args.containment, args.harm, args.remedies, args.contact,
    )  # fmt: skip
    incident = incident_flows.log_incident(session, facts)
    print(f"Recorded incident #{incident.id}: {incident.affected_rows:,} rows, about "
          f"{incident.affected_subjects:,} people affected.")  # fmt: skip
    print(f"Drafts: dataroom incident render {incident.id} FOLDER")
    return 0


def cmd_incident_list(session: Session, args: argparse.Namespace) -> int:
    found = incident_flows.list_incidents(session)
    if args.json:
        emit_json([{"id": i.id, "title": i.title, "found_at": i.found_at, "rows": i.affected_rows,
                    "people": i.affected_subjects, "kind": i.content["kind"]} for i in found])  # fmt: skip
        return 0
    table(
        ["#", "found", "kind", "title", "rows", "people", "recorded by"],
        [(i.id, i.found_at, i.content["kind"], i.title, f"{i.affected_rows:,}", f"{i.affected_subjects:,}",
          i.recorded_by) for i in found],
    )  # fmt: skip
    return 0


def cmd_incident_render(session: Session, args: argparse.Namespace) -> int:
    files = incident_flows.render_incident(session, args.id, Path(args.folder), args.language)
    print("Wrote " + ", ".join(str(f) for f in files))
    return 0
