"""Fuzzing (issue #11 item 3): the readers of outside input — CSV and XLSX tables, the PII validators, packets and
identity cards — meet generated and mutated input. The only failures allowed are Dataroom's typed errors (a
:class:`DataroomError` with a message in words); anything else is a crash, and no case may hang.

``make test`` runs the short, derandomised ``quick`` profile; ``make fuzz`` runs ``HYPOTHESIS_PROFILE=nightly``
(≥ 10,000 cases per target; see ``tests/hardening/conftest.py``). Besides Hypothesis's per-example deadline, a
hard alarm stops any single case that runs away, so a hang fails the test instead of stalling the run.
"""

from __future__ import annotations

import io
import json
import signal
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dataroom.core.deal import cards
from dataroom.core.errors import DataroomError
from dataroom.core.flows import parties, transfer
from dataroom.core.ingest import TableReader, sniff
from dataroom.core.pii.types import PiiType
from dataroom.core.pii.validators import VALIDATORS, excel_damage
from dataroom.core.transfer import packet_check
from tests.core.test_transfer_helpers import deal, fp

#: A single case taking longer than this is a hang, whatever the profile's deadline.
HARD_LIMIT_S = 20

# Module-scoped files are rewritten by every example; Hypothesis only warns about function-scoped fixtures.
FIXTURE_OK = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


class Hang(Exception):
    """Raised by the alarm inside a case that ran past :data:`HARD_LIMIT_S`."""


@contextmanager
def hard_limit() -> Iterator[None]:
    def _alarm(signum: int, frame: object) -> None:
        raise Hang(f"one generated case ran longer than {HARD_LIMIT_S} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, HARD_LIMIT_S)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def read_table(path: Path) -> int:
    """Everything the importer does to a table file before storing it: sniff, then read every row."""
    with hard_limit():
        try:
            fmt = sniff(path)
            with TableReader(path, fmt) as reader:
                return sum(len(batch) for batch in reader.batches(500))
        except DataroomError as exc:
            assert str(exc).strip(), type(exc)
            return -1


# ---------------------------------------------------------------------------------------------------- CSV reader

ENCODINGS = ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be", "big5", "latin-1", "ascii"]
CELL_ALPHABET = st.sampled_from(list(',;\t|"\'\r\n \\=+-.0123456789aZ张伟北京市１２３@éß\x00\x1a\ufeff\u2028'))
cells = st.text(CELL_ALPHABET, max_size=12) | st.text(max_size=12)
rows = st.lists(st.lists(cells, max_size=6), max_size=12)


@st.composite
def csv_bytes(draw: st.DrawFn) -> bytes:
    """A table: cells full of quotes, delimiters and line breaks, joined with a drawn delimiter and quoting
    (sometimes wrong), in a drawn encoding (unencodable characters replaced), sometimes cut short."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", " "]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    lines = []
    for row in draw(rows):
        quoted = [f"{quote}{c}{quote}" if quote and draw(st.booleans()) else c for c in row]
        lines.append(delimiter.join(quoted))
    text = newline.join(lines) + draw(st.sampled_from(["", newline]))
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    cut = draw(st.integers(0, len(data)))
    return data[:cut] if draw(st.booleans()) else data


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@FIXTURE_OK
@given(data=st.binary(max_size=4096))
def test_csv_reader_random_bytes(scratch: Path, data: bytes) -> None:
    path = scratch / "random.csv"
    path.write_bytes(data)
    read_table(path)


@FIXTURE_OK
@given(data=csv_bytes())
def test_csv_reader_quotes_delimiters_encodings(scratch: Path, data: bytes) -> None:
    path = scratch / "table.csv"
    path.write_bytes(data)
    read_table(path)


# --------------------------------------------------------------------------------------------------- XLSX reader


@pytest.fixture(scope="module")
def workbook() -> bytes:
    """A small valid workbook: text, numbers, dates, a formula, an empty cell, a second sheet."""
    import datetime as dt

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "客户"
    sheet.append(["姓名", "手机号", "金额", "日期", "备注"])
    sheet.append(["张伟", "13800138000", 1200.5, dt.date(2024, 3, 1), "=1+2"])
    sheet.append(["李娜", 13900139000, None, dt.datetime(2024, 3, 2, 9, 30), "备注 \"quoted\""])
    book.create_sheet("其他").append(["a", 1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@st.composite
def mutated_xlsx(draw: st.DrawFn, valid: bytes) -> bytes:
    """The valid workbook with raw byte flips/cuts, or re-zipped with one member's XML mutated or replaced."""
    how = draw(st.sampled_from(["bytes", "member"]))
    if how == "bytes":
        data = bytearray(valid)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data[: draw(st.integers(0, len(data)))]) if draw(st.booleans()) else bytes(data)
    with zipfile.ZipFile(io.BytesIO(valid)) as z:
        members = {name: z.read(name) for name in z.namelist()}
    name = draw(st.sampled_from(sorted(members)))
    xml = bytearray(members[name])
    choice = draw(st.sampled_from(["flip", "cut", "replace", "drop"]))
    if choice == "flip" and xml:
        for _ in range(draw(st.integers(1, 4))):
            xml[draw(st.integers(0, len(xml) - 1))] = draw(st.sampled_from(list(b'<>/"=&;x0 9\x00\xff')))
        members[name] = bytes(xml)
    elif choice == "cut":
        members[name] = bytes(xml[: draw(st.integers(0, len(xml)))])
    elif choice == "replace":
        members[name] = draw(st.binary(max_size=200))
    else:
        del members[name]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for member, content in members.items():
            z.writestr(member, content)
    return out.getvalue()


@FIXTURE_OK
@given(data=st.data())
def test_xlsx_reader_mutated_workbooks(scratch: Path, workbook: bytes, data: st.DataObject) -> None:
    path = scratch / "book.xlsx"
    path.write_bytes(data.draw(mutated_xlsx(workbook)))
    read_table(path)


# ---------------------------------------------------------------------------------------------------- validators

texts = (
    st.text(max_size=80)
    | st.text(st.sampled_from(list("0123456789Xx -+()./@:年月日岁省市区路号元¥$,，．０１２")), max_size=40)
    | st.from_regex(r"\A[1-9]\d{16}[\dXx]\Z")
    | st.from_regex(r"\A\+?\d[\d -]{5,20}\Z")
)


@given(value=texts)
def test_validators_answer_any_text(value: str) -> None:
    with hard_limit():
        for pii_type, validator in VALIDATORS.items():
            assert isinstance(validator(value), bool), pii_type
        assert isinstance(excel_damage(value), bool)
    assert set(VALIDATORS) == set(PiiType)


# ------------------------------------------------------------------------------------------ packets and cards


@dataclass(frozen=True)
class Received:
    packet: bytes
    card: bytes


@pytest.fixture(scope="module")
def received(tmp_path_factory: pytest.TempPathFactory, module_isolation: object) -> Iterator[Received]:
    tmp = tmp_path_factory.mktemp("fuzz-deal")
    seller, buyer, nda_id = deal(tmp)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp / "packet.drpkt")
    card = parties.export_card(seller, tmp / "seller.drcard")
    yield Received(sent.path.read_bytes(), card.read_bytes())
    for s in (seller, buyer):
        s.close()


@st.composite
def mutated(draw: st.DrawFn, valid: bytes) -> bytes:
    """``valid`` with a few bytes overwritten, a slice deleted or inserted, and/or cut short."""
    data = bytearray(valid)
    for _ in range(draw(st.integers(0, 6))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    if draw(st.booleans()):
        start = draw(st.integers(0, len(data)))
        end = draw(st.integers(start, min(len(data), start + 64)))
        data[start:end] = draw(st.binary(max_size=64))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data)


@FIXTURE_OK
@given(data=st.data())
def test_packet_reader_mutated_packets(scratch: Path, received: Received, data: st.DataObject) -> None:
    raw = data.draw(mutated(received.packet))
    path = scratch / "fuzzed.drpkt"
    path.write_bytes(raw)
    with hard_limit():
        try:
            result = packet_check.check(path)
        except DataroomError as exc:
            assert str(exc).strip()
            return
    if raw != received.packet:
        assert not result.ok and result.problems, "a changed packet passed the check"


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def mutated_card(draw: st.DrawFn, valid: bytes) -> bytes:
    """Raw byte damage, or a well-formed JSON card with one field (at any depth) replaced by another JSON value."""
    if draw(st.booleans()):
        return draw(mutated(valid))
    doc = json.loads(valid)
    node = doc
    while True:
        keys = sorted(node) if isinstance(node, dict) else list(range(len(node)))
        if not keys:
            break
        key = draw(st.sampled_from(keys))
        child = node[key]
        if isinstance(child, dict | list) and child and draw(st.booleans()):
            node = child
            continue
        node[key] = draw(json_values)
        break
    return json.dumps(doc, ensure_ascii=draw(st.booleans())).encode()


@given(data=st.data())
def test_card_parser_mutated_cards(received: Received, data: st.DataObject) -> None:
    raw = data.draw(mutated_card(received.card))
    with hard_limit():
        try:
            report = cards.check_card(cards.parse_bytes(raw))
        except DataroomError as exc:
            assert str(exc).strip()
            return
    assert report.ok == (report.card is not None)
    if not report.ok:
        assert report.problems and all(p.strip() for p in report.problems)
