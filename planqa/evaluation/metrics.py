"""Metric functions: small and pure, so they are tested on hand-made inputs."""

from __future__ import annotations

import math

from ..textutil import canonical


def hit_at(relevance: list[bool], k: int) -> float:
    return 1.0 if any(relevance[:k]) else 0.0


def reciprocal_rank(relevance: list[bool], k: int = 10) -> float:
    for i, rel in enumerate(relevance[:k], 1):
        if rel:
            return 1.0 / i
    return 0.0


def ndcg(relevance: list[bool], n_relevant: int, k: int = 10) -> float:
    """Binary-relevance nDCG@k; ``n_relevant`` is how many relevant chunks exist in the index."""
    dcg = sum(1.0 / math.log2(i + 1) for i, rel in enumerate(relevance[:k], 1) if rel)
    ideal = sum(1.0 / math.log2(i + 1) for i in range(1, min(n_relevant, k) + 1))
    return dcg / ideal if ideal else 0.0


def fact_recall(answer: str, key_facts: list[str]) -> float:
    """Share of key facts found in the answer (ignoring width, spacing and quote styles)."""
    if not key_facts:
        return 1.0
    text = canonical(answer)
    return sum(canonical(f) in text for f in key_facts) / len(key_facts)


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0
