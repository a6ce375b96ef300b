"""Destroying received data, and the signed certificate of destruction that proves it to the other party.

Destroying a dataset: its table is dropped with ``secure_delete`` on (SQLite overwrites the freed pages), then the
vault is ``VACUUM``-ed and its write-ahead log truncated so no old page image survives, and the packet files
Dataroom imported it from are overwritten and removed (when they are still where they were imported from and
unchanged). The certificate states what was destroyed, when, by whom, under which NDA duty, and the audit head
right after the destruction; it is a bilingual PDF with the statement (canonical JSON, including the destroying
party's public card) attached, signed PAdES like a receipt. The other party checks it against the card it
confirmed and records it, which discharges the NDA's destruction duty once everything it sent is covered.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.deal import cards, fingerprint
from dataroom.core.deal.cards import Card
from dataroom.core.documents import blocks as b
from dataroom.core.documents import pdf as pdf_render
from dataroom.core.documents.blocks import Bilingual as Bi
from dataroom.core.transfer import pades, signed_pdf
from dataroom.core.transfer.errors import DocumentInvalid
from dataroom.core.transfer.pades import SignerCredentials
from dataroom.core.transfer.signed_pdf import ISSUER_FIELD, KnownRoot, SignatureCheck

FORMAT = "dataroom-destruction"
VERSION = 1
ATTACHMENT = "destruction.json"
KIND = "destruction"
QR_PREFIX = "DRDEST1"


def new_certificate_id() -> str:
    return "DST-" + uuid.uuid4().hex[:20].upper()


def shred(path: Path, expected_sha256: str) -> str:
    """Overwrite a packet file with random bytes, flush it to disk and remove it, if it is still the file that was
    imported; returns what happened, in words. (On SSDs and copy-on-write file systems an overwrite may not reach
    the old blocks; the packet was encrypted to our key in any case.)"""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError:
        return f"packet file {path.name}: no longer at {path.parent} (moved or deleted before) / 数据包文件已不在原处"
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    if digest.hexdigest() != expected_sha256:
        return f"packet file {path.name}: changed since it was imported, left alone / 数据包文件导入后已被改动，未处理"
    with open(path, "r+b") as fh:
        left = size
        while left:
            n = min(left, 1 << 20)
            fh.write(os.urandom(n))
            left -= n
        fh.flush()
        os.fsync(fh.fileno())
    path.unlink()
    return f"packet file {path.name}: overwritten with random bytes and removed / 数据包文件已用随机数据覆写并删除"


def statement(
    *,
    certificate_id: str,
    destroyed_at: str,
    user: str,
    party: Card,
    dataset: dict[str, Any],
    packets: list[dict[str, Any]],
    nda: dict[str, Any],
    method: list[str],
    anchor: tuple[int, bytes],
) -> bytes:
    """The canonical statement of one destruction (what is attached and signed)."""
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "certificate_id": certificate_id,
        "destroyed_at": destroyed_at,
        "destroyed_by": {
            "user": user,
            "fingerprint": party.fingerprint,
            "organisation": party.party.organisation,
            "person": party.party.person,
            "card": party.doc,
        },
        "dataset": dataset,
        "packets": packets,
        "nda": nda,
        "method": method,
        "audit_anchor": {"seq": anchor[0], "hash": anchor[1].hex()},
    }
    return canonical_json(doc)


@dataclass(frozen=True)
class Statement:
    """A parsed, structurally checked destruction statement."""

    doc: dict[str, Any]
    raw: bytes
    sha256: str
    card: Card

    @property
    def certificate_id(self) -> str:
        return str(self.doc["certificate_id"])

    @property
    def nda_id(self) -> str:
        return str(self.doc["nda"]["id"])

    @property
    def destroyer(self) -> str:
        return str(self.doc["destroyed_by"]["fingerprint"])

    @property
    def packet_ids(self) -> list[str]:
        return [str(p["packet_id"]) for p in self.doc["packets"]]

    def qr_payload(self) -> str:
        return f"{QR_PREFIX}:{self.certificate_id}:{self.sha256}"


def parse(raw: bytes) -> Statement:
    """The statement in ``raw``, or :class:`DocumentInvalid` saying what is wrong with it."""
    try:
        doc = json.loads(raw.decode("utf-8"))
        ok = isinstance(doc, dict) and doc.get("format") == FORMAT and doc.get("version") == VERSION
        if ok:
            by, ds, nda = doc["destroyed_by"], doc["dataset"], doc["nda"]
            ok = (
                all(isinstance(doc[k], str) for k in ("certificate_id", "destroyed_at"))
                and all(isinstance(by.get(k), str) for k in ("user", "fingerprint", "organisation", "person"))
                and isinstance(ds.get("name"), str) and isinstance(ds.get("rows"), int)
                and isinstance(nda.get("id"), str) and isinstance(nda.get("content_sha256"), str)
                and isinstance(doc["packets"], list)
                and all(isinstance(p.get("packet_id"), str) for p in doc["packets"])
                and isinstance(doc["method"], list) and all(isinstance(m, str) for m in doc["method"])
                and isinstance(doc["audit_anchor"].get("seq"), int) and isinstance(doc["audit_anchor"].get("hash"), str)
            )  # fmt: skip
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        ok = False
    if not ok:
        raise DocumentInvalid("Its destruction statement is malformed; it was not made by Dataroom as signed.")
    report = cards.check_card(doc["destroyed_by"].get("card"))
    if report.card is None or report.card.fingerprint != doc["destroyed_by"]["fingerprint"]:
        raise DocumentInvalid("The destroying party's card inside the certificate is not valid or not theirs.")
    return Statement(doc, raw, hashlib.sha256(raw).hexdigest(), report.card)


_TRIGGERS_ZH = {"expired": "协议到期", "closed": "交易交割", "terminated": "谈判终止"}


def _fp(fp: str) -> str:
    return "\n".join(fingerprint.lines(fp, 6))


def document(s: Statement) -> b.Document:
    d = s.doc
    by, ds, nda = d["destroyed_by"], d["dataset"], d["nda"]
    stamp = d["destroyed_at"][:19].replace("T", " ") + " UTC"
    doc = b.Document(
        title=Bi("数据销毁证明", "Certificate of destruction"),
        reference=f"{s.certificate_id} · SHA-256 {s.sha256[:16]} · {stamp}",
        subject=f"Dataroom certificate of destruction {s.certificate_id}",
    )
    doc.para(
        "本证明由销毁数据的一方以 PAdES 电子签名签署，证明下列数据已按保密协议约定销毁。销毁声明以附件形式嵌入本文件，"
        "下方二维码含声明哈希。",
        "The party that destroyed the data signs this certificate (PAdES) to prove that the data below was destroyed "
        "as the NDA requires. The destruction statement is embedded as an attachment; the QR code holds its hash.",
        "note",
    )
    duty = nda.get("duty") or {}
    if duty.get("trigger"):
        on, due = duty.get("triggered_on", ""), duty.get("due_on", "")
        zh = _TRIGGERS_ZH.get(duty["trigger"], duty["trigger"])
        duty_text = f"{zh}（{on}），应于 {due} 前销毁\n{duty['trigger']} on {on}; destruction due by {due}"
    else:
        duty_text = (f"协议终止、交割或到期后 {duty.get('days', '?')} 日内销毁\n"
                     f"destroy within {duty.get('days', '?')} days after the NDA ends")  # fmt: skip
    doc.heading("销毁", "Destruction")
    doc.fields([
        (Bi("证明编号 · 销毁时间", "Certificate · destroyed"), f"{s.certificate_id}\n{stamp}"),
        (Bi("销毁方", "Destroyed by"),
         f"{by['organisation']}, {by['person']} (user {by['user']})\n{_fp(by['fingerprint'])}"),
        (Bi("保密协议", "NDA"), f"{nda['id']}" + (f" · {nda['title']}" if nda.get("title") else "")),
        (Bi("销毁义务", "Destruction duty"), duty_text),
    ])  # fmt: skip
    doc.heading("所销毁的数据", "What was destroyed")
    doc.fields([
        (Bi("数据集", "Dataset"), ds["name"]),
        (Bi("行数 · 列数", "Rows · columns"), f"{ds['rows']:,} · {ds.get('columns', '?')}"),
    ] + [
        (Bi("数据包", "Packet"), f"{p['packet_id']} · {p.get('sender_organisation', '')}") for p in d["packets"]
    ])  # fmt: skip
    seq, head = d["audit_anchor"]["seq"], d["audit_anchor"]["hash"]
    hashes = [(Bi("内容哈希", "Content SHA-256"), ds.get("content_sha256", ""))]
    for p in d["packets"]:
        hashes += [(Bi("清单哈希", "Manifest SHA-256"), p.get("manifest_sha256", "")),
                   (Bi("数据包文件哈希", "Packet file SHA-256"), p.get("packet_sha256", ""))]  # fmt: skip
    hashes += [(Bi("销毁后审计链头", "Audit chain head after destruction"), f"#{seq}\n{head}")]
    doc.fields(hashes, mono=True)
    doc.heading("销毁方式", "Method", level=2)
    doc.bullets([Bi.same(m) for m in d["method"]], style="note")
    caption = Bi(f"由 {by['organisation']} 以数字签名（PAdES）签署。二维码含证明编号与声明哈希。",
                 f"Signed digitally (PAdES) by {by['organisation']}. The code holds the certificate ID and the "
                 "statement's SHA-256.")  # fmt: skip
    doc.add(b.Qr(s.qr_payload(), caption, size_mm=26))
    return doc


def certificate(raw_statement: bytes, signer: SignerCredentials) -> bytes:
    """Render, attach the statement, sign: the certificate's bytes."""
    s = parse(raw_statement)
    attached = pades.attach(pdf_render.render(document(s)), ATTACHMENT, raw_statement, "Destruction statement (JSON)")
    return pades.sign(attached, signer, ISSUER_FIELD, reason="Dataroom certificate of destruction")


@dataclass
class CertificateCheck:
    """What a certificate says and whether its signature holds."""

    statement: Statement | None
    signatures: SignatureCheck
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def issuer(self) -> signed_pdf.CheckedSignature | None:
        return self.signatures.by_field(ISSUER_FIELD)

    @property
    def confirmed(self) -> bool:
        return self.issuer is not None and self.issuer.confirmed

    def verdict(self) -> str:
        if not self.ok:
            return "NOT VALID"
        return "AUTHENTIC" if self.confirmed else "signature valid, signer not confirmed by you"

    def fail(self) -> None:
        if self.problems:
            raise DocumentInvalid("The certificate of destruction is not valid: " + " ".join(self.problems))

    def describe(self) -> list[str]:
        out = [f"Certificate of destruction: {self.verdict()}"]
        s = self.statement
        if s is not None:
            d = s.doc
            out += [
                f"  {s.certificate_id}: {d['dataset']['name']} ({d['dataset']['rows']:,} rows) destroyed "
                f"{d['destroyed_at'][:19]} by {d['destroyed_by']['organisation']} under {s.nda_id}",
                f"  packets: {', '.join(s.packet_ids) or 'none'}",
                f"  statement SHA-256: {s.sha256}",
            ]
            out += [f"  method: {m}" for m in d["method"]]
        out += ["  " + sig.describe() for sig in self.signatures.signatures]
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  problem: {p}" for p in self.problems]
        return out


def check(
    pdf: bytes, roots: dict[str, KnownRoot], *, lineage: Callable[[str], Iterable[str]] = lambda fp: [fp]
) -> CertificateCheck:
    """Verify a certificate: its statement, and one signature by the party the statement names."""
    problems: list[str] = []
    raw = pades.attachment(pdf, ATTACHMENT)
    s: Statement | None = None
    if raw is None:
        problems.append("It carries no destruction statement (not a Dataroom certificate, or it was removed).")
    else:
        try:
            s = parse(raw)
        except DocumentInvalid as exc:
            problems.append(str(exc))
    if s is not None and signed_pdf.root_sha256(s.card.ca_certificate) not in roots:
        roots = {**roots, signed_pdf.root_sha256(s.card.ca_certificate): signed_pdf.card_root(s.card)}
    sigs = signed_pdf.check(pdf, roots)
    result = CertificateCheck(s, sigs, problems)
    issuer = result.issuer
    if issuer is None or len(sigs.signatures) != 1:
        problems.append("It must carry exactly one signature, by the party that destroyed the data.")
    elif not issuer.authentic:
        problems.append("Its signature does not hold: " + issuer.describe())
    elif s is not None and (issuer.party is None or s.destroyer not in lineage(issuer.party.fingerprint)):
        problems.append("It is signed by somebody else than the party it says destroyed the data.")
    elif not issuer.report.covers_whole_file:
        problems.append("Something was added to the document after it was signed.")
    return result
