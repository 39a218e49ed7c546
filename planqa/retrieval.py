"""Hybrid retrieval: BM25 and dense scores fused by reciprocal rank, a plan prior, then reranking."""

from __future__ import annotations

import re

import numpy as np

from .config import RetrievalConfig
from .evidence import coverage, naming_words, plan_names, weighted_words
from .index_store import Index, search_text
from .query import ALIASES, Query
from .schema import Hit
from .textutil import canonical, sentence_spans

def reciprocal_rank_fusion(score_lists: list[np.ndarray], weights: list[float], k: int = 60) -> np.ndarray:
    """Σ weight / (k + rank) over the lists; an item with score <= 0 in a list gets nothing from it."""
    n = len(score_lists[0])
    fused = np.zeros(n, dtype=np.float64)
    for scores, weight in zip(score_lists, weights):
        order = np.argsort(-scores, kind="stable")
        ranks = np.empty(n, dtype=np.float64)
        ranks[order] = np.arange(1, n + 1)
        fused += np.where(scores > 0, weight / (k + ranks), 0.0)
    return fused


def alternatives_for(words: dict[str, float]) -> dict[str, list[str]]:
    """Plan wordings that can stand in for a question word (研发 → 研究与试验发展, R&D)."""
    out: dict[str, list[str]] = {}
    for key, values in ALIASES.items():
        c = canonical(key)
        if c in words:
            out[c] = values
    for word in words:  # 「哪五个方面」: the plan counts them as 五大/五项/五类
        m = _COUNTED.fullmatch(word)
        if m:
            out.setdefault(word, [m.group(1) + k for k in "大项类条种方" if m.group(1) + k != word])
    return out


_COUNTED = re.compile(r"([两二三四五六七八九十]+)[个大项类条种]")


class HybridRetriever:
    def __init__(self, index: Index, cfg: RetrievalConfig, cross_encoder=None):
        self.index = index
        self.cfg = cfg
        self.cross_encoder = cross_encoder
        self._names = {d: plan_names(doc.meta) for d, doc in index.documents.items()}
        self._chunk_docs = np.array([c.doc_id for c in index.chunks])

    def retrieve(self, query: Query, top_k: int | None = None, docs: list[str] | None = None) -> list[Hit]:
        """Ranked hits for a query; ``docs`` restricts the search to some plans."""
        top_k = top_k or self.cfg.top_k
        lists, weights, named = [], [], []
        if self.cfg.keyword:
            kw = self.index.keyword.scores(query.terms)
            lists.append(kw), weights.append(self.cfg.keyword_weight), named.append(("bm25", kw))
        if self.cfg.dense:
            qv = self.index.embedder.encode_queries([query.expanded])[0]
            dense = self.index.vectors.scores(qv)
            lists.append(np.maximum(dense, 1e-6)), weights.append(self.cfg.dense_weight), named.append(("dense", dense))
        if not lists:
            raise ValueError("keyword and dense retrieval are both disabled")
        if len(lists) == 1:
            fused = _scale(lists[0])
        elif self.cfg.fusion == "score":
            fused = sum(w * _scale(x) for x, w in zip(lists, weights)) / sum(weights)
        else:
            fused = reciprocal_rank_fusion(lists, weights, self.cfg.rrf_k)
        if query.doc_prior and self.cfg.plan_prior:
            prior = np.array([query.doc_prior.get(d, 0.0) for d in self._chunk_docs])
            fused = fused * (1.0 + self.cfg.plan_prior * prior)
        if docs is not None:
            fused = np.where(np.isin(self._chunk_docs, docs), fused, -1.0)
        order = np.argsort(-fused, kind="stable")[: max(top_k, self.cfg.candidates if self.cfg.rerank else top_k)]
        order = [int(i) for i in order if fused[i] > -1.0]
        hits = []
        for i in order:
            scores = {name: float(arr[i]) for name, arr in named}
            scores["fused"] = float(fused[i])
            hits.append(Hit(self.index.chunks[i], float(fused[i]), scores=scores))
        if self.cfg.rerank and hits:
            hits = self._rerank(query, hits)
        hits = hits[:top_k]
        for rank, hit in enumerate(hits, 1):
            hit.rank = rank
        return hits

    def _rerank(self, query: Query, hits: list[Hit]) -> list[Hit]:
        """Reorder candidates by their fused score plus how much of the question their best
        sentence covers (weights chosen on the dev split; see README), plus a CrossEncoder
        score when one is configured."""
        words = weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
        alts = alternatives_for(words)
        top = max(h.score for h in hits) or 1.0
        ce = None
        if self.cross_encoder is not None:
            metas = self.index.documents
            ce = self.cross_encoder.scores(query.text, [search_text(h.chunk, metas[h.chunk.doc_id].meta) for h in hits])
            ce = (ce - ce.min()) / ((ce.max() - ce.min()) or 1.0)
        for k, hit in enumerate(hits):
            chunk = hit.chunk
            text = self.index.documents[chunk.doc_id].text
            optional = naming_words(words, self._names[chunk.doc_id], alts)
            context = f"{chunk.section} {chunk.context}"
            spans = [(chunk.start, chunk.end)] if chunk.kind == "table_row" else sentence_spans(text, chunk.start, chunk.end)
            best = max((coverage(words, text[s:e], context, alts, optional) for s, e in spans), default=0.0)
            hit.scores["sentence_coverage"] = best
            score = hit.score / top + self.cfg.sentence_weight * best
            if ce is not None:
                hit.scores["cross_encoder"] = float(ce[k])
                score += float(ce[k])
            hit.score = score
        return sorted(hits, key=lambda h: -h.score)


def _scale(scores: np.ndarray) -> np.ndarray:
    top = scores.max()
    return scores / top if top > 0 else scores
