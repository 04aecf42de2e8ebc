"""Speed and memory of the analysis pipeline on German news (10kGNAD test split).

Each configuration runs in a fresh process (so each peak RSS is its own), pinned to one thread:

* ``base`` — the spaCy language pipeline alone (tokenizer, tagger, morphologizer, parser, lemmatizer, NER and
  their rule components); ``full`` — with every Lagebild layer (time, places, actors, quotes, events);
* ``one by one`` — documents one at a time, as ``lagebild analyze`` runs them (per-component seconds are taken
  here); ``batched`` — ``nlp.pipe(batch_size=N)``, as ``lagebild ingest`` runs them.

Usage (one core):

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 python benchmarks/pipeline_speed.py --limit 300 [--lang de]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

CONFIGS = [("base", 1), ("full", 1), ("base", 8), ("base", 32), ("full", 8), ("full", 32)]


def _peak_rss_mb() -> int:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def run_one(lang: str, limit: int, part: str, batch_size: int) -> dict:
    """One configuration in this process: tokens/s and peak RSS (and per-component seconds one by one)."""
    from lagebild.analyze import make_doc
    from lagebild.evaluate.speed import component_timing, load_10kgnad
    from lagebild.language import LAYER_FACTORIES, build_pipeline
    from lagebild.settings import get_settings

    nlp = build_pipeline(lang) if part == "full" else build_pipeline(lang, layers=())
    texts = load_10kgnad(get_settings().data, limit)
    tokens = sum(len(nlp.make_doc(t)) for t in texts)
    for _ in nlp.pipe([make_doc(nlp, t, "2016-01-01") for t in texts[:3]]):  # warm-up
        pass
    out: dict = {"part": part, "batch_size": batch_size, "docs": len(texts), "tokens": tokens}
    if batch_size == 1:
        timing = component_timing(texts, nlp=nlp, lang=lang)
        total = timing["total_seconds"]
        layers = {k: v for k, v in timing["seconds"].items() if k in LAYER_FACTORIES}
        out["seconds"] = timing["seconds"]
        out["layer_share_of_total"] = {k: round(v / total, 3) for k, v in layers.items()}
    else:
        docs = (make_doc(nlp, t, "2016-01-01") for t in texts)
        t0 = time.perf_counter()
        for _ in nlp.pipe(docs, batch_size=batch_size):  # results are dropped, as a store would
            pass
        total = time.perf_counter() - t0
    out["tokens_per_s"] = round(tokens / total)
    out["docs_per_s"] = round(len(texts) / total, 2)
    out["peak_rss_mb"] = _peak_rss_mb()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=300, help="number of 10kGNAD test articles")
    parser.add_argument("--lang", default="de")
    parser.add_argument("--json", dest="json_out", default=None, help="also write the results here")
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)  # "part:batch" — run one config (internal)
    args = parser.parse_args()

    if args.one:
        part, batch = args.one.split(":")
        print(json.dumps(run_one(args.lang, args.limit, part, int(batch))))
        return
    results = []
    for part, batch in CONFIGS:
        cmd = [sys.executable, __file__, "--limit", str(args.limit), "--lang", args.lang, "--one", f"{part}:{batch}"]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=True)
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(res)
        print(f"{part:4} batch {batch:>3}: {res['tokens_per_s']:>6} tokens/s, {res['docs_per_s']:>6} docs/s, "
              f"peak RSS {res['peak_rss_mb']} MB", flush=True)
    print(json.dumps(results, indent=2))
    if args.json_out:
        with open(args.json_out, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=2)


if __name__ == "__main__":
    main()
