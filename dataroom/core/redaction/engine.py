"""A policy compiled against a dataset: the output columns, and applying them to a batch of stored rows.

Rows come from the dataset table either as tuples (``rn`` first, then the selected storage columns) or, for whole
datasets, already as columns (:func:`~dataroom.core.datasets.store.read_columns`). Redaction works a column at a
time — each operator maps a whole list of cells in one call — and turns the result back into rows only at the
end, which keeps the per-cell cost to the operator itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any

from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.errors import InputError
from dataroom.core.pii.normalize import is_blank
from dataroom.core.pii.types import DataClass
from dataroom.core.redaction import operators as ops
from dataroom.core.redaction.policy import Policy
from dataroom.core.redaction.pseudonym import Pseudonymiser
from dataroom.core.redaction.suppression import ConsentRowFilter, NoConsents, Released, RowDecision, RowFilter
from dataroom.core.subjects import subject_token


@dataclass(frozen=True)
class OutputColumn:
    """One column of the redacted view."""

    name: str
    source: int  # 1-based storage position of the source column
    source_name: str
    data_class: str
    op: str
    params: dict[str, Any]
    fn: ops.ColumnFn = field(repr=False)
    field: str | None = None  # the derived field, for ``derive`` outputs
    source_type: str | None = None  # the classification's type, for suggestions only

    def ladder(self) -> list[ops.Level]:
        return ops.ladder(self.op, self.params, self.source_type, self.field)


@dataclass
class RedactedColumns:
    """Redacted cells of one batch, column by column, with their row numbers and suppression counts."""

    row_numbers: list[int]
    columns: list[list[str]]
    blanked: int = 0
    dropped: int = 0


@dataclass
class RedactedBatch:
    """Redacted rows of one batch with their row numbers, and how many rows suppression touched."""

    row_numbers: list[int]
    rows: list[tuple[str, ...]]
    blanked: int = 0
    dropped: int = 0


def _output_names(policy: Policy, reserved: set[str]) -> list[tuple[str, str | None]]:
    """``(output name, derived field)`` per output, in order; derived fields take the plain field name unless it
    is already a column or another output's name, then ``<column>_<field>``."""
    plain = [r.column for r in policy.rules if r.op not in (ops.WITHHOLD, ops.DERIVE)]
    taken = set(reserved) | set(plain)
    names: list[tuple[str, str | None]] = []
    for r in policy.rules:
        if r.op == ops.WITHHOLD:
            continue
        if r.op != ops.DERIVE:
            names.append((r.column, None))
            continue
        for f in r.params["fields"]:
            name = f if f not in taken else f"{r.column}_{f}"
            n = 2
            while name in taken:
                name, n = f"{r.column}_{f}_{n}", n + 1
            taken.add(name)
            names.append((name, f))
    return names


class CompiledPolicy:
    """``policy`` bound to ``info``'s columns and to the keys it needs.

    ``pseudonym_key`` keys the ``pseudonym`` operator (the deal key, or a per-recipient key for a packet).
    ``subject_key`` and ``row_filter`` serve the policy's suppression rule; without a ``row_filter`` a
    suppression rule behaves as if nobody had consented (nothing consent-required leaks by omission).
    """

    def __init__(
        self,
        policy: Policy,
        info: DatasetInfo,
        *,
        pseudonym_key: bytes | None = None,
        subject_key: bytes | None = None,
        row_filter: RowFilter | None = None,
        column_types: dict[str, str] | None = None,
    ) -> None:
        self.policy = policy
        self.info = info
        positions = {name: i + 1 for i, name in enumerate(info.columns)}
        missing = [r.column for r in policy.rules if r.column not in positions]
        if missing:
            raise InputError(f"The policy names column {missing[0]!r}, which dataset {info.name!r} does not have.")
        needs_key = any(r.op == ops.PSEUDONYM for r in policy.rules)
        pseudonymiser = Pseudonymiser(pseudonym_key) if needs_key and pseudonym_key else None
        if needs_key and pseudonymiser is None:
            raise ValueError("this policy pseudonymises a column: a pseudonym key is required")
        types = column_types or {}
        names = iter(_output_names(policy, set(info.columns)))
        self.outputs: list[OutputColumn] = []
        for r in policy.rules:
            if r.op == ops.WITHHOLD:
                continue
            fields = r.params["fields"] if r.op == ops.DERIVE else [None]
            for f in fields:
                name, _ = next(names)
                fn = ops.derive_fn(f, r.params) if f else ops.column_fn(r.op, r.params, pseudonymiser)
                self.outputs.append(
                    OutputColumn(name, positions[r.column], r.column, r.data_class, r.op, r.params, fn, f,
                                 types.get(r.column))
                )  # fmt: skip
        self.suppression = policy.suppression
        self.subject_position = positions[policy.suppression.subject_column] if policy.suppression else None
        if policy.suppression is not None:
            if subject_key is None:
                raise ValueError("this policy suppresses rows: a subject key is required")
            self._subject_key = subject_key
            self.row_filter: RowFilter | None = row_filter or ConsentRowFilter(
                NoConsents(), policy.suppression.purpose, policy.suppression.missing
            )
        else:
            self.row_filter = None

    @property
    def headers(self) -> list[str]:
        return [o.name for o in self.outputs]

    def released(self, outputs: Sequence[OutputColumn] | None = None) -> Released:
        chosen = self.outputs if outputs is None else outputs
        return Released(tuple(o.name for o in chosen), frozenset(o.data_class for o in chosen))

    def output(self, name: str) -> OutputColumn:
        for o in self.outputs:
            if o.name == name:
                return o
        shown = ", ".join(self.headers) or "none"
        raise InputError(f"The redacted view has no column {name!r} (its columns: {shown}).")

    def sources(self, outputs: Sequence[OutputColumn] | None = None) -> list[int]:
        """Storage positions to read for ``outputs`` (default: all), including the suppression subject column."""
        chosen = self.outputs if outputs is None else outputs
        needed = {o.source for o in chosen}
        if self.subject_position is not None:
            needed.add(self.subject_position)
        return sorted(needed)

    def subjects(self, values: Sequence[str | None]) -> list[str | None]:
        """Subject tokens of the suppression column's cells (``None`` where there is no usable identifier)."""
        assert self.suppression is not None
        kind, key = self.suppression.kind, self._subject_key
        out: list[str | None] = []
        for v in values:
            if v is None or is_blank(v):
                out.append(None)
                continue
            try:
                out.append(subject_token(key, kind, v))
            except ValueError:  # InputError for an identifier that normalises to nothing
                out.append(None)
        return out

    def apply_columns(
        self,
        rows: Sequence[Sequence[Any]],
        layout: Sequence[int] | None = None,
        outputs: Sequence[OutputColumn] | None = None,
        finish: Callable[[list[str]], list[str]] | None = None,
    ) -> RedactedColumns:
        """Redact ``rows`` (each ``(rn, cell, …)``) into columns; ``layout`` lists the storage position of each
        cell after ``rn`` (default: every column in order). ``outputs`` restricts the result to some output
        columns; ``finish`` is applied to every redacted column (the export's formula guard)."""
        chosen = self.outputs if outputs is None else list(outputs)
        index = {pos: i + 1 for i, pos in enumerate(layout)} if layout is not None else None
        # One C-level pass per column read (transposing every row with zip(*rows) costs several times more).
        cells = {p: list(map(itemgetter(index[p] if index is not None else p), rows)) for p in self.sources(chosen)}
        return self.redact_columns(list(map(itemgetter(0), rows)), cells, chosen, finish)

    def redact_columns(
        self,
        numbers: list[int],
        cells: Mapping[int, Sequence[Any]],
        outputs: Sequence[OutputColumn] | None = None,
        finish: Callable[[list[str]], list[str]] | None = None,
    ) -> RedactedColumns:
        """:meth:`apply_columns` of rows given as their row ``numbers`` and ``cells``, the stored values of each
        position :meth:`sources` names (as :func:`~dataroom.core.datasets.store.read_columns` reads them)."""
        chosen = self.outputs if outputs is None else list(outputs)
        if not numbers:
            return RedactedColumns([], [[] for _ in chosen])
        columns = [o.fn(cells[o.source]) for o in chosen]
        if finish is not None:
            columns = [finish(c) for c in columns]
        result = RedactedColumns(numbers, columns)
        if self.subject_position is None or self.row_filter is None:
            return result
        decisions = self.row_filter.decide(self.subjects(cells[self.subject_position]), self.released(chosen))
        if all(d is RowDecision.KEEP for d in decisions):
            return result
        # Column by column: blank the consent-required cells of refused rows, then leave dropped rows out.
        for k, o in enumerate(chosen):
            if o.data_class == DataClass.CONSENT_REQUIRED:
                columns[k] = ["" if d is RowDecision.BLANK else v for v, d in zip(columns[k], decisions, strict=True)]
        result.blanked = sum(d is RowDecision.BLANK for d in decisions)
        result.dropped = sum(d is RowDecision.DROP for d in decisions)
        if result.dropped:
            keep = [d is not RowDecision.DROP for d in decisions]
            result.row_numbers = [n for n, k in zip(numbers, keep, strict=True) if k]
            result.columns = [[v for v, k in zip(col, keep, strict=True) if k] for col in columns]
        return result

    def apply(
        self,
        rows: Sequence[Sequence[Any]],
        layout: Sequence[int] | None = None,
        outputs: Sequence[OutputColumn] | None = None,
        finish: Callable[[list[str]], list[str]] | None = None,
    ) -> RedactedBatch:
        """Like :meth:`apply_columns`, as rows: ``RedactedBatch.rows`` holds one tuple per remaining row."""
        done = self.apply_columns(rows, layout, outputs, finish)
        count = len(done.row_numbers)
        tuples: list[tuple[str, ...]] = (
            list(zip(*done.columns, strict=True)) if done.columns else [() for _ in range(count)]
        )
        return RedactedBatch(done.row_numbers, tuples, done.blanked, done.dropped)
