"""Receipt flows: make a signed receipt for a packet received, counter-sign it as the sender, record a receipt
that came back, and show what a receipt proves.

One function per user action, checked, done and audited as described in :mod:`dataroom.core.flows.transfer`, which
re-exports them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dataroom.core.audit import log as audit_log
from dataroom.core.deal import counterparties
from dataroom.core.deal import nda as ndas
from dataroom.core.errors import DataroomError
from dataroom.core.flows.transfer_support import SignedDocument, _audit_refusal, _lineage, _read_pdf, _write_signed
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.transfer import (
    manifest,
    receipts,
    records,
    signed_pdf,
)
from dataroom.core.transfer.errors import DocumentInvalid
from dataroom.core.transfer.receipts import ReceiptCheck
from dataroom.core.users.roles import Permission


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
