"""Training pairs for the project-built embedding model, mined from the corpus structure.

No question from the evaluation sets is used: the pairs come from the documents alone.
"""

from __future__ import annotations

import re

from .embedding import TrainingPair
from .schema import Chunk, Document
from .textutil import sentence_spans


def mine_pairs(documents: list[Document], chunks: list[Chunk]) -> list[TrainingPair]:
    pairs: list[TrainingPair] = []
    for chunk in chunks:
        # the section heading (and table header) describes the text below it
        title = chunk.section.split(" > ")[-1] if chunk.section else ""
        if title:
            pairs.append(TrainingPair(_strip_number(title), chunk.text))
        if chunk.context:
            pairs.append(TrainingPair(chunk.context, chunk.text))
    for doc in documents:
        for block in doc.blocks:
            if block.kind != "paragraph":
                continue
            spans = sentence_spans(doc.text, block.start, block.end)
            sentences = [doc.text[s:e] for s, e in spans if e - s >= 8]
            for a, b in zip(sentences, sentences[1:]):
                pairs.append(TrainingPair(a, b))
            for sentence in sentences:
                head, sep, tail = sentence.partition("，")
                if sep and len(head) >= 6 and len(tail) >= 10:
                    pairs.append(TrainingPair(head, tail))
                pairs.extend(_pseudo_questions(sentence))
        for section in doc.sections:  # 「X有哪些」 ↔ the headings of X's sub-sections
            children = [s.path[-1] for s in doc.sections if s.path[:-1] == section.path and len(s.path) == len(section.path) + 1]
            if len(children) >= 2:
                pairs.append(TrainingPair(_strip_number(section.path[-1]) + "有哪些", "；".join(children)))
    return pairs


_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[—\-～~]\d+(?:\.\d+)?)?\s*%?")
_QUOTED = re.compile(r"“([^”]{2,12})”")


def _pseudo_questions(sentence: str) -> list[TrainingPair]:
    """Questions the sentence answers, written from the sentence itself (no gold data):
    a clause with its figure replaced by 多少, and 「“term”是什么」 for a quoted term."""
    out = []
    for clause in re.split(r"[，；。]", sentence):
        if _FIGURE.search(clause) and len(clause) >= 6:
            out.append(TrainingPair(_FIGURE.sub("多少", clause, count=1), sentence))
    for term in _QUOTED.findall(sentence)[:2]:
        out.append(TrainingPair(f"“{term}”是什么", sentence))
    return out


def _strip_number(title: str) -> str:
    return re.sub(r"^(第[^章]+章|[一二三四五六七八九十]+、|（[^）]+）|\d+\.\s*|专栏\d+：)", "", title).strip()
