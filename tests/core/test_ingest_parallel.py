"""Big imports read the file in a child process: same rows, warnings and errors as reading in-process, and a dead or
cancelled child leaves the vault as it was."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dataroom.core.cancel import CancelToken
from dataroom.core.errors import Cancelled
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.ingest import parallel
from dataroom.core.ingest.errors import NotATable, UndecodableText
from dataroom.core.ingest.parallel import ParallelTableReader, use_parallel
from dataroom.core.ingest.table import SourceFormat, TableReader, sniff
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.workers import WorkerStopped


def _read_all(reader_type: type, path: Path, batch: int = 7):  # type: ignore[no-untyped-def]
    fmt = sniff(path)
    with reader_type(path, fmt) as reader:
        rows = [tuple(row) for part in reader.batches(batch) for row in part]
        return reader.header, reader.source_header, rows, [dataclasses.asdict(w) for w in reader.warnings]


@pytest.fixture
def always_parallel(monkeypatch: pytest.MonkeyPatch) -> list[ParallelTableReader]:
    """Every import goes through the child process; the readers made are collected."""
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 0)
    made: list[ParallelTableReader] = []
    original = ParallelTableReader.__init__

    def init(self: ParallelTableReader, *args: object) -> None:
        original(self, *args)  # type: ignore[arg-type]
        made.append(self)

    monkeypatch.setattr(ParallelTableReader, "__init__", init)
    return made


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_same_rows_warnings_and_header_as_in_process(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "t.csv"
    lines = ["姓名,手机,备注,备注", '张三,13800138000,"多行\n备注"', "", "李四,13900139000,x,y,z", "王五,,", ""]
    lines += [f"客户{i},1380013{i:04d},第{i}行,{i}" for i in range(40)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding=encoding)
    expected = _read_all(TableReader, path)
    assert expected[3], "the table must give warnings for the comparison to mean something"
    assert _read_all(ParallelTableReader, path) == expected


def test_progress_reaches_the_file_size(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    write_customers_csv(path, 3000, seed=3)  # several blocks of text
    with ParallelTableReader(path, sniff(path)) as reader:
        seen = [reader.progress for _ in reader.batches(100)]
    assert len(seen) > 3 and seen[-1] == (path.stat().st_size, path.stat().st_size)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)


def test_errors_are_raised_here_with_their_words(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("名字,号码\n".encode() + "张三,1\n".encode() * 20000 + b"\xff\xfe,2\n")
    fmt = SourceFormat("csv", "utf-8", ",", '"', None, (), True)  # as if the user insisted on UTF-8
    with pytest.raises(UndecodableText) as in_process, TableReader(path, fmt) as reader:
        list(reader.batches())
    with pytest.raises(UndecodableText) as in_child, ParallelTableReader(path, fmt) as reader:
        list(reader.batches())
    assert str(in_child.value) == str(in_process.value)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"a,b\n1,\x002\n")
    with pytest.raises(NotATable), ParallelTableReader(nul, fmt) as reader:
        list(reader.batches())


def test_only_big_text_tables_use_a_child(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "c.csv"
    write_customers_csv(path, 200, seed=1)
    fmt = sniff(path)
    assert not use_parallel(path, fmt)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", path.stat().st_size)
    assert use_parallel(path, fmt)
    assert not use_parallel(path, dataclasses.replace(fmt, kind="xlsx"))
    assert not use_parallel(tmp_path / "gone.csv", fmt)


def test_import_through_the_child_matches_an_in_process_import(
    session, tmp_path: Path, always_parallel: list[ParallelTableReader]
) -> None:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, 12_345, seed=5)
    info = dataset_flows.import_dataset(session, path, name="parallel", classify=False)
    assert len(always_parallel) == 1
    parallel.PARALLEL_MIN_BYTES = 1 << 62  # restored by monkeypatch
    reference = dataset_flows.import_dataset(session, path, name="in-process", classify=False)
    assert len(always_parallel) == 1
    assert (info.row_count, info.columns, info.source_sha256) == (
        reference.row_count,
        reference.columns,
        reference.source_sha256,
    )
    for after in (0, 6000, 12_340):
        assert dataset_flows.raw_rows(session, "parallel", after_row=after, limit=50) == dataset_flows.raw_rows(
            session, "in-process", after_row=after, limit=50
        )


def test_cancel_stops_the_child_and_imports_nothing(
    session, tmp_path: Path, always_parallel: list[ParallelTableReader]
) -> None:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, 30_000, seed=2)
    cancel = CancelToken()
    with pytest.raises(Cancelled):
        dataset_flows.import_dataset(session, path, name="c", progress=lambda *_: cancel.cancel(), cancel=cancel)
    assert always_parallel[0]._worker.returncode is not None
    assert dataset_flows.list_datasets(session) == []


def test_a_killed_child_is_reported_in_words_and_imports_nothing(
    session, tmp_path: Path, always_parallel: list[ParallelTableReader]
) -> None:
    path = tmp_path / "customers.csv"
    write_customers_csv(path, 30_000, seed=2)

    def kill_child(done: int, total: int) -> None:
        always_parallel[0]._worker.kill()

    with pytest.raises(WorkerStopped, match="stopped unexpectedly"):
        dataset_flows.import_dataset(session, path, name="c", progress=kill_child)
    assert dataset_flows.list_datasets(session) == []
    dataset_flows.import_dataset(session, path, name="c", classify=False)  # the vault took no damage
