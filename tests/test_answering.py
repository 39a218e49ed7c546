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


def test_collective_terms_and_title_lines():
    from types import SimpleNamespace

    from planqa.answering import _is_title_line, _lists_collective

    assert _lists_collective("聚焦创新链、产业链、供应链深度融合", "三链")
    assert _lists_collective("鼓励“众筹、众包、众创、众扶”的融资模式", "“四众”")
    assert not _lists_collective("打造数字经济、未来产业", "三链") and not _lists_collective("创新链、产业链", "三链")
    meta = SimpleNamespace(title="北京城市副中心科技创新“三量齐升”行动计划（2024-2026年）")
    assert _is_title_line("关于印发北京城市副中心科技创新“三量齐升”", meta)
    assert not _is_title_line("推动科技创新资源总量、增量、质量三量齐升。", meta)


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


def test_short_forms_and_character_led_clauses():
    from planqa.answering import _led_by_characters, _short_forms

    assert _short_forms("以首都科技条件平台区域合作站(一站)建设为核心，以北京技术市场服务平台(一台)建设为核心", "一站一台")
    assert not _short_forms("建设5G与F5G双千兆网络", "F5G")
    assert _led_by_characters("围绕“纵横”两条思路。纵向以创新策源为主线；横向围绕科技赋能", "纵横")
    assert not _led_by_characters("围绕“纵横”两条思路谋划发展路径。", "纵横")


def test_table_row_figures_are_read_from_the_value_cell():
    from planqa.answering import _row_value, _table_row_sentence

    context = "主要指标\n一级指标 | 序号 | 指标 | 2025年目标值 | 属性"
    assert _row_value("产业发展 | 15 | 数字经济增加值年均增速（%） | 高于全市平均水平 | 预期性", context) == "高于全市平均水平"
    assert "2025年目标值5200家" in _table_row_sentence("创新主体 | 4 | 国家级高新技术企业（家） | 5200 | 预期性", context)
    assert "500左右" in _table_row_sentence("创新主体 | 5 | 专精特新中小企业（家） | 500左右 | 预期性", context)


def test_two_figures_asked_get_two_cited_sentences(real_engine):
    a = real_engine.ask("北京十三五科创中心规划中，万人发明专利拥有量2015年底是多少，到2020年要达到多少？")
    assert not a.refused and len(a.citations) == 2
    assert "61.3" in a.text and "80" in a.text
