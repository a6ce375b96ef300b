"""Counterparties' identity cards as imported into this vault, with how each fingerprint was confirmed.

Status of an imported card:

* ``unconfirmed`` — verified as a file, but nobody has compared its fingerprint with the party out of band yet;
* ``confirmed`` — somebody compared it (in person, by phone, …), or it is a rollover signed by a confirmed card;
* ``suspect`` — another card of the same party (same party id, e-mail, or organisation and person) with
  different keys is already here and this one does not chain to it: one of them may be a forgery;
* ``superseded`` — replaced by a rollover; kept because signatures made with it must stay verifiable.

Only confirmed cards may receive data (see :mod:`dataroom.core.deal.gate`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from dataroom.core.deal import cards, identity
from dataroom.core.deal.cards import Card
from dataroom.core.deal.errors import CardInvalid, NoIdentity
from dataroom.core.errors import InputError, NotFound
from dataroom.core.timeutil import utc_now

Connection = Any

#: How a fingerprint can be compared out of band; the text is shown and stored.
CONFIRM_METHODS = {
    "in-person": "compared in person",
    "phone": "read aloud in a phone call",
    "video": "compared in a video call",
    "letter": "compared with a signed paper letter",
    "other": "compared another way (see note)",
}

_COLUMNS = (
    "id, party_id, generation, fingerprint, card, status, replaces, mismatch_with, imported_at, imported_by,"
    " confirmed_method, confirmed_by, confirmed_at, confirmed_note"
)


@dataclass(frozen=True)
class PartyCard:
    """An imported card with its local trust record."""

    id: int
    card: Card
    status: str
    replaces: int | None
    mismatch_with: list[str]
    imported_at: str
    imported_by: str
    confirmed_method: str | None
    confirmed_by: str | None
    confirmed_at: str | None
    confirmed_note: str | None

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint

    @property
    def confirmed(self) -> bool:
        return self.confirmed_method is not None and self.status in ("confirmed", "superseded")

    def confirmation_text(self) -> str:
        if self.confirmed_method is None:
            return "not confirmed"
        how = CONFIRM_METHODS.get(self.confirmed_method, self.confirmed_method)
        return f"{how} by {self.confirmed_by} on {(self.confirmed_at or '')[:10]}"


@dataclass(frozen=True)
class ImportResult:
    """What importing a card did, in words for the user."""

    card: PartyCard
    already_present: bool
    messages: list[str]


def _row(row: Any) -> PartyCard:
    card = cards.load_card(cards.parse_bytes(str(row[4]).encode("utf-8")))
    return PartyCard(
        int(row[0]), card, str(row[5]), row[6], json.loads(row[7]), str(row[8]), str(row[9]), row[10], row[11],
        row[12], row[13],
    )  # fmt: skip


def list_all(conn: Connection) -> list[PartyCard]:
    return [_row(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM party_cards ORDER BY id")]


def find(conn: Connection, fp: str) -> PartyCard | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM party_cards WHERE fingerprint = ?", (fp,)).fetchone()
    return _row(row) if row else None


def get(conn: Connection, fp: str) -> PartyCard:
    found = find(conn, fp)
    if found is None:
        raise NotFound(f"No imported identity card has the fingerprint {fp[:17]}…; import the party's card first.")
    return found


def by_id(conn: Connection, card_id: int) -> PartyCard:
    row = conn.execute(f"SELECT {_COLUMNS} FROM party_cards WHERE id = ?", (card_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no imported card #{card_id}.")
    return _row(row)


def resolve(conn: Connection, text: str) -> str:
    """A full fingerprint from user input: the whole number, or a unique prefix of at least 10 digits."""
    digits = "".join(c for c in text if c.isdigit())
    if len(digits) == 60:
        return " ".join(digits[i : i + 5] for i in range(0, 60, 5))
    if len(digits) < 10:
        raise InputError("Give the fingerprint, or at least its first 10 digits.")
    known = [c.fingerprint for c in list_all(conn)] + [g.fingerprint for g in identity.generations(conn)]
    hits = sorted({fp for fp in known if fp.replace(" ", "").startswith(digits)})
    if not hits:
        raise NotFound(f"No identity card here has a fingerprint starting {digits}.")
    if len(hits) > 1:
        raise InputError(f"{len(hits)} cards have a fingerprint starting {digits}; give more digits.")
    return hits[0]


def _same_party(conn: Connection, card: Card) -> list[PartyCard]:
    """Stored cards that claim to be the same party: same party id, same e-mail, or same organisation and person."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM party_cards WHERE party_id = ? OR lower(email) = lower(?)"
        " OR (organisation = ? AND person = ?)",
        (card.party_id, card.party.email, card.party.organisation, card.party.person),
    ).fetchall()
    return [_row(r) for r in rows]


def lineage(conn: Connection, fp: str) -> list[str]:
    """``fp`` and the fingerprints it replaced by verified rollovers, newest first (own or imported cards)."""
    chain = [fp]
    while True:
        own = identity.by_fingerprint(conn, chain[-1])
        card = own.card if own else (found.card if (found := find(conn, chain[-1])) else None)
        if card is None or card.rollover is None or not card.rollover.signed_by_previous_key:
            return chain
        if card.rollover.from_fingerprint in chain:  # cannot happen with valid signatures; guards a loop anyway
            return chain
        chain.append(card.rollover.from_fingerprint)


def import_card(conn: Connection, card: Card, actor: str) -> ImportResult:
    """Store a verified counterparty card; decide its status. The caller holds the transaction and audits."""
    if identity.by_fingerprint(conn, card.fingerprint) is not None:
        raise CardInvalid("This is one of this vault's own identity cards, not a counterparty's.")
    try:
        own: identity.OwnIdentity | None = identity.current(conn)
    except NoIdentity:  # a vault may import cards before it has an identity of its own
        own = None
    if own is not None and card.party_id == own.party_id:
        raise CardInvalid("This card claims to be this vault's own party but has other keys: it may be a forgery.")
    existing = find(conn, card.fingerprint)
    if existing is not None:
        if existing.card.sha256 == card.sha256:
            return ImportResult(existing, True, ["This card was already imported; nothing changed."])
        raise CardInvalid(
            f"A different card with the same keys is already imported (#{existing.id}); ask the party which one "
            "is current."
        )
    messages: list[str] = []
    predecessor: PartyCard | None = None
    if card.rollover is not None:
        predecessor = find(conn, card.rollover.from_fingerprint)
        if predecessor is None:
            messages.append(
                "The card says it replaces keys this vault never imported; confirm its fingerprint with the party."
            )
    chained = set(lineage(conn, predecessor.fingerprint)) if predecessor else set()
    mismatches = [c for c in _same_party(conn, card) if c.fingerprint not in chained and c.status != "superseded"]
    status = "unconfirmed"
    method = by = at = note = None
    if mismatches:
        status = "suspect"
        for other in mismatches:
            messages.append(
                f"FINGERPRINT MISMATCH: card #{other.id} of the same party ({other.card.party.person}, "
                f"{other.card.party.organisation}) has different keys and this card does not chain to it. "
                "One of them may be a forgery: call the party and compare fingerprints before trusting either."
            )
    elif predecessor is not None:
        if predecessor.confirmed:
            status, method, by, at = "confirmed", "rollover", actor, utc_now()
            note = f"signed over by card #{predecessor.id}, {predecessor.confirmation_text()}"
            messages.append(
                f"The card replaces card #{predecessor.id} by a rollover signed with its key; that card was "
                f"{predecessor.confirmation_text()}, so this one is confirmed too."
            )
        else:
            messages.append(f"The card replaces card #{predecessor.id}, which was never confirmed; confirm this one.")
    if status == "unconfirmed" and not messages:
        messages.append("Imported. Compare its fingerprint with the party out of band, then confirm it.")
    cur = conn.execute(
        "INSERT INTO party_cards(party_id, generation, fingerprint, card, card_sha256, organisation, person, email,"
        " role, status, replaces, mismatch_with, imported_at, imported_by, confirmed_method, confirmed_by,"
        " confirmed_at, confirmed_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            card.party_id, card.generation, card.fingerprint, card.to_bytes().decode("utf-8"), card.sha256,
            card.party.organisation, card.party.person, card.party.email, card.party.role, status,
            predecessor.id if predecessor else None, json.dumps([m.fingerprint for m in mismatches]), utc_now(),
            actor, method, by, at, note,
        ),
    )  # fmt: skip
    if predecessor is not None and status != "suspect":
        conn.execute("UPDATE party_cards SET status = 'superseded' WHERE id = ?", (predecessor.id,))
    for other in mismatches:
        # Both sides of a mismatch become suspect: the older card may be the forgery.
        conn.execute("UPDATE party_cards SET status = 'suspect' WHERE id = ?", (other.id,))
    return ImportResult(by_id(conn, int(cur.lastrowid)), False, messages)


def confirm(
    conn: Connection, fp: str, method: str, by: str, note: str | None = None, *, accept_mismatch: bool = False
) -> PartyCard:
    """Record that ``by`` compared ``fp`` with the party out of band using ``method``."""
    if method not in CONFIRM_METHODS or method == "rollover":
        raise InputError(f"Say how the fingerprint was compared: {', '.join(CONFIRM_METHODS)}.")
    if method == "other" and not (note or "").strip():
        raise InputError("With method 'other', add a note saying how the fingerprint was compared.")
    found = get(conn, fp)
    if found.status == "superseded":
        raise InputError("This card was replaced by a newer one of the same party; confirm the newer card.")
    if found.status == "suspect" and not accept_mismatch:
        raise InputError(
            "This card's party has another card with different keys here (fingerprint mismatch). Only confirm it "
            "after comparing the whole fingerprint with the party; then confirm again accepting the mismatch."
        )
    conn.execute(
        "UPDATE party_cards SET status = 'confirmed', confirmed_method = ?, confirmed_by = ?, confirmed_at = ?,"
        " confirmed_note = ? WHERE id = ?",
        (method, by, utc_now(), (note or "").strip() or None, found.id),
    )
    if found.status == "suspect":
        # The user vouched for this card: the cards it clashed with can no longer be trusted alongside it.
        for other in found.mismatch_with:
            conn.execute("UPDATE party_cards SET status = 'suspect' WHERE fingerprint = ?", (other,))
        conn.execute("UPDATE party_cards SET mismatch_with = '[]' WHERE id = ?", (found.id,))
    return by_id(conn, found.id)
