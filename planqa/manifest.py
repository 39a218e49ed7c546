"""The corpus manifest (``corpus/manifest.json``) and title inference for files it does not list."""

from __future__ import annotations

import json
import re
from pathlib import Path

from .cleaning import Line
from .errors import ConfigError
from .schema import DocMeta

_PERIODS = {"十一五": "2006-2010", "十二五": "2011-2015", "十三五": "2016-2020", "十四五": "2021-2025", "十五五": "2026-2030"}
_KINDS = [("起草说明", "起草说明"), ("解读", "解读"), ("行动计划", "行动计划"), ("实施方案", "方案"), ("方案", "方案"), ("规划", "规划"), ("意见", "意见"), ("通知", "通知")]
_REGION = re.compile(r"(?:^|关于|印发)(北京城市副中心|[\u4e00-\u9fff]{1,3}[区县市]|河北省)")
_TITLE_WORDS = ("规划", "计划", "方案", "意见", "通知", "解读", "说明", "纲要", "办法")


def load_manifest(corpus_dir: Path, name: str = "manifest.json") -> dict[str, dict]:
    path = corpus_dir / name
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"语料清单 {path} 无法解析：{e}") from e
    return {k: v for k, v in data.items() if not k.startswith("_") and isinstance(v, dict)}


def meta_for(file: str, entry: dict | None, lines: list[Line]) -> DocMeta:
    """Manifest facts when present, otherwise what the text itself says."""
    if entry:
        return DocMeta(
            file=file,
            title=entry.get("title") or infer_title(file, lines),
            short_name=entry.get("short_name", ""),
            issuer=entry.get("issuer", ""),
            period=entry.get("period", ""),
            date=entry.get("date", ""),
            region=entry.get("region", ""),
            kind=entry.get("kind", ""),
            aliases=tuple(entry.get("aliases", ())),
        )
    title = infer_title(file, lines)
    head = title + "\n" + "\n".join(line.text for line in lines[:40])
    period = ""
    for name, years in _PERIODS.items():
        if name in title:
            period = years
            break
    m = re.search(r"(20\d\d)\s*(?:年)?\s*(?:[-—–至到]|年至)\s*(20\d\d)", head)
    if not period and m:
        period = f"{m.group(1)}-{m.group(2)}"
    kind = next((k for word, k in _KINDS if word in title), "")
    region_match = _REGION.search(title)
    region = region_match.group(1) if region_match else ""
    aliases = tuple(a for a in {region, region.removesuffix("区") if region.endswith("区") else ""} if a)
    return DocMeta(file, title, title, "", period, "", region, kind, aliases, inferred=True)


def infer_title(file: str, lines: list[Line]) -> str:
    """The first short line near the top that names a plan, else the first line, else the file stem."""
    candidates = [line.text.strip() for line in lines[:12] if line.text.strip() and not line.hint]
    for text in candidates:
        if len(text) <= 60 and any(w in text for w in _TITLE_WORDS) and not text.endswith("。"):
            return text
    for text in candidates:
        if len(text) <= 60:
            return text
    return Path(file).stem
