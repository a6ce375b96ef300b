"""Helpers shared by the deal tests: parties with identities, exchanged cards, small classified datasets.

Datasets are imported from a small CSV without classifying, and their classification is stored directly, so
these tests do not depend on what the classifier concludes (its own tests cover that).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

from dataroom.core.datasets import store
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal.nda import DatasetScope, NdaTerms
from dataroom.core.documents.blocks import Bilingual
from dataroom.core.flows import datasets as dataset_flows
from dataroom.core.flows import parties
from dataroom.core.flows import vault as vault_flows
from dataroom.core.session import Session
from dataroom.core.timeutil import utc_now
from tests.conftest import PASSPHRASE, fast_kdf_params

TODAY = dt.date(2026, 3, 1)

CUSTOMERS_HEADER = ("姓名", "手机号", "身份证号", "城市", "消费金额")
CUSTOMERS_TYPES = ("name", "mobile", "resident_id", "address", "purchase_amount")
CUSTOMERS_CLASSES = ("consent-required", "consent-required", "sensitive", "consent-required", "consent-required")
CUSTOMERS_ROWS = (
    ("张伟", "13800138000", "110101199003071234", "北京", "1200"),
    ("李娜", "139 0013 9000", "310101198512125678", "上海", "560"),
    ("王强", "+86 137-0013-7000", "440101197001011111", "广州", "80"),
    ("赵敏", "13600136000", "", "深圳", "3000"),
    ("", "", "", "杭州", "15"),
)


def party(tmp_path: Path, name: str, org: str, person: str, email: str, role: str) -> Session:
    session = vault_flows.create(tmp_path / name, owner=name, passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    parties.create_identity(session, org, person, email, role)
    return session


def seller_and_buyer(tmp_path: Path, *, confirm: bool = True) -> tuple[Session, Session]:
    """Two vaults that imported (and by default confirmed) each other's cards."""
    seller = party(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    buyer = party(tmp_path, "buyer", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    exchange(seller, buyer, tmp_path, confirm=confirm)
    return seller, buyer


def exchange(a: Session, b: Session, tmp_path: Path, *, confirm: bool = True) -> None:
    for src, dst in ((a, b), (b, a)):
        path = parties.export_card(src, tmp_path / f"{src.user}-{parties.show_identity(src).generation}")
        imported = parties.import_card(dst, path)
        if confirm and imported.card.status == "unconfirmed":
            parties.confirm_card(dst, imported.card.fingerprint, "phone")


def add_dataset(
    session: Session,
    name: str = "customers",
    header: Sequence[str] = CUSTOMERS_HEADER,
    rows: Sequence[Sequence[str]] = CUSTOMERS_ROWS,
    types: Sequence[str] = CUSTOMERS_TYPES,
    classes: Sequence[str] = CUSTOMERS_CLASSES,
) -> DatasetInfo:
    """Import ``rows`` as a CSV (unclassified), then store the given classification for each column."""
    folder = session.vault.path.parent / "csv"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    info = dataset_flows.import_dataset(session, path, name=name, classify=False)
    with session.vault.transaction() as tx:
        for position, (type_, class_) in enumerate(zip(types, classes, strict=True), start=1):
            tx.execute(
                "INSERT INTO column_classes(dataset_id, position, detected_type, detected_class, confidence, evidence,"
                " classified_at) VALUES (?, ?, ?, ?, 0.99, ?, ?)",
                (info.id, position, type_, class_, json.dumps({}), utc_now()),
            )
    return store.get(session.vault.connection(), name)


def terms(buyer_fp: str, **changes: object) -> NdaTerms:
    base: dict[str, object] = {
        "title": "客户数据评估保密协议",
        "counterparties": (buyer_fp,),
        "purpose": Bilingual("评估目标公司客户资产的价值与质量", "evaluating the value and quality of customer data"),
        "datasets": (DatasetScope("customers", ("姓名", "手机号", "城市", "消费金额")),),
        "effective_on": dt.date(2026, 1, 1),
        "expires_on": dt.date(2026, 12, 31),
    }
    base.update(changes)
    return NdaTerms(**base)  # type: ignore[arg-type]


def signed_nda(seller: Session, buyer: Session, tmp_path: Path, **changes: object) -> str:
    """Draft on the seller side, both sign, the seller holds both signatures; returns the NDA id."""
    from dataroom.core.flows import nda as nda_flows

    add_dataset(seller)
    made = nda_flows.new_nda(seller, terms(parties.show_identity(buyer).fingerprint, **changes))
    nda_flows.sign_nda(seller, made.id)
    nda_flows.import_nda(buyer, nda_flows.export_nda(seller, made.id, tmp_path / "to-buyer"))
    nda_flows.sign_nda(buyer, made.id)
    nda_flows.import_nda(seller, nda_flows.export_nda(buyer, made.id, tmp_path / "to-seller"))
    return made.id
