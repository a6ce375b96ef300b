"""Party identity and cards: keys, self-signed card, fingerprint, forgery detection, confirmation, rollover."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pyrage
import pytest

from dataroom.core.audit import log as audit_log
from dataroom.core.canonical import canonical_json
from dataroom.core.deal import cards, identity, keys
from dataroom.core.deal.errors import CardInvalid, IdentityExists
from dataroom.core.errors import InputError, PermissionDenied
from dataroom.core.flows import parties
from dataroom.core.flows import users as user_flows
from dataroom.core.flows import vault as vault_flows
from dataroom.core.users.roles import Role
from tests.conftest import PASSPHRASE, fast_kdf_params


def _vault(tmp_path: Path, name: str, org: str, person: str, email: str, role: str):  # type: ignore[no-untyped-def]
    s = vault_flows.create(tmp_path / name, owner=name, passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    parties.create_identity(s, org, person, email, role)
    return s


@pytest.fixture
def seller(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = _vault(tmp_path, "seller", "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    yield s
    if s.vault.is_open:
        s.close()


@pytest.fixture
def buyer(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = _vault(tmp_path, "buyer", "Example Buyer Ltd", "John Smith", "john@buyer.example", "buyer")
    yield s
    if s.vault.is_open:
        s.close()


def _export(session, tmp_path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    return parties.export_card(session, tmp_path / name)


def test_identity_keys_and_card(seller, tmp_path: Path) -> None:
    own = parties.show_identity(seller)
    assert re.fullmatch(r"(\d{5} ){11}\d{5}", own.fingerprint)
    card_file = _export(seller, tmp_path, "seller")
    assert card_file.suffix == ".drcard"
    raw = card_file.read_bytes()
    doc = json.loads(raw)
    assert raw == canonical_json(doc)  # the file is canonical JSON
    assert doc["body"]["keys"]["age"].startswith("age1")
    report = parties.verify_card_file(card_file)
    assert report.ok and report.fingerprint == own.fingerprint and report.sha256 == own.card.sha256
    # No private key of any kind leaves the vault in the card.
    ks = identity.keyset(seller.vault.connection())
    assert str(ks.age) not in raw.decode() and "AGE-SECRET-KEY" not in raw.decode()
    assert "PRIVATE" not in raw.decode() and "ed25519_private" not in raw.decode()
    assert "AGE-SECRET-KEY" not in repr(ks)
    # The age recipient on the card decrypts with the identity held in the vault.
    sealed = pyrage.encrypt(b"packet", [pyrage.x25519.Recipient.from_str(own.card.age_recipient)])
    assert pyrage.decrypt(sealed, [ks.age]) == b"packet"
    with pytest.raises(IdentityExists):
        parties.create_identity(seller, "Other", "Other", "o@example.com", "buyer")


def test_signing_certificate_is_for_documents(seller) -> None:
    from cryptography import x509

    card = parties.show_identity(seller).card
    leaf, ca = card.signing_certificate, card.ca_certificate
    usage = leaf.extensions.get_extension_for_class(x509.KeyUsage).value
    assert usage.digital_signature and usage.content_commitment and not usage.key_cert_sign
    assert keys.DOCUMENT_SIGNING in leaf.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert ca.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    leaf.verify_directly_issued_by(ca)
    san = leaf.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert "wang.fang@example.cn" in san.get_values_for_type(x509.RFC822Name)


def test_bad_details_and_permissions(session) -> None:
    with pytest.raises(InputError, match="e-mail"):
        parties.create_identity(session, "Org", "Person", "not-an-email", "seller")
    with pytest.raises(InputError, match="role"):
        parties.create_identity(session, "Org", "Person", "a@b.cn", "landlord")
    user_flows.add_user(session, "rita", Role.REVIEWER, "reviewer passphrase", kdf_params=fast_kdf_params())
    session.user, session.role = "rita", Role.REVIEWER
    with pytest.raises(PermissionDenied):
        parties.create_identity(session, "Org", "Person", "a@b.cn", "seller")


def _tampered(path: Path, change) -> Path:  # type: ignore[no-untyped-def]
    doc = json.loads(path.read_bytes())
    change(doc)
    out = path.with_name("tampered-" + path.name)
    out.write_bytes(canonical_json(doc))
    return out


def test_swapped_key_is_a_fingerprint_mismatch(seller, buyer, tmp_path: Path) -> None:
    card_file = _export(seller, tmp_path, "seller")
    attacker_age = str(pyrage.x25519.Identity.generate().to_public())

    def swap(doc):  # type: ignore[no-untyped-def]
        doc["body"]["keys"]["age"] = attacker_age

    forged = _tampered(card_file, swap)
    report = parties.verify_card_file(forged)
    assert not report.ok
    assert any("fingerprint printed on the card does not match" in p for p in report.problems)
    assert any("self-signature" in p for p in report.problems)
    with pytest.raises(CardInvalid, match="fingerprint"):
        parties.import_card(buyer, forged)
    assert parties.list_cards(buyer) == []


def test_certificate_from_another_card_is_rejected(seller, buyer, tmp_path: Path) -> None:
    seller_file = _export(seller, tmp_path, "seller")
    buyer_doc = json.loads(_export(buyer, tmp_path, "buyer").read_bytes())

    def lift(doc):  # type: ignore[no-untyped-def]
        doc["body"]["keys"]["signing_certificate"] = buyer_doc["body"]["keys"]["signing_certificate"]

    report = parties.verify_card_file(_tampered(seller_file, lift))
    assert not report.ok
    assert any("not issued by the card's party root" in p for p in report.problems)
    assert any("belongs to other keys" in p for p in report.problems)


def test_import_confirm_and_forged_card_of_same_party(seller, buyer, tmp_path: Path) -> None:
    result = parties.import_card(buyer, _export(seller, tmp_path, "seller"))
    assert result.card.status == "unconfirmed" and not result.already_present
    assert parties.import_card(buyer, tmp_path / "seller.drcard").already_present
    fp = result.card.fingerprint
    confirmed = parties.confirm_card(buyer, fp[:11], "phone", "read aloud by Wang Fang")
    assert confirmed.status == "confirmed" and confirmed.confirmed_by == "buyer"
    assert "phone" in confirmed.confirmation_text()

    # A forger makes a perfectly valid card with the seller's name and e-mail but its own keys.
    forger = vault_flows.create(tmp_path / "forger", owner="eve", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    parties.create_identity(forger, "上海示例科技有限公司", "王芳", "wang.fang@example.cn", "seller")
    forged = parties.export_card(forger, tmp_path / "forged")
    forger.close()
    assert parties.verify_card_file(forged).ok  # valid as a file: only the comparison with the known card tells
    flagged = parties.import_card(buyer, forged)
    assert flagged.card.status == "suspect"
    assert any("FINGERPRINT MISMATCH" in m for m in flagged.messages)
    assert flagged.card.mismatch_with == [fp]
    assert parties.get_card(buyer, fp).status == "suspect"  # the earlier card is no longer trusted blindly either
    with pytest.raises(InputError, match="mismatch"):
        parties.confirm_card(buyer, flagged.card.fingerprint, "phone")
    again = parties.confirm_card(buyer, fp, "in-person", accept_mismatch=True)
    assert again.status == "confirmed"

    conn = buyer.vault.connection()
    details = " ".join(json.dumps(r.details, ensure_ascii=False) for r in audit_log.records(conn, action="party."))
    assert "王芳" not in details and "wang.fang" not in details


def test_rollover_chains_to_confirmed_card(seller, buyer, tmp_path: Path) -> None:
    old = parties.show_identity(seller)
    parties.import_card(buyer, _export(seller, tmp_path, "seller-1"))
    parties.confirm_card(buyer, old.fingerprint, "video")

    new = parties.rollover_identity(seller, email="fang.wang@example.cn")
    assert new.generation == 2 and new.fingerprint != old.fingerprint
    gens = parties.identity_generations(seller)
    assert [g.generation for g in gens] == [1, 2] and gens[0].retired_at and gens[1].current
    assert identity.keyset(seller.vault.connection(), 1).fingerprint == old.fingerprint  # old keys kept

    second = _export(seller, tmp_path, "seller-2")
    report = parties.verify_card_file(second)
    assert report.ok and report.rollover and report.rollover.signed_by_previous_key
    assert report.rollover.from_fingerprint == old.fingerprint

    result = parties.import_card(buyer, second)
    assert result.card.status == "confirmed" and result.card.confirmed_method == "rollover"
    assert any("replaces card" in m for m in result.messages)
    assert parties.get_card(buyer, old.fingerprint).status == "superseded"


def test_rollover_statement_cannot_be_forged(seller, buyer, tmp_path: Path) -> None:
    """A forger cannot claim to replace a confirmed card without the old private key."""
    old = parties.show_identity(seller)
    parties.import_card(buyer, _export(seller, tmp_path, "seller-1"))
    parties.confirm_card(buyer, old.fingerprint, "in-person")

    forger = vault_flows.create(tmp_path / "forger", owner="eve", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    conn = forger.vault.connection()
    with forger.vault.transaction() as tx:
        made = identity.create(tx, keys.PartyDetails("上海示例科技有限公司", "王芳", "w@example.cn", "seller"), "eve")
    ks = identity.keyset(conn)
    fake_old = keys.generate(made.party, old.party_id)  # the forger does not have the real old key
    block = cards.rollover_block(fake_old, old.card, ks.fingerprint, old.party_id, 2, made.created_at)
    with pytest.raises(CardInvalid, match="not signed by the previous key"):
        cards.build(ks, made.party, old.party_id, 2, made.created_at, rollover=block)
    forger.close()


def test_verify_card_file_reports_non_cards(tmp_path: Path) -> None:
    junk = tmp_path / "junk.drcard"
    junk.write_text("hello")
    report = parties.verify_card_file(junk)
    assert not report.ok and "not an identity card" in report.problems[0]
    other = tmp_path / "other.drcard"
    other.write_text(json.dumps({"format": "something-else"}))
    assert not parties.verify_card_file(other).ok


def test_signing_certificate_makes_pades_signatures(seller) -> None:
    """The leaf certificate and key sign a PDF that pyHanko validates as trusted when the party root is trusted."""
    import io

    from asn1crypto import keys as asn1_keys
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign import fields, signers
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    from dataroom.core.deal import card_render
    from dataroom.core.documents import pdf

    ks = identity.keyset(seller.vault.connection())
    der = serialization.Encoding.DER
    leaf = asn1_x509.Certificate.load(ks.signing_certificate.public_bytes(der))
    root = asn1_x509.Certificate.load(ks.ca_certificate.public_bytes(der))
    key = asn1_keys.PrivateKeyInfo.load(
        ks.signing_key.private_bytes(der, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    signer = signers.SimpleSigner(leaf, key, SimpleCertificateStore.from_certs([root]))
    document = pdf.render(card_render.card_document(parties.show_identity(seller).card))
    meta = signers.PdfSignatureMetadata(field_name="Party", subfilter=fields.SigSeedSubFilter.PADES)
    signed = signers.sign_pdf(IncrementalPdfFileWriter(io.BytesIO(document)), meta, signer=signer)
    status = validate_pdf_signature(PdfFileReader(signed).embedded_signatures[0], ValidationContext(trust_roots=[root]))
    assert status.intact and status.valid and status.trusted


def test_long_chinese_names_fit_in_certificates(tmp_path) -> None:
    from dataroom.core.flows import parties
    from dataroom.core.flows import vault as vault_flows
    from tests.conftest import PASSPHRASE, fast_kdf_params

    session = vault_flows.create(tmp_path / "v", owner="o", passphrase=PASSPHRASE, kdf_params=fast_kdf_params())
    org = "北京示例数据科技股份有限公司上海分公司第二事业部"  # 24 characters, 72 UTF-8 bytes
    identity = parties.create_identity(
        session, org, "欧阳娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜娜", "o@example.cn", "seller"
    )
    assert identity.fingerprint
    session.close()
