"""Query understanding: what is asked (type), about which plan (region, period, year), in which words.

The alias table holds the names civil servants type for things the plans spell out
(副中心 → 城市副中心, 研发 → R&D / 研究与试验发展, 高企 → 高新技术企业, 十四五 → 2021-2025).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .schema import DocMeta
from .textutil import canonical, find_all
from .tokenizer import FRAME_WORDS

# 同义说法（可互换的简称与全称）：提法检索把它们当作同一提法的变体
SYNONYMS: dict[str, list[str]] = {
    "副中心": ["城市副中心"],
    "研发": ["研究与试验发展"],
    "高企": ["高新技术企业"],
    "科创": ["科技创新"],
    "科创中心": ["科技创新中心"],
    "国际科创中心": ["国际科技创新中心"],
    "全国科创中心": ["全国科技创新中心"],
    "双创": ["大众创业、万众创新"],
    "新能源车": ["新能源汽车"],
}
# 用户常用说法 → 规划中的写法（只做查询扩展，不改写原文）
ALIASES: dict[str, list[str]] = {
    "副中心": ["城市副中心", "北京城市副中心", "通州"],
    "通州": ["通州区", "城市副中心", "副中心"],
    "研发": ["研究与试验发展", "R&D", "研发投入"],
    "研发强度": ["研究与试验发展(R&D)经费支出占地区生产总值比重", "研发投入强度", "R&D", "强度"],
    "研发投入": ["研究与试验发展(R&D)经费", "研发经费", "R&D"],
    "r&d": ["研究与试验发展", "研发"],
    "gdp": ["地区生产总值", "生产总值"],
    "每万人": ["万人"],
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
    "规划期": ["规划期限", "实施年限"],
    "年限": ["实施年限", "规划期限"],
    "目标": ["发展目标", "工作目标", "目标值"],
    "强度": ["比重"],  # 研发投入强度 = 研发经费占地区生产总值的比重
    "集聚": ["聚集"],
    "集中": ["集聚", "聚集"],
    "龙头企业": ["领军企业", "骨干企业"],
    "领军企业": ["龙头企业"],
    "聚集": ["集聚"],
    "乡镇": ["镇", "乡"],  # 「哪个乡镇」 is answered by a town's name (漷县镇、于家务乡)
    "科学素养": ["科学素质"],
    "科学素质": ["科学素养"],
    "科技人才": ["人才"],
    "能量密度": ["比能量"],
    # 同义的统计和行政说法
    "比例": ["比重", "占比", "占"],  # 「占北京地区生产总值的24.2%」 states the share
    "比重": ["比例", "占比", "占"],
    "占比": ["比重", "比例", "占"],
    "投入": ["经费", "支出", "R&D"],  # 「全区R&D相比2023年力争实现倍增」: R&D is the spending
    "成交额": ["交易额"],
    "交易额": ["成交额"],
    "攻克": ["突破", "攻关"],
    "问题": ["难题"],
    "难题": ["问题"],
    "资助": ["支持", "资金支持"],
    "增速": ["增长率", "增长", "增幅"],
    "增长率": ["增速", "增长"],
    "科学素质": ["科学素养"],
    "科学素养": ["科学素质"],
    "市民": ["公民"],
    "钱": ["经费", "资金"],
    "公司": ["企业"],
    "大学生": ["在校生", "学生"],
    "高校": ["高等学校", "高等院校"],
    "科研院所": ["科研机构", "研究院所"],
    "总数": ["总量", "数量"],
    "方式": ["形式"],  # 「新的项目组织方式」: 「新型项目组织形式」
    "形式": ["方式"],
}
# 五年规划期 ↔ 年份
PERIODS = {"十一五": (2006, 2010), "十二五": (2011, 2015), "十三五": (2016, 2020), "十四五": (2021, 2025), "十五五": (2026, 2030)}
_PERIOD_RE = re.compile("|".join(PERIODS))
_YEAR_RE = re.compile(r"(?<!\d)(20\d\d)(?!\d)")
_SHORT_YEAR = re.compile(r"(?<![\d.])([0-4]\d)年(?=底|末|初)")
_BEIJING = "朝阳|海淀|东城|西城|丰台|石景山|门头沟|房山|通州|顺义|昌平|大兴|怀柔|平谷|密云|延庆"
_KNOWN_PLACES = re.compile(rf"城市副中心|副中心|(?:{_BEIJING})区?|亦庄|经开区|雄安新区|雄安|天津市?|河北省?|上海市?")
# 「戊区的…」「和乙区相比」: a short name ending in 区/县 at the start or after a conjunction
_GENERIC_PLACE = re.compile(r"(?:^|[和与及、，,跟同])(?:那|那么)?([\u4e00-\u9fff]{1,2}[区县市])")
_TOWN = re.compile(r"([\u4e00-\u9fff]{2}(?:镇|乡))(?![村长])")  # 宋庄镇, 于家务乡
_NOT_PLACES = {"城区", "园区", "社区", "地区", "全区", "本区", "该区", "辖区", "片区", "景区", "新区", "两区", "三区", "各区",
               "全市", "城市", "本市", "各市", "该市", "市里",
               "示范区", "功能区", "集聚区", "核心区", "先行区", "试验区", "承载区", "自贸区", "开发区", "保税区", "主城区"}

QTYPE_PATTERNS = [
    ("compare", re.compile(r"对比|比较|相比|区别|有何不同|有什么不同|变化|异同|分别是|分别为|各是|各为|各自|两个规划|和.{0,12}(?:相比|比)")),
    ("definition", re.compile(r"什么是|是指|指什么|指啥|指的是|指哪|含义|意思|定义|全称|简称|是什么意思|怎么理解|何谓|内涵|代表(?:的是)?(?:什么|啥|哪)|正式名称|完整名称|全名")),
    ("list", re.compile(r"哪些|哪几(?![年天月])|哪[两三四五六七八九十]+[个项条类种大]|[两三四五六七八九十][大类项个条种][^，。？?]{0,8}(?:分别|各自|都)(?:是|叫)(?:什么|啥)|[两三四五六七八九十]大[^，。？?]{0,8}(?:分别是|是什么|是啥)|包括什么|包括哪|包含哪|包括啥|包含啥|都[^，。？?]{0,6}(?:啥|什么)|(?:啥|什么)方向|有什么|都有|列举|几大|几个方面|几方面|哪方面|主要内容")),
    ("number", re.compile(r"投资额|资金规模|投资规模|多少|几个|几家|几项|几所|几倍|(?<!第)几[套座台处支批名位件次场辆人章]|比例|比重|占比|百分之|规模|数量|金额|几成|多大|强度|增速|增长率|多高|达到.{0,6}吗|目标值|几年|多久|哪一年|何时|哪年"
                         r"|(?:额|量|率|数)[^，。？?、]{0,4}(?:什么|啥)(?:样的?)?目标"  # 「交易额定了什么目标」: a figure
                         r"|(?:投入|收入|产值|增加值)[^，。？?、]{0,10}目标是(?:什么|啥)")),  # 「研发投入到2026年的目标是啥」
]


NAME_TERM_WEIGHT = 0.3
# The asking part of a question (多少家, 哪些, 什么…) and the unit it asks in.
_ASK = re.compile(
    r"(?:要|将|应|能|会)?(?:达到|提升到|提高到|突破|增加到|增长到|为|有|是)?(?:多少|几)"
    r"(?P<unit>万亿元?|亿元?|万元|元|个|家|项(?!目)|条|种|类(?!型)|所|名(?!称|单)|位(?!置)|件|人|倍|辆|场(?!景|所|地)|次|公里|章|套|座|台|处|%)?"
    r"|哪(?:些|几|一|个)(?:个|项|条|种|类|方面|家|年)?|什么|啥|是否|有没有|如何|怎么样?|怎样|何时|吗|呢"
    r"|这?[两三四]份(?:文件)?|叫法|提法|说法|口径|一样|一致|异同"  # 「两份文件叫法一样吗」 asks about the wording
    r"|第[一二三四五六七八九十]+部分|(?:一|总)?共有"  # 「第五部分保障措施，一共有哪几条」: where and how many, not what
)
# 「校企联合实验室、新型研发机构这类载体」: the user's label for the kind of thing listed, not the plan's words
CATEGORY_LABEL = re.compile(r"(?:这类|这些|此类|这几类|这种|这样的|之类的?)[\u4e00-\u9fff]{0,4}?(?=要|有|的|是|达到|到20|在|共|一共|总共|[，,？?]|$)")
_UNIT_NAMES = {"亿": "亿元", "万亿": "万亿元"}  # 「多少亿」 asks in 亿元
_MONEY_ASK = re.compile(r"多少(?:[\u4e00-\u9fff]{0,2}(?:经费|资金)|投资|钱|资助|补贴|奖励)|投资额|经费额度|资金规模|投资规模")  # asked in 元
_TARGET = re.compile(r"目标|要达到|要突破|要建|建到|要到|要(?:发展|增加|增长|提高|提升|扩大|降低|减少|控制)到|冲到|要保持|保持在|力争|争取|预期|到20\d\d年|(?<!行动)计划(?:达到|实现|建|要)|打算|(?<![制确规指])定了|(?<![制确规指])定的|设定")
_BASELINE_ASK = re.compile(r"截至|现有|已经|已有|已建|回顾|末|年底|当时|去年|发展基础|基础与条件|现在|目前|当前")
_AIM_ASK = re.compile(r"要达到|要突破|要到|要建|建到|要保持|要(?:增加|提高|提升|增长)|要(?:发展|扩大)到|力争|目标|打算")  # 「十四五末要建到多少」

# 「我在起草汇报材料，想核实一下：」「请问，」: how the user leads in, not what is asked
_PREAMBLE = re.compile(r"^(?:请问|麻烦问一下|麻烦|帮我查一下|帮忙查一下|您好|你好)[：:，,]?"
                       r"|^(?:我想知道|我想了解|我想问一下|我想问|想问一下|想知道|想了解一下|能不能告诉我|能告诉我|请告诉我|告诉我)(?:一下)?[：:，,]?")
# 「领导让我查一下，」「帮我看看，」「求助：」: a short clause of the user's own, before the question
_ASIDE = re.compile(r"^[^，,：:？?]{0,8}?(?:让我|帮我|给我|告诉我|我想|想问|想了解|想知道|求助|请教|咨询)[^，,：:？?]{0,6}?[：:，,]\s*")
_LEAD_IN_COLON = re.compile(r"^([^：:？?。]{2,80}?)[：:]\s*(?=\S)")  # everything before the colon
_LEAD_IN_COMMA = re.compile(r"^((?:我|我们)[^：:？?。]{0,60}?[，,]\s*(?:想|需要|要)[^，,：:？?。]{0,10}?一下)[，,]\s*"
                            r"|^((?:我|我们)(?:正)?在[^：:？?。，,]{2,40})[，,]\s*")  # 「我们在对标……，」: what the user is doing
_SIGN_OFF = re.compile(r"(?<=[？?。.！!，,\s])[\s，,]*(?:非常|十分)?(?:谢谢|多谢|感谢|辛苦了?|麻烦了|谢了|thanks|thank you)"
                       r"[您你]?(?:啦|了)?[！!。.～~\s]*$", re.I)
_COURTESY = re.compile(r"急|尽快|麻烦|谢|辛苦|回复|拜托|劳驾")
_SPEAKER = re.compile(r"我|本人|请问|麻烦|帮忙|帮我|您好|你好")


def _without_sign_off(text: str) -> str:
    """「……？谢谢！」「……？急用，麻烦尽快回复。」: what follows the question asks nothing."""
    text = _SIGN_OFF.sub("", text).strip() or text
    ask_end = max(text.rfind("？"), text.rfind("?"))
    tail = text[ask_end + 1 :]
    if 0 < ask_end < len(text) - 1 and _COURTESY.search(tail) and not re.search(_ASKS.pattern + "|呢|吗", tail):
        return text[: ask_end + 1]
    return text


def drop_lead_in(text: str, metas: dict[str, DocMeta]) -> str:
    """The question without how the user leads in (「我在起草科技服务业的汇报材料，想核实一下：……」
    「我在整理数据，想确认一下，……」「请问，……」) or signs off (「……？谢谢！」). A plan named only
    in the lead-in is kept."""
    text = _without_sign_off(text)
    m = _LEAD_IN_COLON.match(text)
    if not (m and _SPEAKER.search(m.group(1))):
        m = _LEAD_IN_COMMA.match(text)
    if m and len(text) - m.end() >= 6:
        lead, rest = m.group(m.lastindex or 1), text[m.end() :]
        named = [canonical(lead)[s:e] for s, e, _ in plan_mentions(lead, metas)] if not plan_mentions(rest, metas) else []
        text = " ".join(named + [rest])
    rest = _ASIDE.sub("", text, count=1)
    text = rest if len(rest) >= 6 else text
    return _PREAMBLE.sub("", text).strip() or text


def _asks_baseline(text: str) -> bool:
    """An achieved figure is asked for (截至、现有、“十三五”末是多少), not a target; 「十三五末要达到多少」
    asks for the target of a period's end."""
    found = {m.group(0) for m in _BASELINE_ASK.finditer(text)}
    return bool(found - {"末"}) or ("末" in found and not _AIM_ASK.search(text))


@dataclass
class Query:
    text: str  # what was asked (after follow-up rewriting)
    qtype: str  # "number" | "list" | "definition" | "fact" | "compare"
    expanded: str  # text plus alias expansions (dense retrieval sees this)
    content: str = ""  # the question without its asking words (多少家, 哪些…)
    asked_unit: str = ""  # 家 in 「多少家」
    wants_target: bool = False  # asks for a goal (目标, 到2025年要达到…), not an achieved figure
    wants_current: bool = False  # asks for an achieved figure (现在、截至、“十三五”末是多少), not a goal
    terms: dict[str, float] = field(default_factory=dict)  # keyword terms with weights
    years: list[int] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    doc_prior: dict[str, float] = field(default_factory=dict)  # doc_id → preference in [0, 1]
    named_docs: list[str] = field(default_factory=list)  # plans fitting every place, period and kind named (years aside)
    compare_parts: list[tuple[str, list[str]]] = field(default_factory=list)  # (sub-question, its plans)
    ask_parts: list[str] = field(default_factory=list)  # one sub-question per figure or fact asked


def question_type(text: str, allow_compare: bool = True) -> str:
    if re.search(r"哪一[个项环类家]|哪个|哪家|哪类|哪里|哪儿|谁|还是|哪些年份|哪几年", text) and not re.search(r"哪些(?!年份)|多少", text):
        return "fact"
    for name, pattern in QTYPE_PATTERNS:
        if pattern.search(text) and (allow_compare or name != "compare"):
            return name
    return "fact"


def expansions(text: str, keep=lambda key: True) -> list[str]:
    """Alias expansions of the words in ``text`` (not already present in it), of the keys ``keep`` accepts."""
    low = canonical(text)
    out: list[str] = []
    for key, values in ALIASES.items():
        if canonical(key) in low and keep(key):
            for v in values:
                if canonical(v) not in low and v not in out:
                    out.append(v)
    return out


def doc_preferences(text: str, metas: dict[str, DocMeta]) -> tuple[dict[str, float], list[str], list[int], list[str]]:
    """How strongly the question points at each plan, from places, periods, years and kinds it names."""
    low = canonical(text)
    periods = _PERIOD_RE.findall(text)
    years = [int(y) for y in _YEAR_RE.findall(text)]
    spans = [s for s in (_period_years(m.period) for m in metas.values()) if s]
    planned = [y for y in years if any(a <= y <= b for a, b in spans)]  # 「对2035年提出了什么远景目标」: no plan's period
    places = find_places(text)
    if re.search(r"北京市|全市|市里|市级规划|北京(?!城市副中心)", text) and not places:
        places.append("北京市")
    kinds = [w for w in ("起草说明", "解读", "行动计划", "三量齐升")
             if w in low and (w == "三量齐升" or names_own_kind(text, w, metas))]
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
        if planned and span:
            checks += 1
            if any(span[0] <= y <= span[1] for y in planned):
                score += 1
        for word in kinds:  # a kind of document named: only plans of that kind match
            checks += 1
            score += word in canonical(meta.kind) or word in canonical(meta.title)
        if checks:
            prior[doc_id] = score / checks
    return prior, periods, years, places


def analyze(text: str, metas: dict[str, DocMeta], keyword, expand: bool = True) -> Query:
    """Everything retrieval and answering need to know about a question; ``expand`` adds the
    plans' wordings of the aliases it uses."""
    text = drop_lead_in(text, metas)
    text = _SHORT_YEAR.sub(r"20\1年", text)  # 「15年底」 is 2015年底
    text = text.replace("俩", "两个")  # 「哪俩区」
    names = canonical(" ".join(n for m in metas.values() for n in (m.title, m.region, m.kind, *m.aliases)))
    # a word the plans never use (高企) is searched as the plans' wording of it even when expansion is
    # off, unless that wording names a plan (国际科创中心: the plan prior routes it)
    extra = expansions(text) if expand else expansions(
        text, lambda key: not keyword.knows(key) and not any(canonical(v) in names for v in ALIASES[key]))
    terms = keyword.query_terms(text)
    for e in extra:
        for t, w in keyword.query_terms(e, weight=0.5).items():
            terms[t] = max(terms.get(t, 0.0), w)
    # words that only name a plan (副中心, 三量齐升, 行动计划) route to it through the plan prior;
    # as search terms they would pull up every chunk that repeats the plan's title
    for t in terms:
        if len(t.lstrip("§")) >= 2 and canonical(t.lstrip("§")) in names:
            terms[t] *= NAME_TERM_WEIGHT
    prior, periods, years, places = doc_preferences(text, metas)
    wants_target = bool(_TARGET.search(text)) and not _asks_baseline(text)
    unit = next((m.group("unit") for m in _ASK.finditer(text) if m.group("unit")), "")
    query = Query(
        text=text,
        qtype=question_type(text),
        expanded=" ".join([text, *extra]),
        content=_ASK.sub(" ", CATEGORY_LABEL.sub(" ", text)),
        asked_unit=_UNIT_NAMES.get(unit, unit)
        or ("元" if _MONEY_ASK.search(text) else ""),
        wants_target=wants_target,
        wants_current=_asks_baseline(text) and not _AIM_ASK.search(text),
        terms=terms,
        years=years,
        periods=periods,
        places=places,
        doc_prior=prior,
        # a target year (到2020年要达到) names a plan's period; a past year (2019年提到了多少) may be in a later review
        named_docs=_fully_named(prior if wants_target else doc_preferences(_YEAR_RE.sub(" ", text), metas)[0]),
    )
    parts = compare_parts(text, metas)
    if parts:
        query.compare_parts = parts
        query.qtype = "compare"
    else:
        if query.qtype == "compare":
            query.qtype = question_type(text, allow_compare=False)
        query.ask_parts = ask_parts(text, metas)
    return query


def _fully_named(prior: dict[str, float]) -> list[str]:
    """The plans that fit everything the question names, when that rules some plan out."""
    named = [d for d, v in prior.items() if v == 1.0]
    return named if len(named) < len(prior) else []


def find_places(text: str) -> list[str]:
    """Places a question names (districts, 副中心, other regions), in order of appearance."""
    found: list[tuple[int, str]] = [(m.start(), m.group(0)) for m in _KNOWN_PLACES.finditer(text)]
    towns = _TOWN.finditer(text.replace("乡镇", "  "))  # 「按乡镇划分」 names no town (same offsets)
    for m in [*_GENERIC_PLACE.finditer(text), *towns]:
        name = m.group(1)
        if name not in _NOT_PLACES and name[0] not in "哪那这各每几些个该本全占在对一两二三四五六七八九十" and not any(name in f or f in name for _, f in found):
            found.append((m.start(1), name))
    return [name for _, name in sorted(found)]


_PUNCT_SPLIT = re.compile(r"[、，,？?；;。：:]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff\d])|\s*\bvs\.?\s*", re.I)  # a typed space or vs parts clauses too
_CONJUNCTION = re.compile(r"以及|还有|和|与|及|到")  # 「从十三五的……到十四五的……」
_KINDS = ("起草说明", "行动计划", "解读", "方案", "意见")
_WEAK_MENTIONS = {"北京", "全市", "全区", "市里", "区里"}  # scopes inside a sentence, not names of a plan
# what may stand right before a plan kind that names one of our plans (「这个行动计划」「三年行动计划」)
_KIND_LEAD = re.compile(r"(?:^|[^\u4e00-\u9fff]|这个|这份|那个|那份|该|本|此|个|份|的|里|在|按|据|照|年|期|版|规划|稿)$")


def names_own_kind(text: str, kind: str, metas: dict[str, DocMeta]) -> bool:
    """Whether a kind word (行动计划, 方案…) names one of our plans: outside 《…》 and led by a
    plan's name or nothing specific; 「科技冬奥行动计划」「《战略行动计划》」 are other documents."""
    names = _alias_names(tuple(metas.values()))
    low = canonical(text)
    for pos in find_all(low, canonical(kind)):
        if low[:pos].count("《") > low[:pos].count("》"):
            continue  # inside another document's title
        before = low[max(0, pos - 12) : pos]
        if _KIND_LEAD.search(before) or any(before.endswith(n) for n in names):
            return True
    return False


@lru_cache(maxsize=8)
def _alias_names(metas: tuple[DocMeta, ...]) -> frozenset[str]:
    return frozenset(canonical(a) for m in metas for a in (*m.aliases, m.region, m.short_name) if a and len(a) >= 2)


def plan_mentions(text: str, metas: dict[str, DocMeta]) -> list[tuple[int, int, frozenset[str]]]:
    """Words in ``text`` that name plans (places, periods, plan kinds, aliases), with the plans they fit."""
    vocab: dict[str, set[str]] = {}
    own_kinds = {k for k in _KINDS if k in text and names_own_kind(text, k, metas)}
    for doc_id, meta in metas.items():
        names = {a for a in (*meta.aliases, meta.region) if a and len(a) >= 2}
        if re.fullmatch(r"[\u4e00-\u9fff]{2,}[市区]", meta.region):
            names.add(meta.region[:-1] + "全" + meta.region[-1])  # 「北京全市」「朝阳全区」 name the place's plans
        names |= {k for k in own_kinds if k in meta.kind or k in meta.title}
        span = _period_years(meta.period)
        names |= {p for p, years in PERIODS.items() if span and _overlap(years, span) >= 3}
        for name in names - _WEAK_MENTIONS:
            vocab.setdefault(canonical(name), set()).add(doc_id)
    low = canonical(text)
    found: list[tuple[int, int, frozenset[str]]] = []
    for name in sorted(vocab, key=len, reverse=True):
        for pos in find_all(low, name):
            if name in PERIODS and low[pos + len(name) : pos + len(name) + 2].lstrip('"').startswith("末"):
                continue  # 「十三五末有多少」 dates a figure, it names no plan
            if not any(s <= pos < e for s, e, _ in found):
                found.append((pos, pos + len(name), frozenset(vocab[name])))
    return sorted(found)


def compare_parts(text: str, metas: dict[str, DocMeta]) -> list[tuple[str, list[str]]]:
    """A question about several plans, split into one sub-question per plan: the clauses that
    name each plan plus the clauses they share. [] when it is about one plan."""
    side_by_side = coordinated_plans(text, metas)
    if side_by_side:
        names, rest = side_by_side
        return _narrowed([(f"{name} {rest}", docs) for name, docs in names], text, metas)
    clauses = [c.strip() for c in _split_clauses(text, metas) if c.strip()]
    named: list[tuple[str, frozenset[str]]] = []
    broad: list[tuple[str, frozenset[str]] | None] = []  # per named plan: its first clause if that named several plans
    shared: list[str] = []
    for clause in clauses:
        mentions = plan_mentions(clause, metas)
        if not mentions:
            if named and _ASKS.search(clause) and not re.search(r"分别|各自|各", clause):
                # 「朝阳规划里，2020年……占全市多少」: the ask goes with its plan; 「……分别定了多少」 goes with all
                named[-1] = (named[-1][0] + " " + clause, named[-1][1])
            else:
                shared.append(clause)
            continue
        docs = frozenset.intersection(*(m[2] for m in mentions)) or frozenset.union(*(m[2] for m in mentions))
        if sum(docs > other_docs for _, other_docs in named) >= 2:  # 「A和B，各自给副中心定的……」: asked of both
            shared.append(clause)
            continue
        for i, (other_clause, other_docs) in enumerate(named):
            if docs <= other_docs or other_docs <= docs:  # the same plan named twice
                named[i] = (other_clause + " " + clause, docs & other_docs or docs)
                broad[i] = broad[i] if docs < other_docs else None
                break
        else:
            # 「……在副中心怎么落，十五五规划和三量齐升计划……分别」: a clause naming only the place of
            # several plans is what they are all asked, not a part of the first plan's ask
            wide = next((i for i, b in enumerate(broad) if b and docs < b[1]), None)
            if wide is not None:
                shared.append(broad[wide][0])
                named[wide] = (named[wide][0].replace(broad[wide][0], "", 1).strip(), named[wide][1])
                broad[wide] = None
            named.append((clause, docs))
            broad.append((clause, docs) if len(docs) > 1 else None)
    if len(named) < 2:
        return []
    scope = r"北京市?|(?:科创中心|科创|科技)?(?:规划|解读)里?|占?全[国市区]"
    last_rest = re.sub(scope, " ", _without_places(_strip_mentions(named[-1][0], metas))).strip()  # its ask, not its scope
    first_topic = re.sub(scope, " ", _without_places(_topic_of(_strip_mentions(named[0][0], metas))))  # the topic, not its scope
    parts = []
    for k, (clause, docs) in enumerate(named):
        borrow = (k < len(named) - 1 and not _ASKS.search(" ".join([clause, *shared]))
                  and len(_PLAN_WORDS.sub("", _strip_mentions(clause, metas))) <= 4)  # a bare plan name takes the last part's ask
        # 「A规划基础研究经费占比目标是多少？B解读说实际做到多少？」: a later ask with no topic of its own takes the first's
        # 「A的公民科学素养达标率目标，和B的全区目标，各是多少」: a shared ask with no topic either takes a real one
        asked = " ".join([clause, *shared])
        elliptic = (k and (not shared or len(_FILLER.sub("", first_topic)) >= OWN_TOPIC_CHARS) and _ASKS.search(asked)
                    and len(_FILLER.sub("", _without_places(_topic_of(_strip_mentions(asked, metas))))) < 2)
        parts.append((" ".join([clause, *shared] + ([last_rest] if borrow else []) + ([first_topic] if elliptic else [])), docs))
    return _narrowed(parts, text, metas)


def _narrowed(parts: list[tuple[str, frozenset[str]]], text: str, metas: dict[str, DocMeta]) -> list[tuple[str, list[str]]]:
    """One place named for the whole comparison (「北京十三五和十四五……」) narrows every part to its plans."""
    places = find_places(text) + (["北京"] if "北京" in text and not find_places(text) else [])
    place_docs = {d for d, m in metas.items() for p in places[:1]
                  if canonical(p) in canonical(" ".join((m.region, *m.aliases)))} if len(places) == 1 else set()
    return [(sub, sorted(docs & place_docs if len(docs) > 1 and docs & place_docs else docs)) for sub, docs in parts]


# How a plan is named around the words that identify it: 「北京」 before, 「科创中心规划（解读）里」 after
_NAME_LEAD = re.compile(r"(?:北京市?|北京城市|通州区?)$")
_NAME_FILL = r"(?:时期|加强|北京市?|全国|国际|科技创新中心|科创中心|科技创新|科创|科技|创新|发展|建设|的)*"
_NAME_TAIL = re.compile(r"(?:" + _NAME_FILL + r"(?:规划解读|起草说明|行动计划|规划|计划|说明|解读)(?:[(（](?:解读|征求意见稿)[)）])?)?(?:里|中)?")
_NAME_GAP = re.compile(_NAME_FILL + r"(?:规划|计划)?")
_SIDE_BY_SIDE = re.compile(r"(?:和|与|及|以及|、|跟|同)")


def coordinated_plans(text: str, metas: dict[str, DocMeta]) -> tuple[list[tuple[str, frozenset[str]]], str] | None:
    """「未来产业这块，朝阳十四五科技规划和副中心三量齐升计划各自聚焦哪些方向？」: plans named side by side
    (A和B、C) are all asked everything else the question says. Returns each plan's name with its plans,
    and the rest of the question; None unless every plan the question names stands in that one row."""
    low = canonical(text)
    phrases: list[list] = []  # [start, end, docs] of each plan's name
    for s, e, docs in plan_mentions(text, metas):
        lead, tail = _NAME_LEAD.search(low[:s]), _NAME_TAIL.match(low, e)
        s, e = lead.start() if lead else s, tail.end() if tail else e
        if phrases and (s <= phrases[-1][1] or _NAME_GAP.fullmatch(low[phrases[-1][1] : s])):
            phrases[-1][1], phrases[-1][2] = max(e, phrases[-1][1]), (phrases[-1][2] & docs) or (phrases[-1][2] | docs)
        else:
            phrases.append([s, e, docs])
    if len(phrases) < 2 or len({p[2] for p in phrases}) < len(phrases):
        return None
    if not all(_SIDE_BY_SIDE.fullmatch(low[a[1] : b[0]]) for a, b in zip(phrases, phrases[1:])):
        return None
    rest = re.sub(r"分别|各自", "", low[: phrases[0][0]] + " " + low[phrases[-1][1] :]).strip()
    return [(low[s:e], docs) for s, e, docs in phrases], rest


_PLAN_WORDS = re.compile(r"北京市?|全国|国际|科创中心|科技创新|科创|科技|发展|建设|规划|行动计划|起草说明|解读|时期|征求意见稿")
_ASKS = re.compile(r"多少|多大|几[个家项所倍成年]?|什么|啥|哪|如何|怎么|怎样|是否|谁")
_OF_EACH = re.compile(r"(?:各自|分别|每个|每一个|各)(?:都)?(?:是)?(?:干什么|做什么|干啥|干嘛|起什么|有什么用|什么用|的作用|负责什么|侧重什么|侧重点)")
_EACH = re.compile(r"^(.+?)(?:和|与|及|以及)(.+?)(?:分别|各自|各)(.+)$")


_FILLER = re.compile("|".join(sorted(FRAME_WORDS | {"比例", "比重", "占比", "另外", "分别", "各自", "多大", "多高", "第几",
                                                    "实际", "做到", "情况", "表述", "里面", "具体",
                                                    "全市", "全区", "全国", "这个数字", "这个数", "这一数字", "这个指标",
                                                    "这一指标", "该指标", "这项指标", "这个值"}, key=len, reverse=True))
                     + r"|[^\u4e00-\u9fff]|[又还那这的是了到要和与及呢在占各期说讲提定给做里]")
OWN_TOPIC_CHARS = 4  # 「占全市多大比例」「规划期要保持在什么水平」 lean on the first ask; 「市级孵化器要引进培育几家」 does not


def _names_own_topic(clause: str) -> bool:
    return len(_FILLER.sub("", _topic_of(clause))) >= OWN_TOPIC_CHARS or bool(find_places(clause))


def _without_places(text: str) -> str:
    for place in find_places(text):
        text = text.replace(place, " ")
    return text


def _topic_of(clause: str) -> str:
    """What a clause asks about, without its asking words, years, periods and target/baseline words."""
    for pattern in (_YEAR_RE, _PERIOD_RE, _ASK, _TARGET, _BASELINE_ASK):
        clause = pattern.sub(" ", clause)
    return re.sub(r"\s+", " ", clause)


def ask_parts(text: str, metas: dict[str, DocMeta]) -> list[str]:
    """A question asking for several things in one plan, split into one sub-question per ask:
    「……2015年底是多少，2020年目标是多少？」 → two, the later ones borrowing the first one's topic;
    「A和B分别定了多少目标」 → one for A, one for B. Each keeps the clauses naming the plan. []
    when there is a single ask."""
    clauses = [c.strip() for c in re.split(r"[，,？?；;。]", text) if c.strip()]
    clauses = [p for c in clauses for p in _asks_in_row(c)]
    asks = [i for i, c in enumerate(clauses) if _ASKS.search(c)]
    asks = asks[:1] + [i for i in asks[1:] if not _OF_EACH.match(clauses[i])  # 「哪几个“大脑”？各自干什么用」: one ask
                       and not _points_to_source(clauses[i], metas)]
    for i, c in enumerate(clauses):  # 「……排第几？全球创业生态系统指数报告呢？」: the ask is the first one's
        if asks and i > asks[0] and c.endswith("呢") and i not in asks:
            first = clauses[asks[0]]
            start = _ASKS.search(first).start()
            while start and first[start - 1] in "排位列居第是有为达到要":  # 「排第几」「达到多少」
                start -= 1
            clauses[i] = c[:-1] + first[start:]
            asks = sorted(asks + [i])
    if len(asks) >= 2 and _OVERVIEW.search(clauses[asks[0]]) and all(_COUNT.search(clauses[i]) for i in asks[1:]):
        asks = asks[1:]  # 「……方面定了什么数？上市挂牌企业要超过几家，培育库每年在库多少家」: the figures are the answer
    context = " ".join(c for i, c in enumerate(clauses) if i not in asks)
    if len(asks) >= 2:
        topic = _topic_of(clauses[asks[0]])
        named = " ".join(clauses[asks[0]][s:e] for s, e, _ in plan_mentions(clauses[asks[0]], metas))

        def borrowed(clause: str) -> str:
            """What a later ask takes from the first: its topic unless it names one of its own
            (「市级孵化器要引进几家」), else the plan it names unless it names its own
            (「副中心十五五规划……截止到哪天？通过什么渠道提交？」)."""
            if not _names_own_topic(clause):
                return topic
            return "" if plan_mentions(clause, metas) else named

        return [" ".join(x for x in (context, borrowed(clauses[i]) if k else "", clauses[i]) if x.strip())
                for k, i in enumerate(asks)]
    if len(asks) == 1:
        m = _EACH.match(clauses[asks[0]])
        if m and _ASKS.search(m.group(3)):
            names = " ".join(text[s:e] for s, e, _ in plan_mentions(text, metas))
            return [" ".join(x for x in (context, m.group(1), m.group(3)) if x),
                    " ".join(x for x in (context, names, m.group(2), m.group(3)) if x)]
    return []


_HOW_SAID = re.compile(r"(?:怎么|如何|咋)(?:说|讲|提|写|表述)的?$")
_QUOTE_ASKED = re.compile(r"^(?:原文|原话)+(?:是什么|是啥|怎么写的?)$")  # 「原文原话是什么」: the quote every answer is


def _points_to_source(clause: str, metas: dict[str, DocMeta]) -> bool:
    """「……有几家？朝阳十四五科技规划回顾里怎么说」: the later clause names where to look, it asks nothing more."""
    return bool(_QUOTE_ASKED.match(clause)) or bool(_HOW_SAID.search(clause)) and len(
        _FILLER.sub("", _without_places(_topic_of(_strip_mentions(clause, metas))))) < 2


def _asks_in_row(clause: str) -> list[str]:
    """「技术合同成交额2020年是多少、占全市多大比例」: figures asked one after another, split at 、
    (「校企联合实验室、新型研发机构要达到几家」 asks one figure of two things)."""
    pieces = clause.split("、")
    if len(pieces) > 1 and all(_COUNT.search(p) for p in pieces):
        return pieces
    return [clause]


_COUNT = re.compile(r"多少|几[个家项所倍成名]|多大|多高")
# 「在企业上市和高企培育方面定了什么数」: what figures a whole area has, asked before the figures themselves
_OVERVIEW = re.compile(r"(?:方面|这块|领域)[^，,？?]{0,6}?(?:什么|哪些|啥)(?:量化|具体)?(?:数|数字|目标|指标|安排)")


def _split_clauses(text: str, metas: dict[str, DocMeta]) -> list[str]:
    """Split at punctuation, and at 和/与/及 (or the 到 of 从……到) when a plan is named right after it."""
    starts = {s for s, _, _ in plan_mentions(text, metas)}
    out, begin = [], 0
    for m in _PUNCT_SPLIT.finditer(text):
        out.append(text[begin : m.start()])
        begin = m.end()
    out.append(text[begin:])
    clauses = []
    for piece in out:
        offset = text.find(piece) if piece else 0
        cut = 0
        for m in _CONJUNCTION.finditer(piece):
            if m.group() == "到" and "从" not in piece[cut : m.start()]:
                continue  # 「提到十三五」 names one plan; 「从十三五的……到十四五的……」 two
            if any(offset + m.end() <= s <= offset + m.end() + 2 for s in starts):
                clauses.append(piece[cut : m.start()])
                cut = m.end()
        clauses.append(piece[cut:])
    return clauses


def _strip_mentions(text: str, metas: dict[str, DocMeta]) -> str:
    """The clause without the words that name plans (what it asks about them)."""
    low = canonical(text)
    for s, e, _ in reversed(plan_mentions(text, metas)):
        low = low[:s] + low[e:]
    return re.sub(r"^(?:时期|科技规划|规划(?!期)|的|里|中|\s)+", "", low)


def _period_years(period: str) -> tuple[int, int] | None:
    m = re.match(r"(\d{4})\D+(\d{4})", period or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)
