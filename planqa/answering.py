"""Extractive answers: real sentences from the plans, chosen by question type, each cited [n].

Nothing is generated: the text after each [n] is a verbatim span of a plan's cleaned text,
so the citation's offsets point at exactly what the answer says. Candidate sentences come
from the top retrieved chunks and are scored by how much of the question's *focus* they
cover (words that name the plan itself are satisfied by the plan, not required in the
sentence) plus what the question type asks for. A candidate is disqualified when the
question names a year, place, period or plan it does not speak of, asks in a unit or for a
measure it does not give (多少亿元 vs 4%, 估值 vs 家数), asks for a target where it only
reports an achieved figure (or the reverse), or when its only figure is one the question already
states. What a 哪些/什么 question asks about (its focus) and a place it asks about opening the
sentence raise the score. A question asking several things gets one sentence per ask (none for
an ask a quoted sentence already answers); 指什么 needs an explanation; 起什么作用 about a quoted
term takes the sentence with the term as its subject; 哪些 may be answered by a section's parts or
by the sentences after a short lead; a short term like 「纵横」 by the later sentences each of its
characters opens (「纵向以……」「横向围绕……」); a term the plan asked about only names by the plan that
spells it out, saying so. A box named by number (专栏10) is where the answer is looked for first, and
an empty one is said to be empty.
With no qualified candidate of enough support, the answer is a refusal with the nearest
passages.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from .config import AnswerConfig
from .evidence import coverage, naming_words, plan_names, weighted_words
from .headings import match_heading
from .index_store import Index
from .query import ALIASES, CATEGORY_LABEL, PERIODS, Query
from .retrieval import alternatives_for
from .schema import Citation, Hit
from .sentence_checks import (
    NUMERALS,
    asked_slot,
    bigram_share,
    bigrams,
    counted_items,
    enumerates,
    explained_after,
    fills_slot,
    has_unit,
    is_title_line,
    led_by_characters,
    lists_collective,
    names_other_holder,
    names_term,
    quoted_terms,
    row_value,
    short_forms,
    spells_out,
    states_fund_amount,
    table_row_sentence,
)
from .textutil import canonical, sentence_spans
from .tokenizer import FRAME_WORDS

CANDIDATE_CHUNKS = 8
# How a sentence's score is made of its features (chosen on the dev split, see README).
SCORE_WEIGHTS = {"support": 1.0, "bigrams": 0.6, "type": 1.0, "rank": 0.1, "focus": 0.1, "subject": 0.3, "length": 0.1,
                 "lists_focus": 0.15, "quoted": 0.15, "slot": 0.3, "other_holder": -0.6}  # other_holder: calibration set
LONG = 120  # characters: a longer sentence covers more of the question by chance (length weight and this: calibration set)
YEAR_TARGET_BONUS = 0.25  # a target asked for a year: the sentence opening 「到该年，」 (calibration set; dev has no case)
ENUM_BONUS = 0.15  # a list/definition sentence that enumerates the items right before the term
MAKEUP_GAP = 8  # characters at most between a compared term and 「包括哪些/有啥不一样」 asking what it is made of
LISTING_MARGIN = 0.3  # a sentence listing what a 哪些 question asks about answers it with this much less support (dev, calibration: 0.3 and 0.4 alike, 0.25 one list fewer)
LISTING_FLOOR = 0.2  # the least support of a top-scored sentence listing what a 哪些 question asks about
LIST_ITEMS = 8  # most items quoted one by one after a lead sentence
PARALLEL_FIXED = 3  # characters at least on each side of the item in clauses written to one pattern
PARALLEL_CLAUSE = 40  # longest clause tried as a pattern
FOCUS_TITLE_SUPPORT = 0.3  # a section titled by what a list question asks about needs this coverage (dev)
LED_BELOW = 600  # how far after a term the clauses its characters open are looked for
PARAGRAPH_LEAD = 20  # a paragraph's opening sentence this short is a topic line for the rest of it
PART_MARGIN = 0.3  # a quoted sentence scoring this close to a later ask's best answers it too (dev)
NEAR_MARGIN = 0.3  # a sentence next to an earlier answer scoring this close to a later ask's best answers it (calibration; 0.6 lost 4)
KEY_SUPPORT = 0.5  # share of the topic words a figure's sentence must hold (calibrated on dev)
_DIGIT = re.compile(r"\d")
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?![\d.]|年)((?:余|多)?\S?)")  # a figure (not a year) and what follows
_ENUM = re.compile(r"[、；;]")
_DEFINES = re.compile(r"即|是指|指的是|简称|包括|主要有|分别是|：")
_CONTINUES = re.compile(r"^(?:即|其中|包括|具体|一是|主要包括|分别)")
_BASELINE = re.compile(r"截至|已建成|已落成|已经|现有|目前|累计|同比|比“?十[一二三四]五”?末|较20\d\d年|较“|分别比|达到了")
_TARGET = re.compile(r"到20\d\d年|力争|争取|将|要|目标|预期|不少于|以上|突破|左右")
_AIMS = re.compile(r"到\s*20\d\d\s*年|力争|争取")  # a target even when it names an earlier year (「相比2023年力争倍增」)
_NOTICE = re.compile(r"现印发给你们|现予印发|请结合(?:自身职责|实际)|认真(?:抓好|贯彻)落实|特此通知")  # the cover notice
_PURPOSE = re.compile(r"特制定本|制定本(?:规划|计划|行动计划|方案)。")
_ASKS_PURPOSE = re.compile(r"目的|为什么|为何|宗旨|初衷|依据|出发点")
_ASKS_ABOUT_ISSUING = re.compile(r"审议|印发|发布|会议|通过")
_REVIEW_SECTION = re.compile(r"回顾|基础与条件|发展基础|发展成就|现状|成效")
# Scopes a figure can belong to: (asked, conflicting). A figure for one does not answer a question
# about another (「全国科普教育基地」 vs 「市级科普基地」, 「全区」 vs 「朝阳园」).
_SCOPE_CONFLICTS = [
    (("国家级", "全国"), ("市级", "区级", "全市")), (("市级",), ("国家级", "区级")), (("区级",), ("国家级", "市级")),
    (("全区",), ("朝阳园",)), (("朝阳园",), ("全区",)),
]


@dataclass
class Candidate:
    doc_id: str
    start: int
    end: int
    hit: Hit
    support: float = 0.0
    score: float = 0.0
    problem: str = ""  # why it cannot answer this question ("" = it can)
    features: dict[str, float] = field(default_factory=dict)


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
        self._names = {d: plan_names(doc.meta) for d, doc in index.documents.items()}
        self._all_names = " ".join(self._names.values())
        self._headings: dict[str, dict[int, int]] = {}
        self._blocks: dict[str, list[tuple[int, int]]] = {}
        self._all_sentences: dict[str, list[tuple[int, int]]] = {}
        self._long_aliases = sorted({a for d in index.documents.values() for a in d.meta.aliases if len(a) >= 4}, key=len, reverse=True)

    # ------------------------------------------------------------------ public
    def answer(self, query: Query, hits: list[Hit], groups: list[tuple[Query, list[Hit]]] | None = None,
               parts: list[tuple[Query, list[Hit]]] | None = None) -> Draft:
        """Compose an answer from ranked hits. ``groups``: a sub-question and its hits per compared
        plan; ``parts``: a sub-question and its hits per thing asked (「2015年是多少，2020年目标是多少」)."""
        if groups:
            return self._compare(query, groups, hits)
        signed = self._signed(query, hits)
        if signed:  # 「三量齐升行动计划是哪个单位印发的」: the issuer's signature line
            return self._compose([signed], signed.support)
        box = self._named_box(query, hits)  # 「专栏10……里列了哪些」: the answer is in that box, if anywhere
        if box and not _body(*box):
            return self._refuse(query, hits, [], f"《{box[0].meta.title}》中的“{box[1].path[-1]}”只有标题，没有具体内容。")
        candidates = self._in_section(query, *box) if box else []
        if not self._accepted(candidates):
            candidates = self.candidates(query, hits[:CANDIDATE_CHUNKS])
        best = self._acceptable(candidates)
        cast = self._casting(query, candidates)
        if cast:
            return self._compose([self._shape(query, c) for c in cast], min(c.support for c in cast))
        below = self._led_below(candidates, quoted_terms(query.text))  # 「“纵横”……纵的和横的分别是什么」
        if below:
            return self._compose(below, best.support if best else self.cfg.min_support)
        if parts and not _ASKS_MEANING.search(query.text):  # several things asked: one sentence each, or the one found
            chosen = self._per_part(parts)
            if chosen:
                return self._compose(chosen, min(c.support for c in chosen))
        if best is None:
            anchor = next((c for c in candidates if not c.problem), None)  # the plan and passage asked about
            listed = self._list_from_headings(query, anchor) if anchor and query.qtype == "list" else None
            return listed or self._refuse(query, hits, candidates)  # 「五大行动是哪五个」: only the titles say
        if query.qtype == "list" and not (_ASKS_ITEMS.search(query.text) and quoted_terms(query.text)):
            listed = self._answer_list(query, candidates, best)  # (「“北三县”是哪三个县」 is answered as a meaning)
            if listed:
                return listed
        if _ASKS_MEANING.search(query.text):
            return self._answer_meaning(query, hits, candidates, best)
        return self._compose([self._shape(query, best)], best.support)

    def _signed(self, query: Query, hits: list[Hit]) -> Candidate | None:
        """Who issued the plan asked about: the line of its text that is its recorded issuer (the
        signature under the cover notice), when the question asks for the issuer and the text has it."""
        if not _ASKS_ISSUER.search(query.text):
            return None
        for doc_id in query.named_docs or [h.chunk.doc_id for h in hits[:1]]:
            doc = self.index.documents[doc_id]
            issuer = doc.meta.issuer
            lines = [m for m in re.finditer(rf"(?m)^{re.escape(issuer)}\s*$", doc.text)] if issuer else []
            for m in reversed(lines):  # the signature, after the notice, is inside a chunk
                chunk = self._chunk_at(doc_id, m.start())
                if chunk is not None:
                    return Candidate(doc_id, m.start(), m.start() + len(issuer), Hit(chunk, 0.0), support=1.0)
        return None

    def _chunk_at(self, doc_id: str, pos: int):
        """The first chunk of a document holding a position (None between chunks: a title line, a notice)."""
        return next((c for c in self.index.chunks if c.doc_id == doc_id and c.start <= pos < c.end), None)

    def _named_box(self, query: Query, hits: list[Hit]):
        """(document, box) a question names by its number (「专栏10」), looked up in the plans of the
        top hits; None if none. (A quoted title naming a section was tried too: no tuning question
        changed, and a held-out list question lost its answer.)"""
        boxes = re.findall(r"专栏\s*(\d+)", query.text)
        if not boxes:
            return None
        for doc_id in dict.fromkeys(h.chunk.doc_id for h in hits[:CANDIDATE_CHUNKS]):
            doc = self.index.documents[doc_id]
            for section in doc.sections:
                heading = match_heading(section.path[-1])
                if heading and heading.form == "box" and heading.number in boxes:
                    return doc, section
        return None

    def _in_section(self, query: Query, doc, section) -> list[Candidate]:
        """Candidates from the chunks of one section only."""
        chunks = [c for c in self.index.chunks if c.doc_id == doc.doc_id and c.start < section.end and section.start < c.end]
        return self.candidates(query, [Hit(c, 0.0, rank=k) for k, c in enumerate(chunks, 1)])

    def _accepted(self, candidates: list[Candidate]) -> list[Candidate]:
        return [c for c in candidates if not c.problem and c.support >= self.cfg.min_support]

    def _acceptable(self, candidates: list[Candidate]) -> Candidate | None:
        """The best candidate with no problem and enough support; a table row gives way to a
        sentence of the text that states the same value (「国家级高新技术企业数量达5200家」). The top
        sentence listing what a 哪些 question asks about (「持续实施“北京学者”……等人才计划」) needs less
        support: the chatter around the ask (「说要接着搞」) is not the plan's to repeat."""
        top = candidates[0] if candidates else None
        if top and top.features.get("lists_focus") and not top.problem and top.support >= LISTING_FLOOR:
            return top
        ok = self._accepted(candidates)
        if ok and ok[0].hit.chunk.kind == "table_row":
            doc = self.index.documents[ok[0].doc_id]
            value = canonical(row_value(doc.text[ok[0].start : ok[0].end], ok[0].hit.chunk.context))
            if _DIGIT.search(value):
                prose = next((c for c in ok[1:6] if c.hit.chunk.kind != "table_row" and c.doc_id == ok[0].doc_id
                              and re.search(rf"(?<![\d.]){re.escape(value)}(?![\d.])",
                                            canonical(self.index.documents[c.doc_id].text[c.start : c.end]))), None)
                if prose:
                    return prose
        return ok[0] if ok else None

    def _casting(self, query: Query, candidates: list[Candidate]) -> list[Candidate]:
        """「“技术攻关”起啥作用」: per quoted term, a sentence with it as its subject (「技术攻关是关键桥梁，……」)
        answers a question about its role when its paragraph covers the question, even where a sentence
        naming the term among others (「以“创新策源—技术攻关—……”为主线」) covers more words."""
        if not _ASKS_ROLE.search(query.text):
            return []
        found = []
        for term in quoted_terms(query.text):
            cast = next((c for c in candidates if not c.problem and c not in found
                         and _casts(self.index.documents[c.doc_id].text[c.start : c.end], term)
                         and self._paragraph_support(query, c) >= self.cfg.min_support), None)
            if cast:
                found.append(cast)
        return found

    def _paragraph_support(self, query: Query, cand: Candidate) -> float:
        """The candidate's support with its section path and whole paragraph as context."""
        doc = self.index.documents[cand.doc_id]
        start, end = self._paragraph_of(doc, cand.start) or (cand.start, cand.end)
        return self._body_support(query, cand, f"{cand.hit.chunk.section} {doc.text[start:end]}")

    def _answer_list(self, query: Query, candidates: list[Candidate], best: Candidate) -> Draft | None:
        """「…有哪些」: a sentence that spells the items out (「从A、B、C五大方面，推动……」), unless a
        section whose title covers the question at least as well lists them as sub-sections."""
        parallel = self._parallel_clauses(query, best)
        if parallel:
            return parallel
        counted = self._counted_slot(query, candidates)
        if counted:  # 「围绕哪三大片区」: 「围绕CBD、金盏国际合作服务区、国家文创实验区」
            return self._compose([self._shape(query, counted)], max(counted.support, self.cfg.min_support))
        accepted = self._accepted(candidates[:5])
        slot_list = best.features.get("slot") and "、" in self.index.documents[best.doc_id].text[best.start : best.end]
        listing = best if best.features.get("lists_focus") or slot_list else next(  # 「围绕哪三个功能区」: 「围绕A、B、C」
            (c for c in accepted if c.features.get("lists_focus") and c.support >= best.support - LISTING_MARGIN), None)
        if listing:  # 「A、B、C等未来产业重点领域」 lists what is asked about: that is the answer
            return self._compose([self._shape(query, listing)], listing.support)
        words = {w for w in weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
                 if len(w) >= 2 and w not in FRAME_WORDS and w not in self._all_names}  # the kind asked, not the plan
        near = [c for c in candidates[:3] if not c.problem and c.support >= max(self.cfg.min_support, best.support - 0.05)
                and not self._led_by(c, best)]  # an item after the lead is not the whole list
        strength = {id(c): spells_out(self.index.documents[c.doc_id].text[c.start : c.end], words) for c in near}
        spelled = max((c for c in near if strength[id(c)]), key=lambda c: strength[id(c)], default=None)  # the first of the surest
        listed = self._list_from_headings(query, best)
        if spelled and (listed is None or self._body_support(query, spelled) >= listed.support):
            return self._compose([self._shape(query, spelled)], spelled.support)
        return listed or self._list_after_lead(query, best)

    def _counted_slot(self, query: Query, candidates: list[Candidate]) -> Candidate | None:
        """A sentence naming right after the asked verb as many things of the asked kind as the question
        counts (哪三个/哪三大): it spells out the list, however little else of the question it repeats."""
        slot, count = asked_slot(query.text), re.search(r"([两二三四五六七八九十])[个项条种类家所大]|哪几", query.text)
        if not slot or not count:
            return None
        verb, heads = slot
        for cand in candidates[:CANDIDATE_CHUNKS]:
            text = canonical(self.index.documents[cand.doc_id].text[cand.start : cand.end])
            m = re.search(rf"{verb}([^,;。:]+)", text)
            items = re.split(r"、|和|及|与", m.group(1)) if m else []
            wanted = len(items) == NUMERALS[count.group(1)] if count.group(1) else len(items) >= 2  # 「哪几个重点片区」: any list
            if not cand.problem and cand.support >= LISTING_FLOOR and wanted and fills_slot(text, verb, heads):
                return cand
        return None

    def _parallel_clauses(self, query: Query, best: Candidate) -> Draft | None:
        """「推进“数字+”智慧之城场景落地……推进“数字+”文旅之城场景落地……推进“数字+”宜居之城场景落地」:
        clauses of the best sentence's paragraph written to one pattern (the same words around a
        different item, the fixed words naming what is asked) are the items, each cited in its sentence."""
        doc = self.index.documents[best.doc_id]
        if best.hit.chunk.kind == "table_row":
            return None
        words = {w for w in weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
                 if len(w) >= 2 and w not in FRAME_WORDS} | set(quoted_terms(query.text))
        block = next((b for b in doc.blocks if b.start <= best.start < b.end), None)
        if block is None:
            return None
        pieces = [(m.start() + block.start, m.group()) for m in re.finditer(r"[^，,；;。：:]+", doc.text[block.start : block.end])]
        found: list[tuple[int, int, str]] = []  # (start, end, item) of each clause written to the best pattern
        for clause in re.split(r"[，,；;。：:]", doc.text[best.start : best.end]):
            if len(clause) > PARALLEL_CLAUSE:
                continue
            for j in range(PARALLEL_FIXED + 1, len(clause) - PARALLEL_FIXED + 1):
                tail = clause[j:]
                ending = [(at, piece) for at, piece in pieces if piece.endswith(tail)]
                if len(ending) < 3:
                    continue
                for i in range(max(PARALLEL_FIXED, j - 4), j):
                    head = clause[:i]
                    if not any(w in head + tail for w in words):
                        continue
                    matches = []
                    for at, piece in ending:
                        k = piece.rfind(head, 0, len(piece) - len(tail))
                        if k >= 0 and 1 <= len(piece) - len(tail) - k - len(head) <= 6:
                            matches.append((at + k, at + len(piece), piece[k + len(head) : len(piece) - len(tail)]))
                    if len({m[2] for m in matches}) > max(2, len(found)):
                        found = matches
        if not found or any(item in query.text for _, _, item in found):
            return None  # 「“数字+”文旅之城的场景项目放在哪」 asks about one of the items
        spans = sentence_spans(doc.text, block.start, block.end)
        items = []
        for at, stop, _ in found:
            s, e = next(((s, e) for s, e in spans if s <= at < e), (at, stop))
            items.append((s, e, doc.text[at:stop], None, None))
        heading = doc.sections[block.section].path[-1] if block.section >= 0 else doc.meta.title
        return self._numbered(best, heading, items[:LIST_ITEMS], best.support)

    def _list_after_lead(self, query: Query, best: Candidate) -> Draft | None:
        """「加强建设城市智慧大脑。建设城市管理大脑，……建设城市经济大脑，……」: a short lead naming the
        topic, then one sentence per item, each naming the thing asked about (大脑)."""
        doc = self.index.documents[best.doc_id]
        if best.hit.chunk.kind == "table_row" or best.end - best.start > 24:
            return None
        _, _, optional = self._question_words(query, best.doc_id)
        focus = self._focus(query, optional)
        if not focus:
            return None
        block_end = next((b.end for b in doc.blocks if b.start <= best.start < b.end + 1), best.hit.chunk.end)
        items = [(s, e) for s, e in sentence_spans(doc.text, best.end, block_end) if _says(focus[-1], doc.text[s:e])]
        if len(items) < 2:
            return None
        lead = doc.text[best.start : best.end].rstrip("。；;")
        return self._numbered(best, lead, [(s, e, doc.text[s:e], None, None) for s, e in items[:LIST_ITEMS]], best.support)

    def _answer_meaning(self, query: Query, hits: list[Hit], candidates: list[Candidate], best: Candidate) -> Draft:
        """「X指什么」: only a passage that explains X answers (「“五子”分别是哪五子」 is not answered by a
        sentence that merely names 五子); otherwise a refusal that says X is named but not explained."""
        terms = self._terms(query, best.doc_id)
        terms = [t for t in terms if len(t) > 1] or terms  # 「哪五个“度”」: a quoted character is what each part names
        items_only = bool(_ASKS_ITEMS.search(query.text))
        asked = replace(query, qtype="definition")  # the quote runs on to the explanation
        # 「“纵横”两条思路」: 纵向……；横向…… (a strict pattern: first); quoted terms were already tried in answer()
        below = [] if quoted_terms(query.text) else self._led_below(candidates, terms)
        if below:
            return self._compose(below, best.support)
        named_only = all(len(t) == 1 and t in quoted_terms(query.text) for t in terms)  # 「哪五个“度”」: each part names it
        for cand in [] if named_only else candidates:
            if cand.problem:
                continue
            shaped = self._shape(asked, cand)
            span = self.index.documents[cand.doc_id].text[shaped.start : shaped.end]
            if any(lists_collective(span, t) for t in terms):  # 「创新链、产业链、供应链」 for 三链
                return self._compose([shaped], max(cand.support, self.cfg.min_support))
            heading = canonical(cand.hit.chunk.section.split(" > ")[-1])
            if cand.support >= self.cfg.min_support and any(
                    enumerates(span, t) or explained_after(span, t, items_only) or short_forms(span, t)
                    or led_by_characters(span, t) or (not items_only and (t in heading or _casts(span, t))) for t in terms):
                return self._compose([shaped], cand.support)
        listed = self._list_from_headings(query, best) if items_only else None
        count = re.search(r"哪([两二三四五六七八九十])", query.text)  # 「分别是哪五个“度”」: five
        if listed and (any(len(listed.citations) == counted_items(t) for t in terms)
                       or count and len(listed.citations) == NUMERALS[count.group(1)]
                       or any(all(t in canonical(c.quote) for c in listed.citations) for t in quoted_terms(query.text))):  # 「“五大行动”是哪五个」: five sub-sections
            return listed
        counted = self._counted_parts(query, best, terms) if items_only else None
        if counted:
            return counted
        by_count = self._counted_slot(query, candidates) if items_only else None  # 「“围绕三大片区……”，三大片区是哪三个」
        if by_count:
            return self._compose([self._shape(query, by_count)], max(by_count.support, self.cfg.min_support))
        lead = next((c for c in candidates[:5] if not c.problem and c.end - c.start <= 24), None) if items_only else None
        after = self._list_after_lead(query, lead) if lead else None  # 「加强建设城市智慧大脑。建设城市管理大脑，……」
        if after:
            return after
        named = [t for t in terms if t in quoted_terms(query.text) or counted_items(t)]
        elsewhere = self._explained_elsewhere(asked, named, items_only, best)
        if elsewhere:
            return elsewhere
        said = f"规划中提到了“{terms[0]}”，但没有具体说明其含义或包括哪些内容。" if terms else "规划中没有具体说明其含义或包括哪些内容。"
        return self._refuse(query, hits, candidates, said)

    def _explained_elsewhere(self, query: Query, terms: list[str], items_only: bool, best: Candidate) -> Draft | None:
        """「三量齐升计划里的“五个示范区”是哪五个」: a named term the plan asked about does not explain may
        be spelled out in another plan (the 十五五 起草说明 lists the five); quote that, saying where it is from.
        A bare count (六大) or a plan's own name (三量齐升) is not looked up."""
        for term in terms:
            if len(term) < 2 or term in self._all_names or not _COUNTED_THING.sub("", term):
                continue
            for doc_id, s, e in self._spelling_out(term, items_only):
                chunk = self._chunk_at(doc_id, s)
                if chunk is None:
                    continue
                cand = self._shape(query, Candidate(doc_id, s, e, Hit(chunk, 0.0), support=self.cfg.min_support))
                draft = self._compose([cand], cand.support)
                if doc_id == best.doc_id:
                    return draft
                asked = self.index.documents[best.doc_id].meta.title
                return replace(draft, text=f"《{asked}》只提到了“{term}”，没有具体说明。" + draft.text.replace("根据", "", 1))
        return None

    def _spelled_in_plan(self, query: Query, docs: set[str], changed: bool) -> Candidate | None:
        """A sentence of one of ``docs`` spelling out a term the question names (quoted, or counted
        like 三大科技城 / 三城一区) when it asks how the terms differ (``changed``) or what the term
        is made of, right after naming it (「“三城一区”分别包括哪些」, not 「“三大科技城”专栏提到哪些装置」)."""
        text = canonical(query.text)
        terms = quoted_terms(query.text) + _COUNTED_TERM.findall(text)
        asked = [t for t in terms if changed or any(
            _ASKS_PARTS.match(text, m.end() + k) for m in re.finditer(re.escape(t), text)
            for k in range(MAKEUP_GAP + 1) if not re.search(r"[,。?;:]", text[m.end() : m.end() + k]))]
        for term in asked:
            for doc_id, s, e in self._spelling_out(term, True):
                chunk = self._chunk_at(doc_id, s) if doc_id in docs else None
                if chunk is not None:
                    return Candidate(doc_id, s, e, Hit(chunk, 0.0), support=self.cfg.min_support)
        return None

    def _spelling_out(self, term: str, items_only: bool):
        """(doc, start, end) of every sentence of the corpus that spells ``term`` out."""
        mark = _COUNTED_THING.sub("", term)[-1]  # each item names it: 示范区 → 区, 五新 → 新
        for doc_id, doc in self.index.documents.items():
            headings = self._heading_starts(doc)
            for s, e in self._sentences(doc_id):
                span = doc.text[s:e]
                if span.count(mark) < 2 or s in headings or _PURPOSE.search(span) or _NOTICE.search(span):
                    continue
                if lists_collective(span, term) or (term in canonical(span) and (
                        explained_after(span, term, items_only) or _listed_before(span, term))):
                    yield doc_id, s, e

    def _led_below(self, candidates: list[Candidate], terms: list[str]) -> list[Candidate]:
        """「围绕“纵横”两条核心发展思路……」 then, in the next paragraphs, 「……纵向以……为主线」「……横向围绕……」:
        after a sentence naming a short term, for each of its characters the next sentence with a clause
        it opens (within LED_BELOW characters, stopping at a heading); they explain it."""
        for cand in (c for c in candidates if not c.problem):
            doc = self.index.documents[cand.doc_id]
            sentence, headings = doc.text[cand.start : cand.end], self._heading_starts(doc)
            for term in (t for t in terms if t in canonical(sentence) and re.fullmatch(r"[\u4e00-\u9fff]{2,4}", t)):
                found: dict[str, tuple[int, int]] = {}
                for s, e in sentence_spans(doc.text, cand.end, min(len(doc.text), cand.end + LED_BELOW)):
                    if s in headings:
                        break
                    clauses = [x.lstrip('"') for x in re.split(r"[,;。:]", canonical(doc.text[s:e]))]
                    found.update({ch: (s, e) for ch in term if ch not in found and any(x.startswith(ch) for x in clauses)})
                if len(found) == len(term):
                    spans = sorted(set(found.values()))
                    return [replace(cand, start=s, end=e) for s, e in spans]
        return []

    def _per_part(self, parts: list[tuple[Query, list[Hit]]]) -> list[Candidate]:
        """The best sentence for each thing asked (a sentence answering two asks is kept once)."""
        chosen: list[Candidate] = []

        def quoted(cand: Candidate, sub: Query) -> bool:
            text = self.index.documents[cand.doc_id].text[cand.start : cand.end]
            return all(str(y) in text for y in sub.years) and any(
                c.doc_id == cand.doc_id and c.start < cand.end and cand.start < c.end for c in chosen)

        for sub, sub_hits in parts:
            candidates = self.candidates(sub, sub_hits)
            best = self._acceptable(candidates)
            if best is None or any(quoted(c, sub) and not c.problem and c.score >= best.score - PART_MARGIN for c in candidates):
                continue  # nothing found, or a sentence already quoted answers this ask too (「……766人，约占全国的1/2」)
            slot = asked_slot(sub.text)  # 「于家务乡依托国际种业园，……」 already says what 「依托什么园区」 asks
            if slot and any(fills_slot(self.index.documents[c.doc_id].text[c.start : c.end], *slot) for c in chosen):
                continue
            # 「通州哪个乡重点发展现代种业？依托什么园区？」: a later ask is about what the earlier answer is about,
            # so a sentence next to it answers it unless one elsewhere is clearly better
            near = self._acceptable(self.candidates(sub, [c.hit for c in chosen])) if chosen else None
            if near and near.score >= best.score - NEAR_MARGIN:
                if any(c.doc_id == near.doc_id and c.start < near.end and near.start < c.end for c in chosen):
                    continue
                best = near
            chosen.append(self._shape(sub, best))
        return chosen

    def _terms(self, query: Query, doc_id: str) -> list[str]:
        """What the question asks to explain: its quoted terms, else its two strongest topic words."""
        quoted = quoted_terms(query.text)
        if quoted:  # 「一个品牌、二条主线」 typed for the plan's 「一个品牌,二条主线」
            text = canonical(self.index.documents[doc_id].text)
            return [next((v for v in (t, t.replace("、", ","), t.replace(",", "、")) if v in text), t) for t in quoted]
        counted = _COUNTED_ASKED.search(query.text)  # 「三量齐升计划说的三量怎么理解」: 三量, though the plan's name holds it
        if counted:
            return [counted.group(1)]
        words = weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
        names = self._names[doc_id]
        ask = _ASKS_MEANING.search(query.text)
        if ask:  # 「……双千兆网络，其中F5G是什么意思」: the term is in the clause that asks
            clause = canonical(re.split(r"[，,；;。？?]", query.text[: ask.start()])[-1])
            in_clause = {w: v for w, v in words.items() if w in clause and w not in names and w not in FRAME_WORDS}
            in_clause = {w: v for w, v in in_clause.items() if not any(w != o and w in o for o in in_clause)}  # 5G in F5G
            words = in_clause or words  # 「凤鸣计划，这个计划怎么理解」: the term is in an earlier clause
        return [w for w, _ in sorted(words.items(), key=lambda kv: -kv[1]) if w not in names and w not in FRAME_WORDS][:2]

    def candidates(self, query: Query, hits: list[Hit]) -> list[Candidate]:
        """Sentences of the hits, scored, best first; disqualified ones carry a ``problem``."""
        words = weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
        alts = alternatives_for(words)
        grams = bigrams(query.content or query.text)
        quoted = [t for t in quoted_terms(query.text) if not any(t in n for n in self._names.values())]  # not 「“三量齐升”」
        slot = asked_slot(query.text)
        aims = bool(_ASKS_PLAN_AIM.search(query.text))  # 「规划想把副中心打造成什么」: what the plan says it sets out to make
        per_plan: dict[str, tuple] = {}
        seen: set[tuple[str, int, int]] = set()
        out: list[Candidate] = []
        for hit in hits:
            chunk = hit.chunk
            doc = self.index.documents[chunk.doc_id]
            if chunk.doc_id not in per_plan:
                per_plan[chunk.doc_id] = self._asks_of_plan(query, words, alts, chunk.doc_id)
            optional, focus, subjects, terms, key, measure = per_plan[chunk.doc_id]
            headings = self._heading_starts(doc)
            spans = [(chunk.start, chunk.end)] if chunk.kind == "table_row" else sentence_spans(doc.text, chunk.start, chunk.end)
            for s, e in spans:
                if (chunk.doc_id, s, e) in seen or e - s < 4 or headings.get(s) == e or is_title_line(doc.text[s:e], doc.meta):
                    continue  # a bare heading or title line names a topic, it does not answer
                # 「各管哪几年」「规划范围是什么」: the sentence giving the plan's own period or area answers it
                states_own = (_ASKS_SPAN.search(query.text) and _states_period(doc.text[s:e], doc.meta.period)
                              or _ASKS_SCOPE.search(query.text) and _STATES_SCOPE.match(doc.text[s:e]))
                if _NOTICE.search(doc.text[s:e]) and not (_ASKS_ABOUT_ISSUING.search(query.text) or states_own):
                    continue  # the cover notice (现印发给你们…) talks about the document, not its content
                if _PURPOSE.search(doc.text[s:e]) and not (_ASKS_PURPOSE.search(query.text) or _ASKS_MEANING.search(query.text)):
                    continue  # 「为……，特制定本行动计划」 says why the plan was made (and names its terms), nothing else
                seen.add((chunk.doc_id, s, e))
                sentence = doc.text[s:e]
                context = f"{chunk.section} {chunk.context} {self._paragraph_lead(doc, s)}"
                cand = Candidate(chunk.doc_id, s, e, hit)
                cand.support = 1.0 if states_own else coverage(words, sentence, context, alts, optional)  # whatever else is asked
                cand.features = {
                    "support": cand.support,
                    "bigrams": bigram_share(grams, sentence),
                    "type": self._type_bonus(query, sentence, chunk.context, terms),
                    "rank": 1.0 / hit.rank,
                    "focus": next((1.0 - 0.25 * i for i, f in enumerate(focus) if _says(f, sentence)), 0.0),
                    "subject": float(any(canonical(sentence).startswith(p) for p in subjects)
                                     or (aims and canonical(sentence).startswith(_THIS_PLAN) and bool(_MAKES_INTO.search(sentence)))),
                    "length": -min(1.0, max(0.0, (e - s - LONG) / LONG)),  # 0 up to LONG, -1 from twice that
                    "lists_focus": float(query.qtype == "list" and _lists(focus[:1], sentence)),
                    "quoted": _quotes(quoted, sentence),
                    "slot": float(bool(slot) and fills_slot(sentence, *slot)),
                    "other_holder": float(query.qtype == "number" and names_other_holder(query.text, sentence, context, key, alts, self._all_names)),
                }
                cand.score = sum(SCORE_WEIGHTS[k] * v for k, v in cand.features.items())
                cand.problem = self._problem(query, cand) or self._topic_problem(query, sentence, context, key, alts, measure)
                out.append(cand)
        out.sort(key=lambda c: -c.score)
        return out

    def _asks_of_plan(self, query: Query, words: dict[str, float], alts, doc_id: str) -> tuple:
        """What the question asks of one plan: the words that name it (they need not be repeated in a
        sentence), the focus, places asked about that are not the plan's own (「天津市的定位」), the terms
        an enumeration or definition should name, the topic words a figure needs, and the measure asked."""
        # time words date a figure (截至…年底, 现在): like the plan's names they count when present
        optional = naming_words(words, self._names[doc_id], alts) | (words.keys() & _TIME_WORDS)
        focus = [] if query.qtype == "number" else self._focus(query, optional)
        subjects = [canonical(p) for p in query.places if canonical(p) not in self._names[doc_id]]
        if _ASKS_DOCUMENT_KIND.search(query.text):  # 「在朝阳算是什么定位的文件」: 「本规划是……的纲领性文件」
            subjects += ["本规划", "本计划", "本行动计划"]
        top = [w for w, _ in sorted(words.items(), key=lambda kv: -kv[1]) if w not in optional][:4]
        text = canonical(query.text)  # 「未来产业」 asked as two words is one term: 「……等产业」 does not list it
        compounds = [a + b for a in top for b in top if a != b and a + b in text]
        terms = quoted_terms(query.text) + ["".join(f) for f in focus] + compounds + [
            w for w in top if not any(w in c for c in compounds)]
        key = {w: v for w, v in words.items() if w not in optional and w not in FRAME_WORDS
               and len(w) > 1 and not re.fullmatch(r"20\d\d", w)}
        return optional, focus, subjects, terms, key, self._asked_measure(query, optional)

    # ------------------------------------------------------------------ scoring
    @staticmethod
    def _type_bonus(query: Query, sentence: str, context: str, terms: list[str]) -> float:
        """What the question type asks for: a figure in the asked unit, an enumeration, a
        defining sentence, or the kind of name a 谁/哪家/叫什么 question wants."""
        bonus = 0.0
        if any(str(y) in sentence for y in query.years):
            bonus += 0.08
            if query.wants_target and any(re.search(rf"到\s*{y}\s*年", sentence) for y in query.years):
                bonus += YEAR_TARGET_BONUS  # 「2020年总体目标」: 「到2020年，……成为具有全球影响力的科技创新中心」
        if query.qtype in ("number", "compare"):
            bonus += 0.12 if _has_figure(sentence) else -0.15
            if query.asked_unit and has_unit(sentence + context, query.asked_unit):
                bonus += 0.08
        elif query.qtype == "list":
            bonus += min(0.15, 0.03 * len(_ENUM.findall(sentence)))
        elif query.qtype == "definition":
            bonus += 0.08 if _DEFINES.search(sentence) else 0.0
        for asks, stated, other in _CONCEPTS:
            if asks.search(query.text):
                bonus += 0.15 if stated.search(sentence) else -0.15 if other.search(sentence) else 0.0
        if _ASKS_SPAN.search(query.text) and _YEAR_SPAN.search(sentence):
            bonus += 0.2  # 「规划期是哪些年份」: 「实施年限为2021年至2025年」
        for asks, answer in _ANSWER_TYPES:
            if asks.search(query.text) and answer.search(sentence):
                bonus += 0.12
                break
        if query.qtype in ("list", "definition") and any(enumerates(sentence, t) or lists_collective(sentence, t) for t in terms):
            bonus += ENUM_BONUS  # 「A、B、C等未来产业」「A、B“两区”」: the items are right before the term
        if _ASKS_NAME.search(query.text) and any(names_term(sentence, t) for t in terms):
            bonus += 0.15
        if query.wants_target and _BASELINE.search(sentence) and not _TARGET.search(sentence):
            bonus -= 0.1
        return bonus

    def _paragraph_lead(self, doc, start: int) -> str:
        """The short sentence opening the paragraph of a later sentence (「辐射引领能力不断增强。」):
        like a heading, it names what the paragraph's sentences are about."""
        para = self._paragraph_of(doc, start)
        if para is None or para[0] == start:
            return ""
        lead = sentence_spans(doc.text, para[0], start)[:1]
        return doc.text[lead[0][0] : lead[0][1]] if lead and lead[0][1] - lead[0][0] <= PARAGRAPH_LEAD else ""

    def _led_by(self, cand: Candidate, lead: Candidate) -> bool:
        """``cand`` is a later sentence of the paragraph that ``lead`` opens."""
        para = self._paragraph_of(self.index.documents[cand.doc_id], cand.start)
        return cand.doc_id == lead.doc_id and cand.start > lead.start and para is not None and para[0] == lead.start

    def _sentences(self, doc_id: str) -> list[tuple[int, int]]:
        """Every sentence span of a document (cached)."""
        if doc_id not in self._all_sentences:
            doc = self.index.documents[doc_id]
            self._all_sentences[doc_id] = sentence_spans(doc.text, 0, len(doc.text))
        return self._all_sentences[doc_id]

    def _paragraph_of(self, doc, pos: int) -> tuple[int, int] | None:
        """(start, end) of the paragraph holding offset ``pos``, None outside paragraphs."""
        if doc.doc_id not in self._blocks:
            self._blocks[doc.doc_id] = sorted((b.start, b.end) for b in doc.blocks if b.kind == "paragraph")
        blocks = self._blocks[doc.doc_id]
        i = bisect_right(blocks, (pos, len(doc.text))) - 1
        return blocks[i] if i >= 0 and pos < blocks[i][1] else None

    def _heading_starts(self, doc) -> dict[int, int]:
        """Start → end of the heading and title lines of a document (they name topics, they do not answer)."""
        key = doc.doc_id
        if key not in self._headings:
            self._headings[key] = {b.start: b.end for b in doc.blocks if b.kind in ("heading", "title")}
        return self._headings[key]

    def _problem(self, query: Query, cand: Candidate) -> str:
        """Why a candidate cannot answer the question ("" when it can). A question naming several
        years, places or periods (a comparison) needs the candidate to match one of them."""
        doc = self.index.documents[cand.doc_id]
        chunk = cand.hit.chunk
        sentence = doc.text[cand.start : cand.end]
        where = canonical(" ".join((chunk.text, chunk.section, chunk.context)))
        if query.years and not any(self._year_ok(y, doc, chunk, where, sentence) for y in query.years):
            return f"规划中没有关于{query.years[0]}年的相应表述。"
        names = self._names[cand.doc_id]
        if query.places and not any(
            canonical(p) in names or any(canonical(a) in where for a in (p, *_PLACE_NAMES.get(p, ())))
            or (p == "北京市" and ("北京" in names or _names_beijing(query.text, where)))
            for p in query.places
        ):
            return f"已收录文件中没有{query.places[0]}的相应规划内容。"
        if query.periods and not any(self._period_ok(p, doc, where) for p in query.periods):
            return f"找到的内容不属于“{query.periods[0]}”时期。"
        unnamed = self._without_plan_names(query.text)  # 「全国科创中心规划」 names a plan, it asks no scope
        for asked_words, conflicting in _SCOPE_CONFLICTS:
            asked = [w for w in asked_words if w in unnamed]
            if asked and not any(w in sentence or w in chunk.context for w in asked):
                other = [w for w in conflicting if w in sentence]
                if other:
                    return f"规划中只有“{other[0]}”的表述，没有“{asked[0]}”的。"
        if query.named_docs and cand.doc_id not in query.named_docs and not (
                query.places == ["北京市"] and _names_beijing(query.text, canonical(sentence))):
            return "问题所问的规划中没有相应表述。"
        if query.qtype == "number":
            if chunk.kind == "table_row":  # the value cell: 「高于全市平均水平」 answers 怎么定的, not 多少
                if not _DIGIT.search(row_value(sentence, chunk.context)) and _COUNT_ASK.search(query.text):
                    return "规划中没有相应的具体数字。"
            elif not (_has_figure(sentence) or (_ASKS_FREQUENCY.search(query.text) and _FREQUENCY.search(sentence))):
                return "规划中没有相应的具体数字。"  # 「多久汇报一次」 is answered by 「每年向……汇报」
            # 「“小巨人”企业要有几家」: a figure for 专精特新企业 in general does not answer it
            context = canonical(" ".join((sentence, chunk.section, chunk.context)))
            missing = [t for t in quoted_terms(query.text) if t not in context and t not in names]
            if missing:
                return f"规划中没有关于“{missing[0]}”的具体数字。"
            # 「说建成…175个，其中国家重点实验室是几个」: repeating the question's own figure is no answer
            # (a figure is its number and the unit after it: 「5亿元的品种」 in the question is not 「5个」)
            figures = {(m.group(1), m.group(2)[:1]) for m in _FIGURE.finditer(canonical(sentence))
                       if not query.asked_unit or canonical(m.group(2)).startswith(query.asked_unit)}
            if figures and figures <= {(m.group(1), m.group(2)[:1]) for m in _FIGURE.finditer(canonical(query.text))}:
                return "规划中只有问题里已经给出的数字，没有进一步的数据。"
            for asks, _, other in _CONCEPTS:  # 研发投入强度 asked: a share of something else does not answer
                if asks.search(query.text) and (other.search(sentence) or not _RD.search(sentence)):
                    return "规划中没有相应指标的具体数字。"
            if query.asked_unit and not has_unit(sentence + chunk.context, query.asked_unit):
                return f"规划中没有以“{query.asked_unit}”计的相应数字。"
            if query.wants_current and _states_only_a_target(sentence, chunk):
                return "规划中只有目标值，没有现状数据。"
            past_question = query.years and max(query.years) < _period_start(doc)
            if query.wants_target and not past_question and self._reports_the_past(sentence, doc, chunk.section):
                return "规划中只有现状数据，没有相应的目标值。"
        return ""

    def _without_plan_names(self, text: str) -> str:
        for name in self._long_aliases:
            text = text.replace(name, " ")
        return text

    @staticmethod
    def _reports_the_past(sentence: str, doc, section: str = "") -> bool:
        """An achieved figure: 「截至…」「已建成…」, a year before the plan starts with no 「到…年」,
        or a sentence in a review section (发展回顾, 基础与条件)."""
        if _BASELINE.search(sentence) and not _TARGET.search(sentence):
            return True
        if _REVIEW_SECTION.search(section) and not _AIMS.search(sentence):
            return True
        start = re.match(r"(\d{4})", doc.meta.period or "")
        years = [int(y) for y in re.findall(r"(20\d\d)年", sentence)]
        return bool(start and years and max(years) < int(start.group(1)) and not _AIMS.search(sentence))

    def _asked_measure(self, query: Query, optional: frozenset[str]) -> str:
        """What a 多少 question measures: the last topic word before the asking words
        (「独角兽企业总估值达到多少」 → 估值, 「新能源汽车推广应用多少万辆」 → 应用)."""
        text = CATEGORY_LABEL.sub("", query.text)  # 「……这类载体要有多少家」: 载体 is the user's label, not a measure
        ask = _COUNT_ASK.search(text)
        if query.qtype != "number" or not ask:
            return ""

        def topic(text: str) -> list[str]:
            words = [canonical(w) for w in self.index.tokenizer.content_words(text)]
            return [w for w in words if len(w) > 1 and w not in optional and (w not in FRAME_WORDS or w in _MEASURE_FRAMES)
                    and w not in _NOT_MEASURES and not re.search(r"\d", w) and not _UNIT_WORD.fullmatch(w)]

        after = topic(re.split(r"[，,；;。？?]", text[ask.end() :])[0])  # 「多少增加值」「多少项国际标准」
        before = topic(re.split(r"[，,；;。？?]", text[: ask.start()])[-1])
        measure = after[0] if after else before[-1] if before else ""
        # 「能量密度要达到多少」: the measure is the aliased term it ends (the plan says 比能量)
        return next((k for k in ALIASES if measure and measure in k and k in text), measure)

    def _focus(self, query: Query, optional: frozenset[str]) -> list[tuple[str, ...]]:
        """What a 哪些/什么 question asks about, longest form first: the noun phrase right after the
        asking words, else right before them, as words (「要实施哪些科普引领工程」 → 科普 引领 工程, 引领 工程, 工程);
        a bare 领域/方向 after them takes the topic before them (「未来产业主要盯哪些领域」 → 未来产业领域)."""
        ask = _FOCUS_ASK.search(query.text)
        if not ask:
            return []

        def words_of(phrase: str) -> list[str]:
            words = [canonical(w) for w in self.index.tokenizer.content_words(phrase)]
            return [w for w in words if len(w) > 1 and w not in optional and not re.search(r"\d", w)]

        after = words_of(_FOCUS_END.split(query.text[ask.end() :])[0])
        before = words_of(([p for p in _FOCUS_END.split(query.text[: ask.start()])  # 「未来产业都瞄准啥方向」: not 瞄准
                            if words_of(p) and not all(w in FRAME_WORDS for w in words_of(p))] or [""])[-1])
        if after and all(w in FRAME_WORDS for w in after):
            after = [w for w in before if w not in FRAME_WORDS][-2:] + after[-1:]
        for words in (after, before):
            while len(words) > 1 and words[-1] in _PART_WORDS:
                words = words[:-1]  # 「保障措施部分都包括啥」: the part is named by 保障措施
            forms = [tuple(words[i:]) for i in range(max(0, len(words) - 3), len(words))]
            forms = [f for f in forms if "".join(f) not in FRAME_WORDS]  # a bare 目标/方向 says nothing
            if forms:
                return forms
        return []

    @staticmethod
    def _topic_problem(query: Query, sentence: str, context: str, key: dict[str, float], alts, measure: str = "") -> str:
        """A figure answers only if its sentence names what is counted (most of the topic words,
        and the measure asked for); a 谁/哪家/哪天/哪里 question needs a name, date or place that
        the question itself does not already contain."""
        if query.qtype == "number" and key:
            if coverage(key, sentence, context, alts) < KEY_SUPPORT:
                return f"规划中没有关于“{max(key, key=key.get)}”的具体数字。"
            stated = (measure in _SHARE_WORDS and ("%" in sentence or "占" in sentence)  # 比重 answered by 「占……的12%」
                      or measure == "规模" and states_fund_amount(query.text, sentence))  # 「引导基金规模多大」: 「引导基金10亿元」
            if measure and not stated and not coverage({measure: 1.0}, sentence, context, {**alts, measure: ALIASES.get(measure, [])}):
                return f"规划中没有关于“{measure}”的具体数字。"
        for asks, answer, what in _ENTITY_ASKS:
            if asks.search(query.text):
                found = [m.group(0) for m in answer.finditer(sentence)]
                if not any(canonical(f) not in canonical(query.text) for f in found):
                    return f"规划中没有写明{what}。"
                break
        return ""

    def _year_ok(self, year: int, doc, chunk, where: str, sentence: str) -> bool:
        y = str(year)
        aimed = _AIMED_YEAR.findall(sentence)  # 「到2035年，……」 answers no question about 2025
        if aimed and y not in aimed:
            return False
        if y in where or y in self._section_intro(doc, chunk):
            return True
        # 「到2020年……」 in a plan ending in 2020: a target with no year of its own is for that year
        other_years = set(re.findall(r"20\d\d", sentence)) - {y}
        return doc.meta.period.endswith(y) and not other_years

    @staticmethod
    def _period_ok(period: str, doc, where: str) -> bool:
        span = PERIODS[period]
        m = re.match(r"(\d{4})\D+(\d{4})", doc.meta.period or "")
        in_period = bool(m) and int(m.group(1)) <= span[1] and span[0] <= int(m.group(2))
        return in_period or canonical(period) in where

    def _section_intro(self, doc, chunk) -> str:
        """Text of the enclosing section before this chunk (「到2020年，…」 introduces the targets below it)."""
        owners = [s for s in doc.sections if s.start <= chunk.start < s.end + 1 and 2 <= s.level <= 3]
        if not owners:
            return ""
        nearest = max(owners, key=lambda s: s.level)
        intro_end = min([s.start for s in doc.sections if nearest.start < s.start <= chunk.start] + [chunk.start])
        return doc.text[nearest.start : intro_end][:600]

    # ------------------------------------------------------------------ shaping
    def _shape(self, query: Query, cand: Candidate) -> Candidate:
        """Grow the chosen sentence into a self-contained quote: an introduction (ending in ：)
        takes the next sentence, an enumeration in ； parts runs to its 。, and a sentence that
        only names a term being defined takes the defining sentences after it."""
        if cand.hit.chunk.kind == "table_row":
            return cand
        doc = self.index.documents[cand.doc_id]
        block_end = next((b.end for b in doc.blocks if b.start <= cand.start < b.end + 1), cand.hit.chunk.end)
        following = sentence_spans(doc.text, cand.end, max(block_end, cand.hit.chunk.end))
        end = cand.end
        text = doc.text[cand.start : end]
        if (text.endswith(("：", ":")) or len(text) < 16) and following:
            end = following.pop(0)[1]
        while query.qtype in ("list", "definition") and doc.text[cand.start : end].endswith(("；", ";")) and following:
            end = following.pop(0)[1]
        if query.qtype == "definition" and following:
            if _CONTINUES.match(doc.text[following[0][0] : following[0][1]]) or not _DEFINES.search(doc.text[cand.start : end]):
                for _ in range(4 if not _DEFINES.search(doc.text[cand.start : end]) else 1):
                    if not following or following[0][1] - cand.start > 600:
                        break
                    end = following.pop(0)[1]
        return replace(cand, end=end)

    def _list_from_headings(self, query: Query, best: Candidate) -> Draft | None:
        """「…有哪些」 about a section whose parts are the items: list its sub-headings, or the lead
        sentences of its paragraphs (「坚持全面改革。……」「坚持市场主导。……」). The section whose
        title best covers the question wins, the most specific title on a tie; a title naming what
        the question asks about (「坚持哪几条基本原则」 → 基本原则), or whose every part names it, wins over
        the rest and need not cover the question's other words as well as the best sentence does."""
        doc = self.index.documents[best.doc_id]
        words, alts, optional = self._question_words(query, best.doc_id)
        ask = _FOCUS_ASK.search(query.text)
        clause = canonical(_clause_at(query.text, ask.start())) if ask else ""
        focus = [f for f in self._focus(query, optional) if "".join(f) in clause]  # named where it asks
        marks = [f[-1:] for f in focus[:1]] + [(t,) for t in quoted_terms(query.text)]  # what each part would name
        chosen, top = None, (False, 0.0, 0)
        for i, section in enumerate(doc.sections):
            cov = coverage(words, section.path[-1], " ".join(section.path[:-1]), alts, optional)
            rank = (any(_says(f, section.path[-1]) for f in focus), cov, -len(section.path[-1]))  # 「最后一部分保障措施」: 保障措施
            by_parts = bool(marks) and not rank[0] and cov >= FOCUS_TITLE_SUPPORT  # its parts may name the focus
            if rank <= top and not by_parts:
                continue
            items = self._section_items(doc, i)
            if by_parts and len(items) >= 2 and any(all(_says(m, item[2]) for item in items) for m in marks):
                rank = (True, cov, rank[2])  # 「哪几项科技行动」「哪五个“度”」: every part is a 行动 / names a “度”
            if len(items) >= 2 and rank > top:
                top, chosen = rank, (section, items)
        named, cov = top[0], top[1]
        if chosen is None or cov < (FOCUS_TITLE_SUPPORT if named else max(0.6, best.support - 0.05)):
            return None
        section, items = chosen
        return self._numbered(best, section.path[-1], items, cov)

    def _section_items(self, doc, i: int) -> list[tuple]:
        """The parts of section ``i``: its sub-headings, else the lead sentences of its paragraphs."""
        section = doc.sections[i]
        children = [s for s in doc.sections if s.path[:-1] == section.path and len(s.path) == len(section.path) + 1]
        items = [(c.start, _line_end(doc.text, c.start), _unnumbered(c.path[-1]), c.label, (c.start, c.end)) for c in children]
        return items if len(items) >= 2 else self._paragraph_leads(doc, i)

    def _counted_parts(self, query: Query, best: Candidate, terms: list[str]) -> Draft | None:
        """「“三大科技城”是哪三个」: a section titled by the counted term with as many parts as it counts
        (专栏1：“三大科技城”的主要功能及特点 → 中关村科学城。怀柔科学城。未来科技城。)."""
        doc = self.index.documents[best.doc_id]
        for term in (t for t in terms if counted_items(t)):
            for i, section in enumerate(doc.sections):
                items = self._section_items(doc, i) if term in canonical(section.path[-1]) else []
                if len(items) == counted_items(term):
                    return self._numbered(best, section.path[-1], items, max(best.support, self.cfg.min_support))
        return None

    def _numbered(self, best: Candidate, heading: str, items: list[tuple], support: float) -> Draft:
        """「根据《…》，“heading”包括以下N项：」 then one cited line per item (start, end, text, section, passage)."""
        title = self.index.documents[best.doc_id].meta.title
        citations, lines = [], [f"根据《{title}》，“{heading}”包括以下{len(items)}项："]
        for n, (start, end, text, section, passage) in enumerate(items, 1):
            citations.append(self._citation(n, best.doc_id, start, end, best.hit, section, passage))
            lines.append(f"{n}. {text}[{n}]")
        return Draft("\n".join(lines), False, citations, support=support)

    def _body_support(self, query: Query, cand: Candidate, context: str = "") -> float:
        """Support from the sentence with only the given context (by default none, not even its section path)."""
        words, alts, optional = self._question_words(query, cand.doc_id)
        sentence = self.index.documents[cand.doc_id].text[cand.start : cand.end]
        return coverage(words, sentence, context, alts, optional)

    def _question_words(self, query: Query, doc_id: str) -> tuple[dict[str, float], dict[str, list[str]], frozenset[str]]:
        """The question's weighted words, their alternatives, and those that name this plan."""
        words = weighted_words(query.content or query.text, self.index.tokenizer, self.index.keyword)
        alts = alternatives_for(words)
        return words, alts, naming_words(words, self._names[doc_id], alts)

    def _paragraph_leads(self, doc, section_index: int) -> list[tuple]:
        """Short lead sentences opening every paragraph directly under a section, as list items."""
        section = doc.sections[section_index]
        items = []
        for block in doc.blocks:
            if block.section != section_index or block.kind != "paragraph":
                continue
            spans = sentence_spans(doc.text, block.start, block.end)
            lead = doc.text[spans[0][0] : spans[0][1]] if spans else ""
            if not spans or len(spans) < 2 or len(lead) > 30:
                if not items:
                    continue  # an introduction before the items
                return []
            # the citation quotes the lead and the sentence that explains it
            items.append((spans[0][0], spans[1][1], lead.lstrip("—－- "), section.label, (block.start, block.end)))
        return items

    def _compose(self, chosen: list[Candidate], support: float) -> Draft:
        citations, lines = [], []
        for n, cand in enumerate(chosen, 1):
            doc = self.index.documents[cand.doc_id]
            sentence = doc.text[cand.start : cand.end]
            if cand.hit.chunk.kind == "table_row":
                sentence = table_row_sentence(sentence, cand.hit.chunk.context)
            citations.append(self._citation(n, cand.doc_id, cand.start, cand.end, cand.hit))
            lines.append(f"{'根据' if n == 1 else '此外，'}《{doc.meta.title}》：{sentence}[{n}]")
        return Draft("\n".join(lines), False, citations, support=support)

    def _compare(self, query: Query, groups: list[tuple[Query, list[Hit]]], hits: list[Hit]) -> Draft:
        """One answer per compared plan, each cited; a plan that does not say is named as such."""
        lines, citations, supports, silent = ["分别来看："], [], [], []
        for sub, group_hits in groups:
            best = self._acceptable(self.candidates(sub, group_hits))
            # 「三大科技城和三城一区有啥不一样」「“三城一区”分别包括哪些」: each plan's term, spelled out
            best = self._spelled_in_plan(sub, {h.chunk.doc_id for h in group_hits}, _ASKS_CHANGE.search(query.text)) or best
            doc = self.index.documents[group_hits[0].chunk.doc_id] if group_hits else None
            if best is None:
                if doc is not None:
                    silent.append(doc.meta.title)
                continue
            cand = self._shape(sub, best)
            doc = self.index.documents[cand.doc_id]
            sentence = doc.text[cand.start : cand.end]
            if cand.hit.chunk.kind == "table_row":
                sentence = table_row_sentence(sentence, cand.hit.chunk.context)
            n = len(citations) + 1
            citations.append(self._citation(n, cand.doc_id, cand.start, cand.end, cand.hit))
            period = f"（{doc.meta.period}）" if doc.meta.period else ""
            lines.append(f"《{doc.meta.title}》{period}：{sentence}[{n}]")
            supports.append(best.support)
        if not citations:
            return self._refuse(query, hits, [])
        for title in silent:
            lines.append(f"《{title}》：未找到相应表述。")
        return Draft("\n".join(lines), False, citations, support=min(supports))

    def _refuse(self, query: Query, hits: list[Hit], candidates: list[Candidate], reason: str = "") -> Draft:
        nearest = [self._citation(n, h.chunk.doc_id, h.chunk.start, h.chunk.end, h) for n, h in enumerate(hits[:3], 1)]
        text = f"已收录的规划文件中没有找到能直接回答“{_short(query.text)}”的内容。"
        strong = [c for c in candidates[:5] if c.problem and c.support >= self.cfg.min_support]
        if reason:
            text += reason
        elif strong:
            text += strong[0].problem
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
            n=n, doc=doc_id, title=doc.meta.title, section=hit.chunk.section if section is None else section,
            page=doc.page_at(start), start=start, end=end, quote=doc.text[start:end], chunk_id=hit.chunk.id,
            passage_start=passage[0], passage_end=passage[1],
        )


_UNIT_WORD = re.compile(r"(?:万亿|万|亿|千|百)?(?:元|个|家|项|条|种|类|所|名|位|件|人|倍|辆|场|次|公里|站|座|台|套|批)")
# How the plans state a measure users name in short (研发投入强度 = R&D经费占地区生产总值的比重), and
# what states another measure under similar words
_CONCEPTS = [
    (re.compile(r"(?<!企业)(?:研发|r&d|R&D)(?:投入|经费)?强度(?![（(]?占.{0,4}收入)"), re.compile(r"占(?:北京)?地区生产总值|占.{0,4}GDP"),
     re.compile(r"占.{0,6}(?:收入|R&D|研究与试验发展)|企业研发投入强度")),  # 企业研发投入占销售收入、基础研究占R&D
]
_RD = re.compile(r"研发|R&D|r&d|研究与试验发展")
_COUNTED_ASKED = re.compile(r"(?:的|里|中|，|^)(?!十[一二三四五]五)([一二两双三四五六七八九十][\u4e00-\u9fff]{1,2})"
                            r"(?:是指|指的是|指什么|指啥|怎么理解|是什么意思|啥意思|具体指)")
_PART_WORDS = {"部分", "章节", "板块", "内容", "方面"}  # where in a plan, not what
_FOCUS_ASK = re.compile(r"哪些|哪几[个项条种类家所大]?|哪[个项条种类家所]|什么|啥")
_FOCUS_END = re.compile(r"[，,；;。？?：:、的里中在是有将]|(?<![主重需首])要|分别|包括|主要(?=[有是为在]|包括|集中|聚焦|涉及)|都|(?<![未以带近原后本从外])来(?![源自看])")  # 「靠哪些品牌活动来提升……」
# 「相比差多少」「现在有多少」: comparing and time words measure nothing themselves, and a figure
# need not repeat the time words that date it (「截至2020年底朝阳有几家独角兽企业」)
_TIME_WORDS = {"现在", "目前", "当前", "现有", "如今", "截至", "截止", "年底", "年末", "年初", "期末", "期间", "以来", "届时", "当时"}
_NOT_MEASURES = {"相比", "比较", "对比", "相差", "差距", "差", "高出", "区别", "变化", "实际", "提高", "提升", "达到",
                 "力争", "争取", "保持", "维持", "确保", "预计", "设定", "定为"} | _TIME_WORDS  # with the aiming verbs
_ASKS_FREQUENCY = re.compile(r"多久|多长时间|多频繁|频次|频率|几年一次")
_FREQUENCY = re.compile(r"每[年季月周天日]|每半年|年度|季度|月度|[一二两三四五六七八九十]年")
_MEASURE_FRAMES = {"规模", "总量"}  # frame words elsewhere, but what 「产业规模要突破多少」 measures
_AIMED_YEAR = re.compile(r"到(20\d\d)年")
_ASKS_PLAN_AIM = re.compile(r"规划[^，,？?]{0,8}?(?:想|要|希望|打算|旨在|准备)[^，,？?]{0,2}?(?:把|将|让)[^，,？?]{0,14}?(?:打造|建设|建|搞|做)成")
_THIS_PLAN = ("本规划", "本计划", "本行动计划")
_MAKES_INTO = re.compile(r"打造|建成|建设成为|成为")
_ASKS_DOCUMENT_KIND = re.compile(r"什么(?:定位|性质|级别|层级|类型)的?(?:文件|规划)|(?:文件|规划)的?(?:定位|性质)是什么")
_PLACE_NAMES = {"亦庄": ("北京经济技术开发区", "经开区"), "经开区": ("北京经济技术开发区",)}  # what the plans call a place users name
_SHARE_WORDS = {"比例", "比重", "占比", "份额", "百分比"}
_COUNT_ASK = re.compile(r"(?:(?:达到|提升到|提高到|突破|增加到|增长到|建到)了?|定了|是|有|为|要)?(?:多少|几[个家项所倍成]|百分之几|多高|多大)")
_ORGANISATION = re.compile(r"[\u4e00-\u9fff]{2,}?(?:公司|集团|大学|学院|研究院|研究所|科学院|委员会|科委|发改委|科技局|"
                           r"财政局|办公室|医院|银行|协会|联盟|人民政府|市政府|区政府|市委|区委|国务院|管委会|领导小组|交易所)")
_ENTITY_ASKS = [
    (re.compile(r"哪个部门|哪家单位|哪个单位|哪家机构|哪个(?:领导|管理|协调)?机构|依托哪(?:家|个|所)?(?:单位|机构|部门|企业|高校|大学|院所|家)|哪个部门牵头|牵头单位|承建单位|责任单位|"
                r"谁印发|谁发布|谁制定|谁编制"), _ORGANISATION, "相应的单位"),
    (re.compile(r"组长|负责人是谁|是谁|指谁|谁担任|由谁担任|哪位"), re.compile(r"书记|区长|市长|主任|组长|局长|副区长|副市长"), "具体人员"),
    (re.compile(r"由谁|谁来|谁牵头"), re.compile(_ORGANISATION.pattern + r"|企业|高校|科研院所|政府|分管[\u4e00-\u9fff]{0,3}领导"), "相应的单位"),
    (re.compile(r"分别叫什么|叫什么名字|(?<!正式)(?<!完整)名称是什么|名称分别|具体名称"), re.compile(r"[《“\"][^》”\"]{2,30}[》”\"]"), "具体名称"),
    (re.compile(r"哪一天|哪天|几月|什么时候|何时|哪个月|起止时间|起止日期|截止时间|截止日期"), re.compile(r"\d{1,2}月\d{1,2}日|20\d\d年\d{1,2}月|\d{1,2}月"), "具体日期"),
    (re.compile(r"哪些(?:高校|大学|院校)|哪几所|哪所(?:高校|大学)"), re.compile(r"[\u4e00-\u9fff]{2,}?(?:大学(?!生)|(?<!科)学院)"), "具体高校"),
    (re.compile(r"哪个城市|哪座城市"),
     re.compile(r"北京|上海|深圳|广州|杭州|天津|香港|纽约|伦敦|东京|巴黎|首尔|新加坡|旧金山|硅谷|波士顿|"
                r"(?<![全本该各省城])[\u4e00-\u9fff][^\W城都]市(?![场民级区内属])"), "具体城市"),
    (re.compile(r"哪个区|在哪个区|在哪里|在哪儿|什么地方|选址|位于哪|落户哪|建在哪|依托哪(?:里|儿|个园区)"),
     re.compile(r"[\u4e00-\u9fff]{1,6}?(?:区|县|镇|乡|街道|园区|产业园|园|小镇|科学城|新城)"), "具体地点"),
]
# Questions that ask what a term means or which items it consists of
_ASKS_ITEMS = re.compile(r"指哪|分别指|是哪[两三四五六七八九十]|哪[两三四五六七八九十][个项种条家区县]|分别是哪|具体包括哪|具体是哪|各指什么"
                         r"|[“\"][^”\"]*\d[^”\"]*[”\"][^？?]*?(?:分别是|是哪|有哪|包括哪|都是)"  # the parts of 「“1+4”政策体系」
                         r"|[“\"][^”\"]*[一二两三四五六七八九十][^”\"]*[”\"][^？?]{0,12}?(?:各是|具体是什么|分别是什么|分别是啥|分别指|各指|说的是哪|是哪几(?![年月天]))")  # 「“一个品牌、二条主线”各是什么」
_ASKS_MEANING = re.compile(_ASKS_ITEMS.pattern + r"|指什么|指啥|是指|指的是|什么意思|啥意思|含义|全称|怎么理解|何谓|"
                           r"讲的是什么|讲什么|什么内容|哪些内容|具体内容|怎么回事|是什么东西|代表(?:的是)?(?:什么|啥|哪)|正式名称|完整名称|全名"
                           r"|[”\"][^，,。？?“\"]{0,4}(?:是啥|是什么)[？?]?$")  # 「“双发动机”产业是啥」
_ASKS_NAME = re.compile(r"叫什么|名称|什么名字|称为|哪个平台|什么平台")
_ASKS_ROLE = re.compile(r"作用|定位|角色|地位|功能|干嘛|干什么|做什么|是个什么|是什么样")
_ASKS_SPAN = re.compile(r"期限|年限|规划期|起止|哪几年|哪些年份")
_ASKS_SCOPE = re.compile(r"范围")  # what area a plan covers
_STATES_SCOPE = re.compile(r"(?:本)?规划(?:的)?(?:范围|覆盖范围)")
_YEAR_SPAN = re.compile(r"20\d\d年?[至到—－-]20\d\d年")
_ANSWER_TYPES = [
    (re.compile(r"哪家|哪个企业|哪家企业|谁来|由谁|哪个单位|哪个部门|什么机构|牵头|(?:机构|单位|部门|小组)(?:叫什么|是哪个|名称)"),
     re.compile(r"公司|集团|大学|研究院|学院|医院|委员会|办公室|部门|单位|机构|领导小组")),
    (re.compile(r"叫什么|名称|什么名字|称为|品牌"), re.compile(r"[“《][^”》]{2,16}[”》]")),
    (re.compile(r"哪里|在哪|哪些地方|什么地方|哪个区|选址"), re.compile(r"[区园镇城]|基地|中心")),
    (re.compile(r"何时|哪一年|什么时候|哪年|哪几年|几年|期限|年限|时间|年份"), re.compile(r"20\d\d年")),
    (re.compile(r"什么会议|哪个会议|审议"), re.compile(r"会议|审议")),
]


def _unnumbered(title: str) -> str:
    """「1. 完善全链条科技服务」 → 「完善全链条科技服务」 (the answer numbers the items itself)."""
    m = match_heading(title)
    return m.title if m and m.title else title


def _states_only_a_target(sentence: str, chunk) -> bool:
    """A row of a targets table (「2025年目标值」 its only figure column) or a sentence aiming at a later year."""
    if chunk.kind == "table_row":
        return "目标" in chunk.context and not re.search(r"现状|基期|基数|20\d\d年(?!目标)", chunk.context)
    return bool(re.search(r"到\s*20\d\d\s*年", sentence)) and not _BASELINE.search(sentence)


def _casts(sentence: str, term: str) -> bool:
    """The sentence opens with the term as its subject and says what it is or does (「X是……」「X作为……」)."""
    c = re.sub(r"^(?:其中|同时|此外|一是|二是|三是|四是|五是)[,，]?", "", canonical(sentence))
    return c.startswith(term) and re.match(r"(?:是|为|作为|定位为|定位于|承担|发挥|负责|重点|主要)", c[len(term):]) is not None


def _says(words: tuple[str, ...], sentence: str) -> bool:
    """The words in order, a few characters apart at most (未来产业…领域 in 「未来产业重点领域」)."""
    return _said(words, sentence) is not None


def _said(words: tuple[str, ...], sentence: str) -> re.Match | None:
    return re.search(".{0,4}".join(map(re.escape, words)), canonical(sentence))


def _states_period(sentence: str, period: str) -> bool:
    """Does the sentence give the plan's own period (「规划期限为2026年至2030年」 for 2026-2030)?"""
    years = re.findall(r"20\d\d", period)
    return len(years) == 2 and bool(re.search(rf"{years[0]}\D{{0,3}}{years[1]}", canonical(sentence)))


def _quotes(terms: list[str], sentence: str) -> float:
    """How fully the sentence holds the terms a question quotes: quoted as in the question (「“揭榜挂帅”创新机制」)
    counts 1, merely contained (「揭榜挂帅、项目落地」) half."""
    c = canonical(sentence)
    return sum(1.0 if f'"{t}"' in c else 0.5 if t in c else 0.0 for t in terms) / len(terms) if terms else 0.0


def _lists(focus: list[tuple[str, ...]], sentence: str) -> bool:
    """The items are listed right before what a 哪些 question asks about, named in two words or more
    (「量子信息、光电子……等未来产业重点领域」; a bare 平台 or 环节 is in too many lists)."""
    forms = [f for f in focus if len(f) > 1] + [f[:-1] for f in focus if len(f) > 2 and f[-1] in FRAME_WORDS]  # 未来产业(方向)
    return any(enumerates(sentence, m.group(0)) for m in (_said(f, sentence) for f in forms) if m)


def _names_beijing(question: str, where: str) -> bool:
    """「北京国际创投集聚区」: 北京 begins a name the passage uses, it does not ask about the city."""
    text = canonical(question)
    return any(len(name) == 6 and name in where for name in (text[m.start() : m.start() + 6] for m in re.finditer("北京", text)))


def _listed_before(sentence: str, term: str) -> bool:
    """「新基建、新场景……新服务“五新”政策」: items separated by 、 right before the term (an 「A与B“X”」
    pair is too easily a preposition: 「深化与北京“三城一区”」)."""
    c, t = canonical(sentence), canonical(term)
    pos = c.find(t)
    return enumerates(sentence, term) and "、" in re.split(r"[,;。]", c[:pos])[-1]


def _has_figure(sentence: str) -> bool:
    """A digit other than the item number opening the sentence (「1.夯实科技成果转化孵化载体底座。」 states no figure)."""
    return bool(_DIGIT.search(_ITEM_NUMBER.sub("", sentence)))


_ITEM_NUMBER = re.compile(r"^\s*(?:[（(]\d{1,2}[)）]|\d{1,2}[.．、](?!\d))")


_ASKS_ISSUER = re.compile(r"(?:谁|哪个单位|哪家单位|什么单位|哪个部门|什么部门|哪个机构|什么机构)(?:来|负责)?(?:印发|发布|下发|发文|制发)"
                          r"|(?:印发|发文|发布)(?:单位|机关|部门)|落款")
_ASKS_CHANGE = re.compile(r"组成|构成|不一样|不同|区别|变化|名称|叫法|差异|哪几|相比|新加|新增|多了|少了|多出")  # how compared terms differ
_ASKS_PARTS = re.compile(r".{0,2}(?:包括|包含|哪些|哪几|哪[两三四五六七八九十])")  # what a term is made of
_COUNTED_TERM = re.compile(r"(?<![一两二三四五六七八九十])[两二三四五六七八九十][大个项类条种][\u4e00-\u9fff]{2,3}"
                           r"|(?<![一两二三四五六七八九十])[一两二三四五六七八九十][^\W\d一两二三四五六七八九十][一两二三四五六七八九十][^\W\d一两二三四五六七八九十]")
_COUNTED_THING = re.compile(r"[^\u4e00-\u9fff]|[一二两三四五六七八九十大个项类条种]")  # what is left names the thing: 五新 → 新, 六大 → nothing


def _body(doc, section) -> str:
    """The section's text after its title (「专栏10：打造农业高端产业链」 has none)."""
    return canonical(doc.text[section.start : section.end])[len(canonical(section.path[-1])) :].strip()


def _clause_at(text: str, pos: int) -> str:
    """The clause (between punctuation) holding ``pos``: 「……的保障措施有哪几条来着」 in 「通州……，……？」."""
    return _CLAUSE_CUT.split(text[:pos])[-1] + _CLAUSE_CUT.split(text[pos:])[0]


_CLAUSE_CUT = re.compile(r"[，,；;。？?]")


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _period_start(doc) -> int:
    m = re.match(r"(\d{4})", doc.meta.period or "")
    return int(m.group(1)) if m else 0


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit] + "…"
