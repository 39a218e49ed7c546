"""Target tracker: figures with indicator, unit, year, qualifier and kind; table rows; lookup; gold P/R."""

from __future__ import annotations

import json

from planqa.cleaning import Line
from planqa.drafting.targets import extract_from_document, extract_targets, find_indicator, match_targets, normalize_indicator
from planqa.schema import DocMeta
from planqa.structure import build_document

from .conftest import ROOT


def doc_of(lines: list[str], period: str = "2021-2025"):
    return build_document("t.txt", DocMeta("t.txt", "测试规划", period=period), [Line(x) for x in lines], {})


def rows(targets):
    return [(t.indicator, t.value, t.number, t.unit, t.year, t.qualifier, t.kind) for t in targets]


def test_targets_in_running_text(tiny_engine):
    got = rows(extract_targets(tiny_engine.index))
    assert ("甲区国家级高新技术企业", "1200家", 1200.0, "家", "2025", "", "target") in got
    assert ("研发投入强度", "4.5%", 4.5, "%", "2025", "", "target") in got
    assert ("领军人才", "500人左右", 500.0, "人", "2025", "左右", "target") in got
    assert ("乙区技术合同成交额", "80亿元", 80.0, "亿元", "2026", "突破", "target") in got
    assert ("全社会研究与试验发展（R&D）经费支出占地区生产总值比重", "6.0%左右", 6.0, "%", "2020", "保持在、左右", "target") in got
    assert not [t for t in got if t[1].startswith(("2026", "2030"))]  # 规划期限为2026年至2030年: years, not figures
    for t in extract_targets(tiny_engine.index):
        doc = tiny_engine.index.documents[t.doc_id]
        assert doc.text[t.start : t.end].strip() == t.quote and t.value in t.quote


def test_baselines_years_and_non_figures():
    doc = doc_of([
        "一、发展基础",
        "截至2020年，全区高新技术企业达到2000家。",
        "二、发展目标",
        "到2025年，技术合同成交额力争突破100亿元，研发投入强度达到6%以上。",
        "落实“3+1”政策体系，推进5G基站建设，实施第2批项目。",
    ])
    got = rows(extract_from_document(doc))
    assert got == [
        ("高新技术企业", "2000家", 2000.0, "家", "2020", "", "baseline"),
        ("技术合同成交额", "100亿元", 100.0, "亿元", "2025", "力争、突破", "target"),
        ("研发投入强度", "6%以上", 6.0, "%", "2025", "以上", "target"),
    ]


def test_indicator_table_rows(real_engine):
    pct = find_indicator(extract_targets(real_engine.index), "PCT国际专利申请量")
    assert pct and pct[0].doc_id.startswith("004") and pct[0].number == 15000 and pct[0].year == "2025"
    assert pct[0].unit == "件" and "|" in pct[0].quote


def test_indicator_lookup_folds_aliases(tiny_engine):
    targets = extract_targets(tiny_engine.index)
    assert normalize_indicator("研究与试验发展（R&D）经费支出占地区生产总值比重") == normalize_indicator("研发投入强度")
    found = {t.doc_id for t in find_indicator(targets, "研发强度")}
    assert found == {"a_甲区规划.txt", "c_全市规划.txt"}
    assert find_indicator(targets, "火星殖民地数量") == []
    assert find_indicator(targets, "") == []


def test_extraction_against_the_gold_list(real_engine):
    """Honest end-to-end figure; the gold list was written from the plans, the extractor tuned on its dev split."""
    gold = [json.loads(line) for line in (ROOT / "eval" / "targets.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) >= 60
    result = match_targets(extract_targets(real_engine.index), gold, real_engine.index)
    assert result["precision"] >= 0.95 and result["recall"] >= 0.90, (result["missed"][:5], result["spurious"][:5])
