"""Readers turn inputs into :class:`Record` objects (or :class:`ReadError` for bad ones).

Plain text, HTML, JSON Lines, WARC/WARC.gz and directories of those; ``-`` reads stdin.
The format comes from the file name and, failing that, from the first bytes.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .base import ReadError, Record
from .html import read_html_bytes
from .jsonl import read_jsonl_lines
from .text import read_text_bytes
from .warc import read_warc_stream

__all__ = ["ReadError", "Record", "iter_records", "read_bytes", "detect_format"]

FORMATS = ("text", "html", "jsonl", "warc")
_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".arc": "warc",
}


def detect_format(name: str, head: bytes) -> str:
    """The reader for a file called ``name`` starting with ``head``."""
    lower = name.lower()
    if lower.endswith((".warc.gz", ".arc.gz")):
        return "warc"
    suffix = Path(lower).suffix
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if head[:2] == b"\x1f\x8b":
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(16)
        except (OSError, EOFError):
            return "text"
        return "warc" if head.startswith(b"WARC/") else "text"
    if head.startswith(b"WARC/"):
        return "warc"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<body")):
        return "html"
    if stripped.startswith(b"{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, origin: str, fmt: str | None = None) -> Iterator[Record | ReadError]:
    """Read one in-memory input."""
    fmt = fmt or detect_format(origin, data[:4096])
    if fmt == "text":
        yield read_text_bytes(data, origin)
    elif fmt == "html":
        yield read_html_bytes(data, origin)
    elif fmt == "jsonl":
        yield from read_jsonl_lines(io.BytesIO(data), origin)
    elif fmt == "warc":
        yield from read_warc_stream(io.BytesIO(data), origin)
    else:
        raise ValueError(f"unknown input format {fmt!r}; valid: {', '.join(FORMATS)}")


def _read_file(path: Path, fmt: str | None, max_bytes: int | None) -> Iterator[Record | ReadError]:
    origin = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError as exc:
        yield ReadError(origin, f"cannot open ({exc.strerror or exc})")
        return
    fmt = fmt or detect_format(path.name, head)
    if fmt in ("text", "html") and max_bytes is not None and size > max_bytes:
        yield ReadError(
            origin,
            f"file has {size:,} bytes, more than the limit of {max_bytes:,} "
            "(set LAGEBILD_MAX_CHARS or --max-chars to raise it)",
        )
        return
    try:
        if fmt == "jsonl":
            with path.open("rb") as handle:
                yield from read_jsonl_lines(handle, origin)
        elif fmt == "warc":
            with path.open("rb") as handle:
                yield from read_warc_stream(handle, origin)
        else:
            yield from read_bytes(path.read_bytes(), origin, fmt)
    except OSError as exc:
        yield ReadError(origin, f"read failed ({exc.strerror or exc})")


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def iter_records(
    paths: Iterable[str | os.PathLike[str]],
    *,
    fmt: str | None = None,
    max_bytes: int | None = None,
    stdin=None,
) -> Iterator[Record | ReadError]:
    """Yield records from files, directories (recursively, sorted) and ``-`` (stdin), in input order.

    ``max_bytes`` rejects text and HTML files larger than that before reading them whole.
    """
    for item in paths:
        if str(item) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_bytes(stream.read(), "<stdin>", fmt)
            continue
        path = Path(item)
        if path.is_dir():
            for file in _walk(path):
                yield from _read_file(file, fmt, max_bytes)
        elif path.exists():
            yield from _read_file(path, fmt, max_bytes)
        else:
            yield ReadError(str(path), "no such file or directory")
