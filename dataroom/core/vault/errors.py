"""Errors of opening and managing a vault, each with a message fit to show."""

from __future__ import annotations

from dataroom.core.errors import DataroomError


class VaultError(DataroomError):
    """Base for vault errors."""

    code = "vault"


class NotAVault(VaultError):
    """The path holds no vault, or the database is not a Dataroom vault or is damaged."""

    code = "not-a-vault"


class VaultExists(VaultError):
    """Creating or restoring would overwrite an existing vault."""

    code = "vault-exists"


class VaultInUse(VaultError):
    """Another process has the vault open."""

    code = "vault-in-use"


class WrongPassphrase(VaultError):
    """The passphrase does not open the user's key slot."""

    code = "wrong-passphrase"


class PassphraseRequired(VaultError):
    """No keyring entry could open the vault; a passphrase is needed."""

    code = "passphrase-required"


class SecondFactorRequired(VaultError):
    """The user has TOTP enabled and gave no code."""

    code = "totp-required"


class WrongSecondFactor(VaultError):
    """The TOTP code is wrong or expired."""

    code = "totp-wrong"


class UnlockThrottled(VaultError):
    """Too many failed attempts; the next one must wait."""

    code = "throttled"

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class KeySlotMissing(VaultError):
    """The key-slot file beside the database is gone."""

    code = "keyslot-missing"


class KeySlotTampered(VaultError):
    """The key-slot file fails its integrity check."""

    code = "keyslot-tampered"


class UnknownUser(VaultError):
    """No such local user in this vault."""

    code = "unknown-user"


class IntegrityFailure(VaultError):
    """``cipher_integrity_check`` or ``integrity_check`` found damage."""

    code = "integrity"
