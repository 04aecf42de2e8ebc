"""Toponym detection and offline geocoding (plain functions; the spaCy component is a thin shell)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from spacy.tokens import Doc

from ...document import Place
from .gazetteer import MIN_POP_GAZETTEER, Candidate, Gazetteer, norm

ARTICLES = {"der", "die", "das", "dem", "den", "des", "the", "a", "an", "ein", "eine", "einer", "einem"}
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


def _overrides(ent, cand: Candidate, start: int, end: int, after_prep: bool = False) -> bool:
    """May a gazetteer place win over a non-place NER label? (The interim NER often labels cities ORG/MISC.)
    ``after_prep``: the span follows a locative preposition ("towards Tel Aviv")."""
    exact = ent.start == start and ent.end == end
    if cand.curated and cand.kind == "country" and start <= ent.start and ent.end <= end and end - start > len(ent):
        return True  # "Vereinigten Arabischen" (ORG) inside "die Vereinigten Arabischen Emirate"
    if ent.label_ in ("PER", "PERSON"):
        return cand.curated and cand.kind in ("country", "region") or (exact and cand.kind == "city")
    if not exact:
        return False
    if ent.label_ == "ORG":
        # clubs and companies carry city names ("Salzburg", "Bayern"): only curated names and big cities
        return (cand.curated and cand.kind in ("country", "city")) or (cand.kind == "city" and cand.population >= 500_000) \
            or (after_prep and cand.kind == "city" and cand.population >= MIN_POP_GAZETTEER)
    return True  # MISC, OTH, ...


@lru_cache(maxsize=4)
def _locatives(lang: str) -> frozenset[str]:
    from ...lang import lang_file, read_list

    return frozenset(w.lower() for w in read_list(lang_file(lang, "actors", "locative.txt")))


def _has_ner(doc: Doc) -> bool:
    return doc.has_annotation("ENT_IOB")


def find_toponyms(doc: Doc, gaz: Gazetteer) -> list[tuple[int, int, list[Candidate]]]:
    """(start_char, end_char, candidates) of every toponym mention, left to right, non-overlapping."""
    found: list[tuple[int, int, list[Candidate]]] = []
    blocked: list = [None] * len(doc)  # the non-place entity covering each token
    labelled_spans = []
    if _has_ner(doc):
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                labelled_spans.append(ent)
            elif ent.label_ in NON_PLACE_LABELS:
                for i in range(ent.start, ent.end):
                    blocked[i] = ent
    covered = [False] * len(doc)
    for ent in labelled_spans:
        # a curated multi-word name the NER cut short ("Sankt" + "Petersburg")
        for back in (2, 1):
            if ent.start - back >= 0:
                wider = doc[ent.start - back : ent.end]
                if any(c.curated for c in gaz.lookup(wider.text)):
                    ent = wider
                    break
        text = ent.text
        if norm(text) in gaz.stop and ent.start > 0 and doc[ent.start - 1].lower_ in ARTICLES:
            continue  # "in der Halle": a common noun despite the NER label
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
        if covered[i] or not tok.text[:1].isupper():
            i += 1
            continue
        hit = None
        max_width = min(gaz.max_tokens, n - i) if norm(tok.text) in gaz.first_words else 1
        for width in range(max_width, 0, -1):
            if any(covered[j] for j in range(i, i + width)):
                continue
            span = doc[i : i + width]
            if width > 1 and span[-1].text in ("'s", "\u2019s", "'", "-"):
                continue
            cands = [c for c in gaz.lookup(span.text) if _accept(c, span.text, gaz, labelled=False)]
            ents = {blocked[j] for j in range(i, i + width) if blocked[j] is not None}
            if ents:
                prep = i > 0 and doc[i - 1].lower_ in _locatives(gaz.lang)
                cands = [c for c in cands if all(_overrides(e, c, i, i + width, prep) for e in ents)]
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
    text = doc.text  # Doc.text is rebuilt from the tokens on every access
    for k, ((start, end, _c), cand) in enumerate(zip(found, chosen), 1):
        places.append(
            Place(
                id=f"p{k}",
                start=start,
                end=end,
                text=text[start:end],
                name=cand.name,
                geonameid=cand.geonameid,
                country=cand.country,
                lat=cand.lat,
                lon=cand.lon,
            )
        )
    return places
