"""Typed errors of deal records; each message is fit to show as is (no keys, no personal data)."""

from __future__ import annotations

from dataroom.core.errors import DataroomError, InputError


class NoIdentity(DataroomError):
    """This vault has no party identity yet (``dataroom party init`` creates one)."""

    code = "no-identity"


class IdentityExists(DataroomError):
    """The vault already has a party identity; a new one is made by rollover, not a second init."""

    code = "identity-exists"


class CardInvalid(InputError):
    """An identity card file is malformed, its self-signature fails, or its parts do not belong together."""

    code = "card-invalid"


class NdaInvalid(InputError):
    """An NDA file or record is malformed, or a signature on it does not verify."""

    code = "nda-invalid"
