"""WARC / WARC.gz reader: HTML response records go through the HTML reader.

warcio stops silently at a truncated gzip member or record, so after the last record the reader
checks that the archive really ended where a record ended and reports a truncation otherwise.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import IO

from .base import ReadError, Record
from .html import read_html_bytes

_CHUNK = 1 << 20


def gzip_is_complete(stream: IO[bytes]) -> bool:
    """True if ``stream`` (rewound here) is a sequence of complete gzip members."""
    stream.seek(0)
    decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
    while chunk := stream.read(_CHUNK):
        while chunk:
            if decomp.eof:
                decomp = zlib.decompressobj(zlib.MAX_WBITS | 16)
            decomp.decompress(chunk)
            chunk = decomp.unused_data if decomp.eof else b""
    return decomp.eof


def read_warc_stream(stream: IO[bytes], origin: str) -> Iterator[Record | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    truncated = False
    try:
        for record in ArchiveIterator(stream):
            if record.format != "warc" and not record.http_headers:
                yield ReadError(f"{origin}#record {number + 1}", "not a WARC record (is this a WARC file?)")
                return
            if record.rec_type != "response":
                continue
            number += 1
            where = f"{origin}#record {number}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            try:
                body = record.content_stream().read()
            except Exception as exc:  # decompression / chunking errors inside one record
                yield ReadError(where, f"unreadable response body ({type(exc).__name__}: {exc})")
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:
                truncated = True
                break
            if "html" not in ctype.lower():
                continue
            result = read_html_bytes(body, where, url=uri)
            if isinstance(result, Record):
                result.meta.setdefault("warc_date", record.rec_headers.get_header("WARC-Date"))
                result.url = result.url or uri
            yield result
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield ReadError(f"{origin}#record {number + 1}", f"corrupt WARC ({type(exc).__name__}: {exc})")
        return
    if not truncated and stream.seekable():
        stream.seek(0)
        if stream.read(2) == b"\x1f\x8b":
            truncated = not gzip_is_complete(stream)
    if truncated:
        yield ReadError(
            f"{origin}#record {number + 1}",
            f"truncated WARC: the archive ends inside a record; the {number} record(s) before it were read",
        )
