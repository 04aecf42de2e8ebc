"""JSON Lines reader: one object per line with ``text`` and optional metadata."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from .base import ReadError, Record

_FIELDS = ("id", "title", "published", "source", "url", "author", "lang")


def read_jsonl_lines(lines: IO[bytes], origin: str) -> Iterator[Record | ReadError]:
    for number, raw in enumerate(lines, start=1):
        where = f"{origin}:line {number}"
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(where, f"invalid JSON ({exc.__class__.__name__}: {exc})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(where, f"expected a JSON object, got {type(obj).__name__}")
            continue
        text = obj.get("text")
        if not isinstance(text, str) or not text.strip():
            yield ReadError(where, "missing or empty 'text' (a non-empty string is required)")
            continue
        meta = {k: v for k, v in obj.items() if k not in _FIELDS and k != "text"}
        values = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in _FIELDS}
        yield Record(text=text, origin=where, meta=meta, **values)
