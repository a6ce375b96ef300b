"""``party``, ``nda``, ``consent``, ``notice`` and ``incident``: the deal records between the parties."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from dataroom.core.deal import fingerprint
from dataroom.core.deal.cards import CardReport
from dataroom.core.deal.consent import SOURCES, ConsentRecord
from dataroom.core.deal.counterparties import CONFIRM_METHODS, PartyCard
from dataroom.core.deal.errors import NoIdentity
from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.deal.incidents import KINDS, AffectedData, IncidentFacts
from dataroom.core.deal.keys import ROLES
from dataroom.core.deal.nda import DatasetScope, NdaTerms
from dataroom.core.deal.nda_templates import ONWARD_MODES
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError
from dataroom.core.flows import consent as consent_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import incidents as incident_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import notice as notice_flows
from dataroom.core.flows import parties
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.session import Session
from dataroom.core.subjects import KINDS as ID_KINDS

from .context import with_session
from .output import emit_json, table


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _register_party(sub)
    _register_nda(sub)
    _register_consent(sub)
    _register_notice(sub)
    _register_incident(sub)


# ---- party -----------------------------------------------------------------------------------------------------


def _register_party(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    party = sub.add_parser("party", help="this party's identity keys and the counterparties' identity cards")
    cmds = party.add_subparsers(dest="party_cmd", required=True, metavar="ACTION")

    p = cmds.add_parser("init", help="create this vault's party identity (signing, encryption and PDF keys)")
    p.add_argument("--org", required=True, help="organisation (company) name")
    p.add_argument("--person", required=True, help="the person acting for it")
    p.add_argument("--email", required=True)
    p.add_argument("--role", required=True, choices=ROLES)
    p.set_defaults(func=with_session(cmd_party_init))

    p = cmds.add_parser("show", help="our identity and the imported cards, or one card by fingerprint")
    p.add_argument("fingerprint", nargs="?", help="a card's fingerprint (or its first 10+ digits)")
    p.add_argument("--pdf", metavar="FILE", help="also print that card (or ours) to a PDF")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_party_show))

    p = cmds.add_parser("export-card", help="write our public identity card (.drcard) to give to counterparties")
    p.add_argument("file")
    p.add_argument("--pdf", metavar="FILE", help="also write the printable card (PDF) to compare by phone")
    p.set_defaults(func=with_session(cmd_party_export))

    p = cmds.add_parser("import-card", help="import a counterparty's identity card (verified; then confirm it)")
    p.add_argument("file")
    p.set_defaults(func=with_session(cmd_party_import))

    p = cmds.add_parser("confirm", help="record that you compared a card's fingerprint with its party")
    p.add_argument("fingerprint", help="the card's fingerprint (or its first 10+ digits)")
    p.add_argument("--method", required=True, choices=[m for m in CONFIRM_METHODS])
    p.add_argument("--note", help="with whom, which number you called, …")
    p.add_argument("--accept-mismatch", action="store_true", help="confirm although another card of the party differs")
    p.set_defaults(func=with_session(cmd_party_confirm))

    p = cmds.add_parser("rollover", help="replace our keys; the new card is signed by the old key")
    p.add_argument("--org")
    p.add_argument("--person")
    p.add_argument("--email")
    p.add_argument("--role", choices=ROLES)
    p.set_defaults(func=with_session(cmd_party_rollover))

    p = cmds.add_parser("verify-card", help="check a .drcard file on its own (no vault needed)")
    p.add_argument("file")
    p.set_defaults(func=cmd_party_verify)


def _fp_lines(fp: str, indent: str = "  ") -> list[str]:
    return [indent + line for line in fingerprint.lines(fp)]


def _print_own(own: OwnIdentity) -> None:
    p = own.party
    print(f"{p.organisation} — {p.person} <{p.email}>, {p.role}; key generation {own.generation}")
    print("Safety fingerprint (read it to your counterparties):")
    print("\n".join(_fp_lines(own.fingerprint)))
    print(f"Encryption recipient: {own.card.age_recipient}")
    print(f"Card SHA-256: {own.card.sha256}")


def _card_json(c: PartyCard) -> dict[str, Any]:
    p = c.card.party
    return {
        "fingerprint": c.fingerprint, "organisation": p.organisation, "person": p.person, "email": p.email,
        "role": p.role, "generation": c.card.generation, "status": c.status, "confirmation": c.confirmation_text(),
        "card_sha256": c.card.sha256, "age_recipient": c.card.age_recipient,
    }  # fmt: skip


def cmd_party_init(session: Session, args: argparse.Namespace) -> int:
    own = parties.create_identity(session, args.org, args.person, args.email, args.role)
    print("Created this vault's party identity (keys stay inside the vault).")
    _print_own(own)
    print("Next: `dataroom party export-card FILE --pdf FILE.pdf` and give the card to your counterparties.")
    return 0


def cmd_party_show(session: Session, args: argparse.Namespace) -> int:
    if args.fingerprint:
        card = parties.get_card(session, args.fingerprint)
        if args.pdf:
            parties.render_card(session, Path(args.pdf), card.fingerprint)
        if args.json:
            emit_json(_card_json(card))
            return 0
        p = card.card.party
        print(f"{p.organisation} — {p.person} <{p.email}>, {p.role}; generation {card.card.generation}")
        print("\n".join(_fp_lines(card.fingerprint)))
        print(f"Status: {card.status}; {card.confirmation_text()}")
        return 0
    try:
        own: OwnIdentity | None = parties.show_identity(session)
    except NoIdentity:
        own = None
    cards = parties.list_cards(session)
    if args.pdf and own:
        parties.render_card(session, Path(args.pdf))
    if args.json:
        emit_json({"own": _own_json(own) if own else None, "cards": [_card_json(c) for c in cards]})
        return 0
    if own:
        _print_own(own)
    else:
        print("This vault has no party identity yet: `dataroom party init --org … --person … --email … --role …`.")
    if cards:
        print()
        table(
            ["fingerprint", "organisation", "person", "role", "gen", "status", "confirmation"],
            [(c.fingerprint[:17] + "…", c.card.party.organisation, c.card.party.person, c.card.party.role,
              c.card.generation, c.status, c.confirmation_text()) for c in cards],
        )  # fmt: skip
    return 0


def _own_json(own: OwnIdentity) -> dict[str, Any]:
    p = own.party
    return {
        "fingerprint": own.fingerprint, "organisation": p.organisation, "person": p.person, "email": p.email,
        "role": p.role, "generation": own.generation, "card_sha256": own.card.sha256,
        "age_recipient": own.card.age_recipient,
    }  # fmt: skip


def cmd_party_export(session: Session, args: argparse.Namespace) -> int:
    path = parties.export_card(session, Path(args.file), pdf_path=Path(args.pdf) if args.pdf else None)
    print(f"Wrote the identity card {path}" + (f" and {args.pdf}" if args.pdf else "") + ".")
    print("Counterparties must compare this fingerprint with you by phone or in person:")
    print("\n".join(_fp_lines(parties.show_identity(session).fingerprint)))
    return 0


def cmd_party_import(session: Session, args: argparse.Namespace) -> int:
    result = parties.import_card(session, Path(args.file))
    card = result.card
    p = card.card.party
    print(f"Card of {p.organisation} — {p.person} <{p.email}>, {p.role} (generation {card.card.generation}):")
    print("\n".join(_fp_lines(card.fingerprint)))
    print(f"Status: {card.status}.")
    for message in result.messages:
        print(message)
    if card.status == "unconfirmed":
        print(f"After comparing: dataroom party confirm {card.fingerprint[:11].replace(' ', '')} --method phone")
    return 1 if card.status == "suspect" else 0  # a script must not carry on as if the card were fine


def cmd_party_confirm(session: Session, args: argparse.Namespace) -> int:
    card = parties.confirm_card(session, args.fingerprint, args.method, args.note, accept_mismatch=args.accept_mismatch)
    print(f"Confirmed the card of {card.card.party.organisation}: {card.confirmation_text()}.")
    return 0


def cmd_party_rollover(session: Session, args: argparse.Namespace) -> int:
    new = parties.rollover_identity(
        session, organisation=args.org, person=args.person, email=args.email, role=args.role
    )
    print(f"New keys (generation {new.generation}); the old ones are kept to verify earlier signatures.")
    _print_own(new)
    print("Export the new card and send it: counterparties who confirmed the old card will see it chains to it.")
    return 0


def _print_report(report: CardReport) -> None:
    print("\n".join(report.describe()))


def cmd_party_verify(args: argparse.Namespace) -> int:
    report = parties.verify_card_file(Path(args.file))
    _print_report(report)
    return 0 if report.ok else 1


# ---- nda -------------------------------------------------------------------------------------------------------


def _register_nda(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    p.add_argument("--from", dest="effective", type=_date, default=None, help="effective date (default today)")
    term = p.add_mutually_exclusive_group()
    term.add_argument("--until", type=_date, help="last day of the term")
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
    p.add_argument("--day", type=_date, help="check as of this day (default today)")
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
    p.add_argument("--on", type=_date, help="day it ended (default today)")
    p.set_defaults(func=with_session(cmd_nda_end))

    p = cmds.add_parser("duties", help="destruction duties due after NDAs expired, closed or were terminated")
    p.add_argument("--day", type=_date)
    p.set_defaults(func=with_session(cmd_nda_duties))

    p = cmds.add_parser("check", help="would exporting a dataset to a recipient be allowed under the NDA?")
    p.add_argument("nda")
    p.add_argument("dataset")
    p.add_argument("recipient", help="recipient's card fingerprint (or first 10+ digits)")
    p.add_argument("--withhold", action="append", default=[], metavar="COLUMN", help="also withhold this column")
    p.add_argument("--full", action="store_true", help="full (un-redacted) data")
    p.add_argument("--day", type=_date)
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
    p.add_argument("--day", type=_date)
    p.add_argument("--column", action="append", default=[], metavar="NAME:KIND",
                   help="identifier column to match on (default: the classified ones)")  # fmt: skip
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=with_session(cmd_consent_coverage))

    p = cmds.add_parser("withdraw", help="record a withdrawal of consent (the identifier is read from the terminal)")
    p.add_argument("--kind", required=True, choices=ID_KINDS)
    p.add_argument("--purpose", required=True)
    p.add_argument("--on", type=_date, help="withdrawn from this day (default today)")
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
    p.add_argument("--date", type=_date, help="expected transfer date (default today)")
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
