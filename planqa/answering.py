"""Extractive answers: real sentences from the plans, chosen by question type, each cited [n].

Nothing is generated: every sentence after a [n] marker is a verbatim span of a plan's
cleaned text, so the citation's offsets point at exactly what the answer says. When the
evidence is weak, or the question names a year, place or period no passage speaks of,
the answer is a refusal with the nearest passages instead of a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .config import AnswerConfig
from .evidence import coverage, weighted_words
from .index_store import Index
from .query import PERIODS, Query
from .retrieval import alternatives_for
from .schema import Citation, Hit
from .textutil import canonical, sentence_spans

_HAS_NUMBER = re.compile(r"\d")
_ENUM = re.compile(r"[、；;]")
_DEFINES = re.compile(r"是指|即|指的是|是|简称|：|包括|主要")


@dataclass
class Candidate:
    doc_id: str
    start: int
    end: int
    hit: Hit
    support: float = 0.0
    score: float = 0.0

    @property
    def key(self) -> tuple[str, int, int]:
        return (self.doc_id, self.start, self.end)


@dataclass
class Draft:
    """An answer before it becomes an :class:`~planqa.schema.Answer`."""

    text: str
    refused: bool
    citations: list[Citation] = field(default_factory=list)
    nearest: list[Citation] = field(default_factory=list)
    support: float = 0.0


class ExtractiveAnswerer:
    def __init__(self, index: Index, cfg: AnswerConfig):
        self.index = index
        self.cfg = cfg

    # ------------------------------------------------------------------ public
    def answer(self, query: Query, hits: list[Hit], groups: list[list[Hit]] | None = None) -> Draft:
        """Compose an answer from ranked hits (``groups``: one hit list per compared plan)."""
        words = weighted_words(query.text, self.index.tokenizer, self.index.keyword)
        alts = alternatives_for(words)
        if groups:
            return self._compare(query, groups, words, alts)
        candidates = self._candidates(query, hits[:8], words, alts)
        if not candidates:
            return self._refuse(query, hits, "")
        best = candidates[0]
        problem = self._mismatch(query, best)
        if best.support < self.cfg.min_support or problem:
            return self._refuse(query, hits, problem)
        if query.qtype == "list":
            listed = self._list_from_headings(query, best, words)
            if listed:
                return listed
        chosen = [best]
        for cand in candidates[1:]:
            if len(chosen) >= (2 if query.qtype in ("number", "definition") else 3):
                break
            if cand.support >= max(self.cfg.min_support, best.support - 0.12) and not self._mismatch(query, cand):
                if cand.hit.chunk.id != best.hit.chunk.id or query.qtype == "list":
                    chosen.append(cand)
        chosen = self._extend_short(chosen, whole_enumerations=query.qtype in ("list", "definition"))
        chosen = _without_overlaps(chosen)
        return self._compose(query, chosen, best.support)

    # ------------------------------------------------------------------ candidates
    def _candidates(self, query: Query, hits: list[Hit], words, alts) -> list[Candidate]:
        seen: set[tuple[str, int, int]] = set()
        out: list[Candidate] = []
        for hit in hits:
            chunk = hit.chunk
            doc = self.index.documents[chunk.doc_id]
            context = " ".join((doc.meta.title, *doc.meta.aliases, chunk.section, chunk.context))
            spans = [(chunk.start, chunk.end)] if chunk.kind == "table_row" else sentence_spans(doc.text, chunk.start, chunk.end)
            for s, e in spans:
                if (chunk.doc_id, s, e) in seen or e - s < 4:
                    continue
                seen.add((chunk.doc_id, s, e))
                sentence = doc.text[s:e]
                cand = Candidate(chunk.doc_id, s, e, hit)
                cand.support = coverage(words, sentence, context, alts)
                cand.score = cand.support + self._type_bonus(query, sentence) + 0.2 / (1 + hit.rank) + 0.05 * hit.score
                out.append(cand)
        out.sort(key=lambda c: -c.score)
        return out

    @staticmethod
    def _type_bonus(query: Query, sentence: str) -> float:
        bonus = 0.0
        if query.qtype in ("number", "compare"):
            bonus += 0.12 if _HAS_NUMBER.search(sentence) else -0.15
            if any(str(y) in sentence for y in query.years):
                bonus += 0.08
        elif query.qtype == "list":
            bonus += min(0.15, 0.04 * len(_ENUM.findall(sentence)))
        elif query.qtype == "definition":
            bonus += 0.08 if _DEFINES.search(sentence) else 0.0
        return bonus

    def _mismatch(self, query: Query, cand: Candidate) -> str:
        """Why the passage cannot answer a question about a specific year, place or period."""
        doc = self.index.documents[cand.doc_id]
        where = canonical(" ".join((cand.hit.chunk.text, cand.hit.chunk.section, cand.hit.chunk.context)))
        names = canonical(" ".join((doc.meta.title, doc.meta.region, *doc.meta.aliases)))
        for year in query.years:
            if str(year) not in where:
                return f"规划中没有关于{year}年的相应表述。"
        for place in query.places:
            p = canonical(place)
            if p not in names and p not in where and not (p == "北京市" and "北京" in names):
                return f"已收录文件中没有{place}的相应规划内容。"
        for period in query.periods:
            span = PERIODS[period]
            m = re.match(r"(\d{4})\D+(\d{4})", doc.meta.period or "")
            in_period = m and int(m.group(1)) <= span[1] and span[0] <= int(m.group(2))
            if not in_period and canonical(period) not in where:
                return f"找到的内容不属于“{period}”时期。"
        return ""

    # ------------------------------------------------------------------ shaping
    def _extend_short(self, chosen: list[Candidate], whole_enumerations: bool = False) -> list[Candidate]:
        """A sentence that only introduces (ends with ：) or is very short takes the next one
        along; for lists and definitions an item ending in ； runs on to the end of the 。-sentence."""
        out = []
        for cand in chosen:
            doc = self.index.documents[cand.doc_id]
            if cand.hit.chunk.kind != "table_row":
                end = cand.end
                following = sentence_spans(doc.text, cand.end, cand.hit.chunk.end)
                text = doc.text[cand.start : end]
                if (text.endswith(("：", ":")) or len(text) < 16) and following:
                    end = following.pop(0)[1]
                while whole_enumerations and doc.text[cand.start : end].endswith(("；", ";")) and following:
                    end = following.pop(0)[1]
                cand = Candidate(cand.doc_id, cand.start, end, cand.hit, cand.support, cand.score)
            out.append(cand)
        return out

    def _list_from_headings(self, query: Query, best: Candidate, words) -> Draft | None:
        """「…有哪些」 about a section whose sub-sections are the items: list their headings."""
        doc = self.index.documents[best.doc_id]
        chosen_section = None
        top = 0.0
        for i, section in enumerate(doc.sections):
            children = [s for s in doc.sections if s.path[:-1] == section.path and len(s.path) == len(section.path) + 1]
            if len(children) < 2:
                continue
            cov = coverage(words, section.path[-1], " ".join((doc.meta.title, *doc.meta.aliases)))
            if cov > top:
                top, chosen_section = cov, (section, children)
        if chosen_section is None or top < max(self.cfg.min_support, best.support):
            return None
        section, children = chosen_section
        citations = []
        lines = [f"根据《{doc.meta.title}》，“{section.path[-1]}”包括以下{len(children)}项："]
        for n, child in enumerate(children, 1):
            line_end = doc.text.find("\n", child.start)
            line_end = len(doc.text) if line_end < 0 else line_end
            citations.append(
                self._citation(n, best.doc_id, child.start, line_end, best.hit, child.label, (child.start, child.end))
            )
            lines.append(f"{n}. {child.path[-1]}[{n}]")
        return Draft("\n".join(lines), False, citations, support=top)

    def _compose(self, query: Query, chosen: list[Candidate], support: float) -> Draft:
        citations, lines = [], []
        previous_doc = None
        for n, cand in enumerate(chosen, 1):
            doc = self.index.documents[cand.doc_id]
            sentence = doc.text[cand.start : cand.end]
            if cand.hit.chunk.kind == "table_row":
                sentence = _table_row_sentence(sentence, cand.hit.chunk.context)
            citations.append(self._citation(n, cand.doc_id, cand.start, cand.end, cand.hit))
            if cand.doc_id != previous_doc:
                lead = "根据" if n == 1 else "此外，"
                lines.append(f"{lead}《{doc.meta.title}》：{sentence}[{n}]")
            else:
                lines.append(f"{sentence}[{n}]")
            previous_doc = cand.doc_id
        return Draft("\n".join(lines), False, citations, support=support)

    def _compare(self, query: Query, groups: list[list[Hit]], words, alts) -> Draft:
        citations, lines, supports = [], [], []
        for hits in groups:
            cands = self._candidates(query, hits[:6], words, alts)
            if not cands:
                continue
            best = cands[0]
            if best.support < self.cfg.min_support * 0.8:
                continue
            best = self._extend_short([best])[0]
            doc = self.index.documents[best.doc_id]
            n = len(citations) + 1
            citations.append(self._citation(n, best.doc_id, best.start, best.end, best.hit))
            sentence = doc.text[best.start : best.end]
            if best.hit.chunk.kind == "table_row":
                sentence = _table_row_sentence(sentence, best.hit.chunk.context)
            period = f"（{doc.meta.period}）" if doc.meta.period else ""
            lines.append(f"《{doc.meta.title}》{period}：{sentence}[{n}]")
            supports.append(best.support)
        if len(citations) < 2:
            flat = [h for g in groups for h in g]
            flat.sort(key=lambda h: -h.score)
            single = replace(query, qtype="fact", compare_groups=[])
            draft = self.answer(single, flat)
            if not draft.refused:
                draft.text = "只在部分规划中找到相关表述：\n" + draft.text
            return draft
        return Draft("分别来看：\n" + "\n".join(lines), False, citations, support=min(supports))

    def _refuse(self, query: Query, hits: list[Hit], reason: str) -> Draft:
        nearest = []
        for n, hit in enumerate(hits[:3], 1):
            nearest.append(self._citation(n, hit.chunk.doc_id, hit.chunk.start, hit.chunk.end, hit))
        text = f"已收录的规划文件中没有找到能直接回答“{_short(query.text)}”的内容。"
        if reason:
            text += reason
        if nearest:
            text += "以下是最接近的段落，仅供参考，不构成答案。"
        return Draft(text, True, [], nearest)

    def _citation(
        self, n: int, doc_id: str, start: int, end: int, hit: Hit,
        section: str | None = None, passage: tuple[int, int] | None = None,
    ) -> Citation:
        doc = self.index.documents[doc_id]
        passage = passage or (hit.chunk.start, hit.chunk.end)
        return Citation(
            n=n,
            doc=doc_id,
            title=doc.meta.title,
            section=hit.chunk.section if section is None else section,
            page=doc.page_at(start),
            start=start,
            end=end,
            quote=doc.text[start:end],
            chunk_id=hit.chunk.id,
            passage_start=passage[0],
            passage_end=passage[1],
        )


def _without_overlaps(chosen: list[Candidate]) -> list[Candidate]:
    """Drop a candidate whose span overlaps one already chosen (best first)."""
    kept: list[Candidate] = []
    for cand in chosen:
        if not any(k.doc_id == cand.doc_id and k.start < cand.end and cand.start < k.end for k in kept):
            kept.append(cand)
    return kept


def _table_row_sentence(row: str, context: str) -> str:
    """Render a table row with its header: 二级指标：PCT国际专利申请量（件）；2025年目标值：15000…"""
    header = context.split("\n")[-1]
    names = [h.strip() for h in header.split("|")]
    cells = [c.strip() for c in row.split("|")]
    if len(names) != len(cells):
        return row
    return "；".join(f"{name}：{cell}" for name, cell in zip(names, cells)) + "（见规划指标表）"


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
