"""Chinese text utilities: character classes, sentence spans, a canonical form for matching."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

SENTENCE_END = "。！？；!?;"
CLOSERS = "”’」』）)】》〕\"'"
# Punctuation, spaces and quote marks of both widths: ignored when wordings are compared.
PUNCTUATION = re.compile(r"[\s\"'“”‘’「」『』《》（）()【】\[\]，。、；：！？,.;:!?—\-·…]")
# Sentence terminators followed by any closing quotes/brackets.
_SENT_RE = re.compile(rf"[^{SENTENCE_END}\n]*(?:[{SENTENCE_END}]+[{re.escape(CLOSERS)}]*|\n|$)")
_DASHES = str.maketrans({"—": "-", "–": "-", "－": "-", "‐": "-", "‑": "-", "―": "-", "～": "~"})
_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "『": '"', "』": '"', "‘": "'", "’": "'"})


def is_cjk(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x2FFFF


def has_cjk(text: str) -> bool:
    return any(is_cjk(c) for c in text)


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the sentences in ``text[start:end]``: cut after 。！？； (and their ASCII
    forms) plus any closing quote, and at line ends; surrounding whitespace is trimmed."""
    end = len(text) if end is None else end
    spans = []
    for m in _SENT_RE.finditer(text, start, end):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        if m.end() >= end:
            break
    return spans


@lru_cache(maxsize=1 << 16)
def canonical(text: str) -> str:
    """A form for matching that ignores width, spacing, dash and quote variants (cached: the
    same sentences and headings are compared for every question)."""
    return canonical_with_map(text)[0]


def canonical_with_map(text: str) -> tuple[str, list[int]]:
    """``canonical(text)`` plus, for each output character, the index it came from."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            continue
        norm = unicodedata.normalize("NFKC", ch).translate(_DASHES).translate(_QUOTES).lower()
        for c in norm:
            if not c.isspace():
                out.append(c)
                index.append(i)
    return "".join(out), index


def find_all(haystack: str, needle: str) -> list[int]:
    """Start offsets of every (possibly overlapping) occurrence of ``needle``."""
    if not needle:
        return []
    hits, i = [], haystack.find(needle)
    while i >= 0:
        hits.append(i)
        i = haystack.find(needle, i + 1)
    return hits


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_numeral(text: str) -> int | None:
    """Value of a small Chinese numeral such as 三, 十二, 二十一 (up to 99), else None."""
    if not text:
        return None
    if all(c in _CN_DIGITS for c in text) and len(text) == 1:
        return _CN_DIGITS[text]
    if "十" in text:
        tens, _, ones = text.partition("十")
        t = _CN_DIGITS.get(tens, None) if tens else 1
        o = _CN_DIGITS.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    return None


def to_chinese_numeral(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (1..99)."""
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
