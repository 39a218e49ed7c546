"""Write an evaluation report: report.md, metrics.json and PNG plots (matplotlib)."""

from __future__ import annotations

import json
from pathlib import Path

NAMES = {
    "hit@1": "Hit@1", "hit@3": "Hit@3", "hit@5": "Hit@5", "hit@10": "Hit@10", "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10", "key_fact_recall": "要点召回", "all_facts_accuracy": "要点全对",
    "citation_precision": "引用精确率", "citation_recall": "引用召回", "refusal_accuracy": "拒答正确率",
    "false_refusal_rate": "误拒率",
}
TYPES = {"number": "数字", "fact": "事实", "list": "列举", "definition": "释义", "cross_doc": "跨文件",
         "unanswerable": "无答案"}


def write_report(result: dict, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "metrics.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    images = _plots(result, out_dir)
    (out_dir / "report.md").write_text(render_markdown(result, images), encoding="utf-8")
    return out_dir


def _fmt(v) -> str:
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _table(rows: list[dict], columns: list[str], first: str, first_name: str) -> list[str]:
    head = [first_name] + [NAMES.get(c, c) for c in columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in rows:
        lines.append("| " + " | ".join([str(row[first])] + [_fmt(row.get(c, "")) for c in columns]) + " |")
    return lines


def render_markdown(result: dict, images: list[str] | None = None) -> str:
    lines = [f"# PlanQA 评测报告 {result['created']}", "",
             f"数据：{result['data']}，划分：{result['split']}，索引：`{result['index']}`，用时 {result.get('seconds', '?')} 秒。", ""]
    if result.get("headline"):
        lines += ["## 核心指标", "", "| 指标 | 数值 |", "|---|---|"]
        lines += [f"| {NAMES.get(k, k)} | {_fmt(v)} |" for k, v in result["headline"].items()]
        lines.append("")
    qa = result.get("qa")
    if qa:
        s = qa["summary"]
        lines += [f"## 问答（{s['items']} 题：可回答 {s['answerable']}，无答案 {s['unanswerable']}）", ""]
        cols = ["hit@1", "hit@3", "hit@5", "hit@10", "mrr@10", "ndcg@10", "key_fact_recall", "all_facts_accuracy",
                "citation_precision", "citation_recall", "false_refusal_rate", "refusal_accuracy"]
        lines += _table([{"g": "全部", **s}], cols, "g", "范围") + [""]
        lines += ["### 按题型", ""] + _table(
            [{"g": f"{TYPES.get(t, t)}（{v['items']}）", **v} for t, v in qa["by_type"].items()], cols, "g", "题型") + [""]
        lines += ["### 按文件", ""] + _table(
            [{"g": f"{d[:3]}（{v['items']}）", **v} for d, v in qa["by_doc"].items()], cols, "g", "文件") + [""]
        lat = qa["latency_ms"]
        lines += ["### 延迟（毫秒，引擎内，含抽取式回答）", "", "| 阶段 | p50 | p95 | 最大 |", "|---|---|---|---|"]
        lines += [f"| {k} | {v['p50']:.2f} | {v['p95']:.2f} | {v['max']:.2f} |" for k, v in lat.items()] + [""]
    if result.get("ablation"):
        cols = ["hit@1", "hit@5", "mrr@10", "ndcg@10", "key_fact_recall", "citation_precision", "refusal_accuracy",
                "false_refusal_rate", "latency_p95_ms"]
        lines += ["## 对比实验（同一批问题、同一台机器、一次运行）", ""] + _table(result["ablation"], cols, "variant", "方案") + [""]
    if result.get("wording"):
        w = result["wording"]["summary"]
        lines += ["## 措辞比对", "", f"- 首位来源正确率（top-1）：{w['top1_source_accuracy']:.3f}",
                  f"- 前三来源正确率（top-3）：{w['top3_source_accuracy']:.3f}",
                  f"- 新写法判为“new”的比例：{w['negatives_called_new']:.3f}",
                  f"- 改写句未被误判为“new”的比例：{w['positives_not_called_new']:.3f}", "",
                  "| 改写方式 | 题数 | top-1 |", "|---|---|---|"]
        lines += [f"| {e} | {v['items']} | {v['top1']:.3f} |" for e, v in w["by_edit"].items()] + [""]
    if result.get("targets"):
        t = result["targets"]
        lines += ["## 指标抽取", "", f"- 精确率 {t['precision']:.3f}，召回率 {t['recall']:.3f}"
                  f"（抽取 {t['extracted']} 条，金标 {t['gold']} 条，匹配 {t['matched']} 条）", ""]
    if qa and qa.get("worst"):
        lines += ["## 最差的 20 题", "", "| 编号 | 题型 | 问题 | 问题所在 |", "|---|---|---|---|"]
        for w in qa["worst"]:
            lines.append(f"| {w['id']} | {TYPES.get(w['type'], w['type'])} | {w['question']} | {'；'.join(w['problems'])} |")
        lines.append("")
    for img in images or []:
        lines.append(f"![{img}]({img})")
    return "\n".join(lines) + "\n"


def _plots(result: dict, out_dir: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib import font_manager

    for name in ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Droid Sans Fallback"):
        if any(f.name == name for f in font_manager.fontManager.ttflist):
            plt.rcParams["font.family"] = name
            break
    plt.rcParams["axes.unicode_minus"] = False
    images = []
    qa = result.get("qa")
    if qa:
        types = [t for t in qa["by_type"] if t != "unanswerable"]
        fig, ax = plt.subplots(figsize=(8, 4))
        metrics = ["hit@5", "mrr@10", "key_fact_recall", "citation_precision"]
        width = 0.8 / len(metrics)
        for i, m in enumerate(metrics):
            values = [qa["by_type"][t].get(m, 0) for t in types]
            ax.bar([x + i * width for x in range(len(types))], values, width, label=NAMES.get(m, m))
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(types))], [TYPES.get(t, t) for t in types])
        ax.set_ylim(0, 1.05)
        ax.set_title("各题型指标（可回答题）")
        ax.legend(fontsize=8, loc="lower right")
        images.append(_save(fig, out_dir, "metrics_by_type.png"))

        fig, ax = plt.subplots(figsize=(5, 3.5))
        rows = result.get("ablation") or [{"variant": "default", **qa["summary"]}]
        for row in rows:
            ax.plot([1, 3, 5, 10], [row.get(f"hit@{k}", 0) for k in (1, 3, 5, 10)], marker="o", label=row["variant"])
        ax.set_xlabel("k")
        ax.set_ylabel("Hit@k")
        ax.set_ylim(0, 1.05)
        ax.set_title("Hit@k")
        ax.legend(fontsize=7, loc="lower right")
        images.append(_save(fig, out_dir, "hit_at_k.png"))

        fig, ax = plt.subplots(figsize=(5, 3.5))
        totals = [r["timings"]["total"] for r in qa["records"] if "total" in r.get("timings", {})]
        ax.hist(totals, bins=30, color="#4c78a8")
        ax.set_xlabel("毫秒")
        ax.set_ylabel("题数")
        ax.set_title("单题延迟（引擎内）")
        images.append(_save(fig, out_dir, "latency.png"))
    if result.get("ablation"):
        rows = result["ablation"]
        metrics = ["hit@5", "mrr@10", "key_fact_recall", "citation_precision"]
        fig, ax = plt.subplots(figsize=(8, 4))
        width = 0.8 / len(rows)
        for i, row in enumerate(rows):
            ax.bar([x + i * width for x in range(len(metrics))], [row.get(m, 0) for m in metrics], width, label=row["variant"])
        ax.set_xticks([x + 0.4 - width / 2 for x in range(len(metrics))], [NAMES[m] for m in metrics])
        ax.set_ylim(0, 1.05)
        ax.set_title("对比实验")
        ax.legend(fontsize=7, loc="lower right")
        images.append(_save(fig, out_dir, "ablation.png"))
    return images


def _save(fig, out_dir: Path, name: str) -> str:
    fig.tight_layout()
    fig.savefig(out_dir / name, dpi=110)
    import matplotlib.pyplot as plt

    plt.close(fig)
    return name

