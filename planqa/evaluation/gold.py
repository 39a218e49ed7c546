"""Gold sets (eval/qa.jsonl, eval/wording.jsonl, eval/targets.jsonl): loading, validation, and
locating gold evidence in the cleaned text the system cites.

Evidence and sources are exact substrings of the *raw* corpus files (what an evaluator can
check by hand); they are matched to the cleaned text with :func:`planqa.textutil.canonical`,
which ignores width, spacing, dash and quote differences.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..loaders import decode_text
from ..schema import Document
from ..textutil import canonical, canonical_with_map, find_all

QA_TYPES = {"number", "fact", "list", "definition", "cross_doc", "unanswerable"}
SPLITS = {"dev", "test"}
DIFFICULTIES = {"easy", "medium", "hard"}
WORDING_EDITS = {"verbatim", "synonyms", "reorder", "numbers_changed", "period_changed", "abbreviation",
                 "clause_reuse", "multi_sentence", "new"}
LONG_EVIDENCE = 8  # canonical characters; shorter evidence (a table cell, a figure) must co-occur


@dataclass
class QAItem:
    id: str
    question: str
    answer: str
    key_facts: list[str]
    evidence: list[str]
    docs: list[str]
    type: str
    difficulty: str
    split: str
    raw: dict = field(default_factory=dict)

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"


def read_jsonl(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON ({e})") from e
    return items


def load_qa(path: Path, split: str = "all") -> list[QAItem]:
    out = []
    for d in read_jsonl(path):
        docs = d["doc"] if isinstance(d["doc"], list) else [d["doc"]]
        item = QAItem(d["id"], d["question"], d.get("answer", ""), list(d.get("key_facts", [])),
                      list(d.get("evidence", [])), docs, d["type"], d.get("difficulty", ""), d.get("split", ""), d)
        if split in ("all", item.split):
            out.append(item)
    return out


def raw_texts(corpus_dir: Path) -> dict[str, str]:
    """Raw file text (BOM stripped) of the text files of the corpus, for substring checks."""
    out = {}
    for p in sorted(corpus_dir.iterdir()):
        if p.suffix.lower() in (".txt", ".md") and p.is_file():
            try:
                out[p.name] = decode_text(p.read_bytes(), p.name)[0]
            except Exception:
                continue
    return out


# ---------------------------------------------------------------------------- validation
def _checked(items: list[dict], problems: list[str]):
    """Each item with its id, after the checks every gold set shares (unique id, valid split)."""
    seen: set[str] = set()
    for d in items:
        iid = d.get("id", "?")
        if iid in seen:
            problems.append(f"{iid}: duplicate id")
        seen.add(iid)
        if d.get("split") not in SPLITS:
            problems.append(f"{iid}: invalid split {d.get('split')!r}")
        yield iid, d


def validate_qa(items: list[dict], raw: dict[str, str], cleaned: dict[str, Document] | None = None) -> list[str]:
    """Problems with the QA gold set; an empty list means it is valid."""
    problems: list[str] = []
    for iid, d in _checked(items, problems):
        for key in ("id", "question", "key_facts", "evidence", "doc", "type", "split"):
            if key not in d:
                problems.append(f"{iid}: missing field {key}")
        if d.get("type") not in QA_TYPES:
            problems.append(f"{iid}: invalid type {d.get('type')!r}")
        if d.get("difficulty") and d["difficulty"] not in DIFFICULTIES:
            problems.append(f"{iid}: invalid difficulty {d['difficulty']!r}")
        docs = d.get("doc") if isinstance(d.get("doc"), list) else [d.get("doc")]
        for doc in docs:
            if doc not in raw:
                problems.append(f"{iid}: unknown document {doc!r}")
        evidence, facts = d.get("evidence", []), d.get("key_facts", [])
        if d.get("type") == "unanswerable":
            if evidence or facts:
                problems.append(f"{iid}: an unanswerable item has evidence or key facts")
            continue
        if not evidence or not facts:
            problems.append(f"{iid}: an answerable item needs evidence and key facts")
        for e in evidence:
            if not any(e in raw.get(doc, "") for doc in docs):
                problems.append(f"{iid}: evidence is not an exact substring of its document: {e[:30]}")
            elif cleaned is not None and not any(canonical(e) in _canon_doc(cleaned[doc]) for doc in docs if doc in cleaned):
                problems.append(f"{iid}: evidence is missing from the cleaned text (cleaning removed it?): {e[:30]}")
        for k in facts:
            if not any(k in e for e in evidence):
                problems.append(f"{iid}: key fact is not inside the evidence: {k}")
        if d.get("type") == "cross_doc" and len(docs) < 2:
            problems.append(f"{iid}: a cross_doc item needs two or more documents")
    return problems


def validate_wording(items: list[dict], raw: dict[str, str]) -> list[str]:
    problems: list[str] = []
    for iid, d in _checked(items, problems):
        if not d.get("draft"):
            problems.append(f"{iid}: empty draft")
        if d.get("edit") not in WORDING_EDITS:
            problems.append(f"{iid}: invalid edit {d.get('edit')!r}")
        if d.get("edit") == "new":
            if d.get("source") or d.get("doc"):
                problems.append(f"{iid}: a new-wording negative must have empty source and doc")
        elif d.get("source", "") not in raw.get(d.get("doc", ""), "") or not d.get("source"):
            problems.append(f"{iid}: source is not an exact substring of {d.get('doc')!r}")
    return problems


def validate_targets(items: list[dict], raw: dict[str, str]) -> list[str]:
    problems: list[str] = []
    for iid, d in _checked(items, problems):
        text = raw.get(d.get("doc", ""))
        if text is None:
            problems.append(f"{iid}: unknown document {d.get('doc')!r}")
            continue
        if not d.get("quote") or d["quote"] not in text:
            problems.append(f"{iid}: quote is not an exact substring of its document")
        if not d.get("table") and d.get("value", "") not in d.get("quote", ""):
            problems.append(f"{iid}: value is not inside the quote")
        if d.get("kind") not in ("target", "baseline"):
            problems.append(f"{iid}: kind must be target or baseline")
    return problems


# ---------------------------------------------------------------------------- locating evidence
_CANON_CACHE: dict[tuple[str, str], tuple[str, list[int]]] = {}


def _canon_doc(doc: Document) -> str:
    return _canon_map(doc)[0]


def _canon_map(doc: Document) -> tuple[str, list[int]]:
    key = (doc.doc_id, doc.text)  # not id(doc): ids of freed documents are reused
    if key not in _CANON_CACHE:
        _CANON_CACHE[key] = canonical_with_map(doc.text)
    return _CANON_CACHE[key]


def evidence_spans(text: str, doc: Document) -> list[tuple[int, int]]:
    """Every span of the cleaned document text whose canonical form equals ``canonical(text)``."""
    ctext, index = _canon_map(doc)
    needle = canonical(text)
    if not needle:
        return []
    return [(index[p], index[p + len(needle) - 1] + 1) for p in find_all(ctext, needle)]


@dataclass
class Anchors:
    """Where an item's gold evidence sits in the cleaned text, per document."""

    long: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    short: dict[str, list[str]] = field(default_factory=dict)  # canonical short evidence per doc
    items: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # where a list's short items are

    def relevant(self, doc_id: str, start: int, end: int, text: str) -> bool:
        """A span (chunk or citation) is relevant when it holds at least half of a long evidence
        span, or, for items whose evidence is only short cells/figures, all of them."""
        for s, e in self.long.get(doc_id, []):
            overlap = min(end, e) - max(start, s)
            if overlap >= max(1, (e - s) // 2) or (overlap >= 30):
                return True
        shorts = self.short.get(doc_id)
        if shorts and not self.long.get(doc_id):
            c = canonical(text)
            return all(x in c for x in shorts)
        return False

    def cited(self, doc_id: str, start: int, end: int, text: str) -> bool:
        """A citation is right when its span is relevant, or, for a list whose items are each their own
        short evidence (「坚持全面改革。」「坚持市场主导。」), when it quotes one item where the plan states it:
        a list answered item by item cites each item on its own."""
        return self.relevant(doc_id, start, end, text) or any(
            start <= s and e <= end for s, e in self.items.get(doc_id, []))


def anchors_for(item: QAItem, documents: dict[str, Document]) -> Anchors:
    anchors = Anchors()
    for doc_id in item.docs:
        doc = documents.get(doc_id)
        if doc is None:
            continue
        for e in item.evidence:
            spans = evidence_spans(e, doc)
            if not spans:
                continue
            if len(canonical(e)) >= LONG_EVIDENCE:
                anchors.long.setdefault(doc_id, []).extend(spans)
            else:
                anchors.short.setdefault(doc_id, []).append(canonical(e))
                if item.type == "list" and len(item.evidence) >= 2:
                    anchors.items.setdefault(doc_id, []).extend(spans)
    return anchors
