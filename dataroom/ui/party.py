"""The party identity the set-up wizard collects; the keys themselves are made by ``flows.parties``."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from dataroom.core.deal.keys import PartyDetails


class DealRole(StrEnum):
    """The party's side in the deal (not the vault role: an advisor may well be the vault's owner)."""

    SELLER = "seller"
    BUYER = "buyer"
    ADVISOR = "advisor"


@dataclass(frozen=True)
class PartyIdentity:
    """Organisation, person, e-mail and side, as typed in the wizard."""

    organisation: str = ""
    name: str = ""
    email: str = ""
    deal_role: DealRole = DealRole.SELLER

    def details(self) -> PartyDetails:
        """The core's checked form; raises ``InputError`` naming the field that cannot be used."""
        return PartyDetails(self.organisation, self.name, self.email, self.deal_role.value).checked()
