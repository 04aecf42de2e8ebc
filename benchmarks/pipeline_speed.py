"""Speed and memory of the full analysis pipeline on German news (10kGNAD test split).

Runs in ONE process pinned to one thread, documents one by one (as `lagebild analyze` does), and
reports tokens/s of the base spaCy pipeline alone and of the whole pipeline with Lagebild's layers,
the share of each layer, and peak RSS. Usage:

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 python benchmarks/pipeline_speed.py --limit 300 [--lang de]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="number of 10kGNAD test articles")
    parser.add_argument("--lang", default="de")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the results here")
    args = parser.parse_args()

    from lagebild.evaluate.speed import component_timing, load_10kgnad
    from lagebild.analyze import make_doc
    from lagebild.language import LAYER_FACTORIES, build_pipeline
    from lagebild.settings import get_settings

    t0 = time.perf_counter()
    nlp = build_pipeline(args.lang)
    load_s = time.perf_counter() - t0
    texts = load_10kgnad(get_settings().data, args.limit)
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    timing = component_timing(texts, nlp=nlp, lang=args.lang)
    seconds = timing["seconds"]
    layers = {k: v for k, v in seconds.items() if k in LAYER_FACTORIES}
    total = timing["total_seconds"]
    base = total - sum(layers.values())
    rss_one_by_one = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    # Batched, as `lagebild ingest` runs it: nlp.pipe over Docs that carry their DCT.
    docs = [make_doc(nlp, t, "2016-01-01") for t in texts]
    t0 = time.perf_counter()
    for _ in nlp.pipe(docs, batch_size=32):
        pass
    piped = time.perf_counter() - t0
    result = {
        "docs": timing["docs"],
        "tokens": tokens,
        "load_seconds": round(load_s, 2),
        "base_pipeline_tokens_per_s": round(tokens / base) if base else None,
        "full_pipeline_tokens_per_s": round(tokens / total) if total else None,
        "full_pipeline_docs_per_s": round(timing["docs"] / total, 2) if total else None,
        "full_pipeline_batched_tokens_per_s": round(tokens / piped),
        "layer_share_of_total": {k: round(v / total, 3) for k, v in layers.items()},
        "seconds": seconds,
        "peak_rss_mb_one_by_one": round(rss_one_by_one),
        "peak_rss_mb_after_batched_run": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result, indent=2))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(result, fh, indent=2)


if __name__ == "__main__":
    main()
