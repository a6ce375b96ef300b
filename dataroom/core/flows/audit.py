"""Audit flows: browse (in keyset pages), count, verify, export and report on the log."""

from __future__ import annotations

from pathlib import Path

from dataroom.core.audit import export as audit_export
from dataroom.core.audit import log as audit_log
from dataroom.core.audit import report as audit_report
from dataroom.core.audit.log import AuditRecord, ChainStatus
from dataroom.core.session import Session
from dataroom.core.users.roles import Permission


def show(session: Session, **filters: object) -> list[AuditRecord]:
    """Records matching ``filters`` (see :func:`dataroom.core.audit.log.records`)."""
    session.require(Permission.VIEW_AUDIT)
    return audit_log.records(session.vault.connection(), **filters)  # type: ignore[arg-type]


def count(session: Session, **filters: object) -> int:
    """How many records match ``filters`` (the viewer shows "500 of 12,345")."""
    session.require(Permission.VIEW_AUDIT)
    return audit_log.count(session.vault.connection(), **filters)  # type: ignore[arg-type]


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


def report(
    session: Session, path: Path, first: int = 1, last: int | None = None, **filters: str
) -> audit_report.AuditReport:
    """Write a bilingual PDF report of records ``first..last`` matching ``filters``; the report itself is audited.

    The chain is verified while the report is made, so the status printed in it is current. Its own record is
    appended afterwards and so is not in the report.
    """
    session.require(Permission.VIEW_AUDIT)
    vault = session.vault
    result = audit_report.write(
        vault.connection(),
        Path(path),
        vault_name=vault.meta("name") or vault.path.name,
        vault_id=vault.vault_id,
        user=session.user,
        first=first,
        last=last,
        filters=filters,
    )
    with vault.transaction() as tx:
        audit_log.append(tx, session.user, "audit.report", result.path.name, {
            "first": first, "last": last, "count": result.count, "filters": sorted(k for k, v in filters.items() if v),
            "chain_ok": result.status.ok, "head_seq": result.status.head_seq,
        })  # fmt: skip
    return result
