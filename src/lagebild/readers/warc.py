"""WARC / WARC.gz reader: HTML response records go through the HTML reader."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from .base import ReadError, Record
from .html import read_html_bytes


def read_warc_stream(stream: IO[bytes], origin: str) -> Iterator[Record | ReadError]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            number += 1
            where = f"{origin}#record {number}"
            uri = record.rec_headers.get_header("WARC-Target-URI")
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            if "html" not in ctype.lower():
                continue
            try:
                body = record.content_stream().read()
            except Exception as exc:  # decompression / chunking errors inside one record
                yield ReadError(where, f"unreadable response body ({type(exc).__name__}: {exc})")
                continue
            result = read_html_bytes(body, where, url=uri)
            if isinstance(result, Record):
                date = record.rec_headers.get_header("WARC-Date")
                result.meta.setdefault("warc_date", date)
                result.url = result.url or uri
            yield result
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield ReadError(f"{origin}#record {number + 1}", f"truncated or corrupt WARC ({type(exc).__name__}: {exc})")
