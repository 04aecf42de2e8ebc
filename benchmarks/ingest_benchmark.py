#!/usr/bin/env python
"""Throughput and memory of ``lagebild ingest`` on the 10kGNAD test split (1,028 Austrian news articles).

Converts ``unlabelled/10kGNAD/test.csv`` (``label;text``, quote char ``'``) under LAGEBILD_DATA to a
temporary JSONL file (outside the repository), then runs ``lagebild ingest`` into a fresh SQLite store
with 1 and 2 worker processes and reports documents/s, tokens/s and the peak resident memory of the
whole process tree (parent + workers, sampled from /proc every 0.1 s).

    flock /tmp/lagebild-cpu.lock python benchmarks/ingest_benchmark.py                 # full 1,028 docs
    python benchmarks/ingest_benchmark.py --limit 300 --processes 1                      # quick check

"docs/s (run)" counts the whole command (start-up and model loading included); "docs/s (ingest)"
is the ingest loop itself, as printed in the command's summary line.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

csv.field_size_limit(10**9)


def convert(csv_path: Path, out: Path, limit: int | None) -> int:
    n = 0
    with csv_path.open(encoding="utf-8", newline="") as src, out.open("w", encoding="utf-8") as dst:
        for row in csv.reader(src, delimiter=";", quotechar="'"):
            if len(row) < 2 or not row[1].strip():
                continue
            dst.write(json.dumps({"text": row[1], "meta": {"label": row[0]}}, ensure_ascii=False) + "\n")
            n += 1
            if limit and n >= limit:
                break
    return n


def _tree_rss_kb(pgid: int) -> tuple[int, int]:
    """(sum, max) VmRSS in kB over the processes of the process group ``pgid``."""
    total = biggest = 0
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != pgid:
                continue
            with open(f"/proc/{entry.name}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        kb = int(line.split()[1])
                        total += kb
                        biggest = max(biggest, kb)
                        break
        except (OSError, ProcessLookupError, ValueError):
            continue
    return total, biggest


def run(jsonl: Path, db: Path, n_process: int, args: argparse.Namespace) -> dict:
    cmd = [args.lagebild, "ingest", str(jsonl), "--db", str(db), "-n", str(n_process), "--lang", "de",
           "--batch-size", str(args.batch_size), "--no-progress"]
    if args.model:
        cmd += ["--model", args.model]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    peak_total = peak_single = 0
    while proc.poll() is None:
        total, single = _tree_rss_kb(proc.pid)
        peak_total, peak_single = max(peak_total, total), max(peak_single, single)
        time.sleep(0.1)
    wall = time.perf_counter() - started
    _out, err = proc.communicate()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}):\n{err}")
    summary = next((line for line in err.splitlines() if line.startswith("ingest: ")), "")
    m = re.search(r"(\d+) stored.* in ([\d.]+) s", summary)
    stored, loop_seconds = (int(m.group(1)), float(m.group(2))) if m else (0, wall)
    with sqlite3.connect(db) as conn:
        docs, tokens, chars = conn.execute("SELECT count(*), sum(n_tokens), sum(n_chars) FROM documents").fetchone()
    return {
        "processes": n_process, "docs": docs, "stored": stored, "tokens": tokens, "chars": chars,
        "wall_s": round(wall, 1), "ingest_s": round(loop_seconds, 1),
        "docs_per_s_run": round(docs / wall, 2), "docs_per_s_ingest": round(docs / loop_seconds, 2),
        "tokens_per_s_run": round(tokens / wall), "tokens_per_s_ingest": round(tokens / loop_seconds),
        "peak_rss_tree_mb": round(peak_total / 1024), "peak_rss_process_mb": round(peak_single / 1024),
        "failed_lines": [line for line in err.splitlines() if line.startswith("error: ")][:5],
    }


def describe(model: str | None) -> dict:
    """What was measured: code version, base pipeline and its components, CPU count."""
    from lagebild.language import build_pipeline, shipped_model_path

    path = model or shipped_model_path("de")
    info: dict = {"commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip(),
                  "model": str(path) if path else "blank (no trained model)", "cpus": os.cpu_count()}
    meta = Path(str(path)) / "meta.json" if path else None
    if meta and meta.exists():
        info["model_modified"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime(meta.stat().st_mtime))
    info["components"] = build_pipeline("de", model).pipe_names
    return info


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    data = Path(os.environ.get("LAGEBILD_DATA", "../shared/data"))
    parser.add_argument("--csv", type=Path, default=data / "unlabelled" / "10kGNAD" / "test.csv")
    parser.add_argument("--limit", type=int, default=None, help="Only the first N articles (quick runs).")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None, help="Base pipeline (default: the shipped one).")
    parser.add_argument("--lagebild", default=str(Path(sys.executable).with_name("lagebild")))
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    args = parser.parse_args()
    if not args.csv.exists():
        raise SystemExit(f"{args.csv} not found (set LAGEBILD_DATA or --csv)")
    results = []
    print(json.dumps(describe(args.model)), file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-") as tmp:
        jsonl = Path(tmp) / "10kgnad_test.jsonl"
        n = convert(args.csv, jsonl, args.limit)
        print(f"{n} articles from {args.csv}", file=sys.stderr)
        for n_process in args.processes:
            result = run(jsonl, Path(tmp) / f"bench_{n_process}.db", n_process, args)
            results.append(result)
            print(json.dumps(result), file=sys.stderr)
    print("| processes | docs | tokens | wall s | docs/s (run) | docs/s (ingest) | tokens/s (ingest) | peak RSS tree MB |")
    print("|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {r['processes']} | {r['docs']} | {r['tokens']:,} | {r['wall_s']} | {r['docs_per_s_run']} | "
              f"{r['docs_per_s_ingest']} | {r['tokens_per_s_ingest']:,} | {r['peak_rss_tree_mb']} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
