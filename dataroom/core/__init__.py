"""Dataroom core: vault, secrets, ingest, PII detection, redaction, deal records, transfer, audit.

Nothing in this package may import Qt; the GUI (``dataroom.ui``) and the CLI (``dataroom.cli``) both call
``dataroom.core.flows``.
"""
