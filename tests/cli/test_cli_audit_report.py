"""``dataroom audit report --out FILE [--from SEQ] [--to SEQ]``: a PDF report, exit 1 when the chain is broken."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.cli.main import main

PASS = "cli test passphrase"


def test_cli_writes_a_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    vault = tmp_path / "vault"
    monkeypatch.setenv("DATAROOM_PASSPHRASE", PASS)
    assert main(["--vault", str(vault), "init", "--owner", "alice"]) == 0
    out_file = tmp_path / "audit-report.pdf"
    capsys.readouterr()
    code = main(["--vault", str(vault), "audit", "report", "--out", str(out_file), "--from", "1", "--to", "2"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert f"Wrote a report of 2 audit records to {out_file}." in out and "Audit chain intact" in out
    assert out_file.read_bytes().startswith(b"%PDF")
    code = main(["--vault", str(vault), "audit", "report", "--out", str(out_file), "--from", "9", "--to", "3"])
    out, err = capsys.readouterr()
    assert code == 1 and err.count("\n") == 1 and "is empty" in err
    main(["--vault", str(vault), "audit", "show", "--action", "audit.report"])
    assert "audit-report.pdf" in capsys.readouterr()[0]
    code = main(["--vault", str(vault), "audit", "report", "--out", str(out_file), "--action", "audit."])
    assert code == 0 and "Wrote a report of 1 audit record to" in capsys.readouterr()[0]
