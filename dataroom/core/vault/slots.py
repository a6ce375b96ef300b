"""Creating and changing key slots (rows of ``key_slots``) and projecting them into the slot file."""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

from dataroom.core.secrets import kdf, keyring_store
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.vault import keyslots
from dataroom.core.vault.keyslots import KEYRING, PASSPHRASE, SlotSpec
from dataroom.core.vault.layout import VaultLayout


def specs(conn: Any) -> list[SlotSpec]:
    """Every slot in the database, in a stable order."""
    rows = conn.execute("SELECT id, user, kind, params, kek FROM key_slots ORDER BY id")
    return [SlotSpec(r[0], r[1], r[2], json.loads(r[3]), bytes(r[4])) for r in rows]


def _insert(conn: Any, spec: SlotSpec) -> SlotSpec:
    conn.execute(
        "INSERT INTO key_slots(id, user, kind, params, kek) VALUES (?, ?, ?, ?, ?)",
        (spec.slot_id, spec.user, spec.kind, json.dumps(spec.params, sort_keys=True), spec.kek),
    )
    return spec


def add_passphrase(conn: Any, user: str, passphrase: str, params: KdfParams) -> SlotSpec:
    """Add a passphrase slot for ``user`` (the KDF runs here: call off the GUI thread)."""
    kdf.check_passphrase(passphrase)
    return _insert(conn, SlotSpec(uuid.uuid4().hex, user, PASSPHRASE, params.to_json(), kdf.derive(passphrase, params)))


def add_keyring(conn: Any, vault_id: str, user: str) -> SlotSpec | None:
    """Add a keyring slot for ``user``; ``None`` when the machine has no secure keyring."""
    if not keyring_store.available():
        return None
    slot_id = uuid.uuid4().hex
    account = f"{vault_id}/{slot_id}"
    kek = os.urandom(32)
    if not keyring_store.store(account, kek):
        return None
    return _insert(conn, SlotSpec(slot_id, user, KEYRING, {"account": account}, kek))


def remove_for_user(conn: Any, user: str, kind: str | None = None) -> None:
    """Delete ``user``'s slots (of one kind, or all), and their keyring entries."""
    for spec in specs(conn):
        if spec.user == user and kind in (None, spec.kind):
            if spec.kind == KEYRING:
                keyring_store.delete(str(spec.params["account"]))
            conn.execute("DELETE FROM key_slots WHERE id = ?", (spec.slot_id,))


def replace_passphrase(conn: Any, user: str, passphrase: str) -> SlotSpec:
    """New salt, same cost, new KEK for ``user``'s passphrase slot."""
    old = [s for s in specs(conn) if s.user == user and s.kind == PASSPHRASE]
    params = KdfParams.from_json(old[0].params).with_new_salt() if old else kdf.calibrate()
    remove_for_user(conn, user, PASSPHRASE)
    return add_passphrase(conn, user, passphrase, params)


def default_user(conn: Any) -> str:
    row = conn.execute("SELECT value FROM meta WHERE key = 'default_user'").fetchone()
    return str(row[0])


def write_file(conn: Any, layout: VaultLayout, vault_id: str, vault_key: bytes, *, pending: bool = False) -> None:
    """Rewrap ``vault_key`` for every slot in the database and write the slot file (or the pending one)."""
    slot_file = keyslots.build(vault_id, vault_key, specs(conn), default_user(conn))
    keyslots.write(layout.keys_pending if pending else layout.keys, slot_file)


def file_matches_db(conn: Any, slot_file: keyslots.SlotFile) -> bool:
    """Whether the slot file lists exactly the database's slots with the same parameters."""
    in_file = {(s.slot_id, s.kind, json.dumps(s.params, sort_keys=True)) for s in slot_file.slots}
    in_db = {(s.slot_id, s.kind, json.dumps(s.params, sort_keys=True)) for s in specs(conn)}
    return in_file == in_db
