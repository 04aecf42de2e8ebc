"""The actors layer (``lagebild_actors``): entity mentions, role descriptions and pronouns grouped
into document-level actors with a country (ISO alpha-3) and a CAMEO-style sector.

Writes ``doc._.lb_actors`` (list of :class:`lagebild.document.Actor`) and ``doc._.lb_entity_actor``
(``{(start_char, end_char): actor_id}`` for ``doc.ents``). Uses NER and the parse when present.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .engine import actor_at, extract_actors
from .lexicon import ActorLexicon, get_lexicon

SUPPORTED = ("de", "en")


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, *, lang: str):
        if lang not in SUPPORTED:
            raise ValueError(f"lagebild_actors: unsupported lang {lang!r}; valid: {', '.join(SUPPORTED)}")
        self.lang = lang
        self.lexicon: ActorLexicon = get_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        actors, entity_actor = extract_actors(doc, self.lexicon)
        doc._.lb_actors = actors
        doc._.lb_entity_actor = entity_actor
        return doc


@Language.factory("lagebild_actors", default_config={"lang": "de"})
def make_actors(nlp: Language, name: str, lang: str) -> ActorsComponent:
    return ActorsComponent(nlp, name, lang=lang)


__all__ = ["ActorsComponent", "actor_at", "extract_actors", "get_lexicon"]
