"""A stored policy bound to one vault: its pseudonym key, its consent registry and the dataset's column types.

The export, preview, statistics and k-anonymity flows bind a policy here, and so does an export's worker process
on its own connection (:mod:`dataroom.core.redaction.export_workers`), so both redact with the same inputs.
"""

from __future__ import annotations

from typing import Any

from dataroom.core.datasets import classes
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.consent import ConsentRegistry
from dataroom.core.redaction import pseudonym
from dataroom.core.redaction.engine import CompiledPolicy
from dataroom.core.redaction.policy import Policy
from dataroom.core.redaction.suppression import ConsentLookup, ConsentRowFilter
from dataroom.core.subjects import subject_key


def bind_policy(
    conn: Any,
    info: DatasetInfo,
    policy: Policy,
    *,
    pseudonym_key: bytes | None = None,
    consent: ConsentLookup | None = None,
) -> CompiledPolicy:
    """``policy`` compiled for ``info`` with the vault's deal key (unless ``pseudonym_key`` replaces it) and, for a
    suppression rule, the deal's consent registry (unless the caller brings its own ``consent`` lookup)."""
    s = policy.suppression
    row_filter = None
    if s is not None:
        lookup = consent if consent is not None else ConsentRegistry(conn, s.purpose)
        row_filter = ConsentRowFilter(lookup, s.purpose, s.missing)
    return CompiledPolicy(
        policy,
        info,
        pseudonym_key=pseudonym_key or pseudonym.deal_key(conn),
        subject_key=subject_key(conn) if s is not None else None,
        row_filter=row_filter,
        column_types={c.name: c.type for c in classes.load(conn, info)},
    )
