"""Destruction flows: destroy a dataset (with its signed certificate when an NDA asks for one) and record a
counterparty's certificate, discharging the NDA duty it answers.

One function per user action, checked, done and audited as described in :mod:`dataroom.core.flows.transfer`, which
re-exports them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.datasets import store
from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import duties as duty_mod
from dataroom.core.deal import nda as ndas
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.flows.transfer_support import (
    SignedDocument,
    _audit_refusal,
    _lineage,
    _org,
    _read_pdf,
    _write_signed,
)
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import (
    destruction,
    records,
    signed_pdf,
)
from dataroom.core.transfer.destruction import CertificateCheck
from dataroom.core.transfer.errors import DocumentInvalid
from dataroom.core.users.roles import Permission


@dataclass(frozen=True)
class DestroyResult:
    """A destroyed dataset; ``certificate`` is set when it was received under an NDA."""

    dataset: str
    rows: int
    certificate: SignedDocument | None
    method: list[str]


def _duty(conn: Any, agreement: ndas.Nda | None) -> dict[str, Any] | None:
    if agreement is None:
        return None
    entry: dict[str, Any] = {
        "days": int(agreement.content["destruction"]["days"]),
        "certificate_required": bool(agreement.content["destruction"]["certificate_required"]),
    }
    for d in duty_mod.duties(conn):
        if d.nda_id == agreement.id:
            entry.update(trigger=d.trigger, triggered_on=d.triggered_on.isoformat(), due_on=d.due_on.isoformat())
    return entry


def _discharge_if_complete(tx: Any, nda_id: str, sha256: str) -> bool:
    """Record the certificate against the NDA once every dataset received under it is destroyed."""
    if ndas.find(tx, nda_id) is None:
        return False
    if any(r.destroyed_at is None for r in records.received_under(tx, nda_id)):
        return False
    duty_mod.record_certificate(tx, nda_id, sha256)
    return True


def destroy_dataset(session: Session, dataset: str, *, out: Path | None = None) -> DestroyResult:
    """Destroy a dataset: rows dropped under ``secure_delete``, the vault vacuumed and its log truncated, the packet
    files it came from overwritten and removed. A dataset received under an NDA gets a signed certificate of
    destruction (``out``, default ``destruction-<id>.pdf`` here), and the NDA's own duty is marked fulfilled once
    everything received under it is destroyed. Audited (the destruction, then the certificate)."""
    session.require(Permission.DESTROY)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    came_from = records.received_for_dataset(conn, info.id)
    certificate_id = destruction.new_certificate_id() if came_from else None
    if came_from:
        session.require(Permission.SIGN)
    now = utc_now()
    with session.vault.transaction() as tx:
        store.drop(tx, info)
        for r in came_from:
            records.mark_destroyed(tx, r.id, certificate_id or "", now)
        audit_log.append(tx, session.user, "dataset.destroy", info.name, {
            "rows": info.row_count, "columns": info.column_count, "content_sha256": info.source_sha256,
            "packets": [r.id for r in came_from], "certificate": certificate_id,
        })  # fmt: skip
    # Outside the transaction (VACUUM cannot run inside one): rewrite the file without the freed pages.
    conn.execute("VACUUM")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    method = [
        "rows deleted with SQLite secure_delete (freed pages overwritten) / 以 secure_delete 删除各行（释放页被覆写）",
        "vault database VACUUMed and its write-ahead log truncated / 数据库已 VACUUM，预写日志已截断",
    ]
    method += [destruction.shred(Path(r.file_path), r.packet_sha256) for r in came_from]
    if not came_from or certificate_id is None:
        return DestroyResult(info.name, info.row_count, None, method)
    first = came_from[0]
    agreement = ndas.find(conn, first.nda_id)
    own = identity.current(conn)
    raw = destruction.statement(
        certificate_id=certificate_id, destroyed_at=now, user=session.user, party=own.card,
        dataset={"name": info.name, "rows": info.row_count, "columns": info.column_count,
                 "content_sha256": info.source_sha256},
        packets=[{"packet_id": r.id, "manifest_sha256": r.manifest_sha256, "packet_sha256": r.packet_sha256,
                  "sender_fingerprint": r.sender_fingerprint, "sender_organisation": _org(conn, r.sender_fingerprint)}
                 for r in came_from],
        nda={"id": first.nda_id, "content_sha256": agreement.content_sha256 if agreement else "",
             "title": agreement.title if agreement else "", "duty": _duty(conn, agreement)},
        method=method, anchor=audit_log.head(conn),
    )  # fmt: skip
    pdf = destruction.certificate(raw, signed_pdf.credentials(conn))
    statement = destruction.parse(raw)

    def record(tx: Any, sha: str) -> None:
        records.add_destruction(
            tx,
            records.Destruction(
                certificate_id, "ours", first.nda_id, own.fingerprint, statement.doc, sha, now, utc_now(), session.user
            ),
        )
        _discharge_if_complete(tx, first.nda_id, sha)  # fmt: skip

    target = Path(out) if out is not None else Path.cwd() / f"destruction-{certificate_id}.pdf"
    cert = _write_signed(session, target, pdf, destruction.KIND, "issued", certificate_id, "destruction.certify",
                         {"dataset": info.name, "nda": first.nda_id, "statement_sha256": statement.sha256,
                          "packets": [r.id for r in came_from]}, also=record)  # fmt: skip
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return DestroyResult(info.name, info.row_count, cert, method)


def show_certificate(path: Path, session: Session | None = None) -> CertificateCheck:
    """Check a certificate of destruction; with a vault, against the cards confirmed in it."""
    pdf = _read_pdf(path)
    if session is None:
        return destruction.check(pdf, {})
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return destruction.check(pdf, signed_pdf.known_roots(conn), lineage=_lineage(conn))


@dataclass(frozen=True)
class DestructionRecord:
    """A counterparty's certificate checked and recorded; ``discharged`` when the NDA's duty is now fulfilled."""

    check: CertificateCheck
    sha256: str
    discharged: bool
    outstanding: list[str]


def record_destruction(session: Session, path: Path) -> DestructionRecord:
    """Check a counterparty's certificate of destruction (signature by its confirmed card, NDA, packets we sent)
    and record it; the NDA's destruction duty is fulfilled once every packet sent under it is covered. Audited;
    refusals too."""
    session.require(Permission.SIGN)
    path = Path(path)
    conn = session.vault.connection()
    pdf = _read_pdf(path)
    result = destruction.check(pdf, signed_pdf.known_roots(conn), lineage=_lineage(conn))
    s = result.statement
    try:
        result.fail()
        assert s is not None and result.issuer is not None
        if not result.issuer.confirmed or (result.issuer.party is not None and result.issuer.party.ours):
            raise DocumentInvalid("The certificate is not signed by a counterparty card confirmed here.")
        agreement = ndas.find(conn, s.nda_id)
        if agreement is None or agreement.content_sha256 != s.doc["nda"]["content_sha256"]:
            raise DocumentInvalid(f"The certificate names NDA {s.nda_id}, which this vault does not hold with the "
                                  "same content.")  # fmt: skip
        signer_lineage = set(counterparties.lineage(conn, s.destroyer))
        if not any(r["fingerprint"] in signer_lineage for r in agreement.content["recipients"]):
            raise DocumentInvalid("The destroying party is not a recipient under that NDA.")
        sent = {p.id: p for p in records.sent_under(conn, s.nda_id)}
        for p in s.doc["packets"]:
            mine = sent.get(p["packet_id"])
            if mine is not None and (mine.manifest_sha256 != p.get("manifest_sha256")
                                     or mine.recipient_fingerprint not in signer_lineage):  # fmt: skip
                raise DocumentInvalid(f"Packet {mine.id} in the certificate does not match the packet sent.")
        if records.find_destruction(conn, s.certificate_id) is not None:
            raise InputError(f"Certificate {s.certificate_id} was already recorded.")
    except DataroomError as exc:
        _audit_refusal(session, "destruction.record-refused", s.certificate_id if s else path.name,
                       {"file": path.name, "reason": exc.code, "problem": str(exc)[:300]})  # fmt: skip
        raise
    sha = hashlib.sha256(pdf).hexdigest()
    with session.vault.transaction() as tx:
        records.add_document(tx, destruction.KIND, "recorded", s.certificate_id, sha, pdf, session.user)
        records.add_destruction(tx, records.Destruction(
            s.certificate_id, "theirs", s.nda_id, s.destroyer, s.doc, sha, s.doc["destroyed_at"], utc_now(),
            session.user))  # fmt: skip
        covered = {p["packet_id"] for d in records.destructions(tx, s.nda_id) for p in d.statement["packets"]}
        outstanding = sorted(pid for pid in sent if pid not in covered)
        discharged = not outstanding
        if discharged:
            duty_mod.record_certificate(tx, s.nda_id, sha)
        audit_log.append(tx, session.user, "destruction.record", s.certificate_id, {
            "sha256": sha, "statement_sha256": s.sha256, "nda": s.nda_id, "party": s.destroyer,
            "packets": s.packet_ids, "discharged": discharged, "outstanding": outstanding,
        })  # fmt: skip
    return DestructionRecord(result, sha, discharged, outstanding)
