"""Remove conversion artifacts from a loaded file, line by line, and report every change.

Each step is a small function ``lines -> lines`` that appends what it did to the report;
lines keep their page so PDF citations survive joins. The steps, in order:
artifact characters ([bookmark: …] markers, odd spaces), web-page boilerplate, the
duplicated table of contents, tables flattened one cell per line, stray page numbers,
chapter numbers written ``4、`` on their own line, sentences split by page breaks,
then spacing and punctuation normalisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .headings import is_known_unnumbered, looks_like_title_line, match_heading
from .loaders import LoadedFile
from .textutil import canonical, chinese_numeral, is_cjk, to_chinese_numeral


@dataclass(frozen=True)
class Line:
    text: str
    page: int | None = None
    hint: str = ""  # "heading:N" | "table_row" | "table_header" | "table_caption" | ""

    @property
    def is_table(self) -> bool:
        return self.hint.startswith("table")


def clean(loaded: LoadedFile) -> tuple[list[Line], dict]:
    """All cleaning steps; returns non-empty lines and a report of what changed."""
    report: dict = {}
    lines = [Line(s.text, s.page, s.hint) for s in loaded.lines]
    for step in (
        strip_artifacts,
        drop_web_boilerplate,
        drop_table_of_contents,
        rebuild_flattened_tables,
        drop_page_numbers,
        repair_chapter_numbers,
    ):
        lines = step(lines, report)
    # PDF text comes in visual lines: any line not ending a sentence continues on the next
    lines = join_broken_lines(lines, report, wrapped=loaded.kind == "pdf")
    lines = normalize_lines(lines, report)
    return [line for line in lines if line.text], report


def _note(report: dict, key: str, value) -> None:
    report.setdefault(key, []).append(value)


# ---------------------------------------------------------------------------- characters
_BOOKMARK = re.compile(r"\[bookmark:[^\]\n]*\]")
_ODD_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")


def strip_artifacts(lines: list[Line], report: dict) -> list[Line]:
    """Drop [bookmark: _Toc…] markers and invisible characters; odd spaces become spaces."""
    out, removed = [], 0
    for line in lines:
        text, n = _BOOKMARK.subn("", line.text)
        removed += n
        text = _INVISIBLE.sub("", _ODD_SPACES.sub(" ", text))
        text = text.rstrip() if text.strip() else text  # a lone tab is an empty table cell
        out.append(replace(line, text=text))
    if removed:
        report["bookmark_markers_removed"] = removed
    return out


# ---------------------------------------------------------------------------- web pages
_WEB_PATTERNS = [
    re.compile(r"^\s*(日期|发布日期|发布时间)\s*[:：].{0,60}来源\s*[:：]"),
    re.compile(r"^\s*分享\s*[:：]?\s*$"),
    re.compile(r"^\s*字号\s*[:：]"),
    re.compile(r"^\s*【?\s*(打印|关闭|关闭窗口|收藏|打印本页|返回顶部)\s*】?\s*$"),
    re.compile(r"^\s*(主办|承办|版权所有|技术支持|网站地图)\s*[:：]"),
    re.compile(r"ICP备|公网安备|网站标识码"),
]
_WEB_META = re.compile(r"(?:日期|发布日期|发布时间)\s*[:：]\s*(\d{4}-\d{1,2}-\d{1,2})")


def drop_web_boilerplate(lines: list[Line], report: dict) -> list[Line]:
    """Remove scraped-page widgets (分享/字号) and the site footer (主办/承办/ICP备案)."""
    out = []
    for line in lines:
        if not line.hint and any(p.search(line.text) for p in _WEB_PATTERNS):
            m = _WEB_META.search(line.text)
            if m:
                report["web_page_date"] = m.group(1)
            _note(report, "web_boilerplate_removed", line.text.strip()[:60])
            continue
        out.append(line)
    return out


# ---------------------------------------------------------------------------- table of contents
def drop_table_of_contents(lines: list[Line], report: dict) -> list[Line]:
    """Remove a 目录 block that repeats the headings (up to 正文, or to the first repeated heading)."""
    squeezed = ["".join(line.text.split()) for line in lines]
    try:
        start = squeezed.index("目录")
    except ValueError:
        return lines
    end = None
    for i in range(start + 1, min(len(lines), start + 400)):
        if squeezed[i] == "正文":
            end = i
            break
    if end is None:
        entries = [canonical(squeezed[i]) for i in range(start + 1, len(lines)) if squeezed[i]]
        if not entries:
            return lines
        first = entries[0]
        seen_first = False
        for i in range(start + 1, len(lines)):
            if canonical(squeezed[i]) == first:
                if seen_first:
                    end = i - 1
                    break
                seen_first = True
    if end is None:
        return lines
    removed = [s for s in squeezed[start : end + 1] if s]
    report["table_of_contents_removed"] = {"lines": len(removed), "first": removed[1] if len(removed) > 1 else ""}
    return lines[:start] + lines[end + 1 :]


# ---------------------------------------------------------------------------- flattened tables
def rebuild_flattened_tables(lines: list[Line], report: dict) -> list[Line]:
    """Rebuild tables exported one cell per line (tab-indented, rows separated by blank
    lines, long cells wrapped onto an unindented line) into one line per row:
    ``国际创新 | 2 | PCT国际专利申请量（件） | 15000 | 预期性``. Empty first cells (merged
    cells) take the value of the row above."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        run_end = _table_run_end(lines, i)
        if run_end is None:
            out.append(lines[i])
            i += 1
            continue
        groups = _cell_groups(lines[i:run_end])
        header, rows = groups[0], groups[1:]
        ncols = len(header.cells)
        if ncols < 2 or not rows or any(len(r.cells) != ncols for r in rows):
            out.extend(lines[i:run_end])
            i = run_end
            continue
        # a short line just above the table is its caption
        if out and looks_like_title_line(out[-1].text, 60) and not out[-1].hint:
            out[-1] = replace(out[-1], hint="table_caption")
        page = lines[i].page
        out.append(Line(" | ".join(header.cells), page, "table_header"))
        previous: list[str] = []
        for row in rows:
            cells = list(row.cells)
            if not cells[0] and previous:
                cells[0] = previous[0]
            out.append(Line(" | ".join(c or "—" for c in cells), row.page, "table_row"))
            previous = cells
        _note(report, "tables_rebuilt", {"header": " | ".join(header.cells), "rows": len(rows)})
        i = run_end
    return out


@dataclass
class _Group:
    cells: list[str]
    page: int | None


def _table_run_end(lines: list[Line], i: int) -> int | None:
    """End index of a flattened-table run starting at ``i`` (>= 8 tab-indented cells), else None."""
    if not lines[i].text.startswith("\t") or lines[i].hint:
        return None
    j, tab_lines = i, 0
    while j < len(lines):
        text = lines[j].text
        if text.startswith("\t"):
            tab_lines += 1
        elif text.strip():
            # an unindented line inside the run continues the cell above it
            prev_tab = j > i and lines[j - 1].text.startswith("\t")
            next_tab = j + 1 < len(lines) and lines[j + 1].text.startswith("\t")
            if not (prev_tab and next_tab):
                break
        j += 1
    return j if tab_lines >= 8 else None


def _cell_groups(lines: list[Line]) -> list[_Group]:
    groups: list[_Group] = []
    current: _Group | None = None
    for line in lines:
        if not line.text.strip() and not line.text.startswith("\t"):
            current = None
            continue
        if current is None:
            current = _Group([], line.page)
            groups.append(current)
        cell = _normalize_text(line.text.strip())
        if line.text.startswith("\t"):
            current.cells.append(cell)
        elif current.cells:
            current.cells[-1] += cell  # wrapped cell text
    return [g for g in groups if g.cells]


# ---------------------------------------------------------------------------- page numbers
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-—–]\s*)?(?:\d{1,3}|[IVXLCivxlc]{1,7})(?:\s*[-—–])?\s*$|^\s*第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?\s*$"
)


def drop_page_numbers(lines: list[Line], report: dict) -> list[Line]:
    """Remove lines holding only a page number (``III``, ``- 12 -``, ``第3页``)."""
    out = []
    for line in lines:
        if not line.hint and _PAGE_NUMBER.match(line.text):
            _note(report, "page_numbers_removed", line.text.strip())
            continue
        out.append(line)
    return out


# ---------------------------------------------------------------------------- chapter numbers
_DIGIT_CHAPTER = re.compile(r"^\s*(\d{1,2})、\s*(.*)$")


def repair_chapter_numbers(lines: list[Line], report: dict) -> list[Line]:
    """``4、`` after chapters 一、二、三、 is chapter 四: rewrite it, and join a number left
    alone on its line with the title on the next line."""
    out: list[Line] = []
    last_top = 0
    digit_items_since_top = False
    skip_next = False
    for k, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        heading = match_heading(line.text) if not line.hint else None
        if heading and heading.form == "cn":
            last_top = chinese_numeral(heading.number) or last_top
            digit_items_since_top = False
        m = _DIGIT_CHAPTER.match(line.text) if not line.hint else None
        if m and last_top and int(m.group(1)) == last_top + 1 and not digit_items_since_top:
            title = m.group(2).strip()
            if not title:
                nxt = next((j for j in range(k + 1, len(lines)) if lines[j].text.strip()), None)
                if nxt is not None and nxt == k + 1:
                    title = lines[nxt].text.strip()
                    skip_next = True
            fixed = f"{to_chinese_numeral(int(m.group(1)))}、{title}"
            _note(report, "chapter_numbers_repaired", f"{line.text.strip()} → {fixed}")
            out.append(replace(line, text=fixed))
            last_top += 1
            continue
        if m:
            digit_items_since_top = True
        out.append(line)
    return out


# ---------------------------------------------------------------------------- broken lines
_TERMINAL = "。！？；：!?;:…"
_OPENERS = {"《": "》", "（": "）", "(": ")", "“": "”", "【": "】", "「": "」"}


def join_broken_lines(lines: list[Line], report: dict, wrapped: bool = False) -> list[Line]:
    """Join a sentence split by a page break (``全要素\\n\\n生产率``, ``70% 左\\n\\n右``) and a
    title wrapped inside an open bracket (``…（征求\\n意见稿）》…``). With ``wrapped`` (PDF
    visual lines) every line that does not end a sentence is joined to the next."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        while True:
            j = i + 1
            while j < len(lines) and not lines[j].text.strip():
                j += 1
            if j >= len(lines) or not _should_join(line, lines[j], wrapped):
                break
            left, right = line.text.rstrip(), lines[j].text.strip()
            glue = " " if left[-1:].isascii() and left[-1:].isalnum() and right[:1].isascii() and right[:1].isalnum() else ""
            _note(report, "broken_lines_joined", f"{left[-8:]}⏎{right[:8]}")
            line = replace(line, text=left + glue + right)
            i = j
        out.append(line)
        i += 1
    return out


def _should_join(line: Line, nxt: Line, wrapped: bool) -> bool:
    text, following = line.text.strip(), nxt.text.strip()
    if not text or not following or line.hint or nxt.hint:
        return False
    if text[-1] in _TERMINAL:
        return False
    if match_heading(following) or is_known_unnumbered(following):
        return False
    if _unbalanced(text):
        return True
    if match_heading(text) and not match_heading(text).inline:
        return False
    if wrapped:
        return True
    # a long paragraph that stops mid-sentence continues on the next line
    return len(text) >= 30 and any(c in text for c in _TERMINAL + "，,")


def _unbalanced(text: str) -> bool:
    depth = 0
    for ch in text:
        if ch in _OPENERS:
            depth += 1
        elif ch in _OPENERS.values():
            depth = max(0, depth - 1)
    return depth > 0


# ---------------------------------------------------------------------------- spacing, punctuation
_ASCII_TO_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


def normalize_lines(lines: list[Line], report: dict) -> list[Line]:
    """Spacing and punctuation: drop spaces between numbers and units or between Chinese
    characters (``766 人`` → ``766人``, ``前 言`` → ``前言``), and turn ASCII punctuation
    next to Chinese into full width (``,`` → ``，``). Table lines were normalised per cell."""
    changed = 0
    out = []
    for line in lines:
        if line.is_table:
            out.append(line)
            continue
        text = _normalize_text(line.text.strip())
        changed += text != line.text
        out.append(replace(line, text=text))
    report["lines_normalized"] = changed
    return out


def _normalize_text(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text).strip()
    text = _squeeze_spaces(text)
    return _widen_punctuation(text)


def _cls(ch: str) -> str:
    if is_cjk(ch):
        return "cjk"
    if ch.isdigit():
        return "digit"
    if ch.isascii() and ch.isalpha():
        return "latin"
    return "punct"


def _squeeze_spaces(text: str) -> str:
    if " " not in text:
        return text
    parts = text.split(" ")
    out = parts[0]
    for part in parts[1:]:
        if not part or not out:
            out += part
            continue
        left, right = out[-1], part[0]
        lc, rc = _cls(left), _cls(right)
        keep = False
        if "latin" in (lc, rc):
            keep = True
        elif lc == "cjk" and rc == "cjk":
            # keep the space between two phrases (解读 subtitles: 继往开来 紧紧抓住…),
            # drop it inside a spaced-out word (前 言)
            keep = _cjk_run(out, True) >= 2 and _cjk_run(part, False) >= 2
        out += (" " if keep else "") + part
    return out


def _cjk_run(text: str, from_end: bool) -> int:
    chars = reversed(text) if from_end else iter(text)
    n = 0
    for ch in chars:
        if not is_cjk(ch):
            break
        n += 1
    return n


def _widen_punctuation(text: str) -> str:
    if not any(c in _ASCII_TO_FULL for c in text):
        return text
    chars = list(text)
    for i, ch in enumerate(chars):
        full = _ASCII_TO_FULL.get(ch)
        if not full:
            continue
        left = chars[i - 1] if i > 0 else ""
        right = chars[i + 1] if i + 1 < len(chars) else ""
        if ch in ":," and left.isdigit() and right.isdigit():
            continue  # 17:32, 1,000
        if _chinese_side(left) or _chinese_side(right) or (ch in "()" and _paren_has_chinese(text, i)):
            chars[i] = full
    return "".join(chars)


def _chinese_side(ch: str) -> bool:
    return bool(ch) and (is_cjk(ch) or (not ch.isascii() and not ch.isspace()))


def _paren_has_chinese(text: str, i: int) -> bool:
    if text[i] == "(":
        close = text.find(")", i)
        return close > 0 and any(is_cjk(c) for c in text[i:close])
    open_ = text.rfind("(", 0, i)
    return open_ >= 0 and any(is_cjk(c) for c in text[open_:i])
