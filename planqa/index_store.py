"""The on-disk index, written the way careful search systems write theirs.

Layout under ``index/``::

    CURRENT                 name of the live generation (replaced atomically)
    gen-<time>-<id>/        one complete build
        manifest.json       format version, settings, model id, sha256 of every corpus file
                            and of every artifact below, ingest report
        documents.json      cleaned documents (text, sections, blocks, pages)
        chunks.json         chunks with offsets into the cleaned text
        tokenizer.json      the project's Chinese tokenizer
        bm25/               keyword index (bm25s, numpy arrays without pickle)
        vectors.faiss       dense vectors
        model/              the project-built embedding model (default configuration)

A build writes a new generation beside the old one, fsyncs it, reloads and verifies it,
then swaps ``CURRENT``; the previous generation is kept. Loading checks the manifest
(format, settings, corpus checksums) and every artifact checksum before trusting a file,
so nothing that did not come from our own build is ever loaded.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path


from .chunking import chunk_document
from .config import Config
from .embedding import Embedder, StaticEmbedder, build_static_model, load_embedder
from .errors import CorpusEmpty, IndexError_
from .ingest import IngestResult, corpus_fingerprint, ingest_corpus
from .keyword import KeywordIndex
from .schema import Block, Chunk, DocMeta, Document, Section, SkippedFile
from .tokenizer import TextTokenizer, build_tokenizer
from .training_pairs import mine_pairs
from .vector_store import VectorIndex

FORMAT_VERSION = 1
# Bump when ingestion, cleaning, chunking or tokenizing logic changes what an index holds.
PIPELINE_VERSION = "2026.12.07-1"
KEEP_GENERATIONS = 2


@dataclass
class Index:
    """Everything a query needs, loaded from one generation."""

    path: Path
    manifest: dict
    documents: dict[str, Document]
    chunks: list[Chunk]
    tokenizer: TextTokenizer
    keyword: KeywordIndex
    vectors: VectorIndex
    embedder: Embedder
    skipped: list[SkippedFile] = field(default_factory=list)
    timings_ms: dict[str, float] = field(default_factory=dict)

    def quote(self, doc_id: str, start: int, end: int) -> str:
        return self.documents[doc_id].text[start:end]


def search_text(chunk: Chunk, meta: DocMeta) -> str:
    """What retrieval sees for a chunk: plan title, section path, table context, then the text."""
    return " ".join(x for x in (meta.title, meta.region, chunk.section.replace(" > ", " "), chunk.context, chunk.text) if x)


class IndexStore:
    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.root = Path(cfg.index_dir)

    # ------------------------------------------------------------------ public
    def load_or_build(self, progress=print) -> tuple[Index, str]:
        """Load the live index if it matches corpus and settings, else build a new one.

        Returns the index and a short Chinese status line saying which happened and why."""
        reason = self.stale_reason()
        if reason is None:
            try:
                return self.load(), "已加载现有索引"
            except IndexError_ as e:
                reason = f"现有索引无法使用（{e.message}）"
        progress(f"正在建立索引：{reason}")
        index = self.build(progress)
        return index, f"已重建索引：{reason}"

    def current_path(self) -> Path | None:
        pointer = self.root / "CURRENT"
        if not pointer.exists():
            return None
        path = self.root / pointer.read_text(encoding="utf-8").strip()
        return path if path.is_dir() else None

    def stale_reason(self) -> str | None:
        """None when the live index matches the corpus and settings; otherwise why not (Chinese)."""
        path = self.current_path()
        if path is None:
            return "尚无索引"
        try:
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            return "索引清单损坏"
        if manifest.get("format_version") != FORMAT_VERSION or manifest.get("pipeline_version") != PIPELINE_VERSION:
            return "索引格式或处理流程已更新"
        if manifest.get("settings_hash") != self.cfg.index_settings_hash():
            return "索引相关配置已改变"
        if manifest.get("model_fingerprint") != _model_fingerprint(self.cfg.model.embed_model):
            return "嵌入模型已改变"
        old, new = manifest.get("corpus", {}), corpus_fingerprint(self.cfg)
        if old != new:
            changed = sorted(set(old) ^ set(new) | {k for k in old if k in new and old[k] != new[k]})
            return "语料有变化：" + "、".join(changed[:5]) + ("等" if len(changed) > 5 else "")
        return None

    def load(self) -> Index:
        t0 = time.perf_counter()
        path = self.current_path()
        if path is None:
            raise IndexError_("索引不存在，请先运行 python -m planqa index")
        try:
            manifest = json.loads((path / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise IndexError_(f"索引清单无法读取：{e}") from e
        for name, digest in manifest.get("artifacts", {}).items():
            file = path / name
            if not file.exists() or _sha256(file) != digest:
                raise IndexError_(f"索引文件 {name} 缺失或校验和不符")
        t1 = time.perf_counter()
        documents = {d["doc_id"]: _document_from_dict(d) for d in _read_json(path / "documents.json")}
        chunks = [Chunk(**c) for c in _read_json(path / "chunks.json")]
        tokenizer = TextTokenizer.load(path / "tokenizer.json")
        keyword = KeywordIndex.load(path / "bm25", tokenizer)
        vectors = VectorIndex.load(path / "vectors.faiss")
        t2 = time.perf_counter()
        embedder = self._embedder(path)
        t3 = time.perf_counter()
        if vectors.size != len(chunks) or keyword.size != len(chunks):
            raise IndexError_("索引内容数量不一致")
        if vectors.dim != embedder.dim:
            raise IndexError_("向量维度与嵌入模型不一致")
        skipped = [SkippedFile(**s) for s in manifest.get("ingest", {}).get("skipped", [])]
        timings = {"verify": (t1 - t0) * 1000, "read": (t2 - t1) * 1000, "model": (t3 - t2) * 1000}
        return Index(path, manifest, documents, chunks, tokenizer, keyword, vectors, embedder, skipped, timings)

    def build(self, progress=print) -> Index:
        self.root.mkdir(parents=True, exist_ok=True)
        with self._lock():
            t0 = time.perf_counter()
            ingest = ingest_corpus(self.cfg)
            if not ingest.documents:
                raise CorpusEmpty(self.cfg.corpus.dir)
            for s in ingest.skipped:
                progress(f"  跳过 {s.file}：{s.reason}")
            stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{uuid.uuid4().hex[:8]}"
            tmp = self.root / f".building-{stamp}"
            final = self.root / f"gen-{stamp}"
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            try:
                timings = self._write_generation(tmp, ingest, progress)
                timings["total"] = (time.perf_counter() - t0) * 1000
                manifest = json.loads((tmp / "manifest.json").read_text(encoding="utf-8"))
                manifest["timings_ms"] = {k: round(v, 1) for k, v in timings.items()}
                _write_json(tmp / "manifest.json", manifest)
                _fsync_tree(tmp)
                os.replace(tmp, final)
                _fsync_dir(self.root)
                self._swap_current(final.name)
                index = self.load()  # verify what we wrote before anyone relies on it
            except BaseException:
                shutil.rmtree(tmp, ignore_errors=True)
                raise
            self._prune(keep=final.name)
            progress(
                f"索引完成：{len(index.documents)} 个文件，{len(index.chunks)} 个片段，"
                f"跳过 {len(index.skipped)} 个，用时 {timings['total'] / 1000:.1f} 秒"
            )
            return index

    # ------------------------------------------------------------------ internals
    def _write_generation(self, folder: Path, ingest: IngestResult, progress) -> dict[str, float]:
        timings: dict[str, float] = {}
        t = time.perf_counter()
        documents = ingest.documents
        chunks = [c for d in documents for c in chunk_document(d, self.cfg.chunk)]
        metas = {d.doc_id: d.meta for d in documents}
        texts = [search_text(c, metas[c.doc_id]) for c in chunks]
        timings["chunk"] = (time.perf_counter() - t) * 1000

        t = time.perf_counter()
        aliases = [a for d in documents for a in d.meta.aliases]
        tokenizer = TextTokenizer(build_tokenizer([d.text for d in documents], aliases))
        tokenizer.save(folder / "tokenizer.json")
        timings["tokenizer"] = (time.perf_counter() - t) * 1000

        t = time.perf_counter()
        keyword = KeywordIndex.build(texts, tokenizer)
        keyword.save(folder / "bm25")
        timings["bm25"] = (time.perf_counter() - t) * 1000

        t = time.perf_counter()
        if self.cfg.model.embed_model:
            embedder: Embedder = load_embedder(self.cfg.model.embed_model)
        else:
            progress("  训练项目自带的嵌入模型（离线，基于语料）…")
            sentences = [s for d in documents for s in d.text.split("\n") if s.strip()]
            embedder = build_static_model(tokenizer, sentences, mine_pairs(documents, chunks), self.cfg.model, folder / "model")
        timings["model"] = (time.perf_counter() - t) * 1000

        t = time.perf_counter()
        vectors = VectorIndex.build(embedder.encode_documents(texts))
        vectors.save(folder / "vectors.faiss")
        timings["embed"] = (time.perf_counter() - t) * 1000

        _write_json(folder / "documents.json", [_document_to_dict(d) for d in documents])
        _write_json(folder / "chunks.json", [c.to_dict() for c in chunks])
        artifacts = {
            str(p.relative_to(folder)): _sha256(p)
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "manifest.json"
        }
        manifest = {
            "format_version": FORMAT_VERSION,
            "pipeline_version": PIPELINE_VERSION,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S"),
            "settings": self.cfg.index_settings(),
            "settings_hash": self.cfg.index_settings_hash(),
            "model_id": embedder.model_id if self.cfg.model.embed_model else "planqa-static (model/)",
            "model_fingerprint": _model_fingerprint(self.cfg.model.embed_model),
            "embedding_dim": int(vectors.dim),
            "corpus": corpus_fingerprint(self.cfg),
            "counts": {"documents": len(documents), "chunks": len(chunks), "skipped": len(ingest.skipped)},
            "ingest": ingest.report(),
            "artifacts": artifacts,
        }
        _write_json(folder / "manifest.json", manifest)
        return timings

    def _embedder(self, path: Path) -> Embedder:
        if self.cfg.model.embed_model:
            return load_embedder(self.cfg.model.embed_model)
        return StaticEmbedder.load(path / "model")

    def _swap_current(self, name: str) -> None:
        tmp = self.root / "CURRENT.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(name)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, self.root / "CURRENT")
        _fsync_dir(self.root)

    def _prune(self, keep: str) -> None:
        gens = sorted((p for p in self.root.glob("gen-*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
        for old in gens[:-KEEP_GENERATIONS]:
            if old.name != keep:
                shutil.rmtree(old, ignore_errors=True)

    @contextlib.contextmanager
    def _lock(self):
        with open(self.root / ".lock", "w") as f:
            fcntl.flock(f, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(f, fcntl.LOCK_UN)


# ---------------------------------------------------------------------------- helpers
def _model_fingerprint(path: str) -> str:
    """Identity of a configured model directory: its config files' checksums and weight sizes."""
    if not path:
        return "planqa-static"
    p = Path(path).expanduser()
    if not p.is_dir():
        return f"missing:{p}"
    h = hashlib.sha256(str(p.resolve()).encode())
    for f in sorted(p.rglob("*")):
        if f.is_file():
            if f.suffix in {".json", ".txt", ".model"} and f.stat().st_size < 5_000_000:
                h.update(f.name.encode() + f.read_bytes())
            else:
                h.update(f"{f.name}:{f.stat().st_size}".encode())
    return h.hexdigest()[:16]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                os.fsync(f.fileno())
    for d in [folder, *[p for p in folder.rglob("*") if p.is_dir()]]:
        _fsync_dir(d)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _document_to_dict(d: Document) -> dict:
    return {
        "doc_id": d.doc_id,
        "meta": d.meta.to_dict(),
        "text": d.text,
        "sections": [[list(s.path), s.level, s.start, s.end] for s in d.sections],
        "blocks": [[b.kind, b.start, b.end, b.section] for b in d.blocks],
        "page_starts": d.page_starts,
        "sha256": d.sha256,
        "cleaning": d.cleaning,
    }


def _document_from_dict(data: dict) -> Document:
    meta = dict(data["meta"])
    meta["aliases"] = tuple(meta.get("aliases", ()))
    return Document(
        doc_id=data["doc_id"],
        meta=DocMeta(**meta),
        text=data["text"],
        sections=[Section(tuple(p), lvl, s, e) for p, lvl, s, e in data["sections"]],
        blocks=[Block(k, s, e, sec) for k, s, e, sec in data["blocks"]],
        page_starts=data.get("page_starts"),
        sha256=data.get("sha256", ""),
        cleaning=data.get("cleaning", {}),
    )
