"""Rendering a :class:`~dataroom.core.documents.blocks.Document` to plain text (e-mail, SMS merges, terminals).

Lines are not wrapped: mail clients and SMS gateways wrap for themselves, and hard breaks inside Chinese text
would show as stray line ends.
"""

from __future__ import annotations

from collections.abc import Sequence

from dataroom.core.documents import blocks as b
from dataroom.core.documents.blocks import Language


def _join(text: b.Bilingual, langs: Sequence[Language]) -> list[str]:
    return text.pick(langs)


def render(doc: b.Document, langs: Sequence[Language] | None = None) -> str:
    """The document as text in ``langs`` (default: the document's languages), one language after the other.

    For a bilingual text each block shows Chinese then English, so a reader of either language can follow it.
    """
    langs = tuple(langs or doc.languages)
    out: list[str] = []
    for title in _join(doc.title, langs):
        out += [title, "=" * min(60, max(8, len(title) * (2 if not title.isascii() else 1)))]
    out.append("")
    for block in doc.blocks:
        if isinstance(block, b.Heading):
            out += _join(block.text, langs)
            out.append("-" * 8 if block.level <= 1 else "")
        elif isinstance(block, b.Paragraph):
            out += _join(block.text, langs)
            out.append("")
        elif isinstance(block, b.Bullets):
            for item in block.items:
                out += [f"- {t}" for t in _join(item, langs)]
            out.append("")
        elif isinstance(block, b.Fields):
            for label, value in block.rows:
                out.append(f"{' / '.join(_join(label, langs))}: {value}")
            out.append("")
        elif isinstance(block, b.Clause):
            for title, body in zip(_join(block.title, langs), _join(block.body, langs), strict=False):
                out += [f"{block.number} {title}", body, ""]
        elif isinstance(block, b.Qr):
            if block.caption:
                out += _join(block.caption, langs)
            out += [block.payload, ""]
        elif isinstance(block, b.Fingerprint):
            if block.label:
                out += _join(block.label, langs)
            out += [*block.lines, ""]
        elif isinstance(block, b.Signatures):
            for line in block.lines:
                status = " / ".join(_join(line.status, langs))
                out.append(f"{line.party} [{line.fingerprint}]: {status} {line.signed_at}".rstrip())
            out.append("")
    if doc.reference:
        out.append(f"Ref: {doc.reference}")
    return "\n".join(out).rstrip() + "\n"
