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
