"""Audit flows: browse, verify and export the log."""

from __future__ import annotations

from pathlib import Path

from dataroom.core.audit import export as audit_export
from dataroom.core.audit import log as audit_log
from dataroom.core.audit.log import AuditRecord, ChainStatus
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission


def show(session: Session, **filters: object) -> list[AuditRecord]:
    """Records matching ``filters`` (see :func:`dataroom.core.audit.log.records`)."""
    session.require(Permission.VIEW_AUDIT)
    return audit_log.records(session.vault.connection(), **filters)  # type: ignore[arg-type]


def verify(session: Session) -> ChainStatus:
    """Recompute the chain; the result says OK or names the first bad record."""
    session.require(Permission.VIEW_AUDIT)
    return audit_log.verify(session.vault.connection())


def export(session: Session, path: Path, first: int = 1, last: int | None = None) -> int:
    """Export records ``first..last`` as JSON lines; the export itself is audited."""
    session.require(Permission.VIEW_AUDIT)
    count = audit_export.export_jsonl(session.vault.connection(), Path(path), session.vault.vault_id, first, last)
    with session.vault.transaction() as tx:
        audit_log.append(
            tx, session.user, "audit.export", Path(path).name, {"first": first, "last": last, "count": count}
        )
    return count


def verify_export(path: Path) -> ChainStatus:
    """Recheck an exported range without any key (hash chain and links)."""
    return audit_export.verify_export(Path(path))
