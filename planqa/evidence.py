"""How well a passage supports a question: IDF-weighted coverage of the question's words.

Words that name the plan (朝阳区, 十四五, 副中心…) are satisfied by the plan's title and
aliases or the section path, since a sentence deep in a plan rarely repeats them.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .textutil import canonical
from .tokenizer import FRAME_WORDS

LIGHT = 0.35  # weight factor of frame words and of single characters
_YEAR = re.compile(r"20\d\d")
_COLLOQUIAL = {"搞", "想"}  # question-side only: as index stopwords they cost dev answers (README, stop 16)


def weighted_words(text: str, tokenizer, keyword, extra: list[str] = ()) -> dict[str, float]:
    """Content words of a question with IDF weights; alias expansions count as alternatives."""
    words: dict[str, float] = {}
    for w in tokenizer.content_words(text):
        c = canonical(w)
        if c in _COLLOQUIAL:
            continue  # 「搞的是什么计划」「想把……搞成个啥」: the user's wording, never the plans'
        if c and (not c.replace(".", "").replace("%", "").isdigit() or _YEAR.fullmatch(c)):  # figures are checked, not matched
            weight = keyword.idf(w)
            if c in FRAME_WORDS or (len(c) == 1 and not c.isascii()) or _YEAR.fullmatch(c):
                weight *= LIGHT
            words[c] = max(words.get(c, 0.0), weight)
    return words


def coverage(
    words: dict[str, float], text: str, context: str = "", alternatives: dict[str, list[str]] | None = None,
    optional: frozenset[str] = frozenset(),
) -> float:
    """Share of the question's weight found in ``text`` (or in ``context``). Words in
    ``optional`` (those naming the plan itself) count when present and are not required."""
    if not words:
        return 0.0
    body = _canon(text)
    ctx = _canon(context) if context else ""
    total = found = 0.0
    for word, weight in words.items():
        if word in body or (ctx and word in ctx):
            share = 1.0
        elif alternatives and any(_canon(a) in body for a in alternatives.get(word, ())):
            share = 0.8
        elif word in optional:
            continue
        else:
            share = 0.0
        total += weight
        found += share * weight
    return found / total if total else 0.0


def plan_names(meta) -> str:
    """Everything that names a plan (title, region, short name, aliases), canonical, in one string:
    question words found here route to the plan and need not be repeated in its sentences."""
    return canonical(" ".join((meta.title, meta.region, meta.short_name, *meta.aliases)))


def naming_words(words: dict[str, float], names: str, alternatives: dict[str, list[str]]) -> frozenset[str]:
    """Question words that name the plan, as written in its names or through an alias
    (科创中心 → 科技创新中心 in 《……全国科技创新中心建设规划》)."""
    return frozenset(w for w in words if w in names or any(_canon(a) in names for a in alternatives.get(w, ())))


@lru_cache(maxsize=4096)
def _canon(text: str) -> str:
    return canonical(text)
