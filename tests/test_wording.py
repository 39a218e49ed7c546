"""Wording check: sources found, verdicts, character diff with changed figures, and the CLI contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from planqa.drafting.wording import WordingChecker, char_diff, read_draft_file, result_to_dict, summarize
from planqa.errors import DocumentError, InputTooLarge, InvalidQuestion

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


def _index_of(plans: dict[str, tuple[str, list[str]]]):
    """A minimal stand-in for an Index: documents only, which is all the checker reads."""
    from types import SimpleNamespace

    from planqa.cleaning import Line
    from planqa.schema import DocMeta
    from planqa.structure import build_document

    docs = {name: build_document(name, DocMeta(name, name, period=period), [Line(x) for x in lines], {})
            for name, (period, lines) in plans.items()}
    return SimpleNamespace(documents=docs)


def test_same_wording_in_several_plans_is_listed_earliest_first():
    sentence = "坚持创新在现代化建设全局中的核心地位。"
    index = _index_of({
        "new.txt": ("2021-2025", ["一、指导思想", sentence]),
        "old.txt": ("2016-2020", ["一、指导思想", sentence]),
        "other.txt": ("2024-2026", ["一、总体要求", "加快建设现代化产业体系。"]),
    })
    r = WordingChecker(index).check_sentence(sentence)
    assert r.verdict == "reused"
    assert [m.sentence.doc_id for m in r.same_wording] == ["old.txt", "new.txt"]
    assert result_to_dict(r, index)["same_wording_in"][0]["doc"] == "old.txt"
    assert WordingChecker(index).check_sentence("加快建设现代化产业体系。").same_wording == []


def test_summary_shares_per_plan_and_new_sentences(checker, tiny_engine):
    results = checker.check("到2026年，乙区技术合同成交额突破80亿元。大力发展低空经济和具身智能产业，培育耐心资本。")
    info = summarize(results, tiny_engine.index)
    assert info["counts"] == {"reused": 1, "adapted": 0, "new": 1}
    assert abs(sum(info["share"].values()) - 1) < 1e-3
    assert [p["doc"] for p in info["by_plan"]] == ["b_乙区计划.txt"]
    assert info["new_sentences"] == ["大力发展低空经济和具身智能产业，培育耐心资本。"]


def test_draft_files(tmp_path):
    import docx

    d = docx.Document()
    d.add_heading("一、总体要求", level=1)
    d.add_paragraph("到2030年，乙区技术合同成交额突破120亿元。")
    d.save(str(tmp_path / "草稿.docx"))
    assert "乙区技术合同成交额突破120亿元" in read_draft_file(tmp_path / "草稿.docx")
    (tmp_path / "fake.docx").write_text("这不是一个 docx 文件", encoding="utf-8")
    with pytest.raises(DocumentError) as e:
        read_draft_file(tmp_path / "fake.docx")
    assert "fake.docx" in e.value.message
    (tmp_path / "gbk.txt").write_bytes("草稿：加快建设现代化产业体系。".encode("gb18030"))
    assert read_draft_file(tmp_path / "gbk.txt").startswith("草稿")


def test_short_draft_made_of_clauses_of_a_long_sentence_is_adapted():
    long = ("“十四五”时期，本市将以推动高质量发展为主线，以科技创新和体制机制创新为动力，以“两城一带”为主平台，"
            "以示范区为主阵地，加快建设国际科技创新中心，为建设科技强国提供有力支撑。")
    index = _index_of({"plan.txt": ("2021-2025", ["一、总体要求", long])})
    r = WordingChecker(index).check_sentence("以“两城一带”为主平台，加快建设国际科技创新中心。")
    assert r.matches[0].similarity < 0.5 and r.matches[0].coverage >= 0.9
    assert r.verdict == "adapted"
    # the diff is against the clauses the draft was taken from, not the whole long sentence
    assert r.diff_source == "以“两城一带”为主平台，以示范区为主阵地，加快建设国际科技创新中心，"
    assert [op for op in r.diff if op["op"] != "equal"] == [
        {"op": "delete", "source": "，以示范区为主阵地", "draft": ""},
        {"op": "replace", "source": "，", "draft": "。"}]
