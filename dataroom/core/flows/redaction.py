"""Redaction flows: policies (show, edit, save, export, import), the redacted preview and its statistics,
k-anonymity, redacted export, and data-subject requests (find, export, erase).

Each function is one user action: it checks the permission, does the work and writes its audit record in the
same transaction as any change. Audit details never hold personal data: identifiers appear only as subject tokens,
filters only as ``column operator`` without their values.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.audit import log as audit_log
from dataroom.core.cancel import CancelToken, Progress, no_progress
from dataroom.core.datasets import classes, store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.pii.types import DataClass
from dataroom.core.redaction import export as redacted_export
from dataroom.core.redaction import kanon, paging, policy_store, pseudonym, stats, subject_requests
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction import where as where_filter
from dataroom.core.redaction.binding import bind_policy
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.export import ExportLabel, ExportResult
from dataroom.core.redaction.export_workers import VaultReader
from dataroom.core.redaction.kanon import KAnonReport
from dataroom.core.redaction.policy import ColumnRule, Policy, Suppression, default_policy, from_json
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.redaction.preview import PreviewView
from dataroom.core.redaction.stats import ColumnStats
from dataroom.core.redaction.subject_requests import DatasetMatches
from dataroom.core.redaction.suppression import ConsentLookup
from dataroom.core.session import Session
from dataroom.core.subjects import subject_key, subject_token
from dataroom.core.timeutil import utc_now
from dataroom.core.users.roles import Permission

#: Largest policy file accepted on import (a policy is a few kilobytes).
MAX_POLICY_BYTES = 4 * 1024 * 1024


# --- helpers ---------------------------------------------------------------------------------------------------


def _dataset(session: Session, name: str) -> tuple[Any, DatasetInfo]:
    conn = session.vault.connection()
    return conn, store.get(conn, name)


def _classes(conn: Any, info: DatasetInfo) -> list[classes.ColumnClass]:
    return classes.load(conn, info)


def _resolve(conn: Any, info: DatasetInfo, version: int | None) -> StoredPolicy:
    """The policy version asked for, else the latest saved one, else the default (version 0, not saved)."""
    if version is not None:
        return policy_store.get(conn, info, version)
    latest = policy_store.latest(conn, info)
    if latest is not None:
        return latest
    policy = default_policy(_classes(conn, info), dataset=info.name, columns=info.columns)
    return StoredPolicy(policy, 0, policy.sha256, "", "", "default policy from the column classes; not saved yet")


def _compile(
    conn: Any,
    info: DatasetInfo,
    stored: StoredPolicy,
    *,
    pseudonym_key: bytes | None = None,
    consent: ConsentLookup | None = None,
) -> CompiledPolicy:
    return bind_policy(conn, info, stored.policy, pseudonym_key=pseudonym_key, consent=consent)


def _policy_details(stored: StoredPolicy) -> dict[str, Any]:
    return {"policy_version": stored.version, "policy_sha256": stored.sha256}


# --- policies --------------------------------------------------------------------------------------------------


def show_policy(session: Session, dataset: str, version: int | None = None) -> StoredPolicy:
    """The policy in force (latest saved version, or the default when none was saved), or a given version."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    return _resolve(conn, info, version)


def policy_versions(session: Session, dataset: str) -> list[StoredPolicy]:
    """Every saved version of the dataset's policy, oldest first."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    return policy_store.versions(conn, info)


def save_policy(session: Session, dataset: str, policy: Policy, *, note: str | None = None) -> StoredPolicy:
    """Validate ``policy`` against the dataset and save it as a new version. Audited."""
    session.require(Permission.REDACT)
    _, info = _dataset(session, dataset)
    checked = from_json(policy.body(), dataset=info.name, columns=info.columns)
    with session.vault.transaction() as tx:
        previous = policy_store.latest(tx, info)
        saved = policy_store.append(tx, info, checked, session.user, note)
        audit_log.append(tx, session.user, "policy.save", dataset, {
            **_policy_details(saved), "previous_sha256": previous.sha256 if previous else None, "note": note,
        })  # fmt: skip
    return saved


def edit_policy(
    session: Session,
    dataset: str,
    column: str,
    op: str,
    params: dict[str, Any] | None = None,
    *,
    data_class: str | None = None,
    note: str | None = None,
) -> StoredPolicy:
    """Set the rule of one column (by name or 1-based position) and save the result as a new version. Audited.

    ``mask`` and ``pseudonym`` take the column's classified type unless ``params`` names one; the rule keeps the
    column's class unless ``data_class`` is given.
    """
    session.require(Permission.REDACT)
    conn, info = _dataset(session, dataset)
    if column not in info.columns:
        if column.isdigit() and 1 <= int(column) <= info.column_count:
            column = info.columns[int(column) - 1]
        else:
            raise InputError(f"Dataset {dataset!r} has no column {column!r} (columns: {', '.join(info.columns)}).")
    base = _resolve(conn, info, None)
    before = base.policy.rule(column)
    params = dict(params or {})
    classified = {c.name: c for c in _classes(conn, info)}.get(column)
    if op in (ops.MASK, ops.PSEUDONYM) and "type" not in params:
        if classified is None:
            raise InputError(f"Column {column!r} is not classified; give its type, e.g. --param type=name.")
        params["type"] = classified.type
    clean = ops.check_params(op, params)
    if data_class is not None and data_class not in {c.value for c in DataClass}:
        raise InputError(f"Unknown class {data_class!r}; use public, consent-required or sensitive.")
    cls = data_class or (classified.data_class if classified else before.data_class)
    rule = ColumnRule(column, op, clean, cls)
    policy = base.policy.with_rule(rule)
    with session.vault.transaction() as tx:
        saved = policy_store.append(tx, info, policy, session.user, note)
        audit_log.append(tx, session.user, "policy.edit", f"{dataset}/{column}", {
            **_policy_details(saved), "previous_sha256": base.sha256, "before": before.describe(),
            "after": rule.describe(), "note": note,
        })  # fmt: skip
    return saved


def set_suppression(
    session: Session, dataset: str, suppression: Suppression | None, *, note: str | None = None
) -> StoredPolicy:
    """Set (or clear, with ``None``) the policy's row-suppression rule; saved as a new version. Audited."""
    session.require(Permission.REDACT)
    conn, info = _dataset(session, dataset)
    base = _resolve(conn, info, None)
    body = base.policy.body()
    body["suppression"] = suppression.to_json() if suppression else None
    policy = from_json(body, dataset=info.name, columns=info.columns)
    with session.vault.transaction() as tx:
        saved = policy_store.append(tx, info, policy, session.user, note)
        audit_log.append(tx, session.user, "policy.suppression", dataset, {
            **_policy_details(saved), "previous_sha256": base.sha256,
            "suppression": suppression.to_json() if suppression else None,
        })  # fmt: skip
    return saved


def export_policy(session: Session, dataset: str, out: Path, *, version: int | None = None) -> StoredPolicy:
    """Write a policy version as JSON (with its version and hash) to ``out``, atomically. Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    stored = _resolve(conn, info, version)
    out = Path(out)
    if not out.parent.is_dir():
        raise InputError(f"The folder {out.parent} does not exist.")
    text = json.dumps(stored.to_json(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    atomic_write(out, text.encode("utf-8"))
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "policy.export", dataset, {**_policy_details(stored), "file": out.name})
    return stored


def import_policy(session: Session, dataset: str, path: Path, *, note: str | None = None) -> StoredPolicy:
    """Read a policy JSON file, validate it strictly against the dataset, save it as a new version. Audited."""
    session.require(Permission.REDACT)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    if path.stat().st_size > MAX_POLICY_BYTES:
        raise InputError(f"{path.name} is too large to be a policy file.")
    try:
        doc = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path.name} is not UTF-8 text.") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    _, info = _dataset(session, dataset)
    policy = from_json(doc, dataset=info.name, columns=info.columns)
    with session.vault.transaction() as tx:
        previous = policy_store.latest(tx, info)
        saved = policy_store.append(tx, info, policy, session.user, note)
        audit_log.append(tx, session.user, "policy.import", dataset, {
            **_policy_details(saved), "previous_sha256": previous.sha256 if previous else None, "file": path.name,
        })  # fmt: skip
    return saved


# --- preview, statistics, k-anonymity ------------------------------------------------------------------------


def _position(info: DatasetInfo, column: str) -> int:
    if column in info.columns:
        return info.columns.index(column) + 1
    if column.isdigit() and 1 <= int(column) <= info.column_count:
        return int(column)
    raise InputError(f"Dataset {info.name!r} has no column {column!r} (columns: {', '.join(info.columns)}).")


def _require_released_as_is(session: Session, policy: Policy, info: DatasetInfo, positions: set[int]) -> None:
    """Sorting or filtering reads ORIGINAL values; on a column the policy does not keep, the order or the matches
    would reveal what the redaction hides (e.g. probing ``身份证号 = …``), so that needs the raw-data right."""
    hidden = [info.columns[p - 1] for p in sorted(positions) if policy.rule(info.columns[p - 1]).op != ops.KEEP]
    if hidden and not session.can(Permission.VIEW_RAW):
        raise PermissionDenied(
            f"Sorting or filtering by {', '.join(hidden)} would reveal values the policy hides; "
            f"{session.user} may only sort and filter by columns released unchanged."
        )


def open_preview(
    session: Session,
    dataset: str,
    *,
    version: int | None = None,
    sort: str | None = None,
    descending: bool = False,
    where: str | None = None,
    consent: ConsentLookup | None = None,
) -> PreviewView:
    """Open the redacted view of a dataset (sorted by an original column, filtered by ``where``); read pages from
    the returned view. Audited once per opening, with the policy hash and the filter's columns (not its values)."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    stored = _resolve(conn, info, version)
    compiled = _compile(conn, info, stored, consent=consent)
    position = _position(info, sort) if sort else None
    compiled_where = where_filter.parse(where, info.columns) if where else None
    touched = set(compiled_where.positions if compiled_where else ()) | ({position} if position else set())
    _require_released_as_is(session, stored.policy, info, touched)
    order = paging.Order(info, position, descending)
    view = PreviewView(session.vault, info, compiled, order, compiled_where)
    if position is not None:
        paging.ensure_index(conn, info, position)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "redaction.preview", dataset, {
            **_policy_details(stored), "sort": info.columns[position - 1] if position else None,
            "descending": descending, "filter": compiled_where.shape if compiled_where else None,
        })  # fmt: skip
    return view


def column_statistics(
    session: Session,
    dataset: str,
    column: str,
    *,
    version: int | None = None,
    where: str | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ColumnStats:
    """Count, blanks, distinct and top values, histogram — of one column of the REDACTED view. Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    stored = _resolve(conn, info, version)
    compiled = _compile(conn, info, stored)
    compiled_where = where_filter.parse(where, info.columns) if where else None
    if compiled_where is not None:
        _require_released_as_is(session, stored.policy, info, compiled_where.positions)
    result = stats.column_stats(conn, info, compiled, column, where=compiled_where, progress=progress, cancel=cancel)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "redaction.stats", f"{dataset}/{column}", {
            **_policy_details(stored), "filter": compiled_where.shape if compiled_where else None,
        })  # fmt: skip
    return result


def kanon_report(
    session: Session,
    dataset: str,
    quasi_identifiers: list[str],
    *,
    k: int = 5,
    sensitive: str | None = None,
    l: int = 2,  # noqa: E741 - the standard's name
    version: int | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> KAnonReport:
    """k-anonymity (and l-diversity for ``sensitive``) of the redacted view over output columns
    ``quasi_identifiers``, with generalisations that would reach ``k``. Audited."""
    session.require(Permission.VIEW_REDACTED)
    conn, info = _dataset(session, dataset)
    stored = _resolve(conn, info, version)
    compiled = _compile(conn, info, stored)
    report = kanon.k_anonymity(conn, info, compiled, quasi_identifiers, target_k=k, sensitive=sensitive, target_l=l,
                               progress=progress, cancel=cancel)  # fmt: skip
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "redaction.kanon", dataset, {
            **_policy_details(stored), "quasi_identifiers": report.quasi_identifiers, "target_k": k, "k": report.k,
            "rows_below_target": report.rows_below, "sensitive": sensitive, "l": report.l,
        })  # fmt: skip
    return report


# --- export ----------------------------------------------------------------------------------------------------


def export_redacted(
    session: Session,
    dataset: str,
    out: Path,
    *,
    version: int | None = None,
    fmt: str = "csv",
    encoding: str = "utf-8",
    pseudonym_key: bytes | None = None,
    consent: ConsentLookup | None = None,
    progress: Progress = no_progress,
    cancel: CancelToken | None = None,
) -> ExportResult:
    """Write the redacted dataset to ``out`` (CSV UTF-8 with BOM or GB18030, or XLSX), labelled with the policy
    and dataset hashes and "de-identified, not anonymised". Audited with the file's SHA-256.

    When no policy was ever saved, the default policy is saved first (as version 1), so every export names a
    stored version. ``pseudonym_key`` replaces the deal key (a per-recipient key for transfer packets).
    """
    session.require(Permission.EXPORT)
    conn, info = _dataset(session, dataset)
    stored = _resolve(conn, info, version)
    if stored.version == 0:
        with session.vault.transaction() as tx:
            stored = policy_store.append(tx, info, stored.policy, session.user, "default policy, saved for an export")
            audit_log.append(tx, session.user, "policy.save", dataset, {**_policy_details(stored), "note": "default"})
    compiled = _compile(conn, info, stored, pseudonym_key=pseudonym_key, consent=consent)
    label = ExportLabel(info.name, info.source_sha256, info.row_count, stored.version, stored.sha256, utc_now())
    # Worker processes bind the policy to the vault's own consent registry; a caller's lookup stays in here.
    reader = None if consent is not None else VaultReader(
        session.vault.layout.db, session.vault.key_bytes(), stored.policy, pseudonym_key or pseudonym.deal_key(conn)
    )  # fmt: skip
    result = redacted_export.write(conn, info, compiled, Path(out), label, fmt=fmt, encoding=encoding,
                                   progress=progress, cancel=cancel, reader=reader)  # fmt: skip
    try:
        with session.vault.transaction() as tx:
            audit_log.append(tx, session.user, "redaction.export", dataset, {
                **_policy_details(stored), "dataset_sha256": info.source_sha256, "format": result.format,
                "encoding": result.encoding, "rows": result.rows, "blanked": result.blanked, "dropped": result.dropped,
                "file": result.path.name, "file_sha256": result.sha256,
                "pseudonym_key": "deal" if pseudonym_key is None else "caller",
            })  # fmt: skip
    except BaseException:
        # An export nobody can account for must not stay on disk.
        result.path.unlink(missing_ok=True)
        raise
    return result


# --- data-subject requests -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectResult:
    """Rows of one data subject, and the token that names the subject in the audit log."""

    token: str
    matches: list[DatasetMatches]

    @property
    def rows(self) -> int:
        return sum(len(m.rows) for m in self.matches)

    def counts(self) -> dict[str, int]:
        return {m.dataset.name: len(m.rows) for m in self.matches}


def _token(conn: Any, kind: str, value: str) -> str:
    subject_requests.check_kind(kind)
    return subject_token(subject_key(conn), kind, value)


def find_subject(session: Session, kind: str, value: str) -> SubjectResult:
    """Every row of one person (by ``resident_id``, ``mobile`` or ``email``) across all datasets. Audited with the
    subject token, never the identifier."""
    session.require(Permission.VIEW_RAW)
    conn = session.vault.connection()
    token = _token(conn, kind, value)
    matches = subject_requests.find(conn, kind, value)
    result = SubjectResult(token, matches)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "subject.find", token, {"kind": kind, "rows": result.counts()})
    return result


def export_subject(session: Session, kind: str, value: str, out: Path) -> SubjectResult:
    """Write every row of one person to ``out`` (CSV: dataset, row, column, value), for the person. Audited."""
    session.require(Permission.VIEW_RAW)
    session.require(Permission.EXPORT)
    conn = session.vault.connection()
    token = _token(conn, kind, value)
    result = SubjectResult(token, subject_requests.find(conn, kind, value))
    subject_requests.write_subject_csv(Path(out), result.matches, token)
    with session.vault.transaction() as tx:
        audit_log.append(tx, session.user, "subject.export", token, {
            "kind": kind, "rows": result.counts(), "file": Path(out).name,
        })  # fmt: skip
    return result


def erase_subject(session: Session, kind: str, value: str) -> SubjectResult:
    """Delete every row of one person from every dataset (secure delete, then a WAL checkpoint so no old page
    image keeps them). Audited with the subject token and the rows erased per dataset."""
    session.require(Permission.DESTROY)
    conn = session.vault.connection()
    token = _token(conn, kind, value)
    with session.vault.transaction() as tx:
        # Found inside the write transaction, so no row can be added between finding and deleting.
        result = SubjectResult(token, subject_requests.find(tx, kind, value))
        erased = subject_requests.erase(tx, result.matches)
        audit_log.append(tx, session.user, "subject.erase", token, {"kind": kind, "rows": erased})
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return result
