"""Shared by the event tests of both languages: run the layers on one sentence, check one coding."""

from __future__ import annotations

from lagebild.evaluate.events import actor_country, main_event
from lagebild.pipeline.events.lexicon import codebook_cameo

LAYERS = ("lagebild_places", "lagebild_actors", "lagebild_events")


def analyse(nlp, text, dct="2024-05-01"):
    """(doc, main event, actors by id) for ``text`` published on ``dct``."""
    doc = nlp.make_doc(text)
    doc._.lb_dct = dct
    for _name, proc in nlp.pipeline:
        doc = proc(doc)
    actors = {a.id: a for a in doc._.lb_actors or []}
    return doc, main_event(doc._.lb_events or []), actors


def check_coding(doc, ev, actors, root, src, tgt, *, as_exported=False):
    """The main event has CAMEO root ``root`` and, where given, these source/target countries.
    ``as_exported``: compare the code a CAMEO coder gives (planned cooperation 03, refusal 12, …)."""
    assert ev is not None, "no event"
    cameo = codebook_cameo(ev.cameo, ev.status, ev.polarity) if as_exported else ev.cameo
    assert cameo[:2] == root, (cameo, ev.status, doc.text[ev.trigger[0] : ev.trigger[1]])
    if src:
        assert actor_country(actors, ev.source) == src
    if tgt:
        assert actor_country(actors, ev.target) == tgt


def check_root_or_absent(doc, ev, root, absent, *, as_exported=False):
    """With ``root``: the main event's CAMEO root is ``root``. Without (a negative case): no event of the sentence
    has a code starting with ``absent``."""
    if root is None:
        assert not any(e.cameo.startswith(absent) for e in doc._.lb_events or []), doc.text
        return
    assert ev is not None, doc.text
    cameo = codebook_cameo(ev.cameo, ev.status, ev.polarity) if as_exported else ev.cameo
    assert cameo[:2] == root, (ev.cameo, ev.status, doc.text)
