"""Settings, grouped in small dataclasses and combined into one :class:`Config`.

Sources, later ones win: the defaults below, ``planqa.toml`` in the working directory (or
the file named by ``PLANQA_CONFIG``), environment variables ``PLANQA_<GROUP>_<NAME>``
(e.g. ``PLANQA_MODEL_EMBED_MODEL=/models/bge-small-zh-v1.5``), then explicit overrides
such as ``retrieval.fusion=score`` from the command line.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import tomllib

from .errors import ConfigError


@dataclass(frozen=True)
class CorpusConfig:
    dir: str = "corpus"
    manifest: str = "manifest.json"
    max_file_mb: float = 50.0  # larger files are skipped with a reason
    pdf_timeout_s: float = 30.0  # a hostile PDF cannot hang ingestion longer than this


@dataclass(frozen=True)
class ChunkConfig:
    # Sizes are in characters (one Chinese character is one token for bge-*-zh models,
    # whose limit is 512). See README "Chunking" for why these numbers.
    target_chars: int = 320
    max_chars: int = 480


@dataclass(frozen=True)
class ModelConfig:
    # Empty: the project builds its own static embedding model from the corpus (offline).
    # Otherwise a local sentence-transformers directory (bge-small-zh-v1.5, bge-m3, …).
    embed_model: str = ""
    # Optional local CrossEncoder directory (bge-reranker-…); empty disables it.
    reranker: str = ""
    dim: int = 256  # dimension of the project-built model
    train_epochs: int = 5
    seed: int = 13


@dataclass(frozen=True)
class RetrievalConfig:
    keyword: bool = True
    dense: bool = True
    rerank: bool = True  # the built-in feature reranker (and the CrossEncoder if configured)
    fusion: str = "rrf"  # "rrf" (reciprocal rank) | "score" (weighted sum of scores scaled by their maximum)
    rrf_k: int = 60
    dense_weight: float = 1.0
    keyword_weight: float = 1.0
    # Add the plans' wordings of aliases the user typed (研发 → R&D) to the search query. Off: on dev it
    # cost MRR and citation precision (README, ablation); aliases still count when sentences are scored.
    expand_aliases: bool = False
    plan_prior: float = 1.0  # lift for chunks of a plan the question names by place, period or year (0 = off)
    sentence_weight: float = 0.5  # rerank: weight of the best sentence's coverage of the question (chosen on dev)
    candidates: int = 60  # how many fused candidates the reranker sees
    top_k: int = 10  # hits returned


@dataclass(frozen=True)
class AnswerConfig:
    mode: str = "extractive"  # "extractive" | "llm"
    max_citations: int = 4
    min_support: float = 0.42  # refusal threshold on evidence support (calibrated on dev)
    max_question_chars: int = 500


@dataclass(frozen=True)
class LLMConfig:
    # Any OpenAI-compatible endpoint. Off unless answer.mode = "llm".
    base_url: str = ""
    model: str = ""
    api_key_env: str = "PLANQA_LLM_API_KEY"  # the key itself is never stored in config
    timeout_s: float = 60.0
    temperature: float = 0.1


@dataclass(frozen=True)
class Config:
    corpus: CorpusConfig = field(default_factory=CorpusConfig)
    chunk: ChunkConfig = field(default_factory=ChunkConfig)
    model: ModelConfig = field(default_factory=ModelConfig)
    retrieval: RetrievalConfig = field(default_factory=RetrievalConfig)
    answer: AnswerConfig = field(default_factory=AnswerConfig)
    llm: LLMConfig = field(default_factory=LLMConfig)
    index_dir: str = "index"

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | Path | None = None, overrides: list[str] | dict | None = None) -> Config:
        """Defaults < TOML file < environment < ``overrides`` ("group.name=value")."""
        cfg = cls()
        path = path or os.environ.get("PLANQA_CONFIG") or ("planqa.toml" if Path("planqa.toml").exists() else None)
        if path:
            try:
                data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"配置文件 {path} 无法读取：{e}") from e
            cfg = cfg.merged(_flatten(data))
        env = {}
        for group in fields(cfg):
            if group.name == "index_dir":
                if "PLANQA_INDEX_DIR" in os.environ:
                    env["index_dir"] = os.environ["PLANQA_INDEX_DIR"]
                continue
            for f in fields(getattr(cfg, group.name)):
                key = f"PLANQA_{group.name}_{f.name}".upper()
                if key in os.environ:
                    env[f"{group.name}.{f.name}"] = os.environ[key]
        cfg = cfg.merged(env)
        if overrides:
            if isinstance(overrides, dict):
                cfg = cfg.merged(overrides)
            else:
                pairs = {}
                for item in overrides:
                    if "=" not in item:
                        raise ConfigError(f"配置覆盖项应写成 组.名称=值，收到：{item}")
                    k, v = item.split("=", 1)
                    pairs[k.strip()] = v.strip()
                cfg = cfg.merged(pairs)
        return cfg

    def merged(self, values: dict[str, Any]) -> Config:
        """A copy with ``{"group.name": value}`` applied; values are coerced to the field type."""
        cfg = self
        for key, raw in values.items():
            if key == "index_dir":
                cfg = replace(cfg, index_dir=str(raw))
                continue
            group_name, _, name = key.partition(".")
            group = getattr(cfg, group_name, None)
            if group is None or not name or name not in {f.name for f in fields(group)}:
                raise ConfigError(f"未知的配置项：{key}")
            value = _coerce(raw, getattr(group, name), key)
            if key in CHOICES and value not in CHOICES[key]:
                raise ConfigError(f"配置项 {key} 只能取 {' / '.join(CHOICES[key])}，收到：{raw}")
            cfg = replace(cfg, **{group_name: replace(group, **{name: value})})
        return cfg

    # ------------------------------------------------------------------ identity
    def index_settings(self) -> dict:
        """The settings that change what the index contains; a change triggers a rebuild."""
        return {
            "chunk": asdict(self.chunk),
            "model": {k: v for k, v in asdict(self.model).items() if k != "reranker"},
        }

    def index_settings_hash(self) -> str:
        blob = json.dumps(self.index_settings(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]

    def to_dict(self) -> dict:
        return asdict(self)


CHOICES = {"retrieval.fusion": ("rrf", "score"), "answer.mode": ("extractive", "llm")}


def _flatten(data: dict) -> dict:
    out = {}
    for k, v in data.items():
        if isinstance(v, dict):
            for k2, v2 in v.items():
                out[f"{k}.{k2}"] = v2
        else:
            out[k] = v
    return out


def _coerce(raw: Any, current: Any, key: str) -> Any:
    if isinstance(current, bool):
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ConfigError(f"配置项 {key} 应为 true/false，收到：{raw}")
    try:
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
    except (TypeError, ValueError) as e:
        raise ConfigError(f"配置项 {key} 应为数字，收到：{raw}") from e
    return str(raw)
