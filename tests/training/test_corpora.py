"""Converters: CoNLL-U with multi-word tokens, BIO label mapping (self-written snippets, no corpus text)."""

from __future__ import annotations

import spacy

from lagebild.training import corpora as C

CONLLU = """# text = Er ging zum Markt.
1\tEr\ter\tPRON\tPPER\tCase=Nom|Person=3\t3\tnsubj\t_\t_
2\tging\tgehen\tVERB\tVVFIN\tMood=Ind|VerbForm=Fin\t0\troot\t_\t_
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_
3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\tART\tCase=Dat|Definite=Def|Gender=Masc|PronType=Art\t5\tdet\t_\t_
5\tMarkt\tMarkt\tNOUN\tNN\tCase=Dat\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_
"""


def test_conllu_mwt(tmp_path):
    p = tmp_path / "x.conllu"
    p.write_text(CONLLU.replace("3\tnsubj", "2\tnsubj"), encoding="utf-8")
    nlp = spacy.blank("de")
    (doc,) = C.read_conllu(nlp.vocab, p, "de")
    assert [t.text for t in doc] == ["Er", "ging", "zum", "Markt", "."]
    zum = doc[2]
    assert zum.tag_ == "APPRART" and zum.pos_ == "ADP" and zum.dep_ == "case" and zum.head.text == "Markt"
    assert zum.morph.get("Case") == ["Dat"] and not zum.morph.get("Definite")
    assert doc[1].dep_ == "ROOT" and doc[0].head.text == "ging"
    assert doc.text == "Er ging zum Markt."


def test_bio_mapping():
    nlp = spacy.blank("de")
    words = ["Anna", "Schmidt", "aus", "Köln", "lobt", "deutsche", "Firmen"]
    labels = [C._split_label(t, C.GERMEVAL_MAP) for t in
              ["B-PER", "I-PER", "O", "B-LOC", "O", "B-LOCderiv", "O"]]
    doc = C._bio_doc(nlp.vocab, words, labels)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Schmidt", "PER"), ("Köln", "LOC")]


def test_mobie_mapping():
    assert C._split_label("B-location-city", C.MOBIE_MAP) == ("B", "LOC")
    assert C._split_label("B-date", C.MOBIE_MAP) is None
    assert C._split_label("I-organization-company", C.MOBIE_MAP) == ("I", "ORG")
