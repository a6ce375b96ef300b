"""Redaction policies: one rule per column (operator + parameters), an optional row-suppression rule, and the
content hash that names a policy in manifests and receipts.

A policy is plain data. Its JSON form (``body``) is what is hashed, stored, exported and imported; the hash is the
SHA-256 of its canonical JSON, so two policies with the same content have the same hash whatever their version
number. Everything that changes the released values is in the body (mask and pseudonym types, band widths, the
column's class), so the hash really pins down the output for given rows and key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from dataroom.core.canonical import canonical_json
from dataroom.core.errors import InputError, NotFound
from dataroom.core.pii.types import DataClass, PiiType
from dataroom.core.redaction import operators as ops
from dataroom.core.subjects import KINDS

FORMAT = "dataroom-redaction-policy"
FORMAT_VERSION = 1
DEFAULT_NAME = "default"
_INFO_KEYS = frozenset({"version", "sha256", "created_at", "created_by", "note"})
_TOP_KEYS = frozenset({"format", "format_version", "dataset", "name", "columns", "suppression"}) | _INFO_KEYS
_RULE_KEYS = frozenset({"column", "class", "op", "params"})
_SUPPRESSION_KEYS = frozenset({"subject_column", "kind", "purpose", "missing"})
_CLASSES = tuple(c.value for c in DataClass)
#: What happens to a row whose subject has no consent on record.
MISSING_ACTIONS = ("blank", "drop")


class ClassLike(Protocol):
    """What a policy needs of a column classification (``datasets.classes.ColumnClass`` fits)."""

    @property
    def name(self) -> str: ...

    @property
    def type(self) -> str: ...

    @property
    def data_class(self) -> str: ...


@dataclass(frozen=True)
class ColumnRule:
    """How one source column is released."""

    column: str
    op: str
    params: dict[str, Any] = field(default_factory=dict)
    data_class: str = DataClass.CONSENT_REQUIRED.value

    def to_json(self) -> dict[str, Any]:
        return {"column": self.column, "class": self.data_class, "op": self.op, "params": dict(self.params)}

    def describe(self) -> str:
        """``mask type=resident_id`` — the rule in one line."""
        params = " ".join(f"{k}={','.join(v) if isinstance(v, list) else v}" for k, v in sorted(self.params.items()))
        return f"{self.op} {params}".strip()


@dataclass(frozen=True)
class Suppression:
    """Rows whose subject (identified by ``kind`` in ``subject_column``) has no consent for ``purpose`` on record
    lose their consent-required cells (``missing="blank"``) or are left out (``missing="drop"``)."""

    subject_column: str
    kind: str
    purpose: str
    missing: str = "blank"

    def to_json(self) -> dict[str, Any]:
        return {"subject_column": self.subject_column, "kind": self.kind, "purpose": self.purpose,
                "missing": self.missing}  # fmt: skip


@dataclass(frozen=True)
class Policy:
    """A complete policy for one dataset: exactly one rule per column, in column order."""

    dataset: str
    rules: tuple[ColumnRule, ...]
    suppression: Suppression | None = None
    name: str = DEFAULT_NAME

    def body(self) -> dict[str, Any]:
        """The JSON content that is hashed, stored and exported."""
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "dataset": self.dataset,
            "name": self.name,
            "columns": [r.to_json() for r in self.rules],
            "suppression": self.suppression.to_json() if self.suppression else None,
        }

    @property
    def sha256(self) -> str:
        """Content hash: SHA-256 of the canonical JSON of :meth:`body`, in hex."""
        return hashlib.sha256(canonical_json(self.body())).hexdigest()

    def summary(self) -> dict[str, tuple[str, bool]]:
        """``column -> (class of what leaves, released)`` — the plain form the NDA export gate (``deal.gate``) checks.

        A sensitive column that leaves masked, pseudonymised, generalised or derived is still personal data but no
        longer sensitive content, so it counts as consent-required: masking or withholding is the normal treatment
        of sensitive data, and only sensitive values released as they are need an NDA that allows the class.
        """
        return {r.column: (_released_class(r), r.op != ops.WITHHOLD) for r in self.rules}

    def rule(self, column: str) -> ColumnRule:
        for r in self.rules:
            if r.column == column:
                return r
        raise NotFound(f"The policy has no rule for column {column!r}.")

    def with_rule(self, rule: ColumnRule) -> Policy:
        """A copy with ``rule`` replacing the rule of the same column."""
        self.rule(rule.column)
        return replace(self, rules=tuple(rule if r.column == rule.column else r for r in self.rules))


# --- the default policy ----------------------------------------------------------------------------------------

_MASKABLE = frozenset(
    {
        PiiType.RESIDENT_ID, PiiType.FOREIGN_PERMANENT_ID, PiiType.BANK_CARD, PiiType.PASSPORT, PiiType.HK_ID,
        PiiType.MO_ID, PiiType.TW_ID, PiiType.SSN, PiiType.IBAN, PiiType.MOBILE, PiiType.EMAIL, PiiType.NAME,
        PiiType.LANDLINE, PiiType.USCC, PiiType.ADDRESS, PiiType.PHONE_INTL, PiiType.PLATE,
    }
)  # fmt: skip
_AMOUNTS = frozenset({PiiType.AMOUNT, PiiType.PURCHASE_AMOUNT, PiiType.INCOME})
_DATES = frozenset({PiiType.BIRTH_DATE, PiiType.DATE})
# Free text may carry anything (IDs typed into a remark); health, religion, ethnicity and whereabouts have no
# partial form worth releasing. None of these is released by default.
_WITHHELD = frozenset(
    {PiiType.FREE_TEXT, PiiType.TEXT, PiiType.HEALTH, PiiType.RELIGION, PiiType.ETHNICITY, PiiType.PRECISE_LOCATION}
)
# Consent-required types shown as they are: one value identifies nobody, and k-anonymity reports on them.
_KEPT_CONSENT = frozenset({PiiType.GENDER, PiiType.EMPTY})
_MASKED_CONSENT = frozenset({PiiType.NAME, PiiType.ADDRESS})


def _released_class(rule: ColumnRule) -> str:
    if rule.op in (ops.KEEP, ops.WITHHOLD) or rule.data_class != DataClass.SENSITIVE.value:
        return rule.data_class
    return DataClass.CONSENT_REQUIRED.value


def default_rule(column: str, type_: str | None, data_class: str | None) -> ColumnRule:
    """The rule a column gets before anyone edits the policy (see :func:`default_policy`)."""
    if type_ is None or data_class is None:
        return ColumnRule(column, ops.WITHHOLD, {}, DataClass.SENSITIVE.value)
    t = PiiType(type_) if type_ in PiiType._value2member_map_ else PiiType.TEXT
    if data_class == DataClass.PUBLIC:
        return ColumnRule(column, ops.KEEP, {}, data_class)
    if t in _WITHHELD:
        return ColumnRule(column, ops.WITHHOLD, {}, data_class)
    if t in _AMOUNTS:
        return ColumnRule(column, ops.GENERALISE, {"to": "amount_band"}, data_class)
    if t in _DATES:
        return ColumnRule(column, ops.GENERALISE, {"to": "year"}, data_class)
    if t is PiiType.AGE:
        return ColumnRule(column, ops.GENERALISE, {"to": "age_band", "width": 10}, data_class)
    if data_class == DataClass.SENSITIVE:
        if t in _MASKABLE:
            return ColumnRule(column, ops.MASK, {"type": t.value}, data_class)
        return ColumnRule(column, ops.WITHHOLD, {}, data_class)
    if t in _KEPT_CONSENT:
        return ColumnRule(column, ops.KEEP, {}, data_class)
    if t in _MASKED_CONSENT:
        return ColumnRule(column, ops.MASK, {"type": t.value}, data_class)
    return ColumnRule(column, ops.PSEUDONYM, {"type": t.value}, data_class)


def default_policy(classes: Sequence[ClassLike], *, dataset: str = "", columns: Sequence[str] | None = None) -> Policy:
    """The starting policy from stored classifications.

    * public → keep;
    * sensitive → mask when the type has a positional mask (IDs, cards, phones, names, …), generalise amounts,
      dates and ages, withhold everything else (free text that may embed IDs, health, religion, whereabouts);
    * consent-required → names and addresses masked (address cut to the district), contact details and other
      identifiers pseudonymised (so they still join across datasets of the deal), amounts/dates/ages generalised,
      gender kept, free text withheld;
    * a column that was never classified → withheld (unknown content is treated as the strictest class).

    ``columns`` (the dataset's columns in order) makes unclassified columns explicit; without it the rules follow
    ``classes``.
    """
    by_name = {c.name: c for c in classes}
    names = list(columns) if columns is not None else [c.name for c in classes]
    rules = []
    for name in names:
        c = by_name.get(name)
        rules.append(default_rule(name, c.type if c else None, c.data_class if c else None))
    return Policy(dataset, tuple(rules))


# --- JSON ------------------------------------------------------------------------------------------------------


def _where(index: int, column: Any) -> str:
    return f"rule {index + 1}" + (f" (column {column!r})" if isinstance(column, str) else "")


def _rule_from_json(doc: Any, index: int) -> ColumnRule:
    if not isinstance(doc, dict):
        raise InputError(f"The policy's {_where(index, None)} must be an object.")
    where = _where(index, doc.get("column"))
    unknown = sorted(set(doc) - _RULE_KEYS)
    if unknown:
        raise InputError(
            f"The policy's {where} has an unknown key {unknown[0]!r} (allowed: column, class, op, params)."
        )
    for key in ("column", "class", "op"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            raise InputError(f"The policy's {where} needs {key!r} as a non-empty string.")
    if doc["class"] not in _CLASSES:
        raise InputError(f"The policy's {where} has class {doc['class']!r}; use one of {', '.join(_CLASSES)}.")
    try:
        params = ops.check_params(doc["op"], doc.get("params", {}))
    except InputError as exc:
        raise InputError(f"The policy's {where}: {exc}") from None
    return ColumnRule(doc["column"], doc["op"], params, doc["class"])


def _suppression_from_json(doc: Any, columns: Sequence[str]) -> Suppression | None:
    if doc is None:
        return None
    if not isinstance(doc, dict):
        raise InputError("The policy's suppression must be an object or null.")
    unknown = sorted(set(doc) - _SUPPRESSION_KEYS)
    if unknown:
        raise InputError(f"The policy's suppression has an unknown key {unknown[0]!r}.")
    for key in ("subject_column", "kind", "purpose"):
        if not isinstance(doc.get(key), str) or not doc[key]:
            raise InputError(f"The policy's suppression needs {key!r} as a non-empty string.")
    if doc["subject_column"] not in columns:
        raise InputError(f"The suppression's subject column {doc['subject_column']!r} is not a column of the dataset.")
    if doc["kind"] not in KINDS:
        raise InputError(f"The suppression's identifier kind must be one of {', '.join(KINDS)}.")
    missing = doc.get("missing", "blank")
    if missing not in MISSING_ACTIONS:
        raise InputError("The suppression's 'missing' must be 'blank' or 'drop'.")
    return Suppression(doc["subject_column"], doc["kind"], doc["purpose"], missing)


def check_complete(rules: Sequence[ColumnRule], columns: Sequence[str]) -> None:
    """Every column of the dataset has exactly one rule, and no rule names another column."""
    seen: set[str] = set()
    for r in rules:
        if r.column not in columns:
            raise InputError(f"The policy has a rule for {r.column!r}, which is not a column of this dataset.")
        if r.column in seen:
            raise InputError(f"The policy has two rules for column {r.column!r}.")
        seen.add(r.column)
    missing = [c for c in columns if c not in seen]
    if missing:
        raise InputError(f"The policy has no rule for column {missing[0]!r}; every column needs one (withhold it?).")


def from_json(doc: Any, *, dataset: str, columns: Sequence[str]) -> Policy:
    """A policy read from its JSON form, validated strictly against the dataset's ``columns``.

    The policy is re-bound to ``dataset`` (so a policy written for a dataset with the same columns can be reused).
    A ``sha256`` in the document must match its content: a mismatch means the file was changed or damaged.
    """
    if not isinstance(doc, dict):
        raise InputError("A policy file must hold one JSON object.")
    if doc.get("format") != FORMAT:
        raise InputError(f'This is not a Dataroom redaction policy (expected "format": "{FORMAT}").')
    if doc.get("format_version") != FORMAT_VERSION:
        raise InputError(f"This policy uses format version {doc.get('format_version')!r}; this Dataroom reads "
                         f"version {FORMAT_VERSION}.")  # fmt: skip
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise InputError(f"The policy has an unknown key {unknown[0]!r}.")
    name = doc.get("name", DEFAULT_NAME)
    if not isinstance(name, str) or not name.strip() or len(name) > 100:
        raise InputError("The policy's name must be a non-empty string of at most 100 characters.")
    if not isinstance(doc.get("columns"), list):
        raise InputError("The policy needs 'columns': a list of rules, one per column.")
    rules = tuple(_rule_from_json(r, i) for i, r in enumerate(doc["columns"]))
    check_complete(rules, columns)
    order = {c: i for i, c in enumerate(columns)}
    rules = tuple(sorted(rules, key=lambda r: order[r.column]))
    suppression = _suppression_from_json(doc.get("suppression"), columns)
    original = Policy(str(doc.get("dataset", dataset)), rules, suppression, name)
    claimed = doc.get("sha256")
    if claimed is not None and claimed != original.sha256:
        raise InputError(
            "The policy's content does not match the sha256 written in it: the file was changed after export or is "
            'damaged. If you edited it on purpose, delete the "sha256" line and import it again.'
        )
    return replace(original, dataset=dataset)
