"""JSON Lines export: the stored Document JSON, one document per line, in insertion order."""

from __future__ import annotations

import sys
from pathlib import Path

from ..store import Store


def export_jsonl(store: Store, path: str | Path) -> int:
    """Write every document as one JSON line (``-`` = stdout); returns the number of documents."""
    n = 0
    out = sys.stdout if str(path) == "-" else open(path, "w", encoding="utf-8")  # noqa: SIM115
    try:
        for (data,) in store.iter_rows("data"):
            out.write(data + "\n")
            n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n
