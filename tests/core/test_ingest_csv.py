"""Reading delimited text: dialect sniffing, streaming, ragged rows, headers, size caps and error positions."""

from __future__ import annotations

import codecs
import csv
import io
import tracemalloc
from dataclasses import replace
from pathlib import Path

import pytest

from dataroom.core.ingest import (
    EmptyFile,
    FieldTooLarge,
    HeaderOnly,
    NotATable,
    RaggedRow,
    SourceFormat,
    TableReader,
    UnclosedQuote,
    UndecodableText,
    preview,
    sniff,
)
from dataroom.core.ingest.detect import SAMPLE_BYTES

MB = 1024 * 1024


def write(tmp_path: Path, text: str | bytes, encoding: str = "utf-8", name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return path


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def read_all(path: Path, fmt: SourceFormat | None = None, size: int = 5000) -> tuple[TableReader, list[list[str]]]:
    with TableReader(path, fmt or sniff(path)) as reader:
        rows = [row for batch in reader.batches(size) for row in batch]
    return reader, rows


def codes(reader: TableReader) -> dict[str, int]:
    return {w.code: w.count for w in reader.warnings}


CUSTOMERS = [
    ["姓名", "手机", "地址", "备注"],
    ["张三", "13800138000", "北京市朝阳区，建国路1号", "VIP"],
    ["李四", "13900139000", "上海市浦东新区", ""],
    ["王五", "13700137000", "广州市天河区", "老客户，年付"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_delimiters_are_sniffed(tmp_path: Path, delimiter: str) -> None:
    path = write(tmp_path, csv_text(CUSTOMERS, delimiter))
    fmt = sniff(path)
    assert (fmt.kind, fmt.delimiter, fmt.quotechar, fmt.has_header) == ("csv", delimiter, '"', True)
    reader, rows = read_all(path)
    assert reader.header == CUSTOMERS[0]
    assert rows == CUSTOMERS[1:]
    assert reader.warnings == []


def test_full_width_comma_only_when_it_is_the_consistent_delimiter(tmp_path: Path) -> None:
    consistent = "\n".join("，".join(r) for r in [["姓名", "城市"], ["张三", "北京"], ["李四", "上海"]]) + "\n"
    assert sniff(write(tmp_path, consistent)).delimiter == "，"
    # In free text it is common and irregular; the ASCII comma that separates fields must win.
    assert sniff(write(tmp_path, csv_text(CUSTOMERS))).delimiter == ","


def test_semicolon_with_decimal_commas(tmp_path: Path) -> None:
    text = "名称;金额;余额\n甲;1,5;2,25\n乙;3;4,5\n丙;10,75;0\n"
    fmt = sniff(write(tmp_path, text))
    assert fmt.delimiter == ";"


def test_quoted_fields_with_newlines_and_delimiters(tmp_path: Path) -> None:
    rows = [["id", "地址", "备注"], ["1", "北京,朝阳\n建国路", 'say "hi"'], ["2", "a\r\nb", "x"], ["3", "y"]]
    path = write(tmp_path, csv_text(rows))
    _, got = read_all(path)
    assert got[:2] == rows[1:3]
    # The short row starts on line 6: the two quoted line breaks above push it down.
    assert isinstance(got[2], RaggedRow) and got[2].position == 6 and got[2] == ["3", "y", ""]


def test_ragged_rows_are_fitted_marked_and_reported(tmp_path: Path) -> None:
    text = "a,b,c\n1,2,3\n4,5\n6,7,8,9,10\n11,12,13,,\n14,15,16\n"
    reader, rows = read_all(write(tmp_path, text))
    assert rows == [["1", "2", "3"], ["4", "5", ""], ["6", "7", "8,9,10"], ["11", "12", "13"], ["14", "15", "16"]]
    assert all(len(r) == 3 for r in rows)
    short, long = rows[1], rows[2]
    assert isinstance(short, RaggedRow) and short.ragged and (short.position, short.field_count) == (3, 2)
    assert isinstance(long, RaggedRow) and (long.position, long.field_count) == (4, 5)
    assert not getattr(rows[0], "ragged", False) and not getattr(rows[3], "ragged", False)
    ragged = next(w for w in reader.warnings if w.code == "ragged-row")
    assert (ragged.rows, ragged.count) == ([3, 4], 2)
    assert "padded" in ragged.message and "appended to the last column" in ragged.message
    empty_extra = next(w for w in reader.warnings if w.code == "extra-empty-fields")
    assert (empty_extra.rows, empty_extra.count) == ([5], 1)


def test_ragged_warning_lists_the_first_positions_and_counts_all(tmp_path: Path) -> None:
    text = "a,b\n" + "1\n" * 25 + "2,3\n"
    reader, rows = read_all(write(tmp_path, text))
    warning = next(w for w in reader.warnings if w.code == "ragged-row")
    assert warning.count == 25 and warning.rows == list(range(2, 12))
    assert "and 15 more" in warning.message
    assert len(rows) == 26


def test_blank_lines_are_skipped_and_only_those_between_rows_reported(tmp_path: Path) -> None:
    reader, rows = read_all(write(tmp_path, "\na,b\n1,2\n\n\n3,4\n\n\n"))
    assert rows == [["1", "2"], ["3", "4"]]
    blank = next(w for w in reader.warnings if w.code == "blank-rows-skipped")
    assert (blank.rows, blank.count) == ([4, 5], 2)


def test_header_cleaning(tmp_path: Path) -> None:
    text = " 姓名 ,,姓名,Phone,phone,姓名_2,\n1,2,3,4,5,6,7\n"
    reader, _ = read_all(write(tmp_path, text))
    assert reader.source_header == [" 姓名 ", "", "姓名", "Phone", "phone", "姓名_2", ""]
    assert reader.header == ["姓名", "column_2", "姓名_3", "Phone", "phone_2", "姓名_2", "column_7"]
    found = {w.code: w for w in reader.warnings}
    assert found["empty-header"].count == 2 and "column_2" in found["empty-header"].message
    assert found["duplicate-header"].count == 2 and "姓名_3" in found["duplicate-header"].message


def test_generated_names_avoid_names_in_the_file(tmp_path: Path) -> None:
    reader, _ = read_all(write(tmp_path, ",column_1\n1,2\n"))
    assert reader.header == ["column_1_2", "column_1"]


def test_a_first_row_of_data_is_not_taken_as_header(tmp_path: Path) -> None:
    text = "张三,13800138000,2024-01-05,110101199003077777\n李四,13900139000,2023-12-31,11010119900307777X\n"
    path = write(tmp_path, text)
    fmt = sniff(path)
    assert fmt.has_header is False
    reader, rows = read_all(path, fmt)
    assert reader.header == ["column_1", "column_2", "column_3", "column_4"]
    assert reader.source_header == []
    assert rows[0][0] == "张三" and len(rows) == 2


def test_text_only_tables_keep_their_header(tmp_path: Path) -> None:
    assert sniff(write(tmp_path, "name,city\nalice,paris\nbob,rome\n")).has_header is True


def test_the_user_may_override_the_header_choice(tmp_path: Path) -> None:
    path = write(tmp_path, "a,b\n1,2\n")
    _, rows = read_all(path, replace(sniff(path), has_header=False))
    assert rows == [["a", "b"], ["1", "2"]]


def test_empty_and_header_only_files(tmp_path: Path) -> None:
    with pytest.raises(EmptyFile):
        sniff(write(tmp_path, ""))
    path = write(tmp_path, "姓名,手机\n\n\n")
    fmt = sniff(path)
    with pytest.raises(HeaderOnly, match="header row but no data rows"):
        TableReader(path, fmt)
    with pytest.raises(HeaderOnly):
        preview(path, fmt)


def test_preview_matches_reading(tmp_path: Path) -> None:
    rows = [["id", "v"]] + [[str(i), f"值{i}"] for i in range(100)]
    path = write(tmp_path, csv_text(rows))
    header, first, warnings = preview(path, sniff(path), limit=7)
    assert header == ["id", "v"] and first == rows[1:8] and warnings == []


def test_batches_and_progress(tmp_path: Path) -> None:
    rows = [["id", "name"]] + [[str(i), "名字" * (i % 5)] for i in range(1, 12)]
    path = write(tmp_path, csv_text(rows))
    with TableReader(path, sniff(path)) as reader:
        seen = []
        for batch in reader.batches(4):
            done, total = reader.progress
            assert total == path.stat().st_size and 0 < done <= total
            seen.append(len(batch))
        assert seen == [4, 4, 3]
        assert reader.progress == (total, total)


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE)],
)
def test_boms_are_read_and_not_part_of_the_first_name(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = write(tmp_path, bom + csv_text(CUSTOMERS, "\t").encode(encoding))
    reader, rows = read_all(path)
    assert reader.header == CUSTOMERS[0] and rows == CUSTOMERS[1:]


def test_gbk_label_decodes_gb18030_characters_beyond_the_sample(tmp_path: Path) -> None:
    text = "姓名,备注\n" + "张三,好\n" * (SAMPLE_BYTES // 8) + "李𠀀,ǹ\n"
    path = write(tmp_path, text, "gb18030")
    fmt = replace(sniff(path), encoding="gbk")
    _, rows = read_all(path, fmt)
    assert rows[-1] == ["李𠀀", "ǹ"]


def test_undecodable_line_is_named_while_streaming(tmp_path: Path) -> None:
    data = "姓名,城市\n".encode() + "张三,北京\n".encode() * 20 + "李四,上海\n".encode("gbk") + "王五,广州\n".encode()
    path = write(tmp_path, data)
    fmt = SourceFormat("csv", "utf-8", ",", '"', None, (), True)
    with pytest.raises(UndecodableText) as err, TableReader(path, fmt) as reader:
        list(reader.batches(5))
    offset = data.index("李四".encode("gbk"))
    assert f"Line 22 (byte offset {offset}) is not valid utf-8 (it looks like GBK)" in err.value.message


def test_nul_after_the_sample_names_its_line(tmp_path: Path) -> None:
    lines = ["id,v"] + [f"{i},x" for i in range(30_000)]
    lines[25_000] = "25000,a\x00b"
    path = write(tmp_path, "\n".join(lines) + "\n")
    with pytest.raises(NotATable, match="Line 25001 contains a NUL"):
        read_all(path)


def test_nul_character_in_utf16_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, codecs.BOM_UTF16_LE + "a\tb\n1\t2\n3\t\x00\n".encode("utf-16-le"))
    fmt = SourceFormat("csv", "utf-16", "\t", '"', None, (), True)
    with pytest.raises(NotATable, match="Line 3 contains a NUL"):
        read_all(path, fmt)


def test_unclosed_quote_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, 'id,note\n1,ok\n2,"never closed\n3,x\n4,y\n')
    with pytest.raises(UnclosedQuote, match="line 3 is never closed"):
        read_all(path)


def test_ten_megabyte_field_is_accepted(tmp_path: Path) -> None:
    big = "长" * (10 * MB // 3) + "\n" + "x" * 100
    path = write(tmp_path, csv_text([["id", "doc"], ["1", big], ["2", "small"]]))
    _, rows = read_all(path)
    assert rows[0][1] == big and rows[1] == ["2", "small"]


def test_field_over_the_cap_is_refused_naming_where_it_starts(tmp_path: Path) -> None:
    huge = ("y" * 1023 + "\n") * (33 * 1024)
    path = write(tmp_path, csv_text([["id", "doc"], ["1", "a"], ["2", huge]]))
    with pytest.raises(FieldTooLarge, match="starting on line 3 is larger than 32 MB"):
        read_all(path)


def test_line_over_the_cap_is_refused_before_it_is_in_memory(tmp_path: Path) -> None:
    path = write(tmp_path, "id,doc\n1,a\n2," + "z" * (33 * MB) + "\n")
    with pytest.raises(FieldTooLarge, match="Line 3 is longer than 32 MB"):
        read_all(path)


def _streaming_peak(path: Path, rows: int) -> int:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,姓名,手机,城市\n")
        f.writelines(f"{i},客户{i},1380013{i % 10000:04d},北京市朝阳区\n" for i in range(rows))
    fmt = sniff(path)
    tracemalloc.start()
    try:
        count = 0
        with TableReader(path, fmt) as reader:
            for batch in reader.batches(1000):
                count += len(batch)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == rows
    return peak


def test_streaming_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    small = _streaming_peak(tmp_path / "small.csv", 100_000)
    big = _streaming_peak(tmp_path / "big.csv", 300_000)  # 15 MB
    # About one block of text (64 K characters) and one batch, whatever the file size.
    assert big < 1.2 * small and big < 4 * MB, (small, big)
