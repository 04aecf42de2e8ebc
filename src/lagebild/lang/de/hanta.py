"""German STTS tags, UPOS and lemmas from HanTa (Hanover Tagger, TIGER-trained model shipped in its wheel).

Used two ways:

* at training time, to distil HanTa's tags and lemmas into the fast statistical tagger and lemmatizer of
  ``de_core`` (:mod:`lagebild.training.corpora`);
* at run time, optionally, as the component ``lagebild_hanta_tags``: it replaces the statistical pipeline's fine
  tag, UPOS and lemma by HanTa's (UPOS through the tag -> UPOS table ``lang/de/stts_upos.tsv``, derived from the
  UD German GSD gold by ``scripts/build_stts_upos.py``). More accurate, much slower: the trade-off is measured in
  ``docs/pipelines.md``. Morphology (``Mood``), the parse and the entities are left as they are.
  Enable it with ``LAGEBILD_HANTA_TAGS=1`` or ``build_pipeline("de", hanta_tags=True)``; ``lagebild evaluate
  pipeline de --hanta-tags`` scores it.
"""

from __future__ import annotations

import re
import threading

from spacy.language import Language
from spacy.tokens import Doc

from .. import lang_file, read_table

_HANTA = None
_HANTA_LOCK = threading.Lock()


def _hanta():
    """HanTa's German model (TIGER-trained, shipped in its wheel), loaded once per process."""
    global _HANTA
    with _HANTA_LOCK:
        if _HANTA is None:
            from HanTa import HanoverTagger as ht

            _HANTA = ht.HanoverTagger("morphmodel_ger.pgz")
    return _HANTA


def _fix_hanta_lemma(word: str, lemma: str, tag: str) -> str:
    """Repair HanTa's weak spots: acronyms (NATO -> Nato) and hyphenated compounds (US-Truppen ->
    Us-truppe): keep the word's own spelling for everything but the inflected last part."""
    if tag in ("NE", "FM", "XY") or (word.isupper() and len(word) > 1):
        return word
    if "-" in word and tag in ("NN", "NE", "ADJA", "ADJD"):
        head, _, last = word.rpartition("-")
        low_last = lemma.rpartition("-")[2] if "-" in lemma else lemma
        if last and low_last:
            cased = (last[0] + low_last[1:]) if low_last.lower().startswith(last[0].lower()) else low_last
            return f"{head}-{cased}"
    if tag == "NN" and lemma and word[:1].isupper() and not lemma[:1].isupper():
        return lemma[:1].upper() + lemma[1:]
    return lemma


_HANTA_TAG = re.compile(r"^([A-Z]+)\(([A-Z]+)\)$")
# HanTa's tag-set extensions -> the TIGER/STTS tags of the UD German treebanks
_HANTA_TO_TIGER = {"PROAV": "PAV", "NNI": "NN", "NNA": "NN"}

# lemma conventions of UD German: personal pronouns -> nominative, determiners -> masculine nominative
_PRON_LEMMA = {
    "mir": "ich", "mich": "ich", "dir": "du", "dich": "du", "uns": "wir", "euch": "ihr",
    "ihm": "er", "ihn": "er", "ihnen": "sie",
}
_DET_LEMMA = {"dies": "dieser", "diese": "dieser", "ander": "anderer", "all": "alle", "einig": "einige",
              "solch": "solcher", "jed": "jeder", "jen": "jener", "manch": "mancher", "welch": "welcher"}


def hanta_tag(words: list[str]) -> tuple[list[str], list[str]]:
    """STTS tags and lemmas for one sentence (HanTa, tag level 1)."""
    out = _hanta().tag_sent(words, taglevel=1)
    tags, lemmas = [], []
    for w, (_, lemma, tag) in zip(words, out):
        m = _HANTA_TAG.match(tag)
        if m:
            tag = m.group(1) + m.group(2)
        tag = _HANTA_TO_TIGER.get(tag, tag)
        tags.append(tag)
        lemma = _fix_hanta_lemma(w, lemma, tag)
        low = w.lower()
        if tag in ("PPER", "PRF") and low in _PRON_LEMMA:
            lemma = _PRON_LEMMA[low]
        elif lemma in _DET_LEMMA and tag.startswith(("PD", "PI", "PW")):
            lemma = _DET_LEMMA[lemma]
        lemmas.append(lemma)
    return tags, lemmas


def stts_upos_table(lang: str = "de") -> dict[str, str]:
    """Fine tag -> UPOS (the tag's majority UPOS in the gold treebank)."""
    return {row[0]: row[1] for row in read_table(lang_file(lang, "stts_upos.tsv")) if len(row) >= 2}


class HantaTags:
    """Sets ``tag_``, ``pos_`` and (option ``lemmas``) ``lemma_`` of every non-space token from HanTa, one
    sentence at a time (the sentences the pipeline found, else the whole document)."""

    def __init__(self, *, lemmas: bool = True, lang: str = "de") -> None:
        self.lemmas = lemmas
        self.upos = stts_upos_table(lang)

    def __call__(self, doc: Doc) -> Doc:
        spans = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
        for span in spans:
            toks = [t for t in span if not t.is_space]
            if not toks:
                continue
            tags, lemmas = hanta_tag([t.text for t in toks])
            for tok, tag, lemma in zip(toks, tags, lemmas, strict=True):
                tok.tag_ = tag
                upos = self.upos.get(tag)
                if upos:
                    tok.pos_ = upos
                if self.lemmas and lemma:
                    tok.lemma_ = lemma
        return doc


@Language.factory("lagebild_hanta_tags", default_config={"lemmas": True, "lang": "de"})
def make_hanta_tags(nlp: Language, name: str, *, lemmas: bool, lang: str) -> HantaTags:
    return HantaTags(lemmas=lemmas, lang=lang)
