"""Drafting-desk HTML: diffs mark changed figures, everything from drafts and documents is escaped."""

from __future__ import annotations

from planqa.drafting import views
from planqa.drafting.targets import extract_targets, find_indicator
from planqa.drafting.terms import search_phrase
from planqa.drafting.wording import WordingChecker, char_diff


def test_diff_html_marks_changed_figures():
    ops, _ = char_diff("到2026年，突破80亿元。", "到2030年，突破120亿元。")
    out = views.diff_html(ops)
    assert '<del class="num">2026</del><ins class="num">2030</ins>' in out
    assert '<del class="num">80</del><ins class="num">120</ins>' in out


def test_wording_html_escapes_the_draft_and_cites_sources(tiny_engine):
    index = tiny_engine.index
    results = WordingChecker(index).check("到2030年，乙区技术合同成交额突破120亿元。<script>alert(1)</script>新的说法就在这里。")
    out = views.wording_html(results, index)
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "《乙区科技创新行动计划（2024-2026年）》 · 一、总体要求" in out and "数字/年份变化" in out
    assert views.wording_html([], index).startswith('<div class="src-empty">')


def test_terms_html_groups_hits_by_plan(real_engine):
    index = real_engine.index
    out = views.terms_html(search_phrase(index, "国际科技创新中心"), index)
    assert out.count('<details class="kwic-plan"') == 5 and "近似" in out
    assert out.index("十三五") < out.index("十五五")  # earliest plan first


def test_indicator_comparison_orders_plans_by_time(real_engine):
    index = real_engine.index
    targets = find_indicator(extract_targets(index), "研发投入强度")
    out = views.indicator_comparison_html(targets, index, "研发投入强度")
    assert out.index("十三五") < out.index("十四五") and "<mark>5.95%</mark>" in out
    assert "没有找到" in views.indicator_comparison_html([], index, "火星<b>")
    assert "火星&lt;b&gt;" in views.indicator_comparison_html([], index, "火星<b>")
