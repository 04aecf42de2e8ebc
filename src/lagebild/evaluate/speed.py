"""Speed of the pipeline per component on German news (10kGNAD test split): used by
``lagebild evaluate events --timing`` and ``benchmarks/pipeline_speed.py``."""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def load_10kgnad(data_root: Path, n: int) -> list[str]:
    import csv

    csv.field_size_limit(10**9)
    path = data_root / "unlabelled" / "10kGNAD" / "test.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
    return [r[1] for r in rows[:n] if len(r) > 1]


def component_timing(texts: Iterable[str], nlp=None, lang: str = "de") -> dict[str, Any]:
    """Seconds spent per pipeline component (documents processed one by one)."""
    from ..language import build_pipeline

    nlp = nlp or build_pipeline(lang)
    totals = {name: 0.0 for name, _ in nlp.pipeline}
    totals["tokenizer"] = 0.0
    n = 0
    for text in texts:
        t0 = time.perf_counter()
        doc = nlp.make_doc(text)
        totals["tokenizer"] += time.perf_counter() - t0
        doc._.lb_dct = "2016-01-01"
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            totals[name] += time.perf_counter() - t0
        n += 1
    total = sum(totals.values())
    events = totals.get("lagebild_events", 0.0)
    return {
        "docs": n,
        "seconds": {k: round(v, 2) for k, v in totals.items()},
        "total_seconds": round(total, 2),
        "metrics": {"events_share_of_pipeline_time": events / total if total else 0.0,
                    "events_plus_places_actors_share": sum(totals.get(k, 0.0) for k in ("lagebild_events", "lagebild_places", "lagebild_actors")) / total if total else 0.0},
    }
