"""Reading workbooks: cell rendering, sheets, both readers agreeing, XLS, and hostile or protected containers."""

from __future__ import annotations

import datetime as dt
import struct
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
import pytest

from dataroom.core.ingest import (
    EmptyFile,
    HeaderOnly,
    HostileWorkbook,
    NotATable,
    PasswordProtected,
    RaggedRow,
    SheetNotFound,
    SourceFormat,
    TableReader,
    UnreadableWorkbook,
    preview,
    sniff,
    xlsx_reader,
)

FREE, END, FATSECT, NOSTREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF


def workbook(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def read_all(path: Path, fmt: SourceFormat | None = None) -> tuple[TableReader, list[list[str]]]:
    with TableReader(path, fmt or sniff(path)) as reader:
        rows = [row for batch in reader.batches(3) for row in batch]
    return reader, rows


def ole_file(streams: dict[str, bytes]) -> bytes:
    """A minimal OLE2 compound file (512-byte sectors, one FAT sector) with the given top-level streams."""
    fat = [FATSECT, END]
    data = b""
    starts = []
    for body in streams.values():
        if not body:
            starts.append((END, 0))
            continue
        body = body.ljust(max(4096, -(-len(body) // 512) * 512), b"\0")  # below 4096 would need a mini stream
        first, sectors = len(fat), len(body) // 512
        fat += [*range(first + 1, first + sectors), END]
        starts.append((first, len(body)))
        data += body

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (
            raw.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(raw), kind, 1, NOSTREAM, right, child)
            + bytes(16)
            + struct.pack("<IQQIQ", 0, 0, 0, start, size)
        )

    names = list(streams)
    directory = entry("Root Entry", 5, 1, NOSTREAM, END, 0)
    for i, name in enumerate(names):
        directory += entry(name, 2, NOSTREAM, i + 2 if i + 1 < len(names) else NOSTREAM, *starts[i])
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack("<9I", 0, 1, 1, 0, 4096, END, 0, END, 0)
        + struct.pack("<109I", 0, *[FREE] * 108)
    )
    return header + struct.pack(f"<{len(fat)}I", *fat).ljust(512, b"\xff") + directory.ljust(512, b"\0") + data


def biff8(sheet: str, cells: list[tuple[int, int, str | float]]) -> bytes:
    """A BIFF8 workbook stream with one sheet: strings via the shared string table, numbers as NUMBER records."""

    def record(kind: int, payload: bytes = b"") -> bytes:
        return struct.pack("<HH", kind, len(payload)) + payload

    def bof(kind: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    strings = [v for _, _, v in cells if isinstance(v, str)]
    sst = struct.pack("<II", len(strings), len(strings)) + b"".join(
        struct.pack("<HB", len(s), 1) + s.encode("utf-16-le") for s in strings
    )

    def book_globals(sheet_offset: int) -> bytes:
        name = struct.pack("<IBBBB", sheet_offset, 0, 0, len(sheet), 1) + sheet.encode("utf-16-le")
        return bof(0x5) + record(0x0085, name) + record(0x00FC, sst) + record(0x000A)

    rows, cols = max(r for r, _, _ in cells) + 1, max(c for _, c, _ in cells) + 1
    body = bof(0x10) + record(0x0200, struct.pack("<IIHHH", 0, rows, 0, cols, 0))
    index = 0
    for r, c, v in cells:
        if isinstance(v, str):
            body += record(0x00FD, struct.pack("<HHHI", r, c, 0, index))
            index += 1
        else:
            body += record(0x0203, struct.pack("<HHHd", r, c, 0, v))
    return book_globals(len(book_globals(0))) + body + record(0x000A)


TYPED: list[list[Any]] = [
    ["客户编号", "身份证号", "金额", "整数金额", "比例", "开户日期", "最后登录", "提醒时间", "有效", "备注"],
    [1, "110101199003077777", 1234.5, 5.0, 0.25, dt.date(2024, 1, 2), dt.datetime(2024, 1, 2, 3, 4, 5),
     dt.time(13, 5), True, "无"],
    [2, "00123", 0.1 + 0.2, 1e14, 1 / 3, dt.date(1999, 12, 31), dt.datetime(2024, 1, 2), dt.time(0, 0, 30), False,
     None],
]  # fmt: skip
TYPED_TEXT = [
    ["1", "110101199003077777", "1234.5", "5", "0.25", "2024-01-02", "2024-01-02T03:04:05", "13:05:00", "TRUE", "无"],
    ["2", "00123", "0.3", "100000000000000", "0.333333333333333", "1999-12-31", "2024-01-02", "00:00:30", "FALSE", ""],
]


def test_cells_are_rendered_as_the_user_sees_them(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"客户": TYPED})
    fmt = sniff(path)
    assert (fmt.kind, fmt.sheet, fmt.sheets, fmt.has_header, fmt.encoding) == ("xlsx", "客户", ("客户",), True, None)
    reader, rows = read_all(path)
    assert reader.header == TYPED[0]
    assert rows == TYPED_TEXT
    assert reader.warnings == []


def test_both_readers_give_the_same_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "t.xlsx", {"客户": [*TYPED, [], [3, "x", 12345678901234567890]]})
    calamine_reader, calamine_rows = read_all(path)
    monkeypatch.setattr(xlsx_reader, "CALAMINE_MAX_XML_BYTES", 0)
    streamed_reader, streamed_rows = read_all(path)
    assert streamed_rows == calamine_rows
    assert calamine_rows[-1][2] == "12345678901234600000"
    assert [(w.code, w.rows) for w in streamed_reader.warnings] == [(w.code, w.rows) for w in calamine_reader.warnings]
    assert {w.code for w in calamine_reader.warnings} == {"blank-rows-skipped", "long-number"}


def test_long_numbers_are_reported_by_row(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"s": [["身份证号"], [110101199003077777], ["110101199003077777"]]})
    reader, rows = read_all(path)
    assert rows == [["110101199003078000"], ["110101199003077777"]]  # what Excel shows: 15 significant digits
    warning = next(w for w in reader.warnings if w.code == "long-number")
    assert warning.rows == [2] and "15 digits" in warning.message


def test_sheets_by_name_and_index_and_default_skips_hidden(tmp_path: Path) -> None:
    sheets = {"说明": [["readme"], ["x"]], "客户": [["姓名"], ["张三"]], "订单": [["单号"], ["A1"], ["A2"]]}
    path = workbook(tmp_path / "t.xlsx", sheets, hidden=("说明",))
    fmt = sniff(path)
    assert fmt.sheets == ("说明", "客户", "订单") and fmt.sheet == "客户"
    assert sniff(path, sheet="订单").sheet == "订单"
    assert sniff(path, sheet=0).sheet == "说明"
    _, rows = read_all(path, replace(fmt, sheet="订单"))
    assert rows == [["A1"], ["A2"]]
    with pytest.raises(SheetNotFound, match="no sheet named “Kunden”; its sheets are: 说明, 客户, 订单"):
        sniff(path, sheet="Kunden")
    with pytest.raises(SheetNotFound, match="no sheet number 4"):
        sniff(path, sheet=3)


def test_offset_tables_and_trailing_empties_are_trimmed(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet["C3"], sheet["D3"], sheet["C4"], sheet["D4"], sheet["C6"] = "姓名", "手机", "张三", 138, "李四"
    sheet["H20"].number_format = "0.00"  # a formatted but empty cell far away
    sheet["H21"] = ""
    book.save(path)
    reader, rows = read_all(path)
    assert reader.header == ["姓名", "手机"]
    assert rows == [["张三", "138"], ["李四", ""]]
    assert [(w.code, w.rows) for w in reader.warnings] == [("blank-rows-skipped", [5])]


def test_unnamed_columns_next_to_the_header_are_kept(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"s": [["a", "b"], ["1", "2", "note"], ["3", "4"]]})
    reader, rows = read_all(path)
    assert reader.header == ["a", "b", "column_3"]
    assert rows == [["1", "2", "note"], ["3", "4", ""]]
    assert [w.code for w in reader.warnings] == ["empty-header"]


def test_values_beyond_the_sampled_width_are_ragged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_reader, "WIDTH_SAMPLE_ROWS", 2)
    path = workbook(tmp_path / "t.xlsx", {"s": [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6", "x", None, "y"]]})
    reader, rows = read_all(path)
    last = rows[-1]
    assert last == ["5", "6\tx\t\ty"] and isinstance(last, RaggedRow) and last.ragged and last.position == 4
    assert [w.code for w in reader.warnings] == ["ragged-row"]
    assert "separated by a tab" in reader.warnings[0].message


def test_data_in_the_first_row_is_detected(tmp_path: Path) -> None:
    path = workbook(
        tmp_path / "t.xlsx",
        {"s": [["张三", 13800138000, dt.date(2024, 1, 1)], ["李四", 13900139000, dt.date(2024, 2, 1)]]},
    )
    fmt = sniff(path)
    assert fmt.has_header is False
    reader, rows = read_all(path, fmt)
    assert reader.header == ["column_1", "column_2", "column_3"]
    assert rows[0] == ["张三", "13800138000", "2024-01-01"]


def test_header_only_and_empty_sheets(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"头": [["姓名", "手机"]], "空": []})
    with pytest.raises(HeaderOnly):
        preview(path, sniff(path, sheet="头"))
    with pytest.raises(EmptyFile, match="“空” is empty"):
        sniff(path, sheet="空")


def test_progress_counts_rows(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"s": [["n"]] + [[i] for i in range(10)]})
    with TableReader(path, sniff(path)) as reader:
        assert reader.progress[1] == 11
        assert sum(len(b) for b in reader.batches(4)) == 10
        assert reader.progress == (11, 11)


def test_xls_is_read_through_calamine(tmp_path: Path) -> None:
    cells: list[tuple[int, int, str | float]] = [(0, 0, "姓名"), (0, 1, "金额"), (1, 0, "张三"), (1, 1, 12.5)]
    cells += [(2, 0, "李四"), (2, 1, 3.0)]
    path = tmp_path / "old.xls"
    path.write_bytes(ole_file({"Workbook": biff8("客户", cells)}))
    fmt = sniff(path)
    assert (fmt.kind, fmt.sheet, fmt.sheets) == ("xls", "客户", ("客户",))
    reader, rows = read_all(path)
    assert reader.header == ["姓名", "金额"] and rows == [["张三", "12.5"], ["李四", "3"]]


def test_encrypted_workbook_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "secret.xlsx"
    path.write_bytes(ole_file({"EncryptionInfo": b"", "EncryptedPackage": b"\x01" * 600}))
    with pytest.raises(PasswordProtected, match="remove the password in Excel"):
        sniff(path)


def test_other_office_documents_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.xls"
    path.write_bytes(ole_file({"WordDocument": b"\x01" * 10}))
    with pytest.raises(NotATable, match="not an Excel workbook"):
        sniff(path)


def zip_with(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def test_zip_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    path = zip_with(
        tmp_path / "bomb.xlsx", {"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": bytes(11 * 1024 * 1024)}
    )
    assert path.stat().st_size < 100_000
    with pytest.raises(HostileWorkbook, match="zip bomb"):
        sniff(path)


def test_total_size_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = workbook(tmp_path / "t.xlsx", {"s": TYPED})
    monkeypatch.setattr(xlsx_reader, "MAX_TOTAL_UNCOMPRESSED", 1000)
    with pytest.raises(HostileWorkbook, match="more than the 2 GB limit"):
        sniff(path)


def test_too_many_members_are_refused_from_the_end_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = zip_with(tmp_path / "many.xlsx", {"xl/workbook.xml": b"<workbook/>", **{f"x/{i}": b"" for i in range(20)}})
    monkeypatch.setattr(xlsx_reader, "MAX_MEMBERS", 10)
    with pytest.raises(HostileWorkbook, match="implausible number of parts"):
        sniff(path)


@pytest.mark.parametrize("name", ["../evil.xml", "/abs.xml", "xl\\..\\evil.xml", "C:/x.xml"])
def test_absurd_member_paths_are_refused(tmp_path: Path, name: str) -> None:
    path = zip_with(tmp_path / "t.xlsx", {"xl/workbook.xml": b"<workbook/>", name: b"x"})
    with pytest.raises(HostileWorkbook, match="invalid path"):
        sniff(path)


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    laughs = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><workbook>&a;</workbook>'
    path = zip_with(tmp_path / "t.xlsx", {"xl/workbook.xml": laughs})
    with pytest.raises(HostileWorkbook, match="entity declarations"):
        sniff(path)


def test_declared_sizes_that_lie_are_caught(tmp_path: Path) -> None:
    path = workbook(tmp_path / "t.xlsx", {"s": TYPED})
    data = bytearray(path.read_bytes())
    # Shrink the declared size of the sheet in the central directory and the local header.
    member = b"xl/worksheets/sheet1.xml"
    central = data.rindex(b"PK\x01\x02", 0, data.rindex(member))
    local = data.rindex(b"PK\x03\x04", 0, data.index(member))
    struct.pack_into("<I", data, central + 24, 10)
    struct.pack_into("<I", data, local + 22, 10)
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableWorkbook, match="may be damaged"):
        sniff(path)
