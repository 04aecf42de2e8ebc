"""Share of each pipeline component (and of the quotation layer) in the German pipeline's time.

Usage (from the repository root, data in ../shared/data):
    python benchmarks/quote_layer_share.py [N_ARTICLES]   # default 100 articles of 10kGNAD test.csv
"""

from __future__ import annotations

import collections
import csv
import sys
import time

from lagebild.language import build_pipeline
from lagebild.settings import data_path


def main(n: int = 100) -> None:
    texts: list[str] = []
    with open(data_path("unlabelled", "10kGNAD", "test.csv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter=";", quotechar="'"):
            if len(row) >= 2:
                texts.append(row[1])
            if len(texts) >= n:
                break
    nlp = build_pipeline("de")
    times: collections.Counter[str] = collections.Counter()
    quotes = 0
    for text in texts:
        t = time.perf_counter()
        doc = nlp.make_doc(text)
        times["tokenizer"] += time.perf_counter() - t
        for name, proc in nlp.pipeline:
            t = time.perf_counter()
            doc = proc(doc)
            times[name] += time.perf_counter() - t
        quotes += len(doc._.lb_quotes or [])
    total = sum(times.values())
    print(f"{len(texts)} articles, {total:.1f} s, {quotes} quotations")
    for name, seconds in times.most_common():
        print(f"{name:28s} {seconds:7.2f} s {100 * seconds / total:5.1f} %")
    print(f"lagebild_quotes share: {100 * times['lagebild_quotes'] / total:.1f} % (limit 20 %)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
