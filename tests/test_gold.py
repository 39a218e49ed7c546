"""The committed gold sets are valid: exact evidence, facts inside evidence, unique ids, valid types."""

from __future__ import annotations

import collections
import re

from planqa.evaluation.gold import (
    QAItem,
    anchors_for,
    raw_texts,
    read_jsonl,
    validate_qa,
    validate_targets,
    validate_wording,
)

from planqa.schema import Document, DocMeta

from .conftest import ROOT

EVAL = ROOT / "eval"


def test_qa_gold_set_is_valid_and_shaped_as_promised(real_engine):
    items = read_jsonl(EVAL / "qa.jsonl")
    raw = raw_texts(ROOT / "corpus")
    assert validate_qa(items, raw, real_engine.index.documents) == []
    assert len(items) >= 150
    types = collections.Counter(i["type"] for i in items)
    assert 0.12 <= types["unanswerable"] / len(items) <= 0.2
    assert set(types) == {"number", "fact", "list", "definition", "cross_doc", "unanswerable"}
    assert {i["split"] for i in items} == {"dev", "test"}
    docs = collections.Counter(d for i in items for d in ([i["doc"]] if isinstance(i["doc"], str) else i["doc"]))
    assert all(docs[p.name] >= 5 for p in (ROOT / "corpus").glob("*.txt"))


def test_wording_and_target_gold_sets_are_valid():
    raw = raw_texts(ROOT / "corpus")
    wording = read_jsonl(EVAL / "wording.jsonl")
    assert validate_wording(wording, raw) == []
    assert len(wording) >= 50 and sum(w["edit"] == "new" for w in wording) >= 10
    targets = read_jsonl(EVAL / "targets.jsonl")
    assert validate_targets(targets, raw) == [] and len(targets) >= 60


def test_validator_catches_broken_items():
    raw = {"a.txt": "到2025年，国家级高新技术企业达到5200家。"}
    good = {"id": "x1", "question": "高企多少家？", "key_facts": ["5200家"], "evidence": ["国家级高新技术企业达到5200家"],
            "doc": "a.txt", "type": "number", "split": "dev"}
    assert validate_qa([good], raw) == []
    bad = [
        {**good, "id": "x2", "evidence": ["国家级高新技术企业达到5300家"]},
        {**good, "id": "x3", "key_facts": ["6000家"]},
        {**good, "id": "x4", "type": "guess"},
        {**good, "id": "x4"},
        {**good, "id": "x5", "type": "unanswerable"},
        {**good, "id": "x6", "split": "train"},
    ]
    problems = "\n".join(validate_qa([good, *bad], raw))
    for needle in ("x2: evidence is not an exact substring", "x3: key fact is not inside", "x4: invalid type",
                   "x4: duplicate id", "x5: an unanswerable item has evidence", "x6: invalid split"):
        assert needle in problems


def test_calibration_set_is_valid_and_dev_only(real_engine):
    """Questions written separately from qa.jsonl to tune refusals and scoring; never reported as held-out."""
    items = read_jsonl(EVAL / "calibration.jsonl")
    assert validate_qa(items, raw_texts(ROOT / "corpus"), real_engine.index.documents) == []
    assert {i["split"] for i in items} == {"dev"}
    assert not {i["id"] for i in items} & {i["id"] for i in read_jsonl(EVAL / "qa.jsonl")}


def test_paraphrase_set_rewords_dev_and_calibration_questions_only(real_engine):
    """Rewordings of dev and calibration questions with their gold answers (robustness to phrasing)."""
    items = read_jsonl(EVAL / "paraphrases.jsonl")
    assert validate_qa(items, raw_texts(ROOT / "corpus"), real_engine.index.documents) == []
    assert {i["split"] for i in items} == {"dev"}
    test_ids = {i["id"] for i in read_jsonl(EVAL / "qa.jsonl") if i["split"] == "test"}
    originals = {re.sub(r"^p[cvwx]-|-[ab]$", "", i["id"]) for i in items}
    assert originals and not originals & test_ids  # never a test question reworded


def test_heldout_set_is_valid_and_separate(real_engine):
    """Questions never read (batch 15 u3, u5, u7; batches 16, 18, 20, 22, 24, 26, 29): measured only (``eval --qa-file heldout.jsonl --split test``)."""
    items = read_jsonl(EVAL / "heldout.jsonl")
    assert validate_qa(items, raw_texts(ROOT / "corpus"), real_engine.index.documents) == []
    assert {i["split"] for i in items} == {"test"}
    others = {i["id"] for name in ("qa.jsonl", "calibration.jsonl", "paraphrases.jsonl") for i in read_jsonl(EVAL / name)}
    assert not {i["id"] for i in items} & others


def test_citations_of_short_evidence():
    """Short evidence (a figure, a cell) must co-occur in one citation; a list whose items are each
    short evidence is answered item by item, so a citation quoting one whole item is right."""
    text = "基本原则\n坚持全面改革。改革贯穿各领域。\n坚持市场主导。发挥市场作用。"
    doc = Document("d.txt", DocMeta("d.txt", "甲规划"), text)
    first, second, other = text.index("坚持全面改革"), text.index("坚持市场主导"), text.index("改革贯穿")

    def item(kind, evidence):
        return QAItem("x", "问", "答", [], evidence, ["d.txt"], kind, "easy", "dev")

    listed = anchors_for(item("list", ["坚持全面改革。", "坚持市场主导。"]), {"d.txt": doc})
    assert listed.cited("d.txt", first, first + 15, text[first : first + 15])
    assert listed.cited("d.txt", second, second + 14, text[second : second + 14])
    assert not listed.cited("d.txt", other, other + 8, text[other : other + 8])
    assert not listed.cited("d.txt", first + 2, first + 15, text[first + 2 : first + 15])  # part of an item
    assert not listed.relevant("d.txt", first, first + 15, text[first : first + 15])  # chunks still need all items
    figures = anchors_for(item("number", ["坚持全面改革。", "坚持市场主导。"]), {"d.txt": doc})
    assert not figures.cited("d.txt", first, first + 15, text[first : first + 15])
    assert figures.cited("d.txt", first, second + 7, text[first : second + 7])
