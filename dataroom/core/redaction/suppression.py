"""Row suppression: the hook through which consent (or any other per-person rule) decides what a row releases.

The redaction engine knows nothing about consent. For each row it computes the row's *subject token*
(``subjects.subject_token(subject_key, kind, value)`` over the column the policy names) and asks a
:class:`RowFilter` what to do with that row given what is being released. The consent registry
(``core/deal/consent.py``) provides a :class:`ConsentLookup`; :class:`ConsentRowFilter` turns it into a
row filter following the policy's ``missing`` action.

Rows without a readable identifier have no subject (``None``): nobody can have consented for them, so they are
treated as lacking consent.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from dataroom.core.pii.types import DataClass


class RowDecision(StrEnum):
    """What happens to one row."""

    KEEP = "keep"
    #: The row stays, but every consent-required cell is blanked.
    BLANK = "blank"
    DROP = "drop"


@dataclass(frozen=True)
class Released:
    """What a redacted view releases: output columns and their classes."""

    columns: tuple[str, ...]
    classes: frozenset[str]

    @property
    def needs_consent(self) -> bool:
        return DataClass.CONSENT_REQUIRED.value in self.classes


class RowFilter(Protocol):
    """Decides, for a batch of rows' subject tokens, what each row may release."""

    def decide(self, subjects: Sequence[str | None], released: Released) -> list[RowDecision]: ...


class ConsentLookup(Protocol):
    """The consent registry as seen by redaction: which of these subjects consented to ``purpose``."""

    def consented(self, subjects: Collection[str], purpose: str) -> set[str]: ...


class NoConsents:
    """A registry with nothing on record (the safe assumption when none has been kept)."""

    def consented(self, subjects: Collection[str], purpose: str) -> set[str]:
        return set()


@dataclass(frozen=True)
class ConsentRowFilter:
    """Rows whose subject has no consent for ``purpose`` are blanked or dropped (``missing``); when nothing
    consent-required is being released, every row is kept as it is."""

    lookup: ConsentLookup
    purpose: str
    missing: str = "blank"

    def decide(self, subjects: Sequence[str | None], released: Released) -> list[RowDecision]:
        if not released.needs_consent:
            return [RowDecision.KEEP] * len(subjects)
        known = {s for s in subjects if s}
        ok = self.lookup.consented(known, self.purpose) if known else set()
        refused = RowDecision.DROP if self.missing == "drop" else RowDecision.BLANK
        return [RowDecision.KEEP if s and s in ok else refused for s in subjects]
