"""NDAs: signatures by every party on the same content, term, the export gate's refusals, destruction duties."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.canonical import canonical_json
from dataroom.core.datasets import store
from dataroom.core.deal.errors import NdaInvalid
from dataroom.core.deal.gate import NdaRefusal, check_export
from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties
from dataroom.core.users.roles import Role
from tests.core.test_deal_helpers import TODAY, add_dataset, exchange, party, seller_and_buyer, signed_nda, terms

POLICY_OK = {
    "姓名": ("consent-required", True),
    "手机号": ("consent-required", True),
    "身份证号": ("sensitive", False),
    "城市": ("consent-required", True),
    "消费金额": ("consent-required", True),
}


@pytest.fixture
def pair(tmp_path: Path):  # type: ignore[no-untyped-def]
    seller, buyer = seller_and_buyer(tmp_path)
    yield seller, buyer
    for s in (seller, buyer):
        if s.vault.is_open:
            s.close()


def _fp(session) -> str:  # type: ignore[no-untyped-def]
    return parties.show_identity(session).fingerprint


def test_fully_signed_nda_is_in_force_on_both_sides(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    nda_id = signed_nda(seller, buyer, tmp_path)
    for s in (seller, buyer):
        status = nda_flows.nda_status(s, nda_id, TODAY)
        assert status.in_force, status.describe()
        assert all(sig.valid for sig in status.signatures) and len(status.signatures) == 2
    actions = [r.action for r in audit_log.records(seller.vault.connection(), action="nda.")]
    assert actions == ["nda.draft", "nda.sign", "nda.export", "nda.import"]


def test_one_signature_missing_is_not_in_force(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    add_dataset(seller)
    made = nda_flows.new_nda(seller, terms(_fp(buyer)))
    nda_flows.sign_nda(seller, made.id)
    status = nda_flows.nda_status(seller, made.id, TODAY)
    assert not status.in_force
    assert [r.code for r in status.reasons] == ["not-signed"]
    assert "Not signed by Example Buyer Ltd." in status.describe()[-1]
    with pytest.raises(InputError, match="already signed"):
        nda_flows.sign_nda(seller, made.id)
    decision = check_export(seller, made.id, store.get(seller.vault.connection(), "customers"), POLICY_OK,
                            _fp(buyer), False, today=TODAY)  # fmt: skip
    assert not decision.ok and "Not signed by Example Buyer Ltd" in str(decision.refusal)


def _modify_clause(path: Path, out: Path) -> Path:
    doc = json.loads(path.read_bytes())
    doc["content"]["clauses"][6]["body"]["zh"] = doc["content"]["clauses"][6]["body"]["zh"].replace("30 日", "365 日")
    out.write_bytes(canonical_json(doc))
    return out


def test_modified_clause_breaks_every_signature(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    nda_id = signed_nda(seller, buyer, tmp_path)
    exported = nda_flows.export_nda(seller, nda_id, tmp_path / "signed")
    changed = _modify_clause(exported, tmp_path / "changed.drnda")

    # The buyer holds the NDA: the file is refused, naming the clause that differs.
    with pytest.raises(NdaInvalid, match="clause 7"):
        nda_flows.import_nda(buyer, changed)

    # A third party who never saw it: the signatures are for other content.
    advisor = party(tmp_path, "advisor", "Law Firm LLP", "Ann Lee", "ann@law.example", "advisor")
    exchange(advisor, seller, tmp_path)
    exchange(advisor, buyer, tmp_path)
    with pytest.raises(NdaInvalid, match="different content"):
        nda_flows.import_nda(advisor, changed)
    assert nda_flows.import_nda(advisor, exported).created  # the genuine file imports
    advisor.close()

    # Editing the stored text inside the vault is caught by the same check.
    conn = seller.vault.connection()
    stored = json.loads(conn.execute("SELECT content FROM ndas WHERE id = ?", (nda_id,)).fetchone()[0])
    stored["clauses"][6]["body"]["en"] += " Except on Sundays."
    with seller.vault.transaction() as tx:
        tx.execute("UPDATE ndas SET content = ? WHERE id = ?", (canonical_json(stored).decode(), nda_id))
    status = nda_flows.nda_status(seller, nda_id, TODAY)
    assert not status.in_force
    assert {"tampered", "bad-signature"} <= {r.code for r in status.reasons}


def test_export_gate_refuses_with_reasons(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    nda_id = signed_nda(seller, buyer, tmp_path)
    conn = seller.vault.connection()
    info = store.get(conn, "customers")
    buyer_fp = _fp(buyer)

    def gate(**kw):  # type: ignore[no-untyped-def]
        args = {"dataset_info": info, "policy_summary": POLICY_OK, "recipient_fingerprint": buyer_fp, "full": False,
                "today": TODAY}  # fmt: skip
        args.update(kw)
        return check_export(conn, nda_id, args.pop("dataset_info"), args.pop("policy_summary"),
                            args.pop("recipient_fingerprint"), args.pop("full"), **args)  # fmt: skip

    assert gate().ok and gate().raise_if_refused().content_sha256
    # Spacing of the fingerprint does not matter.
    assert gate(recipient_fingerprint=buyer_fp.replace(" ", "")).ok

    expired = gate(today=dt.date(2027, 1, 5))
    assert expired.codes == ["expired"]
    assert "expired on 2026-12-31" in str(expired.refusal)
    with pytest.raises(NdaRefusal, match="expired on 2026-12-31"):
        expired.raise_if_refused()
    assert gate(today=dt.date(2025, 12, 31)).codes == ["not-yet-effective"]

    sensitive = gate(policy_summary={**POLICY_OK, "身份证号": ("sensitive", True)})
    assert set(sensitive.codes) == {"column-out-of-scope", "class-out-of-scope"}
    assert "身份证号 (sensitive)" in str(sensitive.refusal)

    unknown_class = gate(policy_summary={"城市": ("mystery", True)})
    assert unknown_class.codes == ["class-out-of-scope"]

    full = gate(full=True)
    assert full.codes == ["full-not-allowed"]
    assert "de-identified (redacted) data only" in str(full.refusal)

    other = add_dataset(seller, "suppliers")
    assert gate(dataset_info=other).codes == ["dataset-out-of-scope"]
    replaced = dataclasses.replace(info, source_sha256="ef" * 32)
    assert gate(dataset_info=replaced).codes == ["dataset-changed"]

    # A confirmed third party that is not named in the NDA.
    outsider = party(tmp_path, "outsider", "Other Bidder Co", "Bo Chen", "bo@bidder.example", "buyer")
    exchange(seller, outsider, tmp_path)
    refused = gate(recipient_fingerprint=_fp(outsider))
    assert refused.codes == ["recipient-not-permitted"]
    assert "Other Bidder Co" in str(refused.refusal) and "permitted: Example Buyer Ltd" in str(refused.refusal)
    outsider.close()

    assert gate(recipient_fingerprint="1" * 60).codes == ["recipient-unknown"]
    assert check_export(conn, "NDA-NOPE", info, POLICY_OK, buyer_fp, False).codes == ["unknown-nda"]

    nda_flows.end_nda(seller, nda_id, "terminated", dt.date(2026, 2, 1))
    ended = gate()
    assert ended.codes == ["ended"] and "negotiations were terminated" in str(ended.refusal)
    assert ended.audit_details()["allowed"] is False and ended.audit_details()["reasons"] == ["ended"]


def test_unconfirmed_recipient_is_refused(tmp_path: Path) -> None:
    seller, buyer = seller_and_buyer(tmp_path, confirm=False)
    nda_id = signed_nda(seller, buyer, tmp_path)
    info = store.get(seller.vault.connection(), "customers")
    decision = check_export(seller, nda_id, info, POLICY_OK, _fp(buyer), False, today=TODAY)
    assert {"card-unconfirmed", "recipient-unconfirmed"} <= set(decision.codes)
    parties.confirm_card(seller, _fp(buyer), "in-person")
    assert check_export(seller, nda_id, info, POLICY_OK, _fp(buyer), False, today=TODAY).ok
    seller.close()
    buyer.close()


def test_signature_by_rolled_over_key_counts(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    add_dataset(seller)
    made = nda_flows.new_nda(seller, terms(_fp(buyer)))
    nda_flows.sign_nda(seller, made.id)
    nda_flows.import_nda(buyer, nda_flows.export_nda(seller, made.id, tmp_path / "draft"))
    parties.rollover_identity(buyer)  # the buyer replaces its keys before signing
    exchange(buyer, seller, tmp_path)  # the seller imports the new card (chained, so confirmed)
    nda_flows.sign_nda(buyer, made.id)
    nda_flows.import_nda(seller, nda_flows.export_nda(buyer, made.id, tmp_path / "back"))
    status = nda_flows.nda_status(seller, made.id, TODAY)
    assert status.in_force, status.describe()
    info = store.get(seller.vault.connection(), "customers")
    assert check_export(seller, made.id, info, POLICY_OK, _fp(buyer), False, today=TODAY).ok


def test_destruction_duty_after_expiry_or_termination(pair, tmp_path: Path) -> None:
    seller, buyer = pair
    nda_id = signed_nda(seller, buyer, tmp_path, destruction_days=15)
    assert nda_flows.destruction_duties(buyer, TODAY) == []
    after = nda_flows.destruction_duties(buyer, dt.date(2027, 1, 10))
    assert len(after) == 1
    duty = after[0]
    assert duty.trigger == "expired" and duty.due_on == dt.date(2027, 1, 16) and duty.owed_by_us
    assert duty.days_left == 6 and not duty.overdue and "customers" in duty.describe()
    seller_view = nda_flows.destruction_duties(seller, dt.date(2027, 2, 1))[0]
    assert not seller_view.owed_by_us and seller_view.overdue and "Example Buyer Ltd" in seller_view.describe()

    nda_flows.end_nda(buyer, nda_id, "terminated", dt.date(2026, 4, 1))
    early = nda_flows.destruction_duties(buyer, dt.date(2026, 4, 2))
    assert early[0].trigger == "terminated" and early[0].due_on == dt.date(2026, 4, 16)


def test_draft_checks_and_permissions(pair) -> None:
    seller, buyer = pair
    add_dataset(seller)
    with pytest.raises(InputError, match="expire before"):
        nda_flows.new_nda(seller, terms(_fp(buyer), expires_on=dt.date(2025, 1, 1)))
    with pytest.raises(InputError, match="no column"):
        nda_flows.new_nda(seller, terms(_fp(buyer), datasets=(terms("").datasets[0].__class__("customers", ("x",)),)))
    seller.user, seller.role = "rita", Role.REVIEWER
    with pytest.raises(PermissionDenied):
        nda_flows.new_nda(seller, terms(_fp(buyer)))
