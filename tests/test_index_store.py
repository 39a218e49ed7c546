"""The index on disk: generations, manifest, checksums, freshness, the ingest report."""

from __future__ import annotations

import json

import pytest

from planqa.errors import CorpusEmpty, IndexError_, ModelNotFound
from planqa.index_store import IndexStore

from .conftest import tiny_config, write_tiny_corpus


@pytest.fixture()
def base(tmp_path):
    write_tiny_corpus(tmp_path / "corpus")
    return tmp_path


def quiet(_msg):
    pass


def test_build_writes_a_verified_generation_and_loads_it(base):
    store = IndexStore(tiny_config(base))
    built = store.build(quiet)
    assert (base / "index" / "CURRENT").read_text() == built.path.name
    manifest = json.loads((built.path / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format_version"] == 1 and manifest["counts"]["documents"] == 5
    assert set(manifest["corpus"]) == {*(p.name for p in (base / "corpus").iterdir())}
    assert {"chunks.json", "documents.json", "vectors.faiss", "tokenizer.json", "model/model.safetensors"} <= set(manifest["artifacts"])
    assert manifest["settings"]["chunk"] == {"target_chars": 320, "max_chars": 480}
    loaded = store.load()
    assert [c.id for c in loaded.chunks] == [c.id for c in built.chunks]
    assert store.stale_reason() is None
    for c in loaded.chunks:  # every chunk quotes its document exactly
        assert loaded.documents[c.doc_id].text[c.start : c.end] == c.text


def test_corpus_change_triggers_rebuild_and_keeps_previous_generation(base):
    store = IndexStore(tiny_config(base))
    first = store.build(quiet)
    (base / "corpus" / "b_乙区计划.txt").write_text("乙区科技创新行动计划\n一、目标\n到2026年，成交额突破90亿元。\n", encoding="utf-8")
    assert "b_乙区计划.txt" in store.stale_reason()
    index, status = store.load_or_build(quiet)
    assert "已重建索引" in status and index.path != first.path
    assert first.path.exists()  # the previous generation is kept
    assert any("90亿元" in c.text for c in index.chunks)


def test_settings_change_means_stale(base):
    IndexStore(tiny_config(base)).build(quiet)
    assert IndexStore(tiny_config(base, **{"chunk.target_chars": "200"})).stale_reason() == "索引相关配置已改变"


def test_tampered_artifact_is_refused_and_rebuilt(base):
    store = IndexStore(tiny_config(base))
    built = store.build(quiet)
    (built.path / "chunks.json").write_text("[]", encoding="utf-8")
    with pytest.raises(IndexError_, match="chunks.json"):
        store.load()
    index, status = store.load_or_build(quiet)
    assert "无法使用" in status and len(index.chunks) == len(built.chunks)


def test_unreadable_files_are_reported_with_reasons(base):
    corpus = base / "corpus"
    (corpus / "空文件.txt").write_bytes(b"")
    (corpus / "损坏.pdf").write_bytes(b"%PDF-1.4 not really a pdf")
    (corpus / "表格.xlsx").write_bytes(b"PK")
    (corpus / "新规划.txt").write_text("丁区科技创新三年行动方案（2025-2027年）\n一、目标\n建设10个平台。\n", encoding="utf-8")
    index = IndexStore(tiny_config(base)).build(quiet)
    reasons = {s.file: s.reason for s in index.skipped}
    assert set(reasons) == {"空文件.txt", "损坏.pdf", "表格.xlsx"}
    assert "0 字节" in reasons["空文件.txt"] and "PDF" in reasons["损坏.pdf"] and "不支持" in reasons["表格.xlsx"]
    new = index.documents["新规划.txt"].meta  # no manifest entry: title and facts inferred
    assert new.inferred and new.title == "丁区科技创新三年行动方案（2025-2027年）" and new.period == "2025-2027"
    assert new.kind == "方案"


def test_empty_corpus_and_missing_model_are_clear_errors(base, tmp_path):
    with pytest.raises(CorpusEmpty):
        IndexStore(tiny_config(tmp_path / "nothing")).build(quiet)
    cfg = tiny_config(base, **{"model.embed_model": str(tmp_path / "models" / "bge-small-zh-v1.5")})
    with pytest.raises(ModelNotFound) as e:
        IndexStore(cfg).build(quiet)
    assert "bge-small-zh-v1.5" in e.value.message
