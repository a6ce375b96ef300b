"""Transfer speed on 1,000,000 synthetic customers × 12 columns, with each figure's ratio to its goal.

Run: ``.venv/bin/python benchmarks/transfer.py [rows]``. Two vaults (seller, buyer) are built under /tmp — the CSV
written with ``synthetic.write_customers_csv`` and imported by the import flow — and deleted at the end.

Goals (issue 7), MB/s of payload plaintext:

* encrypt+sign: the sealing stage of a packet export (``sending.seal``: plaintext hashed, age encryption to the
  recipient, the container written with its CRC and hash, the manifest built and Ed25519-signed), fed with the
  payload already rendered                                               >= 150 MB/s
* verify+decrypt: the checking and decrypting stages of an import (``receiving.inspect``: container, signature,
  hashes of the file and the ciphertext; ``receiving.decrypt``: age decryption of the ciphertext, hashed again as
  it is read), into a sink that only hashes the plaintext                >= 150 MB/s
* receipt generation < 1 s; receipt verification < 1 s

The whole export (read rows, redact, CSV, then the sealing stage) and the whole import (the verify+decrypt stage,
then CSV parsing and inserting the rows in one transaction) are recorded too, each with its floor: a bare SELECT
of the columns the export reads, and a bare ``executemany`` of the parsed rows; the bare age encrypt/decrypt
speed of the same plaintext is printed as well. Peak RSS is VmHWM from /proc/self/status, reset before each phase.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import keyring
import pyrage
from _figures import record
from keyring.backends import fail

from dataroom.core.atomic import atomic_writer
from dataroom.core.audit import log as audit_log
from dataroom.core.deal import counterparties, identity
from dataroom.core.deal import nda as ndas
from dataroom.core.deal.nda import DatasetScope, NdaTerms
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties, transfer
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.flows.transfer import _plan
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.redaction.export_chunks import CHUNK_ROWS
from dataroom.core.secrets.kdf import KdfParams
from dataroom.core.session import Session
from dataroom.core.transfer import container, payload, receiving, sending
from dataroom.core.transfer import policy_view as views
from dataroom.core.transfer.payload_chunks import PayloadChunks

PASSPHRASE = "benchmark passphrase 2026"
GOAL_MBPS = 150.0


def _vm_hwm_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_hwm() -> None:
    """Linux ≥ 4.0 resets the peak RSS when 5 is written to clear_refs; elsewhere the peak stays cumulative."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
    except OSError:
        pass


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _line(label: str, value: str) -> None:
    """A supporting measurement that has no goal of its own (floors, breakdowns, memory)."""
    print(f"  {label:<58} {value:>14}")


def _throughput(figure: str, mb: float, seconds: float) -> None:
    rate = mb / seconds
    record(figure, rate, "MB/s", goal=f"≥ {GOAL_MBPS:.0f} MB/s", ratio=GOAL_MBPS / rate, met=rate >= GOAL_MBPS)


def _latency(figure: str, seconds: float) -> None:
    record(figure, seconds * 1000, "ms", goal="< 1 s", ratio=seconds, met=seconds < 1.0)


def _party(root: Path, name: str, org: str, person: str, email: str, role: str) -> Session:
    session = vault_flows.create(root / name, owner=name, passphrase=PASSPHRASE, use_keyring=False,
                                 kdf_params=KdfParams(os.urandom(16), 1, 64, 1))  # fmt: skip
    parties.create_identity(session, org, person, email, role)
    return session


def _setup(root: Path, rows: int) -> tuple[Session, Session, str]:
    seller = _party(root, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    buyer = _party(root, "buyer", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    for src, dst in ((seller, buyer), (buyer, seller)):
        card = parties.export_card(src, root / f"{src.user}.drcard")
        parties.confirm_card(dst, parties.import_card(dst, card).card.fingerprint, "in-person")
    csv_path = root / "customers.csv"
    elapsed, _ = _timed(lambda: write_customers_csv(csv_path, rows, seed=1))
    print(f"  wrote {rows:,} synthetic rows ({csv_path.stat().st_size / 1e6:.0f} MB CSV) in {elapsed:.1f} s")
    elapsed, _ = _timed(lambda: dataset_flows.import_dataset(seller, csv_path, name="customers"))
    print(f"  imported and classified them in the seller's vault in {elapsed:.1f} s")
    csv_path.unlink()
    for column in ("身份证号", "银行卡号", "备注"):  # the sensitive columns and free text stay home
        redaction_flows.edit_policy(seller, "customers", column, "withhold")
    today = dt.date.today()
    terms = NdaTerms(
        title="客户数据评估保密协议", counterparties=(parties.show_identity(buyer).fingerprint,),
        purpose=Bilingual("评估客户资产", "evaluating the customer base"), datasets=(DatasetScope("customers"),),
        effective_on=today - dt.timedelta(days=1), expires_on=today + dt.timedelta(days=365), full_data=True,
        classes=("public", "consent-required", "sensitive"),
    )  # fmt: skip
    nda_id = nda_flows.new_nda(seller, terms).id
    nda_flows.sign_nda(seller, nda_id)
    nda_flows.import_nda(buyer, nda_flows.export_nda(seller, nda_id, root / "nda"))
    nda_flows.sign_nda(buyer, nda_id)
    nda_flows.import_nda(seller, nda_flows.export_nda(buyer, nda_id, root / "nda-signed"))
    return seller, buyer, nda_id


def _redact_only(seller: Session, buyer_fp: str) -> int:
    """The export pipeline up to (not including) encryption, in this process alone: rows read, redacted, written
    as CSV text."""
    conn = seller.vault.connection()
    info = dataset_flows.get_dataset(seller, "customers")
    stored = views.resolve(conn, info, None)
    compiled = views.compile_for(conn, info, stored, views.pseudonym_key(conn, buyer_fp))
    maker = PayloadChunks.of(conn, info, compiled, [], [])
    chunks = sending._chunks(conn, maker, compiled, sending._State(), None, lambda d, t: None, None)
    source = payload.PayloadSource(payload.header("PKT-X", compiled.headers), chunks)
    while source.read(1 << 16):
        pass
    return source.size


def _decrypt_parse(buyer: Session, path: Path, *, insert: bool) -> float:
    """The import pipeline by hand: verified, decrypted, parsed; with ``insert`` the rows also go into a scratch
    table by bare ``executemany`` (rolled back). Returns the seconds spent in ``executemany`` alone."""
    conn = buyer.vault.connection()
    checked = receiving.inspect(conn, path)
    m, box = checked.manifest, checked.container
    assert m is not None and box is not None
    width = len(m.columns)
    spent = [0.0]
    insert_sql = f"INSERT INTO scratch ({', '.join(f'c{i}' for i in range(width))}) VALUES ({', '.join('?' * width)})"

    def rows_in(rows: list[list[str]]) -> None:
        if insert:
            start = time.perf_counter()
            conn.executemany(insert_sql, rows)
            spent[0] += time.perf_counter() - start

    sink = payload.PayloadSink(m.packet_id, [c.name for c in m.columns], m.plaintext_size, rows_in)
    age = identity.keyset(conn).age
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"CREATE TABLE scratch (rn INTEGER PRIMARY KEY, {', '.join(f'c{i} TEXT' for i in range(width))})")
        with box.open_member(container.PAYLOAD) as member:
            pyrage.decrypt_io(member, sink, [age])
        sink.finish()
    finally:
        conn.execute("ROLLBACK")
    return spent[0]


class _Rendered(payload.PayloadSource):
    """The app's payload source over a payload rendered beforehand: reading, hashing and counting are its own
    code, only the rendering of rows into CSV (part of the export, not of sealing) has been done already."""

    def __init__(self, chunks: list[bytes], rows: int) -> None:
        super().__init__({}, iter(()))
        self._chunks = iter(chunks)
        self.rows = rows


class _HashingNullSink:
    """Where the verify+decrypt stage writes: the plaintext is hashed (to check it against the manifest) and
    dropped."""

    def __init__(self) -> None:
        self.sha256 = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.sha256.update(data)
        self.size += len(data)
        return len(data)

    def flush(self) -> None:
        """Nothing is kept."""


def _plaintext(buyer: Session, path: Path) -> bytes:
    """The payload plaintext of a packet, decrypted in memory."""
    plain = io.BytesIO()
    encrypted = b"".join(container.open_container(path).iter_member(container.PAYLOAD))
    pyrage.decrypt_io(io.BytesIO(encrypted), plain, [identity.keyset(buyer.vault.connection()).age])
    return plain.getvalue()


def _seal(seller: Session, buyer_fp: str, nda_id: str, sent: transfer.PacketExport, data: bytes, out: Path) -> float:
    """The sealing stage of the app's export, on ``sent``'s payload rendered beforehand, written to ``out``."""
    conn = seller.vault.connection()
    plan = _plan(conn, "customers", buyer_fp, False, None)
    agreement = ndas.get(conn, nda_id)
    parties_ = sending.Parties(identity.keyset(conn), identity.current(conn).card,
                               counterparties.get(conn, buyer_fp).card)  # fmt: skip
    sealing = sending.Sealing(sent.packet_id, plan.info, plan.release, parties_,
                              (agreement.id, agreement.content_sha256), audit_log.head(conn))  # fmt: skip
    step = 4 << 20
    source = _Rendered([data[i : i + step] for i in range(0, len(data), step)], sent.manifest.rows)
    start = time.perf_counter()
    with atomic_writer(out) as fh:
        sending.seal(fh, source, sealing)
    return time.perf_counter() - start


def _verify_decrypt(buyer: Session, path: Path) -> float:
    """The verify+decrypt stage of the app's import on ``path``, into a sink that hashes; checked like the app
    checks it."""
    conn = buyer.vault.connection()
    start = time.perf_counter()
    checked = receiving.inspect(conn, path)
    m = checked.manifest
    assert m is not None and checked.recipient_generation is not None and not checked.problems, checked.problems
    sink = _HashingNullSink()
    ciphertext_sha256 = receiving.decrypt(checked, identity.keyset(conn, checked.recipient_generation).age, sink)
    assert ciphertext_sha256 == m.payload_sha256 and sink.sha256.hexdigest() == m.plaintext_sha256
    return time.perf_counter() - start


def _read_floor(seller: Session, buyer_fp: str) -> float:
    """Seconds to fetch the columns the policy reads, bare (``SELECT`` + ``fetchmany``), nothing else."""
    conn = seller.vault.connection()
    info = dataset_flows.get_dataset(seller, "customers")
    compiled = views.compile_for(conn, info, views.resolve(conn, info, None), views.pseudonym_key(conn, buyer_fp))
    cols = ", ".join(f"c{p}" for p in compiled.sources())
    start = time.perf_counter()
    cur = conn.execute(f"SELECT rn, {cols} FROM {info.table} ORDER BY rn")
    while cur.fetchmany(CHUNK_ROWS):
        pass
    return time.perf_counter() - start


def main() -> int:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    keyring.set_keyring(fail.Keyring())
    root = Path(tempfile.mkdtemp(prefix="dataroom-bench-transfer-", dir="/tmp"))
    try:
        print(f"Transfer benchmark: {rows:,} rows × 12 columns (vaults under {root})")
        seller, buyer, nda_id = _setup(root, rows)
        buyer_fp = parties.show_identity(buyer).fingerprint
        out = root / "out"
        out.mkdir()

        print("Packet export (redacted: 9 of 12 columns released, 3 pseudonymised)")
        _reset_hwm()
        t_export, sent = _timed(lambda: transfer.export_packet(seller, "customers", buyer_fp, nda_id,
                                                               out=out / "redacted.drpkt"))  # fmt: skip
        hwm_export = _vm_hwm_mb()
        mb = sent.manifest.plaintext_size / 1e6
        _line("payload plaintext / packet file", f"{mb:.0f} / {sent.path.stat().st_size / 1e6:.0f} MB")
        _throughput("packet export, redacted (redact + CSV + encrypt + sign + write)", mb, t_export)
        t_redact, _ = _timed(lambda: _redact_only(seller, buyer_fp))
        _line("  of which read + redact + CSV (no encryption), in one process", f"{mb / t_redact:.0f} MB/s")
        _line("  floor: bare SELECT of the columns read", f"{mb / _read_floor(seller, buyer_fp):.0f} MB/s")
        _line("  peak RSS during export (VmHWM)", f"{hwm_export:.0f} MB")
        t_full, full = _timed(lambda: transfer.export_packet(seller, "customers", buyer_fp, nda_id, full=True,
                                                             out=out / "full.drpkt"))  # fmt: skip
        full_mb = full.manifest.plaintext_size / 1e6
        _throughput(f"packet export, full data ({full_mb:.0f} MB)", full_mb, t_full)

        print("Packet stages, each through the app's own code (payload MB/s)")
        data = _plaintext(buyer, sent.path)
        t_seal = min(_seal(seller, buyer_fp, nda_id, sent, data, out / f"sealed-{i}.drpkt") for i in range(3))
        _throughput("packet encrypt+sign (seal a rendered payload; best of 3)", mb, t_seal)
        t_open = min(_verify_decrypt(buyer, sent.path) for _ in range(3))
        _throughput("packet verify+decrypt (inspect + decrypt + hash; best of 3)", mb, t_open)
        del data

        print("Packet import (verify, hash, decrypt, parse, insert, commit — one transaction)")
        _reset_hwm()
        t_import, _ = _timed(lambda: transfer.import_packet(buyer, sent.path, name="received"))
        hwm_import = _vm_hwm_mb()
        _throughput("packet import, redacted (verify + decrypt + insert)", mb, t_import)
        t_parse, _ = _timed(lambda: _decrypt_parse(buyer, sent.path, insert=False))
        _line("  of which verify + hash + decrypt + parse (no inserts)", f"{mb / t_parse:.0f} MB/s")
        t_inserts = _decrypt_parse(buyer, sent.path, insert=True)
        _line("  floor: bare executemany of the parsed rows", f"{mb / t_inserts:.0f} MB/s")
        _line("  peak RSS during import (VmHWM)", f"{hwm_import:.0f} MB")
        t_full_import, _ = _timed(lambda: transfer.import_packet(buyer, full.path, name="received-full"))
        _throughput(f"packet import, full data ({full_mb:.0f} MB)", full_mb, t_full_import)

        print("Bare age (pyrage) on the same plaintext, in memory")
        data = _plaintext(buyer, sent.path)
        ciphertext = io.BytesIO()
        recipient = pyrage.x25519.Recipient.from_str(parties.show_identity(buyer).card.age_recipient)
        t_enc, _ = _timed(lambda: pyrage.encrypt_io(io.BytesIO(data), ciphertext, [recipient]))
        sink = io.BytesIO()
        age = identity.keyset(buyer.vault.connection()).age
        t_dec, _ = _timed(lambda: pyrage.decrypt_io(io.BytesIO(ciphertext.getvalue()), sink, [age]))
        _line("encrypt", f"{len(data) / 1e6 / t_enc:.0f} MB/s")
        _line("decrypt", f"{len(data) / 1e6 / t_dec:.0f} MB/s")

        print("Receipts (mean of 5)")
        t_make = t_check = t_counter = t_record = 0.0
        for i in range(5):
            dt_, receipt = _timed(lambda i=i: transfer.make_receipt(seller, sent.packet_id, out=out / f"r{i}.pdf"))
            t_make += dt_ / 5
            t_check += _timed(lambda r=receipt: transfer.show_receipt(r.path, buyer))[0] / 5
            dt_, counter = _timed(lambda r=receipt: transfer.countersign_receipt(buyer, r.path))
            t_counter += dt_ / 5
            t_record += _timed(lambda c=counter: transfer.record_receipt(seller, c.path))[0] / 5
        _latency("receipt generation (render, attach, sign)", t_make)
        _latency("receipt verification (sender's signature)", t_check)
        _latency("receipt counter-signing (verify + sign)", t_counter)
        _latency("receipt recording (verify both signatures)", t_record)
        seller.close()
        buyer.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
