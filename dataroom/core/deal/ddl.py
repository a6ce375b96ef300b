"""Schema of deal records (parties, keys, NDAs, consents, notices, incidents), applied as vault migration 4."""

SCHEMA_SQL = ""
