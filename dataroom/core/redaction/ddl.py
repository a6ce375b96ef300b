"""Schema of the redaction engine (policies, …), applied as vault migration 3."""

SCHEMA_SQL = ""
