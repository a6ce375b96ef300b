"""NDA and export-gate reasons are said in the user's language: the templates give back exactly the core's English
sentence, and Chinese once the translation is applied."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dataroom.core.datasets import store
from dataroom.core.deal import gate
from dataroom.core.deal.nda import Reason
from dataroom.core.flows import nda as nda_flows
from dataroom.ui import i18n
from dataroom.ui.deal.reasons import TEMPLATES, reason_text
from tests.core.test_deal_helpers import add_dataset, seller_and_buyer, terms
from tests.core.test_transfer_helpers import deal, fp


def _reasons(tmp_path: Path) -> list[Reason]:
    seller, buyer, nda_id = deal(tmp_path / "a")
    conn = seller.vault.connection()
    info = store.get(conn, "customers")
    everything = {c: ("sensitive", True) for c in info.columns}
    found = list(gate.check_export(conn, nda_id, info, everything, fp(buyer), True).reasons)
    found += gate.check_export(conn, nda_id, info, {}, fp(seller), False).reasons  # our own identity
    found += gate.check_export(conn, "NDA-NONE", info, {}, fp(buyer), False).reasons
    # An NDA nobody signed yet, not yet in force, with a counterparty whose card is not confirmed.
    other_seller, other_buyer = seller_and_buyer(tmp_path / "b", confirm=False)
    add_dataset(other_seller)
    later = terms(fp(other_buyer), effective_on=dt.date.today() + dt.timedelta(days=3))
    draft = nda_flows.new_nda(other_seller, later)
    found += nda_flows.nda_status(other_seller, draft.id).reasons
    for s in (seller, buyer, other_seller, other_buyer):
        s.close()
    return found


def test_reasons_read_as_the_core_wrote_them_and_in_chinese(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    reasons = _reasons(tmp_path)
    codes = {r.code for r in reasons}
    assert {"full-not-allowed", "column-out-of-scope", "class-out-of-scope", "recipient-unknown", "unknown-nda",
            "not-signed", "not-yet-effective", "card-unconfirmed"} <= codes  # fmt: skip
    for r in reasons:
        assert r.code in {key.split(":")[0] for key in TEMPLATES}, r.code
        assert reason_text(r) == r.message  # English: the template is the core's sentence
    try:
        assert i18n.apply_language(i18n.CHINESE)
        chinese = [reason_text(r) for r in reasons]
        assert all(text != r.message for text, r in zip(chinese, reasons, strict=True))
        assert any("签署" in text for text in chinese)
        classes = next(text for text, r in zip(chinese, reasons, strict=True) if r.code == "class-out-of-scope")
        assert "敏感" in classes and "sensitive" not in classes  # the data classes in Chinese too
    finally:
        i18n.apply_language(i18n.ENGLISH)
    assert len(TEMPLATES) >= 20
