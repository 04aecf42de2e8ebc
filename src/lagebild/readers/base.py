"""What every reader yields: a :class:`Record` to analyse or a :class:`ReadError` to report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Record fields and analyze() parameters that metadata keys must not shadow.
RESERVED_META = frozenset({"text", "lang", "published", "model", "nlp", "id", "title", "source", "url", "author"})


@dataclass
class Record:
    """One input document before analysis."""

    text: str
    origin: str  # where it came from: "path", "path:line 3", "file.warc.gz#record 12"
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> dict[str, Any]:
        """Metadata keywords for :func:`lagebild.analyze`."""
        out = {k: getattr(self, k) for k in ("id", "title", "source", "url", "author")}
        return {k: v for k, v in out.items() if v is not None}

    def extra_meta(self) -> dict[str, Any]:
        """Reader metadata other than the named fields (stored in ``Document.meta``)."""
        return {k: v for k, v in self.meta.items() if k not in RESERVED_META}


@dataclass
class ReadError:
    """A record that could not be read; ``reason`` is a one-line, human-readable explanation."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"
