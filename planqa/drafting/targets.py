"""Target tracker (指标对比): every quantitative target and baseline figure in the plans.

Each figure written with digits becomes a :class:`Target` with its indicator (the noun
phrase it measures), value as written, number, unit, year, qualifier (左右/以上/力争…),
kind (target = a goal the plan sets, baseline = an achieved figure), plan, section and the
clause that states it, with offsets into the cleaned text. Table rows of indicator tables
(主要指标) are read cell by cell. Years, dates, policy names (“3+1”), model names (5G) and
counts describing the document itself are not figures.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import asdict, dataclass

from ..index_store import Index
from ..query import ALIASES
from ..schema import Document
from ..sentence_checks import indicator_columns
from ..textutil import canonical

_NUM = r"\d+(?:\.\d+)?(?:/\d+)?"
_UNIT = (r"万亿元|亿美元|亿元|万元|元|万千瓦时|千瓦时|千瓦/公斤|瓦时/公斤|万公里|公里|万辆|辆|万家|家|个|项|人|名|件|位|所|"
         r"座|处|种|条|场|次|站|台|套|倍|大类|类|年|%|‰")
_PRE = r"力争|争取|预计|超过|不少于|不低于|不少|突破|保持在|约|近|达到|达"
_FIGURE = re.compile(
    rf"(?P<pre>(?:{_PRE})+)?"
    rf"(?P<num>{_NUM}(?:\s*[—\-～~]\s*{_NUM})?)"
    rf"(?P<q1>左右|以上|以下|余|多)?(?P<unit>{_UNIT})?(?P<q2>左右|以上|以下|余|多)?"
)
_BASELINE_SECTION = re.compile(r"回顾|基础与条件|发展基础|发展成就|现状|成效")
_BASELINE_WORDS = re.compile(r"截至|已建成|已落成|已经|现有|拥有|累计|同比|较20\d\d年|较“|分别比|创造了|承接了|获得")
_LEAD = re.compile(r"^(?:到\s*20\d\d\s*年|其中|同时|力争|争取|预计|可|累计|分别|共|全区|全市|新增|实现|推动|培育|引进|建设|建成|形成|打造|发布|举办|开展|支持|服务|设立|向|与|在|和|及|、|，|\s)+")
_TAIL = re.compile(r"(?:力争|争取|预计|超过|不少于|不低于|不少|突破|保持在|约|近|达到|达|为|提升至|提高到|增长|下降|占|是)+$")


@dataclass
class Target:
    doc_id: str
    indicator: str
    value: str  # as written
    number: float | None
    unit: str
    year: str
    qualifier: str
    kind: str  # "target" | "baseline"
    section: str
    quote: str  # the clause that states it
    start: int
    end: int
    page: int | None = None
    number_max: float | None = None

    @property
    def shown(self) -> str:
        """The value with its unit (a table cell holds 「5」 under 「（%）」)."""
        return self.value if not self.unit or self.unit in self.value else self.value + self.unit

    def to_dict(self) -> dict:
        """JSON form; the document is ``doc`` as in the other CLI contracts."""
        d = asdict(self)
        d["doc"] = d.pop("doc_id")
        return d


def extract_targets(index: Index) -> list[Target]:
    out: list[Target] = []
    for doc in index.documents.values():
        out.extend(extract_from_document(doc))
    return out


def extract_from_document(doc: Document) -> list[Target]:
    out: list[Target] = []
    for block in doc.blocks:
        section = doc.section_label(block.section)
        if block.kind == "table_row":
            target = _from_table_row(doc, block, section)
            if target:
                out.append(target)
            continue
        if block.kind not in ("paragraph", "heading"):
            continue
        text = doc.text[block.start : block.end]
        for clause_start, clause in _clauses(text):
            s_start, s_end = _sentence_span(text, clause_start)
            sentence = text[s_start:s_end]
            for m in _FIGURE.finditer(clause):
                if not _is_figure(clause, m):
                    continue
                start = block.start + clause_start + m.start("num")
                out.append(_target(doc, section, clause, m, block.start + s_start, start, sentence))
    return out


# ---------------------------------------------------------------------------- figures in text
def _clauses(text: str):
    """(offset, clause) pieces cut at ，；。：and 、 only between figures (「分别下降24.5%和20.2%」 stays whole)."""
    pos = 0
    for m in re.finditer(r"[，；。：！？]", text):
        yield pos, text[pos : m.start()]
        pos = m.end()
    if pos < len(text):
        yield pos, text[pos:]


def _sentence_span(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("。", 0, offset), text.rfind("；", 0, offset)) + 1
    end_candidates = [i for i in (text.find("。", offset), text.find("；", offset)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return start, end


def _is_figure(clause: str, m: re.Match) -> bool:
    num, unit = m.group("num"), m.group("unit") or ""
    before = clause[: m.start("num")]
    after = clause[m.end() :]
    if re.fullmatch(r"(19|20)\d\d", num.split("—")[0].split("-")[0]) and (unit == "年" or not unit or after.startswith("年")):
        return False  # a year (2015年, 2024-2026年)
    if unit == "年" and not re.search(r"寿命|期限|年限", before[-8:]):
        return False
    if not unit and not m.group("q1") and not m.group("q2") and not ("/" in num and before.endswith(("占全国的", "占全市的", "约占"))):
        return False  # a bare number: an item number, a name (11311), a policy (3+1); a share like 1/2 stays
    if before.endswith(("第", "/", "+", "·")) or re.search(r"[A-Za-z_{]$", before) or after.startswith(("+", "G", "g", "月", "日", "号", "章", "强")):
        return False
    if re.match(r"的[\u4e00-\u9fff]", after) and unit not in ("%",) and re.search(r"达到|超过|规模", before[-6:]):
        return False  # a threshold inside an indicator's definition (销售额达到10亿元的品种)
    return True


def _target(doc: Document, section: str, clause: str, m: re.Match, sentence_offset: int, start: int, sentence: str) -> Target:
    num = m.group("num")
    unit = m.group("unit") or ""
    low, high = _numbers(num)
    words = re.findall(_PRE, m.group("pre") or "") + [m.group("q1"), m.group("q2")]
    qualifier = "、".join(x for x in words if x and x not in ("达到", "达"))
    value = clause[m.start("num") : m.end()]
    kind = _kind(doc, section, sentence)
    indicator = _indicator(clause, m)
    if len(indicator) <= 3:  # 「……R&D相比2023年力争实现倍增，强度达到4%」: the subject is in the clause before
        head = sentence.split(clause.strip()[:4])[0] if clause.strip()[:4] in sentence else ""
        subject = re.split(r"相比|力争|实现|达到|突破|比|较|，|,", head)[0].strip("，、 ")
        if 2 <= len(subject) <= 20:
            indicator = subject + indicator
    return Target(
        doc_id=doc.doc_id,
        indicator=indicator,
        value=value,
        number=low,
        unit=unit,
        year=_year(doc, kind, sentence),
        qualifier=qualifier,
        kind=kind,
        section=section,
        quote=sentence.strip(),
        start=sentence_offset,
        end=sentence_offset + len(sentence),
        page=doc.page_at(start),
        number_max=high,
    )


def _numbers(num: str) -> tuple[float | None, float | None]:
    parts = re.split(r"\s*[—\-～~]\s*", num)

    def value(x: str) -> float:
        if "/" in x:
            a, b = x.split("/")
            return float(a) / float(b)
        return float(x)

    low = value(parts[0])
    high = value(parts[1]) if len(parts) > 1 else None
    return low, high


def _indicator(clause: str, m: re.Match) -> str:
    """The noun phrase the figure measures: what precedes it in the clause, or what follows
    it when the clause starts with the figure (「培育10家以上创新引领企业」)."""
    before = _LEAD.sub("", clause[: m.start()].strip())
    before = _TAIL.sub("", before).strip("，、 ")
    before = re.sub(r"^.*?(?:分别为|分别|其中)", "", before)
    if len(before) >= 2 and not re.search(r"(?:培育|引进|建设|建成|形成|打造|新增|发布|举办|开展|支持|服务|设立)$", before):
        return before[-40:]
    after = clause[m.end() :]
    after = re.sub(r"^(?:左右|以上|以下|余|多|的)+", "", after)
    after = re.split(r"[，、；。]", after)[0]
    return (after or before or clause)[:40]


def _kind(doc: Document, section: str, sentence: str) -> str:
    if _BASELINE_SECTION.search(section.split(" > ")[0] if section else ""):
        return "baseline" if not re.search(r"到\s*20\d\d\s*年|力争", sentence) else "target"
    start = _period_start(doc)
    years = [int(y) for y in re.findall(r"(20\d\d)\s*年", sentence)]
    if _BASELINE_WORDS.search(sentence) and not re.search(r"到\s*20\d\d\s*年|力争|争取|预计", sentence):
        return "baseline"
    if years and start and max(years) < start and not re.search(r"到\s*20\d\d\s*年|力争|争取|预计|目标", sentence):
        return "baseline"
    return "target"


def _year(doc: Document, kind: str, sentence: str) -> str:
    to = re.search(r"到\s*(20\d\d)\s*年", sentence)
    if kind == "target":
        if to:
            return to.group(1)
        if "每年" in sentence:
            return ""
        m = re.search(r"(\d{4})$", doc.meta.period or "")
        return m.group(1) if m else ""
    m = re.search(r"(20\d\d)\s*年", sentence)
    return m.group(1) if m else ""


def _period_start(doc: Document) -> int:
    m = re.match(r"(\d{4})", doc.meta.period or "")
    return int(m.group(1)) if m else 0


# ---------------------------------------------------------------------------- table rows
def _from_table_row(doc: Document, block, section: str) -> Target | None:
    row = doc.text[block.start : block.end]
    cells = [c.strip() for c in row.split("|")]
    header = _header_for(doc, block)
    if not header or len(header) != len(cells):
        return None
    name_col, value_col = indicator_columns(header)
    if name_col is None or value_col is None:
        return None
    name = cells[name_col]
    m = re.match(r"^(.*?)[（(]([^）)]{1,6})[）)]$", name)
    indicator, unit = (m.group(1), m.group(2)) if m else (name, "")
    value = cells[value_col]
    num = re.search(_NUM, value)
    low, high = _numbers(num.group(0)) if num else (None, None)
    qualifier = "、".join(re.findall(r"左右|以上|以下|高于|低于|不少于", value))
    year = re.search(r"(20\d\d)", header[value_col])
    return Target(doc.doc_id, indicator, value, low, unit, year.group(1) if year else "", qualifier, "target",
                  section, row, block.start, block.end, doc.page_at(block.start), high)


def _header_for(doc: Document, block) -> list[str] | None:
    header = None
    for b in doc.blocks:
        if b.start >= block.start:
            break
        if b.kind == "table_header":
            header = [c.strip() for c in doc.text[b.start : b.end].split("|")]
    return header


# ---------------------------------------------------------------------------- comparison across plans
# 同一指标的不同写法（统一到最常用的说法）
INDICATOR_SYNONYMS = {
    "研发投入强度": ["研发经费占地区生产总值比重", "研发经费占北京地区生产总值的比重", "研发强度", "研发经费占gdp比重"],
    "万人发明专利拥有量": ["每万人口发明专利拥有量", "每万人有效发明专利拥有量", "万人有效发明专利拥有量"],
    "技术合同成交额": ["技术合同交易额"],
    "高新技术企业数量": ["高新技术企业", "国家级高新技术企业", "国家高新技术企业"],
    "在孵企业数量": ["在孵企业总数", "各类孵化机构在孵企业数量"],
}


def normalize_indicator(name: str) -> str:
    """A key for grouping the same indicator across plans (aliases folded, width and brackets ignored)."""
    key = canonical(name)
    key = re.sub(r"\(r&d\)|r&d|（r&d）", "研发", key)
    key = key.replace("研究与试验发展", "研发").replace("经费支出", "经费").replace("经费投入", "经费")
    key = re.sub(r"[“”\"()（）《》、，\s]", "", key).replace("研发研发", "研发")
    for canonical_name, variants in INDICATOR_SYNONYMS.items():
        for variant in sorted(variants, key=len, reverse=True):
            if canonical(variant) in key:
                key = key.replace(canonical(variant), canonical_name)
    for short, longs in ALIASES.items():
        for long in longs:
            if len(long) > len(short) >= 2 and canonical(long) in key:
                key = key.replace(canonical(long), canonical(short))
    return re.sub(r"[“”\"()（）《》、，\s]", "", key)


def find_indicator(targets: list[Target], query: str, limit: int = 50) -> list[Target]:
    """Targets whose indicator matches ``query`` (aliases and width folded), best first."""
    q = normalize_indicator(query)
    if not q:
        return []
    grams = {q[i : i + 2] for i in range(len(q) - 1)} or {q}
    scored = []
    for t in targets:
        key = normalize_indicator(t.indicator)
        if q in key:
            score = 1.0 + len(q) / max(len(key), 1)
        else:
            kg = {key[i : i + 2] for i in range(len(key) - 1)} or {key}
            score = len(grams & kg) / len(grams)
        if score >= 0.6:
            scored.append((score, t))
    scored.sort(key=lambda x: (-x[0], x[1].doc_id, x[1].start))
    return [t for _, t in scored[:limit]]


def by_plan(targets: list[Target], order: dict[str, int]) -> dict[str, list[Target]]:
    groups: dict[str, list[Target]] = defaultdict(list)
    for t in sorted(targets, key=lambda t: (order.get(t.doc_id, 99), t.start)):
        groups[t.doc_id].append(t)
    return dict(groups)


# ---------------------------------------------------------------------------- evaluation
def match_targets(extracted: list[Target], gold: list[dict], index: Index, split: str = "all") -> dict:
    """Precision and recall against the gold list: same plan, same number, overlapping text.

    Precision needs the whole gold list (a figure of the other split is not spurious);
    recall is reported for ``split``."""
    from ..evaluation.gold import evidence_spans

    used: set[int] = set()
    matched_gold = 0
    misses = []
    for g in gold:
        doc = index.documents.get(g["doc"])
        spans = evidence_spans(g["quote"], doc) if doc else []
        found = None
        for i, t in enumerate(extracted):
            if i in used or t.doc_id != g["doc"]:
                continue
            same_number = (t.number is None and g.get("number") is None) or (
                t.number is not None and g.get("number") is not None and abs(t.number - float(g["number"])) < 1e-6)
            if same_number and any(s < t.end and t.start < e for s, e in spans):
                found = i
                break
        if found is None:
            misses.append({"id": g["id"], "indicator": g["indicator"], "value": g["value"]})
        else:
            used.add(found)
            matched_gold += 1
    wrong = [extracted[i] for i in range(len(extracted)) if i not in used]
    in_split = [g for g in gold if split in ("all", g.get("split"))]
    missed_split = [m for m in misses if any(g["id"] == m["id"] for g in in_split)]
    return {
        "gold": len(in_split),
        "extracted": len(extracted),
        "matched": len(in_split) - len(missed_split),
        "precision": matched_gold / len(extracted) if extracted else 0.0,
        "recall": (len(in_split) - len(missed_split)) / len(in_split) if in_split else 0.0,
        "missed": missed_split[:50],
        "spurious": [{"doc": w.doc_id, "indicator": w.indicator, "value": w.value} for w in wrong[:50]],
    }
