"""The shipped German pipeline: loads from the package, tokenises news, marks Konjunktiv, tags, parses."""

from __future__ import annotations

import pytest
import spacy

from lagebild.language import shipped_model_path

pytestmark = pytest.mark.skipif(shipped_model_path("de") is None, reason="no shipped German pipeline")


@pytest.fixture(scope="session")
def nlp():
    import lagebild.language  # noqa: F401  (registers the rule components)

    return spacy.load(shipped_model_path("de"))


def test_components(nlp):
    for name in ("tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer", "ner",
                 "lagebild_mood", "lagebild_newline_sentences", "lagebild_dateline_merge"):
        assert name in nlp.pipe_names


TOKENS = [
    ("BERLIN (dpa) - Die US-Truppen ziehen ab.", ["BERLIN", "(", "dpa", ")", "-", "Die", "US-Truppen", "ziehen", "ab", "."]),
    ("Das sagte Dr. Müller z. B. am 5. Januar.", ["Das", "sagte", "Dr.", "Müller", "z.", "B.", "am", "5.", "Januar", "."]),
    ("„Wir schaffen das“, sagte sie.", ["„", "Wir", "schaffen", "das", "“", ",", "sagte", "sie", "."]),
    ("»Nein«, meinte er.", ["»", "Nein", "«", ",", "meinte", "er", "."]),
    ("Er sagte:„Nein.“", ["Er", "sagte", ":", "„", "Nein", ".", "“"]),
    ("‚Gut‘ sei das.", ["‚", "Gut", "‘", "sei", "das", "."]),
    ("Das war im Jahr 2024.", ["Das", "war", "im", "Jahr", "2024", "."]),
    ("Es kostet 3,5 Mio. Euro bzw. mehr.", ["Es", "kostet", "3,5", "Mio.", "Euro", "bzw.", "mehr", "."]),
    ("Er kam am 3.10.2024 an.", ["Er", "kam", "am", "3.10.2024", "an", "."]),
    ("Sie sagte:„Wir gehen.“Dann ging sie.", ["Sie", "sagte", ":", "„", "Wir", "gehen", ".", "“", "Dann", "ging",
                                              "sie", "."]),
    ("Das ist z.B. gut.", ["Das", "ist", "z.B.", "gut", "."]),
]


@pytest.mark.parametrize("text,expected", TOKENS)
def test_tokenizer(nlp, text, expected):
    assert [t.text for t in nlp.make_doc(text)] == expected


SENTENCES = [
    # headline without final punctuation, then a dateline
    ("Regierung plant neue Steuer\nBERLIN (dpa) - Die Regierung plant eine neue Steuer.", 2),
    ("Dr. Müller kam am 5. Januar nach Berlin. Er blieb zwei Tage.", 2),
    ("„Wir werden das schaffen“, sagte die Kanzlerin am Montag in Berlin.", 1),
    ("Die US-Truppen ziehen ab. Das teilte das Ministerium mit.", 2),
    ("Washington/Berlin (AFP/dpa) – Der Präsident hat gesprochen. Er ging.", 2),
    ("Kiew (Reuters): Die Lage ist ernst.", 1),
    # headline and dateline on one line (no line break, no final punctuation)
    ("Regierung plant neue Steuer BERLIN (dpa) - Die Regierung plant eine neue Steuer.", 2),
    ("Waffenruhe hält vorerst Kiew (AFP) – Die Lage an der Front blieb ruhig.", 2),
    # not a dateline: parentheses inside a sentence
    ("Der Vertreter der Vereinten Nationen (UN) - so hieß es - reiste ab.", 1),
    ("Er sprach mit Anna Beck (SPD) – und mit niemandem sonst.", 1),
    # footnote marks belong to a sentence: after it on the same line, else before the next one
    ("Die Zahl stieg auf 40 Prozent.*\nDie Regierung widersprach.", 2),
    ("Die Zahl stieg auf 40 Prozent.\n* Angaben des Ministeriums.", 2),
]


@pytest.mark.parametrize("text,n", SENTENCES)
def test_sentences(nlp, text, n):
    assert len(list(nlp(text).sents)) == n


@pytest.mark.parametrize("text,second", [
    ("Regierung plant neue Steuer BERLIN (dpa) - Die Regierung plant eine neue Steuer.", "BERLIN"),
    ("Waffenruhe hält vorerst Kiew (AFP) – Die Lage an der Front blieb ruhig.", "Kiew"),
    ("Gipfel ohne Einigung NEW YORK (AP) - Die Gespräche endeten ohne Ergebnis.", "NEW"),
    ("Neue Gespräche geplant Washington/Berlin (dpa) – Beide Seiten sind bereit.", "Washington"),
])
def test_inline_dateline_starts_the_second_sentence(nlp, text, second):
    sents = list(nlp(text).sents)
    assert len(sents) == 2 and sents[1][0].text == second


SUB = [
    ("Der Minister sagte, er sei nicht informiert worden.", "sei"),
    ("Die Regierung habe keine Pläne, sagte ein Sprecher.", "habe"),
    ("Sie erklärte, das Unternehmen plane keine Entlassungen.", "plane"),
    ("Wenn er Zeit hätte, würde er kommen.", "hätte"),
    ("Wenn er Zeit hätte, würde er kommen.", "würde"),
    ("Ein Sprecher sagte, man könne dazu nichts sagen.", "könne"),
    ("Das wäre ein großer Fehler, warnte die Opposition.", "wäre"),
]
IND = [
    ("Ich habe das Buch gelesen.", "habe"),
    ("Der Minister ist nicht informiert worden.", "ist"),
    ("Die Regierung hat keine Pläne.", "hat"),
    ("Das Unternehmen plant Entlassungen.", "plant"),
]


@pytest.mark.parametrize("text,verb", SUB)
def test_konjunktiv(nlp, text, verb):
    tok = next(t for t in nlp(text) if t.text == verb)
    assert tok.morph.get("Mood") == ["Sub"], (text, verb, str(tok.morph))


@pytest.mark.parametrize("text,verb", IND)
def test_indicative(nlp, text, verb):
    tok = next(t for t in nlp(text) if t.text == verb)
    assert "Sub" not in tok.morph.get("Mood"), (text, verb, str(tok.morph))


def test_tags_lemmas_parse_ner(nlp):
    doc = nlp("Bundeskanzler Olaf Scholz traf am Montag in Paris den französischen Präsidenten.")
    by = {t.text: t for t in doc}
    assert by["traf"].lemma_ == "treffen"
    assert by["traf"].pos_ == "VERB"
    assert by["Paris"].pos_ == "PROPN"
    assert by["Scholz"].dep_ in ("nsubj", "flat", "appos") or by["Olaf"].dep_ == "nsubj" or by["Bundeskanzler"].dep_ == "nsubj"
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Paris") == "LOC"
    assert any(l == "PER" and "Scholz" in t for t, l in labels.items())


def test_runs_of_footnote_marks_leave_a_valid_tree(nlp):
    doc = nlp("Erster Satz.\n***\n\n* * *\nZweiter Satz.*\n*\n\n")
    for sent in doc.sents:
        assert sent.root is not None  # raises E039 on a broken (cyclic) tree
    assert [s.text.strip() for s in doc.sents][-1].endswith("Zweiter Satz.*\n*")
