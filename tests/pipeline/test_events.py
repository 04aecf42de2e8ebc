"""Events layer: CAMEO root, source/target country, polarity and status (tables of our sentences,
negatives included). Runs on whatever base pipeline ``build_pipeline`` gives (blank or trained)."""

from __future__ import annotations

import pytest
from events_support import LAYERS, check_coding
from events_support import analyse as _analyse

from lagebild.evaluate.events import actor_country
from lagebild.language import build_pipeline
from lagebild.pipeline.events.lexicon import plover_for


@pytest.fixture(scope="session")
def nlp_events_de():
    return build_pipeline("de", layers=LAYERS)


@pytest.fixture(scope="session")
def nlp_events_en():
    return build_pipeline("en", layers=LAYERS)


DE_CASES = [
    # text, cameo root, source country, target country
    ("Französische Streitkräfte griffen Stellungen der Hisbollah an.", "19", "FRA", "LBN"),
    ("Am Montag griff Russland die Ukraine mit Drohnen an.", "19", "RUS", "UKR"),
    ("Ein israelischer Luftangriff traf ein Gebäude in Beirut.", "19", "ISR", None),
    ("Die EU verhängte neue Sanktionen gegen Russland.", "16", None, "RUS"),
    ("Moskau wies die Vorwürfe der Ukraine zurück.", "12", "RUS", "UKR"),
    ("Die Polizei in Kenia nahm drei Demonstranten fest.", "17", "KEN", None),
    ("Der chinesische Außenminister besuchte am Montag Berlin.", "04", "CHN", "DEU"),
    ("Nordkorea drohte Südkorea mit einem Atomschlag.", "13", "PRK", "KOR"),
    ("Tausende Georgier demonstrierten in Tiflis gegen das Gesetz.", "14", "GEO", None),
    ("Deutschland lieferte weitere Panzer an die Ukraine.", "07", "DEU", "UKR"),
    ("Die Bundeswehr zieht bis Ende des Jahres aus Mali ab.", "08", "DEU", None),
    ("Ägypten forderte Israel auf, die Blockade aufzuheben.", "10", "EGY", None),
]


@pytest.mark.parametrize("text,root,src,tgt", DE_CASES)
def test_event_coding_de(nlp_events_de, text, root, src, tgt):
    check_coding(*_analyse(nlp_events_de, text), root, src, tgt)


@pytest.mark.parametrize(
    "text,root",
    [
        ("Die Regierung plant nicht, die Botschaft in Moskau zu schließen.", "16"),
        ("Russland griff Kiew in der Nacht nicht an.", "19"),
        ("Deutschland liefert keine Panzer an die Ukraine.", "07"),
        ("Es gab keine Verhandlungen zwischen Russland und der Ukraine.", "04"),
        ("Frankreich will seine Truppen nicht aus dem Tschad abziehen.", "08"),
    ],
)
def test_negated_action_never_positive_de(nlp_events_de, text, root):
    doc, _ev, _actors = _analyse(nlp_events_de, text)
    same_root = [e for e in doc._.lb_events if e.cameo[:2] == root]
    assert all(e.polarity == "negative" for e in same_root)


@pytest.mark.parametrize(
    "text,status",
    [
        ("Moskau dementierte, Kiew angegriffen zu haben.", "denied"),
        ("Die Hisbollah bestritt, Israel angegriffen zu haben.", "denied"),
        ("Die USA wollen ihre Truppen aus dem Irak abziehen.", "planned"),
        ("Falls der Iran angreift, würde Israel zurückschlagen.", "hypothetical"),
        ("Russland griff Kiew an.", "asserted"),
    ],
)
def test_status_de(nlp_events_de, text, status):
    _doc, ev, _actors = _analyse(nlp_events_de, text)
    assert ev is not None and ev.status == status


def test_reported_without_quotes_layer_de(nlp_events_de):
    doc, ev, actors = _analyse(nlp_events_de, "Russland griff Kiew an, sagte ein Sprecher der Ukraine.")
    assert ev.status == "reported" and ev.attributed_to is not None


def test_no_event_in_plain_sentence_de(nlp_events_de):
    doc, ev, _ = _analyse(nlp_events_de, "Das Wetter in Hamburg war am Wochenende sonnig.")
    assert ev is None


def test_wahlkampf_is_not_fighting_de(nlp_events_de):
    doc, ev, _ = _analyse(nlp_events_de, "Der Wahlkampf in Österreich wird härter.")
    assert ev is None or not ev.cameo.startswith("19")


def test_event_record_fields_de(nlp_events_de):
    doc, ev, actors = _analyse(nlp_events_de, "Russische Truppen beschossen am Montag Charkiw.")
    assert ev.cameo.startswith("194") and ev.plover == "ASSAULT"
    assert doc.text[ev.trigger[0] : ev.trigger[1]] == "beschossen"
    assert ev.date == "2024-05-01"  # past tense, no time expression: the DCT
    assert ev.id == "e1"


EN_CASES = [
    ("Israeli troops attacked Hamas positions in Gaza.", "19", "ISR", "PSE"),
    ("The United States imposed new sanctions on Iran.", "16", "USA", "IRN"),
    ("Russia condemned the attack.", "11", "RUS", None),
    ("Police arrested twenty protesters in Nairobi.", "17", "KEN", None),
]


@pytest.mark.parametrize("text,root,src,tgt", EN_CASES)
def test_event_coding_en(nlp_events_en, text, root, src, tgt):
    assert src  # every row names its source country
    check_coding(*_analyse(nlp_events_en, text), root, src, tgt)


def test_negation_en(nlp_events_en):
    doc, ev, _ = _analyse(nlp_events_en, "Russia did not attack Kyiv on Monday.")
    assert ev.cameo[:2] == "19" and ev.polarity == "negative"


@pytest.mark.parametrize("cameo,plover", [("190", "ASSAULT"), ("0874", "RETREAT"), ("046", "CONSULT"), ("163", "COERCE"), ("010", None)])
def test_cameo_to_plover(cameo, plover):
    assert plover_for(cameo)[0] == plover


@pytest.mark.parametrize(
    "text,dated",
    [
        ("Russland griff Kiew an.", True),  # strong preterite
        ("Russische Truppen beschossen Charkiw.", True),
        ("Russland hat Kiew angegriffen.", True),  # perfect
        ("Die Bundeswehr zieht aus Mali ab.", False),  # present: no DCT date
        ("Die USA wollen ihre Truppen aus dem Irak abziehen.", False),  # planned
    ],
)
def test_dct_date_only_for_past_events_de(nlp_events_de, text, dated):
    _doc, ev, _ = _analyse(nlp_events_de, text)
    assert (ev.date == "2024-05-01") is dated


# -- multi-sentence reports with the full pipeline (quotes layer included) -------------------------------
@pytest.fixture(scope="session")
def nlp_full_de():
    return build_pipeline("de")


def _event_at(doc, word):
    s = doc.text.index(word)
    return next((e for e in doc._.lb_events if e.trigger[0] <= s < e.trigger[1]), None)


@pytest.mark.parametrize(
    "text,trigger,root,source,target,status,attributed",
    [
        # "nach Angaben X": X is the attribution, not the source; V2 inversion after a fronted adverbial
        ("Vor zwei Wochen griffen bewaffnete Gruppen nach Angaben der Vereinten Nationen mehrere Dörfer in Mali an.",
         "griffen", "19", None, None, "reported", "IGO"),
        ("Russische Truppen haben nach Angaben des ukrainischen Generalstabs die Stadt Charkiw beschossen.",
         "beschossen", "19", "RUS", None, "reported", "UKR"),
        ("Laut dem Innenministerium in Tiflis wurden 20 Demonstranten festgenommen.", "festgenommen", "17", None, None, "reported", "GEO"),
        ("Einem Armeesprecher in Bamako zufolge griffen Rebellen einen Posten an.", "griffen", "19", None, None, "reported", "MLI"),
        ("Wie das polnische Außenministerium mitteilte, protestierte Warschau gegen die Äußerungen der deutschen Regierung.",
         "protestierte", None, "POL", "DEU", "reported", "POL"),
        # a condemnation without an object actor: the author of the event condemned
        ("Nordkorea hat eine Rakete abgefeuert. Der Generalstab in Seoul verurteilte den Start.", "verurteilte", "11", "KOR", "PRK", "asserted", None),
    ],
)
def test_attribution_and_arguments_in_reports(nlp_full_de, text, trigger, root, source, target, status, attributed):
    doc, _ev, actors = _analyse(nlp_full_de, text)
    ev = _event_at(doc, trigger)
    assert ev is not None, doc._.lb_events
    if root:
        assert ev.cameo[:2] == root
    if source:
        assert actor_country(actors, ev.source) == source
    if target:
        assert actor_country(actors, ev.target) == target
    assert ev.status == status
    if attributed:
        assert actor_country(actors, ev.attributed_to) == attributed
    else:
        assert ev.attributed_to is None or ev.attributed_to == ev.source


def test_statements_have_the_speaker_as_source(nlp_full_de):
    text = ("„Wir werden die Mittel verdoppeln“, sagte ein Sprecher des Auswärtigen Amtes am Mittwoch. "
            "Ein Sprecher des französischen Generalstabs wies den Bericht zurück. "
            "Paris habe den Einsatz nicht gebilligt, sagte er der Nachrichtenagentur.")
    doc, _ev, actors = _analyse(nlp_full_de, text)
    first = _event_at(doc, "sagte ein")
    assert first is not None and first.cameo == "010"
    assert actors[first.source].name == "Sprecher des Auswärtigen Amtes" and first.target is None
    second = [e for e in doc._.lb_events if e.cameo == "010"][-1]
    assert actors[second.source].country == "FRA" and actors[second.target].name == "Nachrichtenagentur"


def test_statement_without_a_known_speaker_is_no_event(nlp_full_de):
    doc, _ev, _actors = _analyse(nlp_full_de, "Paris habe den Einsatz nicht gebilligt, sagte er der Nachrichtenagentur.")
    assert not [e for e in doc._.lb_events if e.cameo == "010"]


@pytest.mark.parametrize(
    "text,trigger,status",
    [
        ("Kämpfer hätten am Wochenende ein Lager in Darfur angegriffen, teilte das UN-Flüchtlingshilfswerk mit.", "angegriffen", "reported"),
        ("Wenn Kämpfer das Lager angegriffen hätten, wäre die Lage anders, sagte ein Sprecher in Khartum.", "angegriffen", "hypothetical"),
        ("Russland würde die Ukraine angreifen, falls die Nato eingreift.", "angreifen", "hypothetical"),
    ],
)
def test_konjunktiv_of_reported_speech(nlp_full_de, text, trigger, status):
    doc, _ev, _actors = _analyse(nlp_full_de, text)
    ev = _event_at(doc, trigger)
    assert ev is not None and ev.status == status
