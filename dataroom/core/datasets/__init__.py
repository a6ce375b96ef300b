"""Datasets inside the vault: metadata, row storage, paged and per-column reads, classifications."""
