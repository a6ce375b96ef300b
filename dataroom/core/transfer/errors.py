"""Typed errors of transfers; each message is fit to show as is (no keys, no personal data).

Every refusal of a packet, receipt or certificate names what is wrong in words and guarantees that nothing was
imported or recorded. ``code`` lets the GUI pick a translated message and the audit log record the reason.
"""

from __future__ import annotations

from dataroom.core.errors import InputError


class NotAPacket(InputError):
    """The file is not a Dataroom packet at all (not our container format)."""

    code = "not-a-packet"


class TamperedPacket(InputError):
    """The packet was changed, damaged or truncated after the sender signed it, or its parts disagree."""

    code = "tampered-packet"


class UnknownSender(InputError):
    """The packet's sender is not among this vault's confirmed counterparty cards."""

    code = "unknown-sender"


class WrongRecipient(InputError):
    """The packet was made for somebody else (another party, or a key this vault does not hold)."""

    code = "wrong-recipient"


class ReplayedPacket(InputError):
    """This packet was received before; importing it again would duplicate the data."""

    code = "replayed-packet"


class NdaMismatch(InputError):
    """The packet names an NDA this vault does not hold, or holds with different content."""

    code = "nda-mismatch"


class DocumentInvalid(InputError):
    """A receipt or certificate of destruction does not verify, or does not belong to the transfer it names."""

    code = "document-invalid"
