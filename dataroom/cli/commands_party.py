"""``party``: this party's identity keys and the counterparties' identity cards."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dataroom.core.deal import fingerprint
from dataroom.core.deal.cards import CardReport
from dataroom.core.deal.counterparties import CONFIRM_METHODS, PartyCard
from dataroom.core.deal.errors import NoIdentity
from dataroom.core.deal.identity import OwnIdentity
from dataroom.core.deal.keys import ROLES
from dataroom.core.flows import parties
from dataroom.core.session import Session

from .context import with_session
from .output import emit_json, table


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
