"""Notice flow: prepare the PIPL art. 22 notice for a dataset's data subjects (PDF, e-mail text, SMS text).

Preparing a notice is part of getting a transfer ready, so it needs ``EXPORT``; the record of which dataset it
was prepared for, to whom the data goes and what it said is kept in the vault and audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from dataroom.core.atomic import atomic_write
from dataroom.core.audit import log as audit_log
from dataroom.core.canonical import canonical_json
from dataroom.core.datasets import store
from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal import notice as notice_mod
from dataroom.core.deal.notice import NoticeFacts
from dataroom.core.documents import blocks as b
from dataroom.core.documents import pdf, text
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.users.roles import Permission


@dataclass(frozen=True)
class PreparedNotice:
    notice_id: int
    facts: NoticeFacts
    files: list[Path] = field(default_factory=list)


def prepare_notice(
    session: Session,
    dataset: str,
    recipient: str,
    *,
    nda_id: str | None = None,
    recipient_contact: str | None = None,
    purpose: Bilingual | None = None,
    sender_contact: str | None = None,
    transfer_date: dt.date | None = None,
    reply_days: int = 15,
    language: str = "both",
    pdf_path: Path | None = None,
    text_path: Path | None = None,
    sms_path: Path | None = None,
) -> PreparedNotice:
    """Build the notice for ``dataset``'s subjects about the transfer to ``recipient`` (a card fingerprint).

    With ``nda_id`` the purpose and the columns (hence categories) come from the NDA, and the recipient must be
    one the NDA permits. Writes whichever of the PDF, e-mail text and SMS text paths are given. Audited.
    """
    session.require(Permission.EXPORT)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    own = identity.current(conn)
    fp = counterparties.resolve(conn, recipient)
    card = counterparties.get(conn, fp)
    columns: list[str] | None = None
    if nda_id is not None:
        agreement = ndas.get(conn, nda_id)
        permitted = {r["fingerprint"] for r in agreement.content["recipients"]}
        if not permitted & set(counterparties.lineage(conn, fp)):
            raise InputError(f"{card.card.party.organisation} is not a recipient permitted by {agreement.id}.")
        entry = next((d for d in agreement.content["scope"]["datasets"] if d["name"] == info.name), None)
        if entry is None:
            raise InputError(f"Dataset {info.name!r} is not covered by {agreement.id}.")
        columns = entry["columns"]
        purpose = purpose or Bilingual(agreement.content["purpose"]["zh"], agreement.content["purpose"]["en"])
        nda_id = agreement.id
    if purpose is None:
        raise InputError("State the purpose of the transfer (or name the NDA it happens under).")
    langs = b.languages(language)
    facts = notice_mod.check(
        NoticeFacts(
            sender=own.party.organisation,
            sender_contact=sender_contact or own.party.email,
            recipient=card.card.party.organisation,
            recipient_contact=recipient_contact or card.card.party.email,
            recipient_fingerprint=fp,
            purpose=purpose,
            categories=notice_mod.categories_of(conn, info, columns),
            dataset=info.name,
            nda_id=nda_id,
            transfer_date=notice_mod.default_transfer_date(transfer_date),
            reply_days=reply_days,
        )
    )
    written: list[Path] = []
    if pdf_path is not None:
        written.append(pdf.save(notice_mod.notice_document(facts, langs), Path(pdf_path)))
    if text_path is not None:
        email = notice_mod.notice_document(facts, langs, merge_field=True)
        atomic_write(Path(text_path), text.render(email).encode("utf-8"))
        written.append(Path(text_path))
    if sms_path is not None:
        sms = "\n\n".join(notice_mod.sms_text(facts, lang) for lang in langs) + "\n"
        atomic_write(Path(sms_path), sms.encode("utf-8"))
        written.append(Path(sms_path))
    with session.vault.transaction() as tx:
        cur = tx.execute(
            "INSERT INTO notices(dataset, nda_id, recipient_fingerprint, content, content_sha256, prepared_at,"
            " prepared_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (info.name, nda_id, fp, canonical_json(facts.to_json()).decode("utf-8"), facts.sha256(), utc_now(),
             session.user),
        )  # fmt: skip
        notice_id = int(cur.lastrowid)
        audit_log.append(
            tx,
            session.user,
            "notice.prepare",
            info.name,
            {"notice": notice_id, "recipient": fp, "nda": nda_id, "sha256": facts.sha256(),
             "files": [p.name for p in written]},
        )  # fmt: skip
    return PreparedNotice(notice_id, facts, written)


def list_notices(session: Session, dataset: str | None = None) -> list[dict[str, object]]:
    """Notices prepared so far (newest last): id, dataset, recipient, NDA, when, by whom, hash."""
    session.require(Permission.VIEW_REDACTED)
    sql = "SELECT id, dataset, recipient_fingerprint, nda_id, prepared_at, prepared_by, content_sha256 FROM notices"
    args: tuple[str, ...] = ()
    if dataset:
        sql += " WHERE dataset = ?"
        args = (dataset,)
    keys = ("id", "dataset", "recipient", "nda", "prepared_at", "prepared_by", "sha256")
    return [dict(zip(keys, row, strict=True)) for row in session.vault.connection().execute(sql + " ORDER BY id", args)]
