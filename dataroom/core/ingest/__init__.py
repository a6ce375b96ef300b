"""Reading customer tables (CSV, XLSX, XLS) into a header and a stream of text rows.

Typical use: ``fmt = sniff(path)``; show ``preview(path, fmt)`` and let the user adjust ``fmt``; then read with
``TableReader(path, fmt)`` and its ``batches()``. Errors the user can cause are :class:`InputError` subclasses
from :mod:`dataroom.core.ingest.errors`. Nothing here writes any copy of the input to disk.
"""

from dataroom.core.ingest.errors import (
    EmptyFile,
    FieldTooLarge,
    HeaderOnly,
    HostileWorkbook,
    InvalidFormat,
    NotATable,
    PasswordProtected,
    SheetNotFound,
    UnclosedQuote,
    UndecodableText,
    UnreadableWorkbook,
)
from dataroom.core.ingest.table import IngestWarning, RaggedRow, SourceFormat, TableReader, preview, sniff

__all__ = [
    "EmptyFile",
    "FieldTooLarge",
    "HeaderOnly",
    "HostileWorkbook",
    "IngestWarning",
    "InvalidFormat",
    "NotATable",
    "PasswordProtected",
    "RaggedRow",
    "SheetNotFound",
    "SourceFormat",
    "TableReader",
    "UnclosedQuote",
    "UndecodableText",
    "UnreadableWorkbook",
    "preview",
    "sniff",
]
