"""Schema of deal records (parties, keys, NDAs, consents, notices, incidents), applied as vault migration 4.

Private keys sit only in ``identity_keys`` (inside the encrypted database). Consents hold subject tokens, never
identifiers. Signed documents (cards, NDAs) are stored as the exact canonical JSON that was signed, so every check
recomputes from the bytes that count rather than from columns someone could edit apart from them.
"""

SCHEMA_SQL = """
CREATE TABLE identity_keys (
    generation INTEGER PRIMARY KEY,
    party_id TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    card TEXT NOT NULL,
    card_sha256 TEXT NOT NULL,
    ed25519_private BLOB NOT NULL,
    age_identity TEXT NOT NULL,
    ca_private BLOB NOT NULL,
    signing_private BLOB NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    retired_at TEXT
);
CREATE TABLE party_cards (
    id INTEGER PRIMARY KEY,
    party_id TEXT NOT NULL,
    generation INTEGER NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,
    card TEXT NOT NULL,
    card_sha256 TEXT NOT NULL,
    organisation TEXT NOT NULL,
    person TEXT NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('unconfirmed', 'confirmed', 'suspect', 'superseded')),
    replaces INTEGER REFERENCES party_cards(id),
    mismatch_with TEXT NOT NULL DEFAULT '[]',
    imported_at TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    confirmed_method TEXT,
    confirmed_by TEXT,
    confirmed_at TEXT,
    confirmed_note TEXT
);
CREATE INDEX party_cards_party ON party_cards(party_id);
CREATE TABLE ndas (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    content TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('drafted', 'imported')),
    ended_on TEXT,
    end_kind TEXT CHECK (end_kind IS NULL OR end_kind IN ('closed', 'terminated')),
    destruction_certificate TEXT,
    destruction_certified_at TEXT
);
CREATE TABLE nda_signatures (
    nda_id TEXT NOT NULL REFERENCES ndas(id) ON DELETE CASCADE,
    fingerprint TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    signature TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    PRIMARY KEY (nda_id, fingerprint)
);
CREATE TABLE consents (
    id INTEGER PRIMARY KEY,
    subject TEXT NOT NULL,
    purpose TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL,
    source_ref TEXT NOT NULL DEFAULT '',
    given_on TEXT NOT NULL,
    withdrawn_on TEXT,
    batch TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX consents_purpose_subject ON consents(purpose, subject);
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    dataset TEXT NOT NULL,
    nda_id TEXT,
    recipient_fingerprint TEXT NOT NULL,
    content TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    prepared_at TEXT NOT NULL,
    prepared_by TEXT NOT NULL
);
CREATE TABLE incidents (
    id INTEGER PRIMARY KEY,
    found_at TEXT NOT NULL,
    content TEXT NOT NULL,
    affected_rows INTEGER NOT NULL,
    affected_subjects INTEGER NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
)
"""
