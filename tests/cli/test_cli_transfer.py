"""The transfer commands end to end, as the two parties would run them with their own vaults, exchanging files:
packet, receipt, destroy, destruction record, verify, trace."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from dataroom.cli import main as cli_main
from tests.conftest import PASSPHRASE
from tests.core.test_transfer_helpers import deal, decrypt_as, fp, members


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    """``run(vault_name, *argv, stdin=None) -> (code, stdout, stderr)`` against ``tmp_path/<vault_name>``."""
    monkeypatch.setenv("DATAROOM_PASSPHRASE", PASSPHRASE)

    def invoke(vault: str, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli_main.main(["--vault", str(tmp_path / vault), *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture
def parties_ready(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Seller and buyer with confirmed cards, a signed NDA and a policy it allows; vaults closed for the CLI."""
    seller, buyer, nda_id = deal(tmp_path)
    fps = fp(seller), fp(buyer)
    seller.close()
    buyer.close()
    return nda_id, fps


def test_the_whole_transfer_from_the_command_line(run, parties_ready, tmp_path: Path, monkeypatch) -> None:
    nda_id, (_, buyer_fp) = parties_ready
    monkeypatch.chdir(tmp_path)
    code, out, err = run("seller", "packet", "export", "customers", "--to", buyer_fp[:17], "--nda", nda_id)
    assert code == 0, err
    packet_id = out.split()[2]
    written = next(tmp_path.glob("*.drpkt"))
    assert packet_id[4:12] in written.name and "Example Buyer Ltd" in written.name

    code, out, err = run("buyer", "packet", "import", str(written), "--name", "received")
    assert code == 0, err
    assert out.index("can be imported") < out.index("Imported as dataset 'received'")
    assert "signature valid" in out and "姓名: consent-required, mask type=name" in out
    code, out, _ = run("buyer", "packet", "import", str(written))
    assert code == 1 and "REFUSED" in out
    code, out, _ = run("seller", "packet", "list", "--json")
    (listed,) = json.loads(out)
    assert listed["packet_id"] == packet_id and listed["direction"] == "sent"

    code, out, err = run("seller", "receipt", "make", packet_id[:10])
    assert code == 0, err
    receipt = tmp_path / f"receipt-{packet_id}.pdf"
    assert receipt.is_file()
    code, out, err = run("buyer", "receipt", "countersign", str(receipt))
    assert code == 0, err
    countersigned = tmp_path / f"receipt-{packet_id}-countersigned.pdf"
    code, out, err = run("seller", "receipt", "record", str(countersigned))
    assert code == 0 and "Recorded" in out and "AUTHENTIC" in out, err
    code, out, _ = run("seller", "receipt", "show", str(countersigned), "--standalone")
    assert code == 0 and "signer not confirmed by you" in out

    for name in (written.name, receipt.name, countersigned.name):
        code, out, _ = run("seller", "verify", name)
        assert code == 0 and "AUTHENTIC" in out.splitlines()[0], out
    code, out, _ = run("nowhere", "verify", str(written), "--json")
    report = json.loads(out)
    assert code == 0 and report["kind"] == "transfer packet" and report["trust"].startswith("signature valid")

    # A leaked copy of what the buyer received is traced back to the buyer.
    from dataroom.core.transfer import container
    from dataroom.core.vault import vault as vault_mod

    buyer = vault_mod.unlock_vault(tmp_path / "buyer", passphrase=PASSPHRASE)
    text = decrypt_as(buyer, members(written)[container.PAYLOAD]).decode()
    buyer.close()
    head, body = text.split("\n", 1)
    with (tmp_path / "found.csv").open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(json.loads(head)["columns"])
        writer.writerows(csv.reader(io.StringIO(body, newline="")))
    code, out, err = run("seller", "trace", "found.csv")
    assert code == 0 and "It matches packets sent to Example Buyer Ltd (John Smith) only." in out, err
    assert "1 of its 1 canary rows found" in out

    code, _, err = run("buyer", "destroy", "received", stdin="")
    assert code == 1 and "--yes" in err
    code, out, err = run("buyer", "destroy", "received", "--yes")
    assert code == 0 and "Certificate of destruction DST-" in out, err
    cert = next(tmp_path.glob("destruction-DST-*.pdf"))
    assert not written.exists()  # the packet file it came from was overwritten and removed
    code, out, err = run("seller", "destruction", "record", str(cert))
    assert code == 0 and "destruction duty is fulfilled" in out, err
    code, out, _ = run("seller", "verify", str(cert), "--standalone")
    assert code == 0 and "certificate of destruction" in out.splitlines()[0]


def test_refusals_are_one_line_errors(run, parties_ready, tmp_path: Path) -> None:
    nda_id, (_, buyer_fp) = parties_ready
    code, _, err = run("seller", "packet", "export", "customers", "--to", buyer_fp, "--nda", nda_id, "--full",
                       "--out", str(tmp_path / "x.drpkt"))  # fmt: skip
    assert code == 1 and err.startswith("dataroom: Export refused") and "full data" in err
    (tmp_path / "junk.drpkt").write_bytes(b"PK\x03\x04 not really")
    code, out, err = run("buyer", "packet", "import", str(tmp_path / "junk.drpkt"))
    assert code == 1 and err == "dataroom: junk.drpkt is not a Dataroom packet (it is not a packet container).\n"
    code, out, _ = run("buyer", "verify", str(tmp_path / "junk.drpkt"))
    assert code == 1 and "NOT AUTHENTIC" in out
