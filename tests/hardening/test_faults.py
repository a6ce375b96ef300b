"""kill -9 of the real CLI at ≥ 10 numbered I/O points of import, redacted export, packet import, rekey, backup and
restore, and a full disk during each write: the vault always opens and verifies, shows the state before or after
the operation and never one in between, loses no committed row, and leaves no plaintext behind.

How the CLI is killed is described in :mod:`tests.hardening.faults`. Every state the operations start from is built
once per module in-process (cheap KDF) and copied for each run.
"""

from __future__ import annotations

import csv
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import keyring
import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import transfer as transfer_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.secrets import kdf
from dataroom.core.vault import backup as vault_backup
from dataroom.core.vault.connection import integrity_check
from tests.conftest import PASSPHRASE, MemoryKeyring, fast_kdf_params
from tests.core.test_transfer_helpers import deal, fp
from tests.hardening.faults import Outcome, Zygote, spread

BIG_ROWS = 3000
KILL_POINTS = 12
BACKUP_PASSPHRASE = "backup passphrase for faults"


@dataclass(frozen=True)
class World:
    """The starting states, built once: a vault with a committed dataset, its backup, a big CSV, a buyer vault
    with a packet to import, and the plaintext values that must never appear in a stray file."""

    root: Path
    vault: Path  # owner alice; dataset "base" = the big CSV
    buyer: Path  # owner buyer; a packet from the seller waits in packet
    packet: Path
    backup: Path  # of ``vault``, before the dataset "later" was added to ``vault_later``
    vault_later: Path
    big_csv: Path
    secrets: tuple[str, ...]
    pass_file: Path
    backup_pass_file: Path


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    root = tmp_path_factory.mktemp("faults")
    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as mp:  # the module-scoped twin of the root conftest's isolation
        mp.setenv("HOME", str(root / "home"))
        mp.setenv("XDG_CONFIG_HOME", str(root / "home" / "config"))
        mp.setattr(kdf, "calibrate", lambda *a, **k: fast_kdf_params())
        keyring.set_keyring(MemoryKeyring())
        try:
            yield _build_world(root)
        finally:
            keyring.set_keyring(previous)


def _build_world(root: Path) -> World:
    big = root / "inputs" / "customers.csv"
    big.parent.mkdir()
    write_customers_csv(big, BIG_ROWS, seed=11)
    with big.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    # Resident IDs, bank cards and mobiles: the default policy withholds or masks them, so none may sit in clear.
    secrets = tuple(row[col] for row in rows[:3] for col in ("身份证号", "银行卡号") if row[col])

    s = vault_flows.create(root / "pristine" / "vault", owner="alice", passphrase=PASSPHRASE,
                           use_keyring=False, kdf_params=fast_kdf_params())  # fmt: skip
    dataset_flows.import_dataset(s, big, name="base")
    s.vault.connection().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = root / "inputs" / "before.drbak"
    vault_flows.backup(s, backup, BACKUP_PASSPHRASE, kdf_params=fast_kdf_params())
    s.close()
    later = root / "pristine" / "later" / "vault"
    shutil.copytree(root / "pristine" / "vault", later)
    s = vault_flows.unlock(later, passphrase=PASSPHRASE)
    dataset_flows.import_dataset(s, big, name="later", classify=False)
    s.close()

    seller, buyer, nda_id = deal(root / "deal")
    sent = transfer_flows.export_packet(seller, "customers", fp(buyer), nda_id, out=root / "inputs" / "p.drpkt")
    seller.close()
    buyer.close()

    pass_file, backup_pass_file = root / "inputs" / "pass", root / "inputs" / "backup-pass"
    pass_file.write_text(PASSPHRASE + "\n")
    backup_pass_file.write_text(BACKUP_PASSPHRASE + "\n")
    return World(root, root / "pristine" / "vault", root / "deal" / "buyer", sent.path, backup, later, big,
                 secrets, pass_file, backup_pass_file)  # fmt: skip


@pytest.fixture(scope="module")
def zygote(world: World) -> Iterator[Zygote]:
    env = {"HOME": str(world.root / "home"), "PATH": "/usr/bin:/bin", "TMPDIR": str(world.root / "tmp")}
    (world.root / "tmp").mkdir()
    with Zygote(world.root / "runs", env) as z:
        yield z


# --- what must hold after every run ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """What an operation may change, read from a vault with the owner's passphrase."""

    datasets: dict[str, int]  # name -> row count
    audit: list[tuple[int, str, bytes]]  # (seq, action, hash)


def snapshot(vault: Path) -> Snapshot:
    """Open ``vault`` and check it: page HMACs (``cipher_integrity_check``), structure, audit chain."""
    s = vault_flows.unlock(vault, passphrase=PASSPHRASE)
    try:
        conn = s.vault.connection()
        integrity_check(conn)
        status = audit_log.verify(conn)
        assert status.ok, status.describe()
        datasets = {d.name: d.row_count for d in dataset_flows.list_datasets(s)}
        for d in dataset_flows.list_datasets(s):  # the recorded count is the table's: no partial dataset
            assert conn.execute(f'SELECT count(*) FROM "{d.table}"').fetchone()[0] == d.row_count, d.name
        records = [(r.seq, r.action, r.hash) for r in audit_log.records(conn)]
    finally:
        s.close()
    return Snapshot(datasets, records[:-1])  # without the unlock just recorded


def files(directory: Path) -> set[Path]:
    return {p for p in directory.rglob("*") if p.is_file()}


def assert_no_plaintext(world: World, new_files: set[Path], allowed: Callable[[Path], bool] = lambda p: False) -> None:
    """No file the run left (temp files included) holds a withheld value in clear, in UTF-8 or GB18030."""
    needles = [s.encode(enc) for s in world.secrets for enc in ("utf-8", "gb18030", "utf-16-le")]
    for path in new_files:
        if allowed(path):
            continue
        data = path.read_bytes()
        assert not any(n in data for n in needles), f"plaintext personal data in {path}"


@dataclass(frozen=True)
class Operation:
    """One CLI operation: the starting state to copy, its arguments, and what its output file must be if present."""

    start: Callable[[World], Path]  # the vault folder to copy
    argv: Callable[[World, Path], list[str]]  # given the copied vault folder
    output: Callable[[Path], None] = lambda run: None  # checks run/out when the operation wrote there


def assert_kept(before: Snapshot, after: Snapshot) -> None:
    """No committed row lost: every dataset there before still has its rows, the audit log only grew."""
    assert {k: v for k, v in after.datasets.items() if k in before.datasets} == before.datasets
    assert after.audit[: len(before.audit)] == before.audit, "a committed audit record was lost or changed"


def _whole_export(run: Path) -> None:
    out = run / "out" / "redacted.csv"
    if out.exists():  # complete or absent: the header plus every row
        with out.open(encoding="utf-8-sig", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) >= BIG_ROWS + 1


def _whole_backup(run: Path) -> None:
    out = run / "out" / "b.drbak"
    if out.exists():  # a backup that is there is whole: it restores, and holds the dataset
        vault_backup.restore_backup(out, run / "restored", BACKUP_PASSPHRASE)
        assert snapshot(run / "restored").datasets == {"base": BIG_ROWS}


OPERATIONS: dict[str, Operation] = {
    "import": Operation(lambda w: w.vault, lambda w, v: ["import", str(w.big_csv), "--name", "imported"]),
    "redacted-export": Operation(
        lambda w: w.vault,
        lambda w, v: ["export", "base", "--out", str(v.parent / "out" / "redacted.csv")],
        _whole_export,
    ),
    "packet-import": Operation(
        lambda w: w.buyer, lambda w, v: ["packet", "import", str(w.packet), "--name", "received"]
    ),
    "rekey": Operation(lambda w: w.vault, lambda w, v: ["rekey"]),
    "backup": Operation(
        lambda w: w.vault,
        lambda w, v: ["backup", str(v.parent / "out" / "b.drbak"), "--backup-passphrase-file", str(w.backup_pass_file)],
        _whole_backup,
    ),
    "restore": Operation(
        lambda w: w.vault_later,
        lambda w, v: ["restore", str(w.backup), "--replace", "--backup-passphrase-file", str(w.backup_pass_file)],
    ),
}


@dataclass(frozen=True)
class Traced:
    """An operation run to its end once: every I/O call it made, and the states before and after it."""

    calls: list[str]
    before: Snapshot
    done: Snapshot


@pytest.fixture(scope="module")
def traced(world: World, zygote: Zygote) -> Callable[[str], Traced]:
    cache: dict[str, Traced] = {}

    def get(name: str) -> Traced:
        if name not in cache:
            op = OPERATIONS[name]
            before = snapshot(op.start(world))  # copies are taken after this, so they hold the same records
            vault, argv = _prepare(world, op, world.root / "traced" / name)
            outcome = zygote.run(argv, trace=True)
            assert outcome.code == 0, outcome.stderr
            cache[name] = Traced(outcome.calls, before, snapshot(vault))
        return cache[name]

    return get


def _prepare(world: World, op: Operation, run: Path) -> tuple[Path, list[str]]:
    vault = run / "vault"
    shutil.copytree(op.start(world), vault)
    (run / "out").mkdir()
    argv = ["--vault", str(vault), "--passphrase-file", str(world.pass_file), *op.argv(world, vault)]
    return vault, argv


def assert_before_or_after(world: World, name: str, run: Path, vault: Path, trace: Traced, outcome: Outcome) -> None:
    """The vault opens (with the owner's passphrase: the old key or the new one, never neither) and verifies; it is
    in the state before the operation or after it; nothing committed is lost; no stray file holds plaintext."""
    assert "Traceback" not in outcome.stderr, outcome.stderr
    after = snapshot(vault)
    before, done = trace.before, trace.done
    assert after.datasets in (before.datasets, done.datasets), f"in between: {after.datasets}"
    if name == "restore" and after.datasets != before.datasets:  # restored: the old vault is kept aside, whole
        (old,) = run.glob("vault.replaced-*")
        assert_kept(before, snapshot(old))
    else:
        assert_kept(before, after)
    OPERATIONS[name].output(run)
    assert_no_plaintext(world, files(run) | files(world.root / "tmp"))


@pytest.mark.parametrize("name", list(OPERATIONS))
def test_kill_minus_nine_at_every_phase(world: World, zygote: Zygote, traced, tmp_path: Path, name: str) -> None:
    trace = traced(name)
    renames = {i for i, call in enumerate(trace.calls, start=1) if call in ("replace", "rename")}  # every swap step
    for point in sorted(set(spread(len(trace.calls), KILL_POINTS)) | renames):
        run = tmp_path / f"kill-{point}"
        vault, argv = _prepare(world, OPERATIONS[name], run)
        outcome = zygote.run(argv, kill_at=point)
        where = f"{name} killed before I/O call {point} ({trace.calls[point - 1]}) of {len(trace.calls)}"
        assert outcome.killed, f"{where}: not killed ({outcome.code}, {outcome.stderr})"
        try:
            assert_before_or_after(world, name, run, vault, trace, outcome)
        except Exception as exc:
            raise AssertionError(f"{where}: {exc}") from exc


@pytest.mark.parametrize("name", list(OPERATIONS))
@pytest.mark.parametrize("limit", [64 << 10, 512 << 10])
def test_disk_full(world: World, zygote: Zygote, traced, tmp_path: Path, name: str, limit: int) -> None:
    """Every write past ``limit`` bytes fails with EFBIG, as writes do on a full disk: one line in words, exit 1."""
    trace = traced(name)
    vault, argv = _prepare(world, OPERATIONS[name], tmp_path)
    outcome = zygote.run(argv, fsize=limit)
    if limit == 64 << 10 or outcome.code != 0:
        assert outcome.code == 1, outcome.stderr
        assert outcome.stderr.startswith("dataroom: ") and outcome.stderr.count("\n") == 1, outcome.stderr
        assert "disk" in outcome.stderr and "unexpected" not in outcome.stderr, outcome.stderr
        assert snapshot(vault).datasets == trace.before.datasets
    assert_before_or_after(world, name, tmp_path, vault, trace, outcome)
