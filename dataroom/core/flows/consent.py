"""Consent flows: bulk import from CSV, list, withdraw, coverage of a dataset, and the registry for redaction.

Recording and withdrawing consent change what redaction releases, so they need ``IMPORT``; reading the
registry (tokens and counts only) needs ``VIEW_REDACTED``. Identifiers typed or imported here become subject
tokens at once; neither the vault nor the audit log ever holds them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dataroom.core import subjects
from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import store
from dataroom.core.deal import consent, consent_csv
from dataroom.core.deal.consent import ConsentRecord, ConsentRegistry, Coverage
from dataroom.core.errors import InputError
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from dataroom.core.users.roles import Permission


@dataclass(frozen=True)
class ConsentImport:
    """What a CSV import did, in counts (and problems by line number, never by identifier)."""

    batch: str
    rows: int
    imported: int
    duplicates: int
    problems: list[str] = field(default_factory=list)
    purposes: dict[str, int] = field(default_factory=dict)


def import_consents(
    session: Session,
    path: Path,
    *,
    kind: str | None = None,
    purpose: str | None = None,
    source: str | None = None,
) -> ConsentImport:
    """Import a CSV of consents (identifier + kind + purpose + dates, …) in one transaction. Audited.

    ``kind``, ``purpose`` and ``source`` apply to every row when the file has no column for them.
    """
    session.require(Permission.IMPORT)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    if kind is not None and kind not in subjects.KINDS:
        raise InputError(f"Unknown identifier kind {kind!r}; use one of {', '.join(subjects.KINDS)}.")
    if purpose is not None:
        purpose = consent.check_purpose(purpose)
    if source is not None and source not in consent.SOURCES:
        raise InputError(f"Unknown source {source!r}; use one of {', '.join(consent.SOURCES)}.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    batch = "C-" + uuid.uuid4().hex[:10]
    report = consent_csv.ParseReport()
    imported = duplicates = 0
    per_purpose: Counter[str] = Counter()
    now = utc_now()
    with session.vault.transaction() as tx:
        key = subjects.subject_key(tx)
        for row in consent_csv.read(path, key, kind=kind, purpose=purpose, source=source, report=report):
            added = consent.insert(
                tx, row.subject, row.purpose, row.scope, row.source, row.source_ref, row.given_on, row.withdrawn_on,
                batch, now, session.user,
            )  # fmt: skip
            if added:
                imported += 1
                per_purpose[row.purpose] += 1
            else:
                duplicates += 1
        audit_log.append(
            tx,
            session.user,
            "consent.import",
            batch,
            {
                "file": path.name,
                "sha256": digest,
                "rows": report.rows,
                "imported": imported,
                "duplicates": duplicates,
                "problems": len(report.problems),
                "purposes": dict(per_purpose),
            },
        )
    return ConsentImport(batch, report.rows, imported, duplicates, report.problems, dict(per_purpose))


def subject_token(session: Session, kind: str, identifier: str) -> str:
    """The token this vault uses for a person's identifier (to look them up without storing the identifier)."""
    session.require(Permission.VIEW_REDACTED)
    return subjects.subject_token(subjects.subject_key(session.vault.connection()), kind, identifier)


def list_consents(
    session: Session, *, purpose: str | None = None, subject: str | None = None, limit: int | None = None
) -> list[ConsentRecord]:
    session.require(Permission.VIEW_REDACTED)
    return consent.records(session.vault.connection(), purpose=purpose, subject=subject, limit=limit)


def consent_purposes(session: Session) -> list[tuple[str, int]]:
    session.require(Permission.VIEW_REDACTED)
    return consent.purposes(session.vault.connection())


def withdraw_consent(session: Session, kind: str, identifier: str, purpose: str, on: dt.date | None = None) -> int:
    """Record a data subject's withdrawal of consent for ``purpose`` from ``on`` (default today). Audited
    with the subject token only."""
    session.require(Permission.IMPORT)
    day = on or dt.date.today()
    with session.vault.transaction() as tx:
        token = subjects.subject_token(subjects.subject_key(tx), kind, identifier)
        count = consent.withdraw(tx, token, consent.check_purpose(purpose), day)
        audit_log.append(
            tx, session.user, "consent.withdraw", token, {"purpose": purpose, "on": day.isoformat(), "records": count}
        )
    return count


def consent_coverage(
    session: Session,
    dataset: str,
    purpose: str,
    day: dt.date | None = None,
    *,
    columns: dict[str, str] | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> Coverage:
    """Share of the dataset's rows with a valid consent for ``purpose`` (counts only). Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn = session.vault.connection()
    info = store.get(conn, dataset)
    result = consent.coverage(conn, info, purpose, day, columns=columns, progress=progress, cancel=cancel)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "consent.coverage", dataset, result.to_json())
    return result


def consent_registry(session: Session, purpose: str, on_date: dt.date | None = None) -> ConsentRegistry:
    """The registry the redaction engine's row suppression consults (``ConsentLookup``)."""
    session.require(Permission.VIEW_REDACTED)
    return ConsentRegistry(session.vault.connection(), purpose, on_date)
