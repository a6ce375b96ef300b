"""A minimal streaming XLSX writer: inline-string cells written straight into the zip entry of the target file.

openpyxl's write-only mode spools every worksheet to a named temporary file in the system temp directory before
zipping it — plaintext personal data on disk outside the target, which the house rules forbid. This writer streams
each sheet's XML directly into the (atomically written) target, and stays fast because it only knows text cells.
Every cell is an inline string (``t="inlineStr"``), so a spreadsheet never evaluates a cell as a formula.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Sequence
from typing import BinaryIO
from xml.sax.saxutils import escape, quoteattr

#: Rows per worksheet, header included (Excel's limit is 1,048,576).
MAX_ROWS = 1_048_576
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0

_SPREADSHEETML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\n'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\n'
    '<Default Extension="xml" ContentType="application/xml"/>\n'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_SPREADSHEETML}.sheet.main+xml"/>\n'
    "{sheets}\n</Types>"
)
_SHEET_TYPE = '<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="' + _SPREADSHEETML + '.worksheet+xml"/>'
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\n'
    f'<Relationship Id="rId1" Type="{_RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/>\n'
    "</Relationships>"
)
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>{sheets}</sheets>
</workbook>"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{rels}
</Relationships>"""
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"


def _cell(value: str) -> str:
    if not value:
        return "<c/>"
    text = escape(_ILLEGAL.sub("\ufffd", value))
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f'<c t="inlineStr"><is><t{space}>{text}</t></is></c>'


def _row(values: Sequence[str]) -> str:
    return "<row>" + "".join(map(_cell, values)) + "</row>"


class XlsxWriter:
    """Sheets written one after another into ``fh`` (which must be seekable); call :meth:`close` at the end."""

    def __init__(self, fh: BinaryIO) -> None:
        self._zip = zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1)
        self._titles: list[str] = []

    def sheet(self, title: str, rows: Iterable[Sequence[str]]) -> int:
        """Write one worksheet from ``rows`` (lists of strings); returns how many rows were written."""
        self._titles.append(title[:31])
        n = 0
        with self._zip.open(f"xl/worksheets/sheet{len(self._titles)}.xml", "w", force_zip64=True) as out:
            out.write(_SHEET_HEAD.encode())
            buffer: list[str] = []
            for row in rows:
                buffer.append(_row(row))
                n += 1
                if len(buffer) >= 2000:
                    out.write("".join(buffer).encode("utf-8"))
                    buffer.clear()
            out.write(("".join(buffer) + _SHEET_TAIL).encode("utf-8"))
        return n

    def close(self) -> None:
        count = len(self._titles)
        sheets = "".join(
            f'<sheet name={quoteattr(t)} sheetId="{i}" r:id="rId{i}"/>' for i, t in enumerate(self._titles, 1)
        )
        rels = "\n".join(
            f'<Relationship Id="rId{i}" Type="{_RELATIONSHIPS}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, count + 1)
        )
        types = "\n".join(_SHEET_TYPE.format(n=i) for i in range(1, count + 1))
        self._zip.writestr("[Content_Types].xml", _CONTENT_TYPES.format(sheets=types))
        self._zip.writestr("_rels/.rels", _ROOT_RELS)
        self._zip.writestr("xl/workbook.xml", _WORKBOOK.format(sheets=sheets))
        self._zip.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS.format(rels=rels))
        self._zip.close()
