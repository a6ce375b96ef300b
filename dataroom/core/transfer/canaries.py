"""Canary rows: a few synthetic, plausible records planted in each packet, different for every recipient.

Everything is derived with HMAC from the deal's ``canary`` key, the recipient's fingerprint and the dataset
(name and source hash), so the same recipient gets the same canaries for the same data every time, and another
recipient gets others:

* how many: one for a small table, up to five for a large one (:func:`count_for`);
* where: before which source rows they are inserted (:func:`positions`);
* what: identifying columns get synthetic values from :mod:`dataroom.core.pii.synthetic` (valid check digits,
  real region codes) or, for types it does not make, a real value of the column with its digits and letters
  replaced; other columns copy the value of a randomly chosen real row, so the record looks like its neighbours
  without naming anyone.

The canaries are then redacted by the same policy as the real rows (with the recipient's pseudonym key), and the
sender's vault records them as sent, to recognise a leaked copy (:mod:`dataroom.core.transfer.trace`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import re
from collections.abc import Sequence
from typing import Any

from dataroom.core.datasets import store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.pii.checksums import uscc_check_char
from dataroom.core.pii.synthetic import generate_customers
from dataroom.core.pii.types import PiiType
from dataroom.core.subjects import purpose_key

PURPOSE = "canary"
MAX_CANARIES = 5

# Index of each type's value in a synthetic customer row (see ``synthetic.CUSTOMER_COLUMNS``).
_SYNTHETIC = {
    PiiType.NAME: 1, PiiType.GENDER: 2, PiiType.RESIDENT_ID: 3, PiiType.MOBILE: 4, PiiType.EMAIL: 5,
    PiiType.BANK_CARD: 6, PiiType.BANK_NAME: 7, PiiType.ADDRESS: 8, PiiType.FREE_TEXT: 11,
}  # fmt: skip
# Identifying types the generator does not make: a real value of the column with its digits and letters replaced.
_SCRAMBLED = frozenset({
    PiiType.LANDLINE, PiiType.PHONE_INTL, PiiType.IM_ACCOUNT, PiiType.PASSPORT, PiiType.HK_ID, PiiType.MO_ID,
    PiiType.TW_ID, PiiType.PLATE, PiiType.IPV4, PiiType.IPV6, PiiType.IBAN, PiiType.SSN, PiiType.FOREIGN_PERMANENT_ID,
    PiiType.USCC, PiiType.ORDER_ID, PiiType.GENERIC_ID, PiiType.PRECISE_LOCATION,
})  # fmt: skip
#: An "address" this short is a place name (北京, 浦东新区), not somebody's address.
_PLACE_ONLY = 6
_DATE = re.compile(r"(\d{4})(\D?)(\d{1,2})(\D?)(\d{1,2})(\D?)")


def key(conn: Any) -> bytes:
    return purpose_key(conn, PURPOSE)


class _Stream:
    """Deterministic numbers for one recipient and dataset."""

    def __init__(self, secret: bytes, recipient: str, info: DatasetInfo) -> None:
        self._base = f"{recipient}\x00{info.name}\x00{info.source_sha256}\x00".encode()
        self._key = secret

    def digest(self, label: str) -> bytes:
        return hmac.new(self._key, self._base + label.encode(), hashlib.sha256).digest()

    def number(self, label: str, modulo: int) -> int:
        return int.from_bytes(self.digest(label)[:8], "big") % modulo


def count_for(rows: int) -> int:
    """1 canary below 100 rows, then one more per tenfold size, at most :data:`MAX_CANARIES`."""
    return min(MAX_CANARIES, max(1, len(str(max(rows, 1))) - 1))


def positions(stream: _Stream, rows: int, count: int) -> list[int]:
    """Distinct source row numbers (1-based) before which the canaries go, ascending."""
    chosen: set[int] = set()
    attempt = 0
    while len(chosen) < min(count, rows):
        chosen.add(stream.number(f"position:{len(chosen)}:{attempt}", rows) + 1)
        attempt += 1
    return sorted(chosen)


def _scramble(value: str, digest: bytes) -> str:
    """Digits and ASCII letters replaced (the first few characters kept, e.g. an area code), the shape kept."""
    keep = min(3, len(value) // 3)
    out = list(value[:keep])
    for i, ch in enumerate(value[keep:]):
        r = digest[i % len(digest)] ^ (i // len(digest) * 37 % 256)
        if ch.isascii() and ch.isdigit():
            out.append(str(r % 10))
        elif ch.isascii() and ch.isupper():
            out.append(chr(65 + r % 26))
        elif ch.isascii() and ch.islower():
            out.append(chr(97 + r % 26))
        else:
            out.append(ch)
    return "".join(out)


def _birth(resident_id: str, donor: str) -> tuple[str, int]:
    """The synthetic ID's birth date written like the donor's date, and the age it gives today."""
    y, m, d = resident_id[6:10], resident_id[10:12], resident_id[12:14]
    age = dt.date.today().year - int(y)
    match = _DATE.fullmatch(donor.strip())
    if match is None:
        return f"{y}-{m}-{d}", age
    sep1, sep2, tail = match.group(2), match.group(4), match.group(6)
    return f"{y}{sep1}{m}{sep2}{d}{tail}", age


def _value(t: str, donor: str, synthetic: list[str], digest: bytes) -> str:
    kind = PiiType(t) if t in PiiType._value2member_map_ else PiiType.TEXT
    if kind is PiiType.ADDRESS and 0 < len(donor) <= _PLACE_ONLY:
        return donor  # the column holds bare place names (a city), which name nobody: a full address would stand out
    if kind in _SYNTHETIC:
        return synthetic[_SYNTHETIC[kind]]
    if kind in (PiiType.BIRTH_DATE, PiiType.AGE):
        birth, age = _birth(synthetic[3], donor)
        return birth if kind is PiiType.BIRTH_DATE else str(age)
    if kind in _SCRAMBLED and donor:
        value = _scramble(donor, digest)
        if kind is PiiType.USCC and len(value) == 18:
            with contextlib.suppress(ValueError):  # letters the code's alphabet lacks: keep the shape as it is
                value = value[:17] + uscc_check_char(value[:17].upper())
        return value
    return donor


def rows(
    conn: Any, secret: bytes, recipient: str, info: DatasetInfo, types: Sequence[str]
) -> tuple[list[int], list[tuple[str, ...]]]:
    """Where the canaries go (source row numbers) and their raw values, one per dataset column."""
    stream = _Stream(secret, recipient, info)
    where = positions(stream, info.row_count, count_for(info.row_count))
    seed = int.from_bytes(stream.digest("synthetic")[:8], "big")
    synthetic = list(generate_customers(len(where), seed=seed))
    donors_rn = [stream.number(f"donor:{i}", info.row_count) + 1 for i in range(len(where))]
    donors = {r[0]: r[1:] for r in store.rows_by_number(conn, info, sorted(set(donors_rn)))}
    made = []
    for i, rn in enumerate(donors_rn):
        donor = donors.get(rn, ("",) * info.column_count)
        made.append(tuple(
            _value(types[c], donor[c] or "", synthetic[i], stream.digest(f"scramble:{i}:{c}"))
            for c in range(info.column_count)
        ))  # fmt: skip
    return where, made
