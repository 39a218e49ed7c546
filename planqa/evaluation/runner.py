"""Run the evaluation: QA (retrieval, answers, citations, refusals), wording, latency, ablations."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..engine import Engine
from ..errors import PlanQAError
from ..index_store import Index, IndexStore
from ..textutil import canonical
from .gold import anchors_for, load_qa, read_jsonl
from .metrics import fact_recall, hit_at, mean, ndcg, percentile, reciprocal_rank

HEADLINE = ["hit@5", "mrr@10", "key_fact_recall", "citation_precision", "refusal_accuracy", "false_refusal_rate"]
INDEX_KEYS = ("chunk.", "model.embed_model", "model.dim", "model.train_epochs", "model.seed")


@dataclass
class Variant:
    name: str
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def needs_own_index(self) -> bool:
        return any(k.startswith(INDEX_KEYS) for k in self.overrides)


def ablation_variants(cfg: Config) -> list[Variant]:
    """Set-ups compared side by side on the same questions: the retrieval stages, then the
    default with one lever taken away at a time (the default is the last of the first group)."""
    variants = [
        Variant("keyword-only (BM25)", {"retrieval.dense": "false", "retrieval.rerank": "false"}),
        Variant("dense-only (project model)", {"retrieval.keyword": "false", "retrieval.rerank": "false"}),
        Variant("hybrid (RRF)", {"retrieval.rerank": "false"}),
    ]
    if cfg.model.reranker:
        variants.append(Variant("hybrid + coverage rerank", {"model.reranker": ""}))
        variants.append(Variant("hybrid + rerank + CrossEncoder (default)", {}))
    else:
        variants.append(Variant("hybrid + coverage rerank (default)", {}))
    levers = [
        Variant("default + alias expansion of the query", {"retrieval.expand_aliases": "true"}),
        Variant("default − plan prior", {"retrieval.plan_prior": "0"}),
        Variant("default, score fusion instead of RRF", {"retrieval.fusion": "score"}),
        Variant("default − contrastive tuning (PPMI-SVD model only)", {"model.train_epochs": "0"}),
        Variant("default, chunks of 200 characters", {"chunk.target_chars": "200", "chunk.max_chars": "300"}),
        Variant("default, chunks of 600 characters", {"chunk.target_chars": "600", "chunk.max_chars": "900"}),
    ]
    return variants + levers


# ---------------------------------------------------------------------------- QA
def evaluate_qa(engine: Engine, items, progress: bool = True) -> list[dict]:
    documents = engine.index.documents
    chunks = engine.index.chunks
    records = []
    for item in _progress(items, progress, "问答"):
        anchors = anchors_for(item, documents)
        rec = {"id": item.id, "question": item.question, "type": item.type, "docs": item.docs,
               "difficulty": item.difficulty, "split": item.split, "key_facts": item.key_facts}
        try:
            a = engine.ask(item.question)
        except PlanQAError as e:
            rec.update(answer=e.message, refused=True, relevance=[False] * 10, n_relevant=0, citations=[],
                       fact_recall=0.0, timings={}, error=e.code)
            records.append(rec)
            continue
        rel = [anchors.relevant(h.chunk.doc_id, h.chunk.start, h.chunk.end, h.chunk.text) for h in a.hits[:10]]
        n_rel = sum(anchors.relevant(c.doc_id, c.start, c.end, c.text) for c in chunks) if item.answerable else 0
        cites = [{"doc": c.doc, "quote": c.quote, "correct": anchors.cited(c.doc, c.start, c.end, c.quote)}
                 for c in a.citations]
        rec.update(
            answer=a.text,
            refused=a.refused,
            relevance=rel,
            n_relevant=n_rel,
            first_relevant=next((i + 1 for i, r in enumerate(rel) if r), None),
            citations=cites,
            fact_recall=0.0 if a.refused else fact_recall(a.text, item.key_facts),
            missing_facts=[f for f in item.key_facts if canonical(f) not in canonical(a.text)],
            top_hit=f"{a.hits[0].chunk.doc_id[:3]} {a.hits[0].chunk.text[:40]}" if a.hits else "",
            timings=a.timings_ms,
        )
        records.append(rec)
    return records


def summarize_qa(records: list[dict]) -> dict:
    answerable = [r for r in records if r["type"] != "unanswerable"]
    unanswerable = [r for r in records if r["type"] == "unanswerable"]
    out: dict[str, float | int] = {"items": len(records), "answerable": len(answerable), "unanswerable": len(unanswerable)}
    if answerable:
        for k in (1, 3, 5, 10):
            out[f"hit@{k}"] = mean(hit_at(r["relevance"], k) for r in answerable)
        out["mrr@10"] = mean(reciprocal_rank(r["relevance"], 10) for r in answerable)
        out["ndcg@10"] = mean(ndcg(r["relevance"], r["n_relevant"], 10) for r in answerable)
        out["key_fact_recall"] = mean(r["fact_recall"] for r in answerable)
        out["all_facts_accuracy"] = mean(r["fact_recall"] == 1.0 for r in answerable)
        cited = [c for r in answerable if not r["refused"] for c in r["citations"]]
        out["citation_precision"] = mean(c["correct"] for c in cited) if cited else 0.0
        out["citation_recall"] = mean(any(c["correct"] for c in r["citations"]) for r in answerable)
        out["false_refusal_rate"] = mean(r["refused"] for r in answerable)
    if unanswerable:
        out["refusal_accuracy"] = mean(r["refused"] for r in unanswerable)
    return out


def grouped(records: list[dict], key) -> dict[str, dict]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for r in records:
        for g in key(r):
            groups[g].append(r)
    return {g: summarize_qa(rs) for g, rs in sorted(groups.items())}


def latency(records: list[dict]) -> dict[str, dict[str, float]]:
    out = {}
    for stage in ("retrieve", "answer", "total"):
        values = [r["timings"][stage] for r in records if stage in r.get("timings", {})]
        out[stage] = {"p50": percentile(values, 50), "p95": percentile(values, 95), "max": max(values, default=0.0)}
    return out


def worst_items(records: list[dict], n: int = 20) -> list[dict]:
    """The items that went most wrong, each with what went wrong (in Chinese)."""
    scored = []
    for r in records:
        problems, severity = [], 0.0
        if r["type"] == "unanswerable":
            if not r["refused"]:
                problems.append("应拒答却给出了回答")
                severity += 3
        else:
            if r.get("first_relevant") is None:
                problems.append("前10个检索结果中没有包含证据的片段")
                severity += 2
            elif r["first_relevant"] > 5:
                problems.append(f"证据片段排在第{r['first_relevant']}位")
                severity += 0.5
            if r["refused"]:
                problems.append("误拒答")
                severity += 3
            elif r["fact_recall"] < 1:
                problems.append("回答缺少要点：" + "、".join(r.get("missing_facts", [])))
                severity += 2 * (1 - r["fact_recall"])
            wrong = [c for c in r["citations"] if not c["correct"]]
            if wrong and not r["refused"]:
                problems.append(f"{len(wrong)} 条引用不在证据上")
                severity += 0.5 * len(wrong) / max(1, len(r["citations"]))
        if problems:
            scored.append((severity, r, problems))
    scored.sort(key=lambda x: (-x[0], x[1]["id"]))
    return [{"id": r["id"], "type": r["type"], "question": r["question"], "problems": p,
             "answer": r["answer"][:160], "severity": round(s, 2)} for s, r, p in scored[:n]]


# ---------------------------------------------------------------------------- wording
def evaluate_wording(index: Index, items: list[dict], progress: bool = True) -> dict:
    from ..drafting.wording import WordingChecker, strip_key

    checker = WordingChecker(index)
    records = []
    for item in _progress(items, progress, "措辞"):
        results = checker.check(item["draft"])
        first = results[0] if results else None
        rec = {"id": item["id"], "edit": item["edit"], "split": item.get("split", ""),
               "verdicts": [r.verdict for r in results]}
        if item.get("source"):
            source = strip_key(item["source"])

            def is_source(m) -> bool:
                k = m.sentence.key
                return m.sentence.doc_id == item["doc"] and (k in source or source in k or _overlap(k, source) >= 0.6)

            matches = first.matches if first else []
            rec["top1"] = bool(matches) and is_source(matches[0])
            rec["top3"] = any(is_source(m) for m in matches[:3])
            rec["verdict"] = first.verdict if first else "new"
            rec["similarity"] = round(matches[0].similarity, 3) if matches else 0.0
        else:
            rec["called_new"] = all(v == "new" for v in rec["verdicts"])
        records.append(rec)
    positives = [r for r in records if "top1" in r]
    negatives = [r for r in records if "called_new" in r]
    summary = {
        "items": len(records),
        "top1_source_accuracy": mean(r["top1"] for r in positives),
        "top3_source_accuracy": mean(r["top3"] for r in positives),
        "negatives_called_new": mean(r["called_new"] for r in negatives),
        "positives_not_called_new": mean(r["verdict"] != "new" for r in positives),
        "by_edit": {},
    }
    by_edit: dict[str, list[dict]] = defaultdict(list)
    for r in positives:
        by_edit[r["edit"]].append(r)
    summary["by_edit"] = {e: {"items": len(rs), "top1": mean(r["top1"] for r in rs)} for e, rs in sorted(by_edit.items())}
    return {"summary": summary, "records": records}


def _overlap(a: str, b: str) -> float:
    import difflib

    m = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(x.size for x in m.get_matching_blocks()) / max(1, min(len(a), len(b)))


# ---------------------------------------------------------------------------- targets
def evaluate_targets(index: Index, items: list[dict], split: str) -> dict:
    """Target extraction against the gold list (precision over all of it, recall on ``split``)."""
    from ..drafting.targets import extract_targets, match_targets

    docs = {it["doc"] for it in items}
    return match_targets([t for t in extract_targets(index) if t.doc_id in docs], items, index, split)


# ---------------------------------------------------------------------------- the run
def run(cfg: Config, data: str = "all", split: str = "all", ablation: bool = True, progress: bool = True,
        eval_dir: Path = Path("eval"), log=print, qa_file: str = "qa.jsonl") -> dict:
    t0 = time.perf_counter()
    index, status = IndexStore(cfg).load_or_build(progress=log)
    log(f"索引：{status}")
    result: dict = {"config": cfg.to_dict(), "split": split, "data": data, "qa_file": qa_file, "index": index.path.name,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%S")}
    if data in ("all", "qa"):
        items = load_qa(eval_dir / qa_file, split)
        main = Engine(index, cfg)
        records = evaluate_qa(main, items, progress)
        result["qa"] = {
            "summary": summarize_qa(records),
            "by_type": grouped(records, lambda r: [r["type"]]),
            "by_doc": grouped(records, lambda r: r["docs"]),
            "by_difficulty": grouped(records, lambda r: [r["difficulty"] or "?"]),
            "latency_ms": latency(records),
            "worst": worst_items(records),
            "records": records,
        }
        if ablation:
            rows = []
            for variant in ablation_variants(cfg):
                log(f"对比实验：{variant.name}")
                vcfg = cfg.merged(variant.overrides)
                vindex = index if not variant.needs_own_index else _variant_index(vcfg, log)
                vrecords = records if not variant.overrides else evaluate_qa(Engine(vindex, vcfg), items, False)
                summary = summarize_qa(vrecords)
                rows.append({"variant": variant.name, "overrides": variant.overrides, **summary,
                             "latency_p95_ms": latency(vrecords)["total"]["p95"]})
            result["ablation"] = rows
    if data in ("all", "wording"):
        witems = [d for d in read_jsonl(eval_dir / "wording.jsonl") if split in ("all", d.get("split"))]
        result["wording"] = evaluate_wording(index, witems, progress)
    if data in ("all", "targets") and (eval_dir / "targets.jsonl").exists():
        result["targets"] = evaluate_targets(index, read_jsonl(eval_dir / "targets.jsonl"), split)
    result["headline"] = headline(result)
    result["seconds"] = round(time.perf_counter() - t0, 1)
    return result


def headline(result: dict) -> dict[str, float]:
    out = {}
    if "qa" in result:
        s = result["qa"]["summary"]
        for k in HEADLINE:
            if k in s:
                out[k] = round(s[k], 4)
        out["latency_p95_ms"] = round(result["qa"]["latency_ms"]["total"]["p95"], 2)
    if "wording" in result:
        w = result["wording"]["summary"]
        out["wording_top1"] = round(w["top1_source_accuracy"], 4)
        out["wording_negatives_new"] = round(w["negatives_called_new"], 4)
    if "targets" in result:
        out["targets_precision"] = round(result["targets"]["precision"], 4)
        out["targets_recall"] = round(result["targets"]["recall"], 4)
    return out


def _variant_index(cfg: Config, log) -> Index:
    folder = Path(tempfile.mkdtemp(prefix="planqa-eval-"))
    return IndexStore(cfg.merged({"index_dir": str(folder)})).build(progress=lambda m: None)


def _progress(items, enabled: bool, label: str):
    if not enabled or not items:
        return items
    from tqdm import tqdm

    return tqdm(items, desc=label, unit="题", file=sys.stderr, disable=os.environ.get("PLANQA_NO_PROGRESS") == "1")
