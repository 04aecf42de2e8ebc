"""Toponym detection and offline geocoding (plain functions; the spaCy component is a thin shell)."""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from ...document import Place
from .gazetteer import MIN_POP_GAZETTEER, Candidate, Gazetteer, norm

PLACE_LABELS = {"LOC", "GPE", "FAC"}
NON_PLACE_LABELS = {"PER", "PERSON", "ORG", "MISC", "OTH", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"}


def _accept(cand: Candidate, surface: str, gaz: Gazetteer, *, labelled: bool) -> bool:
    if cand.curated:
        return True
    if norm(surface) in gaz.stop and not labelled:
        return False
    if labelled:
        return True
    if surface.isupper() and len(surface) <= 4:
        return False  # abbreviations (AMS, ...) only through our curated lists or a NER label
    if cand.primary:
        return cand.population >= MIN_POP_GAZETTEER
    # an alternate name counts only when it looks like a variant of the primary one (Frankfurt)
    key, primary = norm(surface), norm(cand.name)
    similar = len(key) >= 4 and (primary.startswith(key) or key[:4] == primary[:4])
    return similar and cand.population >= MIN_POP_GAZETTEER


def _has_ner(doc: Doc) -> bool:
    return doc.has_annotation("ENT_IOB")


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, list[Candidate]]]:
    """(start_char, end_char, candidates) of every toponym mention, left to right, non-overlapping."""
    found: list[tuple[int, int, list[Candidate]]] = []
    blocked = [False] * len(doc)
    labelled_spans = []
    if _has_ner(doc):
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                labelled_spans.append(ent)
            elif ent.label_ in NON_PLACE_LABELS:
                for i in range(ent.start, ent.end):
                    blocked[i] = True
    covered = [False] * len(doc)
    for ent in labelled_spans:
        text = ent.text
        cands = [c for c in gaz.lookup(text) if _accept(c, text, gaz, labelled=True)]
        if not cands and len(ent) > 1 and doc[ent.start].lower_ in ("der", "die", "das", "the"):
            text = doc[ent.start + 1 : ent.end].text
            cands = [c for c in gaz.lookup(text) if _accept(c, text, gaz, labelled=True)]
        if cands:
            found.append((ent.start_char, ent.end_char, cands))
            for i in range(ent.start, ent.end):
                covered[i] = True
    i, n = 0, len(doc)
    while i < n:
        tok = doc[i]
        if covered[i] or blocked[i] or not tok.text[:1].isupper():
            i += 1
            continue
        hit = None
        for width in range(min(gaz.max_tokens, n - i), 0, -1):
            if any(covered[j] or blocked[j] for j in range(i, i + width)):
                continue
            span = doc[i : i + width]
            if width > 1 and span[-1].text in ("'s", "\u2019s", "'", "-"):
                continue
            cands = [c for c in gaz.lookup(span.text) if _accept(c, span.text, gaz, labelled=False)]
            if cands:
                hit = (span, cands)
                break
        if hit is None:
            i += 1
            continue
        span, cands = hit
        found.append((span.start_char, span.end_char, cands))
        for j in range(span.start, span.end):
            covered[j] = True
        i = span.end
    found.sort()
    return found


def resolve(found: list[tuple[int, int, list[Candidate]]]) -> list[Candidate]:
    """Pick one candidate per mention: population, our curated lists, and the document's focus
    (countries of the unambiguous mentions, weighted by frequency)."""
    counts: Counter[str] = Counter()
    for _s, _e, cands in found:
        countries = {c.country for c in cands}
        if len(countries) == 1:
            counts[next(iter(countries))] += 1
    total = sum(counts.values()) or 1
    focus = {cc: k / total for cc, k in counts.items()}
    return [max(cands, key=lambda c: Gazetteer.score(c, focus)) for _s, _e, cands in found]


def extract_places(doc: Doc, gaz: Gazetteer) -> list[Place]:
    found = find_toponyms(doc, gaz)
    chosen = resolve(found)
    places = []
    for k, ((start, end, _c), cand) in enumerate(zip(found, chosen), 1):
        places.append(
            Place(
                id=f"p{k}",
                start=start,
                end=end,
                text=doc.text[start:end],
                name=cand.name,
                geonameid=cand.geonameid,
                country=cand.country,
                lat=cand.lat,
                lon=cand.lon,
            )
        )
    return places
