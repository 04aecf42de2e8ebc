"""The store on SQLite and PostgreSQL: idempotence, layers, search, queries, canonical dump."""

from __future__ import annotations

import json

import pytest
from storage_support import sample_documents

from lagebild.document import Document
from lagebild.store import Store, day_of, normalise_url


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u@h:5432/db", "postgresql+psycopg://u@h:5432/db"),
        ("postgres://u@h/db", "postgresql+psycopg://u@h/db"),
        ("postgresql+psycopg://u@h/db", "postgresql+psycopg://u@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        (":memory:", "sqlite://"),
    ],
)
def test_normalise_url(given, expected):
    assert normalise_url(given) == expected


def test_normalise_url_path_and_errors(tmp_path):
    assert normalise_url(tmp_path / "a.db") == f"sqlite:///{tmp_path / 'a.db'}"
    with pytest.raises(ValueError, match="unsupported database"):
        normalise_url("mysql://x/y")


@pytest.mark.parametrize(
    ("value", "day"),
    [("2016-03-08", "2016-03-08"), ("2016-03-08T10:00:00", "2016-03-08"), ("2016-03", None), ("XXXX-WXX-1", None),
     (None, None), ("PRESENT_REF", None)],
)
def test_day_of(value, day):
    assert day_of(value) == day


def test_add_is_idempotent(store):
    docs = sample_documents()
    first = store.add_documents(docs)
    assert first.added == [d.id for d in docs] and not first.skipped
    dump = store.canonical_dump()
    again = store.add_documents(docs)
    assert again.added == [] and again.skipped == [d.id for d in docs]
    assert store.canonical_dump() == dump
    assert store.count() == 3
    assert store.count("quotes") == 3 and store.count("events") == 4 and store.count("actors") == 4
    assert store.count("entities") == 2 and store.count("timexes") == 1 and store.count("places") == 1


def test_same_text_twice_in_one_batch_is_stored_once(store):
    doc = sample_documents()[0]
    result = store.add_documents([doc, Document.from_dict(doc.to_dict())])
    assert result.added == [doc.id] and result.skipped == [doc.id]
    assert store.count() == 1


def test_id_conflict_is_reported_not_stored(store):
    doc = sample_documents()[0]
    store.add_document(doc)
    other = Document(text="Ein ganz anderer Text.", id=doc.id, lang="de")
    result = store.add_documents([other])
    assert not result.added and len(result.conflicts) == 1
    assert "already stored with a different text" in result.conflicts[0][1]
    assert store.get_document(doc.id).text == doc.text


def test_round_trip_and_stable_uids(store):
    docs = sample_documents()
    store.add_documents(docs)
    for doc in docs:
        assert store.get_document(doc.id).to_dict() == doc.to_dict()
    assert [d["id"] for d in store.iter_document_dicts()] == [d.id for d in docs]
    quote = store.quotes(doc_id=docs[0].id)[0]
    assert quote["uid"] == f"{docs[0].id}/q1"
    assert store.get_document("nope") is None


def test_german_inflected_search(store):
    docs = sample_documents()
    store.add_documents(docs)
    hits, quotes = store.search("Verhandlung")  # singular finds "Verhandlungen" (d1) and "Verhandlung" (d2)
    assert {h.doc_id for h in hits} == {docs[0].id, docs[1].id}
    assert "Verhandlung" in hits[0].snippet
    assert [q.uid for q in quotes] == [f"{docs[1].id}/q1"]
    hits, quotes = store.search("Gespräch Österreich")  # every word must occur; plural/inflected forms match
    assert [h.doc_id for h in hits] == [docs[0].id]
    assert [q.speaker_name for q in quotes] == ["Angela Merkel"]
    hits, _ = store.search("negotiation")  # English documents are stemmed as English
    assert [h.doc_id for h in hits] == [docs[2].id]
    hits, quotes = store.search("Gespräch Genf")
    assert hits == [] and quotes == []
    with pytest.raises(ValueError, match="empty"):
        store.search("  ")
    assert store.search("„?!“ -") == ([], [])  # no words: nothing, and no syntax error
    hits, _ = store.search('merkel "OR" NEAR(x)')  # FTS5 syntax in the query is taken literally
    assert hits == []
    hits, _ = store.search("die Verhandlungen")  # stop words are ignored
    assert {h.doc_id for h in hits} == {docs[0].id, docs[1].id}


def test_quotes_by_speaker(store):
    docs = sample_documents()
    store.add_documents(docs)
    rows = store.quotes(speaker="merkel")  # case-insensitive substring; name resolved from the speaker actor
    assert [r["speaker_name"] for r in rows] == ["Angela Merkel"]
    assert rows[0]["message_text"] == "„Wir brauchen neue Gespräche mit Österreich.“"
    assert rows[0]["cue_text"] == "sagte" and rows[0]["published"] == "2016-03-08"
    assert [r["speaker_name"] for r in store.quotes(speaker="AUSSENMINISTER")] == ["Außenminister"]  # casefold: ß = ss
    assert [r["speaker_name"] for r in store.quotes(speaker="außenminister")] == ["Außenminister"]
    assert [r["speaker_name"] for r in store.quotes(speaker="%")] == []  # LIKE wildcards are literal
    assert len(store.quotes()) == 3


def test_events_filters(store):
    docs = sample_documents()
    store.add_documents(docs)
    uids = lambda rows: [r["uid"] for r in rows]  # noqa: E731
    d1, d2, d3 = (d.id for d in docs)
    assert uids(store.events(actor="frankreich")) == [f"{d1}/ev1"]
    assert uids(store.events(actor="österreichische")) == [f"{d1}/ev1"]  # target names match too
    assert uids(store.events(code="04")) == [f"{d1}/ev2", f"{d2}/ev1", f"{d3}/ev1"]
    assert uids(store.events(code="043")) == [f"{d1}/ev2"]
    assert uids(store.events(since="2016-04-01")) == [f"{d2}/ev1", f"{d3}/ev1"]  # d2 has no event date: published
    assert uids(store.events(since="2016-03-01", until="2016-04-30", code="04")) == [f"{d1}/ev2", f"{d2}/ev1"]
    row = store.events(actor="merkel")[0]
    assert row["source_name"] == "Angela Merkel" and row["trigger_text"] == "gescheitert"
    assert row["polarity"] == "negative" and row["day"] == "2016-03-07"
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        store.events(since="März")
    with pytest.raises(ValueError, match="digits"):
        store.events(code="04%")


def test_delete_and_links(store):
    docs = sample_documents()
    store.add_documents(docs)
    store.add_links([{"src": f"{docs[0].id}/a1", "dst": f"{docs[1].id}/a1", "type": "same_actor", "score": 0.4}])
    assert store.count("links") == 1
    assert store.delete_document(docs[0].id)
    assert not store.delete_document(docs[0].id)
    assert store.count() == 2 and store.count("quotes") == 2
    assert store.search("Merkel") == ([], [])
    assert store.add_document(docs[0]).added == [docs[0].id]


def test_canonical_dump_ignores_insertion_order(db_url, tmp_path):
    docs = sample_documents()
    a = Store(db_url)
    a.add_documents(docs)
    dump_a = a.canonical_dump()
    a.close()
    b = Store(tmp_path / "other.db")
    for doc in reversed(docs):
        b.add_document(doc)
    dump_b = b.canonical_dump()
    b.close()
    strip = lambda dump: [line for line in dump if not line.startswith(("documents_fts", "quotes_fts"))]  # noqa: E731
    assert strip(dump_a) == strip(dump_b)
    assert any(json.loads(line.split("\t", 1)[1]).get("uid") for line in dump_a if line.startswith("quotes\t"))


def test_store_reopens_existing_schema(db_url):
    Store(db_url).add_documents(sample_documents())
    again = Store(db_url)
    assert again.count() == 3
    again.close()
