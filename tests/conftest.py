"""Shared fixtures: a tiny five-document corpus, and the real corpus indexed once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from planqa.config import Config

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

# Five one-topic plans, small enough to read in the test, shaped like the real ones.
TINY = {
    "a_甲区规划.txt": (
        "甲区“十四五”时期科技创新发展规划\n"
        "一、发展目标\n"
        "到2025年，甲区国家级高新技术企业达到1200家，研发投入强度达到4.5%。\n"
        "（一）重点任务\n"
        "1.建设创新平台。推动建设10个市级重点实验室。支持企业建设研发中心。\n"
        "2.培育人才队伍。引进领军人才500人左右。\n"
    ),
    "b_乙区计划.txt": (
        "乙区科技创新行动计划（2024-2026年）\n"
        "一、总体要求\n"
        "到2026年，乙区技术合同成交额突破80亿元。\n"
        "二、主要行动\n"
        "（一）实施平台提升行动\n"
        "（二）实施企业培育行动\n"
        "（三）实施人才集聚行动\n"
        "三、保障措施\n"
        "加强组织领导，建立工作台账，定期调度推进。\n"
    ),
    "c_全市规划.txt": (
        "丙市“十三五”时期科技创新规划\n"
        "一、总体思路\n"
        "本规划所称“两城一带”，是指科学城、创新城和沿河创新带。\n"
        "二、发展目标\n"
        "到2020年，全社会研究与试验发展（R&D）经费支出占地区生产总值比重保持在6.0%左右。\n"
        "专栏 1：重点领域\n"
        "信息技术。重点研究量子信息、人工智能等技术。\n"
        "生物技术。重点研究基因治疗、合成生物等技术。\n"
    ),
    "d_解读.txt": (
        "丙市“十四五”科技创新规划解读\n"
        "继往开来 抓住重要窗口期\n"
        "《规划》提出，到2025年丙市基本形成国际科技创新中心。基础研究投入占比提升至16%。\n"
    ),
    "e_说明.txt": (
        "关于甲区“十五五”科技规划的起草说明\n"
        "一、规划期限\n"
        "规划期限为2026年至2030年。\n"
    ),
}


def write_tiny_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in TINY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def tiny_config(base: Path, **overrides) -> Config:
    values = {"corpus.dir": str(base / "corpus"), "index_dir": str(base / "index"), "model.train_epochs": "1"}
    values.update(overrides)
    return Config().merged(values)


@pytest.fixture(scope="session")
def tiny_base(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("tiny")
    write_tiny_corpus(base / "corpus")
    return base


@pytest.fixture(scope="session")
def tiny_engine(tiny_base):
    from planqa.engine import Engine

    return Engine.open(tiny_config(tiny_base), progress=lambda m: None)


@pytest.fixture(scope="session")
def real_base(tmp_path_factory) -> Path:
    """A copy of the real corpus with its own index directory."""
    base = tmp_path_factory.mktemp("real")
    shutil.copytree(ROOT / "corpus", base / "corpus")
    return base


@pytest.fixture(scope="session")
def real_config(real_base) -> Config:
    return Config().merged({"corpus.dir": str(real_base / "corpus"), "index_dir": str(real_base / "index")})


@pytest.fixture(scope="session")
def real_engine(real_config):
    from planqa.engine import Engine

    return Engine.open(real_config, progress=lambda m: None)
