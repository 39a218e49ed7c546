"""PlanQA chat UI (Gradio). ``python app.py [--host 127.0.0.1] [--port 7860]``

Builds the Blocks from an :class:`~planqa.engine.Engine` and launches it. Chat state lives in
``gr.State`` (one per browser session); the engine is shared and read-only.
"""

from __future__ import annotations

import argparse
import html
import sys
import tempfile
import threading
import time
from pathlib import Path

import gradio as gr

from planqa.config import Config
from planqa.drafting import export, views
from planqa.drafting.targets import extract_targets, find_indicator
from planqa.drafting.terms import search_phrase
from planqa.drafting.wording import WordingChecker, read_draft_file
from planqa.engine import Engine
from planqa.errors import PlanQAError
from planqa.presenting import (
    CSS,
    JS,
    chat_markdown,
    documents_html,
    latest_report,
    sources_html,
    turn_record,
)

EXAMPLES = [
    "副中心到2026年国家级创新平台要达到多少家？",
    "朝阳区十四五PCT国际专利申请量的目标是多少？",
    "北京十三五时期研发经费投入强度目标是多少？",
    "副中心三量齐升行动计划的五大行动有哪些？",
    "什么是“1234”总体布局？",
    "十三五和十四五时期北京对科技创新中心的定位有什么不同？",
]
PHRASES = ["三城一区", "国际科技创新中心", "科创中心", "高精尖产业", "新型研发机构"]
INDICATORS = ["研发投入强度", "高新技术企业", "技术合同成交额", "万人发明专利拥有量", "国家级创新平台"]
ALL_PLANS, ALL_KINDS = "全部规划", "全部"
KINDS = {"目标": "target", "现状": "baseline"}
BUSY = "系统繁忙：当前提问人数较多，请稍后几秒再试。"
REPORTS = Path("eval") / "reports"


def build_ui(engine: Engine, max_concurrent: int = 4) -> gr.Blocks:
    documents = engine.index.documents
    slots = threading.BoundedSemaphore(max_concurrent)
    chunk_counts: dict[str, int] = {}
    for c in engine.index.chunks:
        chunk_counts[c.doc_id] = chunk_counts.get(c.doc_id, 0) + 1

    def respond(message: str, chat: list, session: dict):
        session = session or {"history": [], "turns": []}
        chat = list(chat or [])
        chat.append({"role": "user", "content": message or ""})
        if not slots.acquire(blocking=False):
            chat.append({"role": "assistant", "content": BUSY})
            yield "", chat, session, gr.skip()
            return
        try:
            chat.append({"role": "assistant", "content": "正在检索规划文件…"})
            yield "", chat, session, gr.skip()
            answer = None
            turn = len(session["turns"]) + 1
            for text, answer in engine.ask_stream(message, session["history"]):
                if answer is None:
                    chat[-1] = {"role": "assistant", "content": text}
                    yield "", chat, session, gr.skip()
            session = {
                "history": session["history"] + [answer.rewritten or answer.question],
                "turns": session["turns"] + [turn_record(answer, documents)],
            }
            chat[-1] = {"role": "assistant", "content": chat_markdown(answer, turn)}
            yield "", chat, session, sources_html(session["turns"])
        except PlanQAError as e:
            chat[-1] = {"role": "assistant", "content": e.message}
            yield message, chat, session, gr.skip()
        finally:
            slots.release()

    def clear():
        return [], {"history": [], "turns": []}, sources_html([])

    with gr.Blocks(title="规划问答助手 PlanQA") as demo:
        gr.Markdown(
            "## 规划问答助手 PlanQA\n"
            f"依据已收录的 {len(documents)} 份科技创新规划文件回答问题，每句回答都标注来源 [n]，"
            "点击 [n] 查看原文（文件、章节、页码，引用句高亮）。规划中没有的内容会如实说明，不作猜测。"
        )
        session = gr.State({"history": [], "turns": []})
        with gr.Tabs():
            with gr.Tab("问答", id="chat"):
                with gr.Row():
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(label="对话", height=560, elem_id="chat", sanitize_html=True,
                                             feedback_options=None, buttons=["copy"])
                        with gr.Row():
                            box = gr.Textbox(placeholder="请输入问题，例如：朝阳区十四五期间国家级高新技术企业要达到多少家？",
                                             show_label=False, scale=5, max_length=2000, elem_id="question")
                            send = gr.Button("提问", variant="primary", scale=1, elem_id="send")
                        clear_btn = gr.Button("清空对话", size="sm")
                        gr.Examples(EXAMPLES, inputs=box, label="示例问题")
                    with gr.Column(scale=2):
                        gr.Markdown("### 来源")
                        sources = gr.HTML(sources_html([]), elem_id="sources", elem_classes=["src-panel"])
            with gr.Tab("措辞比对", id="wording"):
                drafting_wording_tab(engine)
            with gr.Tab("提法检索", id="terms"):
                drafting_terms_tab(engine)
            with gr.Tab("指标对比", id="targets"):
                drafting_targets_tab(engine)
            with gr.Tab("文档", id="docs"):
                gr.Markdown(f"### 已收录的规划文件\n索引：`{engine.index.path.name}` · {engine.status}")
                gr.HTML(documents_html(list(documents.values()), engine.index.skipped, chunk_counts))
            with gr.Tab("评测", id="eval"):
                report_text, report_images = latest_report(REPORTS)
                refresh = gr.Button("刷新（显示最新报告）", size="sm")
                report_md = gr.Markdown(report_text, elem_id="eval-report")
                report_gallery = gr.Gallery(report_images, label="图表", columns=2, height="auto")
                refresh.click(lambda: latest_report(REPORTS), None, [report_md, report_gallery])
        outputs = [box, chatbot, session, sources]
        box.submit(respond, [box, chatbot, session], outputs, concurrency_limit=max_concurrent)
        send.click(respond, [box, chatbot, session], outputs, concurrency_limit=max_concurrent)
        clear_btn.click(clear, None, [chatbot, session, sources])
    demo.queue(max_size=64, default_concurrency_limit=max_concurrent)
    return demo


def _message(e: PlanQAError) -> str:
    return f'<div class="src-empty">{html.escape(e.message)}</div>'


def _export_file(name: str, fmt: str, title: str, columns: list[str], rows: list[list], summary: str = "") -> str:
    """Write an export into a fresh temporary folder (Gradio serves files from there)."""
    path = Path(tempfile.mkdtemp(prefix="planqa-export-")) / f"{name}{fmt}"
    return str(export.save(path, title, columns, rows, summary))


def drafting_wording_tab(engine: Engine) -> None:
    """措辞比对: paste or upload a draft; each sentence against the plans, with diff and verdict."""
    index = engine.index
    checker = WordingChecker(index)

    def load_file(path):
        if not path:
            return gr.skip(), gr.skip()
        try:
            return read_draft_file(path), None
        except PlanQAError as e:
            gr.Warning(e.message)
            return gr.skip(), None

    def check(draft: str):
        try:
            results = checker.check(draft)
        except PlanQAError as e:
            return _message(e), ""
        return views.wording_html(results, index), draft

    def export_report(draft: str, fmt: str):
        if not draft:
            gr.Warning("请先完成比对，再导出报告。")
            return None
        results = checker.check(draft)
        return _export_file("措辞比对报告", fmt, "措辞比对报告", export.WORDING_COLUMNS, export.wording_rows(results, index),
                            export.wording_summary(results, index))

    gr.Markdown("把草稿逐句与已收录的规划比对：找出每句最接近的原句（文件、章节、页码），标出增删的文字和改动的数字，"
                "判定为**沿用**（几乎原样）、**改写**或**新增**。")
    with gr.Row():
        with gr.Column(scale=3):
            draft = gr.Textbox(label="草稿", lines=10, max_lines=30, elem_id="draft",
                               placeholder="粘贴草稿文字，或在右侧上传 .docx / .txt 文件")
        with gr.Column(scale=1):
            upload = gr.File(label="上传草稿（.docx、.txt、.md）", file_types=[".docx", ".txt", ".md"], type="filepath")
            run = gr.Button("开始比对", variant="primary", elem_id="wording-run")
            fmt = gr.Radio(list(export.FORMATS), value=".docx", label="导出格式")
            export_btn = gr.Button("导出报告", size="sm")
            exported = gr.File(label="导出文件", interactive=False, height=90)
    checked = gr.State("")
    report = gr.HTML('<div class="src-empty">比对结果会显示在这里。</div>', elem_id="wording-report")
    upload.upload(load_file, upload, [draft, upload])
    run.click(check, draft, [report, checked])
    export_btn.click(export_report, [checked, fmt], exported)


def drafting_terms_tab(engine: Engine) -> None:
    """提法检索: where and how a phrase was used, per plan and period, in context."""
    index = engine.index

    def lookup(phrase: str) -> str:
        try:
            return views.terms_html(search_phrase(index, phrase), index)
        except PlanQAError as e:
            return _message(e)

    gr.Markdown("检索一个提法在各规划中的用法：原词、变体（如 科创中心 / 科技创新中心）和近似写法，"
                "按规划和时期计数，并列出上下文。全角半角、引号不影响匹配。")
    with gr.Row():
        phrase = gr.Textbox(show_label=False, placeholder="输入提法，如 三城一区", scale=5, max_length=200, elem_id="phrase")
        go = gr.Button("检索", variant="primary", scale=1, elem_id="terms-run")
    gr.Examples(PHRASES, inputs=phrase, label="示例提法")
    result = gr.HTML('<div class="src-empty">检索结果会显示在这里。</div>', elem_id="terms-report")
    phrase.submit(lookup, phrase, result)
    go.click(lookup, phrase, result)


def drafting_targets_tab(engine: Engine) -> None:
    """指标对比: every target and baseline figure; one indicator compared across plans."""
    index = engine.index
    targets = extract_targets(index)
    plans = {index.documents[d].meta.title: d for d in index.documents}

    def select(indicator: str, plan: str, kind: str):
        chosen = [t for t in targets if (plan == ALL_PLANS or t.doc_id == plans.get(plan))
                  and (kind == ALL_KINDS or t.kind == KINDS[kind])]
        comparison = ""
        if (indicator or "").strip():
            chosen = find_indicator(chosen, indicator.strip())
            comparison = views.indicator_comparison_html(chosen, index, indicator.strip())
        return comparison, export.target_rows(chosen, index)

    def export_table(indicator: str, plan: str, kind: str, fmt: str):
        _, rows = select(indicator, plan, kind)
        return _export_file("规划指标对比表", fmt, "规划指标对比表", export.TARGET_COLUMNS, rows)

    gr.Markdown(f"从规划中抽取的量化目标和现状数据共 {len(targets)} 项（含“主要指标”表和正文中的数字）。"
                "输入一个指标，可比较它在各规划、各时期的目标值，并附原文出处。")
    with gr.Row():
        indicator = gr.Textbox(label="指标", placeholder="如 研发投入强度", scale=3, max_length=100, elem_id="indicator")
        plan = gr.Dropdown([ALL_PLANS, *plans], value=ALL_PLANS, label="规划", scale=3)
        kind = gr.Radio([ALL_KINDS, *KINDS], value=ALL_KINDS, label="类型", scale=2)
        go = gr.Button("查询", variant="primary", scale=1, elem_id="targets-run")
    gr.Examples(INDICATORS, inputs=indicator, label="示例指标")
    comparison = gr.HTML(elem_id="targets-comparison")
    table = gr.Dataframe(export.target_rows(targets, index), headers=export.TARGET_COLUMNS, interactive=False,
                         wrap=True, max_height=520, show_search="filter", elem_id="targets-table")
    with gr.Row():
        fmt = gr.Radio(list(export.FORMATS), value=".docx", label="导出格式", scale=2)
        export_btn = gr.Button("导出当前表格", size="sm", scale=1)
        exported = gr.File(label="导出文件", interactive=False, height=90, scale=2)
    filters = [indicator, plan, kind]
    indicator.submit(select, filters, [comparison, table])
    go.click(select, filters, [comparison, table])
    export_btn.click(export_table, [*filters, fmt], exported)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PlanQA 规划问答助手（Gradio 界面）")
    parser.add_argument("--host", default="127.0.0.1", help="监听地址（默认只在本机可访问）")
    parser.add_argument("--port", type=int, default=7860)
    parser.add_argument("--config", help="配置文件（TOML）")
    parser.add_argument("--set", action="append", metavar="组.名称=值", help="覆盖配置项")
    parser.add_argument("--max-concurrent", type=int, default=4, help="同时处理的提问数，超出时提示繁忙")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        cfg = Config.load(args.config, args.set or [])
        engine = Engine.open(cfg, progress=lambda m: print(m, file=sys.stderr, flush=True))
    except PlanQAError as e:
        print(f"错误：{e.message}", file=sys.stderr)
        return 1
    demo = build_ui(engine, args.max_concurrent)
    print(f"{engine.status}；启动用时 {time.perf_counter() - t0:.1f} 秒", file=sys.stderr, flush=True)
    demo.launch(
        server_name=args.host,
        server_port=args.port,
        share=False,
        max_file_size="20mb",
        show_error=False,
        ssr_mode=False,
        css=CSS + views.CSS,
        js=JS,
        theme=gr.themes.Soft(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
