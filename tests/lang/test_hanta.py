"""Optional HanTa tags (``lagebild_hanta_tags``): STTS tag, UPOS (GSD majority table) and lemma replace the
statistical ones; everything else stays (self-written sentences)."""

from __future__ import annotations

import pytest

from lagebild.lang.de.hanta import hanta_tag, stts_upos_table
from lagebild.language import build_pipeline
from lagebild.settings import get_settings


@pytest.fixture(scope="module")
def nlp_hanta():
    return build_pipeline("de", layers=(), hanta_tags=True)


@pytest.mark.parametrize("text, word, tag, upos, lemma", [
    ("Die Regierung sei zu Gesprächen bereit, erklärte eine Sprecherin.", "Gesprächen", "NN", "NOUN", "Gespräch"),
    ("Die Regierung sei zu Gesprächen bereit, erklärte eine Sprecherin.", "sei", "VAFIN", "AUX", "sein"),
    ("Die Regierung sei zu Gesprächen bereit, erklärte eine Sprecherin.", "erklärte", "VVFIN", "VERB", "erklären"),
    ("Die US-Truppen sollen abziehen.", "US-Truppen", "NN", "NOUN", "US-Truppe"),  # hyphenated: own spelling
    ("Die NATO tagte in Brüssel.", "NATO", "NE", "PROPN", "NATO"),                 # acronym: not "Nato"
    ("Er hat ihn gestern gesehen.", "ihn", "PPER", "PRON", "er"),                  # UD pronoun lemma
])
def test_hanta_tags_upos_lemma(nlp_hanta, text, word, tag, upos, lemma):
    tok = next(t for t in nlp_hanta(text) if t.text == word)
    assert (tok.tag_, tok.pos_, tok.lemma_) == (tag, upos, lemma)


def test_hanta_keeps_mood_parse_and_entities(nlp_hanta):
    plain = build_pipeline("de", layers=())
    text = "Die Regierung in Berlin sei bereit, sagte Anna Müller."
    a, b = plain(text), nlp_hanta(text)
    assert [str(t.morph.get("Mood")) for t in a] == [str(t.morph.get("Mood")) for t in b]
    assert [(t.head.i, t.dep_) for t in a] == [(t.head.i, t.dep_) for t in b]
    assert [(e.text, e.label_) for e in a.ents] == [(e.text, e.label_) for e in b.ents]
    assert "lagebild_hanta_tags" not in plain.pipe_names


def test_hanta_leaves_whitespace_tokens_alone(nlp_hanta):
    doc = nlp_hanta("Die NATO tagte.\n\nDie Regierung tagte.")
    assert [t.text for t in doc if t.is_space] == ["\n\n"]
    assert all(t.lemma_ == t.text for t in doc if t.is_space)


def test_setting_switches_hanta_on(monkeypatch):
    monkeypatch.setenv("LAGEBILD_HANTA_TAGS", "1")
    get_settings.cache_clear()
    try:
        assert "lagebild_hanta_tags" in build_pipeline("de", layers=()).pipe_names
        assert "lagebild_hanta_tags" not in build_pipeline("en", layers=()).pipe_names  # German only
    finally:
        monkeypatch.delenv("LAGEBILD_HANTA_TAGS")
        get_settings.cache_clear()


def test_table_and_tagger_helpers():
    table = stts_upos_table("de")
    assert table["NN"] == "NOUN" and table["VVFIN"] == "VERB" and table["$."] == "PUNCT"
    assert "KOKOM" not in table  # ambiguous tags keep the statistical UPOS
    tags, lemmas = hanta_tag(["Die", "Soldaten", "griffen", "an", "."])
    assert tags[1] == "NN" and lemmas[1] == "Soldat"
