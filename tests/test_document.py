"""The document model round-trips through its JSON contract."""

from __future__ import annotations

import json

import pytest

from lagebild.document import Actor, Document, Entity, Event, Place, Quote, Timex, content_hash

TEXT = "„Wir bleiben“, sagte Müller am Montag in Paris."


def full_document() -> Document:
    return Document(
        text=TEXT,
        lang="de",
        published="2024-01-10",
        title="T",
        source="S",
        url="https://example.org",
        sentences=[(0, len(TEXT))],
        entities=[Entity(21, 27, "Müller", "PER", "a1"), Entity(41, 46, "Paris", "LOC", None)],
        actors=[Actor("a1", "Müller", "PER", "DEU", "GOV", None, [(21, 27)])],
        timexes=[Timex(28, 37, "am Montag", "DATE", "2024-01-08", True)],
        quotes=[Quote("q1", "direct", "speech", [(1, 12)], [(15, 20)], [(21, 27)], [], "a1", "Müller")],
        events=[Event("e1", (15, 20), "010", "STATEMENT", source="a1", date="2024-01-08", place="p1", quote="q1")],
        places=[Place("p1", 41, 46, "Paris", "Paris", 2988507, "FR", 48.85, 2.35)],
    )


def test_round_trip_through_json():
    doc = full_document()
    data = json.loads(json.dumps(doc.to_dict()))
    assert Document.from_dict(data) == doc
    assert data["quotes"][0]["message"] == [[1, 12]]
    assert data["events"][0]["trigger"] == [15, 20]


def test_required_contract_keys():
    data = full_document().to_dict()
    for key in ("id", "text", "lang", "published", "title", "source", "url", "sentences", "entities",
                "actors", "timexes", "quotes", "events", "places"):
        assert key in data
    assert set(data["entities"][0]) >= {"start", "end", "text", "label", "actor"}
    assert set(data["actors"][0]) >= {"id", "name", "type", "country", "sector", "cameo", "mentions"}
    assert set(data["timexes"][0]) >= {"start", "end", "text", "type", "value", "anchored"}
    assert set(data["quotes"][0]) >= {"id", "form", "stwr", "message", "cue", "source", "addressee", "speaker", "speaker_name"}
    assert set(data["events"][0]) >= {"id", "trigger", "cameo", "plover", "source", "target", "source_name",
                                      "target_name", "date", "place", "polarity", "status", "attributed_to", "quote"}
    assert set(data["places"][0]) >= {"id", "start", "end", "text", "name", "geonameid", "country", "lat", "lon"}


def test_id_defaults_to_content_hash_and_extra_fields_are_tolerated():
    doc = Document.from_dict({"text": TEXT, "unknown": 1, "entities": [{"start": 0, "end": 1, "text": "„", "label": "MISC", "new": 2}]})
    assert doc.id == content_hash(TEXT)
    assert doc.entities[0].label == "MISC"


def test_from_dict_needs_text():
    with pytest.raises(ValueError, match="text"):
        Document.from_dict({"id": "x"})
