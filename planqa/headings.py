"""Heading patterns of Chinese official documents (公文): 第X章 / 一、 / （一） / 1. / （1） / 专栏N.

A numbered line is a heading even when its body follows on the same line
(「1.加大高水平创新平台落地建设。加快推动……」): the title is then the lead sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "一二三四五六七八九十百零〇两"
# (level, form, pattern); lower level = higher in the hierarchy.
_PATTERNS = [
    (1, "chapter", re.compile(rf"^第(?P<num>[{_CN}\d]+)章\s*(?P<title>.*)$")),
    (2, "cn", re.compile(rf"^(?P<num>[{_CN}]+)、\s*(?P<title>.+)$")),
    (3, "paren_cn", re.compile(rf"^[（(]\s*(?P<num>[{_CN}]+)\s*[）)]\s*(?P<title>.+)$")),
    (4, "arabic", re.compile(r"^(?P<num>\d{1,2})(?:[.．](?!\d)|、)\s*(?P<title>.+)$")),
    (5, "paren_arabic", re.compile(r"^[（(]\s*(?P<num>\d{1,2})\s*[）)]\s*(?P<title>.+)$")),
    (6, "circled", re.compile(r"^(?P<num>[①-⑳])\s*(?P<title>.+)$")),
    (8, "box", re.compile(r"^专栏\s*(?P<num>\d+)\s*[：:.．]?\s*(?P<title>.*)$")),
]
BOX_LEVEL = 8
UNNUMBERED_LEVEL = 9
_TITLE_END = "。；！？;!?"
_SOFT_END = "，,、：:"
MAX_TITLE = 30
_KNOWN_UNNUMBERED = {"前言", "引言", "序言", "结语", "结束语", "附则", "附录", "总则"}


@dataclass(frozen=True)
class HeadingMatch:
    level: int
    form: str  # which numbering form matched
    number: str  # the numbering token as written (一, 3, …)
    title: str  # heading text without numbering
    inline: bool  # body text follows the title on the same line

    @property
    def label(self) -> str:
        """The heading as shown in a section path: numbering + title."""
        prefix = {
            "chapter": f"第{self.number}章 ",
            "cn": f"{self.number}、",
            "paren_cn": f"（{self.number}）",
            "arabic": f"{self.number}. ",
            "paren_arabic": f"（{self.number}）",
            "circled": f"{self.number} ",
            "box": f"专栏{self.number}：",
        }.get(self.form, "")
        return (prefix + self.title).strip()


def match_heading(line: str) -> HeadingMatch | None:
    """Recognise a numbered heading (or a 专栏 box title) at the start of ``line``."""
    text = line.strip()
    if not text:
        return None
    for level, form, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        rest = m.group("title").strip()
        if form != "box" and not rest:
            return None
        title, inline = lead_title(rest)
        if inline and level < 3:
            # 第X章/一、 headings stand on their own line; 「第一章“…”，主要总结…」 is prose
            return None
        return HeadingMatch(level, form, m.group("num"), title, inline)
    return None


def lead_title(rest: str) -> tuple[str, bool]:
    """Split heading text into its title and whether body text follows on the line."""
    for i, ch in enumerate(rest):
        if ch in _TITLE_END:
            body = rest[i + 1 :].strip()
            title = rest[:i]
            if len(title) <= MAX_TITLE + 10:
                return title, bool(body)
            break
    if len(rest) <= MAX_TITLE + 10 and not any(c in _TITLE_END for c in rest):
        return rest, False
    for i, ch in enumerate(rest[: MAX_TITLE + 1]):
        if ch in _SOFT_END and i >= 4:
            return rest[:i], True
    return rest[:MAX_TITLE] + "…", True


def is_known_unnumbered(line: str) -> bool:
    return "".join(line.split()) in _KNOWN_UNNUMBERED


def looks_like_title_line(line: str, max_len: int = 36) -> bool:
    """A short line without sentence punctuation: a candidate unnumbered heading or caption."""
    text = line.strip()
    if not text or len(text) > max_len:
        return False
    if any(c in text for c in "。；！？，,;!?：:"):
        return False
    return not text.endswith(("、",))
