"""The content model of a generated document: bilingual text and a short list of block kinds.

A :class:`Document` is plain data; :func:`dataroom.core.documents.pdf.render` and
:func:`dataroom.core.documents.text.render` turn it into a PDF or plain text. Keeping content apart from layout is
what lets receipts, certificates, NDAs and letters share one look, and lets a test read the text without a PDF.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Language = Literal["zh_CN", "en"]
#: Both languages, Chinese first: the default of every bilingual document.
BOTH: tuple[Language, ...] = ("zh_CN", "en")


def languages(choice: str) -> tuple[Language, ...]:
    """``"zh_CN"``, ``"en"`` or ``"both"`` (also ``"bilingual"``) as a tuple of languages."""
    if choice in ("both", "bilingual"):
        return BOTH
    if choice in ("zh_CN", "zh", "zh-CN"):
        return ("zh_CN",)
    if choice in ("en", "en_US", "en_GB"):
        return ("en",)
    raise ValueError(f"unknown language {choice!r}")


@dataclass(frozen=True)
class Bilingual:
    """The same text in Chinese and English. Values that need no translation use the same string twice."""

    zh: str
    en: str

    @classmethod
    def same(cls, text: str) -> Bilingual:
        return cls(text, text)

    def get(self, language: Language) -> str:
        return self.zh if language == "zh_CN" else self.en

    def pick(self, langs: Sequence[Language]) -> list[str]:
        """The texts in ``langs`` order, without repeating a text that is identical in both."""
        out: list[str] = []
        for lang in langs:
            text = self.get(lang)
            if text not in out:
                out.append(text)
        return out


@dataclass(frozen=True)
class Heading:
    text: Bilingual
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    text: Bilingual
    style: Literal["body", "note", "small"] = "body"


@dataclass(frozen=True)
class Bullets:
    items: tuple[Bilingual, ...]
    numbered: bool = False
    style: Literal["body", "note", "small"] = "body"


@dataclass(frozen=True)
class Fields:
    """Label / value rows (a form-like table). Values are data, shown as given in every language."""

    rows: tuple[tuple[Bilingual, str], ...]
    mono: bool = False


@dataclass(frozen=True)
class Clause:
    """A numbered contract clause: title and body in both languages."""

    number: str
    title: Bilingual
    body: Bilingual


@dataclass(frozen=True)
class Qr:
    """A QR code of ``payload`` with an optional caption; the payload is also printed as text beside it."""

    payload: str
    caption: Bilingual | None = None
    size_mm: float = 38.0


@dataclass(frozen=True)
class Fingerprint:
    """A fingerprint shown large in a monospaced face, one line per entry (e.g. 3 lines of 4 groups).

    With ``qr`` the QR code of that payload is drawn beside it, so one glance and one scan cover the same facts.
    """

    lines: tuple[str, ...]
    label: Bilingual | None = None
    qr: str | None = None
    qr_size_mm: float = 30.0


@dataclass(frozen=True)
class SignatureLine:
    """One party's signature status on a document: who, with which key, and when (or not yet)."""

    party: str
    fingerprint: str
    status: Bilingual
    signed_at: str = ""


@dataclass(frozen=True)
class Signatures:
    lines: tuple[SignatureLine, ...]


@dataclass(frozen=True)
class Spacer:
    mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Paragraph | Bullets | Fields | Clause | Qr | Fingerprint | Signatures | Spacer | PageBreak


@dataclass
class Document:
    """A document to render. ``reference`` appears in every page footer (an id or hash prefix to quote).

    ``watermark`` is tiled diagonally over every page of the PDF (e.g. the recipient's name on a receipt).
    """

    title: Bilingual
    reference: str = ""
    languages: tuple[Language, ...] = BOTH
    watermark: str | None = None
    subject: str = ""
    blocks: list[Block] = field(default_factory=list)

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self

    def heading(self, zh: str, en: str, level: int = 1) -> Document:
        return self.add(Heading(Bilingual(zh, en), level))

    def para(self, zh: str, en: str, style: Literal["body", "note", "small"] = "body") -> Document:
        return self.add(Paragraph(Bilingual(zh, en), style))

    def bullets(
        self, items: Sequence[Bilingual], numbered: bool = False, style: Literal["body", "note", "small"] = "body"
    ) -> Document:
        return self.add(Bullets(tuple(items), numbered, style))

    def fields(self, rows: Sequence[tuple[Bilingual, str]], mono: bool = False) -> Document:
        return self.add(Fields(tuple(rows), mono))

    def clause(self, number: str, title: Bilingual, body: Bilingual) -> Document:
        return self.add(Clause(number, title, body))
