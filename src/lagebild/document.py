"""The Lagebild document model: plain, typed, serialisable records.

This module is the JSON contract (see README, "The JSON contract"). All offsets are Python ``str``
offsets into :attr:`Document.text`; a span is a ``(start, end)`` pair serialised as ``[start, end]``.
Layers fill the lists; a layer without an analyser leaves its list empty.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

Span = tuple[int, int]

ENTITY_LABELS = ("PER", "ORG", "LOC", "GPE", "MISC")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
QUOTE_FORMS = ("direct", "indirect", "free_indirect", "indirect_free_indirect", "reported")
STWR_TYPES = ("speech", "thought", "writing")
EVENT_STATUSES = ("asserted", "reported", "denied", "planned", "hypothetical")


def _spans(value: Any) -> list[Span]:
    return [(int(s), int(e)) for s, e in (value or [])]


def _span(value: Any) -> Span | None:
    return None if value is None else (int(value[0]), int(value[1]))


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str  # PER | ORG | LOC | GPE | MISC
    actor: str | None = None


@dataclass
class Actor:
    id: str
    name: str
    type: str  # PER | ORG | LOC | GPE | MISC | ROLE
    country: str | None = None  # ISO-3166 alpha-3
    sector: str | None = None  # GOV | MIL | LEG | JUD | REB | MED | BUS | CVL | ...
    cameo: str | None = None
    mentions: list[Span] = field(default_factory=list)


@dataclass
class Timex:
    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str | None = None  # TIMEX3 value
    anchored: bool = True  # False when the value depends on a missing DCT
    mod: str | None = None  # TIMEX3 mod (START, MID, END, APPROX, ...)


@dataclass
class Quote:
    id: str
    form: str  # direct | indirect | free_indirect | indirect_free_indirect | reported
    stwr: str | None = None  # speech | thought | writing
    message: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    source: list[Span] = field(default_factory=list)
    addressee: list[Span] = field(default_factory=list)
    speaker: str | None = None  # actor id
    speaker_name: str | None = None
    nested_in: str | None = None  # id of the quote this one is nested in


@dataclass
class Event:
    id: str
    trigger: Span
    cameo: str
    plover: str | None = None
    plover_mode: str | None = None
    source: str | None = None  # actor id
    target: str | None = None  # actor id
    source_name: str | None = None
    target_name: str | None = None
    date: str | None = None  # TIMEX3 value
    place: str | None = None  # place id
    polarity: str = "positive"  # positive | negative
    status: str = "asserted"  # asserted | reported | denied | planned | hypothetical
    attributed_to: str | None = None  # actor id
    quote: str | None = None  # quote id


@dataclass
class Place:
    id: str
    start: int
    end: int
    text: str
    name: str
    geonameid: int | None = None
    country: str | None = None  # ISO-3166 alpha-2
    lat: float | None = None
    lon: float | None = None


_LAYERS: dict[str, type] = {
    "entities": Entity,
    "actors": Actor,
    "timexes": Timex,
    "quotes": Quote,
    "events": Event,
    "places": Place,
}


def _record_to_dict(record: Any) -> dict[str, Any]:
    out = asdict(record)
    for key, value in out.items():
        if isinstance(value, tuple):
            out[key] = list(value)
        elif isinstance(value, list) and value and isinstance(value[0], tuple):
            out[key] = [list(v) for v in value]
    return out


def _record_from_dict(cls: type, data: dict[str, Any]) -> Any:
    names = {f.name: f for f in fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key not in names:
            continue  # tolerate extra fields from newer writers
        if key in ("message", "cue", "source", "addressee", "mentions") and cls in (Quote, Actor):
            value = _spans(value)
        elif key == "trigger":
            value = _span(value)
        kwargs[key] = value
    return cls(**kwargs)


def content_hash(text: str) -> str:
    """Stable id of a text: SHA-256 of its UTF-8 bytes (first 16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """One analysed text and every layer extracted from it."""

    text: str
    id: str | None = None
    lang: str | None = None
    published: str | None = None  # ISO 8601 date or datetime: the document creation time (DCT)
    title: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.id is None:
            self.id = content_hash(self.text)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def span_text(self, span: Span) -> str:
        return self.text[span[0] : span[1]]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "text": self.text,
            "lang": self.lang,
            "published": self.published,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "sentences": [list(s) for s in self.sentences],
        }
        for layer in _LAYERS:
            out[layer] = [_record_to_dict(r) for r in getattr(self, layer)]
        out["meta"] = dict(self.meta)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        if "text" not in data or not isinstance(data["text"], str):
            raise ValueError("a Lagebild document needs a 'text' string")
        doc = cls(
            text=data["text"],
            id=data.get("id"),
            lang=data.get("lang"),
            published=data.get("published"),
            title=data.get("title"),
            source=data.get("source"),
            url=data.get("url"),
            author=data.get("author"),
            sentences=_spans(data.get("sentences")),
            meta=dict(data.get("meta") or {}),
        )
        for layer, record_cls in _LAYERS.items():
            setattr(doc, layer, [_record_from_dict(record_cls, r) for r in data.get(layer) or []])
        return doc


__all__ = [
    "Actor",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quote",
    "Span",
    "Timex",
    "content_hash",
    "ENTITY_LABELS",
    "TIMEX_TYPES",
    "QUOTE_FORMS",
    "STWR_TYPES",
    "EVENT_STATUSES",
]
