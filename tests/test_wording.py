"""Wording check: sources found, verdicts, character diff with changed figures, and the CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from planqa.drafting.wording import WordingChecker, char_diff
from planqa.errors import InputTooLarge, InvalidQuestion

from .conftest import ROOT


@pytest.fixture(scope="module")
def checker(tiny_engine):
    return WordingChecker(tiny_engine.index)


def test_verbatim_adapted_and_new(checker):
    results = checker.check(
        "到2026年，乙区技术合同成交额突破80亿元。"  # verbatim
        "到2030年，乙区技术合同成交额突破120亿元。"  # figures changed
        "大力发展低空经济和具身智能产业，培育耐心资本。"  # new wording
    )
    assert [r.verdict for r in results] == ["reused", "adapted", "new"]
    assert results[0].matches[0].sentence.doc_id == "b_乙区计划.txt" and results[0].matches[0].similarity == 1.0
    assert {"source": "2026", "draft": "2030"} in results[1].changed_numbers
    assert {"source": "80", "draft": "120"} in results[1].changed_numbers


def test_clause_reused_inside_a_new_sentence_is_adapted(checker):
    r = checker.check_sentence("围绕数字经济发展，本区将推动建设10个市级重点实验室并配套专项资金支持。")
    assert r.verdict == "adapted" and r.matches[0].sentence.doc_id == "a_甲区规划.txt"


def test_char_diff_marks_insertions_and_deletions():
    ops, numbers = char_diff("研发投入强度达到4.5%。", "研发投入强度力争达到5%。")
    assert {"op": "insert", "source": "", "draft": "力争"} in ops
    assert numbers == [{"source": "4.5%", "draft": "5%"}]


def test_bad_drafts(checker):
    with pytest.raises(InvalidQuestion):
        checker.check("   ")
    with pytest.raises(InvalidQuestion):
        checker.check("Only English words here.")
    with pytest.raises(InputTooLarge):
        checker.check("科技创新。" * 20_000)


def test_compare_jsonl_contract(tiny_base):
    env = {**os.environ, "PLANQA_CORPUS_DIR": str(tiny_base / "corpus"), "PLANQA_INDEX_DIR": str(tiny_base / "index"),
           "PLANQA_MODEL_TRAIN_EPOCHS": "1"}
    stdin = "\n".join([json.dumps({"draft": "到2026年，乙区技术合同成交额突破80亿元。全新的表述方式。", "id": 7}, ensure_ascii=False),
                       json.dumps({"draft": ""}), "not json"]) + "\n"
    proc = subprocess.run([sys.executable, "-m", "planqa", "compare", "--jsonl"], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    first, empty, broken = [json.loads(line) for line in proc.stdout.splitlines()]
    assert first["id"] == 7 and first["error"] is None
    s = first["sentences"][0]
    assert s["verdict"] == "reused" and {"text", "verdict", "matches"} <= set(s)
    m = s["matches"][0]
    assert {"doc", "section", "source", "similarity", "start", "end"} <= set(m)
    assert m["doc"] == "b_乙区计划.txt" and m["similarity"] == 1.0
    assert first["sentences"][1]["verdict"] == "new"
    assert empty["error"]["code"] == "empty_draft" and broken["error"]["code"] == "bad_input"
