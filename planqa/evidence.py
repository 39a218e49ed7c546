"""How well a passage supports a question: IDF-weighted coverage of the question's words.

Words that name the plan (朝阳区, 十四五, 副中心…) are satisfied by the plan's title and
aliases or the section path, since a sentence deep in a plan rarely repeats them.
"""

from __future__ import annotations

from functools import lru_cache

from .textutil import canonical


def weighted_words(text: str, tokenizer, keyword, extra: list[str] = ()) -> dict[str, float]:
    """Content words of a question with IDF weights; alias expansions count as alternatives."""
    words: dict[str, float] = {}
    for w in tokenizer.content_words(text):
        c = canonical(w)
        if c:
            words[c] = max(words.get(c, 0.0), keyword.idf(w))
    return words


def coverage(words: dict[str, float], text: str, context: str = "", alternatives: dict[str, list[str]] | None = None) -> float:
    """Share of the question's weight found in ``text`` (or in ``context``)."""
    if not words:
        return 0.0
    body = _canon(text)
    ctx = _canon(context) if context else ""
    total = sum(words.values())
    found = 0.0
    for word, weight in words.items():
        if word in body or (ctx and word in ctx):
            found += weight
        elif alternatives and any(_canon(a) in body for a in alternatives.get(word, ())):
            found += 0.8 * weight
    return found / total


@lru_cache(maxsize=4096)
def _canon(text: str) -> str:
    return canonical(text)
