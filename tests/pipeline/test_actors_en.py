"""English actors (issue #6): media named after their type noun, role nouns used as modifiers, stance prefixes
("anti-Israel", "pro-Russian") and capitals that are only alternate names ("Delhi" is no capital).
Tables of our own sentences: expected actor name / country / sector, with negative cases."""

from __future__ import annotations

import re

import pytest

from lagebild.language import build_pipeline
from lagebild.pipeline.actors.engine import actor_at
from lagebild.pipeline.places.gazetteer import get_gazetteer


@pytest.fixture(scope="session")
def nlp_en():
    return build_pipeline("en")


def _actor(doc, word, n=1):
    hits = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", doc.text, re.IGNORECASE)]
    s, e = hits[n - 1]
    return actor_at(doc._.lb_actors, s, e)


def _names(doc):
    return [(a.name, a.country, a.sector, [doc.text[s:e] for s, e in a.mentions]) for a in doc._.lb_actors]


# -- 1. media named after their type noun ---------------------------------------------------------------
@pytest.mark.parametrize(
    "text,noun,name,country",
    [
        ("The newspaper Haaretz reported that the talks had failed.", "newspaper", "Haaretz", None),
        ("The broadcaster NHK said the ship had sunk.", "broadcaster", "NHK", None),
        ("The news agency Tass quoted a military source.", "agency", "TASS", "RUS"),  # known: its own name and country
        ("The Israeli newspaper Haaretz reported that the talks had failed.", "newspaper", "Haaretz", "ISR"),
        ("Reporters told the news agency Reuters that the army had withdrawn.", "agency", "Reuters", None),
        ("The Qatar-based television channel Al Jazeera aired the tape.", "channel", "Al Jazeera", None),
    ],
)
def test_medium_named_after_its_type_noun_en(nlp_en, text, noun, name, country):
    doc = nlp_en(text)
    a = _actor(doc, noun)
    assert a is not None and a.name.lower() == name.lower() and a.sector == "MED", _names(doc)
    assert _actor(doc, name.split()[-1]).id == a.id  # type noun and name are one actor
    assert not any(x.name.lower() in ("newspaper", "broadcaster", "agency", "news agency", "channel") for x in doc._.lb_actors)
    assert country is None or a.country == country


@pytest.mark.parametrize(
    "text,word,name,sector",
    [
        ("The newspaper reported that the talks had failed.", "newspaper", "newspaper", "MED"),  # no name: the role
        ("The military said the rebels had been defeated.", "military", "military", "MIL"),
    ],
)
def test_type_noun_without_a_name_stays_a_role_en(nlp_en, text, word, name, sector):
    doc = nlp_en(text)
    a = _actor(doc, word)
    assert a is not None and (a.name, a.sector) == (name, sector), _names(doc)


def test_nationality_after_a_medium_noun_is_no_title(nlp_en):
    doc = nlp_en("The daily Israeli raids continued.")
    assert not any(a.sector == "MED" for a in doc._.lb_actors), _names(doc)


# -- 2. role nouns used as modifiers ----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,word",
    [
        ("Its military cooperation with Russia has grown.", "military"),
        ("The government budget was cut by ten percent.", "government"),
        ("Police reform is on the agenda.", "Police"),
        ("The minister visited a police station.", "police"),
    ],
)
def test_role_noun_as_modifier_is_no_actor_en(nlp_en, text, word):
    doc = nlp_en(text)
    assert _actor(doc, word) is None, _names(doc)


@pytest.mark.parametrize(
    "text,word,country,sector",
    [
        ("The military said two soldiers were killed.", "military", None, "MIL"),
        ("Police arrested three men in Lagos.", "Police", "NGA", "COP"),
        ("A government crackdown followed the protests.", "government", None, "GOV"),  # an event noun: the agent
        ("Opposition groups in Zimbabwe are demanding reforms.", "groups", "ZWE", "OPP"),  # a member noun joins
        ("Government troops attacked the rebels.", "troops", None, "MIL"),
    ],
)
def test_real_role_uses_stay_actors_en(nlp_en, text, word, country, sector):
    doc = nlp_en(text)
    a = _actor(doc, word)
    assert a is not None and a.sector == sector and a.country == country, _names(doc)


def test_member_noun_joins_the_modifying_role(nlp_en):
    doc = nlp_en("Opposition groups in Zimbabwe are demanding reforms.")
    assert _actor(doc, "Opposition").id == _actor(doc, "groups").id


# -- 3. stance prefixes: anti-X / pro-X -------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,word,country,sector,not_actor",
    [
        ("Anti-Israel protesters gathered outside the embassy in London.", "protesters", "GBR", "CVL", "Israel"),
        ("Anti-government demonstrators clashed with police in Caracas.", "demonstrators", "VEN", "CVL", "government"),
        ("Pro-Russian separatists attacked Ukrainian positions near Donetsk.", "separatists", "UKR", "REB", "Russian"),
        # no place in the text: the country stays empty
        ("Anti-American protesters burned flags.", "protesters", None, "CVL", "American"),
        ("Pro-government militias attacked the village.", "militias", None, "REB", "government"),
    ],
)
def test_stance_prefix_names_no_country_of_the_group(nlp_en, text, word, country, sector, not_actor):
    doc = nlp_en(text)
    a = _actor(doc, word)
    assert a is not None and (a.country, a.sector) == (country, sector), _names(doc)
    assert _actor(doc, not_actor) is None, _names(doc)  # what the group is for or against is no actor here


@pytest.mark.parametrize(
    "text,word,country",
    [
        ("Israeli protesters gathered outside the embassy in London.", "protesters", "ISR"),  # no prefix: own country
        ("Russian separatists attacked the town.", "separatists", "RUS"),
    ],
)
def test_nationality_without_stance_prefix_still_gives_the_country(nlp_en, text, word, country):
    doc = nlp_en(text)
    assert _actor(doc, word).country == country, _names(doc)


# -- 4. "Delhi" is no capital (a GeoNames alternate name of Dili, Timor-Leste) ----------------------------
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    "word,country",
    [("Delhi", None), ("New Delhi", "IN"), ("Dili", "TL"), ("Washington", "US"), ("Moscow", "RU"), ("Kiev", "UA")],
)
def test_capital_only_where_it_is_the_main_reading(lang, word, country):
    assert get_gazetteer(lang).capital_country(word) == country


@pytest.mark.parametrize(
    "text,word,country",
    [
        ("Police said protesters from Delhi and Mumbai had gathered.", "protesters", "IND"),
        ("Delhi rejected the proposal on Monday.", "Delhi", "IND"),
        ("Thousands of protesters marched in Delhi on Sunday.", "protesters", "IND"),
        ("Prisoners rioted at a jail in Dili on Monday.", "Prisoners", "TLS"),  # the real Dili keeps its country
    ],
)
def test_delhi_is_india_not_timor_leste(nlp_en, text, word, country):
    doc = nlp_en(text)
    a = _actor(doc, word)
    assert a is not None and a.country == country, _names(doc)
    assert not any(x.country == "TLS" for x in doc._.lb_actors) or country == "TLS"


# -- institution + person noun: one group whose sector is the institution's ------------------------------
@pytest.mark.parametrize(
    "text,word,name,sector",
    [
        ("An army spokesman said the troops had withdrawn.", "spokesman", "army spokesman", "MIL"),
        ("Police officers arrested three men on Monday.", "officers", "Police officers", "COP"),
        ("Army officers refused to obey the order.", "officers", "Army officers", "MIL"),
        ("Government officials denied the report.", "officials", "Government officials", "GOV"),
        ("Government soldiers attacked the camp.", "soldiers", "Government soldiers", "MIL"),  # not GOV
        # negatives: a lone institution, and a person noun alone keep their own mention
        ("The army said it had withdrawn.", "army", "army", "MIL"),
        ("A spokesman said the talks had failed.", "spokesman", "spokesman", None),
    ],
)
def test_institution_and_person_noun_are_one_group(nlp_en, text, word, name, sector):
    doc = nlp_en(text)
    a = _actor(doc, word)
    assert a is not None and (a.name, a.sector) == (name, sector), _names(doc)
    if " " in name:  # the institution word is no actor of its own
        assert _actor(doc, name.split()[0]).id == a.id, _names(doc)
