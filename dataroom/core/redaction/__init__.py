"""Redaction: operators over columns, versioned policies, the redacted preview, k-anonymity, redacted export and
data-subject requests.

Everything here reads the dataset tables of ``core.datasets`` and never materialises a redacted copy inside the
vault: redaction is applied on the fly to the rows being shown, counted or written out.
"""
