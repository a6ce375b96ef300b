"""The demo deal that ``dataroom demo`` walks through and ``make run`` opens: synthetic data only.

Two vaults side by side — the seller's and the buyer's — each with its party identity; the seller holds a
synthetic Chinese customer table (imported and classified), consents for part of it, and an NDA both parties
signed after exchanging and confirming identity cards. Passphrases are published: nothing here is secret.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dataroom.core.deal.nda import DatasetScope, NdaTerms
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.errors import DataroomError
from dataroom.core.flows import consent as consent_flows
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import nda as nda_flows
from dataroom.core.flows import parties
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.pii.synthetic import write_customers_csv
from dataroom.core.session import Session
from dataroom.core.users.roles import Role

DEMO_PASSPHRASE = "demo-passphrase-2026"
DEMO_USERS = {"analyst": (Role.PREPARER, "analyst-demo-pass"), "reviewer": (Role.REVIEWER, "reviewer-demo-pass")}
DEMO_DATASET = "示例客户 demo customers"
DEMO_ROWS = 2000
CONSENT_PURPOSE = "transfer"
MARKER = ".dataroom-demo"

Say = Callable[[str], None]


def _quiet(_: str) -> None:
    """Default for ``say``: the GUI builds the demo silently."""


@dataclass(frozen=True)
class DemoDeal:
    """Where the demo put things."""

    base: Path
    seller: Path
    buyer: Path
    customers_csv: Path
    nda_id: str


def prepare_dir(directory: Path) -> Path:
    """Make ``directory`` empty, replacing an earlier demo there; refuse to touch anything else."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        if not (directory / MARKER).exists():
            raise DataroomError(f"{directory} is not empty and was not made by the demo; choose another folder.")
        shutil.rmtree(directory)
    directory.mkdir(parents=True, exist_ok=True)
    (directory / MARKER).write_text("made by the Dataroom demo; synthetic data only\n")
    return directory


def is_demo_vault(vault_dir: Path) -> bool:
    """Whether ``vault_dir`` lies in a folder made by the demo (the GUI says so in its title bar)."""
    return (Path(vault_dir).parent / MARKER).exists()


def build_seller(base: Path) -> Session:
    """Create the seller's demo vault in ``base/seller`` with its users and identity; returns the owner's session."""
    session = vault_flows.create(
        Path(base) / "seller",
        owner="seller",
        passphrase=DEMO_PASSPHRASE,
        use_keyring=False,
        name="Demo seller 示例卖方",
    )
    for name, (role, passphrase) in DEMO_USERS.items():
        user_flows.add_user(session, name, role, passphrase)
    parties.create_identity(session, "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    return session


def build_buyer(base: Path) -> Session:
    """Create the buyer's demo vault in ``base/buyer`` with its identity; returns the owner's session."""
    session = vault_flows.create(
        Path(base) / "buyer", owner="buyer", passphrase=DEMO_PASSPHRASE, use_keyring=False, name="Demo buyer 示例买方"
    )
    parties.create_identity(session, "Example Buyer Ltd 示例收购有限公司", "John Smith", "john@buyer.example", "buyer")
    return session


def _consents_csv(customers: Path, out: Path, share: float) -> int:
    """Consent records (mobile + purpose + date) for a deterministic ``share`` of the demo customers."""
    rng = random.Random(2026)
    count = 0
    with customers.open(encoding="utf-8-sig", newline="") as src, out.open("w", encoding="utf-8", newline="") as dst:
        reader = csv.DictReader(src)
        writer = csv.writer(dst)
        writer.writerow(["手机号", "同意目的", "同意日期", "来源"])
        for row in reader:
            if rng.random() < share:
                writer.writerow([row["手机号"], CONSENT_PURPOSE, "2025-06-01", "app"])
                count += 1
    return count


def build_deal(base: Path, *, rows: int = DEMO_ROWS, say: Say = _quiet) -> DemoDeal:
    """Build the whole demo deal in ``base`` (which :func:`prepare_dir` made), narrating through ``say``."""
    base = Path(base)
    seller = build_seller(base)
    buyer = build_buyer(base)
    try:
        say(f"Seller vault {seller.vault.path} (owner 'seller', users analyst/reviewer), identity 上海示例科技有限公司")
        say(f"Buyer vault  {buyer.vault.path} (owner 'buyer'), identity Example Buyer Ltd")

        customers = base / "demo-customers.csv"
        write_customers_csv(customers, rows, seed=2026)
        info = dataset_flows.import_dataset(seller, customers, name=DEMO_DATASET)
        say(f"Imported {info.row_count:,} synthetic customers ({info.column_count} columns) and classified them:")
        for col in dataset_flows.column_classes(seller, DEMO_DATASET):
            say(f"    {col.name:8} {col.type:16} {col.data_class:17} confidence {col.confidence:.2f}")

        for src, dst in ((seller, buyer), (buyer, seller)):
            card = parties.export_card(src, base / f"{src.user}.drcard")
            imported = parties.import_card(dst, card)
            parties.confirm_card(dst, imported.card.fingerprint, "in-person", "demo: compared on screen")
        say("Exchanged identity cards; each side confirmed the other's safety fingerprint in person.")

        today = dt.date.today()
        terms = NdaTerms(
            title="客户数据评估保密协议 Customer data evaluation NDA",
            counterparties=(parties.show_identity(buyer).fingerprint,),
            purpose=Bilingual(
                "评估目标公司客户资产的价值与质量", "evaluating the value and quality of the target's customer base"
            ),
            datasets=(DatasetScope(DEMO_DATASET),),
            effective_on=today,
            expires_on=today.replace(year=today.year + 1),
        )
        nda = nda_flows.new_nda(seller, terms)
        nda_flows.sign_nda(seller, nda.id)
        nda_flows.import_nda(buyer, nda_flows.export_nda(seller, nda.id, base / "nda-seller-signed.json"))
        nda_flows.sign_nda(buyer, nda.id)
        nda_flows.import_nda(seller, nda_flows.export_nda(buyer, nda.id, base / "nda-both-signed.json"))
        status = nda_flows.nda_status(seller, nda.id)
        say(f"NDA {nda.id} signed by both parties: {'in force' if status.in_force else 'NOT in force'}.")

        consents = _consents_csv(customers, base / "demo-consents.csv", share=0.7)
        consent_flows.import_consents(seller, base / "demo-consents.csv", kind="mobile", source="app")
        coverage = consent_flows.consent_coverage(seller, DEMO_DATASET, CONSENT_PURPOSE)
        say(f"Imported {consents:,} consents (purpose '{CONSENT_PURPOSE}'); coverage: {coverage.describe()}")
    finally:
        seller.close()
        buyer.close()
    return DemoDeal(base, base / "seller", base / "buyer", customers, nda.id)


def walk_transfer(deal: DemoDeal, *, say: Say = _quiet) -> None:
    """Journeys 4 and 7–10 between the demo vaults: redacted preview, packet, import, receipt and counter-signature,
    destruction certificate, verification of every file, and a trace of a "leaked" copy."""
    from dataroom.core.flows import redaction as redaction_flows  # the demo's later journeys only
    from dataroom.core.flows import transfer as transfer_flows
    from dataroom.core.flows import verify as verify_flows

    base = deal.base
    seller = vault_flows.unlock(deal.seller, passphrase=DEMO_PASSPHRASE)
    buyer = vault_flows.unlock(deal.buyer, passphrase=DEMO_PASSPHRASE)
    try:
        page = redaction_flows.open_preview(seller, DEMO_DATASET).page_at(1, 3)
        say("Redacted preview (de-identified, not anonymised), first rows:")
        say("    " + " | ".join(page.headers[:7]))
        for row in page.rows:
            say("    " + " | ".join(row[:7]))
        buyer_fp = parties.show_identity(buyer).fingerprint
        sent = transfer_flows.export_packet(seller, DEMO_DATASET, buyer_fp, deal.nda_id, out=base / "to-buyer.drpkt")
        say(
            f"Packet {sent.path.name}: passed the NDA gate, encrypted to the buyer, signed; {sent.canaries} canary rows"
        )
        inspection = transfer_flows.inspect_packet(buyer, sent.path)
        say(f"Buyer inspects before decrypting: {'authentic' if not inspection.problems else inspection.problems}")
        received = transfer_flows.import_packet(buyer, sent.path, name="来自卖方 received customers")
        say(f"Buyer imported {received.info.row_count:,} rows as {received.info.name!r}, provenance recorded")
        receipt = transfer_flows.make_receipt(seller, sent.manifest.packet_id, out=base / "receipt.pdf")
        countersigned = transfer_flows.countersign_receipt(buyer, receipt.path, out=base / "receipt-countersigned.pdf")
        recorded = transfer_flows.record_receipt(seller, countersigned.path)
        say(f"Receipt signed by the seller, counter-signed by the buyer, recorded by the seller: {recorded.verdict()}")
        for path in (sent.path, countersigned.path, base / "seller.drcard"):
            say(f"verify {path.name}: {verify_flows.verify_file(path, seller).describe()[0]}")
        for column in received.info.columns:  # the buyer lets its copy out as it received it: a leak
            redaction_flows.edit_policy(buyer, received.info.name, column, "keep")
        leaked = redaction_flows.export_redacted(buyer, received.info.name, base / "leaked.csv").path
        trace = transfer_flows.trace_file(seller, leaked)
        say(f"A copy of the buyer's data 'leaks'; the seller traces it: {' '.join(trace.describe()[1:3])}")
        destroyed = transfer_flows.destroy_dataset(buyer, received.info.name, out=base / "destruction-certificate.pdf")
        assert destroyed.certificate is not None  # received under an NDA, so a certificate is always issued
        record = transfer_flows.record_destruction(seller, destroyed.certificate.path)
        duty = "discharged" if record.discharged else "still open"
        check = verify_flows.verify_file(destroyed.certificate.path, seller).describe()[0]
        say(f"Buyer destroyed {destroyed.rows:,} rows (and the packet file) and signed a certificate; seller recorded "
            f"it, destruction duty {duty}; verify: {check}")  # fmt: skip
    finally:
        seller.close()
        buyer.close()
