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
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.canonical import canonical_json
from dataroom.core.datasets import store as datasets
from dataroom.core.deal import counterparties, identity, keys, nda_templates
from dataroom.core.deal.errors import NdaInvalid, NoIdentity
from dataroom.core.deal.keys import KeySet
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import InputError, NotFound
from dataroom.core.timeutil import utc_now

Connection = Any

TYPE = "dataroom-nda"
FILE_FORMAT = "dataroom-nda-file"
VERSION = 1
SUFFIX = ".drnda"
SIGNATURE_DOMAIN = b"dataroom nda signature v1\x00"
MAX_FILE_BYTES = 4 * 1024 * 1024
CLASSES = ("public", "consent-required", "sensitive")
RELATIONS = ("party", "affiliate", "advisor")
LANGUAGES = ("bilingual", "zh_CN", "en")


@dataclass(frozen=True)
class DatasetScope:
    """One dataset the NDA covers, all columns (``columns=None``) or only those named."""

    name: str
    columns: tuple[str, ...] | None = None


@dataclass(frozen=True)
class NdaTerms:
    """What a user fills in to draft an NDA; everything else (names, hashes, clause text) is derived."""

    title: str
    counterparties: tuple[str, ...]
    purpose: Bilingual
    datasets: tuple[DatasetScope, ...]
    effective_on: dt.date
    expires_on: dt.date
    classes: tuple[str, ...] = ("public", "consent-required")
    full_data: bool = False
    extra_recipients: tuple[tuple[str, str], ...] = ()
    onward_sharing: str = "none"
    onward_named: tuple[str, ...] = ()
    encryption: bool = True
    access_log: bool = True
    storage: Bilingual = nda_templates.DEFAULT_STORAGE
    incident_notice_hours: int = 24
    destruction_days: int = 30
    certificate_required: bool = True
    liability: Bilingual = nda_templates.DEFAULT_LIABILITY
    governing_law: Bilingual = nda_templates.DEFAULT_GOVERNING_LAW
    language: str = "bilingual"
    discloser: str | None = None


@dataclass(frozen=True)
class Nda:
    """A stored NDA: its signed content and the local facts about it (how it ended, destruction certificate)."""

    id: str
    title: str
    content: dict[str, Any] = field(repr=False)
    content_sha256: str
    stored_sha256: str
    created_at: str
    created_by: str
    origin: str
    ended_on: str | None
    end_kind: str | None
    destruction_certificate: str | None
    destruction_certified_at: str | None

    @property
    def parties(self) -> list[dict[str, Any]]:
        return list(self.content["parties"])

    @property
    def effective_on(self) -> dt.date:
        return dt.date.fromisoformat(self.content["term"]["effective_on"])

    @property
    def expires_on(self) -> dt.date:
        return dt.date.fromisoformat(self.content["term"]["expires_on"])

    def party_name(self, fp: str) -> str:
        for p in self.content["parties"]:
            if p["fingerprint"] == fp:
                return str(p["organisation"])
        for r in self.content["recipients"]:
            if r["fingerprint"] == fp:
                return str(r["organisation"])
        return fp[:11] + "…"


@dataclass(frozen=True)
class Reason:
    """Why something is not allowed: a stable code for programs and a sentence for people."""

    code: str
    message: str


@dataclass(frozen=True)
class PartySignature:
    """One party's signature on the NDA as checked now."""

    fingerprint: str
    organisation: str
    role: str
    signed: bool
    valid: bool
    signer: str | None = None
    signed_at: str | None = None
    problem: str | None = None


@dataclass(frozen=True)
class NdaStatus:
    """Whether an NDA is in force on ``day``, and every reason it is not."""

    nda_id: str
    title: str
    day: dt.date
    in_force: bool
    reasons: tuple[Reason, ...]
    signatures: tuple[PartySignature, ...]
    effective_on: dt.date
    expires_on: dt.date

    def describe(self) -> list[str]:
        head = "IN FORCE" if self.in_force else "NOT in force"
        out = [f"NDA {self.nda_id} “{self.title}”: {head} on {self.day.isoformat()} "
               f"(term {self.effective_on.isoformat()} – {self.expires_on.isoformat()})"]  # fmt: skip
        for s in self.signatures:
            state = f"signed {s.signed_at}" if s.valid else (s.problem or "not signed")
            out.append(f"  {s.organisation} ({s.role}): {state}")
        out += [f"  - {r.message}" for r in self.reasons]
        return out


def content_sha256(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content)).hexdigest()


def signature_statement(content_hash: str, signer: str, signed_at: str) -> dict[str, str]:
    """What a party's key signs: the content hash, who signs, and when (so a signature's date cannot be moved)."""
    return {"type": "dataroom-nda-signature", "content_sha256": content_hash, "signer": signer, "signed_at": signed_at}


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
    _insert(conn, content, actor, "drafted")
    return get(conn, nda_id)


def _insert(conn: Connection, content: dict[str, Any], actor: str, origin: str) -> None:
    conn.execute(
        "INSERT INTO ndas(id, title, content, content_sha256, created_at, created_by, origin)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            content["id"],
            content["title"],
            canonical_json(content).decode("utf-8"),
            content_sha256(content),
            utc_now(),
            actor,
            origin,
        ),
    )


# ---- validation of content that arrives in a file --------------------------------------------------------------


def _need(cond: bool, what: str) -> None:
    if not cond:
        raise NdaInvalid(f"The NDA is malformed: {what}.")


def _bi(obj: Any, what: str) -> None:
    _need(isinstance(obj, dict) and isinstance(obj.get("zh"), str) and isinstance(obj.get("en"), str), what)


_PARTY_KEYS = ("fingerprint", "party_id", "organisation", "person", "role", "card_sha256")


def validate_content(content: Any) -> None:
    """Check every field Dataroom reads, so a hostile file cannot crash rendering or the export gate."""
    _need(isinstance(content, dict) and content.get("type") == TYPE, "it is not a Dataroom NDA")
    _need(content.get("version") == VERSION, f"version {content.get('version')!r} is unknown")
    _need(isinstance(content.get("id"), str) and 4 <= len(content["id"]) <= 64, "no id")
    _need(isinstance(content.get("title"), str), "no title")
    _need(content.get("language") in LANGUAGES, "unknown language")
    parties = content.get("parties")
    _need(isinstance(parties, list) and len(parties) >= 2, "fewer than two parties")
    for p in parties:
        _need(isinstance(p, dict) and all(isinstance(p.get(k), str) for k in _PARTY_KEYS), "a party entry")
    fps = [p["fingerprint"] for p in parties]
    _need(len(set(fps)) == len(fps), "a party is listed twice")
    _need(content.get("discloser") in fps, "the discloser is not a party")
    _bi(content.get("purpose"), "purpose")
    scope = content.get("scope")
    _need(isinstance(scope, dict) and isinstance(scope.get("datasets"), list) and scope["datasets"], "scope")
    for d in scope["datasets"]:
        _need(isinstance(d, dict) and isinstance(d.get("name"), str) and isinstance(d.get("sha256"), str)
              and isinstance(d.get("rows"), int), "a dataset entry")  # fmt: skip
        cols = d.get("columns")
        _need(cols is None or (isinstance(cols, list) and all(isinstance(c, str) for c in cols)), "dataset columns")
    _need(isinstance(scope.get("classes"), list) and all(c in CLASSES for c in scope["classes"]), "classes")
    _need(isinstance(scope.get("full_data"), bool), "full-data flag")
    term = content.get("term")
    _need(isinstance(term, dict), "term")
    try:
        start, end = dt.date.fromisoformat(term["effective_on"]), dt.date.fromisoformat(term["expires_on"])
    except (KeyError, TypeError, ValueError) as exc:
        raise NdaInvalid("The NDA is malformed: term dates.") from exc
    _need(start <= end, "it expires before it takes effect")
    recipients = content.get("recipients")
    _need(isinstance(recipients, list), "recipients")
    for r in recipients:
        _need(isinstance(r, dict) and isinstance(r.get("fingerprint"), str) and isinstance(r.get("organisation"), str)
              and r.get("relation") in RELATIONS, "a recipient entry")  # fmt: skip
    onward = content.get("onward_sharing")
    _need(isinstance(onward, dict) and onward.get("mode") in nda_templates.ONWARD_MODES, "onward sharing")
    _need(isinstance(onward.get("named"), list) and all(isinstance(n, str) for n in onward["named"]), "named")
    handling = content.get("handling")
    _need(isinstance(handling, dict) and isinstance(handling.get("encryption"), bool)
          and isinstance(handling.get("access_log"), bool) and isinstance(handling.get("incident_notice_hours"), int),
          "handling")  # fmt: skip
    _bi(handling.get("storage"), "storage")
    destruction = content.get("destruction")
    _need(isinstance(destruction, dict) and isinstance(destruction.get("days"), int)
          and isinstance(destruction.get("certificate_required"), bool), "destruction")  # fmt: skip
    _bi(content.get("liability"), "liability")
    _bi(content.get("governing_law"), "governing law")
    clauses = content.get("clauses")
    _need(isinstance(clauses, list) and len(clauses) > 0, "clauses")
    for c in clauses:
        _need(isinstance(c, dict) and isinstance(c.get("number"), str), "a clause")
        _bi(c.get("title"), "a clause title")
        _bi(c.get("body"), "a clause body")


def standard_wording(content: dict[str, Any]) -> bool:
    """Whether the clauses are exactly the template's wording for the content's fields (no hand edits)."""
    rest = {k: v for k, v in content.items() if k != "clauses"}
    return bool(content["clauses"] == nda_templates.clauses(rest))


# ---- storage ---------------------------------------------------------------------------------------------------

_COLUMNS = (
    "id, title, content, content_sha256, created_at, created_by, origin, ended_on, end_kind,"
    " destruction_certificate, destruction_certified_at"
)


def _row(row: Any) -> Nda:
    content = json.loads(row[2])
    return Nda(
        row[0], row[1], content, content_sha256(content), row[3], row[4], row[5], row[6], row[7], row[8], row[9],
        row[10],
    )  # fmt: skip


def list_all(conn: Connection) -> list[Nda]:
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM ndas ORDER BY created_at, id")]


def find(conn: Connection, nda_id: str) -> Nda | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM ndas WHERE id = ?", (nda_id,)).fetchone()
    return _row(row) if row else None


def get(conn: Connection, nda_id: str) -> Nda:
    found = find(conn, nda_id)
    if found is None:
        rows = conn.execute("SELECT id FROM ndas WHERE upper(id) LIKE ? ORDER BY id", (nda_id.upper() + "%",))
        hits = [r[0] for r in rows]
        if len(hits) == 1:
            return get(conn, hits[0])
        known = ", ".join(r[0] for r in conn.execute("SELECT id FROM ndas ORDER BY id LIMIT 10")) or "none yet"
        raise NotFound(f"There is no NDA {nda_id!r} in this vault (NDAs: {known}).")
    return found


# ---- signatures ------------------------------------------------------------------------------------------------


def _signer_key(conn: Connection, fp: str) -> str | None:
    """Base64 Ed25519 public key of the card with fingerprint ``fp`` (ours or imported), if known here."""
    own = identity.by_fingerprint(conn, fp)
    if own is not None:
        return own.card.ed25519
    found = counterparties.find(conn, fp)
    return found.card.ed25519 if found else None


def _party_for(conn: Connection, nda: Nda | dict[str, Any], signer: str) -> str | None:
    """The NDA party a signer speaks for: the party's own card or a later generation of it (rollover)."""
    content = nda.content if isinstance(nda, Nda) else nda
    fps = {p["fingerprint"] for p in content["parties"]}
    for fp in counterparties.lineage(conn, signer):
        if fp in fps:
            return fp
    return None


def check_signature(conn: Connection, content: dict[str, Any], sig: dict[str, Any]) -> str | None:
    """``None`` if ``sig`` is a valid signature of a party on exactly ``content``; else the problem in words."""
    signer, signed_at, signature = sig.get("signer"), sig.get("signed_at"), sig.get("signature")
    if not all(isinstance(v, str) for v in (signer, signed_at, signature)):
        return "the signature entry is malformed"
    assert isinstance(signer, str) and isinstance(signed_at, str) and isinstance(signature, str)
    public = _signer_key(conn, signer)
    if public is None:
        return f"it was made by a card this vault does not know ({signer[:11]}…); import that card first"
    if _party_for(conn, content, signer) is None:
        return f"the signer ({signer[:11]}…) is not a party to this NDA"
    expected = content_sha256(content)
    if sig.get("content_sha256") != expected:
        return "it was made on different content (the NDA text was changed after signing)"
    if not keys.verify_json(public, SIGNATURE_DOMAIN, signature_statement(expected, signer, signed_at), signature):
        return "the signature does not verify (the NDA or the signature was altered)"
    return None


def stored_signatures(conn: Connection, nda_id: str) -> list[dict[str, str]]:
    rows = conn.execute(
        "SELECT fingerprint, content_sha256, signature, signed_at FROM nda_signatures WHERE nda_id = ?"
        " ORDER BY signed_at",
        (nda_id,),
    )
    return [{"signer": r[0], "content_sha256": r[1], "signature": r[2], "signed_at": r[3]} for r in rows]


def _store_signature(conn: Connection, nda_id: str, sig: dict[str, Any], actor: str) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO nda_signatures(nda_id, fingerprint, content_sha256, signature, signed_at,"
        " recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (nda_id, sig["signer"], sig["content_sha256"], sig["signature"], sig["signed_at"], utc_now(), actor),
    )


def sign(conn: Connection, nda_id: str, actor: str, keyset: KeySet | None = None) -> dict[str, str]:
    """Sign the stored content with our current key; refuses when we are not a party or it is already signed."""
    nda = get(conn, nda_id)
    own = identity.current(conn)
    party = _party_for(conn, nda, own.fingerprint)
    if party is None:
        raise InputError("This vault's identity is not a party to this NDA, so it cannot sign it.")
    if nda.stored_sha256 != nda.content_sha256:
        raise NdaInvalid("The stored NDA does not match its recorded hash; it was altered and must not be signed.")
    for sig in stored_signatures(conn, nda.id):
        if _party_for(conn, nda, sig["signer"]) == party and check_signature(conn, nda.content, sig) is None:
            raise InputError("You have already signed this NDA.")
    keyset = keyset or identity.keyset(conn)
    signed_at = utc_now()
    statement = signature_statement(nda.content_sha256, own.fingerprint, signed_at)
    sig = {
        "signer": own.fingerprint,
        "content_sha256": nda.content_sha256,
        "signed_at": signed_at,
        "signature": keys.sign_json(keyset.ed25519, SIGNATURE_DOMAIN, statement),
    }
    _store_signature(conn, nda.id, sig, actor)
    return sig


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
        _insert(conn, content, actor, "imported")
        if not standard_wording(content):
            notes.append("Its clause wording differs from Dataroom's standard template; read the text before signing.")
    known = {s["signer"] for s in stored_signatures(conn, content["id"])}
    added = []
    for sig in doc["signatures"]:
        if sig["signer"] not in known:
            _store_signature(conn, content["id"], sig, actor)
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
        mine = [s for s in sigs if _party_for(conn, nda, s["signer"]) == fp]
        valid = [(s, check_signature(conn, nda.content, s)) for s in mine]
        good = next((s for s, problem in valid if problem is None), None)
        if good is not None:
            checked.append(PartySignature(fp, org, party["role"], True, True, good["signer"], good["signed_at"]))
        elif mine:
            problem = valid[0][1] or "invalid"
            checked.append(PartySignature(fp, org, party["role"], True, False, mine[0]["signer"], None, problem))
            reasons.append(Reason("bad-signature", f"The signature of {org} is not valid: {problem}."))
        else:
            checked.append(PartySignature(fp, org, party["role"], False, False, problem="not signed"))
            reasons.append(Reason("not-signed", f"Not signed by {org}."))
        if fp not in own_lineage:
            card = _current_card(conn, fp)
            if card is None:
                reasons.append(Reason("card-unknown", f"The identity card of {org} is not imported here."))
            elif card.status == "suspect":
                reasons.append(Reason("card-suspect", f"The identity card of {org} is suspect (fingerprint mismatch "
                                      "with another card of the same party)."))  # fmt: skip
            elif not card.confirmed:
                reasons.append(Reason("card-unconfirmed", f"The identity card of {org} was never confirmed out of "
                                      "band."))  # fmt: skip
    if day < nda.effective_on:
        reasons.append(Reason("not-yet-effective", f"It takes effect only on {nda.effective_on.isoformat()}."))
    if day > nda.expires_on:
        reasons.append(Reason("expired", f"It expired on {nda.expires_on.isoformat()}."))
    if nda.ended_on and day >= dt.date.fromisoformat(nda.ended_on):
        what = "the deal closed" if nda.end_kind == "closed" else "negotiations were terminated"
        reasons.append(Reason("ended", f"It ended on {nda.ended_on} ({what})."))
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
