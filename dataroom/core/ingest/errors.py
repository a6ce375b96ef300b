"""Errors of reading a table file, each with a message fit to show the user.

Messages name positions (line, row, column, byte offset) and never the content of a cell.
"""

from __future__ import annotations

from dataroom.core.errors import InputError


class EmptyFile(InputError):
    """The file, or the chosen sheet, holds no table at all."""

    code = "empty-file"


class HeaderOnly(InputError):
    """The table has a header row and no data rows."""

    code = "header-only"


class NotATable(InputError):
    """The file is binary data or another kind of document, not a CSV or Excel table."""

    code = "not-a-table"


class UndecodableText(InputError):
    """The text cannot be decoded with the detected or chosen encoding (including mixed encodings)."""

    code = "undecodable"


class UnclosedQuote(InputError):
    """A quoted CSV field runs to the end of the file."""

    code = "unclosed-quote"


class FieldTooLarge(InputError):
    """A field or line exceeds the hard size cap."""

    code = "field-too-large"


class HostileWorkbook(InputError):
    """The XLSX container looks like a decompression bomb or is built to confuse readers."""

    code = "hostile-workbook"


class UnreadableWorkbook(InputError):
    """The workbook is damaged or uses a feature the readers cannot handle."""

    code = "unreadable-workbook"


class PasswordProtected(InputError):
    """The workbook is encrypted with a password."""

    code = "password-protected"


class InvalidFormat(InputError):
    """The format settings chosen by the user cannot be used (e.g. a two-character delimiter)."""

    code = "invalid-format"


class SheetNotFound(InputError):
    """The requested sheet name or index does not exist in the workbook."""

    code = "sheet-not-found"
