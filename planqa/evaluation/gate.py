"""The regression gate: headline metrics must not fall more than a tolerance below eval/baseline.json."""

from __future__ import annotations

import json
from pathlib import Path

# Absolute tolerances. On the dev split one answerable question moves a rate by about 0.013,
# so 0.02 lets no more than one question's worth of change through unnoticed.
TOLERANCE = {
    "hit@5": 0.02, "mrr@10": 0.02, "key_fact_recall": 0.02, "citation_precision": 0.02,
    "refusal_accuracy": 0.04, "false_refusal_rate": 0.02, "wording_top1": 0.02, "wording_negatives_new": 0.05,
    "targets_precision": 0.02, "targets_recall": 0.02,
}
LOWER_IS_BETTER = {"false_refusal_rate"}


def check(headline: dict[str, float], baseline: dict[str, float]) -> list[str]:
    """Failures, in Chinese; empty when every headline metric is within tolerance."""
    failures = []
    for name, tol in TOLERANCE.items():
        if name not in baseline or name not in headline:
            continue
        old, new = baseline[name], headline[name]
        worse = (new - old) if name in LOWER_IS_BETTER else (old - new)
        if worse > tol + 1e-9:
            failures.append(f"{name}: {new:.4f}，基线 {old:.4f}，下降超过容差 {tol}")
    return failures


def load_baseline(path: Path, split: str) -> dict[str, float] | None:
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("splits", {}).get(split)


def update_baseline(path: Path, split: str, headline: dict[str, float], note: str = "") -> None:
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data["about"] = ("Headline metrics the gate compares against (python -m planqa eval --check). "
                     "Update only deliberately: python -m planqa eval --split SPLIT --update-baseline, then review the diff.")
    data["tolerance"] = TOLERANCE
    data.setdefault("splits", {})[split] = {k: v for k, v in headline.items() if k in TOLERANCE}
    if note:
        data.setdefault("notes", {})[split] = note
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
