"""Query understanding: what is asked (type), about which plan (region, period, year), in which words.

The alias table holds the names civil servants type for things the plans spell out
(副中心 → 城市副中心, 研发 → R&D / 研究与试验发展, 高企 → 高新技术企业, 十四五 → 2021-2025).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .schema import DocMeta
from .textutil import canonical

# 用户常用说法 → 规划中的写法（双向匹配时只做查询扩展，不改写原文）
ALIASES: dict[str, list[str]] = {
    "副中心": ["城市副中心", "北京城市副中心", "通州"],
    "通州": ["通州区", "城市副中心", "副中心"],
    "研发": ["研究与试验发展", "R&D", "研发投入"],
    "研发强度": ["研究与试验发展(R&D)经费支出占地区生产总值比重", "研发投入强度", "R&D", "强度"],
    "研发投入": ["研究与试验发展(R&D)经费", "研发经费", "R&D"],
    "r&d": ["研究与试验发展", "研发"],
    "高企": ["高新技术企业"],
    "国高新": ["国家级高新技术企业"],
    "科创": ["科技创新"],
    "科创中心": ["科技创新中心"],
    "国际科创中心": ["国际科技创新中心"],
    "全国科创中心": ["全国科技创新中心"],
    "孵化器": ["孵化机构", "创业孵化载体", "科技企业孵化器"],
    "专利": ["发明专利", "专利申请"],
    "院士": ["两院院士"],
    "pct": ["PCT国际专利申请量", "专利合作协定"],
    "独角兽": ["独角兽企业"],
    "专精特新": ["专精特新中小企业"],
    "技术交易": ["技术合同成交额", "技术合同交易额"],
    "技术合同": ["技术合同成交额", "技术合同交易额"],
    "双创": ["大众创业、万众创新", "创新创业"],
    "冬奥": ["冬奥会", "科技冬奥"],
    "新能源车": ["新能源汽车"],
    "三城一区": ["中关村科学城", "怀柔科学城", "未来科学城", "创新型产业集群示范区"],
    "市里": ["北京市", "全市"],
    "全市": ["北京市"],
    "起草说明": ["起草说明"],
    "解读": ["规划解读"],
    "期限": ["规划期限", "实施年限"],
    "年限": ["实施年限", "规划期限"],
    "目标": ["发展目标", "工作目标", "目标值"],
}
# 五年规划期 ↔ 年份
PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_PERIOD_RE = re.compile("|".join(PERIODS))
_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_BEIJING = "朝阳|海淀|东城|西城|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆"
_KNOWN_PLACES = re.compile(rf"城市副中心|副中心|(?:{_BEIJING})区?|亦庄|经开区|雄安新区|雄安|天津市?|河北省?|上海市?")
# 「戊区的…」「和乙区相比」: a short name ending in 区/县 at the start or after a conjunction
_GENERIC_PLACE = re.compile(r"(?:^|[和与及、，,跟同])(?:那|那么)?([\u4e00-\u9fff]{1,2}[区县])")
_NOT_PLACES = {"城区", "园区", "社区", "地区", "全区", "本区", "该区", "辖区", "片区", "景区", "新区", "两区", "三区", "各区",
               "示范区", "功能区", "集聚区", "核心区", "先行区", "试验区", "承载区", "自贸区", "开发区", "保税区", "主城区"}

QTYPE_PATTERNS = [
    ("compare", re.compile(r"对比|比较|相比|区别|有何不同|有什么不同|变化|异同|分别是|分别为|各是|各为|各自|两个规划|和.{0,12}(?:相比|比)")),
    ("definition", re.compile(r"什么是|是指|指什么|指的是|含义|意思|定义|全称|简称|是什么意思|怎么理解|何谓|内涵")),
    ("list", re.compile(r"哪些|哪几(?![年天月个])|包括什么|包括哪|包含哪|有什么|都有|列举|几大|几个方面|几方面|哪方面|主要内容")),
    ("number", re.compile(r"多少|几个|几家|几项|几所|几倍|比例|比重|占比|百分之|规模|数量|金额|几成|多大|强度|增速|增长率|多高|达到.{0,6}吗|目标值|几年|多久|哪一年|何时|哪年")),
]


@dataclass
class Query:
    text: str  # what was asked (after follow-up rewriting)
    qtype: str  # "number" | "list" | "definition" | "fact" | "compare"
    expanded: str  # text plus alias expansions (dense retrieval sees this)
    terms: dict[str, float] = field(default_factory=dict)  # keyword terms with weights
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    doc_prior: dict[str, float] = field(default_factory=dict)  # doc_id → preference in [0, 1]
    compare_groups: list[list[str]] = field(default_factory=list)  # docs to cite separately


def question_type(text: str, allow_compare: bool = True) -> str:
    for name, pattern in QTYPE_PATTERNS:
        if pattern.search(text) and (allow_compare or name != "compare"):
            return name
    return "fact"


def expansions(text: str) -> list[str]:
    """Alias expansions of the words in ``text`` (not already present in it)."""
    low = canonical(text)
    out: list[str] = []
    for key, values in ALIASES.items():
        if canonical(key) in low:
            for v in values:
                if canonical(v) not in low and v not in out:
                    out.append(v)
    return out


def doc_preferences(text: str, metas: dict[str, DocMeta]) -> tuple[dict[str, float], list[str], list[int], list[str]]:
    """How strongly the question points at each plan, from places, periods, years and kinds it names."""
    low = canonical(text)
    periods = _PERIOD_RE.findall(text)
    years = [int(y) for y in _YEAR_RE.findall(text)]
    places = find_places(text)
    if re.search(r"北京市|全市|市里|市级规划|北京(?!城市副中心)", text) and not places:
        places.append("北京市")
    prior: dict[str, float] = {}
    for doc_id, meta in metas.items():
        score, checks = 0.0, 0
        names = [canonical(a) for a in (*meta.aliases, meta.region, meta.short_name) if a]
        if places:
            checks += 1
            if any(canonical(p) in n or n in canonical(p) for p in places for n in names if len(n) >= 2):
                score += 1
        span = _period_years(meta.period)
        if periods:
            checks += 1
            if span and any(_overlap(PERIODS[p], span) >= 3 for p in periods):
                score += 1
        if years and span:
            checks += 1
            if any(span[0] <= y <= span[1] for y in years):
                score += 1
        for word in ("起草说明", "解读", "行动计划", "三量齐升"):
            if word in low and (word in canonical(meta.kind) or word in canonical(meta.title)):
                checks += 1
                score += 1
        if checks:
            prior[doc_id] = score / checks
    return prior, periods, years, places


def analyze(text: str, metas: dict[str, DocMeta], keyword) -> Query:
    """Everything retrieval and answering need to know about a question."""
    extra = expansions(text)
    terms = keyword.query_terms(text)
    for e in extra:
        for t, w in keyword.query_terms(e, weight=0.5).items():
            terms[t] = max(terms.get(t, 0.0), w)
    prior, periods, years, places = doc_preferences(text, metas)
    query = Query(
        text=text,
        qtype=question_type(text),
        expanded=" ".join([text, *extra]),
        terms=terms,
        years=years,
        periods=periods,
        places=places,
        doc_prior=prior,
    )
    groups = compare_groups(query, metas)
    if groups and (query.qtype == "compare" or re.search(r"和|与|及|、", text)):
        query.compare_groups = groups
        query.qtype = "compare"
    elif query.qtype == "compare":
        query.qtype = question_type(text, allow_compare=False)
    return query


def find_places(text: str) -> list[str]:
    """Places a question names (districts, 副中心, other regions), in order of appearance."""
    found: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _KNOWN_PLACES.finditer(text)]
    for m in _GENERIC_PLACE.finditer(text):
        name = m.group(1)
        if name not in _NOT_PLACES and not any(name in f or f in name for _, f in found):
            found.append((m.start(1), name))
    return [name for _, name in sorted(found)]


def compare_groups(query: Query, metas: dict[str, DocMeta]) -> list[list[str]]:
    """For a comparison, the plans each side refers to (by period or place)."""
    sides: list[list[str]] = []
    for p in query.periods:
        span = PERIODS[p]
        docs = [d for d, m in metas.items() if (s := _period_years(m.period)) and _overlap(span, s) >= 3]
        if docs:
            sides.append(docs)
    if len(sides) < 2:
        sides = []
        for place in query.places:
            docs = [d for d, m in metas.items()
                    if any(canonical(place) in canonical(a) or canonical(a) in canonical(place)
                           for a in (*m.aliases, m.region) if a and len(a) >= 2)]
            if docs:
                sides.append(docs)
    unique = []
    for side in sides:
        if side not in unique:
            unique.append(side)
    return unique if len(unique) >= 2 else []


def _period_years(period: str) -> tuple[int, int] | None:
    m = re.match(r"(\d{4})\D+(\d{4})", period or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)
