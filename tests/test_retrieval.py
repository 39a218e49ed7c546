"""Hybrid retrieval: fusion maths, and ranking on the tiny corpus."""

from __future__ import annotations

import numpy as np

from planqa.query import analyze
from planqa.retrieval import HybridRetriever, alternatives_for, reciprocal_rank_fusion


def test_rrf_rewards_agreement_and_ignores_non_matches():
    bm25 = np.array([3.0, 0.0, 1.0])
    dense = np.array([0.2, 0.9, 0.8])
    fused = reciprocal_rank_fusion([bm25, dense], [1.0, 1.0], k=60)
    assert fused[2] > fused[1]  # second in both lists beats first-in-one, absent-in-other
    assert np.isclose(fused[1], 1 / 61)  # no BM25 match: only the dense contribution
    assert np.argmax(fused) == 0


def retrieve(engine, question, **kw):
    q = analyze(question, engine.metas, engine.index.keyword)
    return engine.retriever.retrieve(q, **kw)


def test_number_question_finds_its_sentence(tiny_engine):
    hits = retrieve(tiny_engine, "乙区到2026年技术合同成交额目标是多少？")
    assert hits[0].chunk.doc_id == "b_乙区计划.txt" and "80亿元" in hits[0].chunk.text
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert {"bm25", "dense", "fused"} <= set(hits[0].scores)


def test_the_plan_named_in_the_question_is_preferred(tiny_engine):
    hits = retrieve(tiny_engine, "甲区到2025年研发投入强度要达到多少？")
    assert hits[0].chunk.doc_id == "a_甲区规划.txt"


def test_keyword_only_dense_only_and_restriction(tiny_engine):
    from dataclasses import replace

    r = tiny_engine.retriever
    for cfg in (replace(r.cfg, dense=False), replace(r.cfg, keyword=False)):
        hits = HybridRetriever(tiny_engine.index, cfg).retrieve(
            analyze("技术合同成交额", tiny_engine.metas, tiny_engine.index.keyword))
        assert hits
    only = retrieve(tiny_engine, "发展目标", docs=["c_全市规划.txt"])
    assert {h.chunk.doc_id for h in only} == {"c_全市规划.txt"}


def test_alternatives_cover_aliases_and_counts():
    alts = alternatives_for({"高企": 1.0, "五个": 1.0, "方面": 0.3})
    assert "高新技术企业" in alts["高企"]
    assert "五大" in alts["五个"] and "五个" not in alts["五个"]  # 「哪五个方面」 ~ 「五大方面」
    assert "方面" not in alts
