"""Transfer flows: packets (export, inspect, import, list) and leak tracing; and, re-exported so that callers have
one module for a transfer's whole life, receipts (:mod:`.receipts`: make, counter-sign, record, show) and
destruction (:mod:`.destruction`: destroy a dataset with its certificate, record a counterparty's certificate).

Each function is one user action: it checks the permission, does the work and writes its audit record in the same
transaction as the change it makes; refusals are audited too, with their reason codes. Audit details name
packets, datasets, NDAs and parties by id, fingerprint and hash — never personal data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.gate import GateDecision, check_export
from dataroom.core.errors import DataroomError, InputError
from dataroom.core.flows.destruction import (
    DestroyResult,
    DestructionRecord,
    destroy_dataset,
    record_destruction,
    show_certificate,
)
from dataroom.core.flows.receipts import countersign_receipt, make_receipt, record_receipt, show_receipt
from dataroom.core.flows.transfer_support import MAX_DOCUMENT_BYTES, SignedDocument, _audit_refusal, _org
from dataroom.core.ingest.digest import file_sha256
from dataroom.core.redaction import policy_store
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export_workers import VaultReader
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.session import Session
from dataroom.core.transfer import (
    manifest,
    policy_view,
    receiving,
    records,
    sending,
    trace,
)
from dataroom.core.transfer.manifest import Manifest
from dataroom.core.transfer.receiving import Inspection, Received
from dataroom.core.transfer.trace import TraceReport
from dataroom.core.users.roles import Permission

# Receipts and destruction live in their own modules; callers keep using this one for every transfer action.
__all__ = [
    "MAX_DOCUMENT_BYTES",
    "DestroyResult",
    "DestructionRecord",
    "PacketExport",
    "PacketSummary",
    "SignedDocument",
    "check_packet",
    "countersign_receipt",
    "destroy_dataset",
    "export_packet",
    "import_packet",
    "inspect_packet",
    "list_packets",
    "make_receipt",
    "record_destruction",
    "record_receipt",
    "show_certificate",
    "show_receipt",
    "trace_file",
]

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
    # Worker processes bind the same policy with the same recipient key (none for the full data).
    reader = VaultReader(session.vault.layout.db, session.vault.key_bytes(), None if stored is None else stored.policy,
                         b"" if full else policy_view.pseudonym_key(conn, fp))  # fmt: skip
    written = sending.write(
        conn, target, packet_id=packet_id, info=info, release=release, compiled=compiled, canary_at=canary_at,
        canary_rows=canary_rows, parties=parties, nda=(agreement.id, agreement.content_sha256),
        anchor=audit_log.head(conn), progress=progress, cancel=cancel, reader=reader,
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
        with session.vault.bulk_transaction() as tx:
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


def list_packets(session: Session) -> list[PacketSummary]:
    """Every packet sent and received, oldest first, with the state of its receipt; ``destroyed`` says, for a packet
    received, that we destroyed its data and, for a packet sent, that the recipient's certificate of destruction
    covering it was recorded."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    certified = {p["packet_id"] for d in records.destructions(conn) if d.direction == "theirs"
                 for p in d.statement["packets"]}  # fmt: skip
    out = [
        PacketSummary("sent", p.id, p.dataset, _org(conn, p.recipient_fingerprint), p.recipient_fingerprint,
                      p.nda_id, p.rows, p.full, p.created_at, _receipt_stage(conn, p.id), p.id in certified)
        for p in records.all_sent(conn)
    ]  # fmt: skip
    for r in records.all_received(conn):
        full = manifest.load(r.manifest).full
        out.append(PacketSummary("received", r.id, r.dataset, _org(conn, r.sender_fingerprint), r.sender_fingerprint,
                                 r.nda_id, r.rows, full, r.received_at, _receipt_stage(conn, r.id),
                                 r.destroyed_at is not None))  # fmt: skip
    return sorted(out, key=lambda p: p.at)


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
