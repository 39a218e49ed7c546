"""HTML for the drafting-desk tabs: wording report with diffs, phrase precedents, target comparison.

Pure functions of the records (no Gradio here), tested like the engine. Everything taken from a
draft or a document is HTML-escaped.
"""

from __future__ import annotations

import html
import re

from ..index_store import Index
from .export import VERDICTS
from .targets import Target
from .terms import PhraseReport, period_name
from .wording import CorpusSentence, SentenceResult, plan_order, summarize

_DIGIT = re.compile(r"\d")
_KIND = {"exact": "", "variant": "变体", "near": "近似"}


def _e(text) -> str:
    return html.escape(str(text))


def _cite(index: Index, sentence: CorpusSentence) -> str:
    """《plan》 · section · page · file, under a quoted sentence."""
    doc = index.documents[sentence.doc_id]
    page = doc.page_at(sentence.start)
    return (f'<div class="src-meta">《{_e(doc.meta.title)}》 · {_e(sentence.section or "（正文开头）")}'
            f'{f" · 第{page}页" if page else ""} · <code>{_e(sentence.doc_id)}</code></div>')


# ---------------------------------------------------------------------------- wording check
def diff_html(ops: list[dict]) -> str:
    """The draft sentence with what changed from the source: <del>removed</del><ins>added</ins>;
    changed figures, years and periods get the ``num`` class so they stand out."""
    out = []
    for op in ops:
        src, dst = _e(op["source"]), _e(op["draft"])
        num = ' class="num"' if _DIGIT.search(op["source"] + op["draft"]) else ""
        if op["op"] == "equal":
            out.append(dst)
        elif op["op"] == "insert":
            out.append(f"<ins{num}>{dst}</ins>")
        elif op["op"] == "delete":
            out.append(f"<del{num}>{src}</del>")
        else:
            out.append(f"<del{num}>{src}</del><ins{num}>{dst}</ins>")
    return "".join(out)


def wording_summary_html(results: list[SentenceResult], index: Index) -> str:
    info = summarize(results, index)
    counts, share = info["counts"], info["share"]
    plans = "".join(f"<li>《{_e(p['title'])}》：{p['share']:.0%}</li>" for p in info["by_plan"]) or "<li>无</li>"
    new = "".join(f"<li>{_e(t)}</li>" for t in info["new_sentences"]) or "<li>无</li>"
    return (
        '<div class="wd-summary">'
        f"<p>共 <b>{info['sentences']}</b> 句：<span class='v-reused'>沿用 {counts['reused']}</span>，"
        f"<span class='v-adapted'>改写 {counts['adapted']}</span>，<span class='v-new'>新增 {counts['new']}</span>。"
        f"按字数计：沿用 {share['reused']:.0%}，改写 {share['adapted']:.0%}，新增 {share['new']:.0%}。</p>"
        f"<details open><summary>来源规划（按字数占比）</summary><ul>{plans}</ul></details>"
        f"<details><summary>新增表述（{counts['new']} 句）</summary><ul>{new}</ul></details>"
        "</div>"
    )


def wording_html(results: list[SentenceResult], index: Index) -> str:
    """One card per draft sentence: verdict, diff against the best source, the source with its
    citation, changed figures, and the same wording in earlier plans."""
    if not results:
        return '<div class="src-empty">草稿中没有可比对的句子（每句至少 4 个字）。</div>'
    cards = [wording_summary_html(results, index)]
    for n, r in enumerate(results, 1):
        head = f'<span class="badge v-{r.verdict}">{VERDICTS[r.verdict]}</span> <b>{n}.</b> '
        if r.verdict == "new" or not r.matches:
            nearest = ""
            if r.matches:
                m = r.matches[0]
                nearest = (f'<div class="wd-src faint">最接近（相似度 {m.similarity:.2f}，不构成来源）：'
                           f"{_e(m.sentence.text)}{_cite(index, m.sentence)}</div>")
            cards.append(f'<div class="wd-card">{head}{_e(r.text)}{nearest}</div>')
            continue
        best = r.matches[0].sentence
        before, part, after = best.text.partition(r.diff_source) if r.diff_source else ("", best.text, "")
        source = f"{_e(before)}<mark>{_e(part)}</mark>{_e(after)}" if before or after else _e(best.text)
        numbers = ""
        if r.changed_numbers:
            items = "；".join(f"{_e(c['source'] or '（无）')} → {_e(c['draft'] or '（无）')}" for c in r.changed_numbers)
            numbers = f'<div class="wd-num">⚠ 数字/年份变化：{items}</div>'
        same = ""
        if r.same_wording:
            chain = " → ".join(f"《{_e(index.documents[m.sentence.doc_id].meta.title)}》" for m in r.same_wording)
            same = f'<div class="wd-same">同一表述见于 {len(r.same_wording)} 份规划（由早到晚）：{chain}</div>'
        cards.append(
            f'<div class="wd-card">{head}<span class="wd-diff">{diff_html(r.diff)}</span>'
            f'<div class="wd-src">来源原句（相似度 {r.matches[0].similarity:.2f}）：{source}'
            f"{_cite(index, best)}</div>{numbers}{same}</div>"
        )
    return "".join(cards)


# ---------------------------------------------------------------------------- phrase precedents
def terms_html(report: PhraseReport, index: Index, limit: int = 100) -> str:
    """Counts per plan and period, then the keyword-in-context lines grouped by plan (earliest first)."""
    variants = f"（同时检索变体：{'、'.join(_e(v) for v in report.variants)}）" if report.variants else ""
    by_plan = report.to_dict()["by_plan"]
    rows = "".join(
        f"<tr><td>{_e(p['title'])}</td><td>{_e(p['period'] or '—')}</td><td>{p['count']}</td>"
        f"<td>{p['exact']}</td><td>{p['variant']}</td><td>{p['near']}</td></tr>"
        for p in by_plan
    )
    periods = "；".join(f"{_e(k)}：{v} 次" for k, v in report.by_period.items())
    out = [
        f"<p>“{_e(report.phrase)}”共出现 <b>{len(report.hits)}</b> 次{variants}。按时期：{periods}。</p>",
        '<table class="doc-table"><thead><tr><th>规划</th><th>期限</th><th>合计</th><th>原词</th><th>变体</th><th>近似</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>",
    ]
    if not report.hits:
        out.append('<div class="src-empty">已收录的规划中没有这个提法，也没有它的变体或近似写法。</div>')
    shown = 0
    for p in by_plan:
        hits = [h for h in report.hits if h.doc_id == p["doc"]][:limit]
        if not hits:
            continue
        lines = []
        for h in hits:
            tag = f'<span class="badge v-adapted">{_KIND[h.kind]}</span> ' if _KIND[h.kind] else ""
            page = f" · 第{h.page}页" if h.page else ""
            lines.append(f'<div class="kwic">{tag}…{_e(h.left)}<mark>{_e(h.match)}</mark>{_e(h.right)}…'
                         f'<div class="src-meta">{_e(h.section or "（正文开头）")}{page} · 字符 {h.start}–{h.end}</div></div>')
        opened = " open" if shown < 2 else ""
        shown += 1
        more = f"（仅显示前 {limit} 处）" if p["count"] > limit else ""
        out.append(f'<details class="kwic-plan"{opened}><summary>《{_e(p["title"])}》 {_e(p["period"] or "")} · '
                   f'{p["count"]} 处{more}</summary><div class="kwic-list">{"".join(lines)}</div></details>')
    return "".join(out)


# ---------------------------------------------------------------------------- targets
def indicator_comparison_html(targets: list[Target], index: Index, query: str) -> str:
    """One indicator across plans, earliest plan first: value, year, target or achieved, quote."""
    if not targets:
        return f'<div class="src-empty">没有找到与“{_e(query)}”相符的指标，请换一种说法（如“研发投入强度”“高新技术企业”）。</div>'
    order = plan_order(index)
    out = [f"<p>“{_e(query)}”相关的数字共 {len(targets)} 项，按规划时间先后排列：</p>"]
    for doc_id in sorted({t.doc_id for t in targets}, key=lambda d: order.get(d, 99)):
        meta = index.documents[doc_id].meta
        items = []
        for t in sorted((t for t in targets if t.doc_id == doc_id), key=lambda t: t.start):
            kind = "目标" if t.kind == "target" else "现状"
            qualifier = f"（{_e(t.qualifier)}）" if t.qualifier else ""
            quote = _e(t.quote).replace(_e(t.value), f"<mark>{_e(t.value)}</mark>", 1)
            items.append(
                f'<li><span class="badge v-{"reused" if t.kind == "target" else "adapted"}">{kind}</span> '
                f"<b>{_e(t.year or '—')}</b> {_e(t.indicator)}：<b>{_e(t.shown)}</b>{qualifier}"
                f'<div class="src-text">{quote}</div><div class="src-meta">{_e(t.section)}'
                f"{' · 第' + str(t.page) + '页' if t.page else ''}</div></li>"
            )
        out.append(f"<h4>《{_e(meta.title)}》 {_e(period_name(meta.period))}</h4><ul class='tg-list'>{''.join(items)}</ul>")
    return "".join(out)


CSS = """
.wd-card, .kwic { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 10px; margin: 6px 0; line-height: 1.7; }
.wd-diff ins { background: #dcfce7; text-decoration: none; }
.wd-diff del { background: #fee2e2; color: #991b1b; }
.wd-diff .num { outline: 2px solid #f59e0b; font-weight: 600; }
.wd-src { font-size: 13px; color: #374151; margin-top: 4px; }
.wd-src.faint { color: #6b7280; }
.wd-num { color: #b45309; font-size: 13px; }
.wd-same { color: #1d4ed8; font-size: 13px; }
.badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: 12px; color: #fff; }
.v-reused { background: #15803d; } .v-adapted { background: #b45309; } .v-new { background: #6b7280; }
.wd-summary .v-reused, .wd-summary .v-adapted, .wd-summary .v-new { color: #fff; border-radius: 4px; padding: 0 4px; }
.tg-list li { margin: 6px 0; }
.kwic-plan summary { cursor: pointer; font-weight: 600; margin: 8px 0 4px; }
.kwic-list { max-height: 420px; overflow-y: auto; }
"""
