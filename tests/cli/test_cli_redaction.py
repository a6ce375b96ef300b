"""The redaction commands as a user runs them: policy, preview, stats, kanon, export, subject requests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dataroom.cli import main as cli_main
from dataroom.core.flows import vault as vault_flows
from tests.core.test_redaction_helpers import make_customers

PASS = "cli test passphrase"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """``dataroom --vault <tmp> ...`` in-process; a vault with the customers dataset already in it.
    Returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("DATAROOM_PASSPHRASE", PASS)
    vault = tmp_path / "vault"

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli_main.main(["--vault", str(vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    assert run("init", "--owner", "alice")[0] == 0
    session = vault_flows.unlock(vault, passphrase=PASS)
    make_customers(session)
    session.close()
    return run


def test_policy_commands(cli, tmp_path: Path) -> None:
    code, out, _ = cli("policy", "show", "customers")
    assert code == 0 and "default, not saved yet" in out and "mask type=resident_id" in out
    edit = ["policy", "edit", "customers", "身份证号", "--op", "derive", "--param", "fields=age_band,province"]
    code, out, _ = cli(*edit, "--param", "width=10", "--note", "buyer needs ages")
    assert code == 0 and "Saved policy version 1" in out
    code, out, _ = cli("policy", "show", "customers", "--json")
    doc = json.loads(out)
    assert doc["version"] == 1 and doc["columns"][3]["params"] == {"fields": ["age_band", "province"], "width": 10}
    assert cli("policy", "export", "customers", "--out", str(tmp_path / "p.json"))[0] == 0
    code, out, _ = cli("policy", "import", "customers", str(tmp_path / "p.json"))
    assert code == 0 and "policy version 2" in out and doc["sha256"] in out
    code, out, _ = cli("policy", "history", "customers")
    assert "buyer needs ages" in out and out.count("alice") == 2
    code, _, err = cli("policy", "edit", "customers", "姓名", "--op", "mask", "--param", "head=x")
    assert code == 1 and err.startswith("dataroom: ") and err.count("\n") == 1


def test_preview_and_stats(cli) -> None:
    code, out, _ = cli("preview", "customers", "--rows", "2:3", "--sort", "注册日期:desc")
    assert code == 0 and "已去标识化，非匿名化" in out and "rows 2-3 of 4" in out
    assert "欧阳**" in out and "李*明" in out and "110101199003071234" not in out
    code, out, _ = cli("preview", "customers", "--where", "性别 = 女", "--json")
    doc = json.loads(out)
    assert [r["row"] for r in doc["rows"]] == [2, 3] and doc["policy_version"] == 0
    code, _, err = cli("preview", "customers", "--rows", "5:1")
    assert code == 1 and "A <= B" in err
    code, out, _ = cli("stats", "customers", "地址", "--json")
    assert json.loads(out)["top"][0] == {"value": "北京市朝阳区", "count": 2}


def test_kanon_command(cli) -> None:
    code, out, _ = cli("kanon", "customers", "--qi", "性别,地址", "--k", "2")
    assert code == 0 and "k = 1" in out and "does NOT meet k = 2" in out and "Suggestion:" in out
    code, out, _ = cli("kanon", "customers", "--qi", "性别", "--k", "2", "--json")
    assert json.loads(out)["k"] == 2


def test_export_command(cli, tmp_path: Path) -> None:
    out_file = tmp_path / "red.xlsx"
    code, out, _ = cli("export", "customers", "--out", str(out_file))
    assert code == 0 and out_file.exists() and "de-identified" in out and "4 de-identified rows" in out
    csv_file = tmp_path / "red.csv"
    assert cli("export", "customers", "--out", str(csv_file), "--encoding", "gb18030")[0] == 0
    rows = list(csv.reader(io.StringIO(csv_file.read_bytes().decode("gb18030"))))
    assert rows[5][1] == "张*"


def test_subject_commands_read_identifiers_from_a_file(cli, tmp_path: Path) -> None:
    who = tmp_path / "who.txt"
    who.write_text("138 0013 8000\n", "utf-8")
    code, out, err = cli("subject", "find", "--phone", "--from-file", str(who))
    assert code == 0 and "2 row(s) in 1 dataset(s)" in out and err == ""
    code, out, err = cli("subject", "find", "--phone", "13800138000", "--json")
    assert code == 0 and "shell history" in err and len(json.loads(out)["datasets"][0]["rows"]) == 2
    person = tmp_path / "person.csv"
    assert cli("subject", "export", "--phone", "--from-file", str(who), "--out", str(person))[0] == 0
    assert "110101199003071234" in person.read_text("utf-8-sig")
    code, _, err = cli("subject", "erase", "--phone", "--from-file", str(who))
    assert code == 2 and "add --yes" in err  # no terminal to confirm on
    code, out, _ = cli("subject", "erase", "--phone", "--from-file", str(who), "--yes")
    assert code == 0 and "Erased subject S-" in out and "2 in customers" in out
    code, out, _ = cli("subject", "find", "--id", "--from-file", str(who))
    assert code == 0 and "0 row(s)" in out
    code, out, _ = cli("audit", "show", "--json")
    assert "13800138000" not in out and "138 0013 8000" not in out
    code, _, err = cli("subject", "find", "--email")
    assert code == 1 and "--from-file" in err
