"""The CLI contract used by evaluation tools outside the repo: ask --json, ask --jsonl, index."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT

CITATION_KEYS = {"n", "doc", "title", "section", "page", "start", "end", "quote"}
HIT_KEYS = {"rank", "doc", "section", "text", "score"}


def run(args, real_base, stdin=None):
    env = {**os.environ, "PLANQA_CORPUS_DIR": str(real_base / "corpus"), "PLANQA_INDEX_DIR": str(real_base / "index")}
    return subprocess.run([sys.executable, "-m", "planqa", *args], input=stdin, capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=300)


def check_contract(result: dict, corpus_texts: dict[str, str]):
    assert {"question", "answer", "refused", "citations", "hits", "timings_ms"} <= set(result)
    assert isinstance(result["refused"], bool)
    for c in result["citations"]:
        assert CITATION_KEYS <= set(c)
        assert corpus_texts[c["doc"]][c["start"] : c["end"]] == c["quote"]
    assert len(result["hits"]) >= 10
    assert [h["rank"] for h in result["hits"]] == list(range(1, len(result["hits"]) + 1))
    for h in result["hits"]:
        assert HIT_KEYS <= set(h)


def test_ask_json_prints_one_object(real_engine, real_base):
    texts = {d: doc.text for d, doc in real_engine.index.documents.items()}
    proc = run(["ask", "--json", "副中心到2026年国家级创新平台要达到多少家？"], real_base)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    check_contract(result, texts)
    assert not result["refused"] and "10家" in result["answer"]


def test_ask_jsonl_answers_every_line_with_one_index_load(real_engine, real_base):
    texts = {d: doc.text for d, doc in real_engine.index.documents.items()}
    lines = [
        {"question": "朝阳区十四五PCT国际专利申请量目标是多少？", "id": "q1"},
        {"question": "   "},
        {"question": "What is the plan?"},
        "this is not json",
        {"question": "朝阳区到2030年PCT国际专利申请量目标是多少？"},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines) + "\n"
    proc = run(["ask", "--jsonl"], real_base, stdin)
    assert proc.returncode == 0, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(results) == 5
    check_contract(results[0], texts)
    assert results[0]["id"] == "q1" and "15000" in results[0]["citations"][0]["quote"]
    assert results[1]["error"]["code"] == "empty_question" and results[1]["refused"]
    assert results[2]["error"]["code"] == "not_chinese"
    assert results[3]["error"]["code"] == "bad_input"
    assert results[4]["refused"] and not results[4]["citations"] and results[4]["error"] is None
    assert proc.stderr.count("正在建立索引") == 0  # the existing index was loaded, once


def test_index_command_prints_the_ingest_report(real_base, tmp_path):
    (tmp_path / "corpus").mkdir()
    for p in (real_base / "corpus").iterdir():
        (tmp_path / "corpus" / p.name).write_bytes(p.read_bytes())
    (tmp_path / "corpus" / "坏文件.pdf").write_bytes(b"not a pdf at all")
    env_base = tmp_path
    proc = run(["index", "--json"], env_base)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert len(report["documents"]) == 5 and report["skipped"][0]["file"] == "坏文件.pdf"
    human = run(["index"], env_base)
    assert "跳过 1 个文件" in human.stdout and "坏文件.pdf" in human.stdout


def test_terms_json(real_engine, real_base):
    proc = run(["terms", "“三城一区”", "--json"], real_base)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert {"phrase", "variants", "total", "by_plan", "by_period", "hits"} <= set(report)
    assert report["total"] == len(report["hits"]) == sum(p["count"] for p in report["by_plan"]) > 0
    texts = {d: doc.text for d, doc in real_engine.index.documents.items()}
    for h in report["hits"]:
        assert {"doc", "section", "page", "left", "right", "match", "kind"} <= set(h)
        assert texts[h["doc"]][h["start"] : h["end"]] == h["match"]
    bad = run(["terms", "，。", "--json"], real_base)
    assert bad.returncode == 1 and json.loads(bad.stdout)["error"]["code"] == "punctuation_only"
    assert "标点" in bad.stderr


def test_targets_json_indicator_and_export(real_base, tmp_path):
    proc = run(["targets", "--json", "--indicator", "PCT国际专利申请量"], real_base)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["count"] == len(out["targets"]) > 0 and out["targets"][0]["number"] == 15000
    assert {"doc", "indicator", "value", "unit", "year", "qualifier", "kind", "section", "quote", "page"} <= set(out["targets"][0])
    missing = run(["targets", "--json", "--indicator", "火星殖民地数量"], real_base)
    assert missing.returncode == 1 and json.loads(missing.stdout)["error"]["code"] == "indicator_not_found"
    assert "没有找到" in missing.stderr
    exported = run(["targets", "--export", str(tmp_path / "指标.csv")], real_base)
    assert exported.returncode == 0 and (tmp_path / "指标.csv").read_text(encoding="utf-8-sig").startswith("指标,数值,单位")


def test_compare_file_and_export(real_base, tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("到2028年，全区国家级创新平台达到12家。全面推进人工智能与低空经济深度融合发展。")
    d.save(str(tmp_path / "草稿.docx"))
    proc = run(["compare", "--file", str(tmp_path / "草稿.docx"), "--export", str(tmp_path / "报告.docx")], real_base)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert out["summary"]["sentences"] == len(out["sentences"]) == 2
    report = docx.Document(str(tmp_path / "报告.docx"))
    assert report.tables[0].rows[1].cells[1].text == "到2028年，全区国家级创新平台达到12家。"
    (tmp_path / "坏.docx").write_bytes(b"PK not really a zip")
    bad = run(["compare", "--file", str(tmp_path / "坏.docx")], real_base)
    assert bad.returncode == 1 and "无法读取文件" in bad.stderr and "Traceback" not in bad.stderr
