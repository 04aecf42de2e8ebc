"""HTML reader: main text and metadata (title, author, date, site) via trafilatura."""

from __future__ import annotations

from .base import ReadError, Record
from .text import decode_text


def read_html_bytes(data: bytes | str, origin: str, *, url: str | None = None) -> Record | ReadError:
    import trafilatura

    if isinstance(data, bytes):
        if not data.strip():
            return ReadError(origin, "empty input: no HTML")
        try:
            html, _encoding = decode_text(data)
        except ValueError as exc:
            return ReadError(origin, str(exc))
    else:
        html = data
    try:
        result = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises assorted parser errors on broken markup
        return ReadError(origin, f"HTML could not be parsed ({type(exc).__name__}: {exc})")
    if result is None:
        return ReadError(origin, "no article text found in the HTML")
    data_dict = result.as_dict() if hasattr(result, "as_dict") else dict(result)
    text = (data_dict.get("text") or "").strip()
    if not text:
        return ReadError(origin, "no article text found in the HTML")
    return Record(
        text=text,
        origin=origin,
        title=data_dict.get("title") or None,
        author=data_dict.get("author") or None,
        published=data_dict.get("date") or None,
        source=data_dict.get("sitename") or data_dict.get("hostname") or None,
        url=data_dict.get("url") or url,
        lang=None,
        meta={"reader": "html"},
    )
