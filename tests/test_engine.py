"""The engine edge: bad questions get typed errors with Chinese messages; odd ones do not crash."""

from __future__ import annotations

import pytest

from planqa.errors import InvalidQuestion


@pytest.mark.parametrize(
    "question, code",
    [("", "empty_question"), ("   \n\t ", "empty_question"), ("科" * 10_000, "question_too_long"),
     ("😀🎉👍", "no_text"), ("What is the R&D target of Chaoyang district?", "not_chinese")],
)
def test_bad_questions_raise_typed_errors_with_chinese_messages(tiny_engine, question, code):
    with pytest.raises(InvalidQuestion) as e:
        tiny_engine.ask(question)
    assert e.value.code == code
    assert any("\u4e00" <= ch <= "\u9fff" for ch in e.value.message)


@pytest.mark.parametrize(
    "question",
    ["<script>alert('x')</script>甲区研发投入强度是多少？", "'; DROP TABLE plans; -- 乙区成交额",
     "甲区😀研发😀强度", "火星基地的建设规划是什么？"],
)
def test_odd_questions_are_answered_or_refused_without_crashing(tiny_engine, question):
    a = tiny_engine.ask(question)
    assert isinstance(a.text, str) and a.text
    assert a.refused or a.citations
    assert len(a.hits) >= 1


def test_out_of_corpus_question_is_refused(tiny_engine):
    assert tiny_engine.ask("火星基地的建设规划是什么？").refused


def test_follow_up_uses_history(tiny_engine):
    a = tiny_engine.ask("那乙区呢？", history=["甲区到2026年技术合同成交额要突破多少？"])
    assert a.rewritten.startswith("乙区") and not a.refused and "80亿元" in a.text


def test_timings_are_reported(tiny_engine):
    a = tiny_engine.ask("甲区研发投入强度目标是多少？")
    assert {"analyze", "retrieve", "answer", "total"} <= set(a.timings_ms)
