"""Text checks on plan sentences: items spelled out, explanations, units, title lines, table rows."""

from __future__ import annotations

from types import SimpleNamespace

from planqa.sentence_checks import (
    asked_slot,
    counted_items,
    enumerates,
    explained_after,
    fills_slot,
    has_unit,
    is_title_line,
    led_by_characters,
    lists_collective,
    names_other_holder,
    row_value,
    short_forms,
    spells_out,
    states_fund_amount,
    table_row_sentence,
)


def test_collective_terms_and_title_lines():
    assert lists_collective("聚焦创新链、产业链、供应链深度融合", "三链")
    assert lists_collective("鼓励“众筹、众包、众创、众扶”的融资模式", "“四众”")
    assert lists_collective("建成中关村科学城、怀柔科学城、未来科技城，形成国际一流的综合性大科学中心", "三大科技城")
    assert not lists_collective("建成中关村科学城、怀柔科学城，形成大科学中心", "三大科技城")  # two items, not three
    assert not lists_collective("在科技创新实力、科技创新作用、创新型国家地位、科技创新布局、创新生态等方面", "五新")  # 创新 five times
    assert lists_collective("建设绿色发展示范区、和谐宜居之都示范区、新型城镇化示范区", "三个示范区")  # 和 inside an item
    assert not lists_collective("打造数字经济、未来产业", "三链") and not lists_collective("创新链、产业链", "三链")
    spread = "建设成开放创新高地。汇聚资源，打造配置中心；推动转化，打造转化中心；驱动创新，打造应用中心。"
    assert lists_collective(spread, "一地三中心")  # one clause per 中心
    three = "构建“城市运行一网统管”、“产业发展一网支撑”、“安全管理一网统筹”新格局"
    assert lists_collective(three, "三个一网") and not lists_collective(three, "两个一网")
    assert not lists_collective(spread.replace("打造应用中心", "推动应用"), "一地三中心")
    mixed = "聚焦中关村科学城、突破怀柔科学城、搞活未来科学城、提升创新型产业集群示范区"
    assert lists_collective(mixed, "三城一区")  # four items in one clause: three 城 and one 区
    assert not lists_collective(mixed.replace("、提升创新型产业集群示范区", ""), "三城一区")
    meta = SimpleNamespace(title="北京城市副中心科技创新“三量齐升”行动计划（2024-2026年）")
    assert is_title_line("关于印发北京城市副中心科技创新“三量齐升”", meta)
    assert not is_title_line("推动科技创新资源总量、增量、质量三量齐升。", meta)


def test_short_forms_and_character_led_clauses():
    assert short_forms("以首都科技条件平台区域合作站(一站)建设为核心，以北京技术市场服务平台(一台)建设为核心", "一站一台")
    assert not short_forms("建设5G与F5G双千兆网络", "F5G")
    assert led_by_characters("围绕“纵横”两条思路。纵向以创新策源为主线；横向围绕科技赋能", "纵横")
    assert not led_by_characters("围绕“纵横”两条思路谋划发展路径。", "纵横")


def test_table_row_figures_are_read_from_the_value_cell():
    context = "主要指标\n一级指标 | 序号 | 指标 | 2025年目标值 | 属性"
    assert row_value("产业发展 | 15 | 数字经济增加值年均增速（%） | 高于全市平均水平 | 预期性", context) == "高于全市平均水平"
    assert "2025年目标值5200家" in table_row_sentence("创新主体 | 4 | 国家级高新技术企业（家） | 5200 | 预期性", context)
    assert "500左右" in table_row_sentence("创新主体 | 5 | 专精特新中小企业（家） | 500左右 | 预期性", context)


def test_enumerations_explanations_and_units():
    assert enumerates("着重聚焦量子信息、光电子、生命科学等未来产业重点领域", "未来产业")
    assert not enumerates("大力发展数字经济、未来产业", "未来产业")  # the term is one of the items
    assert enumerates("锚定行政办公、商务服务、文化旅游和科技创新的“3+1”主导功能定位", "3+1")  # four items
    assert not enumerates("以国家、市级层面针对城市副中心出台的“3+4+1”一系列政策文件为引领", "3+4+1")  # not eight
    assert explained_after("“1234”总体布局：“1”个基地、“2”个中心", "1234")
    assert not explained_after("建设5G与F5G双千兆网络，重点推进商用落地", "F5G", items_only=True)
    assert not explained_after("以国家出台的“3+4+1”一系列政策文件为引领，依据上位文件精神，确保契合", "3+4+1", items_only=True)
    assert not explained_after("5月在“科技三会”上发表的重要讲话，为我国建设科技强国指明了方向", "科技三会", items_only=True)
    assert explained_after("“两区”为国家服务业扩大开放综合示范区和自由贸易试验区", "两区", items_only=True)
    undertaking = "推进“企业加速计划”，建立培育企业库，为库内企业提供场景打磨、投融资对接等服务包。"
    assert explained_after(undertaking, "企业加速计划")  # what is done under it follows the verb + term
    assert not explained_after(undertaking, "企业加速计划", items_only=True)
    assert not explained_after("围绕“企业加速计划”，加大支持。", "企业加速计划")
    # 「……等一批创业孵化品牌」 says what kind of thing each listed name is
    brands = "形成了“创E+”、“E9”等一批创业孵化品牌。"
    assert explained_after(brands, "E9") and explained_after(brands, "创E+")
    assert not explained_after(brands, "E9", items_only=True)
    assert has_unit("国家高新技术企业超过1.2万家", "家") and has_unit("培育10个平台", "家")  # counters are one family
    assert not has_unit("研发投入强度达到4.5%", "家")


def test_counted_items_reads_the_count_inside_a_longer_name():
    assert counted_items("五大行动") == 5 and counted_items("促进创新五大行动") == 5 and counted_items("三个一网") == 3
    assert counted_items("三城一区") == 0 and counted_items("3+1") == 0


def test_the_object_a_question_asks_of_a_verb():
    assert asked_slot("通州的现代种业又依托哪个园区发展？") == ("依托", "区园")  # a 园区 may be a 园
    assert asked_slot("围绕的是哪几个重点功能区？") == ("围绕", "区")
    assert asked_slot("要围绕哪三大片区构筑科技创新高地？") == ("围绕", "区")  # a count, and the verb after the kind
    assert asked_slot("围绕哪三大片区来构筑科技创新高地？") == ("围绕", "区")  # the kind ends before 来
    assert asked_slot("优化空间布局，围绕的三大片区是哪几个？") == ("围绕", "区")  # … and before 是
    assert asked_slot("“围绕三大片区构筑科技创新高地”，三大片区是哪三个？") == ("围绕", "区")  # the count names the slot
    assert asked_slot("要持续开展哪些品牌科普活动？") is None  # 开展 takes anything
    assert asked_slot("怀柔科学城以什么为核心来建设？") == ("以", "为核心")
    assert asked_slot("总体思路中，以什么作为建设的主要载体？") == ("以", "为主要载体")  # 「建设的」 qualifies the head
    assert fills_slot("以建设大科学装置为核心，重点拓展与中国科学院的合作", "以", "为核心")
    assert not fills_slot("以物质为基础、以能源和生命为起步科学方向", "以", "为核心")
    assert fills_slot("于家务乡依托国际种业园，重点发展现代种业。", "依托", "区园")
    assert not fills_slot("依托优势资源，建设国际种业园。", "依托", "区园")  # the 园 is in another clause


def test_how_surely_a_sentence_lists_what_is_asked():
    projects = "加快推动中国信通院的国家ICT技术产业创新基地、西北工业大学北京研究院、中国农科院农业微生物中心等一批项目落地建设"
    assert spells_out(projects, {"项目", "平台"}) == 2  # long items 「等一批项目」 of the kind asked
    assert spells_out("全力服务保障昌平国家实验室、中关村国家实验室和怀柔国家实验室建设", {"国家实验室"}) == 1
    assert spells_out("聚焦5G、人工智能、区块链等前沿领域强化关键技术突破", {"梯队"}) == 1  # a kind lists are made of
    assert spells_out("推动北京城市副中心与雄安新区产业互促发展", {"梯队"}) == 0


def test_a_figure_held_by_another_is_told_apart():
    key = {"中关村": 2.0, "示范区": 2.3, "增加值": 3.9}
    q = "2015年中关村示范区的增加值占北京GDP的比重是多少？"
    assert names_other_holder(q, "2015年，科技服务业增加值1820.6亿元", "", key, {}, "北京市")
    assert not names_other_holder(q, "中关村国家自主创新示范区增加值达到5557.4亿元", "", key, {}, "北京市")
    # two characters of the holder in the sentence or its context will do (纯电动车 / 纯电动汽车)
    key = {"纯电动车": 3.0, "产能": 3.0}
    assert not names_other_holder("全市纯电动车产能目标是多少", "全市纯电动汽车产能达到50万辆", "", key, {}, "")


def test_a_fund_amount_follows_the_fund_asked():
    sentence = "设立朝阳区科技创新创业引导基金10亿元，投资“鲲鹏联合创新中心”等项目"
    assert states_fund_amount("朝阳设立的科技创新创业引导基金规模多大？", sentence)
    assert not states_fund_amount("依托引导基金设立的数字经济投资子基金规模多大？", sentence)  # the last fund named

