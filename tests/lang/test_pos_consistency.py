"""Tag/UPOS consistency repair (self-written examples)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from lagebild.lang.pos_consistency import PosConsistency

RULES = [["APPR", "ADP", ["ADP"]], ["NN", "NOUN", ["NOUN", "PROPN"]]]


@pytest.mark.parametrize("words, tags, pos, expected", [
    (["in", "Berlin"], ["APPR", "NE"], ["NOUN", "PROPN"], ["ADP", "PROPN"]),   # never seen: majority UPOS
    (["Die", "Bundeswehr"], ["ART", "NN"], ["DET", "PROPN"], ["DET", "PROPN"]),  # attested: kept
    (["tagte", ".", "\n\n", "Die"], ["VVFIN", "$.", "NN", "ART"], ["VERB", "PUNCT", "NOUN", "DET"],
     ["VERB", "PUNCT", "SPACE", "DET"]),                                          # whitespace is no noun
])
def test_consistency(words, tags, pos, expected):
    doc = Doc(spacy.blank("de").vocab, words=words, tags=tags, pos=pos)
    PosConsistency({}, RULES)(doc)
    assert [t.pos_ for t in doc] == expected
    assert all(t.tag_ == "_SP" for t in doc if t.is_space)


def test_shipped_pipelines_tag_line_breaks_as_space():
    from lagebild.language import build_pipeline

    for lang, text in (("de", "Die NATO tagte.\n\nDie Regierung tagte."), ("en", "NATO met.\n\nThe government met.")):
        doc = build_pipeline(lang, layers=())(text)
        assert [(t.tag_, t.pos_) for t in doc if t.is_space] == [("_SP", "SPACE")]


def test_escaped_dollar_tags_from_a_config():
    """"PRP$" arrives as "PRP$$" (or "PRP$$$$" after another save/load round trip) from a config list."""
    fix = PosConsistency({}, [["PRP$$$$", "PRON", ["PRON"]], ["$$", "SYM", ["SYM"]]])
    assert set(fix.table) == {"PRP$", "$"}
