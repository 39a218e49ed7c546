"""Tiny models the project makes for tests of the pretrained-model code path (no downloads).

They are randomly initialised: they prove that a local bge-style directory loads and runs
through the same code as a real one, not that it retrieves well.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ["HF_HUB_OFFLINE"] = "1"
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]


def _tokenizer(folder: Path, text: str):
    from transformers import BertTokenizerFast

    folder.mkdir(parents=True, exist_ok=True)
    chars = sorted({c for c in text if not c.isspace()})
    (folder / "vocab.txt").write_text("\n".join(SPECIAL + chars) + "\n", encoding="utf-8")
    return BertTokenizerFast(vocab_file=str(folder / "vocab.txt"))


def _config(vocab_size: int, **extra):
    from transformers import BertConfig

    return BertConfig(vocab_size=vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                      intermediate_size=64, max_position_embeddings=512, **extra)


def make_transformer_model(folder: Path, text: str) -> Path:
    """A bge-shaped sentence-transformers model: BERT + mean pooling + normalize."""
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.base.modules import Normalize
    from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    from transformers import BertModel

    torch.manual_seed(0)
    hf = folder / "hf"
    tok = _tokenizer(hf, text)
    BertModel(_config(len(tok))).save_pretrained(str(hf))
    tok.save_pretrained(str(hf))
    transformer = Transformer(str(hf), max_seq_length=512)
    model = SentenceTransformer(modules=[transformer, Pooling(transformer.get_embedding_dimension(), "mean"), Normalize()])
    model.save(str(folder / "st"))
    return folder / "st"


def make_cross_encoder(folder: Path, text: str) -> Path:
    """A bge-reranker-shaped CrossEncoder: BERT with a one-logit classification head."""
    import torch
    from transformers import BertForSequenceClassification

    torch.manual_seed(0)
    tok = _tokenizer(folder, text)
    BertForSequenceClassification(_config(len(tok), num_labels=1, id2label={0: "LABEL_0"}, label2id={"LABEL_0": 0})).save_pretrained(str(folder))
    tok.save_pretrained(str(folder))
    return folder
