"""Mood rules: Mood is a feature of finite verbs only (sentences written for these tests)."""

from spacy.tokens import Doc
from spacy.vocab import Vocab

from lagebild.lang.mood import apply_mood_rules


def _doc(words, tags, pos, morphs):
    doc = Doc(Vocab(), words=words, tags=tags, pos=pos, morphs=morphs)
    return doc


def test_mood_is_dropped_from_non_verbs():
    doc = _doc(["die", "steigende", "Nachfrage"], ["ART", "ADJA", "NN"], ["DET", "ADJ", "NOUN"],
               ["", "Case=Nom|Mood=Sub", "Case=Nom"])
    apply_mood_rules(doc)
    assert doc[1].morph.get("Mood") == []
    assert doc[1].morph.get("Case") == ["Nom"]


def test_mood_of_finite_verbs_is_kept():
    doc = _doc(["Er", "sei", "bereit"], ["PPER", "VAFIN", "ADJD"], ["PRON", "AUX", "ADJ"],
               ["Person=3", "Mood=Sub|VerbForm=Fin", ""])
    apply_mood_rules(doc)
    assert doc[1].morph.get("Mood") == ["Sub"]
