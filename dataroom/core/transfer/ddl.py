"""Schema of transfers, applied as vault migration 5.

* ``packets_sent`` / ``packets_received`` — one row per packet, holding the exact signed manifest bytes. A received
  packet's id stays here forever (even after its data is destroyed), which is what refuses replays.
* ``packet_canaries`` — the synthetic rows planted in a sent packet, as they were sent (redacted), to trace leaks.
* ``packet_tokens`` — a sample of the pseudonym tokens a sent packet carried (those whose last character is ``A``,
  about 1 in 32), to recognise a leaked copy by its per-recipient tokens.
* ``transfer_documents`` — signed PDFs (receipts, certificates of destruction) as issued, counter-signed or
  recorded, byte for byte.
* ``destructions`` — certificates of destruction, ours and the counterparties', with their signed statement.
"""

SCHEMA_SQL = """
CREATE TABLE packets_sent (
    id TEXT PRIMARY KEY,
    dataset TEXT NOT NULL,
    dataset_sha256 TEXT NOT NULL,
    recipient_fingerprint TEXT NOT NULL,
    nda_id TEXT NOT NULL,
    full INTEGER NOT NULL,
    policy_version INTEGER,
    policy_sha256 TEXT NOT NULL,
    rows INTEGER NOT NULL,
    manifest TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    packet_sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX packets_sent_nda ON packets_sent(nda_id);
CREATE TABLE packets_received (
    id TEXT PRIMARY KEY,
    sender_fingerprint TEXT NOT NULL,
    nda_id TEXT NOT NULL,
    dataset_id INTEGER,
    dataset TEXT NOT NULL,
    rows INTEGER NOT NULL,
    manifest TEXT NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    packet_sha256 TEXT NOT NULL,
    file_path TEXT NOT NULL,
    received_at TEXT NOT NULL,
    received_by TEXT NOT NULL,
    destroyed_at TEXT,
    destruction_id TEXT
);
CREATE INDEX packets_received_dataset ON packets_received(dataset_id);
CREATE TABLE packet_canaries (
    packet_id TEXT NOT NULL REFERENCES packets_sent(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    payload_row INTEGER NOT NULL,
    row_json TEXT NOT NULL,
    PRIMARY KEY (packet_id, seq)
);
CREATE TABLE packet_tokens (
    token TEXT NOT NULL,
    packet_id TEXT NOT NULL REFERENCES packets_sent(id) ON DELETE CASCADE,
    PRIMARY KEY (token, packet_id)
) WITHOUT ROWID;
CREATE TABLE transfer_documents (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('receipt', 'destruction')),
    stage TEXT NOT NULL CHECK (stage IN ('issued', 'countersigned', 'recorded')),
    reference TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    pdf BLOB NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX transfer_documents_reference ON transfer_documents(reference);
CREATE TABLE destructions (
    id TEXT PRIMARY KEY,
    direction TEXT NOT NULL CHECK (direction IN ('ours', 'theirs')),
    nda_id TEXT NOT NULL,
    party_fingerprint TEXT NOT NULL,
    statement TEXT NOT NULL,
    certificate_sha256 TEXT NOT NULL,
    destroyed_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
)
"""
