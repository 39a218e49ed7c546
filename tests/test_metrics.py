"""Metric functions on hand-made inputs."""

import math

from planqa.evaluation.metrics import (
    fact_recall,
    hit_at,
    ndcg,
    percentile,
    reciprocal_rank,
)


def test_ranking_metrics():
    rel = [False, False, True, False, True]
    assert hit_at(rel, 1) == 0 and hit_at(rel, 3) == 1
    assert reciprocal_rank(rel) == 1 / 3
    assert reciprocal_rank([False] * 10) == 0
    expected = (1 / math.log2(4) + 1 / math.log2(6)) / (1 + 1 / math.log2(3))
    assert math.isclose(ndcg(rel, n_relevant=2), expected)
    assert ndcg([True], n_relevant=1) == 1.0


def test_fact_recall_ignores_spacing_and_width():
    assert fact_recall("在京两院院士766人，约占全国的1/2。", ["766 人", "1/2"]) == 1.0
    assert fact_recall("比重保持在6.0％左右", ["6.0%左右", "70%"]) == 0.5
    assert fact_recall("任何回答", []) == 1.0


def test_percentile():
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([10, 20], 95) == 19.5
    assert percentile([], 50) == 0.0
