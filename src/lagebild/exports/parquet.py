"""Parquet export: ``documents.parquet``, one ``<layer>.parquet`` per layer and ``links.parquet``.

Tables are flat and joined on ``doc_id``; each layer row has a stable ``uid`` (``<doc id>/<item id>``,
entities ``e<i>`` and timexes ``t<i>`` by position, other layers their own ids). Spans are
``list<list<int32>>`` (``[[start, end], ...]``), ``meta`` is a JSON string. Written in row groups
of ``batch`` documents, so memory stays flat for large stores.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..document import Document
from ..store import Store

_SPANS = pa.list_(pa.list_(pa.int32()))
_S, _I, _F, _B = pa.string(), pa.int32(), pa.float64(), pa.bool_()

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([
        ("id", _S), ("lang", _S), ("published", _S), ("title", _S), ("source", _S), ("url", _S),
        ("author", _S), ("text", _S), ("n_chars", _I), ("sentences", _SPANS), ("meta", _S),
        ("n_entities", _I), ("n_actors", _I), ("n_timexes", _I), ("n_quotes", _I), ("n_events", _I), ("n_places", _I),
    ]),
    "entities": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("start", _I), ("end", _I), ("text", _S), ("label", _S), ("actor", _S),
    ]),
    "actors": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("name", _S), ("type", _S), ("country", _S), ("sector", _S),
        ("cameo", _S), ("mentions", _SPANS),
    ]),
    "timexes": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("start", _I), ("end", _I), ("text", _S), ("type", _S),
        ("value", _S), ("anchored", _B), ("mod", _S),
    ]),
    "quotes": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("form", _S), ("stwr", _S), ("message", _SPANS), ("cue", _SPANS),
        ("source", _SPANS), ("addressee", _SPANS), ("speaker", _S), ("speaker_name", _S), ("nested_in", _S),
        ("message_text", _S),
    ]),
    "events": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("trigger_start", _I), ("trigger_end", _I), ("trigger_text", _S),
        ("cameo", _S), ("plover", _S), ("plover_mode", _S), ("source", _S), ("target", _S), ("source_name", _S),
        ("target_name", _S), ("date", _S), ("place", _S), ("polarity", _S), ("status", _S), ("attributed_to", _S),
        ("quote", _S),
    ]),
    "places": pa.schema([
        ("doc_id", _S), ("id", _S), ("uid", _S), ("start", _I), ("end", _I), ("text", _S), ("name", _S),
        ("geonameid", pa.int64()), ("country", _S), ("lat", _F), ("lon", _F),
    ]),
}
LINKS_SCHEMA = pa.schema([("src", _S), ("dst", _S), ("type", _S), ("score", _F), ("meta", _S)])


def _spans(spans) -> list[list[int]]:
    return [[int(s), int(e)] for s, e in spans]


def document_tables(doc: Document) -> dict[str, list[dict[str, Any]]]:
    """The rows ``doc`` contributes to each Parquet table."""
    did = doc.id
    text = doc.text
    rows: dict[str, list[dict[str, Any]]] = {
        "documents": [{
            "id": did, "lang": doc.lang, "published": doc.published, "title": doc.title, "source": doc.source,
            "url": doc.url, "author": doc.author, "text": text, "n_chars": len(text),
            "sentences": _spans(doc.sentences), "meta": json.dumps(doc.meta, ensure_ascii=False, default=str),
            "n_entities": len(doc.entities), "n_actors": len(doc.actors), "n_timexes": len(doc.timexes),
            "n_quotes": len(doc.quotes), "n_events": len(doc.events), "n_places": len(doc.places),
        }],
        "entities": [
            {"doc_id": did, "id": f"e{i}", "uid": f"{did}/e{i}", "start": e.start, "end": e.end, "text": e.text,
             "label": e.label, "actor": e.actor}
            for i, e in enumerate(doc.entities)
        ],
        "actors": [
            {"doc_id": did, "id": a.id, "uid": f"{did}/{a.id}", "name": a.name, "type": a.type, "country": a.country,
             "sector": a.sector, "cameo": a.cameo, "mentions": _spans(a.mentions)}
            for a in doc.actors
        ],
        "timexes": [
            {"doc_id": did, "id": f"t{i}", "uid": f"{did}/t{i}", "start": t.start, "end": t.end, "text": t.text,
             "type": t.type, "value": t.value, "anchored": bool(t.anchored), "mod": t.mod}
            for i, t in enumerate(doc.timexes)
        ],
        "quotes": [
            {"doc_id": did, "id": q.id, "uid": f"{did}/{q.id}", "form": q.form, "stwr": q.stwr,
             "message": _spans(q.message), "cue": _spans(q.cue), "source": _spans(q.source),
             "addressee": _spans(q.addressee), "speaker": q.speaker, "speaker_name": q.speaker_name,
             "nested_in": q.nested_in, "message_text": " … ".join(text[s:e] for s, e in q.message)}
            for q in doc.quotes
        ],
        "events": [
            {"doc_id": did, "id": ev.id, "uid": f"{did}/{ev.id}", "trigger_start": ev.trigger[0],
             "trigger_end": ev.trigger[1], "trigger_text": text[ev.trigger[0] : ev.trigger[1]], "cameo": ev.cameo,
             "plover": ev.plover, "plover_mode": ev.plover_mode, "source": ev.source, "target": ev.target,
             "source_name": ev.source_name, "target_name": ev.target_name, "date": ev.date, "place": ev.place,
             "polarity": ev.polarity, "status": ev.status, "attributed_to": ev.attributed_to, "quote": ev.quote}
            for ev in doc.events
        ],
        "places": [
            {"doc_id": did, "id": p.id, "uid": f"{did}/{p.id}", "start": p.start, "end": p.end, "text": p.text,
             "name": p.name, "geonameid": p.geonameid, "country": p.country, "lat": p.lat, "lon": p.lon}
            for p in doc.places
        ],
    }
    return rows


def export_parquet(store: Store, path: str | Path, *, batch: int = 1000) -> int:
    """Write the store to the directory ``path`` (created if needed); returns the number of documents."""
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise ValueError(f"the parquet export writes a directory of tables; {out} is a file")
    out.mkdir(parents=True, exist_ok=True)
    writers = {name: pq.ParquetWriter(out / f"{name}.parquet", schema) for name, schema in SCHEMAS.items()}
    buffers: dict[str, list[dict[str, Any]]] = {name: [] for name in SCHEMAS}
    n = 0

    def flush() -> None:
        for name, rows in buffers.items():
            if rows:
                writers[name].write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[name]))
                rows.clear()

    try:
        for doc in store.iter_documents():
            for name, rows in document_tables(doc).items():
                buffers[name].extend(rows)
            n += 1
            if n % batch == 0:
                flush()
        flush()
    finally:
        for writer in writers.values():
            writer.close()
    links = [
        {**link, "meta": None if link["meta"] is None else json.dumps(link["meta"], ensure_ascii=False)}
        for link in store.links()
    ]
    pq.write_table(pa.Table.from_pylist(links, schema=LINKS_SCHEMA), out / "links.parquet")
    return n
