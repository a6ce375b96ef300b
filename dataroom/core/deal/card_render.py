"""The printable identity card: party details, the fingerprint to read aloud, a QR code, and the public keys."""

from __future__ import annotations

import hashlib

from dataroom.core.deal import fingerprint, labels
from dataroom.core.deal.cards import Card
from dataroom.core.deal.keys import unb64
from dataroom.core.documents import blocks as b
from dataroom.core.documents.blocks import Bilingual as Bi


def _cert_line(der_sha256: str, not_before: str, not_after: str) -> str:
    return f"SHA-256 {der_sha256}\n{not_before} – {not_after}"


def card_document(card: Card, confirmation: str | None = None) -> b.Document:
    """The card as a bilingual document; ``confirmation`` (for an imported card) says how it was confirmed."""
    p = card.party
    doc = b.Document(
        title=Bi("交易方身份卡", "Party identity card"),
        reference=f"{p.organisation} · gen {card.generation} · {card.sha256[:16]}",
        subject="Dataroom identity card",
    )
    doc.para(
        "本卡载有交易一方的公钥。使用前，请与该方核对下面的安全指纹。",
        "This card carries one party's public keys. Before relying on it, compare the safety fingerprint below "
        "with that party.",
        "note",
    )
    doc.fields(
        [
            (Bi("组织", "Organisation"), p.organisation),
            (Bi("联系人", "Person"), p.person),
            (Bi("电子邮箱", "E-mail"), p.email),
            (Bi("角色", "Role"), f"{labels.role(p.role).zh} / {labels.role(p.role).en}"),
            (Bi("参与方编号", "Party ID"), card.party_id),
            (Bi("密钥代数 · 签发时间", "Key generation · issued"), f"{card.generation} · {card.created_at[:16]}Z"),
        ]
    )
    if confirmation:
        doc.fields([(Bi("本地核对记录", "Confirmed here"), confirmation)])
    doc.add(
        b.Fingerprint(
            tuple(fingerprint.lines(card.fingerprint)),
            Bi(
                "安全指纹（12 组，每组 5 位数字）。右侧二维码含指纹与身份卡文件的 SHA-256 哈希。",
                "Safety fingerprint (12 groups of 5 digits). The QR code holds it and the card file's SHA-256.",
            ),
            qr=card.qr_payload(),
            qr_size_mm=30,
        )
    )
    if card.rollover:
        old = " ".join(fingerprint.lines(card.rollover.from_fingerprint))
        doc.para(
            f"本卡替换该方第 {card.rollover.from_generation} 代密钥（指纹 {old}）。替换声明已由旧签名密钥签署，"
            "已确认旧卡的一方可据此信任本卡。",
            f"This card replaces the party's key generation {card.rollover.from_generation} (fingerprint {old}). "
            "The rollover statement is signed with the old signing key, so whoever confirmed the old card can "
            "trust this one.",
            "note",
        )
    ca, leaf = card.ca_certificate, card.signing_certificate
    doc.heading("公钥", "Public keys", level=2)
    doc.fields(
        [
            (Bi("签名公钥 Ed25519", "Signing key (Ed25519)"), unb64(card.ed25519).hex()),
            (Bi("加密接收公钥 (age)", "Encryption recipient (age)"), card.age_recipient),
            (
                Bi("根证书 (ECDSA P-256)", "Party root certificate (ECDSA P-256)"),
                _cert_line(_der_hash(card.keys["ca_certificate"]), _day(ca.not_valid_before_utc),
                           _day(ca.not_valid_after_utc)),
            ),
            (
                Bi("PDF 签名证书", "PDF signing certificate"),
                _cert_line(_der_hash(card.keys["signing_certificate"]), _day(leaf.not_valid_before_utc),
                           _day(leaf.not_valid_after_utc)),
            ),
            (Bi("身份卡文件 SHA-256", "Card file SHA-256"), card.sha256),
        ],
        mono=True,
    )  # fmt: skip
    doc.heading("如何核对", "How to confirm", level=2)
    doc.bullets(
        [
            Bi("通过您已知的联系方式（而非卡上所写的）联系对方。", "Reach the party through contact details you "
               "already know, not the ones printed on this card."),
            Bi("请对方从其 Dataroom 中读出自己的指纹，与本卡逐组比对。", "Ask them to read their fingerprint from "
               "their own Dataroom and compare it with this card group by group."),
            Bi("完全一致后，在 Dataroom 中确认本卡并记录核对方式；任何一组不一致，切勿使用：可能是伪造的身份卡。",
               "When every group matches, confirm the card in Dataroom and record how you compared it. If any "
               "group differs, do not use the card: it may be forged."),
        ],
        style="note",
    )  # fmt: skip
    return doc


def _der_hash(b64: str) -> str:
    return hashlib.sha256(unb64(b64)).hexdigest()


def _day(moment: object) -> str:
    return str(moment)[:10]
