"""The events layer (``lagebild_events``): clause-level source–action–target events coded in CAMEO
(to the 3rd/4th digit where the trigger allows) and PLOVER, with date, place, polarity and status.

Runs last; reads ``lb_actors``, ``lb_quotes``, ``lb_timexes``, ``lb_places`` and writes ``doc._.lb_events``
(it may append actors for nationality adjectives that are event sources, e.g. "israelischer Luftangriff").
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..actors.lexicon import get_lexicon
from .engine import extract_events
from .lexicon import EventLexicon, get_event_lexicon, plover_for

SUPPORTED = ("de", "en")


class EventsComponent:
    def __init__(self, nlp: Language, name: str, *, lang: str, arguments: str = "order"):
        if lang not in SUPPORTED:
            raise ValueError(f"lagebild_events: unsupported lang {lang!r}; valid: {', '.join(SUPPORTED)}")
        if arguments not in ("order", "parse"):
            raise ValueError(f"lagebild_events: arguments={arguments!r}; valid: order, parse")
        self.lang = lang
        self.arguments = arguments
        self.lexicon: EventLexicon = get_event_lexicon(lang)
        self.actor_lexicon = get_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        if doc._.lb_actors is None:
            doc._.lb_actors = []
        doc._.lb_events = extract_events(doc, self.lexicon, self.actor_lexicon, arguments=self.arguments)
        return doc


@Language.factory("lagebild_events", default_config={"lang": "de", "arguments": "order"})
def make_events(nlp: Language, name: str, lang: str, arguments: str) -> EventsComponent:
    return EventsComponent(nlp, name, lang=lang, arguments=arguments)


__all__ = ["EventsComponent", "extract_events", "get_event_lexicon", "plover_for"]
