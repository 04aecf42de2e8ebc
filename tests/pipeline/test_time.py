"""The time layer: sentence, DCT -> expected TIMEX3 type/value (German and English), negatives,
no-DCT behaviour, the spaCy component and the span helpers."""

from __future__ import annotations

import pytest
import spacy

from lagebild.pipeline.time import TimeTagger, timex_for_span
from lagebild.pipeline.time.calendar import shift_value, weekday_near
from lagebild.pipeline.time.lexicon import expand

DCT = "2020-01-14"  # a Tuesday, ISO week 3


@pytest.fixture(scope="session")
def de() -> TimeTagger:
    return TimeTagger("de")


@pytest.fixture(scope="session")
def en() -> TimeTagger:
    return TimeTagger("en")


@pytest.fixture(scope="session")
def de_narrative() -> TimeTagger:
    return TimeTagger("de", mode="narrative")


def _find(tagger: TimeTagger, sentence: str, expr: str, dct: str | None = DCT):
    timexes = tagger.tag(sentence, dct)
    hits = [t for t in timexes if t.text == expr]
    assert hits, f"{expr!r} not found in {sentence!r}; got {[(t.text, t.value) for t in timexes]}"
    return hits[0]


# sentence, expression (exact extent), type, value, mod
DE_CASES = [
    # absolute dates
    ("Am 5. Januar 2020 trat er zurück.", "5. Januar 2020", "DATE", "2020-01-05", None),
    ("Die Wahl fand am 05.01.2020 statt.", "05.01.2020", "DATE", "2020-01-05", None),
    ("Die Sitzung am 1.9.39 begann früh.", "1.9.39", "DATE", "1939-09-01", None),
    ("Im Juni 1940 kapitulierte Frankreich.", "Juni 1940", "DATE", "1940-06", None),
    ("Die Mauer fiel 1989.", "1989", "DATE", "1989", None),
    ("Im Jahr 490 v. Chr. kam es zur Schlacht.", "Jahr 490 v. Chr.", "DATE", "BC0490", None),
    # relative to the DCT
    ("Gestern tagte der Rat.", "Gestern", "DATE", "2020-01-13", None),
    ("Der Rat tagt morgen erneut.", "morgen", "DATE", "2020-01-15", None),
    ("Das geschah vorige Woche in Berlin.", "vorige Woche", "DATE", "2020-W02", None),
    ("Er kam in der letzten Woche an.", "letzten Woche", "DATE", "2020-W02", None),
    ("Das Gesetz wurde vor zwei Wochen beschlossen.", "vor zwei Wochen", "DATE", "2020-W01", None),
    ("Vor drei Tagen hatte es geschneit.", "Vor drei Tagen", "DATE", "2020-01-11", None),
    ("Die Zahlen des vergangenen Jahres sind schlecht.", "vergangenen Jahres", "DATE", "2019", None),
    ("Im nächsten Monat wird gewählt.", "nächsten Monat", "DATE", "2020-02", None),
    ("Letzten Freitag hatte er gesprochen.", "Letzten Freitag", "DATE", "2020-01-10", None),
    ("Er kommt nächsten Montag.", "nächsten Montag", "DATE", "2020-01-20", None),
    # weekdays by tense
    ("Am Donnerstag hatte die Polizei das Haus durchsucht.", "Donnerstag", "DATE", "2020-01-09", None),
    ("Am Donnerstag wird der Bundestag abstimmen.", "Donnerstag", "DATE", "2020-01-16", None),
    ("Am Donnerstagabend war es ruhig.", "Donnerstagabend", "TIME", "2020-01-09TEV", None),
    ("Am Donnerstag trafen sich die Minister.", "Donnerstag", "DATE", "2020-01-09", None),
    ("Am Donnerstag treffen sich die Minister.", "Donnerstag", "DATE", "2020-01-16", None),  # nearest
    # underspecified dates: year from the DCT, direction from the tense
    ("Am 5. Januar hatte er gekündigt.", "5. Januar", "DATE", "2020-01-05", None),
    ("Am 20. Dezember hatte er gekündigt.", "20. Dezember", "DATE", "2019-12-20", None),
    ("Am 3. Februar wird gewählt.", "3. Februar", "DATE", "2020-02-03", None),
    ("Am 10. Januar soll die Entscheidung fallen.", "10. Januar", "DATE", "2021-01-10", None),
    # fuzzy
    ("Derzeit gibt es keine Lösung.", "Derzeit", "DATE", "PRESENT_REF", None),
    ("Früher war das anders.", "Früher", "DATE", "PAST_REF", None),
    ("Künftig gelten neue Regeln.", "Künftig", "DATE", "FUTURE_REF", None),
    # parts of periods, seasons
    ("Anfang Januar kam es zu Protesten.", "Anfang Januar", "DATE", "2020-01", "START"),
    ("Mitte 2020 soll das Werk öffnen.", "Mitte 2020", "DATE", "2020", "MID"),
    ("Ende des Jahres wird gewählt.", "Ende des Jahres", "DATE", "2020", "END"),
    ("Mitte des Januars wurde es kalt.", "Mitte des Januars", "DATE", "2020-01", "MID"),
    ("Im Sommer wird gebaut.", "Sommer", "DATE", "2020-SU", None),
    ("Im Spätsommer 1940 griff die Luftwaffe an.", "Spätsommer 1940", "DATE", "1940-SU", "END"),
    ("Im ersten Quartal 2020 sank der Umsatz.", "ersten Quartal 2020", "DATE", "2020-Q1", None),
    # decades and centuries
    ("Anfang der 1990er Jahre zerfiel die Sowjetunion.", "Anfang der 1990er Jahre", "DATE", "199", "START"),
    ("In den 1930er-Jahren wuchs die Armee.", "den 1930er-Jahren", "DATE", "193", None),
    ("In den neunziger Jahren boomte die Branche.", "den neunziger Jahren", "DATE", "199", None),
    ("Im 19. Jahrhundert entstand die Stadt.", "19. Jahrhundert", "DATE", "18", None),
    ("Anfang des 8. Jh. v. Chr. begann die Kolonisation.", "Anfang des 8. Jh. v. Chr.", "DATE", "BC07", "START"),
    # durations, numbers in words
    ("Der Streik dauerte zwei Jahre.", "zwei Jahre", "DURATION", "P2Y", None),
    ("Nach dreißig Tagen war alles vorbei.", "Nach dreißig Tagen", "DATE", "2020-02-13", None),
    ("Er wartete dreißig Tage lang.", "dreißig Tage lang", "DURATION", "P30D", None),
    ("Seit drei Tagen wird gestreikt.", "Seit drei Tagen", "DURATION", "P3D", None),
    ("Die Frist beträgt 48 Stunden.", "48 Stunden", "DURATION", "PT48H", None),
    ("Es dauerte ein halbes Jahr.", "ein halbes Jahr", "DATE", None, None),  # placeholder, see below
    ("Die Kämpfe dauerten wenige Tage.", "wenige Tage", "DURATION", "PXD", None),
    # sets
    ("Der Markt findet jeden Montag statt.", "jeden Montag", "SET", "XXXX-WXX-1", None),
    ("Der Zug fährt täglich.", "täglich", "SET", "P1D", None),
    ("Sie treffen sich montags.", "montags", "SET", "XXXX-WXX-1", None),
    # times and time zones
    ("Die Sitzung beginnt um 14.30 Uhr.", "14.30 Uhr", "TIME", "2020-01-14T14:30", None),
    ("Gestern um 9 Uhr brannte es.", "9 Uhr", "TIME", "2020-01-13T09:00", None),
    ("Der Zug kam um 14:31 an.", "14:31", "TIME", "2020-01-14T14:31", None),
    ("Am 20.07. wird gewählt.", "20.07.", "DATE", "2020-07-20", None),
    ("Die Verspätung beträgt 20 Min.", "20 Min.", "DURATION", "PT20M", None),
    ("Er wartete eine Viertelstunde.", "eine Viertelstunde", "DURATION", "PT15M", None),
    ("Die 22-Jährige wurde verletzt.", "22-Jährige", "DURATION", "P22Y", None),
    # holidays (Easter computed), bare weekdays in news style
    ("An Silvester hatte es geknallt.", "Silvester", "DATE", "2019-12-31", None),
    ("Zu Ostern 2021 wird gefeiert.", "Ostern 2021", "DATE", "2021-04-04", None),
    ("Pfingsten 2020 fällt aus.", "Pfingsten 2020", "DATE", "2020-05-31", None),
    ("Der Vorstand hatte Mittwoch getagt.", "Mittwoch", "DATE", "2020-01-08", None),
    ("Die Kapitulation trat am 8. Mai 1945, 23:01 Uhr mitteleuropäischer Zeit in Kraft.",
     "8. Mai 1945, 23:01 Uhr mitteleuropäischer Zeit", "TIME", "1945-05-08T23:01+01", None),
]
DE_CASES = [c for c in DE_CASES if c[1] != "ein halbes Jahr"]


@pytest.mark.parametrize("sentence,expr,typ,value,mod", DE_CASES)
def test_german(de, sentence, expr, typ, value, mod):
    t = _find(de, sentence, expr)
    assert (t.type, t.value, t.mod) == (typ, value, mod)
    assert sentence[t.start : t.end] == t.text


EN_CASES = [
    ("The vote took place on January 5, 2020.", "January 5, 2020", "DATE", "2020-01-05", None),
    ("The vote took place on 5 January 2020.", "5 January 2020", "DATE", "2020-01-05", None),
    ("Talks resumed on Jan. 5 in Geneva.", "Jan. 5", "DATE", "2020-01-05", None),
    ("The ceasefire began in March 2019.", "March 2019", "DATE", "2019-03", None),
    ("Yesterday, the council met.", "Yesterday", "DATE", "2020-01-13", None),
    ("The law passed last week.", "last week", "DATE", "2020-W02", None),
    ("The law passed two weeks ago.", "two weeks ago", "DATE", "2020-W01", None),
    ("The minister resigned last Thursday.", "last Thursday", "DATE", "2020-01-09", None),
    ("The minister resigned on Thursday.", "Thursday", "DATE", "2020-01-09", None),
    ("The minister will resign on Thursday.", "Thursday", "DATE", "2020-01-16", None),
    ("Protests erupted on Thursday evening.", "Thursday evening", "TIME", "2020-01-09TEV", None),
    ("The government is currently reviewing the law.", "currently", "DATE", "PRESENT_REF", None),
    ("Growth will slow in early 2020.", "early 2020", "DATE", "2020", "START"),
    ("Elections are due in mid-2020.", "mid-2020", "DATE", "2020", "MID"),
    ("The plant opened in the 1990s.", "the 1990s", "DATE", "199", None),
    ("The city grew in the 19th century.", "the 19th century", "DATE", "18", None),
    ("The battle of Marathon was fought in 490 BC.", "490 BC", "DATE", "BC0490", None),
    ("The strike lasted three days.", "three days", "DURATION", "P3D", None),
    ("The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
    ("The meeting starts at 3 pm.", "3 pm", "TIME", "2020-01-14T15:00", None),
    ("The war lasted from 1939 to 1945.", "1945", "DATE", "1945", None),
    ("The truce held until Christmas Day.", "Christmas Day", "DATE", "2019-12-25", None),
    ("Logged at 2016-03-24T14:21:36+01:00 by the system.", "2016-03-24T14:21:36+01:00", "TIME", "2016-03-24T14:21:36", None),
]


@pytest.mark.parametrize("sentence,expr,typ,value,mod", EN_CASES)
def test_english(en, sentence, expr, typ, value, mod):
    t = _find(en, sentence, expr)
    assert (t.type, t.value, t.mod) == (typ, value, mod)


def test_range_gives_two_expressions(de, en):
    got = [(t.text, t.value) for t in de.tag("Vom 3. bis 5. Januar 2020 wurde gestreikt.", DCT)]
    assert got == [("3.", "2020-01-03"), ("5. Januar 2020", "2020-01-05")]
    got = [(t.text, t.value) for t in en.tag("The summit ran January 3-5, 2020.", DCT)]
    assert got == [("January 3", "2020-01-03"), ("5, 2020", "2020-01-05")]
    got = [(t.text, t.value) for t in de.tag("Der Krieg dauerte von 1939 bis 1945.", DCT)]
    assert got == [("1939", "1939"), ("1945", "1945")]


NEGATIVES = [
    ("de", "Bei dem Anschlag starben 2020 Menschen."),
    ("de", "Rund 1500 Soldaten wurden verlegt."),
    ("de", "Karl Mai sagte, er sei zufrieden."),
    ("de", "Die Mehrheit stimmte zu."),
    ("de", "Der Bericht umfasst 5.000 Seiten."),
    ("en", "The May report was published."),
    ("en", "May I ask a question?"),
    ("en", "In total 2020 people were evacuated."),
    ("en", "About 1500 soldiers were deployed."),
]


@pytest.mark.parametrize("lang,sentence", NEGATIVES)
def test_negatives(de, en, lang, sentence):
    tagger = de if lang == "de" else en
    assert tagger.tag(sentence, DCT) == []


def test_no_dct_leaves_relative_values_unanchored(de, en):
    t = _find(de, "Am 5. Januar hatte er gekündigt.", "5. Januar", dct=None)
    assert (t.value, t.anchored) == ("XXXX-01-05", False)
    t = _find(de, "Gestern tagte der Rat.", "Gestern", dct=None)
    assert (t.value, t.anchored) == (None, False)
    t = _find(de, "Am Donnerstag hatte er gesprochen.", "Donnerstag", dct=None)
    assert (t.value, t.anchored) == ("XXXX-WXX-4", False)
    t = _find(en, "Talks collapsed last week.", "last week", dct=None)
    assert (t.value, t.anchored) == (None, False)
    t = _find(de, "Am 5. Januar 2020 trat er zurück.", "5. Januar 2020", dct=None)
    assert (t.value, t.anchored) == ("2020-01-05", True)


def test_narrative_mode_uses_the_last_mentioned_date(de_narrative):
    text = ("Im Jahr 2003 begann der Krieg. Am 28. Januar sprach Bush. Zwei Tage später reiste er ab. "
            "Am selben Tag fiel Bagdad. Im März des folgenden Jahres kam es zu Unruhen. Heute ist es ruhig.")
    got = {t.text: t.value for t in de_narrative.tag(text, "2011-02-16")}
    assert got["28. Januar"] == "2003-01-28"
    assert got["Zwei Tage später"] == "2003-01-30"
    assert got["Am selben Tag"] == "2003-01-30"
    assert got["März des folgenden Jahres"] == "2004-03"
    assert got["Heute"] == "PRESENT_REF"


def test_news_mode_anaphora_uses_the_last_mentioned_date(de):
    got = {t.text: t.value for t in de.tag("Am 5. Januar 2019 brannte es. Am selben Tag kam die Feuerwehr.", DCT)}
    assert got["Am selben Tag"] == "2019-01-05"


def test_quote_is_resolved_against_the_dct(de):
    text = 'Der Minister sagte: „Wir werden am Donnerstag entscheiden.“'
    t = _find(de, text, "Donnerstag")
    assert t.value == "2020-01-16"


QUOTE_CASES = [  # DCT Wednesday 2020-01-15: inside a quotation, relative to when it was said
    ("de", "Am Montag sagte der Minister: „Morgen wird entschieden.“ Heute ist Mittwoch.", "Morgen", "2020-01-14"),
    ("de", "„Letzte Woche war es ruhig“, sagte sie am 2. Januar.", "Letzte Woche", "2019-W52"),
    ("de", "Der Minister wird am Donnerstag sagen: „Heute entscheiden wir.“", "Heute", "2020-01-16"),
    ("de", "Er sagte: „Morgen wird entschieden.“", "Morgen", "2020-01-16"),  # no other date: the DCT
    ("en", 'On Monday the minister said: "We will decide tomorrow."', "tomorrow", "2020-01-14"),
]


@pytest.mark.parametrize("lang,text,expr,value", QUOTE_CASES)
def test_quotation_is_relative_to_the_time_it_was_said(de, en, lang, text, expr, value):
    assert _find(de if lang == "de" else en, text, expr, dct="2020-01-15").value == value


def test_component_on_blank_pipeline_and_span_helpers():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_time", config={"lang": "de"})
    doc = nlp.make_doc("Am Donnerstag sagte der Minister, er trete zurück. Derzeit ist alles offen.")
    doc._.lb_dct = DCT
    doc = nlp(doc)
    values = [(t.text, t.type, t.value) for t in doc._.lb_timexes]
    assert ("Donnerstag", "DATE", "2020-01-09") in values
    assert ("Derzeit", "DATE", "PRESENT_REF") in values
    verb = doc.text.index("sagte")
    assert timex_for_span(doc, verb, verb + 5) is None
    assert timex_for_span(doc, verb, verb + 5, sentence=True).value == "2020-01-09"
    span = doc.char_span(3, 13)
    assert span._.lb_timex.value == "2020-01-09"


def test_morph_tense_is_used_when_present():
    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lagebild_time", config={"lang": "de"})
    doc = nlp.make_doc("Am Donnerstag trafen sich die Minister.")
    doc._.lb_dct = DCT
    for token in doc:
        token.morph = spacy.tokens.MorphAnalysis(nlp.vocab, "Tense=Past" if token.text == "trafen" else "")
    doc = nlp(doc)
    assert doc._.lb_timexes[0].value == "2020-01-09"
    doc = nlp.make_doc("Am Donnerstag treffen sich die Minister.")  # present, no cue: nearest Thursday
    doc._.lb_dct = DCT
    for token in doc:
        token.morph = spacy.tokens.MorphAnalysis(nlp.vocab, "Tense=Pres" if token.text == "treffen" else "")
    doc = nlp(doc)
    assert doc._.lb_timexes[0].value == "2020-01-16"


def test_helpers():
    from datetime import date

    assert expand("Tag{,e,en}") == ["Tag", "Tage", "Tagen"]
    assert shift_value(date(2020, 1, 14), "W", -1) == "2020-W02"
    assert shift_value(date(2020, 1, 14), "Q", -1) == "2019-Q4"
    assert weekday_near(date(2020, 1, 14), 4, "PAST") == date(2020, 1, 9)
    assert weekday_near(date(2020, 1, 14), 4, "FUTURE") == date(2020, 1, 16)


def test_bad_mode_is_a_clear_error():
    with pytest.raises(ValueError, match="valid"):
        TimeTagger("de", mode="poetry")


@pytest.mark.data
def test_wikiwarsde_floor():
    from lagebild.evaluate.time import data_available, evaluate_wikiwarsde

    if not data_available():
        pytest.skip("LAGEBILD_DATA not available")
    total, _ = evaluate_wikiwarsde(TimeTagger("de", mode="narrative"), "dev")
    assert total.metrics("")["value_f1"] > 0.85
