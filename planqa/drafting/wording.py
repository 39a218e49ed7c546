"""Wording check (措辞比对): for each sentence of a draft, the closest sentences in the plans,
a character-level diff against the best one, and a verdict reused / adapted / new.

Candidates come from a character-bigram TF-IDF index over every sentence of the corpus;
they are rescored with difflib's ratio (the similarity shown), the longest passage the
draft shares with the sentence, and how much of the draft is made of passages of that
sentence (both catch a clause reused inside a new or a longer sentence).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import InputTooLarge, InvalidQuestion
from ..index_store import Index
from ..textutil import PUNCTUATION, canonical, has_cjk, sentence_spans

MAX_DRAFT_CHARS = 50_000
# Thresholds on similarity, calibrated on the dev split of eval/wording.jsonl (see README).
REUSED = 0.88
ADAPTED = 0.5
SHARED_RUN = 14  # a shared run of this many characters marks a reused clause
COVERED = 0.6  # or most of the draft sentence made of passages (4+ characters) of one plan sentence
_NUMERIC = re.compile(r"\d+(?:\.\d+)?%?|十[一二三四五六七八九]?五|[一二三四五六七八九十]+五")
_TOKEN = re.compile(_NUMERIC.pattern + "|.", re.S)


@dataclass(frozen=True)
class CorpusSentence:
    doc_id: str
    start: int
    end: int
    text: str
    section: str
    key: str  # canonical, punctuation stripped


@dataclass
class Match:
    sentence: CorpusSentence
    similarity: float  # difflib ratio on the canonical forms, 0..1
    shared_run: int  # longest run of characters shared with the draft sentence
    score: float  # what ranks the matches
    coverage: float = 0.0  # share of the draft sentence in passages of 4+ characters taken from this one


@dataclass
class SentenceResult:
    text: str
    start: int
    end: int
    verdict: str  # "reused" | "adapted" | "new"
    matches: list[Match] = field(default_factory=list)
    diff_source: str = ""  # the part of the best match the draft sentence is aligned with
    diff: list[dict] = field(default_factory=list)  # from diff_source to the draft sentence
    changed_numbers: list[dict] = field(default_factory=list)
    same_wording: list[Match] = field(default_factory=list)  # best match and its twins in other plans, earliest first


def strip_key(text: str) -> str:
    return PUNCTUATION.sub("", canonical(text))


class WordingChecker:
    def __init__(self, index: Index, top_k: int = 5):
        self.index = index
        self.top_k = top_k
        self.sentences = corpus_sentences(index)
        self._vocab: dict[str, int] = {}
        self._matrix = self._vectorize([s.key for s in self.sentences], grow=True)
        df = np.asarray((self._matrix > 0).sum(axis=0)).ravel()
        self._idf = np.log((1 + len(self.sentences)) / (1 + df)) + 1.0
        self._matrix = _l2(self._matrix.multiply(self._idf).tocsr())
        self._doc_order = plan_order(index)

    # ------------------------------------------------------------------ public
    def check(self, draft: str) -> list[SentenceResult]:
        draft = validate_draft(draft)
        results = []
        for s, e in sentence_spans(draft):
            text = draft[s:e]
            if len(strip_key(text)) < 4:
                continue
            results.append(self.check_sentence(text, s, e))
        return results

    def check_sentence(self, text: str, start: int = 0, end: int | None = None) -> SentenceResult:
        key = strip_key(text)
        matches = self.matches(key)
        verdict = "new"
        if matches:
            best = matches[0]
            if best.similarity >= REUSED:
                verdict = "reused"
            elif best.similarity >= ADAPTED or best.shared_run >= SHARED_RUN or best.coverage >= COVERED:
                verdict = "adapted"
        result = SentenceResult(text, start, len(text) if end is None else end, verdict, matches)
        if matches and verdict != "new":
            result.diff_source = aligned_part(matches[0].sentence.text, text)
            result.diff, result.changed_numbers = char_diff(result.diff_source, text)
            result.same_wording = self._same_wording(matches)
        return result

    def matches(self, key: str) -> list[Match]:
        if not key:
            return []
        q = _l2(self._vectorize([key]).multiply(self._idf).tocsr())
        cos = (self._matrix @ q.T).toarray().ravel()
        order = np.argsort(-cos)[: max(20, self.top_k * 4)]
        out = []
        for i in order:
            if cos[i] <= 0:
                break
            sent = self.sentences[int(i)]
            sm = difflib.SequenceMatcher(None, key, sent.key, autojunk=False)
            ratio = sm.ratio()
            blocks = sm.get_matching_blocks()
            run = max((b.size for b in blocks), default=0)
            coverage = sum(b.size for b in blocks if b.size >= 4) / max(len(key), 1)
            score = max(ratio, run / max(len(key), 1) * 0.95, coverage * 0.9)
            out.append(Match(sent, ratio, run, score, coverage))
        # best first; the same wording in several plans: earliest plan first
        out.sort(key=lambda m: (-round(m.score, 4), self._doc_order.get(m.sentence.doc_id, 99), m.sentence.start))
        return out[: self.top_k]

    # ------------------------------------------------------------------ internals
    def _same_wording(self, matches: list[Match]) -> list[Match]:
        """The best match and near-identical sentences (≥ 0.9) in other plans, earliest plan first."""
        best = matches[0].sentence
        twins, docs = [matches[0]], {best.doc_id}
        for m in matches[1:]:
            if m.sentence.doc_id not in docs and \
                    difflib.SequenceMatcher(None, m.sentence.key, best.key, autojunk=False).ratio() >= 0.9:
                twins.append(m)
                docs.add(m.sentence.doc_id)
        if len(twins) < 2:
            return []
        return sorted(twins, key=lambda m: self._doc_order.get(m.sentence.doc_id, 99))

    def _vectorize(self, keys: list[str], grow: bool = False):
        from scipy import sparse

        rows, cols, vals = [], [], []
        for r, key in enumerate(keys):
            grams = [key[i : i + 2] for i in range(len(key) - 1)] or [key]
            counts: dict[int, int] = {}
            for g in grams:
                j = self._vocab.get(g)
                if j is None:
                    if not grow:
                        continue
                    j = self._vocab[g] = len(self._vocab)
                counts[j] = counts.get(j, 0) + 1
            for j, c in counts.items():
                rows.append(r), cols.append(j), vals.append(float(c))
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(keys), max(1, len(self._vocab))))


def validate_draft(draft: str | None) -> str:
    text = (draft or "").strip()
    if not text:
        raise InvalidQuestion("empty_draft", "草稿内容为空，请粘贴或上传要比对的文字。")
    if len(text) > MAX_DRAFT_CHARS:
        raise InputTooLarge(f"草稿过长（{len(text)} 字），单次最多比对 {MAX_DRAFT_CHARS} 字，请分段提交。")
    if not has_cjk(text):
        raise InvalidQuestion("not_chinese", "草稿中没有中文内容，无法与规划文件比对。")
    return text


def read_draft_file(path: str | Path) -> str:
    """Text of an uploaded draft (.txt/.md/.docx), with the loaders' checks and Chinese errors."""
    from ..loaders import load_file

    loaded = load_file(Path(path), max_mb=10)
    return "\n".join(line.text for line in loaded.lines)


def corpus_sentences(index: Index) -> list[CorpusSentence]:
    out = []
    for doc in index.documents.values():
        for block in doc.blocks:
            if block.kind in ("title", "table_header", "table_caption"):
                continue
            spans = [(block.start, block.end)] if block.kind in ("table_row", "heading") else sentence_spans(doc.text, block.start, block.end)
            for s, e in spans:
                text = doc.text[s:e]
                key = strip_key(text)
                if len(key) >= 4:
                    out.append(CorpusSentence(doc.doc_id, s, e, text, doc.section_label(block.section), key))
    return out


def aligned_part(source: str, draft: str) -> str:
    """The clauses of a long source sentence that the draft sentence was taken from, so that
    the diff shows what changed rather than everything the draft left out."""
    if len(source) <= 1.5 * len(draft):
        return source
    blocks = [b for b in difflib.SequenceMatcher(None, source, draft, autojunk=False).get_matching_blocks() if b.size >= 4]
    if not blocks:
        return source
    start, end = blocks[0].a, blocks[-1].a + blocks[-1].size
    start = max(source.rfind(p, 0, start) for p in "，；。：") + 1
    ends = [i for i in (source.find(p, end) for p in "，；。：") if i >= 0]
    return source[start : min(ends) + 1 if ends else len(source)]


def char_diff(source: str, draft: str) -> tuple[list[dict], list[dict]]:
    """Opcodes from source to draft, and the figures/years/periods that changed.

    Characters are compared one by one except figures, which count as one unit: 60 → 80 is a
    changed figure, not a changed digit."""
    a, b = _TOKEN.findall(source), _TOKEN.findall(draft)
    ops, numbers = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old, new = "".join(a[i1:i2]), "".join(b[j1:j2])
        ops.append({"op": tag, "source": old, "draft": new})
        if tag != "equal":
            old_numbers, new_numbers = _NUMERIC.findall(old), _NUMERIC.findall(new)
            if old_numbers != new_numbers:
                numbers.append({"source": "、".join(old_numbers), "draft": "、".join(new_numbers)})
    return ops, numbers


def plan_order(index: Index) -> dict[str, int]:
    def when(meta) -> str:
        return meta.date or (meta.period[:4] if meta.period else "9999")

    docs = sorted(index.documents.values(), key=lambda d: (when(d.meta), d.doc_id))
    return {d.doc_id: i for i, d in enumerate(docs)}


def _l2(m):
    from scipy import sparse

    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms) @ m


def summarize(results: list[SentenceResult], index: Index) -> dict:
    """Counts and character shares of reused / adapted / new wording, per source plan, and the new sentences."""
    total = sum(len(r.text) for r in results) or 1
    chars = {"reused": 0, "adapted": 0, "new": 0}
    per_doc: dict[str, int] = {}
    for r in results:
        chars[r.verdict] += len(r.text)
        if r.verdict != "new" and r.matches:
            doc_id = r.matches[0].sentence.doc_id
            per_doc[doc_id] = per_doc.get(doc_id, 0) + len(r.text)
    return {
        "sentences": len(results),
        "counts": {v: sum(r.verdict == v for r in results) for v in chars},
        "share": {v: round(c / total, 4) for v, c in chars.items()},
        "by_plan": [{"doc": d, "title": index.documents[d].meta.title, "share": round(c / total, 4)}
                    for d, c in sorted(per_doc.items(), key=lambda kv: -kv[1])],
        "new_sentences": [r.text for r in results if r.verdict == "new"],
    }


def result_to_dict(r: SentenceResult, index: Index) -> dict:
    """The ``compare --jsonl`` contract for one sentence (fields may be added, never removed)."""
    return {
        "text": r.text,
        "verdict": r.verdict,
        "start": r.start,
        "end": r.end,
        "matches": [
            {
                "doc": m.sentence.doc_id,
                "title": index.documents[m.sentence.doc_id].meta.title,
                "section": m.sentence.section,
                "source": m.sentence.text,
                "similarity": round(m.similarity, 4),
                "shared_run": m.shared_run,
                "start": m.sentence.start,
                "end": m.sentence.end,
                "page": index.documents[m.sentence.doc_id].page_at(m.sentence.start),
            }
            for m in r.matches
        ],
        "diff_source": r.diff_source,
        "diff": r.diff,
        "changed_numbers": r.changed_numbers,
        "same_wording_in": [{"doc": m.sentence.doc_id, "section": m.sentence.section, "source": m.sentence.text}
                            for m in r.same_wording],
    }
