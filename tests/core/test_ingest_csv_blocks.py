"""CSV text is parsed in blocks of whole lines: whatever the block size, the records, their line numbers and the
warnings are the ones a single ``csv.reader`` over the whole file gives, and the NUL-joined form of plain blocks
holds the same rows as the batches."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataroom.core.ingest import csv_reader
from dataroom.core.ingest.csv_reader import SEPARATOR, CsvSource
from dataroom.core.ingest.errors import InputError, NotATable, UnclosedQuote
from dataroom.core.ingest.table import SourceFormat, TableReader

CELLS = st.text(alphabet=st.sampled_from(list('a张 ,"\n\r\t，\\x')), max_size=5)
PLAIN_CELLS = st.text(alphabet=st.sampled_from(list("a张 \\x'")), max_size=5)


@contextmanager
def block_chars(chars: int) -> Iterator[None]:
    saved = csv_reader._BLOCK_CHARS
    csv_reader._BLOCK_CHARS = chars
    try:
        yield
    finally:
        csv_reader._BLOCK_CHARS = saved


def written(rows: list[list[str]], delimiter: str, eol: str, final_eol: bool) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=eol).writerows(rows)
    text = out.getvalue()
    return text if final_eol else text[: -len(eol)]


def reference(text: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """Records and start lines as one ``csv.reader`` over the whole text gives them."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"', strict=False)
    records, lines, line = [], [], 1
    for record in reader:
        records.append(record)
        lines.append(line)
        line = reader.line_num + 1
    return records, lines


def read_source(path: Path, delimiter: str, size: int) -> tuple[list[list[str]], list[int]]:
    source = CsvSource(path, "utf-8", delimiter, '"')
    records: list[list[str]] = []
    lines: list[int] = []
    try:
        while batch := source.read(size):
            records += batch
            lines += source.positions(batch)
    finally:
        source.close()
    return records, lines


@settings(max_examples=250, deadline=None)
@given(
    rows=st.lists(st.lists(CELLS, max_size=4), min_size=1, max_size=25),
    delimiter=st.sampled_from([",", "\t", "，"]),
    eol=st.sampled_from(["\n", "\r\n", "\r"]),
    final_eol=st.booleans(),
    chars=st.integers(1, 40),
    size=st.integers(1, 7),
)
def test_records_and_lines_match_one_csv_reader(
    tmp_path_factory: pytest.TempPathFactory,
    rows: list[list[str]],
    delimiter: str,
    eol: str,
    final_eol: bool,
    chars: int,
    size: int,
) -> None:
    text = written(rows, delimiter, eol, final_eol)
    path = tmp_path_factory.mktemp("blocks") / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    with block_chars(chars):
        assert read_source(path, delimiter, size) == reference(text, delimiter)


def _joined_rows(reader: TableReader, size: int) -> list[tuple[str, ...]]:
    width = len(reader.header)
    rows: list[tuple[str, ...]] = []
    for joined, count in reader.joined_batches(size):
        values = joined.decode("utf-8").split(SEPARATOR)
        assert len(values) == count * width
        rows += zip(*[iter(values)] * width, strict=False)
    return rows


def _read_both(path: Path, fmt: SourceFormat, size: int) -> tuple[object, object]:
    outcomes = []
    for joined in (False, True):
        try:
            with TableReader(path, fmt) as reader:
                rows = _joined_rows(reader, size) if joined else [tuple(r) for b in reader.batches(size) for r in b]
                outcomes.append((rows, [dataclasses.asdict(w) for w in reader.warnings]))
        except InputError as exc:
            outcomes.append((type(exc), str(exc)))
    return outcomes[0], outcomes[1]


@settings(max_examples=150, deadline=None)
@given(
    rows=st.lists(
        st.one_of(st.lists(PLAIN_CELLS, min_size=3, max_size=3), st.lists(CELLS, max_size=4)), min_size=2, max_size=30
    ),
    eol=st.sampled_from(["\n", "\r\n"]),
    chars=st.integers(1, 60),
    size=st.integers(1, 9),
)
def test_joined_batches_hold_the_rows_and_warnings_of_batches(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], eol: str, chars: int, size: int
) -> None:
    path = tmp_path_factory.mktemp("joined") / "t.csv"
    path.write_text(written(rows, ",", eol, True), encoding="utf-8", newline="")
    fmt = SourceFormat("csv", "utf-8", ",", '"', None, (), True)
    with block_chars(chars):
        plain, joined = _read_both(path, fmt, size)
    assert joined == plain


def test_plain_blocks_skip_the_per_value_parse_and_the_rest_is_read_as_records(tmp_path: Path) -> None:
    lines = ["编号,姓名,备注"] + [f"{i},客户{i},无" for i in range(200)]
    lines[50] = '50,"引号, 逗号",多行'  # quoted: that block goes through csv.reader
    lines[120] = "120,只有两列"  # ragged
    lines.insert(150, "")  # blank
    path = tmp_path / "t.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    fmt = SourceFormat("csv", "utf-8", ",", '"', None, (), True)
    with block_chars(300):
        plain, joined = _read_both(path, fmt, 40)
        with TableReader(path, fmt) as reader:
            kinds = [joined_batch[1] for joined_batch in reader.joined_batches(40)]
    assert joined == plain and len(plain[0]) == 200  # type: ignore[arg-type]
    assert plain[0][49] == ("50", "引号, 逗号", "多行")  # type: ignore[index]
    codes = {w["code"]: w["rows"] for w in plain[1]}  # type: ignore[index]
    assert codes["ragged-row"] == [121] and codes["blank-rows-skipped"] == [151]
    assert len(kinds) > 5


def test_a_quoted_field_longer_than_a_block_is_one_value(tmp_path: Path) -> None:
    long_text = "第一行\n" + "长" * 5000 + "\r\n最后"
    path = tmp_path / "t.csv"
    path.write_text(written([["a", "b"], ["1", long_text], ["2", "x"]], ",", "\r\n", True), encoding="utf-8")
    with block_chars(16):
        records, lines = read_source(path, ",", 10)
    assert records == [["a", "b"], ["1", long_text], ["2", "x"]] and lines == [1, 2, 5]


def test_an_unclosed_quote_is_reported_at_its_line_whatever_the_blocks(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('a,b\n1,x\n2,"never closed\n3,y\n' + "4,z\n" * 500, encoding="utf-8")
    for chars in (4, 64, 1 << 20):
        with block_chars(chars), pytest.raises(UnclosedQuote, match="line 3"):
            read_source(path, ",", 50)


def test_a_nul_in_utf16_text_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("a,b\r\n1,x\r\n2,\x00\r\n", encoding="utf-16")
    for chars in (2, 1 << 20):
        with block_chars(chars), pytest.raises(NotATable, match="Line 3 contains a NUL"):
            source = CsvSource(path, "utf-16", ",", '"')
            try:
                while source.read(10):
                    pass
            finally:
                source.close()


@pytest.mark.parametrize(
    "text",
    [
        "a,b\r\n1,x\r\n2,y\n3,z\r\n4,w\r\n",  # one LF among CR LF
        "a,b\n1,x\n2,y\r\n3,z\n",  # one CR LF among LF
        "a,b\n1,x\n2\r3,y\n4,z\n",  # a lone CR ends a record too
        "a,b\r1,x\r2,y\r",  # old Mac line ends
    ],
)
def test_mixed_line_ends_join_as_csv_reads_them(tmp_path: Path, text: str) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    fmt = SourceFormat("csv", "utf-8", ",", '"', None, (), True)
    expected = [(*r, "")[:2] for r in reference(text, ",")[0][1:] if r]  # each record fitted to the 2 columns
    for chars in (3, 1 << 20):
        with block_chars(chars):
            plain, joined = _read_both(path, fmt, 10)
        assert joined == plain and plain[0] == expected  # type: ignore[index]


def test_multi_line_fields_across_blocks_are_parsed_about_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [["a", "b"]] + [[str(i), f"第{i}行\n续行\r\n再续"] for i in range(300)]
    text = written(rows, ",", "\r\n", True)
    path = tmp_path / "t.csv"
    path.write_text(text, encoding="utf-8", newline="")
    fed: list[int] = []
    original = csv_reader._csv_reader

    def counting(lines: Iterator[str], delimiter: str, quotechar: str | None) -> object:
        def through() -> Iterator[str]:
            for line in lines:
                fed.append(len(line))
                yield line

        return original(through(), delimiter, quotechar)

    monkeypatch.setattr(csv_reader, "_csv_reader", counting)
    with block_chars(50):
        records, lines = read_source(path, ",", 100)
    assert records == rows and lines == [1, *range(2, 2 + 3 * 300, 3)]
    assert sum(fed) < 1.3 * len(text)  # each block ends inside a record: only that record is read again
