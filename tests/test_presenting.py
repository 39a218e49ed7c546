"""Chat rendering: [n] links, escaping, source cards with the quote highlighted, documents table."""

from __future__ import annotations

from planqa.presenting import chat_markdown, documents_html, sources_html, turn_record
from planqa.schema import Answer, Citation, DocMeta, Document, SkippedFile

DOC = Document("d.txt", DocMeta("d.txt", "甲区规划"), "一、目标\n到2025年，企业达到1200家。其他内容。")


def answer(text="根据《甲区规划》：到2025年，企业达到1200家。[1]", refused=False):
    start = DOC.text.index("到2025年")
    end = DOC.text.index("其他")
    c = Citation(1, "d.txt", "甲区规划", "一、目标", None, start, end, DOC.text[start:end], "c1", 0, len(DOC.text))
    return Answer("甲区企业目标？", text, refused, [] if refused else [c], nearest=[c] if refused else [])


def test_markers_link_to_cards_and_text_is_escaped():
    md = chat_markdown(answer("<b>注意</b>：达到1200家。[1][9]"), turn=3)
    assert '<a class="cite" href="#src-3-1"' in md
    assert "[9]" in md and "#src-3-9" not in md  # no card, no link
    assert "<b>" not in md and "&lt;b&gt;" in md


def test_source_card_highlights_the_exact_quote():
    record = turn_record(answer(), {"d.txt": DOC})
    html = sources_html([record])
    assert 'id="src-1-1"' in html and "<mark>到2025年，企业达到1200家。</mark>" in html
    assert "一、目标" in html and "d.txt" in html


def test_refusal_shows_nearest_passages_labelled_as_such():
    record = turn_record(answer("已收录的规划文件中没有找到…", refused=True), {"d.txt": DOC})
    html = sources_html([record])
    assert "最接近的段落（不构成答案）" in html
    assert "最接近的段落" in chat_markdown(answer("已收录的规划文件中没有找到…", refused=True), 1)


def test_questions_are_escaped_in_the_sources_panel():
    a = answer()
    a.question = "<script>alert(1)</script>"
    html = sources_html([turn_record(a, {"d.txt": DOC})])
    assert "<script>" not in html


def test_documents_table_lists_documents_and_skipped_files():
    html = documents_html([DOC], [SkippedFile("坏.pdf", "PDF 已加密，需要密码才能读取，已跳过")], {"d.txt": 2})
    assert "甲区规划" in html and "坏.pdf" in html and "已加密" in html
