"""Format and encoding detection of table files: magic bytes, BOMs, UTF-8 / GBK / GB18030 / UTF-16, and refusals."""

from __future__ import annotations

import codecs
import random
import zipfile
from pathlib import Path

import pytest

from dataroom.core.ingest import EmptyFile, NotATable, UndecodableText, sniff
from dataroom.core.ingest.detect import SAMPLE_BYTES, codec_for, detect_encoding, detect_kind, line_at_offset

ROWS = "姓名,手机,城市\n张三,13800138000,北京\n李四,13900139000,上海\n"


def write(tmp_path: Path, data: bytes, name: str = "t.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def filler_lines(n: int, text: str = "王五,13700137000,广州朝阳路\n") -> str:
    return text * n


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (ROWS.encode("utf-8"), "utf-8"),
        (b"a,b\n1,2\n", "utf-8"),
        (codecs.BOM_UTF8 + ROWS.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ROWS.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + ROWS.encode("utf-16-be"), "utf-16"),
        (codecs.BOM_UTF32_LE + ROWS.encode("utf-32-le"), "utf-32"),
        (ROWS.encode("utf-16-le"), "utf-16-le"),
        (ROWS.encode("utf-16-be"), "utf-16-be"),
        (ROWS.encode("gbk"), "gbk"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, expected: str) -> None:
    assert detect_encoding(write(tmp_path, data)) == expected


@pytest.mark.parametrize("char", ["𠀀", "ǹ"])
def test_characters_outside_gbk_are_reported_as_gb18030(tmp_path: Path, char: str) -> None:
    path = write(tmp_path, f"姓名,备注\n张{char},好\n".encode("gb18030"))
    assert detect_encoding(path) == "gb18030"
    assert sniff(path).encoding == "gb18030"


def test_gbk_only_in_the_tail_is_found_by_the_later_windows(tmp_path: Path) -> None:
    ascii_head = "id,name,phone\n" + "1,abc,13800138000\n" * (2 * SAMPLE_BYTES // 18)
    path = write(tmp_path, ascii_head.encode() + filler_lines(50).encode("gbk"))
    assert detect_encoding(path) == "gbk"


def test_utf8_then_gbk_is_refused_naming_the_line(tmp_path: Path) -> None:
    head = "姓名,手机,城市\n" + filler_lines(9999)
    path = write(tmp_path, head.encode("utf-8") + filler_lines(5000).encode("gbk"))
    with pytest.raises(UndecodableText) as err:
        detect_encoding(path)
    assert "mixes text encodings" in err.value.message
    assert "starts as UTF-8 but line 10001 " in err.value.message
    assert "GBK" in err.value.message


def test_gbk_then_utf8_is_refused_although_gb18030_decodes_it(tmp_path: Path) -> None:
    head = "姓名,手机,城市\n" + filler_lines(9999)
    tail = filler_lines(5000, "王五,13700137000,广州市天河区\n")
    data = head.encode("gbk") + tail.encode("utf-8")
    data.decode("gb18030")  # the trap: no decoding error to notice
    with pytest.raises(UndecodableText, match="starts as GBK but line 10001 "):
        detect_encoding(write(tmp_path, data))


def test_a_gbk_line_that_happens_to_be_utf8_chinese_does_not_make_the_file_mixed(tmp_path: Path) -> None:
    accidental = "涓颁袱\n".encode("gbk")
    assert accidental.decode("utf-8") == "丰两\n"
    lines = filler_lines(100).encode("gbk") + accidental + filler_lines(3000).encode("gbk")
    assert detect_encoding(write(tmp_path, lines)) == "gbk"


def test_unrecognisable_bytes_name_line_and_offset(tmp_path: Path) -> None:
    data = b"a,b\n1,2\n3,\xff\xfe\n"
    with pytest.raises(UndecodableText, match=r"line 3 \(byte offset 10\)"):
        detect_encoding(write(tmp_path, data))


def test_random_bytes_are_binary(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(100_000)
    with pytest.raises(NotATable, match="binary data"):
        sniff(write(tmp_path, data))


def test_random_bytes_without_nul_are_binary(tmp_path: Path) -> None:
    data = random.Random(7).randbytes(100_000).replace(b"\x00", b"\x01")
    with pytest.raises(NotATable, match="binary data"):
        sniff(write(tmp_path, data))


def test_png_is_named(tmp_path: Path) -> None:
    data = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(50)
    with pytest.raises(NotATable, match="PNG image"):
        sniff(write(tmp_path, data, "photo.csv"))


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", "<w/>")
    with pytest.raises(NotATable, match="Word document"):
        detect_kind(path)


def test_html_saved_as_xls_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, b"\n<html><body><table><tr><td>1</td></tr></table></body></html>", "report.xls")
    assert detect_kind(path) == "csv"
    with pytest.raises(NotATable, match="web page"):
        sniff(path)


@pytest.mark.parametrize("data", [b"", b"  \r\n\n\t "])
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(EmptyFile):
        sniff(write(tmp_path, data))


def test_a_stray_nul_in_text_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"a,b\n1,2\n3,\x004\n5,6\n")
    with pytest.raises(NotATable, match="Line 3 contains a NUL"):
        sniff(path)


def test_gbk_labels_decode_as_gb18030() -> None:
    assert codec_for("GBK") == codec_for("gb2312") == codec_for("cp936") == "gb18030"
    assert codec_for("UTF8") == "utf-8"
    with pytest.raises(UndecodableText, match="unknown"):
        codec_for("klingon-8")


def test_line_at_offset_counts_crlf_once_even_across_chunks(tmp_path: Path) -> None:
    data = b"x" * ((1 << 20) - 1) + b"\r\n" + b"a\rb\nc"
    path = write(tmp_path, data)
    assert line_at_offset(path, len(data) - 1) == 4
    assert line_at_offset(write(tmp_path, "一\n二\n".encode("utf-16-le")), 4, "utf-16-le") == 2


def test_old_mac_line_endings_do_not_split_characters_in_the_sample(tmp_path: Path) -> None:
    path = write(tmp_path, ("姓名,城市\r" + "张三,北京\r" * 10_000).encode("utf-8"))
    assert SAMPLE_BYTES % len("张三,北京\r".encode())  # the sample ends inside a character
    fmt = sniff(path)
    assert (fmt.encoding, fmt.delimiter, fmt.has_header) == ("utf-8", ",", True)


def test_a_first_line_longer_than_the_sample_does_not_split_characters(tmp_path: Path) -> None:
    path = write(tmp_path, ("很长" * SAMPLE_BYTES + "\n").encode("utf-8"))
    assert detect_encoding(path) == "utf-8"
    path = write(tmp_path, ("𠀀" * SAMPLE_BYTES + "\n").encode("gb18030"))
    assert detect_encoding(path) == "gb18030"
