"""The tamper-evident, hash-chained audit log of a vault."""
