"""What a sentence of a plan says, as pure text checks: does it spell out a term's items or a list of what is asked,
explain a term, give a figure in a unit and whose figure it is, name something; and how an indicator-table row reads.

Used by :mod:`planqa.answering` to choose and present answer sentences. No state, no I/O.
"""

from __future__ import annotations

import re

from .textutil import canonical, find_all

COUNTERS = {"个", "家", "所", "项", "座", "处", "种", "类", "条", "站", "台", "套", "支", "批"}
UNIT_FAMILIES = [{"亿元", "万亿元", "万元", "元"}, {"%"}, {"人", "名", "位"}, {"件"}, {"辆"}, {"公里"}, {"倍"}, {"场", "次"}, {"年"}, {"章"}]


def is_title_line(sentence: str, meta) -> bool:
    """The plan's title, or a line of it (「关于印发……」「……的通知」), standing alone."""
    c = re.sub(r"^关于印发|的通知$", "", canonical(sentence).rstrip("。"))
    return len(c) >= 6 and c in canonical(meta.title)


_QUOTED_PERIOD = re.compile(r"十[一二三四五]五(?:时期)?")  # 「“十三五”时期」 quotes a period, not a term


def quoted_terms(text: str) -> list[str]:
    """The terms a question quotes (「“两区”指什么」), not the five-year periods it quotes."""
    return [canonical(t) for t in re.findall(r"[“\"「]([^”\"」]{1,20})[”\"」]", text) if not _QUOTED_PERIOD.fullmatch(t)]


def enumerates(sentence: str, term: str) -> bool:
    """The items are listed right before the term (「量子信息、光电子……等未来产业」「A、B“两区”」
    「总量、增量、质量三量齐升」) or the term follows its full name in brackets (「……工程（G20工程）」);
    a term that is itself one of the items (「数字经济、未来产业」) does not count."""
    c, t = canonical(sentence), canonical(term)
    if not t:
        return False
    for pos in find_all(c, t):
        before = c[max(0, pos - 80) : pos]
        if before.rstrip('"').endswith("(") and len(before) >= 5:
            return True
        if not before or before.rstrip('"')[-1:] in ("、", ",", "，", ";", "；", "和", "与", "及"):
            continue  # the term is itself one of the items (「数字经济、未来产业」「副中心与北三县」)
        if before.endswith("等"):  # 「“北京学者”“智源学者”等人才计划」
            return True
        last = before.rfind("、")
        if re.search(r"[双两二三四五六七八九十\d]", t):  # a collective term (双发动机, 两区): 「A和B“双发动机”」
            last = max(last, before.rfind("和"), before.rfind("与"))
        if last >= 0 and len(before) - last <= 30 and not re.search(r"[，,。；;]", before[last:]):
            listed = re.split(r"[，,。；;]", before)[-1]
            wanted = _sum_count(t)  # 「“3+4+1”」 counts eight items: two before it (「国家、市级层面……出台的」) are no list of it
            if not wanted or len(re.split(r"、|和|与", listed)) == wanted:
                return True
    return False


def _sum_count(term: str) -> int:
    """How many items a term written as a sum counts (「3+1」 → 4, 「1+4」 → 5); 0 for other terms."""
    return sum(int(n) for n in term.split("+")) if re.fullmatch(r"\d(?:\+\d)+", term.strip('"')) else 0


NUMERALS = {"一": 1, "双": 2, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def counted_items(term: str) -> int:
    """How many items a counted term names (「五大行动」「促进创新五大行动」 → 5, 「三个一网」 → 3); 0 when it counts none."""
    m = re.match(r"(?:[\u4e00-\u9fff]{2,6}?)?([两二三四五六七八九十])(?:大|个|项|类|条|种)", canonical(term).strip('"'))
    return NUMERALS[m.group(1)] if m else 0


def lists_collective(sentence: str, term: str) -> bool:
    """A collective term spelled out: as many items as it counts, each with its character
    (三链: 「创新链、产业链、供应链」; 四众: 「众筹、众包、众创、众扶」; 三大科技城: 「中关村科学城、怀柔科学城、
    未来科技城」; 一地三中心: 「…高地，…配置中心、…转化中心、…应用中心」)."""
    t = canonical(term).strip('"')
    raw = [clause.strip('"') for clause in re.split(r"[，。；：,;:]", canonical(sentence))]
    clauses = [[x for x in re.split(r"、|和|与|及", clause) if x] for clause in raw]
    counted = re.fullmatch(r"([两二三四五六七八九十])个(.{2,4})", t)  # 「三个一网」: three items, each a 一网
    if counted:
        n, mark = NUMERALS[counted.group(1)], counted.group(2)
        return any(len(items) == n and all(mark in x for x in items) for items in clauses) or any(
            clause.count(mark) == n and "、" in clause for clause in raw)  # 和 inside an item (和谐宜居) splits it
    classed = re.fullmatch(r"([两二三四五六七八九十])[大项类条](.{2,4})", t)  # 「三大科技城」: three items, each a …城
    if classed:
        n, mark = NUMERALS[classed.group(1)], classed.group(2)[-1]
        return any(len(items) == n and all(x.endswith(mark) for x in items) for items in clauses)
    parts = re.findall(r"([一双两二三四五六七八九十])([^一双两二三四五六七八九十]{1,3})", t)
    if not parts or "".join(a + b for a, b in parts) != t or (len(parts) == 1 and parts[0][0] == "一"):
        return False
    marks = [(NUMERALS[n], w[-1] if len(w) == 1 else w) for n, w in parts]
    if len(marks) > 1 and any(len(items) == sum(n for n, _ in marks) and all(sum(m in x for x in items) == n for n, m in marks)
                              for items in clauses):  # 三城一区: 「聚焦A科学城、突破B科学城、搞活C科学城、提升D示范区」
        return True
    for numeral, word in parts:
        n, mark = NUMERALS[numeral], word[-1] if len(word) == 1 else word
        if n == 1:
            if not any(mark in x for items in clauses for x in items):
                return False
        elif not any(len(items) == n and all(mark in x for x in items) and _distinct(items, mark) for items in clauses) and (
                sum(clause.endswith(mark) for clause in raw) != n):  # or n clauses each ending in it (「…打造X中心；…打造Y中心；」)
            return False
    return True


def _distinct(items: list[str], mark: str) -> bool:
    """Items spell a one-character mark out in different words (创新链、产业链; 众创、众包), not all in
    the same one (five phrases that each say 创新 do not spell out 「五新」)."""
    if len(mark) > 1:
        return True
    return len({x[max(0, x.find(mark) - 1) : x.find(mark) + 1] for x in items}) > 1


def short_forms(sentence: str, term: str) -> bool:
    """「……区域合作站(一站)……服务平台(一台)」: the term's parts are given as short forms in brackets."""
    t = canonical(term).strip('"')
    forms = [f for f in re.findall(r"\(([^()]{1,6})\)", canonical(sentence)) if f in t]
    return bool(forms) and len("".join(forms)) * 2 >= len(t)


def led_by_characters(sentence: str, term: str) -> bool:
    """「“纵横”两条思路……纵向以……；横向围绕……」: each character of a short term opens a later clause."""
    c, t = canonical(sentence), canonical(term).strip('"')
    pos = c.find(t)
    if pos < 0 or not 2 <= len(t) <= 4 or not re.fullmatch(r"[\u4e00-\u9fff]+", t):
        return False
    clauses = [x.lstrip('"') for x in re.split(r"[,;。:，；：]", c[pos + len(t) :])]
    return all(any(x.startswith(ch) for x in clauses) for ch in t)


def explained_after(sentence: str, term: str, items_only: bool = False) -> bool:
    """「“1234”总体布局：“1”个基地……」「“四个着力”的主攻方向，即……」「X包括A、B、C」: the explanation
    follows the term. Unless items are asked for, a descriptive phrase after the term in the same
    clause (「“部市区”三级财政资金的科技投入联动机制」) also explains it."""
    c, t = canonical(sentence), canonical(term)
    for pos in find_all(c, t):
        after = c[pos + len(t) : pos + len(t) + 60].lstrip('"')
        said = re.match(r"[\u4e00-\u9fff]{0,8}[,。]?(?::|即|是指|指的是|包括|主要包括|分别是|分别为|为)", after)
        guides = said and said.group(0).endswith("为") and "以" in re.split(r"[,;。:]", c[:pos])[-1]
        if said and said.group(0).endswith("为") and (len(said.group(0)) > 3 or "," in said.group(0)):
            said = None  # 「在“科技三会”上发表的重要讲话，为我国……」: 为 starts another clause, it does not define
        if said and not guides and (after.count("、") >= 1 or after.count(";") >= 1 or len(after) >= 12):
            return True  # (「以“3+4+1”一系列政策文件为引领」 takes the term as a guide, it does not explain it)
        if after.startswith("(") and ")" in after[:30]:
            return True
        phrase = re.split(r"[,;。:、]", after)[0]
        if not items_only and len(phrase) >= 8 and "等" not in phrase and not after.startswith(("、", "和", "与")):
            return True
        # 「推进“独角兽企业加速计划”，建立……，为……提供……」「转变项目支持方式，推动由……」: what is done
        # under the term, right after it
        if not items_only and (pos == 0 or _UNDERTAKES.search(c[max(0, pos - 4) : pos].rstrip('"'))) and after.startswith(",") and (
                len(re.split(r"[;。]", after)[0]) >= 16):
            return True
        # 「形成了“创E+”、“E9”等一批创业孵化品牌」: the term is one of a kind the sentence names
        if not items_only and _OF_A_KIND.match(after):
            return True
    return False


_A_BATCH = r"等(?:一批|一系列|多个|若干)"  # 「……等一批创业孵化品牌」: things of one kind, named
_OF_A_KIND = re.compile(r'"?(?:、"?[^、,;。"]{1,12}"?)*' + _A_BATCH + r"[\u4e00-\u9fff]{2,12}")


_UNDERTAKES = re.compile(r"(?:推进|实施|开展|启动|建立|推动|落实|深化|探索|完善)$")


def names_term(sentence: str, term: str) -> bool:
    """「“朝阳通”政务服务平台」: a quoted name right before the term is the term's name."""
    c, t = canonical(sentence), canonical(term)
    return bool(t) and any(pos > 2 and c[pos - 1] == '"' for pos in find_all(c, t))


def bigrams(text: str) -> set[str]:
    c = re.sub(r"[^\u4e00-\u9fffa-z0-9]", "", canonical(text))
    return {c[i : i + 2] for i in range(len(c) - 1)}


def bigram_share(grams: set[str], sentence: str) -> float:
    if not grams:
        return 0.0
    return len(grams & bigrams(sentence)) / len(grams)


def has_unit(text: str, unit: str) -> bool:
    """Does the text give a figure in ``unit`` (counters 个/家/所/项… count as one family)?"""
    family = next((f for f in UNIT_FAMILIES if unit in f), {unit})
    if unit in COUNTERS:
        family = COUNTERS
    pattern = "|".join(re.escape(u) for u in sorted(family, key=len, reverse=True))
    return bool(re.search(rf"\d[\d.\s—\-～~至到]*(?:左右|以上|余|多)?(?:万|亿|千|百)?(?:{pattern})|[（(](?:{pattern})[)）]", text))


def row_columns(row: str, context: str) -> tuple[list[str], list[str], int | None, int | None]:
    """Header names, cells, and the indicator-name and value columns of a table row (None when unknown)."""
    names = [h.strip() for h in context.split("\n")[-1].split("|")]
    cells = [c.strip() for c in row.split("|")]
    if len(names) != len(cells):
        return names, cells, None, None
    return names, cells, *indicator_columns(names)


def indicator_columns(header: list[str]) -> tuple[int | None, int | None]:
    """The indicator-name and value columns of an indicator table's header (None when absent)."""
    name_col = next((i for i, n in enumerate(header) if "指标" in n and "一级" not in n), None)
    value_col = next((i for i, n in enumerate(header) if "目标" in n or "值" in n), None)
    return name_col, value_col


def row_value(row: str, context: str) -> str:
    """The value cell of an indicator-table row (the whole row when the columns are unknown)."""
    _, cells, _, value_col = row_columns(row, context)
    return cells[value_col] if value_col is not None else row


def table_row_sentence(row: str, context: str) -> str:
    """A table row as a sentence, cells verbatim:
    「PCT国际专利申请量（件）：2025年目标值15000件（一级指标：国际创新；序号：2；属性：预期性）」."""
    names, cells, name_col, value_col = row_columns(row, context)
    if len(names) != len(cells):
        return row
    if name_col is None or value_col is None:
        return "；".join(f"{n}：{c}" for n, c in zip(names, cells))
    rest = "；".join(f"{n}：{c}" for i, (n, c) in enumerate(zip(names, cells)) if i not in (name_col, value_col))
    value = cells[value_col]
    unit = re.search(r"[（(]([^（）()]{1,4})[）)]$", cells[name_col])
    if unit and re.fullmatch(r"\d+(?:\.\d+)?", value):  # 「国家级高新技术企业（家）」 5200 → 5200家
        value += unit.group(1)
    return f"{cells[name_col]}：{names[value_col]}{value}" + (f"（{rest}）" if rest else "")


# verbs whose object a question asks for (「依托哪个园区」「聚焦哪些领域」「围绕哪三个功能区」)
_SLOT_VERBS = "依托 依靠 聚焦 围绕 瞄准 面向 落户 设立 引进 搭建 组建".split()  # (not 开展/实施/发展: they take anything)
_SLOT = re.compile(rf"({'|'.join(_SLOT_VERBS)})(?:的是|的)?(?:哪些|哪[几两二三四五六七八九十][个项条种类家所大]?|哪[个项条种类家所]|什么|[两二三四五六七八九十][个项条种类家所大])"
                   r"((?:(?![又还来呢吗是有])[\u4e00-\u9fff]){1,6})")
# 「以什么为核心」: the slot is what stands between 以 and 为核心
_FRAME = re.compile(r"以(?:什么|啥|哪些|哪个|哪几个)(?:作)?为(?:[\u4e00-\u9fff]{1,4}的)?([\u4e00-\u9fff]{1,4}?)(?=[来，,？?]|$|建设|发展|推进)")


def asked_slot(question: str) -> tuple[str, str] | None:
    """(verb, the last character of the kind asked) when a question asks for the object of a verb
    (「依托哪个园区发展」 → 依托, 区园: a 园区 may be a 园); for 「以什么为核心」 → 以, 为核心 (what must follow)."""
    framed = _FRAME.search(question)
    if framed:
        return "以", "为" + framed.group(1)
    m = _SLOT.search(question)
    kind = re.split(r"发展|建设|落地|布局|开展|构筑|构建|打造|推进|形成|方面|[来上中里的]", m.group(2))[0] if m else ""
    return (m.group(1), kind[-1] + ("园" if kind.endswith("园区") else "")) if kind else None


def fills_slot(sentence: str, verb: str, heads: str) -> bool:
    """The sentence names a thing of that kind right after the verb (「依托国际种业园」 fills 依托哪个园区;
    「以建设大科学装置为核心」 fills 以什么为核心)."""
    if heads.startswith("为"):
        return bool(re.search(rf"{verb}[^,;。:]{{1,20}}{heads}", canonical(sentence)))
    return bool(re.search(rf"{verb}[^,;。:]{{0,16}}?[{heads}]", canonical(sentence)))


# lists in a plan sentence: 「A、B、C等一批项目」, items before a kind (「A、B、C……」「A—B—C……」 to the clause end),
# items before a kind lists are made of (「……等前沿领域」「五大方面」)
_OF_KIND = re.compile(r"(?:、[^、，。；]{1,40}){2,}" + _A_BATCH + r"([^，。；]{1,12})")
_ENUMERATION = re.compile(r"(?:[、—][^、—，。；]{1,12})+[^、—，。；]{0,16}(?=[，。；]|$)")
_SPELLS_OUT = re.compile(r"(?:、[^、，。；]{1,12}){2,}(?:等|[两三四五六七八九十\d]+(?:大|个|项|条|类|种)?(?:方面|领域|方向|任务|行动|工程|板块|重点))")


def spells_out(sentence: str, words: set[str]) -> int:
    """How surely the sentence enumerates what is asked: 2 for items 「等一批项目」 of a kind the question
    names, however long; 1 for short items right before such a kind (「A、B、房山区三大新能源汽车产业基地」)
    or before a kind lists are made of (「A、B、C等前沿领域」); else 0."""
    if any(any(w in canonical(m.group(1)) for w in words) for m in _OF_KIND.finditer(sentence)):
        return 2
    for m in _ENUMERATION.finditer(sentence):
        last = re.split("[、—]", m.group())[-1]
        separators = len(re.findall("[、—]", m.group())) + bool(re.search("和|与|及", last))  # 「A、B和C国家实验室建设」
        if separators >= 2 and any(w in canonical(last) for w in words):
            return 1
    return int(bool(_SPELLS_OUT.search(sentence)))


def names_other_holder(question: str, sentence: str, context: str, key: dict[str, float], alts: dict[str, list[str]], names: str) -> bool:
    """The sentence gives the asked figure for another holder: 「中关村示范区的增加值」 asked,
    「科技服务业增加值1820.6亿元」 stated (the question's holder nowhere in the sentence). Places
    and plans are no holders: a sentence deep in a plan does not repeat them."""
    q, s = canonical(question), canonical(sentence)
    said = bigrams(s + " " + context)  # 「纯电动车」 is said by 「纯电动汽车」: any two characters of it will do
    for noun in key:
        if len(noun) < 2 or noun not in q or noun not in s:
            continue
        before = q[max(0, q.find(noun) - 8) : q.find(noun)]
        holders = [w for w in key if w != noun and w in before and w not in noun and w not in names]  # not 北京, 朝阳
        if not holders or any(bigrams(w) & said or any(canonical(a) in s for a in alts.get(w, ())) for w in holders):
            continue
        if re.fullmatch(r"[\u4e00-\u9fff]{2}", s[max(0, s.find(noun) - 2) : s.find(noun)]):
            return True
    return False


def states_fund_amount(question: str, sentence: str) -> bool:
    """The sentence gives the amount of the fund the question names last, right after its name (「设立……引导基金10亿元」
    for 「引导基金规模多大」, not for 「依托引导基金设立的数字经济投资子基金规模多大」)."""
    funds = re.findall(r"([\u4e00-\u9fff]{2})基金", question)
    return bool(funds) and bool(re.search(re.escape(funds[-1]) + r"基金\d+(?:\.\d+)?(?:万亿|亿|万)?元", canonical(sentence)))
