"""Cleaning: each artifact of GUIDE.md §1, on tiny inputs, and the report of what changed."""

from __future__ import annotations

from planqa.cleaning import Line, clean
from planqa.loaders import LoadedFile, SourceLine


def run(text: str) -> tuple[list[str], dict]:
    lines, report = clean(LoadedFile("t.txt", "text", [SourceLine(s) for s in text.split("\n")]))
    return [line.text for line in lines], report


def test_bookmark_markers_are_removed_and_counted():
    lines, report = run("[bookmark: _Toc1][bookmark: _Toc2]一、规划背景\n[bookmark: _GoBack]近年来，成效明显。")
    assert lines == ["一、规划背景", "近年来，成效明显。"]
    assert report["bookmark_markers_removed"] == 3


def test_web_page_widgets_and_footer_are_removed():
    text = (
        "日期:2024-03-28 17:32\u00a0\u00a0来源:区科委\n分享:\n字号:\u00a0\u00a0 \u00a0\n"
        "一、总体要求\n坚持创新引领。\n"
        "主办:北京市通州区人民政府\u00a0\u00a0承办:区政府办公室\u00a0政府网站标识码:1101120001 京ICP备20015255号-1"
    )
    lines, report = run(text)
    assert lines == ["一、总体要求", "坚持创新引领。"]
    assert len(report["web_boilerplate_removed"]) == 4
    assert report["web_page_date"] == "2024-03-28"


def test_table_of_contents_is_removed_up_to_body():
    text = "规划\n\n目录\n\n一、把握新机遇\n\n（一）形势与使命\n\n正文\n\n一、把握新机遇\n\n(一) 形势与使命\n\n加强建设。"
    lines, report = run(text)
    assert lines == ["规划", "一、把握新机遇", "（一）形势与使命", "加强建设。"]
    assert report["table_of_contents_removed"]["lines"] == 4


def test_sentence_split_by_page_break_is_joined():
    text = (
        "北京加强全国科技创新中心建设，必须主动适应、积极引领新常态。依靠科技创新提高全要素\n\n"
        "生产率，大力推动供给侧结构性改革。\n\n"
        "开放协同取得新突破。输出到京外的技术合同成交额占北京技术合同成交额的比重保持在 70% 左\n\n右。围绕产业链布局。"
    )
    lines, report = run(text)
    assert lines == [
        "北京加强全国科技创新中心建设，必须主动适应、积极引领新常态。依靠科技创新提高全要素生产率，大力推动供给侧结构性改革。",
        "开放协同取得新突破。输出到京外的技术合同成交额占北京技术合同成交额的比重保持在70%左右。围绕产业链布局。",
    ]
    assert len(report["broken_lines_joined"]) == 2


def test_headings_and_finished_sentences_are_not_joined():
    text = "继往开来 紧紧抓住历史性机遇\n“十三五”时期，北京坚持创新驱动，取得显著成效\n（二）主要原则\n坚持创新。"
    lines, _ = run(text)
    assert lines == ["继往开来 紧紧抓住历史性机遇", "“十三五”时期，北京坚持创新驱动，取得显著成效", "（二）主要原则", "坚持创新。"]


def test_title_wrapped_inside_open_brackets_is_joined():
    lines, _ = run("关于《副中心（通州区）“十五五”\n时期科技规划（征求\n意见稿）》的起草说明\n一、规划背景")
    assert lines[0] == "关于《副中心（通州区）“十五五”时期科技规划（征求意见稿）》的起草说明"


def test_stray_page_numbers_are_removed():
    lines, report = run("前 言\n朝阳区是重要窗口。\nIII\n- 12 -\n一、发展回顾")
    assert lines == ["前言", "朝阳区是重要窗口。", "一、发展回顾"]
    assert report["page_numbers_removed"] == ["III", "- 12 -"]


def test_chapter_number_on_its_own_line_is_repaired():
    text = "一、回顾\n甲。\n二、形势\n乙。\n三、目标\n丙。\n4、 \n重点任务\n1. 强化引领\n丁。\n5、 保障措施\n戊。"
    lines, report = run(text)
    assert "四、重点任务" in lines and "五、保障措施" in lines
    assert report["chapter_numbers_repaired"] == ["4、 → 四、重点任务", "5、 保障措施 → 五、保障措施"]


def test_numbered_items_are_not_mistaken_for_chapters():
    lines, report = run("一、任务\n1、建设平台\n2、培育人才\n3、完善机制\n二、保障\n")
    assert "1、建设平台" in lines and "chapter_numbers_repaired" not in report


def test_flattened_table_is_rebuilt_into_rows():
    text = (
        "主要指标\n\t一级指标\n\t序号\n\t二级指标\n\t2025年\n目标值\n\t属性\n\n"
        "\t国际创新\n\t1\n\t外资研发机构在全市占比（%）\n\t35\n\t预期性\n\n"
        "\t\n\t2\n\tPCT国际专利申请量（件）\n\t15000\n\t预期性\n\n"
        "\t创新生态\n\t3\n\t数字经济增加值年均增速（%）\n\t高于全市\n平均水平\n\t预期性\n\n\n"
        "四、重点任务"
    )
    lines, report = clean(LoadedFile("t.txt", "text", [SourceLine(s) for s in text.split("\n")]))
    rows = [(line.hint, line.text) for line in lines if line.hint]
    assert rows == [
        ("table_caption", "主要指标"),
        ("table_header", "一级指标 | 序号 | 二级指标 | 2025年目标值 | 属性"),
        ("table_row", "国际创新 | 1 | 外资研发机构在全市占比（%） | 35 | 预期性"),
        ("table_row", "国际创新 | 2 | PCT国际专利申请量（件） | 15000 | 预期性"),
        ("table_row", "创新生态 | 3 | 数字经济增加值年均增速（%） | 高于全市平均水平 | 预期性"),
    ]
    assert report["tables_rebuilt"][0]["rows"] == 3
    assert lines[-1].text == "四、重点任务"


def test_numbers_are_joined_to_units_and_ascii_punctuation_widened():
    lines, _ = run("截至 2015 年底，在京两院院士 766 人，约占全国的 1/2。\n(二) 基础与条件\n推动北京城市副中心3+1主导功能建设,切实强化科技创新核心地位;17:32")
    assert lines[0] == "截至2015年底，在京两院院士766人，约占全国的1/2。"
    assert lines[1] == "（二）基础与条件"
    assert lines[2] == "推动北京城市副中心3+1主导功能建设，切实强化科技创新核心地位；17:32"


def test_spaces_between_phrases_and_english_words_are_kept():
    lines, _ = run("继往开来 紧紧抓住历史性机遇\n诞生一批创新型企业 and 品牌。\n德国工业 4.0 战略")
    assert lines == ["继往开来 紧紧抓住历史性机遇", "诞生一批创新型企业 and 品牌。", "德国工业4.0战略"]


def test_pdf_visual_lines_are_joined_and_keep_their_first_page():
    src = [
        SourceLine("一、发展目标", page=3),
        SourceLine("依靠科技创新提高全要素", page=3),
        SourceLine("", page=3),
        SourceLine("生产率，推动改革。", page=4),
        SourceLine("二、保障措施", page=4),
    ]
    lines, _ = clean(LoadedFile("t.pdf", "pdf", src))
    assert lines == [Line("一、发展目标", 3), Line("依靠科技创新提高全要素生产率，推动改革。", 3), Line("二、保障措施", 4)]
