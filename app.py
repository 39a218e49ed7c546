"""PlanQA chat UI (Gradio). ``python app.py [--host 127.0.0.1] [--port 7860]``

Builds the Blocks from an :class:`~planqa.engine.Engine` and launches it. Chat state lives in
``gr.State`` (one per browser session); the engine is shared and read-only.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

import gradio as gr

from planqa.config import Config
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
        css=CSS,
        js=JS,
        theme=gr.themes.Soft(),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
