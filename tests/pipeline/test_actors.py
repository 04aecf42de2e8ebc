"""Actors layer: mentions grouped into actors with country (alpha-3) and sector (tables, negatives)."""

from __future__ import annotations

import pytest

from lagebild.language import build_pipeline


@pytest.fixture(scope="session")
def nlp_actors_de():
    return build_pipeline("de", layers=("lagebild_places", "lagebild_actors"))


@pytest.fixture(scope="session")
def nlp_actors_en():
    return build_pipeline("en", layers=("lagebild_places", "lagebild_actors"))


def _find(doc, text):
    for a in doc._.lb_actors:
        if any(doc.text[s:e] == text or text in doc.text[s:e] for s, e in a.mentions):
            return a
    return None


DE_CASES = [
    # sentence, mention text, expected country, expected sector
    ("Französische Streitkräfte griffen an.", "Streitkräfte", "FRA", "MIL"),
    ("Die Bundeswehr zog ab.", "Bundeswehr", "DEU", "MIL"),
    ("Stellungen der Hisbollah wurden getroffen.", "Hisbollah", "LBN", "REB"),
    ("Moskau wies die Vorwürfe zurück.", "Moskau", "RUS", "GOV"),
    ("Berlin kündigte Hilfe an.", "Berlin", "DEU", "GOV"),
    ("Die US-Armee verlegte Truppen.", "US-Armee", "USA", "MIL"),
    ("Die Armee Russlands beschoss die Stadt.", "Armee Russlands", "RUS", "MIL"),
    ("Frankreichs Präsident reiste ab.", "Frankreichs Präsident", "FRA", "GOV"),
    ("Der russische Präsident Wladimir Putin drohte.", "Wladimir Putin", "RUS", "GOV"),
    ("Die Sprecherin des Außenministeriums sagte nichts.", "Sprecherin des Außenministeriums", None, "GOV"),
    ("Die Regierung in Berlin widersprach.", "Regierung", "DEU", "GOV"),
    ("Die Russen protestierten.", "Russen", "RUS", None),
    ("Hamas-Kämpfer feuerten Raketen.", "Hamas-Kämpfer", "PSE", "REB"),
    ("Die Nato verurteilte den Angriff.", "Nato", None, "IGO"),
]


@pytest.mark.parametrize("text,mention,country,sector", DE_CASES)
def test_actor_country_sector_de(nlp_actors_de, text, mention, country, sector):
    doc = nlp_actors_de(text)
    actor = _find(doc, mention)
    assert actor is not None, [a.name for a in doc._.lb_actors]
    assert (actor.country, actor.sector) == (country, sector)


@pytest.mark.parametrize(
    "text,not_actor",
    [
        ("Der Minister reiste nach Moskau.", "Moskau"),  # a place, not an actor
        ("In Berlin blieb es ruhig.", "Berlin"),
        ("In Moskau und Berlin regnete es.", "Berlin"),
        ("Die Einführung der Steuer wurde vertagt.", "Einführung"),  # not "Führung"
    ],
)
def test_places_are_not_actors_de(nlp_actors_de, text, not_actor):
    doc = nlp_actors_de(text)
    assert _find(doc, not_actor) is None


def test_grouping_role_and_pronoun_de(nlp_actors_de):
    doc = nlp_actors_de("Die Sprecherin des Außenministeriums sagte, man sei besorgt. Sie wies die Vorwürfe zurück.")
    actor = _find(doc, "Sprecherin des Außenministeriums")
    texts = [doc.text[s:e] for s, e in actor.mentions]
    assert "Sie" in texts


def test_grouping_person_apposition_de(nlp_actors_de):
    doc = nlp_actors_de("Die Sprecherin der Regierung, Maria Sacharowa, sagte nichts.")
    actor = _find(doc, "Maria Sacharowa")
    assert actor.type == "PER" and actor.sector == "GOV"
    assert len(doc._.lb_actors) == 1


EN_CASES = [
    ("Israeli troops fired on protesters.", "Israeli troops", "ISR", "MIL"),
    ("Palestinian protesters threw stones.", "Palestinian protesters", "PSE", "CVL"),
    ("Montenegro's prime minister will resign.", "prime minister", "MNE", "GOV"),
    ("The White House announced a pact.", "White House", "USA", "GOV"),
    ("The Kremlin rejected the claims.", "Kremlin", "RUS", "GOV"),
]


@pytest.mark.parametrize("text,mention,country,sector", EN_CASES)
def test_actor_country_sector_en(nlp_actors_en, text, mention, country, sector):
    doc = nlp_actors_en(text)
    actor = _find(doc, mention)
    assert actor is not None, [a.name for a in doc._.lb_actors]
    assert (actor.country, actor.sector) == (country, sector)


def test_actor_record_contract(nlp_actors_de):
    doc = nlp_actors_de("Die Bundeswehr zog ab. Der Kreml in Moskau schwieg.")
    ids = {a.id for a in doc._.lb_actors}
    bw = _find(doc, "Bundeswehr")
    assert bw.id == "a1" and bw.cameo == "DEUMIL" and bw.type == "ORG"
    assert all(doc.text[s:e] for a in doc._.lb_actors for s, e in a.mentions)
    # every NER entity that is an actor mention maps to an existing actor (empty without NER)
    assert set(doc._.lb_entity_actor.values()) <= ids
    for (s, e), aid in doc._.lb_entity_actor.items():
        assert any(ent.start_char == s and ent.end_char == e for ent in doc.ents)
