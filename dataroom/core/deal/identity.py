"""This vault's own party identity: its key generations (private keys inside the vault only) and their cards.

One party per vault (each party runs its own copy of Dataroom). Generation 1 is made by :func:`create`; each
:func:`rollover` adds the next generation with a statement signed by the previous key and retires the previous
one. Retired generations are kept: signatures made with them (NDAs, receipts) must stay verifiable.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from dataroom.core.deal import cards, keys
from dataroom.core.deal.cards import Card
from dataroom.core.deal.errors import IdentityExists, NoIdentity
from dataroom.core.deal.keys import KeySet, PartyDetails
from dataroom.core.errors import NotFound
from dataroom.core.timeutil import format_utc

Connection = Any

_COLUMNS = "generation, party_id, fingerprint, card, created_at, created_by, retired_at"


@dataclass(frozen=True)
class OwnIdentity:
    """One generation of our identity as the rest of the app sees it: public card, no private key."""

    generation: int
    party_id: str
    fingerprint: str
    card: Card
    created_at: str
    created_by: str
    retired_at: str | None

    @property
    def current(self) -> bool:
        return self.retired_at is None

    @property
    def party(self) -> PartyDetails:
        return self.card.party


def _row(row: Any) -> OwnIdentity:
    card = cards.load_card(cards.parse_bytes(str(row[3]).encode("utf-8")))
    return OwnIdentity(int(row[0]), str(row[1]), str(row[2]), card, str(row[4]), str(row[5]), row[6])


def exists(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM identity_keys LIMIT 1").fetchone() is not None


def current(conn: Connection) -> OwnIdentity:
    """The generation in use, or :class:`NoIdentity`."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM identity_keys WHERE retired_at IS NULL").fetchone()
    if row is None:
        raise NoIdentity("This vault has no party identity yet; create one with `dataroom party init`.")
    return _row(row)


def generations(conn: Connection) -> list[OwnIdentity]:
    """Every generation, oldest first."""
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM identity_keys ORDER BY generation")]


def by_fingerprint(conn: Connection, fp: str) -> OwnIdentity | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM identity_keys WHERE fingerprint = ?", (fp,)).fetchone()
    return _row(row) if row else None


def keyset(conn: Connection, generation: int | None = None) -> KeySet:
    """The private key set of ``generation`` (default: the current one), for signing and decrypting in core.

    Callers use it and drop it; it is never written anywhere outside the vault database.
    """
    if generation is None:
        generation = current(conn).generation
    row = conn.execute(
        "SELECT ed25519_private, age_identity, ca_private, signing_private, card FROM identity_keys"
        " WHERE generation = ?",
        (generation,),
    ).fetchone()
    if row is None:
        raise NotFound(f"This vault has no key generation {generation}.")
    card = cards.parse_bytes(str(row[4]).encode("utf-8"))
    private = {"ed25519_private": row[0], "age_identity": row[1], "ca_private": row[2], "signing_private": row[3]}
    return KeySet.from_private_row(private, card["body"]["keys"])


def _now() -> tuple[dt.datetime, str]:
    moment = dt.datetime.now(dt.UTC)
    return moment, format_utc(moment)


def _store(conn: Connection, generation: int, keyset_: KeySet, card: Card, actor: str) -> None:
    private = keyset_.to_private_row()
    conn.execute(
        "INSERT INTO identity_keys(generation, party_id, fingerprint, card, card_sha256, ed25519_private,"
        " age_identity, ca_private, signing_private, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            generation, card.party_id, card.fingerprint, card.to_bytes().decode("utf-8"), card.sha256,
            private["ed25519_private"], private["age_identity"], private["ca_private"], private["signing_private"],
            card.created_at, actor,
        ),
    )  # fmt: skip


def create(conn: Connection, details: PartyDetails, actor: str) -> OwnIdentity:
    """Generate generation 1 for ``details``; the caller holds the transaction and writes the audit record."""
    if exists(conn):
        raise IdentityExists(
            "This vault already has a party identity. To replace its keys, roll them over (`dataroom party rollover`)."
        )
    details = details.checked()
    party_id = str(uuid.uuid4())
    moment, stamp = _now()
    keyset_ = keys.generate(details, party_id, moment)
    card = cards.build(keyset_, details, party_id, 1, stamp)
    _store(conn, 1, keyset_, card, actor)
    return current(conn)


def rollover(conn: Connection, actor: str, details: PartyDetails | None = None) -> OwnIdentity:
    """New keys (optionally new contact details), signed over by the current key, which is then retired."""
    old = current(conn)
    old_keys = keyset(conn, old.generation)
    details = (details or old.party).checked()
    moment, stamp = _now()
    new_keys = keys.generate(details, old.party_id, moment)
    generation = old.generation + 1
    block = cards.rollover_block(old_keys, old.card, new_keys.fingerprint, old.party_id, generation, stamp)
    card = cards.build(new_keys, details, old.party_id, generation, stamp, rollover=block)
    conn.execute("UPDATE identity_keys SET retired_at = ? WHERE generation = ?", (stamp, old.generation))
    _store(conn, generation, new_keys, card, actor)
    return current(conn)
