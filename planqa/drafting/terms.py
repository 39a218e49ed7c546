"""Phrase precedents (提法检索): where and how a phrase was used in each plan.

Exact matches ignore width, spacing and quote styles (「“三城一区”」 = 「"三城一区"」); variants
come from the alias table in both directions (科创中心 ↔ 科技创新中心); near-exact matches
differ by one character in phrases of 6+ characters, two in phrases of 8+ (国际科技创新中心 finds
the 十三五 wording 全国科技创新中心); shorter phrases match exactly only, since one changed character
in four is another term (科创中心 ≠ 科学中心). Results are keyword-in-context lines with
plan, section and page, and counts per plan and per planning period.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field

from ..errors import InvalidQuestion
from ..index_store import Index
from ..query import PERIODS, SYNONYMS
from ..textutil import PUNCTUATION, canonical, canonical_with_map, find_all, has_cjk
from .wording import plan_order



@dataclass
class PhraseHit:
    doc_id: str
    start: int
    end: int
    match: str  # the text as written in the plan
    kind: str  # "exact" | "variant" | "near"
    section: str
    page: int | None
    left: str
    right: str

    def to_dict(self) -> dict:
        """JSON form; the document is ``doc`` as in the other CLI contracts."""
        d = asdict(self)
        d["doc"] = d.pop("doc_id")
        return d


@dataclass
class PhraseReport:
    phrase: str
    variants: list[str]
    hits: list[PhraseHit] = field(default_factory=list)
    by_plan: list[dict] = field(default_factory=list)
    by_period: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "phrase": self.phrase,
            "variants": self.variants,
            "total": len(self.hits),
            "by_plan": self.by_plan,
            "by_period": self.by_period,
            "hits": [h.to_dict() for h in self.hits],
        }


def validate_phrase(phrase: str | None) -> str:
    text = (phrase or "").strip()
    core = PUNCTUATION.sub("", text)
    if not text:
        raise InvalidQuestion("empty_phrase", "请输入要检索的提法，例如“三城一区”或“国际科技创新中心”。")
    if not core:
        raise InvalidQuestion("punctuation_only", "提法中只有标点符号，请输入文字。")
    if len(core) < 2:
        raise InvalidQuestion("phrase_too_short", f"“{text}”只有一个字，检索结果没有意义，请输入至少两个字的提法。")
    if len(core) > 60:
        raise InvalidQuestion("phrase_too_long", "提法过长（超过 60 字），请输入一个词语或短语；整句比对请用“措辞比对”。")
    if not has_cjk(core) and not re.search(r"[A-Za-z0-9]", core):
        raise InvalidQuestion("no_text", "提法中没有可检索的文字。")
    return text


def variants_of(phrase: str) -> list[str]:
    """The phrase and its synonymous wordings (简称 ↔ 全称, both directions)."""
    core = canonical(PUNCTUATION.sub("", phrase))
    out = [core]
    for short, longs in SYNONYMS.items():
        cs = canonical(short)
        for long in longs:
            cl = canonical(PUNCTUATION.sub("", long))
            if len(cs) < 2 or len(cl) < 2:
                continue
            if cs in core and cl not in core:
                out.append(core.replace(cs, cl))
            if cl in core:
                out.append(core.replace(cl, cs))
    seen, unique = set(), []
    for v in out:
        if v and v not in seen:
            seen.add(v)
            unique.append(v)
    return unique


def search_phrase(index: Index, phrase: str, context: int = 24, near: bool = True) -> PhraseReport:
    phrase = validate_phrase(phrase)
    variants = variants_of(phrase)
    report = PhraseReport(phrase, variants[1:])
    for doc in index.documents.values():
        ctext, cmap = canonical_with_map(doc.text)
        stripped, smap = _strip_punct(ctext, cmap)
        taken: list[tuple[int, int]] = []
        for k, variant in enumerate(variants):
            for pos in find_all(stripped, variant):
                start, end = smap[pos], smap[pos + len(variant) - 1] + 1
                if any(s < end and start < e for s, e in taken):
                    continue
                taken.append((start, end))
                report.hits.append(_hit(doc, start, end, "exact" if k == 0 else "variant", context))
        if near and len(variants[0]) >= 6:
            for start, end in _near_matches(stripped, smap, variants[0], taken):
                taken.append((start, end))
                report.hits.append(_hit(doc, start, end, "near", context))
    order = plan_order(index)
    report.hits.sort(key=lambda h: (order.get(h.doc_id, 99), h.start))
    for doc_id in sorted(index.documents, key=lambda d: order.get(d, 99)):
        meta = index.documents[doc_id].meta
        hits = [h for h in report.hits if h.doc_id == doc_id]
        report.by_plan.append({
            "doc": doc_id, "title": meta.title, "period": meta.period, "count": len(hits),
            "exact": sum(h.kind == "exact" for h in hits), "variant": sum(h.kind == "variant" for h in hits),
            "near": sum(h.kind == "near" for h in hits),
        })
        label = period_name(meta.period)
        report.by_period[label] = report.by_period.get(label, 0) + len(hits)
    return report


def period_name(period: str) -> str:
    m = re.match(r"(\d{4})\D+(\d{4})", period or "")
    if not m:
        return "未注明"
    a, b = int(m.group(1)), int(m.group(2))
    for name, (s, e) in PERIODS.items():
        if min(b, e) - max(a, s) + 1 >= 3:
            return f"“{name}”（{s}-{e}）"
    return f"{a}-{b}"


def _strip_punct(ctext: str, cmap: list[int]) -> tuple[str, list[int]]:
    chars, index = [], []
    for ch, i in zip(ctext, cmap):
        if not PUNCTUATION.match(ch):
            chars.append(ch)
            index.append(i)
    return "".join(chars), index


def _near_matches(text: str, index: list[int], phrase: str, taken: list[tuple[int, int]]):
    """Windows of the text with one character of the phrase replaced (a typo, 的/之), or two
    adjacent ones that reuse one of the phrase's characters (全国 for 国际, not 推进 for 国际).
    The last two characters, the head of a Chinese noun phrase, must stay (科技创新核心 and
    国际科技创新合作 are other terms), and the window must not span punctuation."""
    limit = 2 if len(phrase) >= 8 else 1
    n = len(phrase)
    for pos in find_all(text, phrase[-2:]):
        begin = pos - (n - 2)
        if begin < 0:
            continue
        window = text[begin : begin + n]
        changed = [i for i in range(n) if window[i] != phrase[i]]
        if not 0 < len(changed) <= limit or changed[-1] - changed[0] > 1:
            continue
        if len(changed) == 2 and not set(window[changed[0] : changed[-1] + 1]) & set(phrase):
            continue
        start, end = index[begin], index[begin + n - 1] + 1
        if end - start == n and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            yield start, end


def _hit(doc, start: int, end: int, kind: str, context: int) -> PhraseHit:
    left = doc.text[max(0, start - context) : start].replace("\n", " ")
    right = doc.text[end : end + context].replace("\n", " ")
    block = next((b for b in doc.blocks if b.start <= start < b.end + 1), None)
    section = doc.section_label(block.section) if block else ""
    return PhraseHit(doc.doc_id, start, end, doc.text[start:end], kind, section, doc.page_at(start), left, right)
