"""``nda``: NDAs as signed structured data, and the destruction duties they create."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from dataroom.core.deal.nda import DatasetScope, NdaTerms
from dataroom.core.deal.nda_templates import ONWARD_MODES
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.session import Session

from .commands_deal import date_arg
from .context import with_session
from .output import emit_json, table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    nda = sub.add_parser("nda", help="NDAs as signed structured data, and the destruction duties they create")
    cmds = nda.add_subparsers(dest="nda_cmd", required=True, metavar="ACTION")

    p = cmds.add_parser("new", help="draft an NDA with one or more counterparties over datasets in this vault")
    p.add_argument("--title", required=True)
    p.add_argument("--with", dest="counterparties", action="append", required=True, metavar="FINGERPRINT",
                   help="a counterparty's card fingerprint (repeatable)")  # fmt: skip
    p.add_argument("--purpose", help="purpose, used for both languages")
    p.add_argument("--purpose-zh", help="purpose in Chinese")
    p.add_argument("--purpose-en", help="purpose in English")
    p.add_argument("--dataset", action="append", required=True, metavar="NAME[:COL,COL…]",
                   help="dataset covered, optionally limited to some columns (repeatable)")  # fmt: skip
    p.add_argument("--from", dest="effective", type=date_arg, default=None, help="effective date (default today)")
    term = p.add_mutually_exclusive_group()
    term.add_argument("--until", type=date_arg, help="last day of the term")
    term.add_argument("--months", type=int, default=12, help="term in months (default 12)")
    p.add_argument("--classes", default="public,consent-required", help="data classes allowed (comma-separated)")
    p.add_argument("--full", action="store_true", help="allow full (un-redacted) data")
    p.add_argument("--onward", choices=ONWARD_MODES, default="none", help="onward sharing by the recipient")
    p.add_argument("--onward-name", action="append", default=[], help="named affiliate or advisor (repeatable)")
    p.add_argument("--recipient", action="append", default=[], metavar="FINGERPRINT:affiliate|advisor",
                   help="another permitted recipient with an imported card")  # fmt: skip
    p.add_argument("--destroy-days", type=int, default=30, help="days to destroy the data after the end (30)")
    p.add_argument("--no-certificate", action="store_true", help="no certificate of destruction required")
    p.add_argument("--incident-hours", type=int, default=24, help="hours to report an incident (24)")
    p.add_argument("--language", choices=("bilingual", "zh_CN", "en"), default="bilingual")
    p.add_argument("--discloser", metavar="FINGERPRINT", help="the disclosing party (default: the seller)")
    p.add_argument("--liability-file", help="UTF-8 file: Chinese text, a line with ---, English text")
    p.add_argument("--law-file", help="UTF-8 file for governing law and disputes, same layout")
    p.set_defaults(func=with_session(cmd_nda_new))

    p = cmds.add_parser("list", help="NDAs with their status today")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_nda_list))

    p = cmds.add_parser("show", help="an NDA's terms and whether it is in force")
    p.add_argument("nda")
    p.add_argument("--day", type=date_arg, help="check as of this day (default today)")
    p.add_argument("--json", action="store_true", help="print the signed content as JSON")
    p.set_defaults(func=with_session(cmd_nda_show))

    p = cmds.add_parser("sign", help="sign the NDA with this party's key")
    p.add_argument("nda")
    p.set_defaults(func=with_session(cmd_nda_sign))

    p = cmds.add_parser("export", help="write the NDA with its signatures (.drnda) for the other parties")
    p.add_argument("nda")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_nda_export))

    p = cmds.add_parser("import", help="import an NDA file: a new NDA, or the counterparty's signature")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_nda_import))

    p = cmds.add_parser("render", help="print the NDA to a bilingual PDF")
    p.add_argument("nda")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_nda_render))

    p = cmds.add_parser("end", help="record that the deal closed or negotiations were terminated")
    p.add_argument("nda")
    p.add_argument("how", choices=("closed", "terminated"))
    p.add_argument("--on", type=date_arg, help="day it ended (default today)")
    p.set_defaults(func=with_session(cmd_nda_end))

    p = cmds.add_parser("duties", help="destruction duties due after NDAs expired, closed or were terminated")
    p.add_argument("--day", type=date_arg)
    p.set_defaults(func=with_session(cmd_nda_duties))

    p = cmds.add_parser("check", help="would exporting a dataset to a recipient be allowed under the NDA?")
    p.add_argument("nda")
    p.add_argument("dataset")
    p.add_argument("recipient", help="recipient's card fingerprint (or first 10+ digits)")
    p.add_argument("--withhold", action="append", default=[], metavar="COLUMN", help="also withhold this column")
    p.add_argument("--full", action="store_true", help="full (un-redacted) data")
    p.add_argument("--day", type=date_arg)
    p.set_defaults(func=with_session(cmd_nda_check))


def _bilingual_file(path: str | None) -> Bilingual | None:
    if not path:
        return None
    try:
        content = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror}.") from None
    zh, sep, en = content.partition("\n---\n")
    if not sep or not zh.strip() or not en.strip():
        raise InputError(f"{path} must hold the Chinese text, a line with ---, then the English text.")
    return Bilingual(zh.strip(), en.strip())


def _term_end(start: dt.date, months: int) -> dt.date:
    """Last day of a term of ``months`` starting on ``start`` (2026-01-01 + 12 months → 2026-12-31)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    day = start.day
    while True:  # the same day of the month, or the month's last day when it is shorter
        try:
            return dt.date(year, month, day) - dt.timedelta(days=1)
        except ValueError:
            day -= 1


def cmd_nda_new(session: Session, args: argparse.Namespace) -> int:
    zh = args.purpose_zh or args.purpose
    en = args.purpose_en or args.purpose
    if not zh or not en:
        raise InputError("State the purpose: --purpose, or --purpose-zh and --purpose-en.")
    scopes = []
    for spec in args.dataset:
        name, _, cols = spec.partition(":")
        scopes.append(DatasetScope(name, tuple(c.strip() for c in cols.split(",") if c.strip()) if cols else None))
    extra = []
    for spec in args.recipient:
        fp, _, relation = spec.rpartition(":")
        extra.append((fp, relation))
    effective = args.effective or dt.date.today()
    expires = args.until or _term_end(effective, args.months)
    changes: dict[str, Any] = {}
    if (liability := _bilingual_file(args.liability_file)) is not None:
        changes["liability"] = liability
    if (law := _bilingual_file(args.law_file)) is not None:
        changes["governing_law"] = law
    terms = NdaTerms(
        title=args.title,
        counterparties=tuple(args.counterparties),
        purpose=Bilingual(zh, en),
        datasets=tuple(scopes),
        effective_on=effective,
        expires_on=expires,
        classes=tuple(c.strip() for c in args.classes.split(",") if c.strip()),
        full_data=args.full,
        extra_recipients=tuple(extra),
        onward_sharing=args.onward,
        onward_named=tuple(args.onward_name),
        destruction_days=args.destroy_days,
        certificate_required=not args.no_certificate,
        incident_notice_hours=args.incident_hours,
        language=args.language,
        discloser=args.discloser,
        **changes,
    )
    made = nda_flows.new_nda(session, terms)
    print(f"Drafted {made.id} “{made.title}” ({effective} – {expires}), content SHA-256 {made.content_sha256}.")
    print(f"Next: read it (`dataroom nda render {made.id} nda.pdf`), sign it, and export it to the other parties.")
    return 0


def cmd_nda_list(session: Session, args: argparse.Namespace) -> int:
    found = nda_flows.list_ndas(session)
    if args.json:
        emit_json([{"id": n.id, "title": n.title, "sha256": n.content_sha256, "in_force": s.in_force,
                    "reasons": [r.code for r in s.reasons]} for n, s in found])  # fmt: skip
        return 0
    table(
        ["NDA", "title", "term", "signed", "in force"],
        [(n.id, n.title, f"{n.effective_on} – {n.expires_on}", f"{sum(x.valid for x in s.signatures)}/"
          f"{len(s.signatures)}", "yes" if s.in_force else "no: " + s.reasons[0].code) for n, s in found],
    )  # fmt: skip
    return 0


def cmd_nda_show(session: Session, args: argparse.Namespace) -> int:
    agreement = nda_flows.show_nda(session, args.nda)
    if args.json:
        emit_json(agreement.content)
        return 0
    status = nda_flows.nda_status(session, agreement.id, args.day)
    print("\n".join(status.describe()))
    c = agreement.content
    print(f"Purpose: {c['purpose']['zh']} / {c['purpose']['en']}")
    for d in c["scope"]["datasets"]:
        print(f"Dataset {d['name']}: {', '.join(d['columns']) if d['columns'] else 'all columns'}")
    print(f"Classes: {', '.join(c['scope']['classes'])}; full data: {'allowed' if c['scope']['full_data'] else 'no'}")
    print("Recipients: " + ", ".join(f"{r['organisation']} ({r['relation']})" for r in c["recipients"]))
    print(f"Onward sharing: {c['onward_sharing']['mode']}; destruction within {c['destruction']['days']} days")
    print(f"Content SHA-256: {agreement.content_sha256}")
    return 0 if status.in_force else 1


def cmd_nda_sign(session: Session, args: argparse.Namespace) -> int:
    status = nda_flows.sign_nda(session, args.nda)
    print(f"Signed {status.nda_id}.")
    print("\n".join(status.describe()))
    return 0


def cmd_nda_export(session: Session, args: argparse.Namespace) -> int:
    path = nda_flows.export_nda(session, args.nda, Path(args.file))
    print(f"Wrote {path}; send it to the other parties to sign or to record your signature.")
    return 0


def cmd_nda_import(session: Session, args: argparse.Namespace) -> int:
    report = nda_flows.import_nda(session, Path(args.file))
    what = "Imported new NDA" if report.created else "Updated"
    print(f"{what} {report.nda.id} “{report.nda.title}”: {len(report.added)} new signature(s), all verified.")
    for note in report.notes:
        print(f"Note: {note}")
    print("\n".join(nda_flows.nda_status(session, report.nda.id).describe()))
    return 0


def cmd_nda_render(session: Session, args: argparse.Namespace) -> int:
    path = nda_flows.render_nda(session, args.nda, Path(args.file))
    print(f"Wrote {path}.")
    return 0


def cmd_nda_end(session: Session, args: argparse.Namespace) -> int:
    ended = nda_flows.end_nda(session, args.nda, args.how, args.on)
    days = ended.content["destruction"]["days"]
    print(f"{ended.id} ended on {ended.ended_on} ({args.how}); the data must be destroyed within {days} days.")
    return 0


def cmd_nda_duties(session: Session, args: argparse.Namespace) -> int:
    duties = nda_flows.destruction_duties(session, args.day)
    if not duties:
        print("No destruction duty is due.")
    for duty in duties:
        print(("OVERDUE: " if duty.overdue else "") + duty.describe())
    return 1 if any(d.overdue for d in duties) else 0


def cmd_nda_check(session: Session, args: argparse.Namespace) -> int:
    info = dataset_flows.get_dataset(session, args.dataset)
    if args.full:  # every value as it is: each column counts with its own class
        classes = {c.name: c.data_class for c in dataset_flows.column_classes(session, args.dataset)}
        policy = {col: (classes.get(col, "sensitive"), True) for col in info.columns}
    else:  # what the dataset's current redaction policy would release
        policy = redaction_flows.show_policy(session, args.dataset).policy.summary()
    policy = {col: (cls, released and col not in args.withhold) for col, (cls, released) in policy.items()}
    recipient = parties.get_card(session, args.recipient).fingerprint
    decision = nda_flows.check_export(session, args.nda, info, policy, recipient, args.full, today=args.day)
    if decision.ok:
        print(f"Allowed under {decision.nda_id}.")
        return 0
    for reason in decision.reasons:
        print(f"Refused ({reason.code}): {reason.message}")
    return 1
