"""NER repair after the statistical NER: whitespace never at an entity's edge, dates are no entities,
German proper-noun back-off (self-written sentences)."""

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


@pytest.mark.parametrize("words, tags, ents, expected", [
    # headline noun labelled ORG, the body uses it as a common noun: dropped
    (["Hilfe", "für", "Grenzregion", "\n\n", "Die", "Grenzregion", "leidet", "."],
     ["NN", "APPR", "NN", "_SP", "ART", "NN", "VVFIN", "$."], [(2, 3, "ORG")], []),
    # the only occurrence: kept (one sentence, as in GermEval)
    (["Die", "Bundesregierung", "tagte", "."], ["ART", "NN", "VVFIN", "$."], [(1, 2, "ORG")],
     [("Bundesregierung", "ORG")]),
    # a proper noun (NE) is never dropped (and the back-off labels the known place the NER missed)
    (["Berlin", "prüft", ".", "In", "Berlin", "."], ["NE", "VVFIN", "$.", "APPR", "NE", "$."], [(0, 1, "LOC")],
     [("Berlin", "LOC"), ("Berlin", "LOC")]),
    # labelled everywhere: kept
    (["Bundesregierung", "tagt", ".", "Die", "Bundesregierung", "schweigt", "."],
     ["NN", "VVFIN", "$.", "ART", "NN", "VVFIN", "$."], [(0, 1, "ORG"), (4, 5, "ORG")],
     [("Bundesregierung", "ORG"), ("Bundesregierung", "ORG")]),
])
def test_common_noun_entities_follow_the_documents_usage(words, tags, ents, expected):
    doc = NerBackoff("de")(_doc(words, tags, ents))
    assert [(e.text, e.label_) for e in doc.ents] == expected


@pytest.mark.parametrize("lang, words, ents, expected", [
    ("en", ["by", "Jan.", "5", ",", "Lloyd", "Austin"], [(1, 3, "PER"), (4, 6, "PER")], [("Lloyd Austin", "PER")]),
    ("en", ["on", "Monday"], [(1, 2, "ORG")], []),
    ("en", ["Theresa", "May", "said"], [(0, 2, "PER")], [("Theresa May", "PER")]),
    ("en", ["May", "said"], [(0, 1, "PER")], [("May", "PER")]),         # a lone month name may be a name
    ("en", ["the", "March", "2", "Movement"], [(1, 4, "ORG")], [("March 2 Movement", "ORG")]),
    ("de", ["am", "5.", "Januar", "2024"], [(1, 4, "MISC")], []),
    ("de", ["am", "Montag"], [(1, 2, "PER")], []),
    ("de", ["Bundesliga", "am", "Samstag"], [(0, 1, "ORG")], [("Bundesliga", "ORG")]),
])
def test_dates_are_no_entities(lang, words, ents, expected):
    nlp = spacy.blank(lang)
    doc = Doc(nlp.vocab, words=words)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    NerBackoff(lang, backoff=False)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == expected
