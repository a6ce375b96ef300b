"""Shared PDF and plain-text document infrastructure: fonts, bilingual blocks, QR codes, watermarks.

Documents are built once as a list of blocks (:mod:`.blocks`) and rendered either to PDF (:mod:`.pdf`) or to
plain text (:mod:`.text`), so an NDA, a notice or an incident letter says the same thing in both forms.
"""
