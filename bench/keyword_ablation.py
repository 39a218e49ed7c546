"""Keyword search on words alone vs words plus character bigrams, keyword-only and in the default
hybrid set-up, on the tuning sets (dev split of eval/qa.jsonl and eval/calibration.jsonl).
Prints figures, asserts nothing: ``python bench/keyword_ablation.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEYS = ("hit@1", "hit@5", "mrr@10", "key_fact_recall", "citation_precision")


def main() -> None:
    from planqa.config import Config
    from planqa.engine import Engine
    from planqa.evaluation.gold import load_qa
    from planqa.evaluation.runner import evaluate_qa, summarize_qa
    from planqa.index_store import search_text
    from planqa.keyword import KeywordIndex

    for label, overrides in (("default", []), ("keyword-only", ["retrieval.dense=false", "retrieval.rerank=false"])):
        cfg = Config.load(overrides=overrides)
        index = Engine.open(cfg, progress=lambda m: None).index
        texts = [search_text(c, index.documents[c.doc_id].meta) for c in index.chunks]
        for bigrams in (True, False):
            index.keyword = KeywordIndex.build(texts, index.tokenizer, bigrams=bigrams)
            engine = Engine(index, cfg)
            for name in ("qa.jsonl", "calibration.jsonl"):
                s = summarize_qa(evaluate_qa(engine, load_qa(ROOT / "eval" / name, "dev"), False))
                tokens = "words+bigrams" if bigrams else "words only"
                print(f"{label:13} {tokens:14} {name:18}", " ".join(f"{k}={s[k]:.3f}" for k in KEYS))


if __name__ == "__main__":
    main()
