"""The redaction operators, their parameters, and the column functions they compile to.

An operator turns one source column into zero (``withhold``), one (``keep``, ``mask``, ``pseudonym``,
``generalise``) or several (``derive``) output columns. Each output column is a pure, vectorised function from
the source column's cells (a list) to the output cells (a list of the same length).

Parameters are validated strictly here, once, for policies typed by a user, imported from JSON or built by
``default_policy``; a compiled function never sees an unchecked parameter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from itertools import repeat
from operator import itemgetter
from typing import Any

from dataroom.core.errors import InputError
from dataroom.core.pii.normalize import compact, is_blank
from dataroom.core.pii.regions import PROVINCES
from dataroom.core.pii.types import PiiType
from dataroom.core.redaction import generalise as gen
from dataroom.core.redaction import masks
from dataroom.core.redaction.pseudonym import Pseudonymiser
from dataroom.core.redaction.values import birth_of_id, id_births, real_birth
from dataroom.core.redaction.vector import MEMO_LIMIT, ColumnFn

KEEP, MASK, PSEUDONYM, GENERALISE, DERIVE, WITHHOLD = "keep", "mask", "pseudonym", "generalise", "derive", "withhold"
OPERATORS = (KEEP, MASK, PSEUDONYM, GENERALISE, DERIVE, WITHHOLD)

GENERALISE_TO = ("month", "year", "decade", "age_band", "amount_band", "district", "city", "province")
DERIVE_FIELDS = ("age_band", "birth_year", "gender", "province")
_TYPES = frozenset(t.value for t in PiiType)
_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIRST_TWO, _FIRST_FOUR, _SEVENTEENTH = itemgetter(slice(0, 2)), itemgetter(slice(0, 4)), itemgetter(16)
_GENDER_OF_DIGIT = {str(d): "男" if d % 2 else "女" for d in range(10)}

# Allowed parameters of each operator: name -> (kind, required).
_PARAMS: dict[str, dict[str, tuple[str, bool]]] = {
    KEEP: {},
    WITHHOLD: {},
    MASK: {"type": ("type", True), "head": ("count", False), "tail": ("count", False)},
    PSEUDONYM: {"type": ("type", True)},
    GENERALISE: {"to": ("to", True), "width": ("width", False), "as_of": ("day", False)},
    DERIVE: {"fields": ("fields", True), "width": ("width", False), "as_of": ("day", False)},
}

OPERATOR_HELP = {
    KEEP: "release the value unchanged",
    MASK: "hide characters by position (type=…, optional head=N tail=N)",
    PSEUDONYM: "replace by a keyed token, the same for the same value within the deal (type=…)",
    GENERALISE: f"replace by a coarser value (to={'|'.join(GENERALISE_TO)}, width=N for bands, as_of=YYYY-MM-DD)",
    DERIVE: f"add columns derived from a resident ID, then drop it (fields={','.join(DERIVE_FIELDS)}, width=N)",
    WITHHOLD: "drop the column",
}


def _check_value(op: str, key: str, kind: str, value: Any) -> Any:
    where = f"{op} parameter {key!r}"
    if kind == "type":
        if not isinstance(value, str) or value not in _TYPES:
            raise InputError(f"The {where} must be a column type such as resident_id, mobile or name (got {value!r}).")
        return value
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 64:
            raise InputError(f"The {where} must be a whole number from 0 to 64 (got {value!r}).")
        return value
    if kind == "width":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1e15:
            raise InputError(f"The {where} must be a positive number (got {value!r}).")
        return int(value) if float(value).is_integer() else float(value)
    if kind == "day":
        if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
            raise InputError(f"The {where} must be a date written YYYY-MM-DD (got {value!r}).")
        try:
            date.fromisoformat(value)
        except ValueError:
            raise InputError(f"The {where} is not a real date ({value!r}).") from None
        return value
    if kind == "to":
        if value not in GENERALISE_TO:
            raise InputError(f"The {where} must be one of {', '.join(GENERALISE_TO)} (got {value!r}).")
        return value
    if kind == "fields":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not items or not all(isinstance(f, str) for f in items):
            raise InputError(f"The {where} must be a non-empty list of {', '.join(DERIVE_FIELDS)}.")
        fields = [f.strip() for f in items]
        unknown = [f for f in fields if f not in DERIVE_FIELDS]
        if unknown or len(set(fields)) != len(fields):
            raise InputError(f"The {where} may list each of {', '.join(DERIVE_FIELDS)} once (got {items!r}).")
        return fields
    raise AssertionError(kind)


def check_params(op: str, params: dict[str, Any]) -> dict[str, Any]:
    """``params`` validated for ``op`` (unknown or missing ones are errors); returns a clean copy."""
    if op not in _PARAMS:
        raise InputError(f"Unknown operator {op!r}; use one of {', '.join(OPERATORS)}.")
    if not isinstance(params, dict):
        raise InputError(f"The parameters of {op} must be an object of name: value pairs.")
    allowed = _PARAMS[op]
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        known = ", ".join(allowed) or "none"
        raise InputError(f"The operator {op} has no parameter {unknown[0]!r} (its parameters: {known}).")
    missing = [k for k, (_, required) in allowed.items() if required and k not in params]
    if missing:
        raise InputError(f"The operator {op} needs the parameter {missing[0]!r}.")
    clean = {k: _check_value(op, k, allowed[k][0], v) for k, v in params.items()}
    if op == GENERALISE:
        width = clean.get("width")
        if clean["to"] == "age_band" and width is not None and (not isinstance(width, int) or width > 50):
            raise InputError("An age band width must be a whole number of years from 1 to 50.")
        if "width" in clean and clean["to"] not in ("age_band", "amount_band"):
            raise InputError(f"The width parameter only applies to age_band and amount_band, not {clean['to']}.")
        if "as_of" in clean and clean["to"] != "age_band":
            raise InputError("The as_of parameter only applies to age_band.")
    if op == DERIVE and "width" in clean and (not isinstance(clean["width"], int) or clean["width"] > 50):
        raise InputError("An age band width must be a whole number of years from 1 to 50.")
    return clean


def parse_param(text: str) -> tuple[str, Any]:
    """``k=v`` from the command line: integers and decimals become numbers, ``a,b`` stays text (fields parse it)."""
    key, sep, raw = text.partition("=")
    if not sep or not key.strip():
        raise InputError(f"Write parameters as name=value (got {text!r}).")
    raw = raw.strip()
    value: Any = raw
    if re.fullmatch(r"-?[0-9]+", raw):
        value = int(raw)
    elif re.fullmatch(r"-?[0-9]+\.[0-9]+", raw):
        value = float(raw)
    return key.strip(), value


# --- compiled column functions ---------------------------------------------------------------------------------


def _keep(values: Sequence[str | None]) -> list[str]:
    return ["" if v is None else v for v in values]


def _as_of(params: dict[str, Any]) -> date | None:
    return date.fromisoformat(params["as_of"]) if "as_of" in params else None


class _RealBirths:
    """Whether each ``YYYYMMDD`` text of a column of ID numbers is a real date, decided once per distinct date for
    the life of the column function (a few tens of thousands of dates cover any register)."""

    def __init__(self) -> None:
        self._memo: dict[str, bool] = {}

    def __call__(self, births: list[str]) -> list[bool]:
        memo = self._memo
        new = set(births).difference(memo)
        if len(memo) + len(new) > MEMO_LIMIT:  # only a hostile column has that many distinct birth texts
            memo.clear()
            new = set(births)
        for b in new:
            memo[b] = real_birth(b) is not None
        return list(map(memo.__getitem__, births))


def _id_field(field: str) -> ColumnFn:
    """The ``birth_year``, ``gender`` or ``province`` of resident ID numbers: blank for a blank cell, ``*`` for
    a value without a real birth date. A batch of clean ID numbers is done with C-level maps and one test per
    distinct birth date; anything else value by value."""
    real = _RealBirths()

    def one(v: str | None) -> str:
        if not v or is_blank(v):
            return ""
        s = compact(v)
        b = birth_of_id(s)
        if b is None:
            return gen.HIDDEN
        if field == "birth_year":
            return f"{b[0]:04d}"
        if field == "province":
            return PROVINCES.get(s[:2], gen.HIDDEN)
        return "男" if int(s[16] if len(s) == 18 else s[14]) % 2 else "女"

    def column(values: Sequence[str | None]) -> list[str]:
        births = id_births(values)
        if births is None:
            return [one(v) for v in values]
        if field == "birth_year":
            found = map(_FIRST_FOUR, births)
        elif field == "province":
            found = map(PROVINCES.get, map(_FIRST_TWO, values), repeat(gen.HIDDEN))  # type: ignore[arg-type]
        else:
            found = map(_GENDER_OF_DIGIT.__getitem__, map(_SEVENTEENTH, values))  # type: ignore[arg-type]
        return [f if ok else gen.HIDDEN for f, ok in zip(found, real(births), strict=True)]

    return column


def generalise_fn(params: dict[str, Any]) -> ColumnFn:
    to = params["to"]
    if to in ("month", "year", "decade"):
        return lambda vs: gen.date_column(vs, to)
    if to == "age_band":
        width, as_of = int(params.get("width", 10)), _as_of(params)
        return gen.age_bander(width, as_of)
    if to == "amount_band":
        return gen.amount_bander(params.get("width"))
    return gen.address_generaliser(to)


def derive_fn(field: str, params: dict[str, Any]) -> ColumnFn:
    if field == "age_band":
        return generalise_fn({"to": "age_band", **{k: v for k, v in params.items() if k in ("width", "as_of")}})
    return _id_field(field)


@dataclass(frozen=True)
class Level:
    """One coarser alternative for a released column: its label, how it maps the current output value, and the
    (op, params) rule that would produce it directly."""

    label: str
    coarsen: Callable[[str], str]
    op: str
    params: dict[str, Any]


def _hide(value: str) -> str:
    return value if value == "" else gen.HIDDEN


def ladder(op: str, params: dict[str, Any], column_type: str | None = None, field: str | None = None) -> list[Level]:
    """Coarser alternatives of an output column, in order of growing information loss (the last hides all).

    ``column_type`` is the source column's type (a kept date can still be generalised); ``field`` names the
    derived field for ``derive`` outputs."""
    steps: list[Level] = []
    to = "age_band" if field == "age_band" else (params.get("to") if op == GENERALISE else None)
    if op == KEEP and column_type in (PiiType.DATE, PiiType.BIRTH_DATE):
        to = "day"
    if to in ("day", "month"):
        for target in ("month", "year", "decade")[(0 if to == "day" else 1) :]:
            steps.append(Level(f"generalise to={target}", partial(gen.coarsen_date, to=target), GENERALISE,
                               {"to": target}))  # fmt: skip
    elif to == "year":
        steps.append(
            Level("generalise to=decade", partial(gen.coarsen_date, to="decade"), GENERALISE, {"to": "decade"})
        )
    elif to == "age_band":
        width = int(params.get("width", 10))
        for wider in (w for w in (5, 10, 20, 30) if w > width and w % width == 0):
            extra = {"width": wider, **({"as_of": params["as_of"]} if "as_of" in params else {})}
            rule = {"to": "age_band", **extra} if op == GENERALISE else {**params, "width": wider}
            steps.append(Level(f"age band width={wider}", partial(gen.coarsen_age, width=wider), op, rule))
    elif to == "amount_band":
        band_width = params.get("width")
        if band_width:
            for factor in (10, 100):
                w = band_width * factor
                steps.append(Level(f"amount band width={w:g}", partial(gen.coarsen_amount, width=w), GENERALISE,
                                   {"to": "amount_band", "width": w}))  # fmt: skip
        steps.append(Level("amount band by decade", partial(gen.coarsen_amount, width=None), GENERALISE,
                           {"to": "amount_band"}))  # fmt: skip
    elif to in ("district", "city"):
        for level in ("city", "province")[(0 if to == "district" else 1) :]:
            steps.append(Level(f"generalise to={level}", partial(gen.coarsen_address, level=level), GENERALISE,
                               {"to": level}))  # fmt: skip
    elif op == MASK and params.get("type") == PiiType.ADDRESS:
        for level in ("city", "province"):
            steps.append(Level(f"generalise to={level}", partial(gen.coarsen_address, level=level), GENERALISE,
                               {"to": level}))  # fmt: skip
    steps.append(Level("withhold", _hide, WITHHOLD, {}))
    return steps


def column_fn(op: str, params: dict[str, Any], pseudonymiser: Pseudonymiser | None) -> ColumnFn:
    """The function of a single-output operator (``keep``, ``mask``, ``pseudonym``, ``generalise``)."""
    if op == KEEP:
        return _keep
    if op == MASK:
        return masks.column_masker(PiiType(params["type"]), params.get("head"), params.get("tail"))
    if op == PSEUDONYM:
        if pseudonymiser is None:
            raise ValueError("a pseudonym operator needs a key")
        t = params["type"]
        return lambda vs: pseudonymiser.column(t, vs)
    if op == GENERALISE:
        return generalise_fn(params)
    raise ValueError(f"{op} has no single output column")
