"""Redacted export: CSV (UTF-8 BOM / GB18030) and XLSX, formula neutralisation, labels, atomicity, audit."""

from __future__ import annotations

import csv
import hashlib
import io
import os
from collections.abc import Collection
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataroom.core.cancel import CancelToken
from dataroom.core.errors import Cancelled, InputError, PermissionDenied
from dataroom.core.flows import redaction as flows
from dataroom.core.redaction import export as export_mod
from dataroom.core.redaction import export_chunks
from dataroom.core.redaction.policy import Suppression
from dataroom.core.subjects import subject_key, subject_token
from dataroom.core.users.roles import Role
from tests.core.test_redaction_helpers import as_role, audit_details, make_customers, make_dataset

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
HOSTILE_HEADER = ["=cmd|'/c calc'!A1", "+1", "-2", "@x", "\tt", "ok"]
HOSTILE_ROWS = [
    ["=1+1", "+SUM(A1)", "-3", "@A1", "\t=x", "\r=y"],
    ['=HYPERLINK("http://evil")', "plain", "", "  =not first", "-", "'already"],
]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """An empty folder for exports (the vault lives elsewhere in ``tmp_path``)."""
    path = tmp_path / "out"
    path.mkdir()
    return path


def _csv_cells(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def _hostile(session):  # type: ignore[no-untyped-def]
    types = {h: ("text", "public") for h in HOSTILE_HEADER}
    make_dataset(session, "hostile", HOSTILE_HEADER, HOSTILE_ROWS, types)


def test_csv_export_is_labelled_redacted_and_has_a_bom(session, out_dir: Path) -> None:
    make_customers(session)
    out = out_dir / "out.csv"
    result = flows.export_redacted(session, "customers", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    cells = _csv_cells(out)
    assert cells[0][0].startswith("# Dataroom redacted export") and "已去标识化，非匿名化" in cells[0][0]
    assert "de-identified, not anonymised" in cells[0][0] and "anonymised" not in cells[0][0].replace(
        "not anonymised", ""
    )
    stored = flows.show_policy(session, "customers")
    assert stored.version == 1  # the default policy was saved so the export names a stored version
    assert f"SHA-256 {stored.sha256}" in cells[2][0] and "ab" * 32 in cells[1][0]
    header, body = cells[4], cells[5:]
    assert header == result.columns and len(body) == result.rows == 4
    assert body[0][1] == "张*" and body[0][3] == "110101********1234"
    assert b"110101199003071234" not in raw and b"13800138000" not in raw
    assert result.sha256 == hashlib.sha256(raw).hexdigest()
    (record,) = audit_details(session, "redaction.export")
    assert record["details"]["file_sha256"] == result.sha256 and record["details"]["policy_sha256"] == stored.sha256
    assert sorted(os.listdir(out_dir)) == ["out.csv"]  # nothing but the target


def test_gb18030_export(session, tmp_path: Path) -> None:
    make_customers(session)
    out = tmp_path / "gb.csv"
    flows.export_redacted(session, "customers", out, encoding="gb18030")
    assert not out.read_bytes().startswith(b"\xef\xbb\xbf")
    cells = _csv_cells(out, "gb18030")
    assert cells[4][1] == "姓名" and cells[5][1] == "张*"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_exported_cell_can_start_a_formula(session, tmp_path: Path, fmt: str) -> None:
    _hostile(session)
    make_customers(session)  # 消费金额 "=HYPERLINK(…)" kept raw in one policy, masked in another
    flows.edit_policy(session, "customers", "消费金额", "keep")
    flows.edit_policy(session, "customers", "备注", "mask", {"type": "text", "head": 1, "tail": 0})
    for name in ("hostile", "customers"):
        out = tmp_path / f"{name}.{fmt}"
        flows.export_redacted(session, name, out, fmt=fmt)
        if fmt == "csv":
            cells = [c for row in _csv_cells(out) for c in row]
        else:
            book = openpyxl.load_workbook(out, read_only=True)
            assert book.sheetnames == ["About", "Data"]
            cells = []
            for ws in book.worksheets:
                for row in ws.iter_rows():
                    for cell in row:
                        assert cell.data_type != "f"
                        cells.append("" if cell.value is None else str(cell.value))
        assert cells, name
        bad = [c for c in cells if c.startswith(FORMULA_STARTS)]
        assert bad == [], f"{name}.{fmt}: {bad}"
        if name == "hostile":
            assert "'=cmd|'/c calc'!A1" in cells and "'=1+1" in cells and "'-3" in cells and "'\t=x" in cells
            assert "  =not first" in cells and "'already" in cells
        else:
            # Masking the remark "@SUM(A1)" with head=1 starts with "@": neutralised after redaction.
            assert "'@*******" in cells and '\'=HYPERLINK("http://x")' in cells


def test_xlsx_export_has_an_about_sheet_and_the_rows(session, out_dir: Path) -> None:
    make_customers(session)
    out = out_dir / "out.xlsx"
    result = flows.export_redacted(session, "customers", out, fmt="xlsx")
    book = openpyxl.load_workbook(out, read_only=True)
    about = [r[0] for r in book["About"].iter_rows(values_only=True)]
    assert any("已去标识化，非匿名化" in (a or "") for a in about)
    rows = list(book["Data"].iter_rows(values_only=True))
    assert list(rows[0]) == result.columns and rows[1][1] == "张*" and len(rows) == 5
    assert sorted(os.listdir(out_dir)) == ["out.xlsx"]


@pytest.mark.parametrize(
    "rows, chunk_rows, sheets",
    [(10, 20_000, 4), (10, 4, 4), (9, 4, 3), (9, 3, 3), (7, 2, 3), (0, 4, 1)],
    ids=["one-chunk-over-four-sheets", "chunks-across-sheets", "sheets-exactly-full", "chunks-on-sheet-ends",
         "two-row-chunks", "no-rows-still-a-header"],
)  # fmt: skip
def test_xlsx_splits_sheets_at_the_row_limit(
    session, tmp_path: Path, monkeypatch, rows: int, chunk_rows: int, sheets: int
) -> None:
    from dataroom.core.redaction import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 4)  # header + 3 rows per sheet
    monkeypatch.setattr(export_chunks, "CHUNK_ROWS", chunk_rows)
    make_dataset(session, "ten", ["n"], [[str(i)] for i in range(rows)], {"n": ("number", "public")})
    out = tmp_path / "ten.xlsx"
    flows.export_redacted(session, "ten", out, fmt="xlsx")
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["About", "Data", *(f"Data ({n})" for n in range(2, sheets + 1))]
    assert all(next(ws.iter_rows(values_only=True)) == ("n",) for ws in book.worksheets[1:])
    values = [r[0] for ws in book.worksheets[1:] for r in ws.iter_rows(values_only=True) if r[0] != "n"]
    assert values == [str(i) for i in range(rows)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.text(st.sampled_from("a中 \t\n\r<&>\x00\x01\x1f\ufffe='\u3000😀"), max_size=4), min_size=3,
                 max_size=3),
        min_size=0, max_size=4,
    )
)  # fmt: skip
def test_worksheet_rows_of_a_batch_are_the_rows_written_cell_by_cell(columns: list[list[str]]) -> None:
    from dataroom.core.redaction import xlsx

    assert xlsx.rows_xml(columns) == "".join(map(xlsx.row_xml, zip(*columns, strict=True)))


def test_cancel_leaves_nothing_behind(session, out_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(export_chunks, "CHUNK_ROWS", 2)
    make_customers(session)
    token = CancelToken()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        token.cancel()

    with pytest.raises(Cancelled):
        flows.export_redacted(session, "customers", out_dir / "c.csv", progress=progress, cancel=token)
    assert calls == [(2, 4)] and os.listdir(out_dir) == []
    assert audit_details(session, "redaction.export") == []


def test_export_refusals(session, tmp_path: Path) -> None:
    make_customers(session)
    with pytest.raises(InputError, match="format"):
        flows.export_redacted(session, "customers", tmp_path / "x.pdf", fmt="pdf")
    with pytest.raises(InputError, match="encoding"):
        flows.export_redacted(session, "customers", tmp_path / "x.csv", encoding="latin-1")
    with pytest.raises(InputError, match="does not exist"):
        flows.export_redacted(session, "customers", tmp_path / "no" / "x.csv")
    rita = as_role(session, "rita", Role.REVIEWER)
    with pytest.raises(PermissionDenied):
        flows.export_redacted(rita, "customers", tmp_path / "x.csv")


class FakeRegistry:
    def __init__(self, consenting: set[str]) -> None:
        self.consenting = consenting

    def consented(self, subjects: Collection[str], purpose: str) -> set[str]:
        return set(subjects) & self.consenting


@pytest.mark.parametrize("missing", ["blank", "drop"])
def test_rows_without_consent_are_blanked_or_dropped(session, tmp_path: Path, missing: str) -> None:
    make_customers(session)
    flows.set_suppression(session, "customers", Suppression("身份证号", "resident_id", "transfer", missing))
    key = subject_key(session.vault.connection())
    # The person in rows 1 and 4 (same ID) consented; rows 2 and 3 did not.
    registry = FakeRegistry({subject_token(key, "resident_id", "110101199003071234")})
    out = tmp_path / "c.csv"
    result = flows.export_redacted(session, "customers", out, consent=registry)
    body = _csv_cells(out)[5:]
    if missing == "drop":
        assert [r[0] for r in body] == ["C001", "C004"] and result.dropped == 2
    else:
        assert [r[0] for r in body] == ["C001", "C002", "C003", "C004"] and result.blanked == 2
        # Consent-required cells (name, gender, phone, …) blanked; public and sensitive-masked cells stay.
        assert body[1][1] == "" and body[1][4] == "" and body[1][0] == "C002" and body[1][3].startswith("310104")
        assert body[0][1] == "张*"
    # The deal's own registry is used when no lookup is given; with nothing on record, nothing consent-required
    # leaks.
    flows.export_redacted(session, "customers", out)
    assert all(r[1] == "" for r in _csv_cells(out)[5:])


def test_the_deals_consent_registry_is_consulted(session, out_dir: Path) -> None:
    import datetime as dt

    from dataroom.core.deal import consent

    make_customers(session)
    flows.set_suppression(session, "customers", Suppression("手机号", "mobile", "transfer", "drop"))
    token = subject_token(subject_key(session.vault.connection()), "mobile", "13800138000")
    with session.vault.transaction() as tx:
        consent.insert(tx, token, "transfer", [], "paper-form", "F-1", dt.date(2024, 1, 1), None, "b1", "now", "alice")
    out = out_dir / "c.csv"
    result = flows.export_redacted(session, "customers", out)
    assert [r[0] for r in _csv_cells(out)[5:]] == ["C001", "C004"] and result.dropped == 2


def test_recipient_key_changes_every_token(session, tmp_path: Path) -> None:
    make_customers(session)
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    flows.export_redacted(session, "customers", a)
    flows.export_redacted(session, "customers", b, pseudonym_key=os.urandom(32))
    phones_a = [r[4] for r in _csv_cells(a)[5:]]
    phones_b = [r[4] for r in _csv_cells(b)[5:]]
    assert phones_a[0] == phones_a[3] and phones_b[0] == phones_b[3]
    assert not set(phones_a) & set(phones_b)


def test_neutralise_column_fast_path_agrees_with_per_cell() -> None:
    values = ["a", "", "b=c", "x\t", "=", "\r", "ok"]
    assert export_mod.neutralise_column(values) == [export_mod.neutralise(v) for v in values]
    clean = ["a", "b", ""]
    assert export_mod.neutralise_column(clean) is clean
