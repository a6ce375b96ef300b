"""``dataroom verify FILE``: recognise a Dataroom file and say in words whether it is authentic, who signed it,
what it covers, and what is wrong if not.

Recognised: transfer packets (``.drpkt``), transfer receipts and certificates of destruction (signed PDFs),
identity cards (``.drcard``), audit exports (JSON lines) and NDA files (``.drnda``). Without a vault the
signatures are checked against the keys the file itself carries, so the best answer is "signature valid, signer
not confirmed by you"; with a vault, against the cards confirmed in it. Verifying with a vault is audited.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataroom.core.audit import export as audit_export
from dataroom.core.audit import log as audit_log
from dataroom.core.deal import cards, counterparties, fingerprint, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.cards import Card
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.flows import parties
from dataroom.core.session import Session
from dataroom.core.transfer import destruction, packet_check, pades, receipts, records, signed_pdf
from dataroom.core.users.roles import Permission

CONFIRMED = "confirmed"
UNCONFIRMED = "signature valid, signer not confirmed by you"
NOT_VALID = "not valid"
UNSIGNED = "no signature (hash chain only)"

#: Files larger than this are only recognised as packets (read in pieces), never loaded whole.
MAX_WHOLE = 64 * 1024 * 1024


@dataclass
class VerifyReport:
    """The answer for one file."""

    path: Path
    kind: str
    authentic: bool
    trust: str
    signers: list[str] = field(default_factory=list)
    covers: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def describe(self) -> list[str]:
        head = "AUTHENTIC" if self.authentic and self.trust == CONFIRMED else (
            "intact" if self.authentic and self.trust == UNSIGNED else (
                UNCONFIRMED.upper() if self.authentic else "NOT AUTHENTIC"))  # fmt: skip
        out = [f"{self.path.name}: {self.kind} — {head}"]
        out += [f"  signed by: {s}" for s in self.signers]
        out += [f"  {c}" for c in self.covers]
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  problem: {p}" for p in self.problems]
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "kind": self.kind, "authentic": self.authentic, "trust": self.trust,
            "signers": self.signers, "covers": self.covers, "problems": self.problems, "notes": self.notes,
        }  # fmt: skip


def _fp(fp: str) -> str:
    return " ".join(fingerprint.lines(fp, 12))


def _lookup(conn: Any) -> packet_check.CardLookup:
    def find(fp: str) -> tuple[Card, bool] | None:
        own = identity.by_fingerprint(conn, fp)
        if own is not None:
            return own.card, True
        found = counterparties.find(conn, fp)
        return (found.card, found.confirmed and found.status != "suspect") if found else None

    return find


def _packet(path: Path, conn: Any | None) -> VerifyReport:
    result = packet_check.check(path, _lookup(conn) if conn is not None else None)
    m = result.manifest
    trust = NOT_VALID if not result.ok else (CONFIRMED if result.confirmed else UNCONFIRMED)
    report = VerifyReport(path, "transfer packet", result.ok, trust, problems=list(result.problems))
    if m is not None:
        s, r = m.sender, m.recipient
        report.signers.append(f"{s['organisation']} ({s['person']}), fingerprint {_fp(m.sender_fingerprint)}")
        report.covers += [
            f"packet {m.packet_id} of {m.created_at[:19]}: {m.dataset}, {m.rows:,} rows × {len(m.columns)} columns, "
            + ("FULL data" if m.full else f"redacted (policy v{m.policy_version}, SHA-256 {m.policy_sha256[:16]}…)"),
            f"for {r['organisation']} ({r['person']}), fingerprint {_fp(m.recipient_fingerprint)}",
            f"under NDA {m.nda_id}; manifest SHA-256 {m.sha256}",
            f"packet file SHA-256 {result.packet_sha256}",
        ]
        if conn is not None:
            if identity.by_fingerprint(conn, m.recipient_fingerprint) is not None:
                got = records.find_received(conn, m.packet_id)
                report.notes.append(f"made for you; already imported as {got.dataset!r}" if got else "made for you")
            if any(p.id == m.packet_id for p in records.all_sent(conn)):
                report.notes.append("sent from this vault")
    return report


def _receipt(path: Path, pdf: bytes, conn: Any | None) -> VerifyReport:
    if conn is None:
        result = receipts.check(pdf, {})
    else:
        result = receipts.check(pdf, signed_pdf.known_roots(conn), lineage=lambda fp: counterparties.lineage(conn, fp))
    trust = NOT_VALID if not result.ok else (CONFIRMED if result.confirmed else UNCONFIRMED)
    report = VerifyReport(path, "transfer receipt", result.ok, trust, problems=list(result.problems),
                          notes=list(result.notes))  # fmt: skip
    report.signers = [s.describe() for s in result.signatures.signatures]
    m = result.manifest
    if m is not None:
        report.covers += [
            f"packet {m.packet_id}: {m.dataset}, {m.rows:,} rows × {len(m.columns)} columns, "
            + ("FULL data" if m.full else f"redacted (policy v{m.policy_version})"),
            f"from {m.sender['organisation']} to {m.recipient['organisation']} under NDA {m.nda_id}",
            f"manifest SHA-256 {m.sha256} (compare with the packet: `dataroom verify PACKET`)",
            "counter-signed by the recipient" if result.counter is not None else "not counter-signed yet",
        ]
    return report


def _certificate(path: Path, pdf: bytes, conn: Any | None) -> VerifyReport:
    if conn is None:
        result = destruction.check(pdf, {})
    else:
        result = destruction.check(pdf, signed_pdf.known_roots(conn),
                                   lineage=lambda fp: counterparties.lineage(conn, fp))  # fmt: skip
    trust = NOT_VALID if not result.ok else (CONFIRMED if result.confirmed else UNCONFIRMED)
    report = VerifyReport(path, "certificate of destruction", result.ok, trust, problems=list(result.problems))
    report.signers = [s.describe() for s in result.signatures.signatures]
    s = result.statement
    if s is not None:
        d = s.doc
        report.covers += [
            f"{s.certificate_id}: dataset {d['dataset']['name']} ({d['dataset']['rows']:,} rows) destroyed "
            f"{d['destroyed_at'][:19]} by {d['destroyed_by']['organisation']}",
            f"under NDA {s.nda_id}; packets {', '.join(s.packet_ids) or 'none'}",
            f"statement SHA-256 {s.sha256}",
        ]
    return report


def _other_pdf(path: Path, pdf: bytes, conn: Any | None) -> VerifyReport:
    roots = signed_pdf.known_roots(conn) if conn is not None else {}
    sigs = signed_pdf.check(pdf, roots).signatures
    if not sigs:
        return VerifyReport(path, "PDF", False, UNSIGNED, problems=[
            "It is not a Dataroom receipt or certificate and carries no signature to check."])  # fmt: skip
    sound = all(s.sound for s in sigs)
    trust = NOT_VALID if not sound else (CONFIRMED if all(s.confirmed for s in sigs) else UNCONFIRMED)
    note = "It is not a Dataroom receipt or certificate; only its signatures were checked."
    return VerifyReport(path, "signed PDF", sound, trust, signers=[s.describe() for s in sigs], notes=[note])


def _card(path: Path, conn: Any | None) -> VerifyReport:
    result = parties.verify_card_file(path)
    trust = NOT_VALID
    notes: list[str] = []
    if result.ok and result.fingerprint:
        trust = UNCONFIRMED
        if conn is not None:
            known = _lookup(conn)(result.fingerprint)
            if known is not None and known[1]:
                trust = CONFIRMED
                notes.append("this card is yours" if identity.by_fingerprint(conn, result.fingerprint)
                             else "this card is imported and confirmed here")  # fmt: skip
            else:
                notes.append("compare its fingerprint with the party before trusting it")
    p = result.party
    return VerifyReport(
        path, "identity card", result.ok, trust,
        signers=[f"{p.organisation} ({p.person}), self-signed"] if p else [],
        covers=[line.strip() for line in result.describe()[1:] if not line.strip().startswith("problem:")],
        problems=list(result.problems), notes=notes + list(result.notes),
    )  # fmt: skip


def _audit_export(path: Path) -> VerifyReport:
    status = audit_export.verify_export(path)
    report = VerifyReport(path, "audit export", status.ok, UNSIGNED if status.ok else NOT_VALID)
    report.covers.append(status.describe())
    if not status.ok:
        report.problems.append(status.reason)
    report.notes.append("An export carries no signature: the hash chain proves it is complete and unchanged; compare "
                        "its head with an audit anchor in a packet or receipt to prove whose log it is.")  # fmt: skip
    return report


def _nda(path: Path, conn: Any | None) -> VerifyReport:
    try:
        doc = ndas.read_file(path)
    except DataroomError as exc:
        return VerifyReport(path, "NDA file", False, NOT_VALID, problems=[str(exc)])
    content = doc["content"]
    report = VerifyReport(path, "NDA file", True, UNCONFIRMED)
    report.covers.append(f"{content['id']} “{content['title']}”, SHA-256 {ndas.content_sha256(content)}")
    if conn is None:
        report.authentic = False
        report.trust = "signers unknown without a vault"
        report.notes.append("Its signatures are checked against the parties' cards: import it in a vault.")
        return report
    confirmed = True
    for sig in doc["signatures"]:
        problem = ndas.check_signature(conn, content, sig if isinstance(sig, dict) else {})
        who = str(sig.get("signer", "?"))[:17] if isinstance(sig, dict) else "?"
        if problem:
            report.problems.append(f"signature by {who}…: {problem}")
        else:
            known = _lookup(conn)(str(sig["signer"]))
            confirmed = confirmed and bool(known and known[1])
            report.signers.append(f"{who}… signed {sig['signed_at'][:19]}")
    report.authentic = not report.problems and bool(doc["signatures"])
    report.trust = NOT_VALID if not report.authentic else (CONFIRMED if confirmed else UNCONFIRMED)
    return report


def _kind_of_json(path: Path) -> str:
    with open(path, "rb") as fh:
        first = fh.readline(1 << 20)
    try:
        doc = json.loads(first.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        doc = None
    if isinstance(doc, dict):
        if doc.get("format") == audit_export.FORMAT:
            return "audit"
        if doc.get("format") == cards.FORMAT:
            return "card"
        if doc.get("format") == ndas.FILE_FORMAT:
            return "nda"
    return "unknown"


def _examine(path: Path, conn: Any | None) -> VerifyReport:
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None
    if head.startswith(b"PK\x03\x04"):
        return _packet(path, conn)
    if size > MAX_WHOLE:
        return VerifyReport(path, "unknown", False, NOT_VALID, problems=["This is not a file Dataroom knows."])
    if head.startswith(b"%PDF"):
        pdf = path.read_bytes()
        try:
            if pades.attachment(pdf, receipts.ATTACHMENT) is not None:
                return _receipt(path, pdf, conn)
            if pades.attachment(pdf, destruction.ATTACHMENT) is not None:
                return _certificate(path, pdf, conn)
            return _other_pdf(path, pdf, conn)
        except pades.NotAPdf as exc:
            return VerifyReport(path, "PDF", False, NOT_VALID, problems=[str(exc)])
    kind = _kind_of_json(path)
    if kind == "audit":
        return _audit_export(path)
    if kind == "card":
        return _card(path, conn)
    if kind == "nda":
        return _nda(path, conn)
    return VerifyReport(path, "unknown", False, NOT_VALID, problems=[
        "This is not a file Dataroom knows (packet, receipt, certificate of destruction, identity card, audit "
        "export or NDA)."])  # fmt: skip


def verify_file(path: Path, session: Session | None = None) -> VerifyReport:
    """Recognise and check ``path``; with ``session``, against the cards confirmed in its vault (audited)."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    if session is None:
        return _examine(path, None)
    session.require(Permission.VIEW_REDACTED)
    report = _examine(path, session.vault.connection())
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "file.verify", path.name, {
            "kind": report.kind, "authentic": report.authentic, "trust": report.trust,
            "problems": len(report.problems),
        })  # fmt: skip
    return report
