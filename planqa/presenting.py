"""HTML and Markdown for the chat UI: answers with clickable [n], source cards, document tables.

Pure functions of the records (no Gradio here), so they are tested like the rest of the engine.
Everything taken from a question or a document is HTML-escaped.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .schema import Answer, Citation, Document, SkippedFile

_MARK = re.compile(r"\[(\d{1,3})\]")


def chat_markdown(answer: Answer, turn: int) -> str:
    """The answer for the chat window; each [n] links to source card ``src-<turn>-<n>``."""
    text = html.escape(answer.text, quote=False)
    known = {c.n for c in answer.citations}
    text = _MARK.sub(
        lambda m: f'<a class="cite" href="#src-{turn}-{m.group(1)}" title="查看来源 {m.group(1)}">[{m.group(1)}]</a>'
        if int(m.group(1)) in known else m.group(0),
        text,
    )
    lines = text.split("\n")
    if answer.refused and answer.nearest:
        lines.append("")
        lines.append("（右侧“来源”栏列出了最接近的段落。）")
    return "\n".join(lines)


def turn_record(answer: Answer, documents: dict[str, Document]) -> dict:
    """What the session keeps per question: the citations with their surrounding passage."""
    def card(c: Citation) -> dict:
        text = documents[c.doc].text
        start, end = min(c.passage_start, c.start), max(c.passage_end, c.end)
        if end - start > 900:  # a long passage: keep the quote and some context around it
            start, end = max(c.start - 300, start), min(c.end + 300, end)
        return {**c.to_dict(), "before": text[start : c.start], "after": text[c.end : end]}

    return {
        "question": answer.question,
        "refused": answer.refused,
        "cards": [card(c) for c in answer.citations],
        "nearest": [card(c) for c in answer.nearest],
    }


def sources_html(turns: list[dict]) -> str:
    """Source cards for every question of the session, newest first, the newest one open."""
    if not turns:
        return '<div class="src-empty">提问后，这里会列出回答所依据的规划原文：文件、章节、页码，引用的句子会高亮显示。</div>'
    parts = []
    for turn in range(len(turns), 0, -1):
        record = turns[turn - 1]
        cards = record["cards"] or record["nearest"]
        label = "来源" if record["cards"] else "最接近的段落（不构成答案）"
        body = "".join(_card_html(c, turn) for c in cards) or '<div class="src-empty">没有可显示的段落。</div>'
        open_attr = " open" if turn == len(turns) else ""
        parts.append(
            f'<details class="src-turn" id="turn-{turn}"{open_attr}><summary>第{turn}问：{html.escape(record["question"][:60])}'
            f" · {label}</summary>{body}</details>"
        )
    return "".join(parts)


def _card_html(c: dict, turn: int) -> str:
    page = f" · 第{c['page']}页" if c.get("page") else ""
    section = html.escape(c["section"] or "（正文开头）")
    return (
        f'<div class="src-card" id="src-{turn}-{c["n"]}">'
        f'<div class="src-head"><span class="src-n">[{c["n"]}]</span> 《{html.escape(c["title"])}》</div>'
        f'<div class="src-meta">{section}{page} · <code>{html.escape(c["doc"])}</code> · 字符 {c["start"]}–{c["end"]}</div>'
        f'<div class="src-text">{_para(c["before"])}<mark>{_para(c["quote"])}</mark>{_para(c["after"])}</div>'
        "</div>"
    )


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def documents_html(documents: list[Document], skipped: list[SkippedFile], chunk_counts: dict[str, int]) -> str:
    rows = []
    for d in documents:
        m = d.meta
        inferred = "（标题为推断）" if m.inferred else ""
        rows.append(
            "<tr>" + "".join(
                f"<td>{html.escape(str(x))}</td>"
                for x in (d.doc_id, m.title + inferred, m.kind, m.region, m.period, m.issuer or "—", m.date or "—",
                          len(d.text), len(d.sections), chunk_counts.get(d.doc_id, 0))
            ) + "</tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("文件", "标题", "类型", "地区", "期限", "发布单位", "日期", "字数", "章节", "片段"))
    out = [f'<table class="doc-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>']
    if skipped:
        items = "".join(f"<li><code>{html.escape(s.file)}</code>：{html.escape(s.reason)}</li>" for s in skipped)
        out.append(f'<h4>未收录的文件（{len(skipped)}）</h4><ul class="skipped">{items}</ul>')
    else:
        out.append("<p>语料目录中的文件全部收录，没有跳过的文件。</p>")
    return "".join(out)


def latest_report(reports_dir: Path) -> tuple[str, list[str]]:
    """The newest evaluation report as Markdown (without image links) and its PNG paths."""
    folders = sorted((p for p in reports_dir.glob("*") if (p / "report.md").exists()), key=lambda p: p.stat().st_mtime)
    if not folders:
        return ("尚无评测报告。运行 `python -m planqa eval --split test` 生成（几秒钟），然后点“刷新”。", [])
    latest = folders[-1]
    lines = [line for line in (latest / "report.md").read_text(encoding="utf-8").splitlines() if not line.startswith("![")]
    lines.insert(1, f"\n报告目录：`{latest}`")
    return "\n".join(lines), [str(p) for p in sorted(latest.glob("*.png"))]


CSS = """
.src-panel { max-height: 640px; overflow-y: auto; }
.src-turn summary { cursor: pointer; font-weight: 600; margin: 6px 0; }
.src-card { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; margin: 8px 0; background: #fff; }
.src-card.flash { outline: 3px solid #f59e0b; transition: outline 0.2s; }
.src-head { font-weight: 600; }
.src-n { color: #b45309; }
.src-meta { font-size: 12px; color: #57606a; margin: 2px 0 6px; }
.src-text { font-size: 14px; line-height: 1.7; max-height: 260px; overflow-y: auto; }
.src-text mark { background: #fde68a; padding: 0 1px; }
.src-empty { color: #57606a; padding: 12px; }
a.cite { color: #b45309; text-decoration: none; font-weight: 600; cursor: pointer; }
.doc-table { border-collapse: collapse; font-size: 13px; }
.doc-table th, .doc-table td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; }
"""

# Clicking [n] in an answer opens that question's sources and scrolls to card n.
JS = """
() => {
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a.cite');
    if (!link) return;
    event.preventDefault();
    event.stopPropagation();
    const id = (link.getAttribute('href') || '').replace('#', '');
    const card = document.getElementById(id);
    if (!card) return;
    const turn = card.closest('details');
    if (turn) turn.open = true;
    card.scrollIntoView({behavior: 'smooth', block: 'center'});
    card.classList.add('flash');
    setTimeout(() => card.classList.remove('flash'), 1600);
  }, true);
}
"""
