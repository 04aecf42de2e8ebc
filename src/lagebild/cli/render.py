"""Readable plain-text summary of a :class:`Document` for people (``--format text``)."""

from __future__ import annotations

from typing import TextIO

from ..document import Document


def _snip(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_text(doc: Document, out: TextIO) -> None:
    actors = {a.id: a for a in doc.actors}
    head = doc.title or _snip(doc.text, 70)
    out.write(f"=== {head}\n")
    out.write(
        f"id {doc.id} · lang {doc.lang} · published {doc.published or 'unknown'}"
        f"{' · ' + doc.source if doc.source else ''}{' · ' + doc.url if doc.url else ''}\n"
    )
    out.write(
        f"{len(doc.sentences)} sentences · {len(doc.entities)} entities · {len(doc.actors)} actors · "
        f"{len(doc.timexes)} time expressions · {len(doc.quotes)} quotations · {len(doc.events)} events · "
        f"{len(doc.places)} places\n"
    )
    if doc.actors:
        out.write("\nActors\n")
        for a in doc.actors:
            code = "/".join(x for x in (a.country, a.sector) if x)
            out.write(f"  {a.id:<5} {a.name}  [{a.type}{' ' + code if code else ''}]  ×{len(a.mentions)}\n")
    if doc.quotes:
        out.write("\nWho said what\n")
        for q in doc.quotes:
            who = q.speaker_name or " ".join(doc.span_text(s) for s in q.source) or "?"
            msg = " … ".join(doc.span_text(s) for s in q.message)
            out.write(f"  {who}: “{_snip(msg)}”  ({q.form}{', ' + q.stwr if q.stwr else ''})\n")
    if doc.events:
        out.write("\nWho did what to whom\n")
        for e in doc.events:
            src = e.source_name or (actors[e.source].name if e.source in actors else "?")
            tgt = e.target_name or (actors[e.target].name if e.target in actors else "-")
            neg = " NOT" if e.polarity == "negative" else ""
            out.write(
                f"  {e.date or '????'}  {src} →{neg} [{e.cameo} {e.plover or ''}] → {tgt}"
                f"  «{doc.span_text(e.trigger)}» ({e.status})\n"
            )
    if doc.timexes:
        out.write("\nWhen\n")
        for t in doc.timexes:
            out.write(f"  «{t.text}» {t.type} = {t.value or 'unresolved'}{'' if t.anchored else ' (no DCT)'}\n")
    if doc.places:
        out.write("\nWhere\n")
        for p in doc.places:
            out.write(f"  «{p.text}» → {p.name} ({p.country}, {p.lat}, {p.lon}) geonames:{p.geonameid}\n")
    out.write("\n")
