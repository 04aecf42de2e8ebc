"""Shared by the event tests of both languages: run the layers on one sentence, check one coding."""

from __future__ import annotations

from lagebild.evaluate.events import actor_country, main_event

LAYERS = ("lagebild_places", "lagebild_actors", "lagebild_events")


def analyse(nlp, text, dct="2024-05-01"):
    """(doc, main event, actors by id) for ``text`` published on ``dct``."""
    doc = nlp.make_doc(text)
    doc._.lb_dct = dct
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    actors = {a.id: a for a in doc._.lb_actors or []}
    return doc, main_event(doc._.lb_events or []), actors


def check_coding(doc, ev, actors, root, src, tgt):
    """The main event has CAMEO root ``root`` and, where given, these source/target countries."""
    assert ev is not None, "no event"
    assert ev.cameo[:2] == root, (ev.cameo, doc.text[ev.trigger[0] : ev.trigger[1]])
    if src:
        assert actor_country(actors, ev.source) == src
    if tgt:
        assert actor_country(actors, ev.target) == tgt
