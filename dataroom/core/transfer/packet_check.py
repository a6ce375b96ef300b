"""Is this packet authentic? The question anyone may ask of a packet file, with or without a vault.

Unlike :func:`dataroom.core.transfer.receiving.inspect` (which asks "may I import this?"), this only checks the
container, the signature and the payload hash. Without a vault the key comes from the sender's card carried in
the manifest, so the answer is "signature valid, signer not confirmed by you"; with a vault, from the sender's
card confirmed there, when there is one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from dataroom.core.deal.cards import Card
from dataroom.core.errors import DataroomError
from dataroom.core.transfer import container, manifest
from dataroom.core.transfer.errors import TamperedPacket
from dataroom.core.transfer.manifest import Manifest
from dataroom.core.transfer.receiving import hash_file

#: ``fingerprint -> (card, confirmed)`` for the cards a vault knows (``None`` when it knows none).
CardLookup = Callable[[str], tuple[Card, bool] | None]


@dataclass
class PacketCheck:
    manifest: Manifest | None = None
    confirmed: bool = False
    packet_sha256: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check(path: Path, lookup: CardLookup | None = None) -> PacketCheck:
    result = PacketCheck()
    try:
        box = container.open_container(Path(path))
        raw = box.read_small(container.MANIFEST)
        signature = box.read_small(container.SIGNATURE)
        doc = manifest.parse_unverified(raw)
        claimed = manifest.claimed_sender(doc)
        known = lookup(claimed) if lookup is not None and claimed else None
        card = known[0] if known is not None else manifest.embedded_card(doc)
        if card is None:
            raise TamperedPacket("The packet carries no valid card of its sender, so its signature cannot be checked.")
        if not manifest.signature_valid(card.ed25519, raw, signature):
            raise TamperedPacket("The manifest's signature does not verify: the packet was altered after signing, "
                                 "or it was not made by the sender it names.")  # fmt: skip
        m = manifest.validate(doc, raw)
    except DataroomError as exc:
        result.problems.append(str(exc))
        return result
    result.manifest = m
    result.confirmed = bool(known and known[1])
    file_sha, payload_sha, crc_ok = hash_file(box)
    result.packet_sha256 = file_sha
    if payload_sha != m.payload_sha256 or box.members[container.PAYLOAD].size != m.payload_size or not crc_ok:
        result.problems.append("The encrypted payload does not match the signed manifest: it was changed, damaged or "
                               "truncated after signing.")  # fmt: skip
    return result
