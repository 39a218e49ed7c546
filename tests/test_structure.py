"""Structure: heading levels of official documents, section paths, blocks and offsets."""

from __future__ import annotations

from planqa.cleaning import Line
from planqa.headings import match_heading
from planqa.schema import DocMeta
from planqa.structure import build_document


def doc_of(lines: list[str | Line]):
    lines = [x if isinstance(x, Line) else Line(x) for x in lines]
    return build_document("t.txt", DocMeta("t.txt", "测试规划"), lines, {})


def test_heading_forms_and_levels():
    cases = {
        "第三章 重点任务": (1, "第三章 重点任务"),
        "一、总体要求": (2, "一、总体要求"),
        "（二）基本原则": (3, "（二）基本原则"),
        "(二)基本原则": (3, "（二）基本原则"),
        "1. 全面对接国家科技重大专项": (4, "1. 全面对接国家科技重大专项"),
        "2、培育人才": (4, "2. 培育人才"),
        "（3）实施能源产业技术跨越工程": (5, "（3）实施能源产业技术跨越工程"),
        "专栏 5：生物医药产业跨越发展(G20)工程": (8, "专栏5：生物医药产业跨越发展(G20)工程"),
    }
    for text, (level, label) in cases.items():
        m = match_heading(text)
        assert m is not None, text
        assert (m.level, m.label) == (level, label)


def test_inline_heading_takes_its_lead_sentence_as_title():
    m = match_heading("1.加大高水平创新平台落地建设。加快推动一批项目落地建设。")
    assert m.title == "加大高水平创新平台落地建设" and m.inline


def test_prose_that_starts_like_a_heading_is_not_one():
    assert match_heading("第一章“发展基础与总体要求”，主要总结“十四五”时期发展成就，分析瓶颈短板；明确发展目标。") is None
    assert match_heading("2015年，北京技术合同成交额达到3452.6亿元。") is None
    assert match_heading("1.2万家企业") is None


def test_section_paths_nest_and_pop():
    doc = doc_of([
        "甲区科技规划",
        "一、总体要求",
        "（一）总体思路",
        "坚持创新引领。",
        "（二）工作目标",
        "1.吸引一批创新资源。推动一批国家级创新资源落地。",
        "二、保障措施",
        "加强组织领导。",
    ])
    labels = [s.label for s in doc.sections]
    assert labels == [
        "一、总体要求",
        "一、总体要求 > （一）总体思路",
        "一、总体要求 > （二）工作目标",
        "一、总体要求 > （二）工作目标 > 1. 吸引一批创新资源",
        "二、保障措施",
    ]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["title", "heading", "heading", "paragraph", "heading", "paragraph", "heading", "paragraph"]
    last = doc.blocks[-1]
    assert doc.text[last.start : last.end] == "加强组织领导。"
    assert doc.section_label(last.section) == "二、保障措施"


def test_box_unnumbered_heading_and_table_caption_sit_below_numbered_sections():
    doc = doc_of([
        "一、发展目标",
        "1. 推进首都科技资源融合发展",
        "推动建设国家实验室。",
        "专栏 1：三大科技城",
        "中关村科学城。聚集全球高端创新要素。",
        "2. 坚持需求导向",
        "部署前沿技术研究。",
        Line("主要指标", hint="table_caption"),
        Line("指标 | 目标", hint="table_header"),
        Line("PCT国际专利申请量（件） | 15000", hint="table_row"),
        "二、重点任务",
    ])
    labels = [s.label for s in doc.sections]
    assert "一、发展目标 > 1. 推进首都科技资源融合发展 > 专栏1：三大科技城" in labels
    assert "一、发展目标 > 2. 坚持需求导向" in labels  # the box ended at the next numbered heading
    row = next(b for b in doc.blocks if b.kind == "table_row")
    assert doc.section_label(row.section) == "一、发展目标 > 2. 坚持需求导向 > 主要指标"


def test_unnumbered_subtitles_are_siblings():
    doc = doc_of([
        "某规划解读",
        "继往开来 紧紧抓住历史性机遇",
        "“十三五”时期，北京坚持创新驱动发展战略，取得显著成效。",
        "勇于担当 全方位谋求引领突破",
        "《规划》围绕服务国家重大战略，聚焦技术攻关。",
    ])
    assert [s.label for s in doc.sections] == ["继往开来 紧紧抓住历史性机遇", "勇于担当 全方位谋求引领突破"]


def test_pages_are_kept_for_pdf_lines():
    doc = doc_of([Line("一、目标", 1), Line("到2025年达到5200家。", 1), Line("二、任务", 2), Line("建设平台。", 2)])
    offset = doc.text.index("建设平台")
    assert doc.page_at(offset) == 2 and doc.page_at(0) == 1
