"""Embedding models: the one the project builds from the corpus, and pretrained ones from a local path.

The default model is a sentence-transformers ``StaticEmbedding`` (mean of learned token
vectors, then L2-normalised) saved in the standard format, so ``SentenceTransformer(path)``
loads it like any other model. It is built offline in seconds:

1. token vectors initialised from the corpus' co-occurrence statistics (PPMI + SVD),
   scaled by inverse document frequency;
2. tuned with an in-batch contrastive loss on pairs mined from the corpus itself
   (heading ↔ its text, sentence ↔ next sentence, clause ↔ rest of sentence).

At query time a static model is evaluated with numpy (same maths as ``StaticEmbedding``:
tokenize, average the rows, normalise), which avoids importing torch and
sentence-transformers (about 9 s) for the default configuration. Any other model (bge-small-zh,
bge-m3, …) is loaded with ``SentenceTransformer(path, local_files_only=True)``.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from .config import ModelConfig
from .errors import ModelNotFound
from .tokenizer import STOPWORDS, TextTokenizer

STATIC_TYPE = "sentence_transformers.sentence_transformer.modules.static_embedding.StaticEmbedding"
STATIC_TYPES = {
    STATIC_TYPE,
    "sentence_transformers.models.StaticEmbedding",
    "sentence_transformers.models.StaticEmbedding.StaticEmbedding",
}
NORMALIZE_TYPE = "sentence_transformers.base.modules.normalize.Normalize"


class Embedder(Protocol):
    model_id: str
    dim: int

    def encode_queries(self, texts: list[str]) -> np.ndarray: ...

    def encode_documents(self, texts: list[str]) -> np.ndarray: ...


def offline_environment() -> None:
    """Make sure nothing below reaches for a model hub."""
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE"):
        os.environ[key] = "1"
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def check_model_dir(path: str, what: str) -> Path:
    p = Path(path).expanduser()
    if not p.exists():
        raise ModelNotFound(what, str(p), "路径不存在")
    if not p.is_dir():
        raise ModelNotFound(what, str(p), "不是目录")
    if not any((p / name).exists() for name in ("modules.json", "config.json", "config_sentence_transformers.json")):
        raise ModelNotFound(what, str(p), "目录中没有 modules.json 或 config.json")
    return p


def load_embedder(path: str | Path) -> Embedder:
    """Load a local sentence-transformers model directory."""
    p = check_model_dir(str(path), "嵌入模型")
    modules_file = p / "modules.json"
    if modules_file.exists():
        modules = json.loads(modules_file.read_text(encoding="utf-8"))
        types = [m.get("type") for m in modules]
        if types and types[0] in STATIC_TYPES and all(t == NORMALIZE_TYPE for t in types[1:]):
            return StaticEmbedder.load(p, modules[0].get("path", ""))
    return SentenceTransformerEmbedder(p)


# ---------------------------------------------------------------------------- static model
class StaticEmbedder:
    """A StaticEmbedding model evaluated with numpy."""

    def __init__(self, tokenizer: TextTokenizer, weights: np.ndarray, model_id: str):
        self.tokenizer = tokenizer
        self.weights = weights.astype(np.float32, copy=False)
        self.dim = int(weights.shape[1])
        self.model_id = model_id

    @classmethod
    def load(cls, path: Path, subdir: str = "") -> StaticEmbedder:
        from safetensors.numpy import load_file

        root = path / subdir if subdir else path
        weights = load_file(str(root / "model.safetensors"))["embedding.weight"]
        return cls(TextTokenizer.load(root / "tokenizer.json"), weights, f"static:{path.name}")

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, ids in enumerate(self.tokenizer.ids(texts)):
            if ids:
                out[i] = self.weights[ids].mean(axis=0)
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)

    encode_queries = encode
    encode_documents = encode


# ---------------------------------------------------------------------------- pretrained models
class SentenceTransformerEmbedder:
    """Any sentence-transformers model from a local directory (bge-small-zh-v1.5, bge-m3, …)."""

    def __init__(self, path: Path):
        offline_environment()
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        self.dim = int(self.model.get_embedding_dimension() or 0)
        self.model_id = f"st:{path.name}"
        prompts = getattr(self.model, "prompts", {}) or {}
        self._query_prompt = "query" if prompts.get("query") else None

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(
            texts, prompt_name=self._query_prompt, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        ).astype(np.float32)

    def encode_documents(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(
            texts, normalize_embeddings=True, convert_to_numpy=True, batch_size=32, show_progress_bar=False
        ).astype(np.float32)


class CrossEncoderReranker:
    """An optional CrossEncoder (e.g. bge-reranker-base) from a local directory."""

    def __init__(self, path: str):
        p = check_model_dir(path, "重排序模型")
        offline_environment()
        from sentence_transformers import CrossEncoder

        self.model = CrossEncoder(str(p), device="cpu", local_files_only=True)
        self.model_id = f"ce:{p.name}"

    def scores(self, query: str, passages: list[str]) -> np.ndarray:
        if not passages:
            return np.zeros(0, dtype=np.float32)
        pairs = [(query, p) for p in passages]
        return np.asarray(self.model.predict(pairs, show_progress_bar=False), dtype=np.float32)


# ---------------------------------------------------------------------------- building our own
@dataclass(frozen=True)
class TrainingPair:
    anchor: str
    positive: str


def build_static_model(
    tokenizer: TextTokenizer, sentences: list[str], pairs: list[TrainingPair], cfg: ModelConfig, out_dir: Path
) -> StaticEmbedder:
    """Build and save the project's StaticEmbedding model in the sentence-transformers format."""
    rng = np.random.default_rng(cfg.seed)
    ids = tokenizer.ids(sentences)
    vocab = tokenizer.tok.get_vocab()
    inv = {i: t for t, i in vocab.items()}
    weights = _ppmi_svd(ids, tokenizer.vocab_size, cfg.dim, rng)
    weights *= _token_weights(ids, tokenizer.vocab_size, inv)[:, None]
    if pairs and cfg.train_epochs > 0:
        weights = _contrastive_tune(weights, tokenizer, pairs, cfg)
    _save_sentence_transformers(out_dir, tokenizer, weights, cfg)
    return StaticEmbedder(tokenizer, weights, f"static:{out_dir.name}")


def _ppmi_svd(ids: list[list[int]], vocab_size: int, dim: int, rng: np.random.Generator, window: int = 6) -> np.ndarray:
    """Token vectors from positive pointwise mutual information of co-occurrence (LSA-style)."""
    from scipy import sparse

    rows, cols = [], []
    for seq in ids:
        n = len(seq)
        for i in range(n):
            for j in range(max(0, i - window), min(n, i + window + 1)):
                if i != j:
                    rows.append(seq[i])
                    cols.append(seq[j])
    counts = sparse.coo_matrix(
        (np.ones(len(rows), dtype=np.float64), (rows, cols)), shape=(vocab_size, vocab_size)
    ).tocsr()
    total = counts.sum()
    row_sums = np.asarray(counts.sum(axis=1)).ravel()
    col_sums = np.asarray(counts.sum(axis=0)).ravel() ** 0.75  # context distribution smoothing
    col_sums /= col_sums.sum()
    coo = counts.tocoo()
    pmi = np.log(coo.data * 1.0 / (row_sums[coo.row] / total * col_sums[coo.col] * total))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=counts.shape)
    k = min(dim, vocab_size - 1)
    u, s = _randomized_svd(ppmi, k, rng)
    vectors = (u * np.sqrt(s)).astype(np.float32)
    if vectors.shape[1] < dim:
        vectors = np.hstack([vectors, np.zeros((vocab_size, dim - vectors.shape[1]), np.float32)])
    empty = np.asarray(ppmi.sum(axis=1)).ravel() == 0
    vectors[empty] = rng.normal(0, 0.01, size=(int(empty.sum()), dim)).astype(np.float32)
    return vectors


def _randomized_svd(m, k: int, rng: np.random.Generator, oversample: int = 16, iters: int = 3):
    n = m.shape[1]
    omega = rng.normal(size=(n, k + oversample))
    y = m @ omega
    for _ in range(iters):
        y, _ = np.linalg.qr(y)
        y = m @ (m.T @ y)
    q, _ = np.linalg.qr(y)
    b = (m.T @ q).T
    ub, s, _ = np.linalg.svd(b, full_matrices=False)
    return (q @ ub)[:, :k], s[:k]


def _token_weights(ids: list[list[int]], vocab_size: int, inv: dict[int, str]) -> np.ndarray:
    """IDF over sentences, so that frequent function words barely move an average."""
    df = np.zeros(vocab_size)
    for seq in ids:
        for t in set(seq):
            df[t] += 1
    idf = np.log((len(ids) + 1) / (df + 1)) + 1.0
    idf /= idf.max()
    for i in range(vocab_size):
        token = inv.get(i, "")
        if token in STOPWORDS or not any(c.isalnum() for c in token):
            idf[i] *= 0.1
    return idf.astype(np.float32)


def _contrastive_tune(weights: np.ndarray, tokenizer: TextTokenizer, pairs: list[TrainingPair], cfg: ModelConfig) -> np.ndarray:
    """In-batch negatives (InfoNCE) over the mean-pooled token vectors, as MultipleNegativesRankingLoss."""
    import torch

    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    torch.set_num_threads(max(1, min(2, os.cpu_count() or 1)))
    emb = torch.nn.EmbeddingBag.from_pretrained(torch.from_numpy(weights.copy()), freeze=False, mode="mean")
    opt = torch.optim.Adam(emb.parameters(), lr=2e-3)
    anchors = tokenizer.ids([p.anchor for p in pairs])
    positives = tokenizer.ids([p.positive for p in pairs])
    order = [i for i in range(len(pairs)) if anchors[i] and positives[i]]
    batch = 128

    def bag(seqs):
        flat = torch.tensor([t for s in seqs for t in s], dtype=torch.long)
        offsets = torch.tensor(np.cumsum([0] + [len(s) for s in seqs[:-1]]), dtype=torch.long)
        return torch.nn.functional.normalize(emb(flat, offsets), dim=-1)

    for _ in range(cfg.train_epochs):
        random.shuffle(order)
        for b in range(0, len(order) - 1, batch):
            idx = order[b : b + batch]
            if len(idx) < 2:
                continue
            a = bag([anchors[i] for i in idx])
            p = bag([positives[i] for i in idx])
            logits = a @ p.T / 0.05
            target = torch.arange(len(idx))
            loss = (torch.nn.functional.cross_entropy(logits, target) + torch.nn.functional.cross_entropy(logits.T, target)) / 2
            opt.zero_grad()
            loss.backward()
            opt.step()
    return emb.weight.detach().numpy().astype(np.float32)


def _save_sentence_transformers(out_dir: Path, tokenizer: TextTokenizer, weights: np.ndarray, cfg: ModelConfig) -> None:
    """Write the directory exactly as sentence-transformers 6 saves a StaticEmbedding model."""
    from safetensors.numpy import save_file

    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "1_Normalize").mkdir(exist_ok=True)
    save_file({"embedding.weight": np.ascontiguousarray(weights, dtype=np.float32)}, str(out_dir / "model.safetensors"))
    tokenizer.save(out_dir / "tokenizer.json")
    modules = [
        {"idx": 0, "name": "0", "path": "", "type": STATIC_TYPE},
        {"idx": 1, "name": "1", "path": "1_Normalize", "type": NORMALIZE_TYPE},
    ]
    (out_dir / "modules.json").write_text(json.dumps(modules, indent=2), encoding="utf-8")
    (out_dir / "1_Normalize" / "config.json").write_text(
        json.dumps({"module_input_name": "sentence_embedding", "module_output_name": "sentence_embedding"}, indent=4),
        encoding="utf-8",
    )
    (out_dir / "config_sentence_transformers.json").write_text(
        json.dumps(
            {"model_type": "SentenceTransformer", "prompts": {"query": "", "document": ""},
             "default_prompt_name": None, "similarity_fn_name": "cosine"},
            indent=2,
        ),
        encoding="utf-8",
    )
    (out_dir / "README.md").write_text(
        "# PlanQA static embedding model\n\n"
        "Built offline by PlanQA from the documents in `corpus/` (no pretrained weights):\n"
        f"a StaticEmbedding of dimension {weights.shape[1]} over a {weights.shape[0]}-piece Unigram vocabulary,\n"
        "initialised with PPMI+SVD co-occurrence vectors and tuned with an in-batch contrastive loss on\n"
        "pairs mined from the corpus. Load it with `SentenceTransformer(path)`.\n",
        encoding="utf-8",
    )
