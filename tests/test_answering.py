"""Extractive answers on the tiny corpus: verbatim cited sentences, lists, comparisons, refusals."""

from __future__ import annotations


def cited_text(answer, engine):
    return [engine.index.documents[c.doc].text[c.start : c.end] for c in answer.citations]


def test_number_answer_quotes_the_sentence_with_the_figure(tiny_engine):
    a = tiny_engine.ask("乙区到2026年技术合同成交额要突破多少？")
    assert not a.refused and a.qtype == "number"
    assert "80亿元" in a.text and "[1]" in a.text
    c = a.citations[0]
    assert c.quote == cited_text(a, tiny_engine)[0] and "80亿元" in c.quote
    assert c.doc == "b_乙区计划.txt" and c.section == "一、总体要求" and c.page is None


def test_list_question_enumerates_the_sub_sections(tiny_engine):
    a = tiny_engine.ask("乙区行动计划的主要行动有哪些？")
    assert not a.refused
    assert [c.quote for c in a.citations] == ["（一）实施平台提升行动", "（二）实施企业培育行动", "（三）实施人才集聚行动"]
    assert "[3]" in a.text


def test_definition_answer(tiny_engine):
    a = tiny_engine.ask("丙市规划里“两城一带”是指什么？")
    assert not a.refused and "科学城、创新城和沿河创新带" in a.citations[0].quote


def test_comparison_cites_each_plan(tiny_engine):
    a = tiny_engine.ask("丙市十三五规划的研发投入目标和十四五规划解读里的基础研究投入占比分别是多少？")
    docs = {c.doc for c in a.citations}
    assert {"c_全市规划.txt", "d_解读.txt"} <= docs


def test_refusal_when_the_year_or_place_is_not_covered(tiny_engine):
    a = tiny_engine.ask("甲区到2035年国家级高新技术企业要达到多少家？")
    assert a.refused and a.citations == [] and a.nearest
    assert a.text.startswith("已收录的规划文件中没有找到") and "2035" in a.text
    b = tiny_engine.ask("戊区的研发投入强度目标是多少？")
    assert b.refused


def test_every_citation_is_an_exact_span(tiny_engine):
    for q in ("甲区要引进多少领军人才？", "乙区保障措施有哪些？", "甲区十五五规划期限是哪几年？"):
        a = tiny_engine.ask(q)
        for c in a.citations:
            assert tiny_engine.index.documents[c.doc].text[c.start : c.end] == c.quote


def test_list_of_principles_from_paragraph_leads(real_engine):
    a = real_engine.ask("北京十三五科创中心规划提出了哪些基本原则？")
    assert not a.refused and "坚持全面改革" in a.text and "坚持开放合作" in a.text
    assert all(c.quote.startswith("坚持") for c in a.citations)


def test_a_sentence_spelling_out_the_items_beats_unrelated_headings(real_engine):
    a = real_engine.ask("十三五科创中心规划要从哪几个方面推动科技服务业发展？")
    assert not a.refused and "技术支撑、创业支持" in a.citations[0].quote


def test_number_answers_need_the_quoted_term_and_a_new_figure(real_engine):
    quoted = real_engine.ask("三量齐升行动计划里，到2026年“小巨人”企业要达到多少家？")
    assert quoted.refused and "小巨人" in quoted.text
    circular = real_engine.ask("朝阳十四五规划说建成国家和省部级重点实验室175个，其中国家重点实验室有几个？")
    assert circular.refused


def test_two_figures_asked_get_two_cited_sentences(real_engine):
    a = real_engine.ask("北京十三五科创中心规划中，万人发明专利拥有量2015年底是多少，到2020年要达到多少？")
    assert not a.refused and len(a.citations) == 2
    assert "61.3" in a.text and "80" in a.text


def test_the_measure_asked_for_must_be_in_the_answer(real_engine):
    a = real_engine.ask("十三五科创规划提出到2020年北京新能源汽车推广应用多少万辆？")
    assert a.refused  # the plan gives production capacity (产能50万辆), not a number of vehicles in use
    b = real_engine.ask("朝阳十四五规划的主要指标里，外资研发机构占全市比例2025年要到多少？")
    assert not b.refused and "35%" in b.text  # 比例 is answered by a share (「在全市占比（%）」)
    c = real_engine.ask("十三五时期北京生物医药G20工程，要培育几家规模50亿元以上的龙头企业？")
    assert not c.refused and "5家以上" in c.text.replace(" ", "")  # 龙头企业 = the plan's 领军企业


def test_the_phrase_asked_about_picks_the_sentence(real_engine):
    # 「哪些科普引领工程」: the sentence listing the 引领工程 beats the lead that repeats the question
    a = real_engine.ask("十三五科创规划为了提升公众科学素养，打算实施哪些科普引领工程？")
    assert not a.refused and "科普及民生" in a.citations[0].quote


def test_list_from_paragraph_leads_after_an_introduction(real_engine):
    a = real_engine.ask("十三五科创规划里京津冀协同创新试点有哪几种？")
    quotes = [c.quote for c in a.citations]
    assert len(quotes) == 4 and all(q.startswith("开展") for q in quotes)
    assert "1. 开展先行先试政策推广试点。[1]" in a.text


def test_a_table_row_gives_way_to_the_sentence_with_the_same_value(real_engine):
    a = real_engine.ask("朝阳十四五规划里国家级高企2025年目标多少家？")
    assert not a.refused and "国家级高新技术企业数量达5200家" in a.citations[0].quote
    assert "|" not in a.citations[0].quote  # not the indicator-table row


def test_beijing_opening_a_name_is_not_the_city(real_engine):
    # 「北京国际创投集聚区」 is in the 朝阳 plan; 北京 here does not ask for the city's plan
    a = real_engine.ask("北京国际创投集聚区已经有哪些高成长中心？")
    assert not a.refused and "高瓴、红杉" in a.citations[0].quote


def test_an_exchange_is_an_organisation(real_engine):
    a = real_engine.ask("朝阳的数字贸易生态以哪家机构为核心？")
    assert not a.refused and "北京国际大数据交易所" in a.citations[0].quote


def test_rd_intensity_is_the_share_of_gdp(real_engine):
    # 研发投入强度 is R&D spending over GDP, not 企业研发投入占销售收入的比重
    a = real_engine.ask("北京十三五规划中2015年研发投入强度是多少？到2020年的目标又是多少？")
    assert "5.95%" in a.text and "6.0%左右" in a.text and "1.3%" not in a.text


def test_a_place_asked_about_opening_the_sentence_wins(real_engine):
    a = real_engine.ask("十三五科创规划里京津冀分工中天津要打造什么？")
    assert a.citations[0].quote.startswith("天津市重点提高")


def test_the_purpose_statement_answers_only_why(real_engine):
    a = real_engine.ask("三量齐升计划对全区研发投入有什么要求？")
    assert all("特制定本行动计划" not in c.quote for c in a.citations)
    b = real_engine.ask("三量齐升行动计划是为了什么目的制定的？")
    assert not b.refused and "特制定本行动计划" in b.citations[0].quote


def test_list_of_sentences_after_a_short_lead(real_engine):
    a = real_engine.ask("朝阳的城市智慧大脑包括哪几个“大脑”？")
    assert [c.quote[:8] for c in a.citations] == ["建设城市管理大脑", "建设城市经济大脑", "建设城市安全大脑"]
    assert "“加强建设城市智慧大脑”包括以下3项" in a.text


def test_a_plan_name_is_not_an_asked_scope(real_engine):
    # 「全国科创中心规划」 names the plan; 全国 is not asked against the sentence's 全市
    a = real_engine.ask("全国科创中心规划里公民科学素养达标率目标是多少？")
    assert not a.refused and "24%" in a.text


def test_who_holds_a_post_needs_a_person(real_engine):
    a = real_engine.ask("朝阳区科技创新改革建设领导小组组长由谁担任？")
    assert a.refused  # the plan names the group, not its head
    b = real_engine.ask("三量齐升行动计划在组织领导上，由谁来挂帅推进？")
    assert not b.refused and "由分管区领导挂帅" in b.text  # a leader in charge answers 由谁


def test_rd_intensity_is_not_answered_by_another_share(real_engine):
    a = real_engine.ask("朝阳十四五规划里全社会研发投入强度2025年目标是多少？")
    assert a.refused  # the indicator table has 朝阳园企业研发投入强度 and industry shares of GDP only


def test_a_current_figure_is_not_answered_by_a_target(real_engine):
    a = real_engine.ask("朝阳外资研发机构现在占全市多少？")
    assert a.refused and "只有目标值" in a.text
    b = real_engine.ask("朝阳国家级高企现在有多少家？")
    assert not b.refused and "3985家" in b.text


def test_the_parts_of_a_coded_term_need_an_explanation(real_engine):
    a = real_engine.ask("朝阳规划里“1+4”科技创新政策体系的四个配套政策分别是什么？")
    assert a.refused and "1+4" in a.text  # the plan names the system, not its four policies


def test_each_part_of_a_paired_term_is_explained(real_engine):
    a = real_engine.ask("十三五规划要推广的“一站一台”合作模式，一站、一台各是什么？")  # 「，」 between term and ask
    assert not a.refused and "（一站）" in a.text and "（一台）" in a.text


def test_parts_asked_after_a_comma_need_an_explanation(real_engine):
    a = real_engine.ask("十四五规划解读里，未来科学城要推进的“两谷一园”，两谷和一园分别是什么？")
    assert a.refused and "两谷一园" in a.text  # named, never spelled out


def test_a_counted_name_is_spelled_out_by_its_sections(real_engine):
    a = real_engine.ask("三量齐升行动计划里的“实施促进创新五大行动”分别是哪五个行动？")
    assert not a.refused and len(a.citations) == 5


def test_each_character_of_a_short_term_opens_a_later_paragraph(real_engine):
    a = real_engine.ask("副中心十五五科技规划起草说明里讲的“纵横”两条核心发展思路，纵向、横向分别指什么？")
    assert not a.refused and len(a.citations) == 2
    assert "纵向以" in a.citations[0].quote and "横向围绕" in a.citations[1].quote


def test_a_quoted_character_is_not_the_term_to_explain(real_engine):
    a = real_engine.ask("通州三量齐升行动计划的“促进创新五大行动”，分别是提升哪五个“度”？")
    assert not a.refused and len(a.citations) == 5 and "“密度”" in a.text  # the five sections, not 「深度融合」
    b = real_engine.ask("三量齐升行动计划里结合的全区“四个一”招商工作机制，四个“一”具体指什么？")
    assert b.refused  # named, never spelled out


def test_a_figure_in_another_unit_is_not_the_questions_own(real_engine):
    # 「10亿元的品种」 in the question; the answer is 「5个以上」
    a = real_engine.ask("十三五规划生物医药专栏里销售额达到10亿元的品种要新增几个？")
    assert not a.refused and "5个以上" in a.citations[0].quote


def test_which_universities_needs_named_universities(real_engine):
    a = real_engine.ask("十三五规划要建的20个左右“高精尖创新中心”，具体依托哪些高校？")
    assert a.refused and "具体高校" in a.text  # 「高等学校」「中国科学院」 name no university


def test_relying_on_where_asks_a_place_and_on_which_unit_an_organisation(real_engine):
    a = real_engine.ask("副中心三量齐升计划里，未来设计园、环球建筑科创中心这些智能建造园区依托哪里来建？")
    assert not a.refused and "张家湾设计小镇" in a.citations[0].quote  # a 小镇 is a place, not a 单位
    a = real_engine.ask("三量齐升行动计划里提到的京津冀国家技术创新中心通州中心，是依托哪家单位建设的？")
    assert a.refused and "相应的单位" in a.text


def test_which_city_accepts_any_city_name(real_engine):
    a = real_engine.ask("北京跟哪个城市深化大数据产业的科技创新合作？")
    assert not a.refused and "贵阳市" in a.citations[0].quote


def test_a_sentence_answering_two_asks_is_quoted_once(real_engine):
    a = real_engine.ask("2015年底在京两院院士有多少人？大概占全国几成？")
    assert len(a.citations) == 1 and "766人" in a.text and "1/2" in a.text


def test_a_later_ask_is_answered_next_to_the_earlier_answer(real_engine):
    # 朝阳's 「国际科技合作基地60家」 scores a little higher for the second ask, but the question is about 北京's
    a = real_engine.ask("北京和多少个国家的国际技术转移机构有长期合作？市级国际科技合作基地有几家？")
    assert "40多个国家" in a.text and "370余家" in a.text and {c.doc for c in a.citations} == {a.citations[0].doc}


def test_how_often_is_answered_by_a_frequency(real_engine):
    a = real_engine.ask("三量齐升行动计划多长时间向领导小组汇报一次进展？")
    assert not a.refused and "每年" in a.text and "汇报" in a.citations[0].quote


def test_a_section_titled_by_what_is_asked_lists_its_parts(real_engine):
    a = real_engine.ask("朝阳十四五科技规划要坚持哪几条基本原则？")  # 坚持 is in every principle, not in the title
    assert not a.refused and "基本原则" in a.text and len(a.citations) == 4
    assert "创新驱动，引领发展" in a.text and "以人为本，科技赋能" in a.text
    b = real_engine.ask("副中心三量齐升行动计划保障措施部分都包括啥？")  # 部分 names where, 保障措施 what
    assert "加强组织领导" in b.text and "强化考评监督" in b.text and len(b.citations) == 5


def test_scale_is_what_a_scale_question_measures(real_engine):
    a = real_engine.ask("十三五规划的G20工程，生物医药产业规模到2020年要突破多少？")
    assert not a.refused and "1800" in a.text and "规模" in a.citations[0].quote
    b = real_engine.ask("朝阳设立的数字经济投资子基金规模有多大？要多少亿元？")
    assert b.refused  # the plan names the fund but gives no size
    d = real_engine.ask("朝阳设立的科技创新创业引导基金规模多大？")  # 「设立朝阳区科技创新创业引导基金10亿元」
    assert not d.refused and "10亿元" in d.citations[0].quote
    e = real_engine.ask("朝阳十四五科技规划说要依托引导基金设立数字经济投资子基金，子基金规模多大？")
    assert e.refused  # the 10亿元 is the 引导基金's, not the 子基金's
    c = real_engine.ask("朝阳十四五规划给中关村朝阳园规上企业总收入定的2025年目标，折合多少万亿元？")
    assert not c.refused and "12000" in c.text  # 万亿元 is the unit asked (the plan's 亿元), not what is measured


def test_an_organisation_asked_by_name_is_answered_by_one(real_engine):
    a = real_engine.ask("朝阳十四五科技规划里，统筹协调规划实施的机构叫什么？")
    assert not a.refused and "朝阳区科技创新改革建设领导小组" in a.citations[0].quote


def test_a_role_question_is_answered_by_the_sentence_casting_the_term(real_engine):
    # 「以“创新策源—技术攻关—……”为主线」 names every link; only 「企业创新是主要途径……」 says what one does
    a = real_engine.ask("起草说明中“企业创新”在创新生态链里起什么作用？")
    assert not a.refused and a.citations[0].quote.startswith("企业创新是主要途径")
    b = real_engine.ask("“创新策源”在副中心创新生态链中是什么定位？")
    assert not b.refused and "源头根基" in b.citations[0].quote


def test_a_counted_term_is_spelled_out_by_the_box_it_titles(real_engine):
    # 专栏1：“三大科技城”的主要功能及特点 has three parts, as many as the term counts
    a = real_engine.ask("“三大科技城”是哪三个？")
    assert not a.refused and [c.quote[:6] for c in a.citations] == ["中关村科学城", "怀柔科学城。", "未来科技城。"]


def test_a_target_asked_for_a_year_is_the_sentence_opening_with_that_year(real_engine):
    # 「围绕全国科技创新中心建设总体目标，引导各区……」 names the goal; 「到2020年，……」 states it
    a = real_engine.ask("十三五全国科创中心规划提出的2020年总体目标是什么？")
    assert not a.refused and "具有全球影响力的科技创新中心" in a.text


def test_a_list_question_takes_the_items_listed_before_what_it_asks_about(real_engine):
    # 「前瞻布局未来产业」 names the topic; 「量子信息、光电子……等未来产业重点领域」 lists it
    a = real_engine.ask("朝阳十四五科技规划要重点布局的未来产业领域有哪些？")
    assert not a.refused and "量子信息、光电子" in a.citations[0].quote
    # it wins even where the topic sentence repeats more of the question (重点, 布局)
    b = real_engine.ask("朝阳十四五重点布局哪些未来产业？")
    assert not b.refused and "量子信息、光电子" in b.citations[0].quote
    c = real_engine.ask("朝阳十四五科技规划里未来产业都瞄准啥方向？")  # the verb before 啥 is no topic
    assert not c.refused and "量子信息、光电子" in c.citations[0].quote


def test_a_list_is_items_enumerated_before_the_kind_asked(real_engine):
    # 「大兴、昌平、房山区三大新能源汽车产业基地」: the items, then 产业基地 (no 等, no 领域)
    a = real_engine.ask("北京新能源车的三个产业基地分别落在哪几个区？")
    assert not a.refused and "大兴、昌平、房山区三大新能源汽车产业基地" in a.citations[0].quote
    c = real_engine.ask("十四五期间北京要全力服务保障哪三个国家实验室的建设？")  # 「A、B和C国家实验室」: one 、 and a 和
    assert not c.refused and "昌平国家实验室、中关村国家实验室和怀柔国家实验室" in c.citations[0].quote
    # 「A、B、……等一批项目落地建设」 (long items) lists the 项目 asked, not the slogan 「“……、项目落地”工作机制」
    d = real_engine.ask("三量齐升计划点名要加快落地建设的高水平创新平台项目有哪些？")
    assert "国家ICT技术产业创新基地" in d.citations[0].quote and "农业微生物中心" in d.citations[0].quote
    # not 「聚焦5G、人工智能、区块链等前沿领域」 of another plan, which lists another kind
    b = real_engine.ask("企业梯度培育体系包括哪几个梯队？")
    assert not b.refused and "“小升规”、“规升强”企业的梯度培育体系" in b.citations[0].quote


def test_the_area_a_plan_covers_is_its_stated_scope(real_engine):
    a = real_engine.ask("通州十五五科技创新规划的规划范围覆盖哪些区域？")
    assert not a.refused and a.citations[0].quote.startswith("规划范围涵盖城市副中心全域")
    b = real_engine.ask("通州十五五科技创新规划的范围是只管几个园区，还是覆盖整个副中心？")
    assert not b.refused and b.citations[0].quote.startswith("规划范围涵盖城市副中心全域")


def test_a_spending_target_is_answered_by_the_r_and_d_figure(real_engine):
    a = real_engine.ask("副中心研发投入到2026年的目标是啥")  # a figure question, and R&D is the 投入
    assert not a.refused and "全区R&D相比2023年力争实现倍增" in a.citations[0].quote


def test_a_figure_for_another_holder_does_not_answer(real_engine):
    # 「科技服务业增加值……占北京地区生产总值的比重达到7.9%」 has the year and 比重 but is not 中关村's
    a = real_engine.ask("2015年中关村示范区的增加值占北京GDP的比重是多少？")
    assert not a.refused and "24.2%" in a.citations[0].quote
    b = real_engine.ask("北京十三五科创规划新能源汽车专栏里，全市纯电动车产能目标是多少？")
    assert "50万辆" in b.citations[0].quote  # 纯电动车 is the 纯电动汽车 of the plan, no other holder


def test_plans_compared_side_by_side_each_answer_the_whole_question(real_engine):
    a = real_engine.ask("通州三量齐升和朝阳十四五对高企数量的目标各是多少？")
    assert not a.refused and "1500" in a.text and "5200" in a.text  # 高企 = 高新技术企业 in both plans
    b = real_engine.ask("未来产业这块，朝阳十四五科技规划和副中心三量齐升计划各自聚焦哪些方向？")
    assert "量子信息" in b.text  # 「这块」 asks about nothing


def test_a_counted_term_inside_a_plan_name_is_still_explained(real_engine):
    a = real_engine.ask("通州三量齐升计划说的三量怎么理解？")  # 三量 is part of the plan's name 三量齐升
    assert not a.refused and "总量、增量、质量" in a.citations[0].quote


def test_a_sentence_with_the_term_as_its_subject_explains_it(real_engine):
    a = real_engine.ask("副中心十五五科技创新规划起草说明中，创新生态链里的“生态优化”环节是指什么？")
    assert not a.refused and a.citations[0].quote.startswith("生态优化是全程保障")


def test_a_long_sentence_does_not_win_by_covering_words_by_chance(real_engine):
    # the 指导思想 paragraph of 三量齐升 (270 characters) names 未来 and 方向 in passing
    a = real_engine.ask("未来产业方面，朝阳十四五科技规划、副中心三量齐升行动计划各盯着哪些方向？")
    assert "未来信息、未来健康和未来能源" in a.text and "习近平新时代" not in a.text


def test_a_section_named_before_the_asking_words_lists_its_parts(real_engine):
    a = real_engine.ask("通州三量齐升计划的保障措施有哪几条来着？")
    assert not a.refused and len(a.citations) == 5 and "加强组织领导" in a.text and "强化考评监督" in a.text


def test_a_term_the_plan_only_names_is_quoted_from_the_plan_that_spells_it_out(real_engine):
    a = real_engine.ask("三量齐升计划里说科技创新要支撑副中心“五个示范区”建设，这五个示范区是哪五个？")
    assert not a.refused and a.text.startswith("《北京城市副中心科技创新“三量齐升”行动计划（2024-2026年）》只提到了“五个示范区”")
    assert a.citations[0].doc.startswith("000") and "国家绿色发展示范区" in a.citations[0].quote
    # a bare count (六大) is no term to look up elsewhere: the 三量齐升 plan's 六大产业 are other things
    b = real_engine.ask("北京十三五科创中心规划说六大高端产业功能区贡献了全市45.2%的GDP，这六大功能区是哪六个？")
    assert b.refused


def test_a_total_asked_as_zongshu_is_the_plans_zongliang(real_engine):
    a = real_engine.ask("通州三量齐升计划提出，到2026年全区国家级创新平台总数要突破多少家？")
    assert not a.refused and "突破10家" in a.text


def test_what_a_named_system_contains_needs_an_explanation(real_engine):
    # the plan names the 「11311工作体系」 in its guiding principles and never spells it out
    a = real_engine.ask("三量齐升行动计划里提到要落实区委区政府“11311工作体系”，这个体系具体包含哪些内容？")
    assert a.refused and "11311" in a.text


def test_an_item_number_is_not_a_figure(real_engine):
    # 「1.夯实科技成果转化孵化载体底座。」 opens the paragraph whose figure is 「……市级孵化器不少于2家」
    a = real_engine.ask("在孵化载体数量上，通州三量齐升计划和朝阳十四五科技规划分别定了什么目标？")
    assert "不少于2家" in a.text and "150家" in a.text


def test_a_box_named_by_number_that_has_only_its_title_is_said_to_be_empty(real_engine):
    a = real_engine.ask("北京十三五科创规划专栏10“打造农业高端产业链”里，具体列了哪些产业链和目标？")
    assert a.refused and "只有标题" in a.text
    b = real_engine.ask("十三五科创规划专栏6新能源汽车创新布局分成了哪几个板块？")  # a box with a body is answered from it
    assert not b.refused and all(c.section.endswith("专栏6：新能源汽车创新布局") for c in b.citations)


def test_a_sentence_with_the_quoted_term_is_preferred(real_engine):
    # the 三量齐升 sentence about 北三县 covers 通州/协同 but not the quoted “三城一区”
    a = real_engine.ask("关于和“三城一区”的关系，通州三量齐升行动计划和副中心十五五科创规划起草说明的提法有什么不同？")
    assert not a.refused and len(a.citations) == 2
    assert all("三城一区" in c.quote for c in a.citations)
    assert "差异化协同" in a.text


def test_what_a_list_asks_about_ends_before_its_purpose(real_engine):
    # 「靠哪些品牌活动来提升……」 asks about 品牌活动, not about 提升……影响力
    a = real_engine.ask("副中心三量齐升计划打算靠哪些品牌活动来提升区域科技创新活动的影响力？")
    assert not a.refused and "北京国际设计周" in a.citations[0].quote


def test_main_is_part_of_what_is_asked_about(real_engine):
    # 「哪几条主要原则」 asks about 主要原则 (主要 only ends the phrase in 「主要有/主要包括」)
    a = real_engine.ask("三量齐升行动计划一共列了哪几条主要原则？")
    assert not a.refused and len(a.citations) == 4
    assert all(c.quote.startswith("坚持") for c in a.citations)


def test_compared_terms_are_each_spelled_out_by_their_own_plan(real_engine):
    # 十三五 names three 科技城, the 十四五 解读 four parts of 三城一区: each plan's sentence listing them
    a = real_engine.ask("十三五的三大科技城和十四五的三城一区 有啥不一样")
    assert not a.refused and len(a.citations) == 2
    assert "未来科技城" in a.citations[0].quote and "创新型产业集群示范区" in a.citations[1].quote


def test_a_section_whose_parts_all_name_what_is_asked_lists_them(real_engine):
    # the section title names 和谐宜居之都 but not 行动; each of its parts is a 行动
    a = real_engine.ask("北京十三五科创规划为建设国际一流的和谐宜居之都，安排了哪几项科技行动？")
    assert not a.refused and len(a.citations) >= 4
    assert all("实施" in c.quote and c.quote.endswith("行动") for c in a.citations)


def test_the_count_asked_for_confirms_a_list_of_sub_sections(real_engine):
    # 「哪五个“度”」: the five sub-sections of the 五大行动 section, one per 度
    a = real_engine.ask("副中心“三量齐升”里的五大行动分别是哪五个“度”？")
    assert not a.refused and len(a.citations) == 5
    assert all("度" in c.quote for c in a.citations)


def test_who_issued_a_plan_is_its_signature_line(real_engine):
    a = real_engine.ask("三量齐升行动计划是哪个单位印发的？")
    assert not a.refused and a.citations[0].quote == "北京市通州区科技领导小组办公室"
    b = real_engine.ask("朝阳十四五科技规划的发文单位是哪个？")  # the manifest records no issuer: no signature to quote
    assert all(c.quote != "北京市通州区科技领导小组办公室" for c in b.citations)


def test_a_short_term_explained_character_by_character_wins_over_the_sentence_naming_it(real_engine):
    # without 「纵向、横向」 in the question the sentence naming “纵横” used to be quoted as its meaning
    a = real_engine.ask("副中心起草说明里的“纵横”两条思路分别是啥意思？")
    assert not a.refused and len(a.citations) == 2
    assert "纵向以" in a.citations[0].quote and "横向围绕" in a.citations[1].quote


def test_what_a_coded_term_stands_for_needs_an_explanation(real_engine):
    a = real_engine.ask("三量齐升行动计划里提到要落实“11311工作体系”，这几个数字分别代表什么？")
    assert a.refused and "11311" in a.text  # the plan names it, it never spells it out


def test_a_date_asked_for_needs_a_sentence_with_a_date(real_engine):
    a = real_engine.ask("副中心十五五科技创新规划征求意见稿公开征求意见的起止时间是什么？")
    assert a.refused and "具体日期" in a.text


def test_what_each_compared_term_includes_is_spelled_out_but_not_a_term_only_named(real_engine):
    a = real_engine.ask("十三五规划里的“三大科技城”和十四五规划解读里的“三城一区”，分别包括哪些？")
    assert "未来科技城" in a.citations[0].quote and "创新型产业集群示范区" in a.citations[1].quote
    # the box is named, what is asked is the 大科学装置 in it
    b = real_engine.ask("北京十三五科创规划的“三大科技城”专栏提到要在怀柔共同建设哪些大科学装置？十四五规划解读又说怀柔科学城要强化什么样的科学方向？")
    assert "高能同步辐射光源" in b.text


def test_the_users_label_for_a_kind_is_not_what_is_counted(real_engine):
    # 「……这类载体」: the plan says 「校企联合实验室、新型研发机构等达到18家以上」, never 载体
    a = real_engine.ask("副中心三量齐升计划里，到2026年校企联合实验室、新型研发机构这类载体要有多少家？")
    assert not a.refused and "18家以上" in a.text


def test_which_town_is_answered_by_a_towns_name(real_engine):
    a = real_engine.ask("三量齐升行动计划里，通州哪个乡镇负责布局生物医药和健康产业？")
    assert not a.refused and a.citations[0].quote.startswith("漷县镇")


def test_a_compared_plans_figure_deep_in_a_long_section_is_found(real_engine):
    # the 三量齐升 target (「高新技术企业力争突破1500」) sits in the 14th chunk of the plan's own search
    a = real_engine.ask("副中心三量齐升计划和朝阳十四五科技规划，对高企数量各定了什么目标？")
    assert not a.refused and "1500" in a.text and "5200" in a.text


def test_a_quoted_character_each_part_names_lists_those_parts(real_engine):
    # 「哪五个“度”」: the five sub-sections of 五大行动, each naming a “度”; no sentence explains 度
    for q in ("副中心三量齐升行动计划的五大行动分别对应提升哪五个“度”？", "三量齐升的促进创新五大行动，分别对应提升哪五个“度”？"):
        a = real_engine.ask(q)
        assert not a.refused and len(a.citations) == 5, q
        assert "密度" in a.text and "温度" in a.text


def test_a_term_quoted_as_in_the_question_beats_one_merely_contained(real_engine):
    # 「探索“揭榜挂帅”创新机制、“赛马式”资助制度……」 over 「立“企业出题、政府搭台、揭榜挂帅、项目落地”工作机制」
    a = real_engine.ask("“揭榜挂帅”这类新型科研组织方式，三量齐升行动计划和朝阳十四五科技规划分别是怎么提的？")
    assert not a.refused and "赛马式" in a.text and "新型项目组织形式" in a.text


def test_the_top_sentence_listing_what_is_asked_needs_less_support(real_engine):
    # 「说要接着搞」 is chatter the plan does not repeat; 「持续实施“北京学者”……等人才计划」 lists the 人才计划
    a = real_engine.ask("十四五国际科创中心规划解读说要接着搞哪些人才计划？")
    assert not a.refused and "智源学者" in a.citations[0].quote


def test_time_words_and_a_named_base_do_not_block_a_figure(real_engine):
    a = real_engine.ask("北京十三五科创中心规划提到，“北京市国际科技合作基地”当时已经有多少家了？")
    assert not a.refused and "370余家" in a.text  # 当时 dates the figure, it is not what is counted
    b = real_engine.ask("十三五北京科创规划对规上工业企业的研发投入强度（占销售收入比重）定了什么目标？")
    assert not b.refused and "1.3%" in b.text  # the user names the base: not the R&D share of GDP


def test_a_meaning_asked_by_items_is_answered_by_the_sentences_after_a_short_lead(real_engine):
    a = real_engine.ask("朝阳十四五科技规划的城市智慧大脑具体包括哪几个“大脑”？")
    assert not a.refused and len(a.citations) == 3
    assert all(c.quote.startswith("建设城市") for c in a.citations)


def test_two_adjacent_question_words_are_one_term_to_enumerate(real_engine):
    # 创新 + 生态链 asked together: the sentence spelling out 创新生态链, not one listing other 链
    a = real_engine.ask("副中心十五五科技规划里的创新生态链由哪几个环节组成？")
    assert not a.refused and "创新策源—技术攻关—企业创新" in a.text


def test_a_bare_direction_asked_about_a_topic_is_listed_by_the_topic(real_engine):
    # 「未来产业各自瞄准哪些方向」: 「……生命科学等未来产业重点领域」 lists 未来产业 (方向 is only the frame)
    a = real_engine.ask("朝阳十四五科技规划和副中心三量齐升行动计划里，未来产业各自瞄准哪些方向？")
    assert "量子信息" in a.citations[0].quote


def test_the_listing_sentence_wins_over_a_longer_one_covering_more_words(real_engine):
    a = real_engine.ask("朝阳十四五科技规划布局的未来产业主要是哪几个方向？")
    assert not a.refused and "脑科学与脑机接口" in a.citations[0].quote


def test_which_years_a_plan_covers_is_the_sentence_giving_its_own_period(real_engine):
    a = real_engine.ask("通州的三量齐升行动计划和十五五科技创新规划，各自管哪几年？")
    assert not a.refused and "2024-2026" in a.citations[0].quote and "2026年至2030年" in a.citations[1].quote


def test_a_short_term_asked_part_by_part_is_still_explained_by_its_clauses(real_engine):
    a = real_engine.ask("副中心十五五科技规划说的“纵横”两条思路，纵的和横的分别是什么？")
    assert not a.refused and len(a.citations) == 2 and "纵向以" in a.citations[0].quote


def test_an_official_name_asked_is_the_full_name_a_short_form_stands_for(real_engine):
    a = real_engine.ask("北京市十三五科技创新规划提到“新三板”，它的正式名称是什么？")
    assert not a.refused and "全国中小企业股份转让系统" in a.text


def test_a_section_named_by_a_shorter_form_of_what_is_asked_lists_its_parts(real_engine):
    # 「最后一部分保障措施分了哪几条」: the section titled 保障措施, though 最后一部分 is said too
    a = real_engine.ask("朝阳十四五科技规划最后一部分保障措施分了哪几条？")
    assert not a.refused and [c.quote[-6:] for c in a.citations][0].endswith("组织实施保障")


def test_which_leading_body_needs_an_organisation(real_engine):
    a = real_engine.ask("朝阳科技规划实施中，由哪个领导机构负责统筹协调？")
    assert not a.refused and "领导小组" in a.citations[0].quote


def test_the_places_a_counted_quoted_term_names_are_its_meaning(real_engine):
    # 「“一南一北”……说的是哪几个区域」 asks what the term spells out, not a section about 区域
    a = real_engine.ask("北京十三五科创规划里生物医药的“一南一北”产业格局，说的是哪几个区域？")
    assert not a.refused and "大兴区" in a.citations[0].quote and "一南一北" in a.citations[0].quote
    a = real_engine.ask("通州“十五五”科技创新规划的规划期是哪几年？")  # a quoted period is not a term to spell out
    assert not a.refused and "2026年至2030年" in a.text


def test_a_later_ask_the_earlier_answer_already_fills_adds_nothing(real_engine):
    a = real_engine.ask("通州哪个乡重点发展现代种业？依托什么园区？")
    assert len(a.citations) == 1 and "于家务乡依托国际种业园" in a.citations[0].quote


def test_a_sentence_listing_what_the_asked_verb_takes_is_the_list(real_engine):
    # 「围绕CBD、金盏国际合作服务区、国家文创实验区」, not the four sub-sections of 「释放重点功能区活力」
    a = real_engine.ask("朝阳十四五科技规划在优化科创空间布局时，围绕的是哪几个重点功能区？")
    assert len(a.citations) == 1 and all(x in a.citations[0].quote for x in ("CBD", "金盏国际合作服务区", "国家文创实验区"))


def test_clauses_written_to_one_pattern_are_the_items(real_engine):
    # 「推进“数字+”智慧之城/文旅之城/宜居之城场景落地」 sit in three different sentences of one paragraph
    a = real_engine.ask("三量齐升行动计划里的“数字+”场景分成哪几类城市？")
    assert len(a.citations) == 3 and all(x in a.text for x in ("智慧之城", "文旅之城", "宜居之城"))
    a = real_engine.ask("副中心三量齐升计划里，“数字+”文旅之城的场景项目要放在哪些地方建？")  # one of the items
    assert "智慧大运河" in a.text


def test_a_sentence_naming_as_many_as_counted_after_the_asked_verb_is_the_list(real_engine):
    # the sentence repeats little of the question (support below the refusal line), but it names three 区 after 围绕
    a = real_engine.ask("朝阳十四五科技规划说要围绕哪三大片区构筑科技创新高地？")
    assert not a.refused and all(x in a.citations[0].quote for x in ("CBD", "金盏国际合作服务区", "国家文创实验区"))
    b = real_engine.ask("朝阳十四五科技规划要围绕哪几个重点片区构筑科技创新高地？")  # 哪几: any number of them
    assert not b.refused and all(x in b.citations[0].quote for x in ("CBD", "金盏国际合作服务区", "国家文创实验区"))


def test_a_measure_inside_an_aliased_term_is_checked_as_that_term(real_engine):
    # 「能量密度」 (the plan says 比能量): 密度 alone is in no answer
    a = real_engine.ask("十三五北京科创规划新能源汽车专栏里，量产动力锂电池单体的能量密度要达到多少Wh/kg？")
    assert not a.refused and "300瓦时/公斤" in a.text.replace(" ", "")


def test_a_place_is_found_under_the_name_the_plan_gives_it(real_engine):
    a = real_engine.ask("十三五北京科创规划提出在亦庄建一个智能制造方面的什么中心？")  # the plan says 北京经济技术开发区
    assert not a.refused and "智能制造应用技术创新中心" in a.text


def test_a_counted_term_after_a_verb_is_spelled_out_by_the_sentence_with_that_verb(real_engine):
    # the sub-heading 「2. 围绕三大片区构筑科技创新高地」 counts what its parent section's opening sentence names
    a = real_engine.ask("朝阳十四五科技规划说要“围绕三大片区构筑科技创新高地”，三大片区是哪三个？")
    assert not a.refused and all(x in a.citations[0].quote for x in ("CBD", "金盏国际合作服务区", "国家文创实验区"))


def test_what_kind_of_document_a_plan_is_is_said_by_the_plan_about_itself(real_engine):
    a = real_engine.ask("朝阳那份十四五科技创新规划，在朝阳算是什么定位的文件？")
    assert not a.refused and "纲领性文件" in a.citations[0].quote


def test_what_a_plan_sets_out_to_make_something_into_is_said_by_the_plan_about_itself(real_engine):
    # 「本规划旨在……聚力打造首都科技创新重要增长极」, not the review's 「高质量打造北京新两翼中的一翼」
    for q in ("通州十五五科技创新规划起草说明里，规划想把副中心打造成什么？", "这个副中心科创规划最终想把副中心搞成个啥？"):
        a = real_engine.ask(q)
        assert not a.refused and "首都科技创新重要增长极" in a.citations[0].quote


def test_what_something_is_built_around_is_said_in_the_same_frame(real_engine):
    # 「以什么为核心」: the 十三五 box's 「以建设大科学装置为核心」, not the 十四五 reading's 怀柔 sentence
    a = real_engine.ask("怀柔科学城以什么为核心来建设？")
    assert not a.refused and "以建设大科学装置为核心" in a.citations[0].quote


def test_colloquial_verbs_the_plans_never_use_do_not_pick_the_sentence(real_engine):
    # 「搞」 would match nothing in the plans but weighs as much as a rare topic word
    a = real_engine.ask("朝阳培育高成长企业搞的是什么计划？")
    assert not a.refused and "凤鸣计划" in a.citations[0].quote


def test_the_city_government_is_an_issuer(real_engine):
    a = real_engine.ask("十四五国际科创中心规划解读讲的那份《规划》，全称是什么、是谁发布的？")
    assert not a.refused and "北京市委市政府" in a.citations[0].quote
