"""The deal commands end to end, as two parties with two vaults would run them, exchanging files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from dataroom.cli import main as cli_main

PASS = "cli deal test passphrase"

CUSTOMERS = (
    "姓名,手机号,身份证号,城市,消费金额\n"
    "张伟,13800138000,110101199003071234,北京,1200\n"
    "李娜,13900139000,310101198512125678,上海,560\n"
    "王强,13700137000,440101197001011111,广州,80\n"
)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``run(vault_name, *argv, stdin=None) -> (code, stdout, stderr)`` against ``tmp_path/<vault_name>``."""
    monkeypatch.setenv("DATAROOM_PASSPHRASE", PASS)

    def invoke(vault: str, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli_main.main(["--vault", str(tmp_path / vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def _fingerprint(out: str) -> str:
    """The 12 groups printed as three lines of four after "Safety fingerprint"."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Safety fingerprint")) + 1
    return " ".join(line.strip() for line in lines[start : start + 3])


def test_two_parties_card_nda_gate(run, tmp_path: Path) -> None:
    assert run("seller", "init", "--owner", "wang", "--no-keyring")[0] == 0
    assert run("buyer", "init", "--owner", "john", "--no-keyring")[0] == 0
    code, out, _ = run("seller", "party", "init", "--org", "上海示例科技有限公司", "--person", "王芳", "--email",
                       "wang@example.cn", "--role", "seller")  # fmt: skip
    assert code == 0 and "keys stay inside the vault" in out
    seller_fp = _fingerprint(out)
    code, out, _ = run("buyer", "party", "init", "--org", "Example Buyer Ltd", "--person", "John Smith", "--email",
                       "john@buyer.example", "--role", "buyer")  # fmt: skip
    buyer_fp = _fingerprint(out)

    code, out, _ = run("seller", "party", "export-card", str(tmp_path / "seller"), "--pdf", str(tmp_path / "s.pdf"))
    assert code == 0 and (tmp_path / "seller.drcard").exists() and (tmp_path / "s.pdf").exists()
    run("buyer", "party", "export-card", str(tmp_path / "buyer.drcard"))
    code, out, _ = run("buyer", "party", "import-card", str(tmp_path / "seller.drcard"))
    assert code == 0 and "Status: unconfirmed" in out and seller_fp.split()[0] in out
    assert run("buyer", "party", "confirm", seller_fp[:17], "--method", "phone", "--note", "called Wang")[0] == 0
    run("seller", "party", "import-card", str(tmp_path / "buyer.drcard"))
    assert run("seller", "party", "confirm", buyer_fp, "--method", "video")[0] == 0
    code, out, _ = run("seller", "party", "show")
    assert "Example Buyer Ltd" in out and "confirmed" in out and "compared in a video call" in out

    (tmp_path / "customers.csv").write_text(CUSTOMERS, encoding="utf-8")
    assert run("seller", "import", str(tmp_path / "customers.csv"), "--name", "customers")[0] == 0
    run("seller", "override", "customers", "身份证号", "--type", "resident_id", "--class", "sensitive")
    for column, type_ in (("姓名", "name"), ("手机号", "mobile"), ("城市", "address"), ("消费金额", "purchase_amount")):
        run("seller", "override", "customers", column, "--type", type_, "--class", "consent-required")

    code, out, err = run(
        "seller", "nda", "new", "--title", "评估保密协议", "--with", buyer_fp[:11], "--purpose-zh", "评估客户资产",
        "--purpose-en", "evaluating the customer base", "--dataset", "customers:姓名,手机号,城市,消费金额",
        "--from", "2026-01-01", "--months", "12",
    )  # fmt: skip
    assert code == 0, err
    nda_id = out.split()[1]
    assert "(2026-01-01 – 2026-12-31)" in out
    assert run("seller", "nda", "sign", nda_id)[0] == 0
    run("seller", "nda", "export", nda_id, str(tmp_path / "nda-1"))
    code, out, _ = run("buyer", "nda", "import", str(tmp_path / "nda-1.drnda"))
    assert code == 0 and "1 new signature(s), all verified" in out and "Not signed by Example Buyer Ltd" in out
    assert run("buyer", "nda", "sign", nda_id)[0] == 0
    run("buyer", "nda", "export", nda_id, str(tmp_path / "nda-2.drnda"))
    assert run("seller", "nda", "import", str(tmp_path / "nda-2.drnda"))[0] == 0

    code, out, _ = run("seller", "nda", "show", nda_id, "--day", "2026-06-01")
    assert code == 0 and "IN FORCE on 2026-06-01" in out
    code, out, _ = run("seller", "nda", "show", nda_id, "--day", "2027-01-02")
    assert code == 1 and "It expired on 2026-12-31." in out
    assert "NDA" in run("seller", "nda", "list")[1]
    code, _, _ = run("seller", "nda", "render", nda_id, str(tmp_path / "nda.pdf"))
    assert code == 0 and (tmp_path / "nda.pdf").stat().st_size > 10_000

    check = ("seller", "nda", "check", nda_id, "customers", buyer_fp[:11], "--day", "2026-06-01")
    code, out, err = run(*check, "--withhold", "身份证号")
    assert code == 0 and out.startswith("Allowed under NDA-"), out + err
    code, out, _ = run(*check)  # the default policy masks the ID: outside the scope, but no sensitive content leaves
    assert code == 1 and "Refused (column-out-of-scope)" in out and "身份证号" in out
    assert "class-out-of-scope" not in out
    code, out, _ = run(*check, "--full")  # as it is, the ID is sensitive content too
    assert code == 1 and "身份证号 (sensitive)" in out and "Refused (full-not-allowed)" in out
    code, out, _ = run(*check, "--withhold", "身份证号", "--full")
    assert code == 1 and "Refused (full-not-allowed)" in out

    code, out, _ = run("buyer", "nda", "duties", "--day", "2027-01-10")
    assert code == 0 and "you must destroy customers" in out
    code, out, _ = run("buyer", "nda", "duties", "--day", "2027-03-01")
    assert code == 1 and out.startswith("OVERDUE")


def test_consent_notice_incident(run, tmp_path: Path) -> None:
    run("seller", "init", "--owner", "wang", "--no-keyring")
    run(
        "seller",
        "party",
        "init",
        "--org",
        "卖方公司",
        "--person",
        "王芳",
        "--email",
        "w@example.cn",
        "--role",
        "seller",
    )
    run("buyer", "init", "--owner", "john", "--no-keyring")
    code, out, _ = run("buyer", "party", "init", "--org", "Buyer Ltd", "--person", "John", "--email", "j@b.example",
                       "--role", "buyer")  # fmt: skip
    buyer_fp = _fingerprint(out)
    run("buyer", "party", "export-card", str(tmp_path / "buyer"))
    run("seller", "party", "import-card", str(tmp_path / "buyer.drcard"))
    (tmp_path / "customers.csv").write_text(CUSTOMERS, encoding="utf-8")
    run("seller", "import", str(tmp_path / "customers.csv"), "--name", "customers")
    run("seller", "override", "customers", "手机号", "--type", "mobile", "--class", "consent-required")
    run("seller", "override", "customers", "身份证号", "--type", "resident_id", "--class", "sensitive")

    consents = "手机号,同意日期,来源\n13800138000,2025-01-01,纸质表单\n13900139000,2025-01-02,app\nbad,2025-01-01,app\n"
    (tmp_path / "consents.csv").write_text(consents, encoding="utf-8")
    code, out, _ = run("seller", "consent", "import", str(tmp_path / "consents.csv"), "--purpose", "转让")
    assert code == 0 and "2 consents recorded" in out and "skipped line 4" in out and "bad" not in out
    code, out, _ = run("seller", "consent", "coverage", "customers", "--purpose", "转让", "--day", "2025-06-01")
    assert code == 0 and "2 of 3 rows (66.7%)" in out
    code, out, _ = run("seller", "consent", "withdraw", "--kind", "mobile", "--purpose", "转让", "--on", "2025-05-01",
                       stdin="138 0013 8000\n")  # fmt: skip
    assert code == 0 and "Withdrawn: 1" in out
    code, out, _ = run("seller", "consent", "coverage", "customers", "--purpose", "转让", "--day", "2025-06-01",
                       "--json")  # fmt: skip
    assert json.loads(out)["rows_with_consent"] == 1 and json.loads(out)["rows_withdrawn"] == 1
    code, out, _ = run("seller", "consent", "list", "--kind", "mobile", "--json", stdin="13800138000\n")
    assert json.loads(out)[0]["withdrawn_on"] == "2025-05-01" and "13800138000" not in out

    code, out, err = run("seller", "notice", "render", "customers", str(tmp_path / "notice"), "--recipient",
                         buyer_fp[:11], "--purpose", "业务承继", "--purpose-en", "continuing the business")  # fmt: skip
    assert code == 0, err
    for name in ("notice.pdf", "notice.txt", "notice-sms.txt"):
        assert (tmp_path / name).exists()
    assert "Buyer Ltd" in (tmp_path / "notice-sms.txt").read_text(encoding="utf-8")

    code, out, err = run("seller", "incident", "new", "--title", "误发邮件", "--kind", "leak", "--found-at",
                         "2026-03-01T10:00", "--dataset", "customers:姓名,手机号@1-2", "--cause", "误发",
                         "--containment", "已召回", "--contact", "privacy@example.cn")  # fmt: skip
    assert code == 0 and "2 rows, about 2 people affected" in out, err
    assert "误发邮件" in run("seller", "incident", "list")[1]
    code, out, _ = run("seller", "incident", "render", "1", str(tmp_path / "letters"))
    assert code == 0 and len(list((tmp_path / "letters").iterdir())) == 4


def test_verify_card_and_one_line_errors(run, tmp_path: Path) -> None:
    run("a", "init", "--owner", "alice", "--no-keyring")
    code, _, err = run("a", "party", "show", "12345678901")
    assert code == 1 and err.count("\n") == 1 and "No identity card here" in err
    run("a", "party", "init", "--org", "Org", "--person", "Alice", "--email", "a@example.com", "--role", "advisor")
    run("a", "party", "export-card", str(tmp_path / "a.drcard"))
    code, out, _ = run("a", "party", "verify-card", str(tmp_path / "a.drcard"))
    assert code == 0 and "Identity card: VALID" in out
    doc = json.loads((tmp_path / "a.drcard").read_bytes())
    doc["body"]["party"]["person"] = "Mallory"
    (tmp_path / "forged.drcard").write_text(json.dumps(doc), encoding="utf-8")
    code, out, _ = run("a", "party", "verify-card", str(tmp_path / "forged.drcard"))
    assert code == 1 and "NOT VALID" in out and "self-signature does not verify" in out
    code, _, err = run("a", "party", "import-card", str(tmp_path / "forged.drcard"))
    assert code == 1 and err.startswith("dataroom: The identity card is not valid") and err.count("\n") == 1
    code, _, err = run(
        "a", "party", "init", "--org", "O", "--person", "P", "--email", "p@example.com", "--role", "buyer"
    )
    assert code == 1 and "already has a party identity" in err
    code, _, err = run("a", "nda", "show", "NDA-NONE")
    assert code == 1 and "There is no NDA" in err
