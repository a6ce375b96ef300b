"""Rendering a :class:`~dataroom.core.documents.blocks.Document` to PDF bytes with reportlab.

A4, the bundled font embedded as a subset (so Chinese prints anywhere), Chinese text first and English below it
in a smaller grey face, a footer with the document reference and "page N / M" on every page, and an optional
tiled watermark. Output is byte-for-byte reproducible for the same document (reportlab's ``invariant`` mode),
so a document's hash means something.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors, textsplit
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus import PageBreak as RlPageBreak
from reportlab.platypus import Paragraph as RlParagraph
from reportlab.platypus import Spacer as RlSpacer
from reportlab.platypus import paragraph as paragraph_module

from dataroom.core.atomic import atomic_write
from dataroom.core.documents import blocks as b
from dataroom.core.documents import fonts, watermark
from dataroom.core.documents.qr import QrFlowable

MARGIN = 18 * mm
FOOTER_Y = 10 * mm
GREY = colors.Color(0.33, 0.33, 0.33)
RULE = colors.Color(0.75, 0.75, 0.75)


def _styles() -> dict[str, ParagraphStyle]:
    sans, mono = fonts.register()

    def style(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": sans, "fontSize": 10, "leading": 14.5, "alignment": TA_LEFT}
        base.update(kw)
        return ParagraphStyle(name, **base)

    return {
        "title_zh": style("title_zh", fontSize=18, leading=24, wordWrap="CJK"),
        "title_en": style("title_en", fontSize=12.5, leading=17, textColor=GREY, spaceAfter=4 * mm),
        "h1_zh": style("h1_zh", fontSize=12.5, leading=17, spaceBefore=3.5 * mm, wordWrap="CJK", keepWithNext=1),
        "h1_en": style("h1_en", fontSize=10, leading=13, textColor=GREY, spaceAfter=1.5 * mm, keepWithNext=1),
        "h2_zh": style("h2_zh", fontSize=10.5, leading=14.5, spaceBefore=2.5 * mm, wordWrap="CJK", keepWithNext=1),
        "h2_en": style("h2_en", fontSize=9, leading=12, textColor=GREY, spaceAfter=1 * mm, keepWithNext=1),
        "body_zh": style("body_zh", wordWrap="CJK", spaceAfter=1 * mm),
        "body_en": style("body_en", fontSize=8.8, leading=12.2, textColor=GREY, spaceAfter=2.2 * mm),
        "note_zh": style("note_zh", fontSize=8.8, leading=12.5, wordWrap="CJK", spaceAfter=0.6 * mm),
        "note_en": style("note_en", fontSize=8, leading=11, textColor=GREY, spaceAfter=1.8 * mm),
        "small_zh": style("small_zh", fontSize=7.5, leading=10.5, wordWrap="CJK"),
        "small_en": style("small_en", fontSize=7, leading=9.5, textColor=GREY, spaceAfter=1 * mm),
        "label": style("label", fontSize=8.5, leading=11.5, wordWrap="CJK"),
        "label_en": style("label_en", fontSize=7.2, leading=9.5, textColor=GREY),
        "value": style("value", fontSize=9.5, leading=13, wordWrap="CJK"),
        # CJK wrapping lets long hashes and keys break anywhere instead of running off the page.
        "mono": style("mono", fontName=mono, fontSize=8.5, leading=11.5, wordWrap="CJK"),
        "fingerprint": style("fingerprint", fontName=mono, fontSize=17, leading=24),
        "footer": style("footer", fontSize=7, leading=9, textColor=GREY),
    }


def _markup(text: str) -> str:
    """User text as reportlab paragraph markup: XML-escaped, line breaks kept."""
    return escape(text).replace("\n", "<br/>")


def _bilingual(text: b.Bilingual, langs: Sequence[b.Language], st: dict[str, ParagraphStyle], kind: str) -> list[Any]:
    out: list[Any] = []
    shown = text.pick(langs)
    for i, part in enumerate(shown):
        lang = langs[0] if len(shown) == 1 else langs[i]
        if lang == "zh_CN":
            style = st[f"{kind}_zh"]
        elif len(langs) == 1:
            # An English-only document sets English in the primary (larger, black) look, with Latin line breaking.
            style = ParagraphStyle(f"{kind}_en_primary", parent=st[f"{kind}_zh"], wordWrap=None)
        else:
            style = st[f"{kind}_en"]
        out.append(RlParagraph(_markup(_latin_quotes(part) if lang == "en" else part), style))
    return out


#: The CJK font draws curly quotes as full-width glyphs, which look gappy in English; English text gets ASCII ones.
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


def _latin_quotes(text: str) -> str:
    return text.translate(_QUOTES)


def _label(text: b.Bilingual, langs: Sequence[b.Language], st: dict[str, ParagraphStyle]) -> list[Any]:
    shown = text.pick(langs)
    return [RlParagraph(_markup(shown[0]), st["label"])] + [RlParagraph(_markup(t), st["label_en"]) for t in shown[1:]]


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = False, rules: bool = True) -> Table:
    table = Table(rows, colWidths=widths, hAlign="LEFT", repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),  # else reportlab selects Helvetica (unembedded) per cell
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3 if rules else 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3 if rules else 1),
        ("LEFTPADDING", (0, 0), (-1, -1), 3 if rules else 0),
    ]
    if rules:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.93, 0.93, 0.93)))
    table.setStyle(TableStyle(commands))
    return table


def flowables(doc: b.Document, width: float) -> list[Flowable]:
    """The platypus flowables of ``doc`` for a frame ``width`` points wide."""
    st = _styles()
    langs = doc.languages
    out: list[Flowable] = []
    out += _bilingual(doc.title, langs, st, "title")
    if len(doc.title.pick(langs)) == 1:  # the English line below the title normally makes this gap
        out.append(RlSpacer(1, 4 * mm))
    for block in doc.blocks:
        if isinstance(block, b.Heading):
            out += _bilingual(block.text, langs, st, "h1" if block.level <= 1 else "h2")
        elif isinstance(block, b.Paragraph):
            out += _bilingual(block.text, langs, st, block.style)
        elif isinstance(block, b.Bullets):
            rows = [
                [
                    RlParagraph(f"{n}." if block.numbered else "•", st[f"{block.style}_zh"]),
                    _bilingual(item, langs, st, block.style),
                ]
                for n, item in enumerate(block.items, start=1)
            ]
            out.append(_table(rows, [6 * mm, width - 6 * mm], rules=False))
        elif isinstance(block, b.Fields):
            value_style = st["mono"] if block.mono else st["value"]
            rows = [[_label(label, langs, st), RlParagraph(_markup(value), value_style)] for label, value in block.rows]
            if rows:
                out.append(_table(rows, [48 * mm, width - 48 * mm]))
                out.append(RlSpacer(1, 2 * mm))
        elif isinstance(block, b.Clause):
            title = b.Bilingual(f"{block.number}  {block.title.zh}", f"{block.number}  {block.title.en}")
            out.append(KeepTogether(_bilingual(title, langs, st, "h2") + _bilingual(block.body, langs, st, "body")[:1]))
            out += _bilingual(block.body, langs, st, "body")[1:]
        elif isinstance(block, b.Qr):
            text: list[Any] = _bilingual(block.caption, langs, st, "note") if block.caption else []
            text.append(RlParagraph(_markup(block.payload), st["mono"]))
            size = block.size_mm * mm
            out.append(_qr_table(QrFlowable(block.payload, block.size_mm), text, size + 4 * mm, width - size - 4 * mm))
        elif isinstance(block, b.Fingerprint):
            label = _bilingual(block.label, langs, st, "note") if block.label else []
            digits = [RlParagraph(_markup(line), st["fingerprint"]) for line in block.lines]
            if block.qr:
                size = block.qr_size_mm * mm
                code = QrFlowable(block.qr, block.qr_size_mm)
                out.append(_qr_table([*label, *digits], code, width - size - 4 * mm, size + 4 * mm, qr_right=True))
            else:
                out.append(KeepTogether([*label, *digits]))
            out.append(RlSpacer(1, 2 * mm))
        elif isinstance(block, b.Signatures):
            out.append(_signatures(block, langs, st, width))
        elif isinstance(block, b.Spacer):
            out.append(RlSpacer(1, block.mm * mm))
        elif isinstance(block, b.PageBreak):
            out.append(RlPageBreak())
    return out


def _qr_table(left: Any, right: Any, left_width: float, right_width: float, *, qr_right: bool = False) -> Table:
    """Two cells side by side, vertically centred: a QR code and its text (either way round)."""
    table = Table([[left, right]], colWidths=[left_width, right_width], hAlign="LEFT")
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.SANS),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("ALIGN", (1, 0), (1, 0), "RIGHT" if qr_right else "LEFT"),
    ]
    table.setStyle(TableStyle(style))
    return table


def _signatures(block: b.Signatures, langs: Sequence[b.Language], st: dict[str, ParagraphStyle], width: float) -> Any:
    head = [
        _label(b.Bilingual("签署方", "Party"), langs, st),
        _label(b.Bilingual("密钥指纹", "Key fingerprint"), langs, st),
        _label(b.Bilingual("状态", "Status"), langs, st),
    ]
    rows: list[list[Any]] = [head]
    for line in block.lines:
        status = " / ".join(line.status.pick(langs)) + (f"\n{line.signed_at}" if line.signed_at else "")
        rows.append(
            [
                RlParagraph(_markup(line.party), st["value"]),
                RlParagraph(_markup(line.fingerprint), st["mono"]),
                RlParagraph(_markup(status), st["value"]),
            ]
        )
    return KeepTogether([CondPageBreak(40 * mm), _table(rows, [0.34 * width, 0.36 * width, 0.30 * width], header=True)])


class _NumberedCanvas(Canvas):
    """Defers each page so the footer can say "page N / M" (the total is known only at the end)."""

    def __init__(self, *args: Any, footer: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = footer
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # reportlab's camelCase name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        sans, _ = fonts.register()
        width, _ = self._pagesize
        self.saveState()
        self.setFont(sans, 7)
        self.setFillColor(GREY)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.4)
        self.line(MARGIN, FOOTER_Y + 9, width - MARGIN, FOOTER_Y + 9)
        self.drawString(MARGIN, FOOTER_Y, self._footer)
        self.drawRightString(width - MARGIN, FOOTER_Y, f"{self._pageNumber} / {total}")
        self.restoreState()


def _cjk_line_rules() -> None:
    """Teach reportlab's CJK line breaker that full-width commas and colons may not start a line.

    reportlab keeps a list of characters that cannot start a line and lets them hang into the margin instead;
    the full-width comma, enumeration comma, semicolon and colon are missing from it, so Chinese lines could
    begin with "，". The list is a module-level string, copied into two modules: ``reportlab.lib.textsplit``
    (single-style paragraphs) and ``reportlab.platypus.paragraph`` (mixed styles).
    """
    for module in (textsplit, paragraph_module):
        missing = "".join(c for c in "，、；：！？" if c not in module.ALL_CANNOT_START)
        if missing:
            module.ALL_CANNOT_START += missing


def render(doc: b.Document) -> bytes:
    """The PDF of ``doc`` as bytes."""
    fonts.register()
    _cjk_line_rules()
    buffer = io.BytesIO()
    width, height = A4
    footer = " · ".join(p for p in ("Dataroom", doc.title.en, doc.reference) if p)
    template = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 6 * mm,
        title=f"{doc.title.zh} / {doc.title.en}" if doc.title.zh != doc.title.en else doc.title.en,
        author="Dataroom",
        subject=doc.subject or doc.reference,
        creator="Dataroom",
        invariant=1,
        lang="zh-CN" if doc.languages[0] == "zh_CN" else "en",
        # Without this the canvas starts in Helvetica, which then appears in the PDF as an unembedded font.
        initialFontName=fonts.SANS,
        initialFontSize=10,
    )
    frame = Frame(MARGIN, MARGIN + 6 * mm, width - 2 * MARGIN, height - 2 * MARGIN - 6 * mm, id="body")

    def on_page_end(canvas: Canvas, _doc: Any) -> None:
        if doc.watermark:
            watermark.draw(canvas, doc.watermark, width, height)

    template.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=on_page_end)])

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _NumberedCanvas(*args, footer=footer, **kwargs)

    template.build(flowables(doc, frame._width), canvasmaker=make_canvas)
    return buffer.getvalue()


def save(doc: b.Document, path: Path, mode: int = 0o600) -> Path:
    """Render ``doc`` and write it atomically to ``path`` (``.pdf`` added when there is no suffix).

    Private by default (deal documents are confidential); public ones such as identity cards pass ``0o644``.
    """
    path = Path(path)
    if not path.suffix:
        path = path.with_suffix(".pdf")
    atomic_write(path, render(doc), mode=mode)
    return path
