#!/usr/bin/env python
"""End-to-end resumability check of ``lagebild ingest`` with the real pipeline.

On a frozen copy of the code (``git archive HEAD``, so that nobody's edits change the analysis
between runs), ingests the first ``--limit`` 10kGNAD test articles once without interruption, once
SIGKILLed after ``--kill-after`` documents were committed and then started again, and compares the
two stores' canonical dumps. Exit status 0 when they are identical.

    python benchmarks/ingest_resume_check.py --limit 24 --batch-size 4 -n 2
"""

from __future__ import annotations

import argparse
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ingest_benchmark import convert  # noqa: E402

CLI = "import sys; sys.argv[0] = 'lagebild'; from lagebild.cli.main import cli; cli()"


def count(db: Path) -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    data = Path(os.environ.get("LAGEBILD_DATA", "../shared/data"))
    parser.add_argument("--csv", type=Path, default=data / "unlabelled" / "10kGNAD" / "test.csv")
    parser.add_argument("--limit", type=int, default=24)
    parser.add_argument("--batch-size", type=int, default=4)
    parser.add_argument("-n", "--n-process", type=int, default=2)
    parser.add_argument("--kill-after", type=int, default=8, help="SIGKILL once this many documents are committed.")
    args = parser.parse_args()
    repo = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory(prefix="lagebild-resume-") as tmp:
        tmp = Path(tmp)
        (tmp / "code").mkdir()
        archive = subprocess.run(["git", "archive", "HEAD", "src"], cwd=repo, capture_output=True, check=True).stdout
        subprocess.run(["tar", "-x", "-C", str(tmp / "code")], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": str(tmp / "code" / "src")}
        jsonl = tmp / "in.jsonl"
        convert(args.csv, jsonl, args.limit)
        base = ["ingest", str(jsonl), "--batch-size", str(args.batch_size), "--lang", "de", "--no-progress",
                "-n", str(args.n_process)]

        def ingest(db: Path, background: bool = False):
            cmd = [sys.executable, "-c", CLI, *base, "--db", str(db)]
            if background:
                return subprocess.Popen(cmd, env=env, cwd=tmp, stderr=subprocess.DEVNULL)
            done = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True)
            print(done.stderr.strip().splitlines()[-1], file=sys.stderr)
            return done

        reference, resumed = tmp / "reference.db", tmp / "resumed.db"
        ingest(reference)
        proc = ingest(resumed, background=True)
        while count(resumed) < args.kill_after and proc.poll() is None:
            time.sleep(0.1)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        print(f"killed with {count(resumed)} of {args.limit} documents committed", file=sys.stderr)
        ingest(resumed)
        check = subprocess.run(
            [sys.executable, "-c",
             "import sys; from lagebild.store import Store; "
             "a = Store(sys.argv[1]).canonical_dump(); b = Store(sys.argv[2]).canonical_dump(); "
             "print(len(a), 'rows;', 'identical' if a == b else 'DIFFERENT'); sys.exit(a != b)",
             str(reference), str(resumed)],
            env=env, cwd=tmp,
        )
    sys.exit(check.returncode)


if __name__ == "__main__":
    main()
