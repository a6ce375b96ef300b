"""An NDA as a printable bilingual document: header facts, parties, the signed clause text, signature status."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dataroom.core.deal import fingerprint, labels
from dataroom.core.deal import nda as ndas
from dataroom.core.documents import blocks as b
from dataroom.core.documents.blocks import Bilingual as Bi

QR_PREFIX = "DRNDA1"


def qr_payload(agreement: ndas.Nda) -> str:
    return f"{QR_PREFIX}:{agreement.id}:{agreement.content_sha256}"


def nda_document(conn: Any, nda_id: str, day: dt.date | None = None) -> b.Document:
    """The document for NDA ``nda_id`` with its signatures as checked on ``day``."""
    agreement = ndas.get(conn, nda_id)
    content = agreement.content
    state = ndas.status(conn, agreement.id, day)
    doc = b.Document(
        title=Bi("数据保密协议", "Data confidentiality agreement"),
        reference=f"{agreement.id} · SHA-256 {agreement.content_sha256[:16]}",
        languages=b.languages(content["language"]),
        subject=agreement.title,
    )
    in_force = Bi("已生效", "in force") if state.in_force else Bi("未生效", "not in force")
    doc.fields(
        [
            (Bi("协议名称", "Title"), agreement.title),
            (Bi("协议编号", "Agreement no."), agreement.id),
            (Bi("期限", "Term"), f"{content['term']['effective_on']} – {content['term']['expires_on']}"),
            (Bi("状态（核对日）", "Status (day checked)"), f"{in_force.zh} / {in_force.en} ({state.day.isoformat()})"),
            (Bi("内容哈希 (SHA-256)", "Content hash (SHA-256)"), agreement.content_sha256),
        ]
    )
    doc.heading("协议各方", "Parties")
    for party in content["parties"]:
        role = labels.role(party["role"])
        disclose = party["fingerprint"] == content["discloser"]
        side = Bi("披露方", "disclosing party") if disclose else Bi("接收方", "receiving party")
        doc.fields(
            [
                (Bi("组织", "Organisation"), party["organisation"]),
                (Bi("联系人", "Person"), party["person"]),
                (Bi("角色", "Role"), f"{role.zh}，{side.zh} / {role.en}, {side.en}"),
                (Bi("身份卡指纹", "Card fingerprint"), "\n".join(fingerprint.lines(party["fingerprint"], 6))),
            ]
        )
    extra = [r for r in content["recipients"] if r["relation"] != "party"]
    if extra:
        doc.heading("其他允许的接收人", "Other permitted recipients", level=2)
        doc.fields(
            [
                (Bi("关联方" if r["relation"] == "affiliate" else "顾问",
                    "Affiliate" if r["relation"] == "affiliate" else "Advisor"),
                 f"{r['organisation']}\n{' '.join(fingerprint.lines(r['fingerprint'], 12))}")
                for r in extra
            ]
        )  # fmt: skip
    doc.heading("条款", "Terms")
    for clause in content["clauses"]:
        doc.clause(
            clause["number"],
            Bi(clause["title"]["zh"], clause["title"]["en"]),
            Bi(clause["body"]["zh"], clause["body"]["en"]),
        )
    doc.heading("签署", "Signatures")
    doc.para(
        "各方以身份卡签名密钥对本协议内容哈希进行电子签名。下表为本文件生成时在 Dataroom 中核验的结果；"
        "请以 Dataroom 中的核验为准，打印件本身不能证明签名有效。",
        "Each party signs this agreement's content hash electronically with its identity card's signing key. The "
        "table shows what Dataroom verified when this document was made; verify in Dataroom, since a printout "
        "cannot prove a signature by itself.",
        "note",
    )
    lines = []
    for sig in state.signatures:
        if sig.valid:
            status = Bi("已签署（签名有效）", "signed (signature valid)")
        elif sig.signed:
            status = Bi("签名无效", "signature NOT valid")
        else:
            status = Bi("尚未签署", "not yet signed")
        lines.append(b.SignatureLine(sig.organisation, " ".join(fingerprint.lines(sig.fingerprint, 12)), status,
                                     sig.signed_at or ""))  # fmt: skip
    doc.add(b.Signatures(tuple(lines)))
    doc.add(
        b.Qr(
            qr_payload(agreement),
            Bi("二维码含协议编号与内容哈希，可与签署的 .drnda 文件核对。",
               "The code holds the agreement number and content hash, to check against the signed .drnda file."),
            size_mm=30,
        )
    )  # fmt: skip
    return doc
