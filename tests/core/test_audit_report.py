"""The PDF audit report: bilingual, states the chain status and head, lists the records, renders, audits itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.audit import report as audit_report
from dataroom.core.documents import text
from dataroom.core.errors import InputError
from dataroom.core.flows import audit as audit_flows


def _fill(session, n: int = 6) -> None:  # type: ignore[no-untyped-def]
    with session.vault.transaction() as tx:
        for i in range(n):
            audit_log.append(tx, session.user, "dataset.view", f"客户-{i}", {"i": i})


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None, reason="needs poppler")
def test_report_lists_the_range_states_the_chain_and_renders(session, tmp_path: Path) -> None:
    _fill(session)
    head = audit_log.verify(session.vault.connection())
    result = audit_flows.report(session, tmp_path / "report", 2, 5)
    assert result.path == tmp_path / "report.pdf" and result.count == 4 and result.status.ok
    assert result.path.stat().st_mode & 0o777 == 0o600
    words = _pdf_text(result.path)
    assert "审计日志报告" in words and "Audit log report" in words
    assert "The hash chain is intact" in words and "哈希链完整" in words
    assert head.head_hash[:32] in words.replace("\n", "").replace(" ", "")
    assert "#2" in words and "#5" in words and "#6 " not in words and "客户-3" in words
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(result.path), str(tmp_path / "page")],
                   check=True)  # fmt: skip
    png = next(tmp_path.glob("page*.png"))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000
    last = audit_log.records(session.vault.connection())[-1]
    assert last.action == "audit.report" and last.details["count"] == 4 and last.details["chain_ok"] is True


def test_report_of_a_tampered_log_marks_the_first_bad_record(session, tmp_path: Path) -> None:
    _fill(session)
    conn = session.vault.connection()
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET actor = 'mallory' WHERE seq = 4")
    status = audit_log.verify(conn)
    chosen = audit_log.records(conn)
    doc = audit_report.build(chosen, status, vault_name="v", vault_id="id", user="alice", first=1, last=None,
                             filters={}, generated_at="2026-11-24T12:00:00.000Z")  # fmt: skip
    words = text.render(doc)
    assert "BROKEN at record #4" in words and "断裂" in words and "它在写入后被修改过" in words
    assert "#4  " in words and "【校验失败 FAILS】" in words and "（未验证 not verified）" in words
    assert words.count("【校验失败 FAILS】") == 1
    result = audit_flows.report(session, tmp_path / "bad.pdf")
    assert not result.status.ok and result.status.first_bad == 4


def test_filters_and_bad_ranges(session, tmp_path: Path) -> None:
    _fill(session)
    result = audit_flows.report(session, tmp_path / "one.pdf", obj="客户-2")
    assert result.count == 1
    with pytest.raises(InputError, match="is empty"):
        audit_flows.report(session, tmp_path / "x.pdf", 5, 3)
    assert audit_flows.count(session, action="dataset.") == 6
    assert audit_flows.count(session, first=3, last=4) == 2
