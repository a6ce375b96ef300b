"""The encrypted vault: one SQLCipher database per vault, its key slots, schema, backups."""
