"""Places layer: toponyms → GeoNames country (tables of sentences we wrote, negatives included)."""

from __future__ import annotations

import pytest

from lagebild.language import build_pipeline
from lagebild.pipeline.places.gazetteer import get_gazetteer


@pytest.fixture(scope="session")
def nlp_places_de():
    return build_pipeline("de", layers=("lagebild_places",))


@pytest.fixture(scope="session")
def nlp_places_en():
    return build_pipeline("en", layers=("lagebild_places",))


DE_CASES = [
    ("Der Kreml in Moskau reagierte.", {"Moskau": "RU"}),
    ("Frankreichs Armee verließ Mali.", {"Frankreichs": "FR", "Mali": "ML"}),
    ("Im Libanon wurde gekämpft.", {"Libanon": "LB"}),
    ("Russlands Führung schwieg.", {"Russlands": "RU"}),
    ("Die Polizei in Frankfurt ermittelt.", {"Frankfurt": "DE"}),
    ("Der Minister flog nach Washington.", {"Washington": "US"}),
    ("Gespräche in den Vereinigten Staaten und in Sankt Petersburg.", {"Vereinigten Staaten": "US", "Sankt Petersburg": "RU"}),
    ("Raketen aus dem Gazastreifen.", {"Gazastreifen": "PS"}),
    # negatives: common words that are also GeoNames names
    ("Zum Essen gab es in der Halle Suppe.", {}),
    ("Was dabei herauskommt, ist offen.", {}),
    ("Am Ende stand die Mark.", {}),
]

EN_CASES = [
    ("Officials in Moscow rejected the claims.", {"Moscow": "RU"}),
    ("Syria's government reported strikes near Aleppo.", {"Syria": "SY", "Aleppo": "SY"}),
    ("The U.S. imposed sanctions on Iran.", {"U.S.": "US", "Iran": "IR"}),
    ("Mobile phones are banned during the March meeting.", {}),
]


@pytest.mark.parametrize("text,expected", DE_CASES)
def test_places_de(nlp_places_de, text, expected):
    doc = nlp_places_de(text)
    assert {p.text: p.country for p in doc._.lb_places} == expected


@pytest.mark.parametrize("text,expected", EN_CASES)
def test_places_en(nlp_places_en, text, expected):
    doc = nlp_places_en(text)
    assert {p.text: p.country for p in doc._.lb_places} == expected


def test_place_record_has_geonameid_and_coordinates(nlp_places_de):
    doc = nlp_places_de("Treffen in Moskau.")
    (place,) = doc._.lb_places
    assert place.geonameid == 524901 and place.name == "Moscow"
    assert doc.text[place.start : place.end] == "Moskau"
    assert 55 < place.lat < 56 and 37 < place.lon < 38


@pytest.mark.parametrize(
    "word,country",
    [("französische", "FR"), ("russischen", "RU"), ("US", "US"), ("Briten", "GB"), ("Israelis", "IL"), ("Haus", None)],
)
def test_nationality_words_de(word, country):
    assert get_gazetteer("de").country_of_word(word) == country


def test_capital_metonymy_lookup():
    gaz = get_gazetteer("de")
    assert gaz.capital_country("Moskau") == "RU"
    assert gaz.capital_country("Berlin") == "DE"
    assert gaz.capital_country("Frankfurt") is None


def test_country_name_wins_over_a_cut_short_entity(nlp_places_de):
    doc = nlp_places_de("Auch Katar, die Vereinigten Arabischen Emirate und Jordanien müssten eingebunden werden.")
    assert ("Vereinigten Arabischen Emirate", "AE") in [(p.text, p.country) for p in doc._.lb_places]


def test_curated_region_beats_small_town_of_the_focus_country(nlp_places_en):
    doc = nlp_places_en("The storm hit Cuba before reaching Florida.")
    assert [(p.text, p.country) for p in doc._.lb_places][-1] == ("Florida", "US")


def test_actors_skip_fragments_of_place_names():
    nlp = build_pipeline("de", layers=("lagebild_places", "lagebild_actors"))
    doc = nlp("Auch Katar, die Vereinigten Arabischen Emirate und Jordanien müssten eingebunden werden.")
    assert sorted(a.country for a in doc._.lb_actors) == ["ARE", "JOR", "QAT"]
