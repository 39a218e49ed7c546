"""Embedding models: the project-built static model, and pretrained ones loaded from a local path."""

from __future__ import annotations

import numpy as np
import pytest

from planqa.config import ModelConfig
from planqa.embedding import (
    StaticEmbedder,
    TrainingPair,
    build_static_model,
    load_embedder,
)
from planqa.errors import ModelNotFound
from planqa.tokenizer import TextTokenizer, build_tokenizer

from .model_factory import make_cross_encoder, make_transformer_model

SENTENCES = [
    "到2026年，国家级创新平台总量突破10家，市级创新平台达到60家。",
    "国家级高新技术企业数量达5200家，专精特新中小企业500家左右。",
    "全社会研究与试验发展经费支出占地区生产总值比重保持在6.0%左右。",
    "加快建设三城一区主平台，推动中关村科学城和怀柔科学城协同发展。",
    "引进培养一批具有国际视野的科学家、企业家和创新创业人才。",
    "实施首都蓝天行动，推动区域大气污染联防联控。",
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("model")
    tok = TextTokenizer(build_tokenizer(SENTENCES))
    pairs = [TrainingPair(a, b) for a, b in zip(SENTENCES, SENTENCES[1:])]
    model = build_static_model(tok, SENTENCES, pairs, ModelConfig(dim=32, train_epochs=2), folder / "m")
    return folder / "m", model


def test_static_model_is_saved_in_sentence_transformers_format(built):
    path, model = built
    for name in ("modules.json", "model.safetensors", "tokenizer.json", "1_Normalize/config.json", "README.md"):
        assert (path / name).exists(), name
    vecs = model.encode(SENTENCES)
    assert vecs.shape == (len(SENTENCES), 32)
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-5)


def test_numpy_fast_path_equals_sentence_transformers(built):
    """Our numpy evaluation must give what SentenceTransformer(path) gives for the same model."""
    from sentence_transformers import SentenceTransformer

    path, _ = built
    fast = load_embedder(path)
    assert isinstance(fast, StaticEmbedder)
    reference = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    queries = ["副中心国家级创新平台要达到多少家？", "研发经费占比"]
    assert np.allclose(fast.encode_queries(queries), reference.encode(queries), atol=1e-5)


def test_related_sentences_are_closer_than_unrelated(built):
    _, model = built
    v = model.encode(["国家级创新平台总量", SENTENCES[0], SENTENCES[5]])
    assert v[0] @ v[1] > v[0] @ v[2]


def test_missing_model_path_names_the_path(tmp_path):
    with pytest.raises(ModelNotFound) as e:
        load_embedder(tmp_path / "bge-small-zh-v1.5")
    assert str(tmp_path / "bge-small-zh-v1.5") in e.value.message and "不会联网下载" in e.value.message
    (tmp_path / "empty").mkdir()
    with pytest.raises(ModelNotFound, match="modules.json"):
        load_embedder(tmp_path / "empty")


def test_pretrained_transformer_model_loads_from_local_path(tmp_path):
    """The bge path: a (tiny, randomly initialised) BERT sentence-transformers model from disk."""
    path = make_transformer_model(tmp_path / "tiny-bge", "".join(SENTENCES))
    embedder = load_embedder(path)
    assert not isinstance(embedder, StaticEmbedder)
    v = embedder.encode_documents(SENTENCES[:2])
    assert v.shape == (2, 32) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_cross_encoder_loads_from_local_path(tmp_path):
    from planqa.embedding import CrossEncoderReranker

    ce = CrossEncoderReranker(str(make_cross_encoder(tmp_path / "tiny-reranker", "".join(SENTENCES))))
    scores = ce.scores("国家级创新平台", SENTENCES[:3])
    assert scores.shape == (3,) and np.isfinite(scores).all()
    with pytest.raises(ModelNotFound):
        CrossEncoderReranker(str(tmp_path / "absent"))
