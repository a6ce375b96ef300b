"""``dataroom import / datasets / classify --json / override / quality`` as scripts call them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dataroom.cli.main import main
from dataroom.core.pii.synthetic import write_customers_csv


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    monkeypatch.setenv("DATAROOM_PASSPHRASE", "cli dataset passphrase")
    vault = tmp_path / "vault"

    def run(*argv: str) -> tuple[int, str, str]:
        code = main(["--vault", str(vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--owner", "alice")[0] == 0
    return run


def test_import_classify_override_quality(run, tmp_path: Path) -> None:
    csv_path = tmp_path / "customers.csv"
    write_customers_csv(csv_path, 500, seed=2, encoding="gb18030")
    code, out, err = run("import", str(csv_path), "--name", "客户")
    assert code == 0, err
    assert "Imported dataset '客户': 500 rows × 12 columns" in out and "gb" in out
    code, out, _ = run("classify", "客户", "--json")
    cols = json.loads(out)
    assert code == 0 and [c["name"] for c in cols][:2] == ["客户编号", "姓名"]
    assert {"name", "type", "class", "confidence"} <= set(cols[0])
    by_name = {c["name"]: c for c in cols}
    assert by_name["身份证号"]["type"] == "resident_id" and by_name["身份证号"]["class"] == "sensitive"
    assert by_name["手机号"]["class"] == "consent-required" and 0 < by_name["手机号"]["confidence"] <= 1
    assert all(c["class"] in ("public", "consent-required", "sensitive") for c in cols)
    code, out, _ = run("override", "客户", "性别", "--class", "sensitive", "--note", "stricter")
    assert code == 0 and "override recorded" in out
    assert {c["name"]: c for c in json.loads(run("classify", "客户", "--json")[1])}["性别"]["class"] == "sensitive"
    code, out, _ = run("quality", "客户", "--json")
    report = json.loads(out)
    assert report["rows"] == 500 and {c["name"]: c for c in report["columns"]}["身份证号"]["invalid"] == 0
    code, out, _ = run("datasets")
    assert "客户" in out and "500" in out


def test_import_errors_are_one_line(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run("import", str(empty))
    assert code == 1 and err.startswith("dataroom: ") and err.count("\n") == 1
    code, _, err = run("classify", "nope")
    assert code == 1 and "no dataset named 'nope'" in err
