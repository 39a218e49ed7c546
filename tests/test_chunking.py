"""Chunking: whole sentences only, one section per chunk, sizes in characters, stable ids."""

from __future__ import annotations

from planqa.chunking import chunk_document
from planqa.cleaning import Line
from planqa.config import ChunkConfig
from planqa.schema import DocMeta
from planqa.structure import build_document
from planqa.textutil import SENTENCE_END


def doc_of(lines):
    lines = [x if isinstance(x, Line) else Line(x) for x in lines]
    return build_document("t.txt", DocMeta("t.txt", "测试规划"), lines, {})


LONG = "".join(f"第{i}项工作要扎实推进，确保各项任务按期完成并取得实效。" for i in range(1, 21))  # ~560 chars


def test_offsets_are_exact_and_sentences_are_never_cut():
    doc = doc_of(["一、任务", LONG, "二、保障", "加强组织领导。"])
    chunks = chunk_document(doc, ChunkConfig(target_chars=200, max_chars=300))
    assert len(chunks) >= 3
    for c in chunks:
        assert doc.text[c.start : c.end] == c.text
        assert c.text.rstrip()[-1] in SENTENCE_END  # ends on a sentence boundary
        assert len(c.text) <= 300 + len("一、任务\n")
    long_parts = [c for c in chunks if c.section == "一、任务"]
    assert "".join(c.text.replace("一、任务\n", "") for c in long_parts) == LONG


def test_chunks_respect_sections_and_carry_their_heading():
    doc = doc_of(["一、发展目标", "（一）总体目标", "到2025年达到5200家。", "（二）分项目标", "引进人才500人。"])
    chunks = chunk_document(doc, ChunkConfig())
    assert [c.section for c in chunks] == ["一、发展目标 > （一）总体目标", "一、发展目标 > （二）分项目标"]
    assert chunks[0].text == "一、发展目标\n（一）总体目标\n到2025年达到5200家。"
    assert chunks[1].text == "（二）分项目标\n引进人才500人。"


def test_short_paragraphs_of_one_section_are_packed():
    doc = doc_of(["专栏 2：基础研究领域", "信息科学。包括人机交互理论。", "材料科学。包括材料基因组研究。", "一、下一章", "其他内容。"])
    chunks = chunk_document(doc, ChunkConfig(target_chars=200))
    assert chunks[0].text.count("\n") == 2  # heading + two packed paragraphs


def test_table_rows_are_chunks_with_header_context():
    doc = doc_of([
        "一、目标",
        Line("主要指标", hint="table_caption"),
        Line("二级指标 | 2025年目标值", hint="table_header"),
        Line("PCT国际专利申请量（件） | 15000", hint="table_row"),
        Line("独角兽企业（家） | 40左右", hint="table_row"),
    ])
    rows = [c for c in chunk_document(doc, ChunkConfig()) if c.kind == "table_row"]
    assert [r.text for r in rows] == ["PCT国际专利申请量（件） | 15000", "独角兽企业（家） | 40左右"]
    assert rows[0].context == "主要指标\n二级指标 | 2025年目标值"
    assert rows[0].section == "一、目标 > 主要指标"


def test_chunk_ids_are_stable_and_unique():
    lines = ["一、任务", "加强组织领导。", "二、保障", "加强组织领导。"]
    a = chunk_document(doc_of(lines), ChunkConfig())
    b = chunk_document(doc_of(["前面新增的一段话。", *lines]), ChunkConfig())
    assert len({c.id for c in a}) == len(a)
    assert {c.id for c in a} <= {c.id for c in b}  # unaffected by text added elsewhere
