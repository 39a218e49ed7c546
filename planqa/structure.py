"""Turn cleaned lines into a :class:`Document`: the cleaned text, its blocks and sections.

Numbered headings nest by their form (第X章 > 一、 > （一） > 1. > （1）); a 专栏 box, a
table caption or a short unnumbered heading (「继往开来 紧紧抓住……」) sits below the
current numbered section and is replaced by the next one of its kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .cleaning import Line
from .headings import (
    BOX_LEVEL,
    UNNUMBERED_LEVEL,
    is_known_unnumbered,
    looks_like_title_line,
    match_heading,
)
from .schema import Block, DocMeta, Document, Section

_DOC_TYPE = re.compile(r"规划|计划|方案|通知|说明|解读|意见|纲要|办法|决定|报告")


@dataclass
class _OpenSection:
    path: tuple[str, ...]
    level: int
    start: int
    end: int
    parents: tuple[int, ...]


def build_document(doc_id: str, meta: DocMeta, lines: list[Line], cleaning: dict, sha256: str = "") -> Document:
    parts: list[str] = []
    blocks: list[Block] = []
    sections: list[_OpenSection] = []
    stack: list[int] = []  # indices into sections
    page_starts: list[int] = []
    offset = 0
    in_title_block = True
    for i, line in enumerate(lines):
        text = line.text
        start, end = offset, offset + len(text)
        parts.append(text)
        offset = end + 1  # "\n"
        if line.page is not None:
            while len(page_starts) < line.page:
                page_starts.append(start)

        kind, heading = _classify(lines, i, in_title_block)
        if kind != "title":
            in_title_block = False
        if heading is not None:
            level, label = heading
            while stack and sections[stack[-1]].level >= level:
                stack.pop()
            parents = tuple(stack)
            path = tuple(sections[p].path[-1] for p in stack) + (label,)
            sections.append(_OpenSection(path, level, start, end, parents))
            stack.append(len(sections) - 1)
        current = stack[-1] if stack else -1
        blocks.append(Block(kind, start, end, current))
        if current >= 0:
            for s in (current, *sections[current].parents):
                sections[s].end = max(sections[s].end, end)

    return Document(
        doc_id=doc_id,
        meta=meta,
        text="\n".join(parts),
        sections=[Section(s.path, s.level, s.start, s.end) for s in sections],
        blocks=blocks,
        page_starts=page_starts or None,
        sha256=sha256,
        cleaning=cleaning,
    )


def _classify(lines: list[Line], i: int, in_title_block: bool) -> tuple[str, tuple[int, str] | None]:
    """(block kind, (level, label) if the line opens a section)."""
    line = lines[i]
    text = line.text
    if line.hint in ("table_row", "table_header"):
        return line.hint, None
    if line.hint == "table_caption":
        return "table_caption", (UNNUMBERED_LEVEL, text)
    if line.hint.startswith("heading:"):
        style_level = int(line.hint.split(":")[1])
        if style_level == 0:
            return "title", None
        m = match_heading(text)
        return "heading", ((m.level, m.label) if m else (style_level + 1, text.strip()))
    m = match_heading(text)
    if m:
        level = m.level if m.form != "box" else BOX_LEVEL
        return ("paragraph" if m.inline else "heading"), (level, m.label)
    if is_known_unnumbered(text):
        return "heading", (UNNUMBERED_LEVEL, "".join(text.split()))
    if looks_like_title_line(text):
        if in_title_block and (i == 0 or _DOC_TYPE.search(text)):
            return "title", None
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt is not None and not nxt.hint and not looks_like_title_line(nxt.text) and not match_heading(nxt.text):
            return "heading", (UNNUMBERED_LEVEL, text.strip())
    return "paragraph", None
