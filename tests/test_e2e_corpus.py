"""End to end on the real corpus: build the index from the five plans, ask questions of every
kind, and check that a citation quotes the sentence holding the expected fact."""

from __future__ import annotations

import pytest

from planqa.textutil import canonical

CASES = [
    # (question, kind, plan file, text the cited sentence must contain)
    ("副中心到2026年国家级创新平台要达到多少家？", "number", "001_81294c04e34c34ca.txt", "国家级创新平台总量突破10家"),
    ("朝阳区十四五PCT国际专利申请量目标是多少？", "table", "004_bc17f788b2e3181a.txt", "PCT国际专利申请量（件） | 15000"),
    ("十三五时期北京全社会研发经费支出占地区生产总值比重的目标是多少？", "number", "003_18b8db5b112a67a5.txt", "比重保持在6.0%左右"),
    ("截至2015年底在京两院院士有多少人？", "baseline", "003_18b8db5b112a67a5.txt", "在京两院院士766人"),
    ("北京十四五国际科创中心规划解读中，基础研究投入占比提升到了多少？", "number", "002_a291b5d1f9562f4f.txt", "提升至2019年的15.9%"),
    ("副中心三量齐升行动计划的五大行动有哪些？", "list", "001_81294c04e34c34ca.txt", "（五）实施科技营商环境升“温度”行动"),
    ("朝阳区十四五规划有哪些重点任务？", "list", "004_bc17f788b2e3181a.txt", "（七）深化科技体制机制改革，构建现代科技治理体系"),
    ("“1234”总体布局指的是什么？", "definition", "003_18b8db5b112a67a5.txt", "“4”项任务，即关键技术突破"),
    ("副中心十五五科技创新规划的规划期限是哪几年？", "fact", "000_ebf3b961c279d560.txt", "规划期限为2026年至2030年"),
    ("十三五规划里新能源汽车整车的产能目标是多少？", "box", "003_18b8db5b112a67a5.txt", "全市纯电动汽车产能达到50万辆"),
    ("朝阳区到2025年国家级高新技术企业要达到多少家？", "number", "004_bc17f788b2e3181a.txt", "5200"),
]


@pytest.mark.parametrize("question, kind, doc, fact", CASES, ids=[c[1] + ":" + c[0][:12] for c in CASES])
def test_answer_cites_the_sentence_with_the_fact(real_engine, question, kind, doc, fact):
    a = real_engine.ask(question)
    assert not a.refused, a.text
    assert any(c.doc == doc and canonical(fact) in canonical(c.quote) for c in a.citations), (a.text, a.citations)
    for c in a.citations:  # every quote is exactly the cleaned text at its offsets
        assert real_engine.index.documents[c.doc].text[c.start : c.end] == c.quote
        assert f"[{c.n}]" in a.text
    assert len(a.hits) >= 10


def test_comparison_across_plans_cites_both(real_engine):
    a = real_engine.ask("十三五和十四五时期北京分别提出建设什么科技创新中心？")
    assert a.qtype == "compare" and not a.refused
    assert {"003_18b8db5b112a67a5.txt", "002_a291b5d1f9562f4f.txt"} <= {c.doc for c in a.citations}


def test_question_about_an_absent_year_is_refused_with_nearest_passages(real_engine):
    a = real_engine.ask("朝阳区到2030年PCT国际专利申请量目标是多少？")
    assert a.refused and a.text.startswith("已收录的规划文件中没有找到") and a.nearest


def test_follow_up_keeps_the_topic(real_engine):
    first = "朝阳区到2025年国家级高新技术企业要达到多少家？"
    a = real_engine.ask("那独角兽企业呢？", history=[first])
    assert any("独角兽企业（家） | 40左右" in c.quote for c in a.citations)


def test_cleaning_of_the_real_corpus(real_engine):
    docs = real_engine.index.documents
    all_text = "\n".join(d.text for d in docs.values())
    assert "[bookmark" not in all_text and "ICP备" not in all_text and "字号" not in all_text
    assert "全要素生产率" in docs["003_18b8db5b112a67a5.txt"].text
    assert docs["003_18b8db5b112a67a5.txt"].cleaning["table_of_contents_removed"]["lines"] > 50
    assert len(docs["003_18b8db5b112a67a5.txt"].cleaning["broken_lines_joined"]) == 14
    assert "四、重点任务" in docs["004_bc17f788b2e3181a.txt"].text
    assert "\nIII\n" not in docs["004_bc17f788b2e3181a.txt"].text
    labels = {s.label for d in docs.values() for s in d.sections}
    assert "二、实施促进创新五大行动 > （一）实施创新资源聚集提“密度”行 > 1. 加大高水平创新平台落地建设" in labels
