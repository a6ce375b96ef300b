"""The key-slot file: the vault key wrapped once per slot, beside the database.

Source of truth for slots is the ``key_slots`` table *inside* the encrypted database (slot parameters and the
slot's key-encryption key); this file is its projection, so that rekey, restore and adding users can rewrap
every slot without knowing anybody's passphrase. The file is authenticated as a whole with a MAC keyed from
the vault key, and each wrapped key with AES-GCM bound to the slot's parameters, so swapping KDF parameters,
dropping or copying slots, or moving the file to another vault is detected.

Slot labels are ``SHA-256(vault id : user name)``, so the file does not list user names in clear.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dataroom.core.atomic import atomic_write
from dataroom.core.canonical import canonical_json
from dataroom.core.secrets import wrap as keywrap
from dataroom.core.vault.errors import KeySlotMissing, KeySlotTampered

FORMAT = "dataroom-keyslots"
VERSION = 1
PASSPHRASE = "passphrase"
KEYRING = "keyring"


def user_label(vault_id: str, user: str) -> str:
    """The public label of ``user``'s slots in ``vault_id``."""
    return hashlib.sha256(f"{vault_id}:{user}".encode()).hexdigest()


@dataclass(frozen=True)
class SlotSpec:
    """One slot as kept in the database: who it opens for, how its KEK is obtained, and the KEK itself."""

    slot_id: str
    user: str
    kind: str  # PASSPHRASE or KEYRING
    params: dict[str, Any]  # KDF parameters (passphrase) or {"account": ...} (keyring)
    kek: bytes


@dataclass(frozen=True)
class WrappedSlot:
    """One slot as stored in the file."""

    slot_id: str
    label: str
    kind: str
    params: dict[str, Any]
    nonce: bytes
    wrapped: bytes

    def context(self, vault_id: str) -> bytes:
        """AES-GCM associated data: ties the wrapped key to this vault, slot, owner label and parameters."""
        return canonical_json(
            {"vault": vault_id, "slot": self.slot_id, "label": self.label, "kind": self.kind, "params": self.params}
        )


@dataclass(frozen=True)
class SlotFile:
    """Parsed key-slot file."""

    vault_id: str
    default_label: str
    slots: tuple[WrappedSlot, ...]
    mac: bytes

    def for_label(self, label: str) -> list[WrappedSlot]:
        return [s for s in self.slots if s.label == label]

    def body(self) -> dict[str, Any]:
        """Everything but the MAC, in JSON form."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "default": self.default_label,
            "slots": [
                {
                    "id": s.slot_id,
                    "label": s.label,
                    "kind": s.kind,
                    "params": s.params,
                    "nonce": s.nonce.hex(),
                    "wrapped": s.wrapped.hex(),
                }
                for s in self.slots
            ],
        }

    def check_mac(self, vault_key: bytes) -> None:
        """Raise :class:`KeySlotTampered` unless the MAC matches (call after unwrapping the vault key)."""
        if not hmac.compare_digest(_mac(vault_key, self.body()), self.mac):
            raise KeySlotTampered(_TAMPERED)


_TAMPERED = (
    "The key-slot file (vault.keys) has been modified or damaged. Restore it from a backup of the vault folder, "
    "or restore the vault from an encrypted backup."
)


def _mac(vault_key: bytes, body: dict[str, Any]) -> bytes:
    return hmac.new(keywrap.subkey(vault_key, "dataroom keyslots mac v1"), canonical_json(body), "sha256").digest()


def build(vault_id: str, vault_key: bytes, specs: list[SlotSpec], default_user: str) -> SlotFile:
    """Wrap ``vault_key`` for every slot in ``specs`` and MAC the result."""
    slots = []
    for spec in specs:
        label = user_label(vault_id, spec.user)
        unwrapped = WrappedSlot(spec.slot_id, label, spec.kind, spec.params, b"", b"")
        nonce, wrapped = keywrap.wrap(spec.kek, vault_key, unwrapped.context(vault_id))
        slots.append(WrappedSlot(spec.slot_id, label, spec.kind, spec.params, nonce, wrapped))
    partial = SlotFile(vault_id, user_label(vault_id, default_user), tuple(slots), b"")
    return SlotFile(partial.vault_id, partial.default_label, partial.slots, _mac(vault_key, partial.body()))


def _encoded(slot_file: SlotFile) -> bytes:
    doc = slot_file.body()
    doc["mac"] = slot_file.mac.hex()
    return json.dumps(doc, indent=1).encode()


def write(path: Path, slot_file: SlotFile) -> None:
    """Write atomically with mode 0600."""
    atomic_write(path, _encoded(slot_file))


def read(path: Path) -> SlotFile:
    """Parse the slot file; missing → :class:`KeySlotMissing`, malformed → :class:`KeySlotTampered`."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise KeySlotMissing(
            "The key-slot file (vault.keys) is missing, so the vault cannot be opened. Put it back from a copy of "
            "the vault folder, or restore the vault from an encrypted backup."
        ) from None
    try:
        doc = json.loads(raw)
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError("format")
        slots = tuple(
            WrappedSlot(
                str(s["id"]),
                str(s["label"]),
                str(s["kind"]),
                dict(s["params"]),
                bytes.fromhex(s["nonce"]),
                bytes.fromhex(s["wrapped"]),
            )
            for s in doc["slots"]
        )
        slot_file = SlotFile(str(doc["vault_id"]), str(doc["default"]), slots, bytes.fromhex(doc["mac"]))
        # Exactly what write() produces: the MAC covers the meaning, this covers the bytes (spacing, hex case).
        if _encoded(slot_file) != raw:
            raise ValueError("not as written")
        return slot_file
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        raise KeySlotTampered(_TAMPERED) from None
