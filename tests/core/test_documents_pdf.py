"""Shared document infrastructure: bilingual PDF with the CJK font embedded as a subset, QR, watermark, text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import segno

from dataroom.core.documents import blocks as b
from dataroom.core.documents import pdf, qr, text
from dataroom.core.documents.resources import font_file, resources_dir

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdffonts") is None, reason="poppler-utils not installed"
)


def pdf_text(path: Path) -> str:
    """Text of a PDF as ``pdftotext`` extracts it (what a reader's copy-paste or a search index gets)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True)
    return done.stdout.decode("utf-8")


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """``pdffonts`` rows as dicts: name, type, emb, sub, uni."""
    done = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = []
    for line in done.stdout.splitlines()[2:]:
        parts = line.split()
        # name, type words…, encoding, emb, sub, uni, object, generation
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdf_fonts(path)
    assert fonts, "no fonts at all"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes", font
        assert re.fullmatch(r"[A-Z]{6}\+WenQuanYiMicroHei(Mono)?-\d", font["name"]), font


def sample() -> b.Document:
    doc = b.Document(
        title=b.Bilingual("数据转移收据", "Transfer receipt"), reference="REF-1 <&>", watermark="仅供 Buyer Ltd"
    )
    doc.para("个人信息保护法第二十二条规定，接收方应当继续履行个人信息处理者的义务。",
             "Under PIPL art. 22 the recipient continues the handler's obligations.")  # fmt: skip
    doc.heading("明细", "Details", level=2)
    doc.fields(
        [(b.Bilingual("哈希", "Hash"), "ab" * 64), (b.Bilingual("备注", "Note"), "<b>not bold</b> & ok")], mono=True
    )
    doc.clause("1", b.Bilingual("目的", "Purpose"), b.Bilingual("评估客户资产。", "Evaluating the customers."))
    doc.bullets([b.Bilingual("第一项", "first item")], numbered=True)
    doc.add(b.Fingerprint(("12345 67890", "11111 22222"), b.Bilingual("指纹", "Fingerprint"), qr="DRCARD1:x"))
    doc.add(b.Qr("payload-123", b.Bilingual("扫码核对", "Scan to check")))
    doc.add(b.Signatures((b.SignatureLine("甲方公司", "12345 67890", b.Bilingual("已签署", "signed"), "2026-01-01"),)))
    return doc


def test_resources_found_from_one_place() -> None:
    assert font_file().is_file() and font_file().parent.parent == resources_dir()
    assert (resources_dir() / "fonts" / "wqy-microhei.COPYRIGHT").is_file()


@needs_poppler
def test_pdf_keeps_chinese_text_and_embeds_subset_fonts(tmp_path: Path) -> None:
    path = pdf.save(sample(), tmp_path / "sample")
    assert path.suffix == ".pdf" and path.stat().st_mode & 0o077 == 0  # private by default
    extracted = pdf_text(path)
    for expected in ("数据转移收据", "个人信息保护法第二十二条", "接收方应当继续履行", "Transfer receipt", "甲方公司",
                     "<b>not bold</b> & ok", "REF-1 <&>", "12345 67890"):  # fmt: skip
        assert expected in extracted, expected
    assert re.search(r"\b1\s*/\s*1\b", extracted)  # "page N / M" in the footer
    assert_fonts_embedded(path)


def test_pdf_is_reproducible_and_watermark_changes_it() -> None:
    first, second = pdf.render(sample()), pdf.render(sample())
    assert first == second and first.startswith(b"%PDF-")
    assert b"/ca .12" in first  # the watermark's translucent fill
    plain = sample()
    plain.watermark = None
    without = pdf.render(plain)
    assert without != first and b"/ca .12" not in without


def test_single_language_document(tmp_path: Path) -> None:
    doc = sample()
    doc.languages = ("en",)
    rendered = text.render(doc)
    assert "Transfer receipt" in rendered and "数据转移收据" not in rendered
    if shutil.which("pdftotext"):
        extracted = pdf_text(pdf.save(doc, tmp_path / "en.pdf"))
        assert "Under PIPL art. 22" in extracted and "第二十二条" not in extracted


def test_text_rendering_is_bilingual_and_unwrapped() -> None:
    rendered = text.render(sample())
    assert rendered.splitlines()[0] == "数据转移收据" and "Transfer receipt" in rendered
    assert "个人信息保护法第二十二条规定，接收方应当继续履行个人信息处理者的义务。" in rendered
    assert "哈希 / Hash: " + "ab" * 64 in rendered
    assert "1 目的" in rendered and "1 Purpose" in rendered
    assert rendered.endswith("Ref: REF-1 <&>\n")


def test_qr_matrix_is_the_payload_with_quiet_zone() -> None:
    matrix = qr.modules("DRCARD1:123:abc")
    expected = [[bool(v) for v in row] for row in segno.make("DRCARD1:123:abc", error="m").matrix_iter(border=4)]
    assert matrix == expected
    assert not any(matrix[0]) and not any(row[0] for row in matrix)  # white border all round


def test_bilingual_pick_does_not_repeat_identical_text() -> None:
    assert b.Bilingual.same("NDA-1").pick(b.BOTH) == ["NDA-1"]
    assert b.Bilingual("甲", "A").pick(("en", "zh_CN")) == ["A", "甲"]
    assert b.languages("both") == b.BOTH and b.languages("zh_CN") == ("zh_CN",)
    with pytest.raises(ValueError):
        b.languages("fr")
