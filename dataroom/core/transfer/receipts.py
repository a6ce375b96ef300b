"""Transfer receipts: a bilingual PDF of what one packet carried, watermarked for its recipient, with the signed
manifest attached, signed by the sender (PAdES B-B) and counter-signed by the recipient after a successful import.

Life of a receipt: the sender issues it (:func:`issue`), the recipient checks it against the packet it imported and
counter-signs it by an incremental update (:func:`check` then :func:`countersign`), the sender checks both
signatures and records it. Anyone can check it offline: standard PDF tools validate the signatures (with the
parties' root certificates), and the QR code holds the manifest hash to compare with the packet.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from dataroom.core.deal import fingerprint, labels
from dataroom.core.deal.keys import PartyDetails
from dataroom.core.documents import blocks as b
from dataroom.core.documents import pdf as pdf_render
from dataroom.core.documents.blocks import Bilingual as Bi
from dataroom.core.errors import DataroomError
from dataroom.core.transfer import manifest as manifest_mod
from dataroom.core.transfer import pades, signed_pdf
from dataroom.core.transfer.errors import DocumentInvalid
from dataroom.core.transfer.manifest import Manifest
from dataroom.core.transfer.pades import SignerCredentials
from dataroom.core.transfer.signed_pdf import COUNTER_FIELD, ISSUER_FIELD, KnownRoot, SignatureCheck

ATTACHMENT = "manifest.json"
KIND = "receipt"


def watermark_text(recipient: PartyDetails, issued_at: str) -> str:
    return f"{recipient.person} · {recipient.organisation} · {recipient.email} · {issued_at[:19].replace('T', ' ')} UTC"


def _fp(fp: str) -> str:
    return "\n".join(fingerprint.lines(fp, 6))


def document(m: Manifest, packet_sha256: str, recipient: PartyDetails, nda_title: str, issued_at: str) -> b.Document:
    """The receipt of packet ``m`` for ``recipient`` (whose name, organisation and e-mail watermark every page)."""
    s, r = m.sender, m.recipient
    stamp = issued_at[:19].replace("T", " ") + " UTC"
    doc = b.Document(
        title=Bi("数据传输回执", "Data transfer receipt"),
        reference=f"{m.packet_id} · copy for {recipient.person} <{recipient.email}> · {stamp}",
        watermark=watermark_text(recipient, issued_at),
        subject=f"Dataroom transfer receipt {m.packet_id}",
    )
    doc.para(
        "本回执记录一次数据传输：发送方以 PAdES 电子签名签署，接收方成功导入数据包后会签。"
        "签署后的数据包清单以附件形式嵌入本文件，下方二维码含清单哈希，可与数据包核对。",
        "This receipt records one transfer of data. The sender signs it (PAdES); the recipient counter-signs it after "
        "importing the packet successfully. The signed packet manifest is embedded as an attachment; the QR code holds "
        "its hash, to check against the packet.",
        "note",
    )
    release = (
        Bi("完整数据（未脱敏）", "full data (not redacted)")
        if m.full
        else Bi(f"已去标识化，非匿名化（脱敏策略第 {m.policy_version} 版）",
                f"de-identified, not anonymised (redaction policy version {m.policy_version})")
    )  # fmt: skip
    doc.heading("传输", "Transfer")
    doc.fields([
        (Bi("数据包编号", "Packet ID"), m.packet_id),
        (Bi("发送时间", "Sent"), m.created_at[:19].replace("T", " ") + " UTC"),
        (Bi("发送方", "Sender"), f"{s['organisation']}\n{s['person']}"),
        (Bi("发送方指纹", "Sender fingerprint"), _fp(m.sender_fingerprint)),
        (Bi("接收方", "Recipient"), f"{r['organisation']}\n{recipient.person} <{recipient.email}>"),
        (Bi("接收方指纹", "Recipient fingerprint"), _fp(m.recipient_fingerprint)),
        (Bi("保密协议", "NDA"), f"{m.nda_id}" + (f"\n{nda_title}" if nda_title else "")),
    ])  # fmt: skip
    doc.heading("内容", "Content")
    doc.fields([
        (Bi("数据集", "Dataset"), m.dataset),
        (Bi("行数 · 列数", "Rows · columns"), f"{m.rows:,} · {len(m.columns)}"),
        (Bi("处理方式", "Release"), f"{release.zh}\n{release.en}"),
    ])  # fmt: skip
    doc.heading("各列", "Columns", level=2)
    doc.fields([
        (Bi.same(c.name), f"{labels.data_class(c.data_class).zh} / {c.data_class} · {c.describe_operator()}")
        for c in m.columns
    ])  # fmt: skip
    seq, head = m.anchor
    doc.heading("哈希与审计锚点", "Hashes and audit anchor", level=2)
    doc.fields([
        (Bi("协议内容哈希", "NDA content SHA-256"), m.nda_sha256),
        (Bi("源数据哈希", "Dataset source SHA-256"), m.dataset_sha256),
        (Bi("传输内容哈希", "Content SHA-256 (plaintext)"), m.plaintext_sha256),
        (Bi("脱敏策略哈希", "Policy SHA-256"), m.policy_sha256),
        (Bi("数据包文件哈希", "Packet file SHA-256"), packet_sha256),
        (Bi("清单哈希", "Manifest SHA-256"), m.sha256),
        (Bi("发送方审计链头", "Sender's audit chain head"), f"#{seq}\n{head}"),
    ], mono=True)  # fmt: skip
    doc.add(b.Qr(
        m.qr_payload(),
        Bi("二维码含数据包编号与清单哈希（SHA-256），可与数据包中的 manifest.json 核对。",
           "The code holds the packet ID and the manifest's SHA-256, to compare with manifest.json in the packet."),
        size_mm=30,
    ))  # fmt: skip
    doc.heading("签署", "Signatures", level=2)
    doc.add(b.Signatures((
        b.SignatureLine(s["organisation"], " ".join(fingerprint.lines(m.sender_fingerprint, 12)),
                        Bi("发送方，出具时签署", "sender, signs on issue"), stamp),
        b.SignatureLine(r["organisation"], " ".join(fingerprint.lines(m.recipient_fingerprint, 12)),
                        Bi("接收方，导入后会签", "recipient, counter-signs after import")),
    )))  # fmt: skip
    doc.para(
        "签名为 PDF 数字签名，可用 PDF 阅读器或 `dataroom verify` 校验；打印件本身不能证明签名有效。",
        "The signatures are digital PDF signatures: check them in a PDF reader or with `dataroom verify`; a printout "
        "cannot prove them by itself.",
        "small",
    )
    return doc


def issue(
    m: Manifest, packet_sha256: str, recipient: PartyDetails, nda_title: str, issued_at: str, signer: SignerCredentials
) -> bytes:
    """Render, attach the manifest, sign as the sender: the receipt's bytes."""
    rendered = pdf_render.render(document(m, packet_sha256, recipient, nda_title, issued_at))
    attached = pades.attach(rendered, ATTACHMENT, m.raw, "Signed packet manifest (canonical JSON)")
    return pades.sign(attached, signer, ISSUER_FIELD, reason="Dataroom transfer receipt (sender)")


def countersign(pdf: bytes, signer: SignerCredentials) -> bytes:
    return pades.sign(pdf, signer, COUNTER_FIELD, reason="Dataroom transfer receipt (recipient, after import)")


@dataclass
class ReceiptCheck:
    """What a receipt says and whether its signatures hold (``problems`` empty when everything checks)."""

    manifest: Manifest | None
    signatures: SignatureCheck
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def issuer(self) -> signed_pdf.CheckedSignature | None:
        return self.signatures.by_field(ISSUER_FIELD)

    @property
    def counter(self) -> signed_pdf.CheckedSignature | None:
        return self.signatures.by_field(COUNTER_FIELD)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def confirmed(self) -> bool:
        """Every signature chains to a card confirmed here (or to our own key)."""
        present = self.signatures.signatures
        return bool(present) and all(s.confirmed for s in present)

    def verdict(self) -> str:
        if not self.ok:
            return "NOT VALID"
        return "AUTHENTIC" if self.confirmed else "signatures valid, signer not confirmed by you"

    def fail(self) -> None:
        if self.problems:
            raise DocumentInvalid("The receipt is not valid: " + " ".join(self.problems))

    def describe(self) -> list[str]:
        out = [f"Transfer receipt: {self.verdict()}"]
        m = self.manifest
        if m is not None:
            out += [
                f"  packet {m.packet_id}: {m.dataset}, {m.rows:,} rows × {len(m.columns)} columns, "
                + ("full data" if m.full else f"redacted (policy v{m.policy_version})"),
                f"  from {m.sender['organisation']} to {m.recipient['organisation']} under {m.nda_id}",
                f"  manifest SHA-256: {m.sha256}",
            ]
        out += ["  " + s.describe() for s in self.signatures.signatures]
        out += [f"  note: {n}" for n in self.notes]
        out += [f"  problem: {p}" for p in self.problems]
        return out


def _manifest(pdf: bytes, problems: list[str]) -> Manifest | None:
    raw = pades.attachment(pdf, ATTACHMENT)
    if raw is None:
        problems.append("It carries no packet manifest (it is not a Dataroom receipt, or the attachment was removed).")
        return None
    try:
        return manifest_mod.validate(manifest_mod.parse_unverified(raw), raw)
    except DataroomError as exc:  # TamperedPacket: the manifest inside is malformed
        problems.append(f"Its manifest attachment is not valid: {exc}")
    return None


def _same(fp: str) -> list[str]:
    return [fp]


def check(
    pdf: bytes,
    roots: dict[str, KnownRoot],
    *,
    countersigned: bool = False,
    lineage: Callable[[str], Iterable[str]] = _same,
) -> ReceiptCheck:
    """Verify a receipt: the embedded manifest, the sender's signature (by the manifest's sender), and — when
    present, or required with ``countersigned`` — the recipient's counter-signature (by its recipient).

    ``roots`` are the parties this vault knows; when the manifest's sender is not among them, its embedded card is
    used so the report can still say "valid, signer not confirmed by you". ``lineage(fp)`` lists the fingerprints a
    signer's card replaced (key rollover), so a party that rolled its keys over still counts as itself.
    A sound counter-signature by a key no known card vouches for is noted, not held against the receipt (the
    recording flow insists on a confirmed one).
    """
    problems: list[str] = []
    m = _manifest(pdf, problems)
    if m is not None and signed_pdf.root_sha256(m.sender_card.ca_certificate) not in roots:
        roots = {**roots, signed_pdf.root_sha256(m.sender_card.ca_certificate): signed_pdf.card_root(m.sender_card)}
    sigs = signed_pdf.check(pdf, roots)
    result = ReceiptCheck(m, sigs, problems)
    names = [s.field for s in sigs.signatures]
    if any(n not in (ISSUER_FIELD, COUNTER_FIELD) for n in names) or len(set(names)) != len(names):
        problems.append(f"It has unexpected signatures ({', '.join(names)}).")
    issuer, counter = result.issuer, result.counter
    if issuer is None:
        problems.append("It is not signed by its sender.")
    elif not issuer.authentic:
        problems.append("The sender's signature does not hold: " + issuer.describe())
    elif m is not None and (issuer.party is None or m.sender_fingerprint not in lineage(issuer.party.fingerprint)):
        problems.append("It is signed by somebody else than the packet's sender.")
    if counter is None:
        if countersigned:
            problems.append("It is not counter-signed by the recipient yet.")
        elif issuer is not None and not issuer.report.covers_whole_file:
            problems.append("Something was added to the document after the sender signed it.")
    elif counter.sound and counter.party is None:
        result.notes.append("The counter-signature is sound, but nothing here says whose key made it; check it in "
                            "a vault that holds the recipient's confirmed card.")
    elif not counter.authentic:
        problems.append("The recipient's counter-signature does not hold: " + counter.describe())
    elif m is not None and (counter.party is None or m.recipient_fingerprint not in lineage(counter.party.fingerprint)):
        problems.append("It is counter-signed by somebody else than the packet's recipient.")
    elif not counter.report.covers_whole_file:
        problems.append("Something was added to the document after the recipient counter-signed it.")
    return result
