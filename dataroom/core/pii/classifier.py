"""Column classifier: which kind of personal data a column holds and which class it belongs to.

Values decide first. Every candidate validator runs over the sampled non-blank values; a type is accepted when
the 95% Wilson lower bound of its valid share clears a threshold, trying the most specific types first
(checksum-validated identifiers, then strict patterns, soft patterns and finally mere shapes such as "number").
The header then confirms, refines (a date column headed 出生日期 is a birth date), or, when the values only
show a shape, decides on its own; a header naming a business number vetoes personal types that the values
pass only by pattern. Whatever is unsure ends in the stricter class.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import islice

from dataroom.core.pii.dates import today_yyyymmdd
from dataroom.core.pii.embedded import find_embedded
from dataroom.core.pii.headers import HeaderEvidence, match_header
from dataroom.core.pii.masking import mask_example
from dataroom.core.pii.normalize import is_blank
from dataroom.core.pii.stats import noisy_or, wilson_lower_bound
from dataroom.core.pii.types import DataClass, PiiType, default_class, stricter
from dataroom.core.pii.validators import VALIDATORS, Validator, excel_damage
from dataroom.core.pii.validators_cn import is_cn_passport
from dataroom.core.pii.validators_common import has_unionpay_prefix, parse_date
from dataroom.core.pii.validators_intl import is_passport_like

T = PiiType

#: Candidate value types, most specific first; the first one whose values validate convincingly wins.
VALUE_TYPES: tuple[PiiType, ...] = (
    # Checksum-validated identifiers: random strings pass them rarely.
    T.RESIDENT_ID, T.FOREIGN_PERMANENT_ID, T.USCC, T.HK_ID, T.TW_ID, T.IBAN, T.BANK_CARD,
    # Strict patterns; the Chinese ones rank above their international look-alikes.
    T.MOBILE, T.EMAIL, T.IPV4, T.IPV6, T.PLATE, T.PASSPORT, T.MO_ID, T.LANDLINE, T.PRECISE_LOCATION, T.SSN,
    T.PHONE_INTL, T.DATE, T.AMOUNT,
    # Soft patterns: word lists and markers.
    T.GENDER, T.ETHNICITY, T.RELIGION, T.BANK_NAME, T.COMPANY_NAME, T.ADDRESS, T.NAME,
    # Shapes, which say how a value is written but not what it is.
    T.GENERIC_ID, T.NUMBER, T.FREE_TEXT, T.TEXT,
)  # fmt: skip

_CHECKSUM_TYPES = frozenset({T.RESIDENT_ID, T.FOREIGN_PERMANENT_ID, T.USCC, T.HK_ID, T.TW_ID, T.IBAN, T.BANK_CARD})
_SHAPE_TYPES = frozenset({T.GENERIC_ID, T.NUMBER, T.FREE_TEXT, T.TEXT})
# Types whose validator accepts any text, so a "valid" value proves nothing.
_UNCHECKED_TYPES = frozenset({T.TEXT, T.IM_ACCOUNT, T.HEALTH})
# Long identifiers that Excel damages when it reads them as numbers.
_LONG_ID_TYPES = frozenset({T.RESIDENT_ID, T.FOREIGN_PERMANENT_ID, T.BANK_CARD, T.GENERIC_ID, T.ORDER_ID, T.NUMBER})

# Types that are alternatives to one another: a header naming one and values proving another is no conflict.
_FAMILIES = (
    frozenset({T.RESIDENT_ID, T.FOREIGN_PERMANENT_ID, T.PASSPORT, T.HK_ID, T.MO_ID, T.TW_ID}),
    frozenset({T.MOBILE, T.LANDLINE, T.PHONE_INTL}),
    frozenset({T.IPV4, T.IPV6}),
    frozenset({T.BANK_CARD, T.IBAN}),
    frozenset({T.COMPANY_NAME, T.BANK_NAME}),
)

# Header type -> value types it gives a meaning to (a number headed 年龄 is an age).
_REFINES: dict[PiiType, frozenset[PiiType]] = {
    T.NAME: frozenset({T.TEXT, T.FREE_TEXT}),
    T.ADDRESS: frozenset({T.TEXT, T.FREE_TEXT}),
    T.BIRTH_DATE: frozenset({T.DATE, T.NUMBER, T.GENERIC_ID}),
    T.DATE: frozenset({T.NUMBER, T.GENERIC_ID}),
    T.AGE: frozenset({T.NUMBER}),
    T.GENDER: frozenset({T.NUMBER, T.TEXT}),
    T.AMOUNT: frozenset({T.NUMBER}),
    T.PURCHASE_AMOUNT: frozenset({T.AMOUNT, T.NUMBER}),
    T.INCOME: frozenset({T.AMOUNT, T.NUMBER}),
    T.ORDER_ID: frozenset({T.GENERIC_ID, T.NUMBER, T.TEXT}),
    T.GENERIC_ID: frozenset({T.NUMBER, T.TEXT}),
    T.NUMBER: frozenset({T.GENERIC_ID}),
    T.IM_ACCOUNT: frozenset({T.GENERIC_ID, T.NUMBER, T.TEXT}),
    T.ETHNICITY: frozenset({T.TEXT}),
    T.RELIGION: frozenset({T.TEXT}),
    T.HEALTH: frozenset({T.TEXT, T.FREE_TEXT}),
    T.PRECISE_LOCATION: frozenset({T.NUMBER, T.TEXT}),
    T.COMPANY_NAME: frozenset({T.TEXT, T.FREE_TEXT}),
    T.BANK_NAME: frozenset({T.TEXT, T.COMPANY_NAME}),
    T.FREE_TEXT: frozenset({T.TEXT}),
}

#: Lower bound on the valid share a type needs to be accepted from values alone ...
ACCEPT_BOUND = 0.5
#: ... and with a header that names it (or a type of its family) as well.
HEADER_ACCEPT_BOUND = 0.25
#: A header naming a business number is overruled only by checksum-validated values at least this convincing.
OVERWHELMING_BOUND = 0.9
#: A header decides on its own (values showing only a shape) only from this weight on ...
HEADER_ONLY_MIN_WEIGHT = 0.6
#: ... and then with its weight scaled down by this factor: a header alone is weaker than validated values.
HEADER_ONLY_FACTOR = 0.6
#: Share of valid values that types a column too small for the lower bound to mean anything (under 5 values).
TINY_SAMPLE_SHARE = 0.75
#: Below this lower bound the values do not settle a header conflict, and the header's stricter class is kept.
CONFLICT_DOUBT_BOUND = 0.8
#: A checksum-validated type this convincing (far above the rate random digits pass) raises the class even
#: when it does not make up the column's type: a column half IDs, half phone numbers is sensitive.
MIXED_CHECKSUM_BOUND = 0.15
#: Share of Excel-damaged values worth a note; one random 18-digit number in a thousand ends in 000 anyway.
EXCEL_NOTE_SHARE = 0.01
#: Children under this age have sensitive personal information (PIPL art. 28).
MINOR_AGE = 14

_PROBE_SIZE = 32
_PROBE_MIN_SHARE = 0.2
_MAX_EXAMPLES = 3

_PLURAL = {
    T.RESIDENT_ID: "resident IDs", T.FOREIGN_PERMANENT_ID: "foreigner permanent residence IDs",
    T.USCC: "unified social credit codes", T.BANK_CARD: "bank card numbers", T.MOBILE: "mobile numbers",
    T.LANDLINE: "landline numbers", T.PHONE_INTL: "international phone numbers", T.EMAIL: "e-mail addresses",
    T.IM_ACCOUNT: "instant-messaging accounts", T.NAME: "personal names", T.ADDRESS: "addresses",
    T.PASSPORT: "passport numbers", T.HK_ID: "Hong Kong ID numbers", T.MO_ID: "Macau ID numbers",
    T.TW_ID: "Taiwan ID numbers", T.PLATE: "vehicle plates", T.IPV4: "IPv4 addresses", T.IPV6: "IPv6 addresses",
    T.DATE: "dates", T.BIRTH_DATE: "birth dates", T.AGE: "ages", T.GENDER: "genders", T.ETHNICITY: "ethnicities",
    T.RELIGION: "religions", T.HEALTH: "health records", T.PRECISE_LOCATION: "GPS coordinates",
    T.AMOUNT: "amounts", T.PURCHASE_AMOUNT: "purchase amounts", T.INCOME: "income or balance figures",
    T.BANK_NAME: "bank names", T.IBAN: "IBANs", T.SSN: "US social security numbers", T.FREE_TEXT: "free text",
    T.COMPANY_NAME: "company names", T.ORDER_ID: "order numbers", T.GENERIC_ID: "identifiers",
    T.NUMBER: "numbers", T.TEXT: "text values", T.EMPTY: "blanks",
}  # fmt: skip


@dataclass(frozen=True)
class Evidence:
    """Why a column got its type; nothing in here is raw personal data (examples are masked)."""

    header_hit: str | None
    header_type: PiiType | None
    #: Share of sampled non-blank values (Excel-damaged ones aside) valid for the chosen type.
    valid_share: float
    #: 95% Wilson lower bound of ``valid_share``.
    valid_lower_bound: float
    #: Number of non-blank sampled values the shares are computed on.
    sample_size: int
    #: Share of sampled cells that were blank or a placeholder (NULL, -, 无).
    blank_share: float
    examples: list[str]
    #: Share of non-blank sampled values that look like long numbers corrupted by Excel.
    excel_damaged_share: float
    #: For text columns: number of sampled cells with an embedded value of each type.
    embedded: dict[PiiType, int]
    notes: list[str]


@dataclass(frozen=True)
class ColumnClassification:
    """Type and class of one column, with a confidence in 0..1 and the evidence behind it."""

    type: PiiType
    data_class: DataClass
    confidence: float
    evidence: Evidence


def _any_passport(value: str) -> bool:
    return is_cn_passport(value) or is_passport_like(value)


def _validators(header: HeaderEvidence | None) -> Mapping[PiiType, Validator]:
    """The validator of each type for this column."""
    if header is not None and header.type is T.PASSPORT:
        # The loose passport shape (6-9 letters and digits) means something only where the header asks for it.
        return {**VALIDATORS, T.PASSPORT: _any_passport}
    return VALIDATORS


class _Sample:
    """The distinct non-blank values of a column with their counts, and the valid counts computed so far."""

    def __init__(
        self, values: list[str], counts: list[int], population: int | None, validators: Mapping[PiiType, Validator]
    ) -> None:
        self.validators = validators
        self.values = values
        self.counts = counts
        self.n = sum(counts)
        self.population = population
        self._valid: dict[PiiType, int] = {}
        step = max(1, len(values) // _PROBE_SIZE)
        self._probe = values[::step][:_PROBE_SIZE]

    def plausible(self, t: PiiType) -> bool:
        # A cheap look at a spread-out handful of distinct values spares running every validator on all of them.
        if len(self._probe) == len(self.values):
            return True
        return sum(map(self.validators[t], self._probe)) >= _PROBE_MIN_SHARE * len(self._probe)

    def valid(self, t: PiiType) -> int:
        if t not in self._valid:
            validator = self.validators[t]
            self._valid[t] = sum(c for v, c in zip(self.values, self.counts, strict=True) if validator(v))
        return self._valid[t]

    def share(self, t: PiiType) -> float:
        return self.valid(t) / self.n if self.n else 0.0

    def bound(self, t: PiiType) -> float:
        return wilson_lower_bound(self.valid(t), self.n, population=self.population)


def _related(a: PiiType, b: PiiType) -> bool:
    return a == b or any(a in family and b in family for family in _FAMILIES)


def _is_personal(t: PiiType) -> bool:
    return t not in _SHAPE_TYPES and default_class(t) is not DataClass.PUBLIC


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _accepted(sample: _Sample, t: PiiType, threshold: float) -> bool:
    if sample.bound(t) >= threshold:
        return True
    # A handful of values cannot clear the bound even if all are valid: then their share has to do.
    return wilson_lower_bound(sample.n, sample.n) < threshold and sample.share(t) >= TINY_SAMPLE_SHARE


def _value_type(sample: _Sample, header: HeaderEvidence | None, header_text: str, notes: list[str]) -> PiiType:
    """The most specific type the values support, honouring a negative header's veto."""
    for t in VALUE_TYPES:
        if t is T.TEXT:
            return t
        agrees = header is not None and (_related(t, header.type) or t in _REFINES.get(header.type, ()))
        if not agrees and not sample.plausible(t):
            continue
        bound = sample.bound(t)
        if not _accepted(sample, t, HEADER_ACCEPT_BOUND if agrees else ACCEPT_BOUND):
            continue
        if header is not None and header.negative and _is_personal(t):
            if t in _CHECKSUM_TYPES and bound >= OVERWHELMING_BOUND:
                notes.append(f"Header says {header_text} but {_pct(sample.share(t))} of values are valid {_PLURAL[t]}.")
                return t
            notes.append(
                f"Header says {header_text}: values that would also pass as {_PLURAL[t]} "
                f"({_pct(sample.share(t))}) were not taken for personal data."
            )
            continue
        family = next((f for f in _FAMILIES if t in f), None)
        if family is not None:
            # A phone column that is 40% mobile and 60% landline is a landline column.
            return max((f for f in VALUE_TYPES if f in family and sample.plausible(f)), key=sample.share)
        if t is T.GENERIC_ID and sample.plausible(T.NUMBER) and sample.bound(T.NUMBER) >= ACCEPT_BOUND:
            # Digit strings pass as both; identifiers have a fixed width, quantities do not.
            widths = Counter(len(v) for v in sample.values)
            if widths.most_common(1)[0][1] < 0.9 * len(sample.values):
                continue
        return t
    return T.TEXT


def _resolve(
    value_type: PiiType, sample: _Sample, header: HeaderEvidence | None, header_text: str, notes: list[str]
) -> tuple[PiiType, float, DataClass]:
    """Combine the value type with the header: (final type, confidence, class)."""
    v_bound = sample.bound(value_type)
    if header is None:
        return value_type, v_bound, default_class(value_type)
    h = header.type
    if value_type in _REFINES.get(h, ()):
        if h in _UNCHECKED_TYPES:
            return h, header.weight, default_class(h)
        if sample.share(h) < 0.5:
            notes.append(
                f"Typed from the header {header_text}; {_pct(sample.share(h))} of values validate as {_PLURAL[h]}."
            )
        return h, noisy_or(sample.bound(h), header.weight), default_class(h)
    if _related(h, value_type):
        return value_type, noisy_or(v_bound, header.weight), default_class(value_type)
    if value_type not in _SHAPE_TYPES:
        data_class = default_class(value_type)
        if not (header.negative and _is_personal(value_type)):  # that override is explained already
            notes.append(
                f"Header suggests {_PLURAL[h]} but {_pct(sample.share(value_type))} of values are valid "
                f"{_PLURAL[value_type]}."
            )
            if v_bound < CONFLICT_DOUBT_BOUND and stricter(default_class(h), data_class) != data_class:
                data_class = default_class(h)
                notes.append(f"Class kept at {data_class} as the header suggests {_PLURAL[h]}.")
        return value_type, v_bound, data_class
    if header.weight < HEADER_ONLY_MIN_WEIGHT:
        notes.append(f"Header {header_text} hints at {_PLURAL[h]} but the values do not confirm it.")
        return value_type, v_bound, default_class(value_type)
    if h in VALUE_TYPES and h not in _SHAPE_TYPES:
        notes.append(
            f"Header says {header_text} but only {_pct(sample.share(h))} of values are valid {_PLURAL[h]}; "
            f"typed from the header."
        )
    return h, header.weight * HEADER_ONLY_FACTOR, default_class(h)


def _minors(t: PiiType, values: list[str]) -> bool:
    """Whether any sampled age or birth date belongs to a child under ``MINOR_AGE``."""
    if t is T.AGE:
        return any(v.isdecimal() and int(v) < MINOR_AGE for v in (s.removesuffix("岁") for s in values))
    today = today_yyyymmdd()
    cutoff = (int(today[:4]) - MINOR_AGE, int(today[4:6]), int(today[6:]))
    return any((d := parse_date(v)) is not None and d > cutoff for v in values)


def _examples(t: PiiType, sample: _Sample) -> list[str]:
    chosen = list(islice(filter(sample.validators[t], sample.values), _MAX_EXAMPLES)) or sample.values[:_MAX_EXAMPLES]
    return [mask_example(t, v) for v in chosen]


def _sample(values: Sequence[str], total_rows: int | None, header: HeaderEvidence | None) -> tuple[_Sample, float, int]:
    """The checkable sample of a column, its blank share, and how many cells Excel damaged."""
    counts = Counter((v or "").strip() for v in values)
    for value in [v for v in counts if is_blank(v)]:
        del counts[value]
    present = sum(counts.values())
    blank_share = 1 - present / len(values) if values else 0.0
    damaged = {v for v in counts if excel_damage(v)}
    damaged_count = sum(counts[v] for v in damaged)
    usable = [(v, c) for v, c in counts.items() if v not in damaged]
    checkable = sum(c for _, c in usable)
    # The column holds about as many checkable values, in proportion, as the sample does.
    population = round(total_rows * checkable / len(values)) if total_rows is not None and values else None
    sample = _Sample([v for v, _ in usable], [c for _, c in usable], population, _validators(header))
    return sample, blank_share, damaged_count


def _embedded(sample: _Sample, data_class: DataClass, notes: list[str]) -> tuple[dict[PiiType, int], DataClass]:
    """Cells of a text column hiding IDs, phone numbers, cards or e-mail addresses, and the class they call for."""
    embedded: dict[PiiType, int] = {}
    for value, count in zip(sample.values, sample.counts, strict=True):
        for t in find_embedded(value):
            embedded[t] = embedded.get(t, 0) + count
    for t, cells in sorted(embedded.items()):
        raised = stricter(data_class, default_class(t))
        consequence = f"class raised to {raised}" if raised != data_class else f"class stays {data_class}"
        data_class = raised
        notes.append(f"{cells} of {sample.n} sampled cells contain embedded {_PLURAL[t]}; {consequence}.")
    return embedded, data_class


def classify_column(
    header: str | None, values: Sequence[str], *, total_rows: int | None = None
) -> ColumnClassification:
    """Type and class of a column from its header (or ``None``) and a sample of its cells.

    ``values`` should be spread over the whole column (about a thousand cells is plenty); ``total_rows`` is the
    column's full length, which narrows the confidence interval when the sample covers much of it.
    """
    header_text = (header or "").strip()
    evidence = match_header(header_text)
    notes: list[str] = []
    sample, blank_share, damaged = _sample(values, total_rows, evidence)

    if sample.n == 0:
        final, confidence, data_class = _without_values(evidence, header_text, damaged, notes)
    else:
        value_type = _value_type(sample, evidence, header_text, notes)
        final, confidence, data_class = _resolve(value_type, sample, evidence, header_text, notes)

    damaged_share = damaged / (sample.n + damaged) if damaged else 0.0
    long_ids = final in _LONG_ID_TYPES or (evidence is not None and evidence.type in _LONG_ID_TYPES)
    if damaged_share >= EXCEL_NOTE_SHARE and long_ids:
        notes.append(
            f"{damaged} of {sample.n + damaged} values ({_pct(damaged_share)}) look like long numbers stored as "
            f"floating point (1.1E+17, zeroed tail): probably corrupted by Excel; re-export the column as text."
        )
    for t in sorted(_CHECKSUM_TYPES - {final}):
        stricter_class = stricter(default_class(t), data_class) != data_class
        if stricter_class and sample.plausible(t) and sample.bound(t) >= MIXED_CHECKSUM_BOUND:
            data_class = default_class(t)
            notes.append(f"{_pct(sample.share(t))} of values are valid {_PLURAL[t]}: class raised to {data_class}.")
    embedded: dict[PiiType, int] = {}
    if final in (T.FREE_TEXT, T.TEXT) and sample.n:
        embedded, data_class = _embedded(sample, data_class, notes)
    if final in (T.AGE, T.BIRTH_DATE) and _minors(final, sample.values):
        data_class = DataClass.SENSITIVE
        notes.append(f"Some values belong to children under {MINOR_AGE}, whose data is sensitive (PIPL art. 28).")
    if final is T.BANK_CARD:
        unionpay = sum(c for v, c in zip(sample.values, sample.counts, strict=True) if has_unionpay_prefix(v))
        notes.append(f"{_pct(unionpay / sample.n)} of card numbers carry China UnionPay prefixes (62/81).")

    return ColumnClassification(
        type=final,
        data_class=data_class,
        confidence=round(min(max(confidence, 0.0), 1.0), 4),
        evidence=Evidence(
            header_hit=evidence.keyword if evidence else None,
            header_type=evidence.type if evidence else None,
            valid_share=round(sample.share(final), 4),
            valid_lower_bound=round(sample.bound(final), 4),
            sample_size=sample.n,
            blank_share=round(blank_share, 4),
            examples=_examples(final, sample),
            excel_damaged_share=round(damaged_share, 4),
            embedded=embedded,
            notes=notes,
        ),
    )


def _without_values(
    header: HeaderEvidence | None, header_text: str, damaged: int, notes: list[str]
) -> tuple[PiiType, float, DataClass]:
    """Type and class of a column whose sample holds nothing checkable: all blank, or all damaged by Excel."""
    if damaged:
        if header is not None and header.negative:
            return header.type, header.weight * HEADER_ONLY_FACTOR, default_class(header.type)
        t = header.type if header is not None else T.GENERIC_ID
        notes.append("No value could be checked; long numbers of unknown kind are treated as sensitive.")
        return t, (header.weight * HEADER_ONLY_FACTOR if header else 0.0), DataClass.SENSITIVE
    notes.append("No values in the sample.")
    if header is not None:
        notes.append(f"Class taken from the header {header_text}.")
        return T.EMPTY, header.weight * HEADER_ONLY_FACTOR, default_class(header.type)
    return T.EMPTY, 1.0, DataClass.PUBLIC
