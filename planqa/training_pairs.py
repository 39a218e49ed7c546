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
    return pairs


def _strip_number(title: str) -> str:
    return re.sub(r"^(第[^章]+章|[一二三四五六七八九十]+、|（[^）]+）|\d+\.\s*|专栏\d+：)", "", title).strip()
