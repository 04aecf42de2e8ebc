"""Rule-based repair of verbal mood (German Konjunktiv) after the statistical morphologizer.

Konjunktiv I/II marks reported speech, so Lagebild wants ``Mood=Sub`` on finite verbs to be reliable.
The morphologizer learns it from few treebank examples; these rules fix the clear cases:

* a finite verb in the lexicon ``lang/de/konjunktiv.txt`` (``sei``, ``wäre``, ``könne`` …) is Sub;
* a present-tense-looking finite verb ending in ``-e`` (not ``-te``) whose subject is a third person
  (a noun, a name, or er/sie/es/man …) is Konjunktiv I (``er habe``, ``die Regierung plane``);
  with the subject ``ich`` it is indicative (``ich habe``).

The component is stored by name in the shipped German pipeline (factory ``lagebild_mood``).
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc, Token

_THIRD_PERSON_PRON = {"er", "sie", "es", "man", "jemand", "niemand", "wer", "das", "dies", "dieser",
                      "diese", "dieses", "jeder", "jede", "jedes", "keiner", "keine", "einer", "eine"}
_FIRST_SG = {"ich"}
_FINITE_TAGS = {"VVFIN", "VAFIN", "VMFIN"}
# indicative past forms ending in -e but not -te
_PAST_E = {"wurde", "wurdest"}


@lru_cache(maxsize=None)
def subjunctive_forms(lang: str = "de") -> frozenset[str]:
    path = resources.files("lagebild") / "lang" / lang / "konjunktiv.txt"
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.append(line.lower())
    return frozenset(words)


def _is_finite(tok: Token) -> bool:
    if tok.tag_ in _FINITE_TAGS:
        return True
    return "Fin" in tok.morph.get("VerbForm") and tok.pos_ in ("VERB", "AUX")


_SUBJ = ("nsubj", "nsubj:pass", "sb", "expl", "csubj")


def _subject(tok: Token) -> Token | None:
    """The subject of a finite verb; for an auxiliary or copula (UD attaches the subject to the
    content word: "er *habe* es gesagt") the subject of its head."""
    for child in tok.children:
        if child.dep_ in _SUBJ:
            return child
    if tok.dep_ in ("aux", "aux:pass", "cop") and tok.head is not tok:
        for child in tok.head.children:
            if child.dep_ in _SUBJ:
                return child
    return None


def _set_mood(tok: Token, mood: str) -> None:
    feats = tok.morph.to_dict()
    if feats.get("Mood") == mood:
        return
    feats["Mood"] = mood
    feats.setdefault("VerbForm", "Fin")
    tok.set_morph(feats)


def _drop_mood_of_non_verbs(doc: Doc) -> None:
    """Mood is a verb feature: "die wenigsten" (PIAT) or "steigende" (ADJA) lose a predicted Mood=Sub."""
    morphs = doc.to_array("MORPH")
    with_mood = {h for h in set(morphs.tolist()) if h and "Mood=" in doc.vocab.strings[h]}
    if not with_mood:
        return
    for i, h in enumerate(morphs.tolist()):
        if h in with_mood and doc[i].pos_ not in ("VERB", "AUX"):
            feats = doc[i].morph.to_dict()
            feats.pop("Mood", None)
            doc[i].set_morph(feats)


def apply_mood_rules(doc: Doc) -> Doc:
    forms = subjunctive_forms("de")
    _drop_mood_of_non_verbs(doc)
    for tok in doc:
        if not _is_finite(tok):
            continue
        low = tok.lower_
        if low in forms:
            subj = _subject(tok)
            # "ich gebe", "ich gehe", "ich wisse"? -> indicative only for the present forms
            if subj is not None and subj.lower_ in _FIRST_SG and low in ("gehe", "gebe"):
                _set_mood(tok, "Ind")
            else:
                _set_mood(tok, "Sub")
            continue
        if not low.endswith("e") or low.endswith("te") or len(low) < 3 or low in _PAST_E:
            continue
        subj = _subject(tok)
        if subj is None and tok.i > 0 and doc[tok.i - 1].lower_ in ("er", "sie", "es", "man"):
            subj = doc[tok.i - 1]  # "…, er habe" with a broken parse
        if subj is None:
            continue
        if subj.lower_ in _FIRST_SG:
            _set_mood(tok, "Ind")
        elif (subj.lower_ in _THIRD_PERSON_PRON or subj.pos_ in ("NOUN", "PROPN")) and \
                "Plur" not in subj.morph.get("Number"):
            _set_mood(tok, "Sub")
    return doc


class MoodRules:
    def __init__(self, lang: str = "de") -> None:
        self.lang = lang

    def __call__(self, doc: Doc) -> Doc:
        return apply_mood_rules(doc) if self.lang == "de" else doc


@Language.factory("lagebild_mood", default_config={"lang": "de"})
def make_mood_rules(nlp: Language, name: str, *, lang: str) -> MoodRules:
    return MoodRules(lang)
