"""Exports for drafters: the wording-check report and the target table as .docx, .csv and .md.

Every row cites its source the way a drafter checks it: 文件名 + 章节 + 页码.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import InvalidQuestion
from ..index_store import Index
from .targets import Target
from .wording import SentenceResult, summarize

VERDICTS = {"reused": "沿用", "adapted": "改写", "new": "新增"}
TARGET_COLUMNS = ["指标", "数值", "单位", "年份", "类型", "限定词", "规划", "章节", "页码", "文件", "原文"]
WORDING_COLUMNS = ["序号", "草稿句子", "判定", "相似度", "来源文件", "来源规划", "章节", "页码", "来源原句", "数字变化"]


def _where(index: Index, doc_id: str, start: int) -> tuple[str, str | int]:
    doc = index.documents[doc_id]
    page = doc.page_at(start)
    return doc.meta.title, page if page is not None else "—"


def wording_rows(results: list[SentenceResult], index: Index) -> list[list]:
    rows = []
    for n, r in enumerate(results, 1):
        best = r.matches[0] if r.matches and r.verdict != "new" else None
        if best:
            title, page = _where(index, best.sentence.doc_id, best.sentence.start)
            changed = "；".join(f"{c['source']}→{c['draft']}" for c in r.changed_numbers)
            rows.append([n, r.text, VERDICTS[r.verdict], round(best.similarity, 3), best.sentence.doc_id, title,
                         best.sentence.section, page, best.sentence.text, changed])
        else:
            rows.append([n, r.text, VERDICTS[r.verdict], "", "", "", "", "", "", ""])
    return rows


def target_rows(targets: list[Target], index: Index) -> list[list]:
    rows = []
    for t in targets:
        title, page = _where(index, t.doc_id, t.start)
        rows.append([t.indicator, t.shown, t.unit, t.year, "目标" if t.kind == "target" else "现状", t.qualifier,
                     title, t.section, page, t.doc_id, t.quote])
    return rows


def to_csv(columns: list[str], rows: list[list]) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(columns)
    writer.writerows(rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM so that Excel opens Chinese correctly


def to_markdown(title: str, columns: list[str], rows: list[list], summary: str = "") -> str:
    def cell(x) -> str:
        return str(x).replace("|", "｜").replace("\n", " ")

    lines = [f"# {title}", ""] + ([summary, ""] if summary else [])
    lines.append("| " + " | ".join(columns) + " |")
    lines.append("|" + "---|" * len(columns))
    lines += ["| " + " | ".join(cell(x) for x in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def to_docx(title: str, columns: list[str], rows: list[list], summary: str = "") -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    style = document.styles["Normal"]
    style.font.size = Pt(9)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    document.add_heading(title, level=1)
    if summary:
        for line in summary.splitlines():
            if line.strip():
                document.add_paragraph(line.strip("- "))
    table = document.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, name in zip(table.rows[0].cells, columns):
        cell.text = name
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row):
            cell.text = str(value)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def wording_summary(results: list[SentenceResult], index: Index) -> str:
    """The summary of :func:`wording.summarize` as short Chinese lines."""
    info = summarize(results, index)
    counts, share = info["counts"], info["share"]
    lines = [f"- 共 {info['sentences']} 句：沿用 {counts['reused']} 句，改写 {counts['adapted']} 句，新增 {counts['new']} 句。",
             f"- 按字数计：沿用 {share['reused']:.0%}，改写 {share['adapted']:.0%}，新增 {share['new']:.0%}。"]
    lines += [f"- 来自《{p['title']}》：{p['share']:.0%}" for p in info["by_plan"]]
    if info["new_sentences"]:
        lines.append("- 新增表述：" + "；".join(f"“{t}”" for t in info["new_sentences"]))
    return "\n".join(lines)


FORMATS = (".docx", ".csv", ".md")


def check_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise InvalidQuestion("bad_export_format", f"不支持的导出格式“{suffix or Path(path).name}”，请用 .docx、.csv 或 .md。")
    return suffix


def render(fmt: str, title: str, columns: list[str], rows: list[list], summary: str = "") -> bytes:
    """The table as a .docx, .csv or .md file's bytes."""
    if fmt == ".docx":
        return to_docx(title, columns, rows, summary)
    if fmt == ".csv":
        return to_csv(columns, rows)
    return to_markdown(title, columns, rows, summary).encode("utf-8")


def save(path: str | Path, title: str, columns: list[str], rows: list[list], summary: str = "") -> Path:
    path = Path(path)
    path.write_bytes(render(check_format(path), title, columns, rows, summary))
    return path
