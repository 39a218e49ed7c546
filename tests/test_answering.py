"""Extractive answers on the tiny corpus: verbatim cited sentences, lists, comparisons, refusals."""

from __future__ import annotations


def cited_text(answer, engine):
    return [engine.index.documents[c.doc].text[c.start : c.end] for c in answer.citations]


def test_number_answer_quotes_the_sentence_with_the_figure(tiny_engine):
    a = tiny_engine.ask("乙区到2026年技术合同成交额要突破多少？")
    assert not a.refused and a.qtype == "number"
    assert "80亿元" in a.text and "[1]" in a.text
    c = a.citations[0]
    assert c.quote == cited_text(a, tiny_engine)[0] and "80亿元" in c.quote
    assert c.doc == "b_乙区计划.txt" and c.section == "一、总体要求" and c.page is None


def test_list_question_enumerates_the_sub_sections(tiny_engine):
    a = tiny_engine.ask("乙区行动计划的主要行动有哪些？")
    assert not a.refused
    assert [c.quote for c in a.citations] == ["（一）实施平台提升行动", "（二）实施企业培育行动", "（三）实施人才集聚行动"]
    assert "[3]" in a.text


def test_definition_answer(tiny_engine):
    a = tiny_engine.ask("丙市规划里“两城一带”是指什么？")
    assert not a.refused and "科学城、创新城和沿河创新带" in a.citations[0].quote


def test_comparison_cites_each_plan(tiny_engine):
    a = tiny_engine.ask("丙市十三五规划的研发投入目标和十四五规划解读里的基础研究投入占比分别是多少？")
    docs = {c.doc for c in a.citations}
    assert {"c_全市规划.txt", "d_解读.txt"} <= docs


def test_refusal_when_the_year_or_place_is_not_covered(tiny_engine):
    a = tiny_engine.ask("甲区到2035年国家级高新技术企业要达到多少家？")
    assert a.refused and a.citations == [] and a.nearest
    assert a.text.startswith("已收录的规划文件中没有找到") and "2035" in a.text
    b = tiny_engine.ask("戊区的研发投入强度目标是多少？")
    assert b.refused


def test_every_citation_is_an_exact_span(tiny_engine):
    for q in ("甲区要引进多少领军人才？", "乙区保障措施有哪些？", "甲区十五五规划期限是哪几年？"):
        a = tiny_engine.ask(q)
        for c in a.citations:
            assert tiny_engine.index.documents[c.doc].text[c.start : c.end] == c.quote
