"""Transfer flows: packets (export, inspect, import, list), receipts (make, counter-sign, record, show),
destruction (destroy a dataset with its certificate, record a counterparty's certificate), and leak tracing.

Each function is one user action: it checks the permission, does the work and writes its audit record in the same
transaction as the change it makes; refusals are audited too, with their reason codes. Audit details name
packets, datasets, NDAs and parties by id, fingerprint and hash — never personal data.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.importer import file_sha256
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import duties as duty_mod
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.gate import GateDecision, check_export
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.redaction import policy_store
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import (
    destruction,
    manifest,
    policy_view,
    receipts,
    receiving,
    records,
    sending,
    signed_pdf,
    trace,
)
from dataroom.core.transfer.destruction import CertificateCheck
from dataroom.core.transfer.errors import DocumentInvalid
from dataroom.core.transfer.manifest import Manifest
from dataroom.core.transfer.receipts import ReceiptCheck
from dataroom.core.transfer.receiving import Inspection, Received
from dataroom.core.transfer.trace import TraceReport
from dataroom.core.users.roles import Permission

# --- packets ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PacketExport:
    """A packet written for one recipient, and the gate decision that allowed it."""

    path: Path
    manifest: Manifest
    packet_sha256: str
    decision: GateDecision
    canaries: int
    sampled_tokens: int

    @property
    def packet_id(self) -> str:
        return self.manifest.packet_id

    @property
    def rows(self) -> int:
        return self.manifest.rows


def _audit_refusal(session: Session, action: str, obj: str, details: dict[str, Any]) -> None:
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, action, obj, details)


@dataclass(frozen=True)
class _Plan:
    """What a packet export would release: the dataset, the recipient, and the policy compiled for them."""

    info: DatasetInfo
    recipient: str
    classes: list[ColumnClass]
    stored: StoredPolicy | None
    compiled: CompiledPolicy | None
    release: policy_view.Release


def _plan(conn: Any, dataset: str, recipient: str, full: bool, policy_version: int | None) -> _Plan:
    info = store.get(conn, dataset)
    fp = counterparties.resolve(conn, recipient)
    found = classes.load(conn, info)
    if full:
        if policy_version is not None:
            raise InputError("A full packet sends every column unchanged; it takes no policy version.")
        return _Plan(info, fp, found, None, None, policy_view.full(info, found))
    stored = policy_view.resolve(conn, info, policy_version)
    compiled = policy_view.compile_for(conn, info, stored, policy_view.pseudonym_key(conn, fp))
    return _Plan(info, fp, found, stored, compiled, policy_view.redacted(compiled, stored, found))


def check_packet(
    session: Session,
    dataset: str,
    recipient: str,
    nda_id: str,
    *,
    full: bool = False,
    policy_version: int | None = None,
) -> GateDecision:
    """The NDA gate's decision on the packet :func:`export_packet` would write with these choices, computed the
    same way, without writing anything (a question, not an action: nothing is audited)."""
    session.require(Permission.EXPORT)
    if full:
        session.require(Permission.VIEW_RAW)
    conn = session.vault.connection()
    plan = _plan(conn, dataset, recipient, full, policy_version)
    return check_export(conn, nda_id, plan.info, plan.release.summary, plan.recipient, full)


def export_packet(
    session: Session,
    dataset: str,
    recipient: str,
    nda_id: str,
    *,
    full: bool = False,
    policy_version: int | None = None,
    out: Path | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> PacketExport:
    """Write an encrypted, signed packet of ``dataset`` for ``recipient`` (a fingerprint, or its first 10+
    digits) under ``nda_id``: the redacted view under the policy in force (or ``policy_version``), or with
    ``full`` every column unchanged. The NDA gate decides first; a refusal is audited and raised.

    A redacted packet is fingerprinted for the recipient (their own pseudonym key, canary rows); a full packet,
    which becomes the recipient's own data after closing, carries no synthetic rows. It is written to ``out``
    (default: a name from dataset, recipient and packet id in the current folder). Audited with the manifest
    and packet hashes.
    """
    session.require(Permission.EXPORT)
    if full:
        session.require(Permission.VIEW_RAW)
    conn = session.vault.connection()
    plan = _plan(conn, dataset, recipient, full, policy_version)
    info, fp, found, stored, compiled, release = (
        plan.info, plan.recipient, plan.classes, plan.stored, plan.compiled, plan.release)  # fmt: skip
    decision = check_export(conn, nda_id, info, release.summary, fp, full)
    if not decision.ok:
        _audit_refusal(session, "packet.export-refused", dataset, decision.audit_details())
        decision.raise_if_refused()
    if stored is not None and compiled is not None and stored.version == 0:
        # Every packet names a stored policy version: the default policy is saved first (as the redacted export does).
        with session.vault.transaction() as tx:
            stored = policy_store.append(tx, info, stored.policy, session.user, "default policy, saved for a packet")
            audit_log.append(tx, session.user, "policy.save", dataset, {
                "policy_version": stored.version, "policy_sha256": stored.sha256, "note": "default",
            })  # fmt: skip
        release = policy_view.redacted(compiled, stored, found)
    agreement = ndas.get(conn, nda_id)
    recipient_card = counterparties.get(conn, fp).card
    parties = sending.Parties(identity.keyset(conn), identity.current(conn).card, recipient_card)
    canary_at, canary_rows = ([], []) if full else policy_view.canaries_for(conn, info, fp, stored, found)
    packet_id = sending.new_packet_id()
    target = Path(out) if out is not None else Path.cwd() / sending.default_file_name(
        info.name, recipient_card.party.organisation, packet_id)  # fmt: skip
    if target.exists():
        raise InputError(f"{target} already exists; choose another file name.")
    written = sending.write(
        conn, target, packet_id=packet_id, info=info, release=release, compiled=compiled, canary_at=canary_at,
        canary_rows=canary_rows, parties=parties, nda=(agreement.id, agreement.content_sha256),
        anchor=audit_log.head(conn), progress=progress, cancel=cancel,
    )  # fmt: skip
    m = written.manifest
    try:
        with session.vault.transaction() as tx:
            records.add_sent(tx, records.SentPacket(
                m.packet_id, info.name, info.source_sha256, fp, agreement.id, full, m.policy_version,
                m.policy_sha256, m.rows, m.raw, m.sha256, written.packet_sha256, target.name, m.created_at,
                session.user,
            ))  # fmt: skip
            planted = records.add_canaries(tx, m.packet_id, written.canaries)
            records.add_tokens(tx, m.packet_id, written.tokens)
            audit_log.append(tx, session.user, "packet.export", m.packet_id, {
                **decision.audit_details(), "manifest_sha256": m.sha256, "packet_sha256": written.packet_sha256,
                "policy_version": m.policy_version, "policy_sha256": m.policy_sha256, "rows": m.rows,
                "columns": len(m.columns), "file": target.name, "canaries": planted,
                "sampled_tokens": len(written.tokens),
            })  # fmt: skip
    except BaseException:
        target.unlink(missing_ok=True)  # a packet the vault cannot account for must not stay on disk
        raise
    return PacketExport(target, m, written.packet_sha256, decision, planted, len(written.tokens))


def inspect_packet(session: Session, path: Path) -> Inspection:
    """Verify a packet without decrypting it: container, sender (confirmed card), signature, recipient, replay,
    NDA and payload hash. The GUI shows the result before the user confirms the import. Audited."""
    session.require(Permission.VIEW_REDACTED)
    result = receiving.inspect(session.vault.connection(), Path(path))
    m = result.manifest
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "packet.inspect", m.packet_id if m else Path(path).name, {
            "file": Path(path).name, "ok": result.ok, "reasons": [p.code for p in result.problems],
            "manifest_sha256": m.sha256 if m else None,
        })  # fmt: skip
    return result


def import_packet(
    session: Session,
    path: Path,
    *,
    name: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Received:
    """Verify a packet and decrypt it into a new dataset (``name``, default the sender's dataset name) in one
    transaction that commits only if the content matches the signed manifest. Refusals are audited."""
    session.require(Permission.IMPORT)
    path = Path(path)
    checked = receiving.inspect(session.vault.connection(), path)
    m = checked.manifest
    try:
        checked.raise_if_refused()
        assert m is not None
        with session.vault.transaction() as tx:
            got = receiving.receive(tx, checked, session.user, name=name, progress=progress, cancel=cancel)
            anchor_seq, anchor_hash = m.anchor
            audit_log.append(tx, session.user, "packet.import", m.packet_id, {
                "dataset": got.info.name, "sender": m.sender_fingerprint, "nda": m.nda_id,
                "nda_sha256": m.nda_sha256, "manifest_sha256": m.sha256, "packet_sha256": got.packet_sha256,
                "rows": m.rows, "columns": len(m.columns), "full": m.full, "policy_sha256": m.policy_sha256,
                "plaintext_sha256": m.plaintext_sha256, "sender_audit_head": {"seq": anchor_seq, "hash": anchor_hash},
            })  # fmt: skip
    except DataroomError as exc:
        _audit_refusal(session, "packet.import-refused", m.packet_id if m else path.name, {
            "file": path.name, "reason": exc.code, "sender": m.sender_fingerprint if m else None,
            "manifest_sha256": m.sha256 if m else None,
        })  # fmt: skip
        raise
    return got


@dataclass(frozen=True)
class PacketSummary:
    """One packet sent or received, for lists."""

    direction: str  # "sent" | "received"
    packet_id: str
    dataset: str
    counterparty: str
    counterparty_fingerprint: str
    nda_id: str
    rows: int
    full: bool
    at: str
    receipt: str  # "none" | "issued" | "countersigned" | "recorded"
    destroyed: bool

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _receipt_stage(conn: Any, packet_id: str) -> str:
    stages = [d.stage for d in records.documents(conn, packet_id, "receipt")]
    for stage in ("recorded", "countersigned", "issued"):
        if stage in stages:
            return stage
    return "none"


def _org(conn: Any, fp: str) -> str:
    found = counterparties.find(conn, fp)
    return found.card.party.organisation if found else fp[:11] + "…"


def list_packets(session: Session) -> list[PacketSummary]:
    """Every packet sent and received, oldest first, with the state of its receipt."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    out = [
        PacketSummary("sent", p.id, p.dataset, _org(conn, p.recipient_fingerprint), p.recipient_fingerprint,
                      p.nda_id, p.rows, p.full, p.created_at, _receipt_stage(conn, p.id), False)
        for p in records.all_sent(conn)
    ]  # fmt: skip
    for r in records.all_received(conn):
        full = manifest.load(r.manifest).full
        out.append(PacketSummary("received", r.id, r.dataset, _org(conn, r.sender_fingerprint), r.sender_fingerprint,
                                 r.nda_id, r.rows, full, r.received_at, _receipt_stage(conn, r.id),
                                 r.destroyed_at is not None))  # fmt: skip
    return sorted(out, key=lambda p: p.at)


# --- receipts --------------------------------------------------------------------------------------------------

#: Largest PDF read as a receipt or certificate (they are a few hundred kilobytes).
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class SignedDocument:
    """A signed PDF written by a flow: where, what it is about, and its SHA-256."""

    path: Path
    reference: str
    sha256: str


def _read_pdf(path: Path) -> bytes:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_DOCUMENT_BYTES:
            raise DocumentInvalid(f"{path.name} is far too large to be a receipt or certificate.")
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from None


def _write_signed(session: Session, target: Path, pdf: bytes, kind: str, stage: str, reference: str,
                  action: str, details: dict[str, Any],
                  also: Callable[[Any, str], None] | None = None) -> SignedDocument:  # fmt: skip
    """Write a signed PDF atomically, keep a copy in the vault and audit it, all or nothing; ``also(tx, sha256)``
    records more in the same transaction."""
    if not target.parent.is_dir():
        raise InputError(f"The folder {target.parent} does not exist.")
    sha = hashlib.sha256(pdf).hexdigest()
    atomic_write(target, pdf, mode=0o600)
    try:
        with session.vault.transaction() as tx:
            records.add_document(tx, kind, stage, reference, sha, pdf, session.user)
            if also is not None:
                also(tx, sha)
            audit_log.append(tx, session.user, action, reference, {**details, "sha256": sha, "file": target.name})
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return SignedDocument(target, reference, sha)


def _lineage(conn: Any) -> Callable[[str], list[str]]:
    return lambda fp: counterparties.lineage(conn, fp)


def make_receipt(session: Session, packet_id: str, *, out: Path | None = None) -> SignedDocument:
    """Issue the signed receipt of a packet we sent (watermarked for its recipient; manifest attached). Audited."""
    session.require(Permission.SIGN)
    conn = session.vault.connection()
    sent = records.sent(conn, packet_id)
    m = manifest.load(sent.manifest)
    recipient = counterparties.get(conn, sent.recipient_fingerprint).card.party
    agreement = ndas.find(conn, sent.nda_id)
    pdf = receipts.issue(m, sent.packet_sha256, recipient, agreement.title if agreement else "", utc_now(),
                         signed_pdf.credentials(conn))  # fmt: skip
    target = Path(out) if out is not None else Path.cwd() / f"receipt-{m.packet_id}.pdf"
    return _write_signed(session, target, pdf, receipts.KIND, "issued", m.packet_id, "receipt.issue",
                         {"manifest_sha256": m.sha256, "recipient": sent.recipient_fingerprint})  # fmt: skip


def show_receipt(path: Path, session: Session | None = None) -> ReceiptCheck:
    """Check a receipt's signatures and manifest; with a vault, against the cards confirmed in it (no audit:
    nothing changes; ``dataroom verify`` is the audited way)."""
    pdf = _read_pdf(path)
    if session is None:
        return receipts.check(pdf, {})
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    return receipts.check(pdf, signed_pdf.known_roots(conn), lineage=_lineage(conn))


def countersign_receipt(session: Session, path: Path, *, out: Path | None = None) -> SignedDocument:
    """Check the sender's receipt against the packet we imported and counter-sign it (a new file, default
    ``<name>-countersigned.pdf``). Refusals are audited."""
    session.require(Permission.SIGN)
    path = Path(path)
    conn = session.vault.connection()
    pdf = _read_pdf(path)
    result = receipts.check(pdf, signed_pdf.known_roots(conn), lineage=_lineage(conn))
    m = result.manifest
    try:
        result.fail()
        assert m is not None and result.issuer is not None
        got = records.find_received(conn, m.packet_id)
        if got is None:
            raise DocumentInvalid(f"This receipt is for packet {m.packet_id}, which this vault never imported; "
                                  "counter-sign only what you received.")  # fmt: skip
        if got.manifest_sha256 != m.sha256:
            raise DocumentInvalid("The receipt describes other contents than the packet you imported (manifest hashes "
                                  "differ); do not counter-sign it.")  # fmt: skip
        if not result.issuer.confirmed:
            raise DocumentInvalid("The sender's signing key is not on a card confirmed here.")
        if result.counter is not None:
            raise DocumentInvalid("This receipt is already counter-signed.")
    except DataroomError as exc:
        _audit_refusal(session, "receipt.countersign-refused", m.packet_id if m else path.name,
                       {"file": path.name, "reason": exc.code, "problem": str(exc)[:300]})  # fmt: skip
        raise
    signed = receipts.countersign(pdf, signed_pdf.credentials(conn))
    target = Path(out) if out is not None else path.with_name(f"{path.stem}-countersigned.pdf")
    return _write_signed(session, target, signed, receipts.KIND, "countersigned", m.packet_id, "receipt.countersign",
                         {"manifest_sha256": m.sha256, "sender": m.sender_fingerprint,
                          "issuer_sha256": hashlib.sha256(pdf).hexdigest()})  # fmt: skip


def record_receipt(session: Session, path: Path) -> ReceiptCheck:
    """Check a counter-signed receipt of a packet we sent — our signature, the recipient's, the manifest — and
    record it as the recipient's acknowledgement. Refusals are audited."""
    session.require(Permission.EXPORT)
    path = Path(path)
    conn = session.vault.connection()
    pdf = _read_pdf(path)
    result = receipts.check(pdf, signed_pdf.known_roots(conn), countersigned=True, lineage=_lineage(conn))
    m = result.manifest
    try:
        result.fail()
        assert m is not None and result.issuer is not None and result.counter is not None
        found = [p for p in records.all_sent(conn) if p.id == m.packet_id]
        if not found or found[0].manifest_sha256 != m.sha256:
            raise DocumentInvalid(f"This receipt is not for a packet sent from this vault ({m.packet_id}), or it "
                                  "describes other contents than the packet sent.")  # fmt: skip
        if result.issuer.party is None or not result.issuer.party.ours:
            raise DocumentInvalid("The receipt was not signed with this vault's key.")
        if not result.counter.confirmed:
            raise DocumentInvalid("The counter-signature's key is not on a card confirmed here.")
    except DataroomError as exc:
        _audit_refusal(session, "receipt.record-refused", m.packet_id if m else path.name,
                       {"file": path.name, "reason": exc.code, "problem": str(exc)[:300]})  # fmt: skip
        raise
    sha = hashlib.sha256(pdf).hexdigest()
    with session.vault.transaction() as tx:
        records.add_document(tx, receipts.KIND, "recorded", m.packet_id, sha, pdf, session.user)
        audit_log.append(tx, session.user, "receipt.record", m.packet_id, {
            "sha256": sha, "manifest_sha256": m.sha256, "recipient": m.recipient_fingerprint,
            "countersigned_at": result.counter.report.signed_at, "file": path.name,
        })  # fmt: skip
    return result


# --- destruction -----------------------------------------------------------------------------------------------


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


# --- leak tracing ----------------------------------------------------------------------------------------------


def trace_file(
    session: Session, path: Path, *, progress: Progress = no_progress, cancel: CancelToken | None = None
) -> TraceReport:
    """Read a table found outside (CSV or XLSX) and say which recipient's packet it matches, with the evidence:
    canary rows found, and pseudonym tokens only that recipient's packets carried. Audited with the file's hash."""
    session.require(Permission.EXPORT)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    report = trace.trace(session.vault.connection(), path, progress=progress, cancel=cancel)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "leak.trace", path.name, {
            "file_sha256": file_sha256(path), "rows": report.rows_read, "tokens": report.tokens_seen,
            "matches": [{"packet": m.packet.id, "recipient": m.packet.recipient_fingerprint,
                         "canaries": len(m.canaries), "tokens": m.token_hits} for m in report.matches],
        })  # fmt: skip
    return report
