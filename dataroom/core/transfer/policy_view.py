"""What a packet releases: the redaction policy in force (or the full data), compiled for one recipient.

A thin public wrapper over the redaction engine (the same steps as the redaction flows' export): the saved policy
version asked for, else the latest, else the default policy from the column classes; compiled with the
recipient's own pseudonym key (``purpose_key(conn, "pseudonym:" + fingerprint)``), so tokens in two recipients'
packets cannot be joined, and a leaked copy's tokens name its recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from dataroom.core.datasets import classes as class_store
from dataroom.core.datasets.classes import ColumnClass
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.consent import ConsentRegistry
from dataroom.core.pii.types import DataClass
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction import policy_store
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.policy import default_policy
from dataroom.core.redaction.policy_store import StoredPolicy
from dataroom.core.redaction.suppression import ConsentRowFilter, Released, RowDecision, RowFilter
from dataroom.core.subjects import purpose_key, subject_key
from dataroom.core.transfer import canaries
from dataroom.core.transfer.manifest import FULL, ColumnEntry

Connection = Any


def pseudonym_key(conn: Connection, recipient_fingerprint: str) -> bytes:
    """The pseudonym key of packets for one recipient."""
    return purpose_key(conn, "pseudonym:" + recipient_fingerprint)


def resolve(conn: Connection, info: DatasetInfo, version: int | None) -> StoredPolicy:
    """The version asked for, else the latest saved one, else the default policy (version 0, not saved)."""
    if version is not None:
        return policy_store.get(conn, info, version)
    latest = policy_store.latest(conn, info)
    if latest is not None:
        return latest
    policy = default_policy(class_store.load(conn, info), dataset=info.name, columns=info.columns)
    return StoredPolicy(policy, 0, policy.sha256, "", "", "default policy from the column classes; not saved yet")


class KeepEveryRow:
    """A row filter that keeps every row: canary rows are synthetic and have no consent to look up."""

    def decide(self, subjects: Sequence[str | None], released: Released) -> list[RowDecision]:
        return [RowDecision.KEEP] * len(subjects)


def compile_for(
    conn: Connection, info: DatasetInfo, stored: StoredPolicy, key: bytes, *, row_filter: RowFilter | None = None
) -> CompiledPolicy:
    """``stored`` compiled with the recipient's pseudonym ``key``; consent suppression reads the deal's registry
    unless ``row_filter`` replaces it."""
    s = stored.policy.suppression
    if s is not None and row_filter is None:
        row_filter = ConsentRowFilter(ConsentRegistry(conn, s.purpose), s.purpose, s.missing)
    return CompiledPolicy(
        stored.policy,
        info,
        pseudonym_key=key,
        subject_key=subject_key(conn) if s is not None else None,
        row_filter=row_filter,
        column_types={c.name: c.type for c in class_store.load(conn, info)},
    )


@dataclass(frozen=True)
class Release:
    """What a packet will carry: its columns as the manifest lists them, and the gate's view of the policy."""

    columns: list[ColumnEntry]
    summary: dict[str, tuple[str, bool]]
    policy_version: int | None
    policy_sha256: str


def canaries_for(
    conn: Connection, info: DatasetInfo, recipient: str, stored: StoredPolicy | None, found: list[ColumnClass]
) -> tuple[list[int], list[tuple[str, ...]]]:
    """The recipient's canary rows for ``info`` as the packet carries them: redacted by ``stored`` with the
    recipient's pseudonym key (no consent suppression: they are nobody), or raw for a full packet."""
    types = {c.name: c.type for c in found}
    at, raw = canaries.rows(conn, canaries.key(conn), recipient, info, [types.get(c, "text") for c in info.columns])
    if stored is None:
        return at, list(raw)
    view = compile_for(conn, info, stored, pseudonym_key(conn, recipient), row_filter=KeepEveryRow())
    return at, view.apply([(0, *row) for row in raw]).rows


def _types(found: list[ColumnClass]) -> dict[str, ColumnClass]:
    return {c.name: c for c in found}


def redacted(compiled: CompiledPolicy, stored: StoredPolicy, found: list[ColumnClass]) -> Release:
    by_name = _types(found)
    columns = []
    for o in compiled.outputs:
        c = by_name.get(o.source_name)
        params = dict(o.params)
        if o.field is not None:
            params = {"field": o.field, **{k: v for k, v in params.items() if k != "fields"}}
        columns.append(ColumnEntry(o.name, o.source_name, c.type if c else "text", o.data_class, o.op, params))
    return Release(columns, stored.policy.summary(), stored.version, stored.sha256)


def full(info: DatasetInfo, found: list[ColumnClass]) -> Release:
    """Every column unchanged; an unclassified column counts as sensitive (the stricter class when in doubt)."""
    by_name = _types(found)
    columns, summary = [], {}
    for name in info.columns:
        c = by_name.get(name)
        cls = c.data_class if c else DataClass.SENSITIVE.value
        columns.append(ColumnEntry(name, name, c.type if c else "text", cls, ops.KEEP, {}))
        summary[name] = (cls, True)
    return Release(columns, summary, None, FULL)
