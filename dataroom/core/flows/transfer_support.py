"""Helpers shared by the packet, receipt and destruction flows: refusals audited, signed PDFs read and written.

Every name here is private to :mod:`dataroom.core.flows` (underscored, so the access matrix does not take them for
flows); the users' actions are in :mod:`.transfer`, :mod:`.receipts` and :mod:`.destruction`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.audit import log as audit_log
from dataroom.core.deal import counterparties
from dataroom.core.errors import InputError
from dataroom.core.session import Session
from dataroom.core.transfer import (
    records,
)
from dataroom.core.transfer.errors import DocumentInvalid


def _audit_refusal(session: Session, action: str, obj: str, details: dict[str, Any]) -> None:
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, action, obj, details)


def _org(conn: Any, fp: str) -> str:
    found = counterparties.find(conn, fp)
    return found.card.party.organisation if found else fp[:11] + "…"


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
