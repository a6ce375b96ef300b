"""``dataroom retention``: set, show, list and clear rules; the due list (retention and NDA duties); refusals in
words for a reviewer and for options that do not go together."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dataroom.cli import main as cli_main
from dataroom.core.audit import log as audit_log
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import transfer
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from tests.conftest import PASSPHRASE, fast_kdf_params
from tests.core.test_deal_helpers import add_dataset
from tests.core.test_transfer_helpers import deal, fp

TODAY = dt.date.today()
REVIEWER_PASSPHRASE = "reviewer passphrase"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``cli(vault_name, *argv, passphrase=PASSPHRASE) -> (code, stdout, stderr)``."""

    def invoke(vault: str, *argv: str, passphrase: str = PASSPHRASE) -> tuple[int, str, str]:
        monkeypatch.setenv("DATAROOM_PASSPHRASE", passphrase)
        code = cli_main.main(["--vault", str(tmp_path / vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def vault(session):  # type: ignore[no-untyped-def]
    """The ``vault`` folder: the customers and orders datasets and a reviewer ``rita``; locked for the CLI."""
    add_dataset(session)
    add_dataset(session, "orders")
    user_flows.add_user(session, "rita", Role.REVIEWER, REVIEWER_PASSPHRASE, kdf_params=fast_kdf_params())
    path = session.vault.path
    session.close()
    return path


def test_set_show_list_due_and_clear(cli, vault: Path) -> None:
    past = (TODAY - dt.timedelta(days=2)).isoformat()
    code, out, err = cli("vault", "retention", "customers", "--until", past, "--reason", "pilot ended / 试点结束")
    assert code == 0, err
    assert f"customers: keep until {past} — last day {past}; reason: pilot ended / 试点结束 (set by alice)." in out
    code, out, err = cli("vault", "retention", "orders", "--days", "36500")
    assert code == 0 and "36500 days after import" in out, err
    code, out, _ = cli("vault", "retention", "customers")
    assert code == 0 and f"last day {past}" in out
    code, out, _ = cli("vault", "retention", "--list")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == ["Dataset", "Last", "day", "Until", "Days", "after", "import", "Reason",
                                              "Set", "by"]  # fmt: skip
    assert lines[2].startswith("customers") and lines[3].startswith("orders")  # soonest last day first
    code, out, _ = cli("vault", "retention", "--list", "--json")
    assert [r["dataset"] for r in json.loads(out)] == ["customers", "orders"]
    code, out, _ = cli("vault", "retention", "--due")
    assert code == 0 and out.splitlines()[0] == f"customers: kept past its retention, which ended on {past} " \
        "(pilot ended / 试点结束)."  # fmt: skip
    assert "dataroom destroy DATASET" in out and "orders" not in out
    code, out, _ = cli("vault", "retention", "--due", "--on", (TODAY - dt.timedelta(days=5)).isoformat())
    assert out.strip() == "Nothing is due for destruction."
    code, out, _ = cli("vault", "retention", "customers", "--clear")
    assert code == 0 and "Removed the retention rule of 'customers'" in out
    code, out, _ = cli("vault", "retention", "customers")
    assert "has no retention rule" in out
    s = vault_flows.unlock(vault, passphrase=PASSPHRASE)
    actions = [r.action for r in audit_log.records(s.vault.connection()) if r.action.startswith("retention.")]
    assert actions == ["retention.set", "retention.set", "retention.clear"]
    s.close()


def test_reviewer_is_refused_and_bad_usage_is_explained(cli, vault: Path) -> None:
    code, _, err = cli("vault", "--user", "rita", "retention", "customers", "--days", "1",
                       passphrase=REVIEWER_PASSPHRASE)  # fmt: skip
    assert code == 1 and err.strip() == "dataroom: rita has the reviewer role, which may not import datasets."
    code, out, _ = cli("vault", "--user", "rita", "retention", "--due", passphrase=REVIEWER_PASSPHRASE)
    assert code == 0 and "Nothing is due" in out
    for argv, message in [
        (("retention",), "Name a dataset, or use --list or --due."),
        (("retention", "customers", "--clear", "--days", "3"), "either --clear or --until/--days"),
        (("retention", "customers", "--reason", "why"), "--reason goes with --until or --days"),
        (("retention", "customers", "--due"), "--list and --due take no dataset"),
        (("retention", "customers", "--json"), "--on and --json go with --list or --due"),
        (("retention", "nope", "--days", "3"), "There is no dataset named 'nope'"),
        (("retention", "customers", "--days", "-3"), "cannot be negative"),
    ]:
        code, _, err = cli("vault", *argv)
        assert code == 1 and message in err, (argv, err)
    with pytest.raises(SystemExit) as exc:
        cli("vault", "retention", "customers", "--until", "31/12/2026")
    assert exc.value.code == 2


def test_due_lists_received_data_under_an_ended_nda(cli, tmp_path: Path) -> None:
    seller, buyer, nda_id = deal(tmp_path)
    sent = transfer.export_packet(seller, "customers", fp(buyer), nda_id, out=tmp_path / "p.drpkt")
    got = transfer.import_packet(buyer, sent.path)
    nda_flows.end_nda(buyer, nda_id, "closed", TODAY)
    seller.close()
    buyer.close()
    code, out, err = cli("buyer", "retention", "--due", "--json")
    assert code == 0, err
    (item,) = json.loads(out)
    assert (item["dataset"], item["kind"], item["nda"], item["overdue"]) == (got.info.name, "nda", nda_id, False)
    assert item["deadline"] == (TODAY + dt.timedelta(days=30)).isoformat() and item["certificate_required"]
