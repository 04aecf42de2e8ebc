"""NER repair after the statistical NER: whitespace never at an entity's edge, German proper-noun back-off
(self-written sentences)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from lagebild.lang.ner_backoff import NerBackoff


def _doc(words, tags, ents):
    nlp = spacy.blank("de")
    doc = Doc(nlp.vocab, words=words, tags=tags)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


@pytest.mark.parametrize("words, ents, expected", [
    (["Hilfe", "für", "Grenzregion", "\n\n", "Berlin"], [(2, 4, "ORG")], [("Grenzregion", "ORG")]),
    (["Sie", "kam", "\n", "Anna", "Beck"], [(2, 5, "PER")], [("Anna Beck", "PER")]),
    (["a", "\n\n", "b"], [(1, 2, "LOC")], []),                      # only whitespace: dropped
    (["Anna", "Beck", "kam"], [(0, 2, "PER")], [("Anna Beck", "PER")]),  # untouched
])
def test_whitespace_never_at_entity_edges(words, ents, expected):
    doc = _doc(words, ["NN"] * len(words), ents)
    NerBackoff("en", backoff=False)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected


def test_german_backoff_acronym_and_off_switch():
    words, tags = ["Der", "DFB", "tagte", "."], ["ART", "NE", "VVFIN", "$."]
    on = NerBackoff("de")(_doc(words, tags, []))
    assert [(e.text, e.label_) for e in on.ents] == [("DFB", "ORG")]
    off = NerBackoff("de", backoff=False)(_doc(words, tags, []))
    assert list(off.ents) == []
