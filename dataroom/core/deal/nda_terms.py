"""What an NDA is made of: constants, drafting terms, the stored record and its status, the canonical content hash
and signature statement, and the checks on content that arrives in a file (see :mod:`dataroom.core.deal.nda`)."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import nda_templates
from dataroom.core.deal.errors import NdaInvalid
from dataroom.core.documents.blocks import Bilingual

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
    """Why something is not allowed: a stable code for programs and a sentence for people; ``params`` holds the
    sentence's values so that the desktop app can say it in the user's language."""

    code: str
    message: str
    params: dict[str, str] = field(default_factory=dict, compare=False, hash=False)


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
