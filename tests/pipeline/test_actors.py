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


# -- multi-sentence reports: indefinite roles, genitive complements, pronouns ---------------------------
MULTI_DE = (
    "„Wir werden helfen“, sagte ein Sprecher des Auswärtigen Amtes am Mittwoch. Man sei bereit, fügte er hinzu. "
    "Ein Sprecher des französischen Generalstabs wies den Bericht zurück. Paris habe nichts gebilligt, sagte er."
)


@pytest.fixture(scope="session")
def nlp_full_de():
    return build_pipeline("de")


def _actor_at(doc, word, n=1):
    import re

    hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", doc.text)]
    s, e = hits[n - 1]
    from lagebild.pipeline.actors.engine import actor_at

    return actor_at(doc._.lb_actors, s, e)


def test_indefinite_roles_are_new_actors(nlp_full_de):
    doc = nlp_full_de(MULTI_DE)
    first, second = _actor_at(doc, "Sprecher", 1), _actor_at(doc, "Sprecher", 2)
    assert first is not None and second is not None and first.id != second.id
    assert (first.name, first.country, first.sector) == ("Sprecher des Auswärtigen Amtes", "DEU", "GOV")
    assert (second.name, second.country, second.sector) == ("Sprecher des französischen Generalstabs", "FRA", "MIL")
    assert _actor_at(doc, "er", 1).id == first.id  # "fügte er hinzu"
    assert _actor_at(doc, "er", 2).id == second.id  # "sagte er": the most recent spokesman


@pytest.mark.parametrize(
    "text,word,n,same_as",
    [
        # a definite mention links to the most recent compatible role
        ("Ein Sprecher der Regierung in Athen widersprach. Ein Sprecher der türkischen Armee schwieg. Der Sprecher fügte hinzu, man warte ab.",
         "Sprecher", 3, ("Sprecher", 2)),
        # "sie" goes to the spokeswoman, not the nearer organisation
        ("Eine Sprecherin des estnischen Außenministeriums sagte, man werde sich mit der Nato abstimmen. Sie sprach von einer Provokation.",
         "Sie", 1, ("Sprecherin", 1)),
        # "er" is not the spokeswoman
        ("Eine Sprecherin der Polizei und ein Sprecher der Armee äußerten sich. Er sagte, die Lage sei ruhig.",
         "Er", 1, ("Sprecher", 1)),
    ],
)
def test_role_and_pronoun_links(nlp_full_de, text, word, n, same_as):
    doc = nlp_full_de(text)
    a, b = _actor_at(doc, word, n), _actor_at(doc, *same_as)
    assert a is not None and b is not None and a.id == b.id, [(x.name, x.mentions) for x in doc._.lb_actors]


@pytest.mark.parametrize(
    "text,word,country,sector",
    [
        ("Ein Sprecher des russischen Verteidigungsministeriums bestritt dies.", "Sprecher", "RUS", "MIL"),
        ("Ein Armeesprecher sagte, die Lage sei ruhig.", "Armeesprecher", None, "MIL"),
        ("Ein israelischer Regierungsvertreter sagte nichts.", "Regierungsvertreter", "ISR", "GOV"),
        ("Vor zwei Wochen griffen bewaffnete Gruppen mehrere Dörfer an.", "Gruppen", None, "UAF"),
    ],
)
def test_role_complements_and_compounds(nlp_full_de, text, word, country, sector):
    doc = nlp_full_de(text)
    a = _actor_at(doc, word)
    assert a is not None
    assert a.sector == sector and (country is None or a.country == country)


def test_abstract_nouns_and_capitals_in_place_phrases_are_not_actors(nlp_full_de):
    doc = nlp_full_de("In der georgischen Hauptstadt Tiflis haben Demonstranten gegen die Pläne der Regierung protestiert.")
    assert _actor_at(doc, "Pläne") is None
    assert _actor_at(doc, "Tiflis") is None


def test_bare_definite_role_links_to_earlier_compound_organisation(nlp_full_de):
    doc = nlp_full_de("Die Bundesregierung will die Hilfe aufstocken. Die Regierung sei zu Gesprächen bereit, sagte ein Sprecher.")
    assert _actor_at(doc, "Regierung").id == _actor_at(doc, "Bundesregierung").id
    # with its own country it stays apart
    doc = nlp_full_de("Die Bundesregierung will die Hilfe aufstocken. Die Regierung in Athen lehnte ab.")
    assert _actor_at(doc, "Regierung").id != _actor_at(doc, "Bundesregierung").id


# -- datelines, media named after their type noun, German country names --------------------------------
@pytest.mark.parametrize(
    "text,place",
    [
        ("Berlin. Die Regierung sei zu Gesprächen bereit, berichtete die Zeitung „Morgenpost“ am Montag.", "Berlin"),
        ("BERLIN (dpa) - Die Regierung will die Hilfe für die Bauern aufstocken.", "BERLIN"),
        ("Kiew/Berlin – Der Minister traf am Morgen in der Ukraine ein.", "Kiew"),
        ("Moskau, 3. März – Die Ermittler äußerten sich nicht.", "Moskau"),
        ("Ein kurzer Vorspann.\nPARIS (AFP) - Die Polizei räumte das Lager.", "PARIS"),
        ("BERLIN/MOSKAU (dpa) - Die Gespräche wurden vertagt.", "MOSKAU"),
    ],
)
def test_dateline_place_is_not_an_actor(nlp_full_de, text, place):
    doc = nlp_full_de(text)
    assert _actor_at(doc, place) is None, [(a.name, a.mentions) for a in doc._.lb_actors]
    assert any(doc.text[p.start : p.end] == place for p in doc._.lb_places)  # still a place
    for credit in ("dpa", "AFP"):  # the agency credit of the dateline is the byline, no actor
        assert f"({credit})" not in text or _actor_at(doc, credit) is None


def test_agency_outside_a_dateline_is_an_actor(nlp_full_de):
    doc = nlp_full_de("Der Minister sagte der dpa, die Lage sei ernst.")
    a = _actor_at(doc, "dpa")
    assert a is not None and (a.country, a.sector) == ("DEU", "MED")


@pytest.mark.parametrize(
    "text,word,country",
    [
        # metonymy stays: a capital acting at the start of a text or line, or in the text
        ("Moskau wies die Vorwürfe am Dienstag zurück.", "Moskau", "RUS"),
        ("Berlin reagierte gelassen auf die Drohung.", "Berlin", "DEU"),
        ("BERLIN (dpa) - Die Opposition tobt. Berlin reagierte gelassen.", "Berlin", "DEU"),
        ("Paris: Wir werden die Hilfe nicht kürzen, sagte ein Sprecher.", "Paris", "FRA"),  # a headline, not a dateline
    ],
)
def test_capital_as_actor_survives_dateline_rule(nlp_full_de, text, word, country):
    doc = nlp_full_de(text)
    a = _actor_at(doc, word)
    assert a is not None and (a.country, a.sector) == (country, "GOV")


@pytest.mark.parametrize(
    "text,word,name,country",
    [
        ("Die Zeitung „Morgenpost“ berichtete am Montag über den Streit.", "Zeitung", "Morgenpost", None),
        ("Das Magazin „Der Spiegel“ zitierte aus dem Papier.", "Magazin", "Der Spiegel", "DEU"),
        ("Der Sender CNN zeigte Bilder aus dem Hafen.", "Sender", "CNN", "USA"),
        ("Die Nachrichtenagentur Reuters meldete einen Brand.", "Nachrichtenagentur", "Reuters", "GBR"),
        ("Die Wochenzeitung „Die Lupe“ deckte den Fall auf.", "Wochenzeitung", "Die Lupe", None),
    ],
)
def test_medium_keeps_its_name(nlp_full_de, text, word, name, country):
    doc = nlp_full_de(text)
    a = _actor_at(doc, word)
    assert a is not None and a.name == name and a.sector == "MED", [(x.name, x.mentions) for x in doc._.lb_actors]
    assert _actor_at(doc, name.split()[-1]).id == a.id  # type noun and name are one actor
    assert country is None or a.country == country


@pytest.mark.parametrize(
    "text,word,name,sector",
    [
        ("Die Zeitung berichtete am Montag über den Streit.", "Zeitung", "Zeitung", "MED"),  # no name: the role
        ("Die Staatsmedien Russlands meldeten einen Erfolg.", "Staatsmedien", "Staatsmedien Russlands", "MED"),  # a genitive
        ("Der Sender „zeigte“ nichts.", "Sender", "Sender", "MED"),  # a lower-case word in quotes is no title
        # country actors in German texts have German names (not the GeoNames "Syria")
        ("Syrien wies die Vorwürfe zurück.", "Syrien", "Syrien", None),
        ("Die Türkei drohte mit einer Offensive.", "Türkei", "Türkei", None),
        ("Die Vereinigten Staaten verhängten neue Sanktionen.", "Vereinigten Staaten", "USA", None),
    ],
)
def test_actor_names_de(nlp_full_de, text, word, name, sector):
    doc = nlp_full_de(text)
    a = _actor_at(doc, word)
    assert a is not None and (a.name, a.sector) == (name, sector), [(x.name, x.mentions) for x in doc._.lb_actors]


def test_later_bare_name_of_a_medium_is_the_same_actor(nlp_full_de):
    doc = nlp_full_de("Die Zeitung „Morgenpost“ berichtete über den Streit. Die Morgenpost zitierte einen Beamten.")
    assert _actor_at(doc, "Morgenpost", 2).id == _actor_at(doc, "Zeitung").id


def test_quote_of_a_medium_names_the_medium(nlp_full_de):
    doc = nlp_full_de("Die Regierung sei zu Gesprächen bereit, berichtete die Zeitung „Morgenpost“ am Montag.")
    speakers = {q.speaker_name for q in doc._.lb_quotes if q.speaker}
    assert speakers == {"Morgenpost"}


def test_medium_takes_the_documents_country_not_its_reports(nlp_full_de):
    text = ("Berlin. Die Bundesregierung in Berlin beriet am Montag über Hilfen. Die französische Armee habe "
            "Soldaten verlegt, berichtete die Zeitung „Morgenpost“.")
    doc = nlp_full_de(text)
    assert _actor_at(doc, "Morgenpost").country == "DEU"
    assert _actor_at(doc, "Armee").country == "FRA"


def test_reported_actors_do_not_take_the_reporting_mediums_country(nlp_full_de):
    doc = nlp_full_de("Berlin. Die Regierung beriet. Die Zeitung „Morgenpost“ hatte berichtet, die französische "
                      "Armee habe bereits Soldaten in die Region verlegt.")
    assert _actor_at(doc, "Soldaten").country == "FRA"


def test_country_actors_keep_english_names_in_english(nlp_actors_en):
    doc = nlp_actors_en("Syria rejected the accusations.")
    assert _find(doc, "Syria").name == "Syria"


@pytest.mark.parametrize(
    "text,names",
    [
        # actors the events layer adds: the country of an event's place, a nationality adjective
        ("Bei einem Luftangriff in Syrien wurden am Montag zwölf Menschen getötet.", {"Syrien"}),
        ("Ein israelischer Luftangriff traf am Montag ein Haus im Libanon.", {"Israel", "Libanon"}),
    ],
)
def test_event_country_actors_have_german_names(nlp_full_de, text, names):
    doc = nlp_full_de(text)
    assert {a.name for a in doc._.lb_actors if a.type == "GPE"} == names
