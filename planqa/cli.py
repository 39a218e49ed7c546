"""Command line: ``python -m planqa <command>``. JSON contracts are documented in the README."""

from __future__ import annotations

import argparse
import json
import sys

from .config import Config
from .errors import PlanQAError


def _stderr(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


def _config(args) -> Config:
    return Config.load(getattr(args, "config", None), getattr(args, "set", None) or [])


# ---------------------------------------------------------------------------- index
def cmd_index(args) -> int:
    from .index_store import IndexStore

    cfg = _config(args)
    index = IndexStore(cfg).build(progress=_stderr)
    report = index.manifest["ingest"]
    if args.json:
        print(_dump({"index": str(index.path), "counts": index.manifest["counts"],
                     "timings_ms": index.manifest.get("timings_ms", {}), **report}))
        return 0
    print(f"索引：{index.path}")
    print(f"已收录 {len(report['documents'])} 个文件，{index.manifest['counts']['chunks']} 个片段：")
    for d in report["documents"]:
        fixes = "，".join(f"{k}={v}" for k, v in d["cleaning"].items() if v)
        print(f"  ✓ {d['file']}  《{d['title']}》  {d['chars']} 字，{d['sections']} 个章节" + (f"（清洗：{fixes}）" if fixes else ""))
    if report["skipped"]:
        print(f"跳过 {len(report['skipped'])} 个文件：")
        for s in report["skipped"]:
            print(f"  ✗ {s['file']}：{s['reason']}")
    else:
        print("没有跳过的文件。")
    return 0


# ---------------------------------------------------------------------------- ask
def cmd_ask(args) -> int:
    from .engine import Engine

    cfg = _config(args)
    engine = Engine.open(cfg, progress=_stderr)
    if args.jsonl:
        for line in sys.stdin:
            if not line.strip():
                continue
            print(_dump(_ask_line(engine, line)), flush=True)
        return 0
    if args.question is None:
        _stderr("请提供问题，例如：python -m planqa ask --json \"副中心到2026年国家级创新平台要达到多少家？\"")
        return 2
    result = _ask_one(engine, args.question, [])
    if args.json:
        print(_dump(result))
    else:
        print(_human(result))
    return 0 if not result.get("error") else 1


def _ask_line(engine, line: str) -> dict:
    try:
        item = json.loads(line)
        if not isinstance(item, dict) or not isinstance(item.get("question"), str):
            raise ValueError
    except ValueError:
        return _error_result(line.strip()[:200], "bad_input", "输入行应为 JSON 对象，例如 {\"question\": \"…\"}")
    history = item.get("history") if isinstance(item.get("history"), list) else []
    result = _ask_one(engine, item["question"], [h for h in history if isinstance(h, str)])
    if "id" in item:
        result["id"] = item["id"]
    return result


def _ask_one(engine, question: str, history: list[str]) -> dict:
    try:
        return engine.ask(question, history).to_dict()
    except PlanQAError as e:
        return _error_result(question, e.code, e.message)


def _error_result(question: str, code: str, message: str) -> dict:
    return {"question": question, "answer": message, "refused": True, "citations": [], "hits": [],
            "timings_ms": {}, "error": {"code": code, "message": message}}


def _human(result: dict) -> str:
    out = [result["answer"], ""]
    sources = result["citations"] or result.get("nearest", [])
    if sources:
        out.append("来源：" if result["citations"] else "最接近的段落：")
        for c in sources:
            page = f"，第{c['page']}页" if c.get("page") else ""
            out.append(f"[{c['n']}] 《{c['title']}》{c['section'] and ' ' + c['section']}{page}")
            out.append(f"    “{c['quote']}”")
    return "\n".join(out)


# ---------------------------------------------------------------------------- eval
def cmd_eval(args) -> int:
    import time
    from pathlib import Path

    from .evaluation import gate
    from .evaluation.gold import (
        load_qa,
        raw_texts,
        read_jsonl,
        validate_qa,
        validate_targets,
        validate_wording,
    )
    from .evaluation.report import write_report
    from .evaluation.runner import run

    cfg = _config(args)
    eval_dir = Path(args.eval_dir)
    raw = raw_texts(Path(cfg.corpus.dir))
    qa_path = eval_dir / args.qa_file
    wanted = [(qa_path, validate_qa, "qa"), (eval_dir / "wording.jsonl", validate_wording, "wording")]
    missing = [p for p, _, data in wanted if args.data in ("all", data) and not p.is_file()]
    if missing:  # only the gold sets this run evaluates must exist (「--data qa」 needs no wording.jsonl)
        _stderr("找不到金标文件：" + "、".join(str(p) for p in missing))
        return 2
    problems = [p for path, check, data in wanted if args.data in ("all", data) for p in check(read_jsonl(path), raw)]
    if (eval_dir / "targets.jsonl").exists() and args.data in ("all", "targets"):
        problems += validate_targets(read_jsonl(eval_dir / "targets.jsonl"), raw)
    if problems:
        _stderr("金标数据有误：\n  " + "\n  ".join(problems[:30]))
        return 2
    if not load_qa(qa_path, args.split) and args.data in ("all", "qa"):
        _stderr(f"划分 {args.split} 中没有题目")
        return 2
    result = run(cfg, args.data, args.split, ablation=not args.no_ablation, progress=not args.quiet,
                 eval_dir=eval_dir, log=_stderr, qa_file=args.qa_file)
    out = Path(args.out) if args.out else eval_dir / "reports" / f"{time.strftime('%Y%m%dT%H%M%S')}-{args.split}"
    write_report(result, out)
    print(_dump({"report": str(out / "report.md"), "headline": result["headline"], "seconds": result["seconds"]}))
    baseline_path = eval_dir / "baseline.json"
    key = args.split if args.qa_file == "qa.jsonl" else f"{Path(args.qa_file).stem}-{args.split}"  # one record per gold set
    if args.update_baseline:
        gate.update_baseline(baseline_path, key, result["headline"], args.note or "")
        _stderr(f"已更新基线 {baseline_path}（{key}），请在提交前审阅改动。")
    if args.check:
        baseline = gate.load_baseline(baseline_path, key)
        if baseline is None:
            _stderr(f"基线 {baseline_path} 中没有 {key} 的记录")
            return 2
        failures = gate.check(result["headline"], baseline)
        if failures:
            _stderr("回归检查未通过：\n  " + "\n  ".join(failures))
            return 1
        _stderr(f"回归检查通过（{key}，{len(baseline)} 项指标均在容差内）。")
    return 0


# ---------------------------------------------------------------------------- compare
def cmd_compare(args) -> int:
    from .drafting import export
    from .drafting.wording import WordingChecker, read_draft_file, result_to_dict, summarize
    from .index_store import IndexStore

    cfg = _config(args)
    index, _ = IndexStore(cfg).load_or_build(progress=_stderr)
    checker = WordingChecker(index)

    def one(draft: str) -> tuple[dict, list]:
        """The contract's JSON for one draft, and the sentence results behind it."""
        try:
            results = checker.check(draft)
        except PlanQAError as e:
            return {"sentences": [], "error": {"code": e.code, "message": e.message}}, []
        return {"sentences": [result_to_dict(r, index) for r in results], "summary": summarize(results, index),
                "error": None}, results

    if args.jsonl:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                draft = item["draft"] if isinstance(item, dict) else None
                if not isinstance(draft, str):
                    raise ValueError
            except (ValueError, KeyError, TypeError):
                print(_dump({"sentences": [], "error": {"code": "bad_input", "message": "输入行应为 JSON 对象，例如 {\"draft\": \"…\"}"}}), flush=True)
                continue
            out, _ = one(draft)
            if isinstance(item, dict) and "id" in item:
                out["id"] = item["id"]
            print(_dump(out), flush=True)
        return 0
    if args.export:
        export.check_format(args.export)
    draft = read_draft_file(args.file) if args.file else args.draft if args.draft is not None else sys.stdin.read()
    out, results = one(draft)
    print(_dump(out))
    if out.get("error"):
        return 1
    if args.export:
        export.save(args.export, "措辞比对报告", export.WORDING_COLUMNS, export.wording_rows(results, index),
                    export.wording_summary(results, index))
        _stderr(f"已导出：{args.export}")
    return 0


# ---------------------------------------------------------------------------- terms
def cmd_terms(args) -> int:
    from .drafting.terms import search_phrase
    from .index_store import IndexStore

    cfg = _config(args)
    index, _ = IndexStore(cfg).load_or_build(progress=_stderr)
    try:
        report = search_phrase(index, args.phrase)
    except PlanQAError as e:
        if args.json:
            print(_dump({"phrase": args.phrase, "error": {"code": e.code, "message": e.message}}))
        _stderr(f"错误：{e.message}")
        return 1
    data = report.to_dict()
    for item in data["by_plan"]:
        item["title"] = index.documents[item["doc"]].meta.title
    if args.json:
        print(_dump(data))
        return 0
    print(f"“{report.phrase}”共出现 {len(report.hits)} 次" + (f"（含变体：{'、'.join(report.variants)}）" if report.variants else ""))
    for item in data["by_plan"]:
        print(f"  《{item['title']}》：{item['count']} 次")
    for h in report.hits[:50]:
        tag = {"exact": "", "variant": "［变体］", "near": "［近似］"}[h.kind]
        print(f"  {h.doc_id[:3]} {h.section[-24:]}：…{h.left}【{h.match}】{h.right}…{tag}")
    return 0


# ---------------------------------------------------------------------------- targets
def cmd_targets(args) -> int:
    from .drafting import export
    from .drafting.targets import extract_targets, find_indicator
    from .index_store import IndexStore

    if args.export:
        export.check_format(args.export)
    cfg = _config(args)
    index, _ = IndexStore(cfg).load_or_build(progress=_stderr)
    targets = extract_targets(index)
    if args.doc:
        targets = [t for t in targets if t.doc_id == args.doc or args.doc in index.documents[t.doc_id].meta.title]
    if args.kind:
        targets = [t for t in targets if t.kind == args.kind]
    if args.indicator:
        targets = find_indicator(targets, args.indicator)
        if not targets:
            message = f"没有找到与“{args.indicator}”相符的指标，请换一种说法（如“研发投入强度”“高新技术企业”）。"
            if args.json:
                print(_dump({"indicator": args.indicator, "targets": [], "error": {"code": "indicator_not_found", "message": message}}))
            _stderr(message)
            return 1
    if args.json:
        records = [{**t.to_dict(), "title": index.documents[t.doc_id].meta.title,
                    "period": index.documents[t.doc_id].meta.period} for t in targets]
        print(_dump({"indicator": args.indicator, "count": len(records), "targets": records}))
    else:
        for t in targets:
            kind = "目标" if t.kind == "target" else "现状"
            qualifier = f"（{t.qualifier}）" if t.qualifier else ""
            print(f"{t.doc_id[:3]} {kind} {t.year or '—'}：{t.indicator} {t.shown}{qualifier}  ——“{t.quote}”")
    if args.export:
        export.save(args.export, "规划指标对比表", export.TARGET_COLUMNS, export.target_rows(targets, index))
        _stderr(f"已导出：{args.export}")
    return 0


# ---------------------------------------------------------------------------- main
def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m planqa", description="PlanQA 规划问答助手")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", help="配置文件（TOML），默认 ./planqa.toml")
    common.add_argument("--set", action="append", metavar="组.名称=值", help="覆盖配置项，可重复")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", parents=[common], help="（重新）建立索引并打印收录报告")
    p.add_argument("--json", action="store_true", help="以 JSON 输出收录报告")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("ask", parents=[common], help="提问")
    p.add_argument("question", nargs="?", help="问题")
    p.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    p.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取 {\"question\": …}，每行输出一个结果")
    p.set_defaults(func=cmd_ask)

    p = sub.add_parser("eval", parents=[common], help="离线评测：检索、回答、引用、拒答、措辞比对、速度")
    p.add_argument("--data", choices=["all", "qa", "wording", "targets"], default="all", help="评测哪一组数据")
    p.add_argument("--split", choices=["dev", "test", "all"], default="dev", help="dev 用于调参，test 只用于报告")
    p.add_argument("--out", help="报告目录，默认 eval/reports/<时间>-<划分>/")
    p.add_argument("--eval-dir", default="eval", help="金标数据目录")
    p.add_argument("--qa-file", default="qa.jsonl", help="问答金标文件（在金标目录中），如 calibration.jsonl")
    p.add_argument("--no-ablation", action="store_true", help="不做对比实验")
    p.add_argument("--check", action="store_true", help="与 eval/baseline.json 比较，指标下降超过容差时返回非零")
    p.add_argument("--update-baseline", action="store_true", help="把本次结果写入基线（需审阅后提交）")
    p.add_argument("--note", help="写入基线的说明")
    p.add_argument("--quiet", action="store_true", help="不显示进度条")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("compare", parents=[common], help="措辞比对：草稿逐句与已收录规划比对")
    p.add_argument("draft", nargs="?", help="草稿文字（省略时从标准输入读取）")
    p.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取 {\"draft\": …}，每行输出一个结果")
    p.add_argument("--file", help="从 .txt 或 .docx 文件读取草稿")
    p.add_argument("--export", help="导出报告：.docx、.csv 或 .md")
    p.set_defaults(func=cmd_compare)

    p = sub.add_parser("terms", parents=[common], help="提法检索：一个提法在各规划中的用法")
    p.add_argument("phrase", help="提法，如 三城一区、国际科技创新中心")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_terms)

    p = sub.add_parser("targets", parents=[common], help="指标对比：各规划的量化目标与现状数据")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.add_argument("--indicator", help="只看某一指标在各规划中的目标，如 研发投入强度")
    p.add_argument("--doc", help="只看某一规划（文件名或标题中的字）")
    p.add_argument("--kind", choices=["target", "baseline"], help="只看目标值或现状值")
    p.add_argument("--export", help="导出表格：.docx、.csv 或 .md")
    p.set_defaults(func=cmd_targets)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except PlanQAError as e:
        _stderr(f"错误：{e.message}")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: not an error (recipe from the Python docs)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
