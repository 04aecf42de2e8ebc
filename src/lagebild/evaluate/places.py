"""Toponym evaluation: our own sentences (``evaluate/data/toponyms_<lang>.jsonl``) with the expected
toponyms and their countries. Scores: share of expected toponyms found with the right country
(``country_accuracy``), and spurious places per sentence on all sentences (``spurious_per_sentence``)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def load_set(lang: str) -> list[dict[str, Any]]:
    path = Path(str(resources.files("lagebild") / "evaluate" / "data" / f"toponyms_{lang}.jsonl"))
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_places(lang: str = "de", nlp=None) -> dict[str, Any]:
    from ..language import build_pipeline

    nlp = nlp or build_pipeline(lang, layers=("lagebild_places",))
    items = load_set(lang)
    expected = correct = found = spurious = 0
    errors = []
    for item in items:
        doc = nlp(item["text"])
        got = {p.text: p.country for p in doc._.lb_places or []}
        gold = {t: c for t, c in item["places"]}
        for text, cc in gold.items():
            expected += 1
            if text in got:
                found += 1
            if got.get(text) == cc:
                correct += 1
            else:
                errors.append(f"{text!r}: expected {cc}, got {got.get(text)}  | {item['text']}")
        for text, cc in got.items():
            if text not in gold:
                spurious += 1
                errors.append(f"spurious {text!r} ({cc})  | {item['text']}")
    return {
        "metrics": {
            "country_accuracy": correct / expected if expected else 0.0,
            "recall": found / expected if expected else 0.0,
            "spurious_per_sentence": spurious / len(items) if items else 0.0,
        },
        "n_sentences": len(items),
        "n_toponyms": expected,
        "errors": errors,
    }
