"""A packet's payload made chunk by chunk — in the caller or by worker processes — is the payload row order, canary
placement and token sample of the whole stream: the same bytes whoever made which chunk."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dataroom.core.datasets import store
from dataroom.core.deal.nda import DatasetScope
from dataroom.core.flows import redaction as redaction_flows
from dataroom.core.flows import transfer
from dataroom.core.redaction import export_chunks, export_workers
from dataroom.core.redaction.binding import bind_policy
from dataroom.core.transfer import container, records
from dataroom.core.transfer.payload_chunks import TOKEN_SAMPLE_SUFFIX, PayloadChunks
from dataroom.core.workers import Worker
from tests.core.test_redaction_helpers import make_dataset
from tests.core.test_transfer_helpers import deal, decrypt_as, fp, members

HEADER = ("客户编号", "手机号", "城市")
ROWS = [(f"C{i:04d}", f"138{i:08d}", ["北京", "上海", '广州, "南沙"'][i % 3]) for i in range(1, 21)]
#: Before rows 1 and 3, twice before 5, before erased row 8 (so before 9), at a chunk's last row, past the end.
CANARY_AT = (1, 3, 5, 5, 8, 12, 25, 99)


def _stream(numbers, rows, canary_at, canary_rows):  # type: ignore[no-untyped-def]
    """The whole payload in one pass: each canary before the first row numbered at least its place, the rest at
    the end; with (1-based place, canary index) of each."""
    out, placed, k = [], [], 0
    for n, row in zip(numbers, rows, strict=True):
        while k < len(canary_at) and canary_at[k] <= n:
            out.append(canary_rows[k])
            placed.append((len(out), k))
            k += 1
        out.append(row)
    for rest in range(k, len(canary_at)):
        out.append(canary_rows[rest])
        placed.append((len(out), rest))
    return out, placed


def _csv(rows) -> str:  # type: ignore[no-untyped-def]
    text = io.StringIO()
    csv.writer(text, lineterminator="\r\n").writerows(rows)
    return text.getvalue()


@pytest.mark.parametrize("chunk_rows", [1, 3, 4, 7, 50])
@pytest.mark.parametrize("redacted", [False, True], ids=["full", "redacted"])
def test_chunks_joined_are_the_one_pass_payload(session, monkeypatch: pytest.MonkeyPatch, chunk_rows: int,
                                                redacted: bool) -> None:  # fmt: skip
    monkeypatch.setattr(export_chunks, "CHUNK_ROWS", chunk_rows)
    types = {"客户编号": ("generic_id", "consent-required"), "手机号": ("mobile", "consent-required")}
    make_dataset(session, "c", HEADER, ROWS, types)
    conn = session.vault.connection()
    info = store.get(conn, "c")
    conn.execute(f"DELETE FROM {info.table} WHERE rn IN (8, 16, 17, 18)")  # gaps, and chunks with no row at all
    compiled = None
    if redacted:
        redaction_flows.edit_policy(session, "c", "客户编号", "pseudonym", {})
        compiled = bind_policy(conn, info, redaction_flows.show_policy(session, "c").policy, pseudonym_key=b"k" * 32)
    canary_rows = [(f"canary {k}", f"MOB_CANARY{k}{TOKEN_SAMPLE_SUFFIX}", "城") for k in range(len(CANARY_AT))]
    maker = PayloadChunks.of(conn, info, compiled, CANARY_AT, canary_rows)
    made = [maker.make(conn, compiled, n) for n in range(maker.chunking.count)]

    kept = [(n, r) for n, r in enumerate(ROWS, start=1) if n not in (8, 16, 17, 18)]
    rows = [r for _, r in kept] if compiled is None else compiled.apply([(n, *r) for n, r in kept]).rows
    expected, placed = _stream([n for n, _ in kept], rows, CANARY_AT, canary_rows)
    assert b"".join(m.data for m in made).decode() == _csv(expected)
    assert sum(m.tally[0] for m in made) == len(expected) == len(kept) + len(CANARY_AT)
    offsets = [sum(m.tally[0] for m in made[:i]) for i in range(len(made))]
    assert [(offsets[i] + at, k) for i, m in enumerate(made) for at, k in m.extra.canaries] == placed
    tokens = [t for m in made for t in m.extra.tokens]
    if compiled is None:
        assert tokens == []
    else:
        assert tokens and all(t.endswith(TOKEN_SAMPLE_SUFFIX) for t in tokens)
        assert sorted(tokens) == sorted(t for r in rows for t in r[:2] if t.endswith(TOKEN_SAMPLE_SUFFIX))


def test_a_dataset_with_every_row_erased_still_carries_its_canaries(session) -> None:  # type: ignore[no-untyped-def]
    make_dataset(session, "c", HEADER, ROWS[:2])
    conn = session.vault.connection()
    info = store.get(conn, "c")
    conn.execute(f"DELETE FROM {info.table}")
    maker = PayloadChunks.of(conn, info, None, (1, 2), [("a", "b", "c"), ("d", "e", "f")])
    (only,) = [maker.make(conn, None, n) for n in range(maker.chunking.count)]
    assert only.data == b"a,b,c\r\nd,e,f\r\n" and only.extra.canaries == [(1, 0), (2, 1)]


def test_canary_places_must_ascend(session) -> None:  # type: ignore[no-untyped-def]
    make_dataset(session, "c", HEADER, ROWS[:2])
    conn = session.vault.connection()
    with pytest.raises(ValueError, match="ascending"):
        PayloadChunks.of(conn, store.get(conn, "c"), None, (2, 1), [("a",), ("b",)])


def _body(receiver, path: Path) -> tuple[dict, str]:  # type: ignore[no-untyped-def]
    head, body = decrypt_as(receiver, members(path)[container.PAYLOAD]).decode("utf-8").split("\n", 1)
    return json.loads(head), body


@pytest.mark.parametrize("full", [False, True], ids=["redacted", "full"])
def test_worker_processes_write_the_packet_the_caller_writes_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full: bool
) -> None:
    everything = ("public", "consent-required", "sensitive")
    seller, buyer, nda_id = deal(tmp_path, full_data=True, classes=everything, datasets=(DatasetScope("customers"),))
    monkeypatch.setattr(export_chunks, "CHUNK_ROWS", 2)  # 5 rows: three chunks
    started: list[str] = []
    original = Worker.__init__
    monkeypatch.setattr(Worker, "__init__", lambda self, module: started.append(module) or original(self, module))
    sent = {}
    for helpers in (0, 2):
        monkeypatch.setattr(export_workers, "worker_count", lambda rows, n=helpers: n)
        sent[helpers] = transfer.export_packet(seller, "customers", fp(buyer), nda_id, full=full,
                                               out=tmp_path / f"{helpers}.drpkt")  # fmt: skip
    assert started == ["dataroom.core.redaction.export_workers"] * 2
    (head0, body0), (head2, body2) = _body(buyer, sent[0].path), _body(buyer, sent[2].path)
    assert head0["packet_id"] != head2["packet_id"] and head0["columns"] == head2["columns"]
    assert body0 == body2 and sent[0].rows == sent[2].rows == 5 + sent[0].canaries
    conn = seller.vault.connection()
    planted = {k: [(at, tuple(v)) for pid, _, at, v in records.canaries(conn) if pid == s.packet_id]
               for k, s in sent.items()}  # fmt: skip
    assert planted[0] == planted[2] and len(planted[0]) == (0 if full else 1)
    payload_rows = list(csv.reader(io.StringIO(body2, newline="")))
    assert all(payload_rows[at - 1] == list(values) for at, values in planted[2])
    assert (sent[0].manifest.plaintext_size, sent[0].manifest.rows) == (sent[2].manifest.plaintext_size, sent[2].rows)
    assert transfer.import_packet(buyer, sent[2].path, name="二").info.row_count == sent[2].rows
    for s in (seller, buyer):
        s.close()
