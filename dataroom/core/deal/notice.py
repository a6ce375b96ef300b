"""The PIPL art. 22 notice: telling data subjects that their personal information moves to a recipient.

Art. 22 requires the transferring handler to tell each person the recipient's name and contact details; the
recipient continues the handler's obligations and needs fresh consent to change the purpose or manner of
processing. The notice also names the purpose and the categories of information (art. 17) and how to exercise
the rights of arts. 44–47. It is produced as a bilingual PDF (addressed to "customer", for printing or
attaching), a plain-text e-mail body with a ``{{name}}`` merge field, and a short SMS text; the facts it states
are stored with the notice record.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from dataroom.core.canonical import canonical_json
from dataroom.core.datasets import classes
from dataroom.core.datasets.store import DatasetInfo
from dataroom.core.deal import labels
from dataroom.core.documents import blocks as b
from dataroom.core.documents.blocks import Bilingual as Bi
from dataroom.core.errors import InputError

#: Merge field an e-mail tool replaces with the customer's name.
NAME_FIELD = "{{name}}"


@dataclass(frozen=True)
class NoticeFacts:
    """What the notice states; stored (as JSON) with the record that it was prepared."""

    sender: str
    sender_contact: str
    recipient: str
    recipient_contact: str
    recipient_fingerprint: str
    purpose: Bi
    categories: tuple[Bi, ...]
    dataset: str
    nda_id: str | None
    transfer_date: str
    reply_days: int

    def to_json(self) -> dict[str, Any]:
        return {
            "sender": self.sender,
            "sender_contact": self.sender_contact,
            "recipient": self.recipient,
            "recipient_contact": self.recipient_contact,
            "recipient_fingerprint": self.recipient_fingerprint,
            "purpose": {"zh": self.purpose.zh, "en": self.purpose.en},
            "categories": [{"zh": c.zh, "en": c.en} for c in self.categories],
            "dataset": self.dataset,
            "nda": self.nda_id,
            "transfer_date": self.transfer_date,
            "reply_days": self.reply_days,
        }

    def sha256(self) -> str:
        return hashlib.sha256(canonical_json(self.to_json())).hexdigest()


def categories_of(conn: Any, info: DatasetInfo, columns: list[str] | None = None) -> tuple[Bi, ...]:
    """Personal-information categories of a dataset's columns (all, or only ``columns``), from its classification."""
    stored = classes.load(conn, info)
    if not stored:
        raise InputError(f"Dataset {info.name!r} is not classified yet; classify it so the notice can name categories.")
    chosen = [c.type for c in stored if columns is None or c.name in columns]
    found = labels.categories(chosen)
    if not found:
        raise InputError(f"No column of {info.name!r} holds personal information; no notice is needed for it.")
    return tuple(found)


def check(facts: NoticeFacts) -> NoticeFacts:
    for value, what in (
        (facts.recipient_contact, "the recipient's contact details (address, phone or e-mail)"),
        (facts.sender_contact, "a contact for requests from data subjects"),
        (facts.purpose.zh, "the purpose"),
    ):
        if not value.strip():
            raise InputError(f"The notice must state {what}.")
    if not 1 <= facts.reply_days <= 60:
        raise InputError("The reply period must be between 1 and 60 days.")
    return facts


def _rights() -> list[Bi]:
    return [
        Bi("查阅、复制您的个人信息，并在符合条件时请求转移至您指定的处理者；",
           "to access and copy your personal information, and where the conditions are met to have it transferred "
           "to a handler you name;"),
        Bi("更正、补充不准确或不完整的信息；", "to have inaccurate or incomplete information corrected or completed;"),
        Bi("在法定情形下请求删除您的个人信息；",
           "to have your personal information deleted in the cases the law provides;"),
        Bi("撤回您此前作出的同意（撤回不影响撤回前已进行的处理）；",
           "to withdraw consent you gave (without affecting processing that took place before);"),
        Bi("要求对处理规则作出解释说明。", "to have the processing rules explained to you."),
    ]  # fmt: skip


def notice_document(
    facts: NoticeFacts, languages: tuple[b.Language, ...] = b.BOTH, *, merge_field: bool = False
) -> b.Document:
    """The notice as a document; ``merge_field`` greets ``{{name}}`` (for mail merges) instead of "customer"."""
    cats = labels.join(list(facts.categories))
    doc = b.Document(
        title=Bi("个人信息转移告知书", "Notice of transfer of personal information"),
        reference=f"{facts.sender} · {facts.transfer_date}",
        languages=languages,
        subject="PIPL art. 22 notice",
    )
    if merge_field:
        doc.para(f"尊敬的{NAME_FIELD}：", f"Dear {NAME_FIELD},")
    else:
        doc.para("尊敬的客户：", "Dear customer,")
    doc.para(
        f"{facts.sender}（“我们”）正在进行公司（业务）转让。依照《中华人民共和国个人信息保护法》第二十二条，"
        f"现告知您：我们处理的您的部分个人信息将转移给下列接收方。",
        f"{facts.sender} (“we”) is transferring its company (business). Under article 22 of the Personal "
        "Information Protection Law of the People's Republic of China we inform you that some of your personal "
        "information that we process will move to the recipient named below.",
    )
    doc.fields(
        [
            (Bi("接收方名称", "Recipient"), facts.recipient),
            (Bi("接收方联系方式", "Recipient's contact details"), facts.recipient_contact),
            (Bi("转移目的", "Purpose"), " / ".join(facts.purpose.pick(languages))),
            (Bi("涉及的个人信息种类", "Categories of personal information"), " / ".join(cats.pick(languages))),
            (Bi("预计转移日期", "Expected transfer date"), facts.transfer_date),
        ]
    )
    doc.heading("接收方的义务", "The recipient's obligations", level=2)
    doc.para(
        "接收方将继续履行个人信息处理者的义务，以不低于我们的标准保护您的个人信息。接收方如变更原先的处理目的、"
        "处理方式，将依法重新取得您的同意。转移过程中，信息经加密传输，并在可行时先作去标识化处理。",
        "The recipient will continue the obligations of a personal information handler and protect your "
        "information to at least our standard. If it changes the original purpose or manner of processing, it "
        "will obtain your consent again as the law requires. In transit the information is encrypted and, "
        "where possible, de-identified first.",
    )
    doc.heading("您的权利：您有权", "Your rights: you have the right", level=2)
    doc.bullets(_rights(), style="note")
    doc.heading("如何行使权利", "How to exercise your rights", level=2)
    doc.para(
        f"转移完成前，请联系我们：{facts.sender_contact}；转移完成后，请联系接收方：{facts.recipient_contact}。"
        f"我们将在收到请求后 {facts.reply_days} 日内答复。您也可以向履行个人信息保护职责的部门投诉、举报。",
        f"Before the transfer is complete, contact us: {facts.sender_contact}; afterwards, contact the recipient: "
        f"{facts.recipient_contact}. We will answer within {facts.reply_days} days of receiving your request. You "
        "may also complain to the authorities responsible for personal information protection.",
    )
    return doc


def sms_text(facts: NoticeFacts, language: b.Language = "zh_CN") -> str:
    """A short text message version (one SMS segment pair at most), no merge fields."""
    cats = labels.join(list(facts.categories[:4]))
    if language == "zh_CN":
        return (
            f"【{facts.sender}】因公司转让，您的个人信息（{cats.zh}）将转移给{facts.recipient}"
            f"（联系方式：{facts.recipient_contact}），用于{facts.purpose.zh}。接收方将继续依法保护您的个人信息。"
            f"查询、更正、删除或撤回同意，请联系{facts.sender_contact}。"
        )
    return (
        f"{facts.sender}: as our company is transferred, your personal information ({cats.en}) will move to "
        f"{facts.recipient} (contact: {facts.recipient_contact}) for {facts.purpose.en}. They will keep protecting "
        f"it as the law requires. To access, correct or delete it or withdraw consent, contact {facts.sender_contact}."
    )


def default_transfer_date(day: dt.date | None = None) -> str:
    return (day or dt.date.today()).isoformat()
