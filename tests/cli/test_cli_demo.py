"""``dataroom demo`` runs every journey that exists, end to end, and refuses to clobber a foreign folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataroom.cli.main import main


def test_demo_walks_through_the_journeys(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--dir", str(tmp_path / "demo"), "--rows", "300"]) == 0
    out = capsys.readouterr().out
    for expected in (
        "Imported 300 synthetic customers",
        "resident_id",
        "signed by both parties: in force",
        "have a valid consent for 'transfer'",
        "passed the NDA gate, encrypted to the buyer",
        "Buyer inspects before decrypting: authentic",
        "recorded by the seller: AUTHENTIC",
        "transfer packet — AUTHENTIC",
        "the seller traces it: It matches packets sent to Example Buyer Ltd",
        "destruction duty discharged; verify: destruction-certificate.pdf: certificate of destruction — AUTHENTIC",
        "reviewer tries to add a user -> refused",
        "refused: The passphrase is wrong.",
        "Audit chain intact",
        "recheck without keys: Audit chain intact",
    ):
        assert expected in out, expected
    assert main(["demo", "--dir", str(tmp_path / "demo"), "--rows", "50"]) == 0  # an earlier demo is replaced


def test_demo_refuses_a_folder_it_did_not_make(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mine.txt").write_text("precious")
    assert main(["demo", "--dir", str(tmp_path)]) == 1
    assert "not made by the demo" in capsys.readouterr().err and (tmp_path / "mine.txt").exists()
