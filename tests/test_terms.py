"""Phrase precedents: exact matches ignoring width and quotes, variants, near matches, counts, bad phrases."""

from __future__ import annotations

import pytest

from planqa.drafting.terms import period_name, search_phrase, validate_phrase, variants_of
from planqa.errors import InvalidQuestion


def test_exact_match_ignores_quotes_and_width(tiny_engine):
    index = tiny_engine.index
    for phrase in ("两城一带", "“两城一带”", '"两城一带"', "「两城一带」"):
        report = search_phrase(index, phrase)
        assert [h.kind for h in report.hits] == ["exact"], phrase
        hit = report.hits[0]
        doc = index.documents[hit.doc_id]
        assert hit.doc_id == "c_全市规划.txt" and doc.text[hit.start : hit.end] == hit.match == "两城一带"
        assert hit.section.startswith("一、总体思路") and "所称“" in hit.left and hit.right.startswith("”，是指")


def test_counts_per_plan_and_period(tiny_engine):
    report = search_phrase(tiny_engine.index, "技术合同成交额").to_dict()
    counts = {p["doc"]: p["count"] for p in report["by_plan"]}
    assert counts["b_乙区计划.txt"] == 1 and sum(counts.values()) == report["total"] == 1
    assert report["by_period"]["2024-2026"] == 1
    assert len(report["by_plan"]) == len(tiny_engine.index.documents)  # plans without the phrase count 0


def test_variants_both_directions():
    assert variants_of("科创中心") == ["科创中心", "科技创新中心"]
    assert variants_of("国际科技创新中心") == ["国际科技创新中心", "国际科创中心"]
    assert variants_of("Ｒ＆Ｄ强度")[0] == "r&d强度"  # full-width folded


def test_near_match_needs_a_long_phrase_and_keeps_the_head(real_engine):
    report = search_phrase(real_engine.index, "国际科技创新中心")
    near = {h.match for h in report.hits if h.kind == "near"}
    assert near == {"全国科技创新中心"}  # the 十三五 wording, found from the 十四五 one
    assert not [h for h in search_phrase(real_engine.index, "科创中心").hits if h.kind == "near"]  # 科学中心 is another term


def test_real_corpus_phrase_counts(real_engine):
    report = search_phrase(real_engine.index, "三城一区").to_dict()
    counts = {p["doc"][:3]: p["count"] for p in report["by_plan"]}
    texts = {d[:3]: doc.text for d, doc in real_engine.index.documents.items()}
    assert counts == {k: t.count("三城一区") for k, t in texts.items()}


def test_period_names():
    assert period_name("2021-2025") == "“十四五”（2021-2025）"
    assert period_name("2024-2026") == "2024-2026"
    assert period_name("") == "未注明"


@pytest.mark.parametrize("phrase, code", [("", "empty_phrase"), ("   ", "empty_phrase"), ("，。！", "punctuation_only"),
                                          ("创", "phrase_too_short"), ("“创”", "phrase_too_short"), ("科" * 61, "phrase_too_long")])
def test_bad_phrases(phrase, code):
    with pytest.raises(InvalidQuestion) as e:
        validate_phrase(phrase)
    assert e.value.code == code and e.value.message
