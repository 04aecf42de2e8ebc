"""The places layer (``lagebild_places``): toponyms geocoded offline to GeoNames ids.

Uses ``doc.ents`` (LOC/GPE/FAC) when the base pipeline has NER and gazetteer matching otherwise
(our country/exonym lists everywhere; GeoNames cities of at least 100,000 inhabitants without a
NER label, minus a stop list of common words). Writes ``doc._.lb_places``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .engine import extract_places
from .gazetteer import Gazetteer, get_gazetteer

SUPPORTED = ("de", "en")


class PlacesComponent:
    def __init__(self, nlp: Language, name: str, *, lang: str):
        if lang not in SUPPORTED:
            raise ValueError(f"lagebild_places: unsupported lang {lang!r}; valid: {', '.join(SUPPORTED)}")
        self.lang = lang
        self.gazetteer: Gazetteer = get_gazetteer(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.lb_places = extract_places(doc, self.gazetteer)
        return doc


@Language.factory("lagebild_places", default_config={"lang": "de"})
def make_places(nlp: Language, name: str, lang: str) -> PlacesComponent:
    return PlacesComponent(nlp, name, lang=lang)


__all__ = ["PlacesComponent", "get_gazetteer", "extract_places"]
