"""Every layer survives odd but valid text: no exception, and every span lies inside the text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.analyze import doc_to_document, run_pipeline
from lagebild.language import get_pipeline

EDGE_TEXTS = [
    "Washington is among six states where unemployment stands at 15 percent,",
    "Sie sagte,",
    "„",
    "»Nein«",
    "„Wir kommen“, sagte",
    "sagte er.",
    "Laut",
    ", so",
    "Am 5.",
    "vor zwei",
    "Berlin (dpa) -",
    "...",
    "„„„“““",
    "Er sagte: „Sie sagte: ‚Ja‘, und ging.“",
    "\n\n\nMüller\n\n",
    "Die Regierung sei bereit" * 40,
    "🙂 Das Ministerium teilte mit, es gebe 🙂 keine Pläne.",
]

WORDS = ["sagte", "Müller", "sei", "„", "“", "»", "«", '"', ",", ".", ":", "laut", "zufolge", "so", "dass",
         "Berlin", "Moskau", "griffen", "an", "nicht", "am", "5.", "Januar", "vor", "zwei", "Wochen", "er",
         "said", "the", "minister", "according", "to", "\n", "Paris", "habe", "wies", "zurück", "(dpa)"]


@pytest.fixture(scope="module", params=["de", "en"])
def nlp(request):
    return get_pipeline(request.param)


def _check(nlp, text):
    doc = run_pipeline(nlp, text, "2025-02-12")
    document = doc_to_document(doc, lang=nlp.lang)
    data = document.to_dict()
    n = len(text)
    for layer in ("entities", "timexes", "places"):
        for item in data[layer]:
            assert 0 <= item["start"] <= item["end"] <= n
    for quote in data["quotes"]:
        for role in ("message", "cue", "source", "addressee"):
            for s, e in quote[role]:
                assert 0 <= s <= e <= n
    for event in data["events"]:
        s, e = event["trigger"]
        assert 0 <= s < e <= n
    actor_ids = {a["id"] for a in data["actors"]}
    for quote in data["quotes"]:
        assert quote["speaker"] is None or quote["speaker"] in actor_ids


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_edge_texts(nlp, text):
    _check(nlp, text)


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_random_word_salad(nlp, words):
    _check(nlp, " ".join(words))
