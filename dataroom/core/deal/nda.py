"""NDAs as structured, signed data: drafting, signatures, the exchange file, and whether an NDA is in force.

An NDA's *content* is one JSON object (parties by card fingerprint, purpose, scope, term, recipients, onward
sharing, handling, destruction, liability, governing law, and the clause text generated from those fields). Each
party signs a small statement ``{content_sha256, signer, signed_at}`` with its card's Ed25519 key; the statement
binds the signature to the exact canonical bytes of the content, so changing one character of a clause
invalidates every signature.

An NDA is *in force* on a day when every party has a valid signature on the content held here, every
counterparty's card is confirmed (and not suspect), the day lies within the term, and the NDA has not ended
(deal closed or negotiations terminated).

The exchange file (``.drnda``) carries the content and the signatures collected so far; importing it verifies
each signature against the signer's card and merges the new ones.

This module drafts, exchanges and judges NDAs; the model and content checks are in :mod:`.nda_terms`, the rows and
signatures in :mod:`.nda_store`, and both are re-exported here, so callers use ``ndas.get``, ``ndas.Nda`` and so on.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.canonical import canonical_json
from dataroom.core.datasets import store as datasets
from dataroom.core.deal import counterparties, identity, nda_templates
from dataroom.core.deal.errors import NdaInvalid, NoIdentity
from dataroom.core.deal.nda_store import (
    check_signature,
    find,
    get,
    insert_content,
    list_all,
    party_for,
    sign,
    store_signature,
    stored_signatures,
)
from dataroom.core.deal.nda_terms import (
    CLASSES,
    FILE_FORMAT,
    LANGUAGES,
    MAX_FILE_BYTES,
    RELATIONS,
    SIGNATURE_DOMAIN,
    SUFFIX,
    TYPE,
    VERSION,
    DatasetScope,
    Nda,
    NdaStatus,
    NdaTerms,
    PartySignature,
    Reason,
    content_sha256,
    signature_statement,
    standard_wording,
    validate_content,
)
from dataroom.core.errors import InputError
from dataroom.core.timeutil import utc_now

__all__ = [
    "CLASSES",
    "FILE_FORMAT",
    "LANGUAGES",
    "MAX_FILE_BYTES",
    "RELATIONS",
    "SIGNATURE_DOMAIN",
    "SUFFIX",
    "TYPE",
    "VERSION",
    "DatasetScope",
    "ImportReport",
    "Nda",
    "NdaStatus",
    "NdaTerms",
    "PartySignature",
    "Reason",
    "check_signature",
    "content_sha256",
    "differences",
    "draft",
    "export_document",
    "find",
    "get",
    "import_document",
    "insert_content",
    "list_all",
    "party_for",
    "read_file",
    "record_end",
    "sign",
    "signature_statement",
    "standard_wording",
    "status",
    "store_signature",
    "stored_signatures",
    "validate_content",
    "write_file",
]

Connection = Any


# ---- drafting -------------------------------------------------------------------------------------------------


def _check_terms(terms: NdaTerms) -> None:
    if not terms.title.strip():
        raise InputError("Give the NDA a title.")
    if not terms.purpose.zh.strip() or not terms.purpose.en.strip():
        raise InputError("State the purpose the data may be used for.")
    if not terms.datasets:
        raise InputError("Name at least one dataset the NDA covers.")
    if terms.expires_on < terms.effective_on:
        raise InputError("The NDA would expire before it takes effect; check the dates.")
    bad = [c for c in terms.classes if c not in CLASSES]
    if bad or not terms.classes:
        raise InputError(f"Data classes must be among {', '.join(CLASSES)} (got {', '.join(bad) or 'none'}).")
    if terms.onward_sharing not in nda_templates.ONWARD_MODES:
        raise InputError(f"Onward sharing must be one of {', '.join(nda_templates.ONWARD_MODES)}.")
    if terms.language not in LANGUAGES:
        raise InputError(f"The NDA language must be one of {', '.join(LANGUAGES)}.")
    if not 0 <= terms.destruction_days <= 3650 or not 1 <= terms.incident_notice_hours <= 720:
        raise InputError("Destruction days must be 0–3650 and incident notice hours 1–720.")
    for _, relation in terms.extra_recipients:
        if relation not in RELATIONS[1:]:
            raise InputError("Extra recipients are affiliates or advisors.")


def _party_entry(card: Any, party_id: str) -> dict[str, Any]:
    return {
        "fingerprint": card.fingerprint,
        "party_id": party_id,
        "organisation": card.party.organisation,
        "person": card.party.person,
        "role": card.party.role,
        "card_sha256": card.sha256,
    }


def draft(conn: Connection, terms: NdaTerms, actor: str, created_at: str | None = None) -> Nda:
    """Build the content from ``terms`` and the cards and datasets in this vault; store it unsigned."""
    _check_terms(terms)
    own = identity.current(conn)
    parties = [_party_entry(own.card, own.party_id)]
    for text in terms.counterparties:
        fp = counterparties.resolve(conn, text)
        found = counterparties.get(conn, fp)
        if found.status == "superseded":
            raise InputError(f"The card {fp[:11]}… was replaced by a newer one; name the party's current card.")
        if fp in {p["fingerprint"] for p in parties}:
            continue
        parties.append(_party_entry(found.card, found.card.party_id))
    if len(parties) < 2:
        raise InputError("An NDA needs at least one counterparty (an imported identity card).")
    fps = [p["fingerprint"] for p in parties]
    if terms.discloser:
        discloser = counterparties.resolve(conn, terms.discloser)
        if discloser not in fps:
            raise InputError("The disclosing party must be one of the NDA's parties.")
    else:
        sellers = [p["fingerprint"] for p in parties if p["role"] == "seller"]
        discloser = sellers[0] if len(sellers) == 1 else own.fingerprint
    recipients = [
        {"fingerprint": p["fingerprint"], "organisation": p["organisation"], "relation": "party"}
        for p in parties
        if p["fingerprint"] != discloser
    ]
    for text, relation in terms.extra_recipients:
        fp = counterparties.resolve(conn, text)
        card = counterparties.get(conn, fp).card
        if fp not in {r["fingerprint"] for r in recipients}:
            recipients.append({"fingerprint": fp, "organisation": card.party.organisation, "relation": relation})
    scoped = []
    for ds in terms.datasets:
        info = datasets.get(conn, ds.name)
        if ds.columns is not None:
            unknown = [c for c in ds.columns if c not in info.columns]
            if unknown:
                raise InputError(f"Dataset {ds.name!r} has no column {', '.join(unknown)}.")
        scoped.append(
            {
                "name": info.name,
                "sha256": info.source_sha256,
                "rows": info.row_count,
                "columns": list(ds.columns) if ds.columns is not None else None,
            }
        )
    nda_id = "NDA-" + uuid.uuid4().hex[:12].upper()
    content: dict[str, Any] = {
        "type": TYPE,
        "version": VERSION,
        "id": nda_id,
        "title": terms.title.strip(),
        "language": terms.language,
        "template": nda_templates.TEMPLATE_ID,
        "created_at": created_at or utc_now(),
        "parties": parties,
        "discloser": discloser,
        "purpose": {"zh": terms.purpose.zh.strip(), "en": terms.purpose.en.strip()},
        "scope": {"datasets": scoped, "classes": sorted(set(terms.classes)), "full_data": terms.full_data},
        "term": {"effective_on": terms.effective_on.isoformat(), "expires_on": terms.expires_on.isoformat()},
        "recipients": recipients,
        "onward_sharing": {"mode": terms.onward_sharing, "named": list(terms.onward_named)},
        "handling": {
            "encryption": terms.encryption,
            "access_log": terms.access_log,
            "storage": {"zh": terms.storage.zh, "en": terms.storage.en},
            "incident_notice_hours": terms.incident_notice_hours,
        },
        "destruction": {"days": terms.destruction_days, "certificate_required": terms.certificate_required},
        "liability": {"zh": terms.liability.zh, "en": terms.liability.en},
        "governing_law": {"zh": terms.governing_law.zh, "en": terms.governing_law.en},
    }
    content["clauses"] = nda_templates.clauses(content)
    validate_content(content)
    insert_content(conn, content, actor, "drafted")
    return get(conn, nda_id)


# ---- exchange file ---------------------------------------------------------------------------------------------


def export_document(conn: Connection, nda_id: str) -> dict[str, Any]:
    nda = get(conn, nda_id)
    return {
        "format": FILE_FORMAT,
        "version": VERSION,
        "content": nda.content,
        "signatures": stored_signatures(conn, nda.id),
    }


def write_file(conn: Connection, nda_id: str, path: Path) -> Path:
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(SUFFIX)
    atomic_write(path, canonical_json(export_document(conn, nda_id)))
    return path


def read_file(path: Path) -> dict[str, Any]:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if len(data) > MAX_FILE_BYTES:
        raise NdaInvalid("This file is far too large to be an NDA.")
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise NdaInvalid("This file is not an NDA (it is not JSON text).") from exc
    if not isinstance(doc, dict) or doc.get("format") != FILE_FORMAT or not isinstance(doc.get("signatures"), list):
        raise NdaInvalid("This file is not a Dataroom NDA.")
    validate_content(doc.get("content"))
    return doc


def differences(ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """Where two versions of an NDA differ, in words (clause numbers and field names)."""
    out = [f"clause {c['number']}" for c, d in zip(ours["clauses"], theirs["clauses"], strict=False) if c != d]
    if len(ours["clauses"]) != len(theirs["clauses"]):
        out.append("number of clauses")
    out += [k for k in sorted(set(ours) | set(theirs)) if k != "clauses" and ours.get(k) != theirs.get(k)]
    return out


@dataclass(frozen=True)
class ImportReport:
    nda: Nda
    created: bool
    added: list[str]
    notes: list[str]


def import_document(conn: Connection, doc: dict[str, Any], actor: str) -> ImportReport:
    """Verify every signature in ``doc`` and merge; refuse the whole file if content or any signature is wrong."""
    content = doc["content"]
    existing = find(conn, content["id"])
    notes: list[str] = []
    if existing is not None and existing.content_sha256 != content_sha256(content):
        changed = ", ".join(differences(existing.content, content)) or "formatting"
        raise NdaInvalid(
            f"The NDA in this file is not the one you hold: {changed} differ. Signatures on a changed text do "
            "not count; nothing was imported."
        )
    problems = []
    for sig in doc["signatures"]:
        problem = check_signature(conn, content, sig if isinstance(sig, dict) else {})
        if problem:
            who = sig.get("signer", "?")[:11] if isinstance(sig, dict) and isinstance(sig.get("signer"), str) else "?"
            problems.append(f"signature by {who}…: {problem}")
    if problems:
        raise NdaInvalid("The NDA file was not imported: " + "; ".join(problems) + ".")
    created = existing is None
    if created:
        insert_content(conn, content, actor, "imported")
        if not standard_wording(content):
            notes.append("Its clause wording differs from Dataroom's standard template; read the text before signing.")
    known = {s["signer"] for s in stored_signatures(conn, content["id"])}
    added = []
    for sig in doc["signatures"]:
        if sig["signer"] not in known:
            store_signature(conn, content["id"], sig, actor)
            added.append(sig["signer"])
    return ImportReport(get(conn, content["id"]), created, added, notes)


# ---- status ----------------------------------------------------------------------------------------------------


def status(conn: Connection, nda_id: str, day: dt.date | None = None) -> NdaStatus:
    """Check signatures, cards, term and end afresh (nothing is cached: a tampered row shows up here)."""
    day = day or dt.date.today()
    nda = get(conn, nda_id)
    reasons: list[Reason] = []
    if nda.stored_sha256 != nda.content_sha256:
        reasons.append(Reason("tampered", "The stored NDA text does not match its recorded hash: it was altered."))
    sigs = stored_signatures(conn, nda.id)
    checked: list[PartySignature] = []
    try:
        own_lineage = set(counterparties.lineage(conn, identity.current(conn).fingerprint))
    except NoIdentity:  # a vault without an identity (an advisor viewing an NDA): every party is a counterparty
        own_lineage = set()
    for party in nda.content["parties"]:
        fp, org = party["fingerprint"], party["organisation"]
        mine = [s for s in sigs if party_for(conn, nda, s["signer"]) == fp]
        valid = [(s, check_signature(conn, nda.content, s)) for s in mine]
        good = next((s for s, problem in valid if problem is None), None)
        if good is not None:
            checked.append(PartySignature(fp, org, party["role"], True, True, good["signer"], good["signed_at"]))
        elif mine:
            problem = valid[0][1] or "invalid"
            checked.append(PartySignature(fp, org, party["role"], True, False, mine[0]["signer"], None, problem))
            reasons.append(Reason("bad-signature", f"The signature of {org} is not valid: {problem}.",
                                  {"org": org, "problem": problem}))  # fmt: skip
        else:
            checked.append(PartySignature(fp, org, party["role"], False, False, problem="not signed"))
            reasons.append(Reason("not-signed", f"Not signed by {org}.", {"org": org}))
        if fp not in own_lineage:
            card = _current_card(conn, fp)
            if card is None:
                reasons.append(Reason("card-unknown", f"The identity card of {org} is not imported here.",
                                      {"org": org}))  # fmt: skip
            elif card.status == "suspect":
                reasons.append(Reason("card-suspect", f"The identity card of {org} is suspect (fingerprint mismatch "
                                      "with another card of the same party).", {"org": org}))  # fmt: skip
            elif not card.confirmed:
                reasons.append(Reason("card-unconfirmed", f"The identity card of {org} was never confirmed out of "
                                      "band.", {"org": org}))  # fmt: skip
    if day < nda.effective_on:
        day_text = nda.effective_on.isoformat()
        reasons.append(Reason("not-yet-effective", f"It takes effect only on {day_text}.", {"day": day_text}))
    if day > nda.expires_on:
        day_text = nda.expires_on.isoformat()
        reasons.append(Reason("expired", f"It expired on {day_text}.", {"day": day_text}))
    if nda.ended_on and day >= dt.date.fromisoformat(nda.ended_on):
        what = "the deal closed" if nda.end_kind == "closed" else "negotiations were terminated"
        reasons.append(Reason("ended", f"It ended on {nda.ended_on} ({what}).",
                              {"day": nda.ended_on, "how": "closed" if nda.end_kind == "closed" else "terminated"}))
    return NdaStatus(
        nda.id, nda.title, day, not reasons, tuple(reasons), tuple(checked), nda.effective_on, nda.expires_on
    )


def _current_card(conn: Connection, fp: str) -> counterparties.PartyCard | None:
    """The imported card for party ``fp``, or the newest card that replaced it by a verified rollover."""
    found = counterparties.find(conn, fp)
    if found is None:
        return None
    for other in counterparties.list_all(conn):
        if other.status != "superseded" and fp in counterparties.lineage(conn, other.fingerprint):
            return other
    return found


def record_end(conn: Connection, nda_id: str, kind: str, on: dt.date) -> Nda:
    """Record that the deal closed or negotiations were terminated on ``on`` (starts the destruction clock)."""
    if kind not in ("closed", "terminated"):
        raise InputError("An NDA ends because the deal 'closed' or was 'terminated'.")
    nda = get(conn, nda_id)
    if nda.ended_on:
        raise InputError(f"This NDA already ended on {nda.ended_on}.")
    conn.execute("UPDATE ndas SET ended_on = ?, end_kind = ? WHERE id = ?", (on.isoformat(), kind, nda.id))
    return get(conn, nda.id)
