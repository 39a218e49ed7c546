"""Exports: the wording report and the target table as .docx, .csv and .md, each row citing file, section, page."""

from __future__ import annotations

import csv
import io

import docx
import pytest

from planqa.drafting import export
from planqa.drafting.targets import extract_targets
from planqa.drafting.wording import WordingChecker
from planqa.errors import InvalidQuestion

DRAFT = "到2030年，乙区技术合同成交额突破120亿元。大力发展低空经济和具身智能产业，培育耐心资本。"


@pytest.fixture(scope="module")
def wording(tiny_engine):
    index = tiny_engine.index
    results = WordingChecker(index).check(DRAFT)
    return export.wording_rows(results, index), export.wording_summary(results, index)


def test_wording_rows_cite_file_section_and_source(wording):
    rows, summary = wording
    adapted, new = rows
    row = dict(zip(export.WORDING_COLUMNS, adapted))
    assert row["判定"] == "改写" and row["来源文件"] == "b_乙区计划.txt" and row["章节"] == "一、总体要求"
    assert row["来源原句"] == "到2026年，乙区技术合同成交额突破80亿元。" and "80→120" in row["数字变化"]
    assert dict(zip(export.WORDING_COLUMNS, new))["判定"] == "新增"
    assert "改写 1 句，新增 1 句" in summary and "新增表述：“大力发展低空经济" in summary


def test_csv_has_bom_and_header(wording):
    rows, _ = wording
    data = export.render(".csv", "措辞比对报告", export.WORDING_COLUMNS, rows)
    assert data.startswith("\ufeff".encode("utf-8"))
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert table[0] == export.WORDING_COLUMNS and table[1][1] == "到2030年，乙区技术合同成交额突破120亿元。"


def test_markdown_escapes_cells(tiny_engine):
    targets = extract_targets(tiny_engine.index)
    rows = export.target_rows(targets, tiny_engine.index)
    text = export.render(".md", "规划指标对比表", export.TARGET_COLUMNS, rows + [["a|b"] * len(export.TARGET_COLUMNS)]).decode()
    lines = text.splitlines()
    assert lines[0] == "# 规划指标对比表" and lines[2].count("|") == len(export.TARGET_COLUMNS) + 1
    assert "a｜b" in text and len([x for x in lines if x.startswith("| ")]) == len(rows) + 2


def test_docx_opens_with_table_and_citations(tmp_path, tiny_engine):
    rows = export.target_rows(extract_targets(tiny_engine.index), tiny_engine.index)
    path = export.save(tmp_path / "指标.docx", "规划指标对比表", export.TARGET_COLUMNS, rows, "共 7 项")
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == "规划指标对比表"
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == export.TARGET_COLUMNS
    first = dict(zip(export.TARGET_COLUMNS, (c.text for c in table.rows[1].cells)))
    assert first["文件"].endswith(".txt") and first["章节"] and first["原文"]
    assert len(table.rows) == len(rows) + 1


def test_unknown_format_is_refused(tmp_path):
    with pytest.raises(InvalidQuestion) as e:
        export.save(tmp_path / "x.xlsx", "t", ["a"], [])
    assert e.value.code == "bad_export_format" and ".docx" in e.value.message
    assert not (tmp_path / "x.xlsx").exists()
