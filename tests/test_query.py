"""Query understanding: question type, aliases, which plan a question points at."""

from __future__ import annotations

from planqa.query import (
    ALIASES,
    analyze,
    ask_parts,
    compare_parts,
    doc_preferences,
    expansions,
    find_places,
    names_own_kind,
    question_type,
)
from planqa.schema import DocMeta

METAS = {
    "fu.txt": DocMeta("fu.txt", "北京城市副中心科技创新行动计划（2024-2026年）", period="2024-2026", region="北京城市副中心（通州区）",
                      kind="行动计划", aliases=("城市副中心", "副中心", "通州", "三量齐升")),
    "cy.txt": DocMeta("cy.txt", "朝阳区“十四五”时期科技创新发展规划", period="2021-2025", region="朝阳区", kind="规划",
                      aliases=("朝阳区", "朝阳")),
    "bj13.txt": DocMeta("bj13.txt", "北京市“十三五”时期加强全国科技创新中心建设规划", period="2016-2020", region="北京市",
                        kind="规划", aliases=("北京市", "北京")),
}


def test_question_types():
    assert question_type("副中心到2026年国家级创新平台要达到多少家？") == "number"
    assert question_type("五大行动有哪些？") == "list"
    assert question_type("京津冀协同创新要构建哪三类平台？") == "list"
    assert question_type("对大数据交易所2025年的交易额定了什么目标？") == "number"  # a measure's target is a figure
    assert question_type("“11311工作体系”这五个数字分别代表什么？", allow_compare=False) == "definition"
    assert question_type("规划提到“新三板”，它的正式名称是什么？") == "definition"
    assert question_type("京津冀协同创新的三大机制分别是什么？", allow_compare=False) == "list"
    assert question_type("三城一区是指什么？") == "definition"
    assert question_type("朝阳区规划由哪个部门牵头？") == "fact"
    assert question_type("十三五和十四五的目标相比有什么变化？") == "compare"
    assert question_type("朝阳说的“一地三中心”具体指啥？") == "definition"
    assert question_type("协同创新的三类平台分别叫啥？") == "list"  # the parts of a counted name
    assert question_type("三量齐升里的五大行动分别叫什么？") == "list"
    # 持股比例 names the topic; 哪类机构、在哪里 is what is asked
    assert question_type("放宽外资持股比例的试点，是针对哪类机构、在哪里开展？") == "fact"
    assert question_type("朝阳科技领域目前还存在哪几方面突出问题？") == "list"  # 存在哪…: no 在哪
    assert question_type("副中心研发投入到2026年的目标是啥") == "number"  # the target of a spending is a figure
    assert question_type("规划的范围是只管几个园区，还是覆盖整个副中心？") == "fact"  # a choice, not a count


def test_aliases_expand_what_users_type():
    ex = expansions("副中心研发强度多少")
    assert "城市副中心" in ex and "研究与试验发展" in ex
    assert "高新技术企业" in expansions("高企有多少家")
    # 「占北京地区生产总值的24.2%」 states a 比重 without the word
    assert all("占" in ALIASES[w] for w in ("比重", "比例", "占比"))
    assert "形式" in ALIASES["方式"] and "方式" in ALIASES["形式"]  # 项目组织方式 / 新型项目组织形式
    assert "R&D" in ALIASES["投入"]  # 「全区R&D相比2023年力争实现倍增」: the plans' R&D is the spending


def test_places_periods_and_years_point_at_plans():
    prior, periods, years, places = doc_preferences("朝阳区十四五期间PCT专利目标", METAS)
    assert prior["cy.txt"] == 1.0 and prior["fu.txt"] == 0.0 and prior["bj13.txt"] == 0.0
    assert periods == ["十四五"] and places == ["朝阳区"]
    prior, _, years, _ = doc_preferences("到2026年副中心要建成多少平台", METAS)
    assert years == [2026] and prior["fu.txt"] == 1.0 and prior["cy.txt"] == 0.0
    # a year no plan covers (a 2035 vision) points at none of them and does not dilute the rest
    prior, _, years, _ = doc_preferences("朝阳十四五规划对2035年提出了什么远景目标", METAS)
    assert years == [2035] and prior["cy.txt"] == 1.0


def test_comparison_splits_into_one_sub_question_per_plan():
    parts = compare_parts("十三五和十四五时期研发强度目标分别是多少", METAS)
    assert [docs for _, docs in parts] == [["bj13.txt"], ["cy.txt"]]
    assert parts[0][0].startswith("十三五") and "研发强度目标" in parts[0][0]  # the shared ask is borrowed
    parts = compare_parts("副中心三量齐升行动计划和朝阳区的规划期限各是哪几年？", METAS)
    assert [docs for _, docs in parts] == [["fu.txt"], ["cy.txt"]]
    # typed spaces and vs part clauses like commas; a borrowed ask leaves its plan's scope behind
    parts = compare_parts("研发投入强度 副中心行动计划目标和北京十三五全市目标对比", METAS)
    assert [docs for _, docs in parts] == [["fu.txt"], ["bj13.txt"]]
    assert all("研发投入强度" in text for text, _ in parts) and "全市" not in parts[0][0]
    assert [docs for _, docs in compare_parts("专利拥有量 十三五北京定的目标 vs 朝阳十四五目标", METAS)] == [["bj13.txt"], ["cy.txt"]]
    # 「……全区目标，各是多少」: the later part asks the first part's topic (a long one: not 「总体」)
    parts = compare_parts("北京十三五科创规划定的全市公民科学素养达标率目标，和朝阳十四五规划的全区目标，各是多少？", METAS)
    assert "公民科学素养达标率" in parts[1][0] and parts[1][1] == ["cy.txt"]
    # 「北京全市」 names the city's plan though 北京 and 全市 alone are only scopes
    parts = compare_parts("2015年底北京全市的万人发明专利拥有量，和朝阳区十四五规划里说的朝阳的，各是多少？", METAS)
    assert [docs for _, docs in parts] == [["bj13.txt"], ["cy.txt"]]
    # 「从A的……到B的……」 names two plans; 「讲到B」 only mentions one
    parts = compare_parts("从十三五的“三大科技城”到十四五的“三城一区”，构成有什么变化？", METAS)
    assert [docs for _, docs in parts] == [["bj13.txt"], ["cy.txt"]] and "三城一区" not in parts[0][0]
    assert compare_parts("副中心行动计划里讲到十四五期间，通州的高企达到了几家？", METAS) == []
    # two clauses naming the same plan are one part; a place that is not a plan does not split
    assert compare_parts("朝阳区十四五规划里，朝阳准备和怀柔科学城合作建什么？", METAS) == []
    assert compare_parts("副中心三量齐升计划中，通州的孵化器有多少家？", METAS) == []
    # 「十三五末」 dates a figure in the 朝阳 plan, it is not the 十三五 plan
    assert compare_parts("朝阳区十四五规划中，每万人发明专利拥有量十三五末有多少，到2025年目标是多少？", METAS) == []


def test_each_plan_keeps_its_own_ask_and_shares_the_topic():
    parts = compare_parts("北京十三五规划里，2015年技术合同成交额占全国多少？朝阳十四五规划里，2020年朝阳占全市多少？", METAS)
    assert "占全国" in parts[0][0] and "占全国" not in parts[1][0] and "占全市" in parts[1][0]
    parts = compare_parts("高企数量目标：朝阳十四五规划和副中心三量齐升计划分别定了多少？", METAS)
    assert all("高企数量目标" in text and "定了多少" in text for text, _ in parts)  # 分别 is dropped: it asks nothing
    # a later ask with no topic of its own takes the first one's, without its place or plan words
    parts = compare_parts("北京十三五规划里2015年技术合同成交额多少？朝阳十四五规划说2020年朝阳的又是多少？", METAS)
    assert "技术合同成交额" in parts[1][0] and "北京" not in parts[1][0]
    parts = compare_parts("十三五规划里基础研究经费占比目标是多少？副中心三量齐升计划说实际做到多少？", METAS)
    assert "基础研究经费" in parts[1][0]
    parts = compare_parts("北京十三五规划说2015年每万人发明专利拥有量是多少？朝阳十四五规划说2020年朝阳这个数是多少？", METAS)
    assert "发明专利拥有量" in parts[1][0]  # 「这个数」 points back to the first ask's topic
    parts = compare_parts("北京十三五规划说全市国际科技合作基地有多少家？朝阳十四五规划里朝阳有多少家、占全市多少？", METAS)
    assert "国际科技合作基地" in parts[1][0]  # 全市 is a scope, not a topic of its own
    parts = compare_parts("北京十三五规划、朝阳十四五规划里在孵企业数量分别是多少家？", METAS)
    assert parts[1][0].count("在孵企业") == 1  # it has a topic of its own


def test_plans_named_side_by_side_share_the_rest_of_the_question():
    parts = compare_parts("未来产业这块，朝阳十四五科技规划和副中心三量齐升计划各自聚焦哪些方向？", METAS)
    assert [docs for _, docs in parts] == [["cy.txt"], ["fu.txt"]]
    assert all("未来产业" in text and "聚焦哪些方向" in text for text, _ in parts)
    assert "计划" not in parts[0][0] and "规划" not in parts[1][0]  # no part keeps a piece of the other plan's name
    # what stands before the row of plans is asked of each of them too
    parts = compare_parts("北京国际设计周在十三五科创中心规划和副中心三量齐升计划里分别扮演什么角色？", METAS)
    assert [docs for _, docs in parts] == [["bj13.txt"], ["fu.txt"]]
    assert all("北京国际设计周" in text and "扮演什么角色" in text for text, _ in parts)


def test_asked_unit_target_and_content():
    class Keyword:  # analyze only needs query terms from the keyword index
        @staticmethod
        def query_terms(text, weight=1.0):
            return {}

    q = analyze("到2026年副中心要建成多少家国家级创新平台？", METAS, Keyword)
    assert q.qtype == "number" and q.asked_unit == "家" and q.wants_target
    assert "多少" not in q.content and "国家级创新平台" in q.content
    assert not analyze("截至2020年底朝阳已有多少家高企？", METAS, Keyword).wants_target
    assert analyze("朝阳现在有多少家高企？", METAS, Keyword).wants_current and not q.wants_current
    assert analyze("十四五末朝阳国家级高企要达到多少家？", METAS, Keyword).wants_target  # the end of its own period
    assert not analyze("十四五末朝阳国家级高企要发展到多少家？", METAS, Keyword).wants_current  # 要发展到 aims
    assert analyze("朝阳区十四五期间，市级科普基地要发展到多少家？", METAS, Keyword).wants_target
    q = analyze("公民科学素质这个指标，两份文件叫法一样吗？", METAS, Keyword)  # asks about the wording
    assert "科学素质" in q.content and not any(w in q.content for w in ("两份", "叫法", "一样"))
    q = analyze("朝阳区十四五科技规划第五部分保障措施，一共有哪几条？", METAS, Keyword)
    assert "保障措施" in q.content and "第五部分" not in q.content and "共有" not in q.content
    assert analyze("哪家企业负责建设孵化器？", METAS, Keyword).qtype == "fact"
    q = analyze("校企联合实验室、新型研发机构这类载体要有多少家？", METAS, Keyword)  # the user's label for the kind
    assert "载体" not in q.content and "新型研发机构" in q.content
    q = analyze("校企联合实验室和新型研发机构这类平台到2026年要达到几家？", METAS, Keyword)
    assert "平台" not in q.content  # the label ends before 到2026年
    assert not analyze("十二五期间中关村企业一共牵头制定了多少项国际标准？", METAS, Keyword).wants_target  # 制定了 is no 定了
    assert "智能建造园区" in analyze("未来设计园这些智能建造园区依托哪里来建？", METAS, Keyword).content  # 能 in 智能 ends no label


def test_several_asks_split_into_sub_questions():
    parts = ask_parts("北京十三五规划中，万人发明专利拥有量2015年底是多少，2020年目标是多少？", METAS)
    assert len(parts) == 2 and "2015年底是多少" in parts[0]
    assert "万人发明专利拥有量" in parts[1] and "2020年目标" in parts[1] and "2015" not in parts[1]  # the topic is borrowed
    parts = ask_parts("朝阳十四五规划对专精特新中小企业和新增科技类上市企业分别定了多少目标？", METAS)
    assert "专精特新中小企业" in parts[0] and "新增科技类上市企业" in parts[1] and "朝阳" in parts[1]
    assert ask_parts("副中心到2026年国家级创新平台要达到多少家？", METAS) == []
    # 「……有几家？朝阳十四五科技规划里怎么说的」 says where to look: one ask
    assert ask_parts("2020年朝阳区创业孵化机构有几家？朝阳十四五科技规划回顾里怎么说", METAS) == []
    assert ask_parts("到2026年要初步建成一个什么样的高地？原文原话是什么？", METAS) == []  # every answer quotes
    assert ask_parts("朝阳规划里要建哪几个“大脑”？各自干什么用？", METAS) == []  # what each item does: one ask


def test_a_later_ask_with_its_own_topic_does_not_borrow():
    parts = ask_parts("行动计划要求每年举办多少场招商活动？市级孵化器要引进培育几家？", METAS)
    assert "招商活动" in parts[0] and "招商" not in parts[1] and "市级孵化器" in parts[1]
    parts = ask_parts("朝阳技术合同成交额2020年是多少，占全市多大比例？", METAS)
    assert "技术合同成交额" in parts[1]  # 「占全市多大比例」 names no topic of its own
    parts = ask_parts("解读里北京在创新指数里排第几？创业生态系统报告呢？", METAS)
    assert len(parts) == 2 and parts[1].endswith("创业生态系统报告排第几")


def test_figures_asked_in_a_row_are_separate_asks():
    parts = ask_parts("朝阳区技术合同成交额2020年是多少、占全市多大比例？到2025年要达到多少？", METAS)
    assert len(parts) == 3 and "技术合同成交额" in parts[2] and "比例" not in parts[2]
    assert ask_parts("到2026年校企联合实验室、新型研发机构要达到几家？", METAS) == []  # one figure of two things


def test_an_overview_ask_before_the_figures_is_answered_by_them():
    parts = ask_parts("行动计划在企业上市和高企培育方面定了什么数？上市挂牌企业要超过几家，高企培育库每年在库多少家？", METAS)
    assert len(parts) == 2 and parts[0].endswith("上市挂牌企业要超过几家") and parts[1].endswith("高企培育库每年在库多少家")
    parts = ask_parts("三量齐升计划对上市挂牌企业有啥目标？高企培育库每年要有多少家在库？", METAS)
    assert len(parts) == 2 and "上市挂牌企业有啥目标" in parts[0]  # a target of its own, not an overview


def test_a_later_ask_keeps_the_plan_the_first_one_names():
    parts = ask_parts("副中心行动计划的意见反馈截止到哪天？通过什么渠道提交？", METAS)
    assert len(parts) == 2 and "副中心" in parts[1] and parts[1].endswith("通过什么渠道提交")
    parts = ask_parts("朝阳十四五规划里孵化器有多少家？三量齐升计划要引进几家市级孵化器？", METAS)
    assert "朝阳" not in parts[1]  # a later ask naming its own plan keeps to it
    parts = ask_parts("《战略行动计划》是什么时候发布的？部市推进的是什么工程？", METAS)
    assert parts[1] == "部市推进的是什么工程"  # a plan kind inside another document's title names no plan


def test_asked_units_towns_and_money():
    class Keyword:
        @staticmethod
        def query_terms(text, weight=1.0):
            return {}

    assert analyze("三量齐升计划各要落地多少场景？", METAS, Keyword).asked_unit == ""  # 场景 is not the unit 场
    assert analyze("要建多少项目？", METAS, Keyword).asked_unit == ""
    q = analyze("每个高精尖创新中心给多少经费支持？", METAS, Keyword)
    assert q.qtype == "number" and q.asked_unit == "元"
    assert find_places("宋庄镇重点发展什么产业？") == ["宋庄镇"] and find_places("城乡统筹") == []
    assert find_places("行动计划里按乡镇划分的产业布局") == []  # 乡镇 in general is no town


def test_a_place_shared_by_two_plans_is_asked_of_both():
    metas = {**METAS, "fu15.txt": DocMeta("fu15.txt", "北京城市副中心（通州区）“十五五”时期科技创新发展规划起草说明",
                                          period="2026-2030", region="北京城市副中心（通州区）", kind="起草说明",
                                          aliases=("城市副中心", "副中心", "通州", "起草说明"))}
    parts = compare_parts("中关村改革措施在副中心怎么落，十五五规划起草说明和三量齐升行动计划的措辞分别是什么？", metas)
    assert [docs for _, docs in parts] == [["fu15.txt"], ["fu.txt"]]
    assert all("中关村改革措施" in text for text, _ in parts)  # the topic goes to both, not to the first only
    parts = compare_parts("副中心十五五规划起草说明和三量齐升行动计划，各自给副中心定的总体目标是什么？", metas)
    assert [docs for _, docs in parts] == [["fu15.txt"], ["fu.txt"]] and all("总体目标" in text for text, _ in parts)


def test_a_kind_of_document_named_points_only_at_plans_of_that_kind():
    metas = {**METAS, "jd.txt": DocMeta("jd.txt", "北京国际科技创新中心建设“十四五”时期规划解读", period="2021-2025",
                                        region="北京市", kind="解读")}
    prior, *_ = doc_preferences("十四五规划解读里，到2025年研发投入强度的目标是多少？", metas)
    assert prior["jd.txt"] == 1.0 and prior["cy.txt"] < 1.0
    assert find_places("“一南一北”产业格局涉及哪些区？") == []  # 哪些区 is not a place
    assert find_places("张家湾、西集两个镇依托什么载体？") == []  # 两个镇 counts towns, it names none


def test_lead_ins_and_past_years_do_not_steer():
    class Keyword:
        @staticmethod
        def query_terms(text, weight=1.0):
            return {}

    q = analyze("我在写材料，想确认一下：朝阳高企有多少家？", METAS, Keyword)
    assert q.text == "朝阳高企有多少家？"
    assert analyze("请问，朝阳高企有多少家？", METAS, Keyword).text == "朝阳高企有多少家？"
    # a long lead-in with its own topic words, before a colon or a 「想……一下，」
    long = "我在起草科技服务业发展情况的汇报材料，想核实一下：朝阳高企有多少家？"
    assert analyze(long, METAS, Keyword).text == "朝阳高企有多少家？"
    assert analyze("我在整理数据，想确认一下，朝阳高企有多少家？", METAS, Keyword).text == "朝阳高企有多少家？"
    assert analyze("我们在对标市级产业布局，朝阳高企有多少家？", METAS, Keyword).text == "朝阳高企有多少家？"
    assert analyze("朝阳高企有多少家？谢谢！", METAS, Keyword).text == "朝阳高企有多少家？"  # a sign-off too
    for said in ("领导让我查一下，朝阳高企有多少家？", "我想知道朝阳高企有多少家？", "朝阳高企有多少家？急用，麻烦尽快。"):
        assert analyze(said, METAS, Keyword).text == "朝阳高企有多少家？", said
    assert analyze("朝阳高企有多少家?2020年呢", METAS, Keyword).text.endswith("2020年呢")  # a second ask stays
    # a plan named only in the lead-in is kept; a colon inside the question itself is no lead-in
    assert analyze("我在写朝阳的材料，想问：高企有多少家？", METAS, Keyword).text.startswith("朝阳")
    assert analyze("朝阳规划里提到：“两区”是什么意思？", METAS, Keyword).text == "朝阳规划里提到：“两区”是什么意思？"
    # a past year may be reported in a later plan's review; a target year names the plan's period
    assert analyze("基础研究占比2019年提到了多少？", METAS, Keyword).named_docs == []
    assert analyze("到2020年孵化器要达到多少家？", METAS, Keyword).named_docs == ["bj13.txt"]


def test_a_plan_kind_names_our_plan_only_when_nothing_else_owns_it():
    assert names_own_kind("三量齐升行动计划里孵化器要引进几家？", "行动计划", METAS)
    assert names_own_kind("这个行动计划的考核怎么做？", "行动计划", METAS)
    assert names_own_kind("十四五规划解读里说了什么？", "解读", METAS)
    assert not names_own_kind("科技冬奥行动计划贯彻什么理念？", "行动计划", METAS)  # another document
    assert not names_own_kind("《战略行动计划》是何时发布的？", "行动计划", METAS)
    prior, *_ = doc_preferences("科技冬奥行动计划贯彻什么理念？", METAS)
    assert len(set(prior.values())) <= 1  # it points at no plan in particular


def test_money_asked_with_a_modifier():
    class Keyword:
        @staticmethod
        def query_terms(text, weight=1.0):
            return {}

    assert analyze("科技冬奥行动计划一共安排了多少专项资金？", METAS, Keyword).asked_unit == "元"


def test_a_word_the_plans_never_use_is_searched_as_their_wording():
    class Keyword:
        @staticmethod
        def query_terms(text, weight=1.0):
            return {text: weight}

        @staticmethod
        def knows(word):
            return word not in ("高企", "国际科创中心")

    q = analyze("十三五规划里高企有几家？", METAS, Keyword, expand=False)
    assert "高新技术企业" in q.expanded and q.terms["高新技术企业"] == 0.5
    assert analyze("十三五规划里研发经费有多少？", METAS, Keyword, expand=False).expanded == "十三五规划里研发经费有多少？"
    metas = {**METAS, "jd.txt": DocMeta("jd.txt", "北京国际科技创新中心建设“十四五”时期规划解读", period="2021-2025",
                                        region="北京市", kind="解读")}
    assert "国际科技创新中心" not in analyze("国际科创中心规划里高企有几家？", metas, Keyword, expand=False).expanded
