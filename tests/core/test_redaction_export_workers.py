"""The redacted export made by worker processes writes the very bytes one process writes, and a cancelled
or broken export leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from dataroom.core.cancel import CancelToken
from dataroom.core.deal import consent
from dataroom.core.errors import Cancelled
from dataroom.core.flows import redaction as flows
from dataroom.core.pii.synthetic import CUSTOMER_COLUMNS, generate_customers
from dataroom.core.redaction import export_chunks, export_workers
from dataroom.core.redaction.policy import Suppression
from dataroom.core.subjects import subject_key, subject_token
from dataroom.core.workers import Worker, WorkerStopped
from tests.core.test_redaction_helpers import make_dataset

ROWS = 1_000


@pytest.fixture
def customers(session):  # type: ignore[no-untyped-def]
    """1,000 synthetic customers with hostile cells, a consent on record, a suppression rule and two erased rows,
    so the chunks hold blanked rows, formula starts and gaps in the row numbers."""
    rows = [list(r) for r in generate_customers(ROWS, seed=11)]
    rows[3][1] = "=HYPERLINK(1)"
    rows[500][11] = '-"quoted", with a comma\nand a line break'
    types = {"客户编号": ("customer_id", "consent-required"), "手机号": ("mobile", "consent-required"),
             "身份证号": ("resident_id", "sensitive")}  # fmt: skip
    make_dataset(session, "customers", CUSTOMER_COLUMNS, rows, types)
    flows.edit_policy(session, "customers", "备注", "keep", {})
    flows.set_suppression(session, "customers", Suppression("手机号", "mobile", "transfer", "blank"))
    token = subject_token(subject_key(session.vault.connection()), "mobile", rows[10][4])
    with session.vault.transaction() as tx:
        consent.insert(tx, token, "transfer", [], "paper-form", "F-1", dt.date(2024, 1, 1), None, "b1", "now", "alice")
    for erased in (rows[0][3], rows[401][3]):
        flows.erase_subject(session, "resident_id", erased)
    return rows


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[Worker]:
    """Every worker the test starts, in order; with chunks of 64 rows, so the small table makes many."""
    monkeypatch.setattr(export_chunks, "CHUNK_ROWS", 64)
    made: list[Worker] = []
    original = Worker.__init__

    def init(self: Worker, module: str) -> None:
        original(self, module)
        made.append(self)

    monkeypatch.setattr(Worker, "__init__", init)
    return made


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An empty folder for the export."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _export(session, path: Path, helpers: int, monkeypatch, **kwargs):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(export_workers, "worker_count", lambda rows: helpers)
    return flows.export_redacted(session, "customers", path, **kwargs)


def _body(path: Path) -> bytes:
    return b"".join(line for line in path.read_bytes().splitlines(keepends=True) if b"# exported (UTC)" not in line)


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_three_workers_write_what_the_caller_writes_alone(
    session, customers, started: list[Worker], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, encoding: str
) -> None:
    one = _export(session, tmp_path / "one.csv", 0, monkeypatch, encoding=encoding)
    three = _export(session, tmp_path / "three.csv", 3, monkeypatch, encoding=encoding)
    assert len(started) == 3  # 16 chunks of 64 rows: every worker makes several
    assert _body(tmp_path / "one.csv") == _body(tmp_path / "three.csv")
    assert (three.rows, three.blanked, three.dropped) == (one.rows, one.blanked, one.dropped) == (ROWS - 2, ROWS - 3, 0)
    assert three.sha256 == hashlib.sha256((tmp_path / "three.csv").read_bytes()).hexdigest()


def test_three_workers_write_the_workbook_the_caller_writes_alone(
    session, customers, started: list[Worker], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataroom.core.redaction import xlsx

    monkeypatch.setattr(xlsx, "MAX_ROWS", 301)  # sheets of 300 rows: chunks of 64 cross sheet ends
    one = _export(session, tmp_path / "one.xlsx", 0, monkeypatch, fmt="xlsx")
    three = _export(session, tmp_path / "three.xlsx", 3, monkeypatch, fmt="xlsx")
    assert len(started) == 3
    with zipfile.ZipFile(tmp_path / "one.xlsx") as a, zipfile.ZipFile(tmp_path / "three.xlsx") as b:
        sheets = [n for n in a.namelist() if n.startswith("xl/worksheets/")]
        assert len(sheets) == 5 and sheets == [n for n in b.namelist() if n.startswith("xl/worksheets/")]
        assert all(a.read(n) == b.read(n) for n in sheets[1:])  # the About sheet holds the export time
    assert (three.rows, three.blanked) == (one.rows, one.blanked) == (ROWS - 2, ROWS - 3)


def test_a_callers_consent_lookup_keeps_the_export_in_process(
    session, customers, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[str] = []
    monkeypatch.setattr(Worker, "__init__", lambda self, module: started.append(module) or 1 / 0)
    monkeypatch.setattr(export_workers, "worker_count", lambda rows: 2)
    flows.export_redacted(session, "customers", tmp_path / "c.csv", consent=consent.ConsentRegistry(
        session.vault.connection(), "transfer"))  # fmt: skip
    assert started == []


def test_cancel_stops_the_workers_and_leaves_no_file(
    session, customers, started: list[Worker], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if len(seen) == 3:
            token.cancel()

    with pytest.raises(Cancelled):
        _export(session, out / "c.csv", 2, monkeypatch, progress=progress, cancel=token)
    assert seen == [64, 128, 192] and len(started) == 2 and all(w.returncode is not None for w in started)
    assert os.listdir(out) == []


def test_a_killed_worker_is_reported_in_words(
    session, customers, started: list[Worker], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Worker.order

    def order_then_die(self: Worker, message: object) -> None:
        original(self, message)
        self.kill()

    monkeypatch.setattr(Worker, "order", order_then_die)
    with pytest.raises(WorkerStopped, match="stopped unexpectedly"):
        _export(session, out / "c.csv", 2, monkeypatch)
    assert os.listdir(out) == []


def test_big_exports_use_the_cores_there_are(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7}, raising=False)
    assert export_workers.worker_count(export_workers.PARALLEL_MIN_ROWS - 1) == 0
    assert export_workers.worker_count(export_workers.PARALLEL_MIN_ROWS) == export_workers.MAX_WORKERS
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert export_workers.worker_count(10**7) == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert export_workers.worker_count(10**7) == 0


def test_a_failed_write_stops_the_workers_before_the_error_is_seen(
    session, customers, started: list[Worker], out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataroom.core.redaction import export as export_mod

    def full_disk(fh, encoding, label, headers, chunks, digest) -> None:  # type: ignore[no-untyped-def]
        next(chunks)
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(export_mod, "_write_csv", full_disk)
    with pytest.raises(OSError) as failed:
        _export(session, out / "c.csv", 2, monkeypatch)
    assert failed.value.errno == errno.ENOSPC
    assert all(w.returncode is not None for w in started)  # closed while the traceback still holds the export's frames
    assert os.listdir(out) == []
