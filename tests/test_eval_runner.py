"""The evaluation runner on the tiny corpus: metrics, ablation, report files, and the gate."""

from __future__ import annotations

import json

import pytest

from planqa.evaluation import gate
from planqa.evaluation.report import write_report
from planqa.evaluation.runner import run

from .conftest import tiny_config

QA = [
    {"id": "t1", "question": "乙区到2026年技术合同成交额要突破多少？", "answer": "80亿元", "key_facts": ["80亿元"],
     "evidence": ["到2026年，乙区技术合同成交额突破80亿元。"], "doc": "b_乙区计划.txt", "type": "number", "split": "dev"},
    {"id": "t2", "question": "甲区要引进多少领军人才？", "answer": "500人左右", "key_facts": ["500人左右"],
     "evidence": ["引进领军人才500人左右"], "doc": "a_甲区规划.txt", "type": "number", "split": "dev"},
    {"id": "t3", "question": "丙市规划里“两城一带”指什么？", "answer": "科学城、创新城和沿河创新带", "key_facts": ["沿河创新带"],
     "evidence": ["是指科学城、创新城和沿河创新带"], "doc": "c_全市规划.txt", "type": "definition", "split": "dev"},
    {"id": "t4", "question": "甲区到2035年要有多少家高企？", "answer": "", "key_facts": [], "evidence": [],
     "doc": "a_甲区规划.txt", "type": "unanswerable", "split": "dev"},
    {"id": "t5", "question": "乙区保障措施有哪些？", "answer": "", "key_facts": ["工作台账"], "evidence": ["建立工作台账"],
     "doc": "b_乙区计划.txt", "type": "list", "split": "test"},
]
WORDING = [
    {"id": "w1", "draft": "到2030年，乙区技术合同成交额突破100亿元。", "source": "到2026年，乙区技术合同成交额突破80亿元。",
     "doc": "b_乙区计划.txt", "edit": "numbers_changed", "split": "dev"},
    {"id": "w2", "draft": "加快培育低空经济新业态。", "source": "", "doc": "", "edit": "new", "split": "dev"},
]


@pytest.fixture(scope="module")
def eval_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("eval")
    (folder / "qa.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in QA), encoding="utf-8")
    (folder / "wording.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in WORDING), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def result(tiny_base, eval_dir):
    return run(tiny_config(tiny_base), "all", "dev", ablation=True, progress=False, eval_dir=eval_dir, log=lambda m: None)


def test_qa_metrics_on_the_tiny_gold_set(result):
    s = result["qa"]["summary"]
    assert s["items"] == 4 and s["answerable"] == 3  # the test-split item is left out
    assert s["hit@1"] == 1.0 and s["mrr@10"] == 1.0
    assert s["key_fact_recall"] == 1.0 and s["citation_precision"] == 1.0 and s["citation_recall"] == 1.0
    assert s["refusal_accuracy"] == 1.0 and s["false_refusal_rate"] == 0.0
    assert set(result["qa"]["by_type"]) == {"number", "definition", "unanswerable"}
    assert result["qa"]["latency_ms"]["total"]["p95"] > 0


def test_ablation_runs_every_variant_on_the_same_questions(result):
    names = [row["variant"] for row in result["ablation"]]
    assert names[0].startswith("keyword-only") and names[1].startswith("dense-only") and "default" in names[-1]
    assert all(row["items"] == 4 for row in result["ablation"])


def test_wording_metrics(result):
    w = result["wording"]["summary"]
    assert w["top1_source_accuracy"] == 1.0 and w["negatives_called_new"] == 1.0


def test_report_files(result, tmp_path):
    out = write_report(result, tmp_path / "report")
    for name in ("report.md", "metrics.json", "metrics_by_type.png", "hit_at_k.png", "latency.png", "ablation.png"):
        assert (out / name).stat().st_size > 0, name
    md = (out / "report.md").read_text(encoding="utf-8")
    assert "## 对比实验" in md and "Hit@5" in md and "## 措辞比对" in md


def test_gate_passes_within_tolerance_and_fails_beyond(result, tmp_path):
    path = tmp_path / "baseline.json"
    gate.update_baseline(path, "dev", result["headline"])
    assert gate.check(result["headline"], gate.load_baseline(path, "dev")) == []
    worse = {**result["headline"], "hit@5": result["headline"]["hit@5"] - 0.05, "false_refusal_rate": 0.1}
    failures = gate.check(worse, gate.load_baseline(path, "dev"))
    assert any(f.startswith("hit@5") for f in failures) and any(f.startswith("false_refusal_rate") for f in failures)
    assert gate.check({**result["headline"], "hit@5": result["headline"]["hit@5"] - 0.01}, gate.load_baseline(path, "dev")) == []


def test_eval_cli_check_exit_codes(tiny_base, eval_dir, tmp_path):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    env = {**os.environ, "PLANQA_CORPUS_DIR": str(tiny_base / "corpus"), "PLANQA_INDEX_DIR": str(tiny_base / "index"),
           "PLANQA_MODEL_TRAIN_EPOCHS": "1"}
    base = [sys.executable, "-m", "planqa", "eval", "--eval-dir", str(eval_dir), "--split", "dev", "--quiet",
            "--no-ablation", "--out", str(tmp_path / "r")]
    made = subprocess.run(base + ["--update-baseline"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["headline"]["hit@5"] == 1.0
    ok = subprocess.run(base + ["--check"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0 and "回归检查通过" in ok.stderr
    baseline = json.loads((eval_dir / "baseline.json").read_text(encoding="utf-8"))
    baseline["splits"]["dev"]["false_refusal_rate"] = -0.5  # pretend the baseline never refused anything
    (eval_dir / "baseline.json").write_text(json.dumps(baseline), encoding="utf-8")
    bad = subprocess.run(base + ["--check"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1 and "false_refusal_rate" in bad.stderr


def test_eval_cli_needs_only_the_gold_sets_it_evaluates(tiny_base, tmp_path):
    import os
    import subprocess
    import sys

    from .conftest import ROOT

    folder = tmp_path / "qa-only"
    folder.mkdir()
    (folder / "extra.jsonl").write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in QA), encoding="utf-8")
    env = {**os.environ, "PLANQA_CORPUS_DIR": str(tiny_base / "corpus"), "PLANQA_INDEX_DIR": str(tiny_base / "index"),
           "PLANQA_MODEL_TRAIN_EPOCHS": "1"}
    base = [sys.executable, "-m", "planqa", "eval", "--eval-dir", str(folder), "--qa-file", "extra.jsonl", "--split", "dev",
            "--quiet", "--no-ablation", "--out", str(tmp_path / "r")]
    qa = subprocess.run(base + ["--data", "qa"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert qa.returncode == 0, qa.stderr  # no wording.jsonl beside it, and none needed
    assert json.loads(qa.stdout)["headline"]["hit@5"] == 1.0
    everything = subprocess.run(base, env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert everything.returncode == 2 and "找不到金标文件" in everything.stderr and "wording.jsonl" in everything.stderr
