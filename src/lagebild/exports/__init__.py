"""Exports of the store: ``jsonl`` (the Document JSON contract), ``parquet`` and ``gdelt``.

* ``jsonl``: one Document JSON per line, byte for byte as analysed (``Document.from_dict`` reads it back).
* ``parquet``: a directory with one Parquet file per table: ``documents.parquet`` and ``entities``,
  ``actors``, ``timexes``, ``quotes``, ``events``, ``places`` (``<layer>.parquet``), joined on ``doc_id``;
  every layer row has ``uid = "<doc id>/<item id>"``; spans are ``list<list<int32>>`` columns;
  ``links.parquet`` holds the cross-document links (``src``, ``dst``, ``type``, ``score``, ``meta``).
* ``gdelt``: the GDELT 2.0 event table (61 tab-separated columns, no header), one row per event.
"""

from __future__ import annotations

from pathlib import Path

from ..store import Store
from .gdelt import GDELT_COLUMNS, export_gdelt
from .jsonl import export_jsonl
from .parquet import export_parquet

FORMATS = ("jsonl", "parquet", "gdelt")


def export(store: Store, fmt: str, path: str | Path, **options) -> int:
    """Write the store as ``fmt`` to ``path``; returns the number of rows (documents or events) written."""
    if fmt == "jsonl":
        return export_jsonl(store, path)
    if fmt == "parquet":
        return export_parquet(store, path)
    if fmt == "gdelt":
        return export_gdelt(store, path, **options)
    raise ValueError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")


__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "export_gdelt", "export_jsonl", "export_parquet"]
