"""Loaders: strict decoding, PDFs (text, corrupt, encrypted, image-only), docx, bad files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planqa.errors import DocumentError
from planqa.loaders import decode_text, load_file

PLAN = "朝阳区“十四五”时期科技创新发展规划\n一、发展目标\n到2025年，国家级高新技术企业数量达5200家。\n"


def make_chinese_pdf(path: Path, pages: list[str]) -> Path:
    """A real PDF with Chinese text, using reportlab's built-in CID font (no font files)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        c.setFont("STSong-Light", 12)
        y = 800
        for line in text.split("\n"):
            c.drawString(60, y, line)
            y -= 20
        c.showPage()
    c.save()
    return path


def test_utf8_with_and_without_bom(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + PLAN.encode("utf-8"))
    (tmp_path / "plain.txt").write_text(PLAN, encoding="utf-8")
    bom, plain = load_file(tmp_path / "bom.txt"), load_file(tmp_path / "plain.txt")
    assert bom.encoding == "utf-8-sig" and plain.encoding == "utf-8"
    assert bom.lines[0].text == plain.lines[0].text == "朝阳区“十四五”时期科技创新发展规划"


def test_gbk_file_is_decoded_as_gb18030(tmp_path):
    (tmp_path / "gbk.txt").write_bytes(PLAN.encode("gbk"))
    loaded = load_file(tmp_path / "gbk.txt")
    assert loaded.encoding == "gb18030"
    assert "国家级高新技术企业数量达5200家" in "\n".join(line.text for line in loaded.lines)


def test_utf8_is_tried_before_gb18030():
    # these UTF-8 bytes also decode as (wrong) GB18030; strict UTF-8 must win
    text, encoding = decode_text("科技创新".encode("utf-8"))
    assert (text, encoding) == ("科技创新", "utf-8")


def test_undecodable_bytes_are_reported_not_ignored(tmp_path):
    (tmp_path / "bad.txt").write_bytes("规划".encode("utf-8") + b"\xff\xff\x80")
    with pytest.raises(DocumentError, match="无法识别文本编码"):
        load_file(tmp_path / "bad.txt")


def test_zero_byte_and_blank_files_are_skipped_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(DocumentError, match="0 字节"):
        load_file(tmp_path / "empty.txt")
    with pytest.raises(DocumentError, match="没有可用的文字"):
        load_file(tmp_path / "blank.txt")


def test_binary_and_unsupported_files(tmp_path):
    (tmp_path / "x.txt").write_bytes(b"abc\x00\x01\x02")
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(DocumentError, match="二进制"):
        load_file(tmp_path / "x.txt")
    with pytest.raises(DocumentError, match="不支持的文件类型"):
        load_file(tmp_path / "x.xlsx")
    with pytest.raises(DocumentError, match=r"\.docx"):
        load_file(tmp_path / "old.doc")


def test_oversized_file_is_skipped(tmp_path):
    (tmp_path / "big.txt").write_text("科" * 2000, encoding="utf-8")
    with pytest.raises(DocumentError, match="文件过大"):
        load_file(tmp_path / "big.txt", max_mb=0.001)


def test_markdown_markers_are_dropped(tmp_path):
    (tmp_path / "plan.md").write_text("# 一、发展目标\n**到2025年**，达到5200家。\n", encoding="utf-8")
    lines = [line.text for line in load_file(tmp_path / "plan.md").lines]
    assert lines[:2] == ["一、发展目标", "到2025年，达到5200家。"]


def test_chinese_pdf_keeps_page_numbers(tmp_path):
    pdf = make_chinese_pdf(tmp_path / "plan.pdf", ["一、发展目标", "到2025年，国家级高新技术企业数量达5200家。"])
    loaded = load_file(pdf)
    assert loaded.kind == "pdf"
    by_page = {line.page for line in loaded.lines if "5200" in line.text}
    assert by_page == {2}
    assert any("发展目标" in line.text and line.page == 1 for line in loaded.lines)


def test_corrupt_pdf_is_skipped_with_reason(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without xref")
    with pytest.raises(DocumentError) as e:
        load_file(tmp_path / "broken.pdf")
    assert "PDF" in e.value.reason


def test_encrypted_pdf_is_skipped_with_reason(tmp_path):
    from pypdf import PdfReader, PdfWriter

    plain = make_chinese_pdf(tmp_path / "plain.pdf", ["到2025年，达到5200家。"])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    (tmp_path / "locked.pdf").write_bytes(buf.getvalue())
    with pytest.raises(DocumentError, match="加密"):
        load_file(tmp_path / "locked.pdf")


def test_image_only_pdf_is_skipped_with_reason(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "scan.pdf"))
    c.rect(50, 50, 400, 600, fill=1)  # a "scanned page": shapes, no text layer
    c.showPage()
    c.save()
    with pytest.raises(DocumentError, match="OCR"):
        load_file(tmp_path / "scan.pdf")


def test_docx_with_heading_and_table(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("一、发展目标", level=1)
    d.add_paragraph("到2025年，主要指标如下。")
    table = d.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ["指标", "2025年目标值", "属性"]):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ["PCT国际专利申请量（件）", "15000", "预期性"]):
        cell.text = text
    d.save(str(tmp_path / "plan.docx"))
    lines = load_file(tmp_path / "plan.docx").lines
    assert lines[0].hint == "heading:1" and lines[0].text == "一、发展目标"
    rows = [line for line in lines if line.hint.startswith("table")]
    assert [r.hint for r in rows] == ["table_header", "table_row"]
    assert rows[1].text == "PCT国际专利申请量（件） | 15000 | 预期性"


def test_file_named_docx_that_is_not_one(tmp_path):
    (tmp_path / "fake.docx").write_text("这不是 Word 文件", encoding="utf-8")
    with pytest.raises(DocumentError, match="不是有效的 .docx"):
        load_file(tmp_path / "fake.docx")
