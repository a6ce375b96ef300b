"""Importing into the vault: the dataset record, atomicity (cancel, failure, kill -9), classification, quality."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dataroom.core.cancel import CancelToken
from dataroom.core.errors import Cancelled, InputError, PermissionDenied
from dataroom.core.flows import audit as audit_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.pii.checksums import resident_id_check_char
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.users.roles import Role
from tests.conftest import PASSPHRASE, fast_kdf_params


def _tables(session) -> list[str]:
    rows = session.vault.connection().execute("SELECT name FROM sqlite_master WHERE name LIKE 'ds\\_%' ESCAPE '\\'")
    return [r[0] for r in rows]


@pytest.fixture
def customers(tmp_path: Path) -> Path:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, 3000, seed=7)
    return path


def test_import_records_provenance_and_audits(session, customers: Path) -> None:
    info = dataset_flows.import_dataset(session, customers, name="客户 2026")
    assert (info.name, info.row_count, info.column_count) == ("客户 2026", 3000, 12)
    assert info.source_name == "customers.csv" and info.source_kind == "csv"
    assert info.source_sha256 == hashlib.sha256(customers.read_bytes()).hexdigest()
    assert info.encoding and info.encoding.startswith("utf-8") and info.imported_by == "alice"
    rows = dataset_flows.raw_rows(session, "客户 2026", after_row=2998, limit=10)
    assert [r[0] for r in rows] == [2999, 3000] and len(rows[0]) == 13
    record = next(r for r in audit_flows.show(session) if r.action == "dataset.import")
    assert (
        record.object == "客户 2026"
        and record.details["rows"] == 3000
        and record.details["sha256"] == info.source_sha256
    )
    assert "身份证" not in str(record.details["warnings"])  # no cell content in the log
    assert [c.type for c in dataset_flows.column_classes(session, "客户 2026")][3:5] == ["resident_id", "mobile"]


def test_duplicate_name_is_refused(session, customers: Path) -> None:
    dataset_flows.import_dataset(session, customers, name="c", classify=False)
    with pytest.raises(InputError, match="already a dataset"):
        dataset_flows.import_dataset(session, customers, name="c")


def test_cancel_leaves_nothing(session, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    write_customers_csv(big, 40_000, seed=1)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 2:
            token.cancel()

    with pytest.raises(Cancelled):
        dataset_flows.import_dataset(session, big, name="big", progress=progress, cancel=token)
    assert len(seen) == 2 and seen[-1] < big.stat().st_size
    assert dataset_flows.list_datasets(session) == [] and _tables(session) == []
    assert not any(r.action == "dataset.import" for r in audit_flows.show(session))


def test_failure_midway_leaves_nothing(session, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    good = "".join(f"张三{i},13800138000\n" for i in range(20_000))
    bad.write_bytes(("姓名,手机\n" + good).encode() + b"\x00\x01binary\n" + good.encode())
    with pytest.raises(InputError):
        dataset_flows.import_dataset(session, bad, name="bad")
    assert dataset_flows.list_datasets(session) == [] and _tables(session) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), ("姓名,手机\n".encode(), "no data rows"), (bytes(range(256)) * 40, None)],
)
def test_bad_files_are_refused_in_words(session, tmp_path: Path, content: bytes, message: str | None) -> None:
    path = tmp_path / "input.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        dataset_flows.import_dataset(session, path, name="x")
    assert dataset_flows.list_datasets(session) == []


def test_missing_file(session, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no file"):
        dataset_flows.import_dataset(session, tmp_path / "nope.csv")


def test_each_sheet_becomes_a_dataset(session, tmp_path: Path) -> None:
    from openpyxl import Workbook

    path = tmp_path / "book.xlsx"
    wb = Workbook()
    wb.active.title = "客户"
    wb.active.append(["姓名", "手机号"])
    wb.active.append(["李雷", "13800138000"])
    other = wb.create_sheet("订单")
    other.append(["订单号", "金额"])
    other.append(["A001", 12.5])
    wb.save(path)
    preview = dataset_flows.inspect_file(path)
    assert preview.format.sheets == ("客户", "订单")
    for sheet in preview.format.sheets:
        dataset_flows.import_dataset(session, path, sheet=sheet)
    assert sorted(d.name for d in dataset_flows.list_datasets(session)) == ["book – 客户", "book – 订单"]
    assert dataset_flows.raw_rows(session, "book – 订单")[0][1:] == ("A001", "12.5")


def test_override_survives_reclassification_and_is_audited(session, customers: Path) -> None:
    dataset_flows.import_dataset(session, customers, name="c")
    after = dataset_flows.override_column(session, "c", "性别", data_class="sensitive", note="policy says so")
    assert after.data_class == "sensitive" and after.detected_class != "sensitive" and after.override_by == "alice"
    cols = dataset_flows.classify_dataset(session, "c")
    assert cols[2].data_class == "sensitive" and cols[2].overridden
    record = [r for r in audit_flows.show(session) if r.action == "dataset.override"][-1]
    assert record.object == "c/性别" and record.details["after"] == ["gender", "sensitive"]
    cleared = dataset_flows.override_column(session, "c", "3")
    assert not cleared.overridden
    with pytest.raises(InputError, match="Unknown class"):
        dataset_flows.override_column(session, "c", "性别", data_class="secret")


def test_reviewer_cannot_import_or_classify(session, vault_dir: Path, customers: Path) -> None:
    dataset_flows.import_dataset(session, customers, name="c")
    user_flows.add_user(session, "rita", Role.REVIEWER, "rita passphrase!", kdf_params=fast_kdf_params())
    session.close()
    rita = vault_flows.unlock(vault_dir, user="rita", passphrase="rita passphrase!")
    with pytest.raises(PermissionDenied):
        dataset_flows.import_dataset(rita, customers, name="c2")
    with pytest.raises(PermissionDenied):
        dataset_flows.override_column(rita, "c", "性别", data_class="public")
    with pytest.raises(PermissionDenied):
        dataset_flows.raw_rows(rita, "c")
    assert len(dataset_flows.column_classes(rita, "c")) == 12  # reviewers see the classification
    rita.close()


def _id(prefix: str) -> str:
    return prefix + resident_id_check_char(prefix)


def test_quality_counts_invalid_and_excel_damage(session, tmp_path: Path) -> None:
    good = [_id(f"11010119900307{i:03d}") for i in range(1, 250) if i % 10][:200]  # none can end in 000
    bad_checksum = [v[:-1] + ("0" if v[-1] != "0" else "1") for v in good[:10]]
    damaged = ["1.10101E+17", "110101199003070000"]
    path = tmp_path / "ids.csv"
    path.write_text("身份证号\n" + "\n".join(good + bad_checksum + damaged + good[:5]) + "\n", encoding="utf-8")
    dataset_flows.import_dataset(session, path, name="ids")
    report = dataset_flows.quality_report(session, "ids")
    col = report.columns[0]
    assert col.type == "resident_id"
    assert col.invalid == 12 and col.excel_damaged == 2 and col.duplicates == 5


KILLED_IMPORT = r"""
import sys
from dataroom.core.flows import datasets, vault
s = vault.unlock(sys.argv[1], passphrase=sys.argv[2])
def progress(done, total):
    print("IMPORTING", flush=True)
datasets.import_dataset(s, sys.argv[3], name="killed", progress=progress, classify=False)
"""


def test_kill_during_import_leaves_no_partial_dataset(session, vault_dir: Path, tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    write_customers_csv(big, 200_000, seed=3)
    session.close()
    proc = subprocess.Popen(
        [sys.executable, "-c", KILLED_IMPORT, str(vault_dir), PASSPHRASE, str(big)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "IMPORTING"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    s = vault_flows.unlock(vault_dir, passphrase=PASSPHRASE)
    assert dataset_flows.list_datasets(s) == [] and _tables(s) == []
    assert vault_flows.check_integrity(s).ok
    s.close()
