"""Keyword search: BM25 (bm25s) over the project's Chinese tokens."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from .tokenizer import TextTokenizer


class KeywordIndex:
    """BM25 over words plus character bigrams; query terms can carry weights (aliases < 1)."""

    def __init__(self, bm25, tokenizer: TextTokenizer, bigrams: bool = True):
        self.bm25 = bm25
        self.tokenizer = tokenizer
        self.bigrams = bigrams
        self.size = int(bm25.scores["num_docs"])

    @classmethod
    def build(cls, texts: list[str], tokenizer: TextTokenizer, bigrams: bool = True) -> KeywordIndex:
        import bm25s

        bm25 = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        corpus = [tokenizer.keyword_tokens(t, bigrams) or ["∅"] for t in texts]
        bm25.index(corpus, show_progress=False)
        return cls(bm25, tokenizer, bigrams)

    def save(self, folder: Path) -> None:
        self.bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, tokenizer: TextTokenizer, bigrams: bool = True) -> KeywordIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(folder), mmap=False), tokenizer, bigrams)

    def knows(self, text: str) -> bool:
        """Does any word of ``text`` occur in the indexed chunks?"""
        return any(t in self.bm25.vocab_dict for t in self.tokenizer.content_words(text))

    def scores(self, weighted_terms: dict[str, float]) -> np.ndarray:
        """BM25 score of every chunk: sum over query terms of weight × term score."""
        total = np.zeros(self.size, dtype=np.float32)
        vocab = self.bm25.vocab_dict
        for term, weight in weighted_terms.items():
            tid = vocab.get(term)
            if tid is not None and weight:
                total += weight * self.bm25.get_scores_from_ids([tid])
        return total

    def query_terms(self, text: str, weight: float = 1.0) -> dict[str, float]:
        """Terms of a query text with their weights (bigrams count half: they back up words)."""
        terms: dict[str, float] = {}
        for t in self.tokenizer.keyword_tokens(text, self.bigrams):
            w = weight * (0.5 if t.startswith("§") else 1.0)
            terms[t] = max(terms.get(t, 0.0), w)
        return terms

    def idf(self, term: str) -> float:
        """Inverse document frequency of a term over chunks (unknown terms count as rare)."""
        tid = self.bm25.vocab_dict.get(term)
        n = self.size
        if tid is None:
            return float(np.log(1 + (n + 0.5) / 0.5))
        indptr = self.bm25.scores["indptr"]
        df = int(indptr[tid + 1] - indptr[tid])
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
