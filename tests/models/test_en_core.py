"""The shipped English pipeline: loads from the package, tags, parses, finds entities."""

from __future__ import annotations

import pytest
import spacy

from lagebild.language import shipped_model_path

pytestmark = pytest.mark.skipif(shipped_model_path("en") is None, reason="no shipped English pipeline")


@pytest.fixture(scope="session")
def nlp():
    import lagebild.language  # noqa: F401  (registers the rule components)

    return spacy.load(shipped_model_path("en"))


def test_components(nlp):
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner"):
        assert name in nlp.pipe_names
    assert "lagebild_mood" not in nlp.pipe_names


SENTENCES = [
    ("Government plans new tax\nWASHINGTON (AP) - The government plans a new tax.", 2),
    ("Dr. Smith arrived in Washington on Monday. He stayed for two days.", 2),
    ('"We will do it," the president said on Tuesday.', 1),
]


@pytest.mark.parametrize("text,n", SENTENCES)
def test_sentences(nlp, text, n):
    assert len(list(nlp(text).sents)) == n




def test_basic(nlp):
    doc = nlp("The president met the French foreign minister in Paris on Monday.")
    by = {t.text: t for t in doc}
    assert by["met"].lemma_ == "meet"
    assert by["met"].pos_ == "VERB"
    assert by["president"].dep_ == "nsubj" and by["president"].head.text == "met"
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Paris") == "LOC"


def test_person(nlp):
    doc = nlp("Angela Merkel said the talks with Emmanuel Macron had been productive.")
    assert any(e.label_ == "PER" and "Merkel" in e.text for e in doc.ents)
