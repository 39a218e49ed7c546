"""Speed and memory benchmark: prints figures, asserts nothing. ``python bench/run.py``

Measures, on this machine: index build from scratch (in-process and as ``python -m planqa
index``), loading an existing index, query latency through the engine (extractive answer
included) after warm-up, the drafting desk (wording check of a 5,000-character draft,
phrase search, target extraction), and app start until it serves HTTP.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUESTIONS = [
    "副中心到2026年国家级创新平台要达到多少家？",
    "朝阳区十四五PCT国际专利申请量目标是多少？",
    "十三五时期北京全社会研发经费支出占地区生产总值比重的目标是多少？",
    "截至2015年底在京两院院士有多少人？",
    "副中心三量齐升行动计划的五大行动有哪些？",
    "“1234”总体布局指的是什么？",
    "十三五和十四五时期北京分别提出建设什么科技创新中心？",
    "朝阳区到2030年PCT国际专利申请量目标是多少？",
    "朝阳区十四五规划有哪些重点任务？",
    "三城一区是指什么？",
]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def questions() -> list[str]:
    qa = ROOT / "eval" / "qa.jsonl"
    out = list(QUESTIONS)
    if qa.exists():
        out += [json.loads(line)["question"] for line in qa.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def draft_of(chars: int) -> str:
    """A draft made of the wording gold set's drafts (adapted, reordered and new sentences), cycled."""
    drafts = [json.loads(line)["draft"] for line in (ROOT / "eval" / "wording.jsonl").read_text(encoding="utf-8").splitlines()
              if line.strip()]
    out, i = [], 0
    while sum(map(len, out)) < chars:
        out.append(drafts[i % len(drafts)])
        i += 1
    return "".join(out)[:chars]


def drafting_figures(index) -> dict:
    from planqa.drafting.targets import extract_targets
    from planqa.drafting.terms import search_phrase
    from planqa.drafting.wording import WordingChecker

    out: dict[str, object] = {}
    t = time.perf_counter()
    checker = WordingChecker(index)
    out["wording_checker_build_ms"] = round((time.perf_counter() - t) * 1000, 1)
    for chars in (5_000, 50_000):
        draft = draft_of(chars)
        runs = []
        for _ in range(3 if chars > 5_000 else 5):
            t = time.perf_counter()
            results = checker.check(draft)
            runs.append(time.perf_counter() - t)
        out[f"wording_check_{chars}_chars_s"] = {"median": round(statistics.median(runs), 3), "max": round(max(runs), 3),
                                                 "sentences": len(results)}
    runs = []
    for phrase in ["三城一区", "国际科技创新中心", "科创中心", "高精尖产业", "新型研发机构"] * 3:
        t = time.perf_counter()
        search_phrase(index, phrase)
        runs.append((time.perf_counter() - t) * 1000)
    out["terms_search_ms"] = {"p50": round(percentile(runs, 50), 1), "max": round(max(runs), 1)}
    t = time.perf_counter()
    out["targets_extracted"] = len(extract_targets(index))
    out["targets_extract_ms"] = round((time.perf_counter() - t) * 1000, 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3, help="passes over the question list")
    parser.add_argument("--skip-app", action="store_true")
    args = parser.parse_args()

    from planqa.config import Config
    from planqa.engine import Engine
    from planqa.index_store import IndexStore

    work = Path(tempfile.mkdtemp(prefix="planqa-bench-"))
    shutil.copytree(ROOT / "corpus", work / "corpus")
    cfg = Config.load(overrides={"corpus.dir": str(work / "corpus"), "index_dir": str(work / "index")})
    figures: dict[str, object] = {"cpus": os.cpu_count()}

    t = time.perf_counter()
    index = IndexStore(cfg).build(progress=lambda m: None)
    figures["index_build_in_process_s"] = round(time.perf_counter() - t, 2)
    figures["index_build_stages_ms"] = index.manifest["timings_ms"]

    env = {**os.environ, "PLANQA_CORPUS_DIR": str(work / "corpus"), "PLANQA_INDEX_DIR": str(work / "index2")}
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "planqa", "index"], cwd=ROOT, env=env, check=True, capture_output=True)
    figures["index_build_cli_s"] = round(time.perf_counter() - t, 2)

    loads = []
    for _ in range(5):
        t = time.perf_counter()
        IndexStore(cfg).load()
        loads.append((time.perf_counter() - t) * 1000)
    figures["index_load_ms_median"] = round(statistics.median(loads), 1)

    engine = Engine.open(cfg, progress=lambda m: None)
    qs = questions()
    for q in qs[:20]:  # warm-up
        engine.ask(q)
    totals, retrieve, answer = [], [], []
    for _ in range(args.rounds):
        for q in qs:
            a = engine.ask(q)
            totals.append(a.timings_ms["total"])
            retrieve.append(a.timings_ms["retrieve"])
            answer.append(a.timings_ms["answer"])
    figures["queries_timed"] = len(totals)
    figures["query_total_ms"] = {"p50": round(percentile(totals, 50), 2), "p95": round(percentile(totals, 95), 2),
                                 "max": round(max(totals), 2)}
    figures["query_retrieve_ms_p50"] = round(percentile(retrieve, 50), 2)
    figures["query_answer_ms_p50"] = round(percentile(answer, 50), 2)
    figures["drafting"] = drafting_figures(engine.index)
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    if not args.skip_app:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "PLANQA_CORPUS_DIR": str(work / "corpus"), "PLANQA_INDEX_DIR": str(work / "index")}
        t = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
                    break
                except OSError:
                    if time.perf_counter() - t > 120 or proc.poll() is not None:
                        raise RuntimeError("app did not start")
                    time.sleep(0.1)
            figures["app_start_to_serving_s"] = round(time.perf_counter() - t, 2)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(figures, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
