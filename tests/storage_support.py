"""Helpers for the store, ingest, query and export tests: PostgreSQL schemas and sample documents."""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from functools import lru_cache

import pytest

from lagebild.document import Actor, Document, Entity, Event, Place, Quote, Timex

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_URL = os.environ.get("LAGEBILD_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@lru_cache(maxsize=1)
def _pg_error() -> str | None:
    from sqlalchemy import create_engine, text

    try:
        engine = create_engine(PG_URL, connect_args={"connect_timeout": 3})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # noqa: BLE001
        return f"{type(exc).__name__}: {exc}".splitlines()[0]
    return None


def require_postgres() -> None:
    """Skip locally when the server is unreachable, fail in CI (CI=1): these tests must run there."""
    error = _pg_error()
    if error is not None:
        message = f"PostgreSQL at {PG_URL} (LAGEBILD_TEST_PG) is unreachable: {error}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def postgres_schema_url():
    """A URL whose connections use a fresh schema (dropped afterwards)."""
    require_postgres()
    from sqlalchemy import create_engine, make_url, text

    schema = f"lb_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@contextmanager
def store_url(backend: str, tmp_path):
    if backend == "postgres":
        with postgres_schema_url() as url:
            yield url
    else:
        yield str(tmp_path / "lagebild.db")


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def _sentences(text: str) -> list[tuple[int, int]]:
    import re

    return [(m.start(), m.end()) for m in re.finditer(r"[^ ].*?[.“](?= [A-ZÄÖÜ]|$)", text)]


def sample_documents() -> list[Document]:
    """Three hand-built documents with every layer filled (no analysis involved)."""
    t1 = (
        "Die Verhandlungen in Wien sind am Montag gescheitert. "
        "Bundeskanzlerin Angela Merkel sagte: „Wir brauchen neue Gespräche mit Österreich.“ "
        "Frankreich kritisierte die Regierung in Wien scharf."
    )
    merkel = _span(t1, "Angela Merkel")
    d1 = Document(
        text=t1, lang="de", published="2016-03-08", title="Gespräche gescheitert", url="https://example.org/1",
        source="Beispielzeitung", sentences=_sentences(t1),
        entities=[Entity(*merkel, "Angela Merkel", "PER", actor="a1"), Entity(*_span(t1, "Wien"), "Wien", "LOC")],
        actors=[
            Actor(id="a1", name="Angela Merkel", type="PER", country="DEU", sector="GOV", mentions=[merkel]),
            Actor(id="a2", name="Frankreich", type="GPE", country="FRA", cameo="FRA", mentions=[_span(t1, "Frankreich")]),
            Actor(id="a3", name="Österreichische Regierung", type="ORG", country="AUT", sector="GOV",
                  mentions=[_span(t1, "Regierung")]),
        ],
        timexes=[Timex(*_span(t1, "am Montag"), "am Montag", "DATE", value="2016-03-07")],
        quotes=[
            Quote(id="q1", form="direct", stwr="speech", message=[_span(t1, "„Wir brauchen neue Gespräche mit Österreich.“")],
                  cue=[_span(t1, "sagte")], source=[merkel], speaker="a1")
        ],
        events=[
            Event(id="ev1", trigger=_span(t1, "kritisierte"), cameo="111", source="a2", target="a3",
                  date="2016-03-07", place="p1"),
            Event(id="ev2", trigger=_span(t1, "gescheitert"), cameo="0431", source="a1", date="2016-03-07",
                  polarity="negative"),
        ],
        places=[Place(id="p1", start=_span(t1, "Wien")[0], end=_span(t1, "Wien")[1], text="Wien", name="Wien",
                      geonameid=2761369, country="AT", lat=48.20849, lon=16.37208)],
        meta={"label": "Inland"},
    )
    t2 = "Der Außenminister traf sich mit seinem Amtskollegen. Er lobte die Verhandlung über den Handel."
    d2 = Document(
        text=t2, lang="de", published="2016-04-02",
        actors=[Actor(id="a1", name="Außenminister", type="ROLE", country="DEU", sector="GOV")],
        events=[Event(id="ev1", trigger=_span(t2, "traf"), cameo="040", source="a1", source_name="Außenminister",
                      target_name="Amtskollege")],
        quotes=[Quote(id="q1", form="reported", message=[_span(t2, "die Verhandlung über den Handel")],
                      cue=[_span(t2, "lobte")], speaker_name="Außenminister")],
    )
    t3 = "The negotiations in Geneva continued on Tuesday. Officials said the talks were constructive."
    d3 = Document(
        text=t3, lang="en", published="2016-05-03T10:00:00",
        quotes=[Quote(id="q1", form="indirect", message=[_span(t3, "the talks were constructive")],
                      cue=[_span(t3, "said")], speaker_name="Officials")],
        events=[Event(id="ev1", trigger=_span(t3, "continued"), cameo="046", source_name="negotiators")],
    )
    return [d1, d2, d3]


_PLACES = ("Berlin", "Wien", "Paris", "Brüssel", "Genf", "Kiew")


def generated_text(i: int) -> str:
    place = _PLACES[i % len(_PLACES)]
    return (
        f"Meldung {i}: Die Regierung in {place} verhandelt seit Montag über ein neues Abkommen. "
        f"Der Minister sagte: „Die Verhandlungen kommen voran, Runde {i} ist abgeschlossen.“"
    )


def generated_records(n: int, *, delay: float = 0.0, start: int = 0):
    """``n`` distinct German records (optionally slowly, to interrupt a run in the middle)."""
    import time

    from lagebild.readers.base import Record

    for i in range(start, start + n):
        yield Record(text=generated_text(i), origin=f"generated:{i}", published="2024-01-15", title=f"Meldung {i}")
        if delay:
            time.sleep(delay)


def save_blank_model(path) -> str:
    """A blank German spaCy pipeline with a sentencizer: fast, for tests where quality is irrelevant."""
    import spacy

    nlp = spacy.blank("de")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(path)
    return str(path)


# A tiny deterministic pipeline for ingest tests: blank tokenizer, sentencizer and a fake layer that
# fills quotes, events and places from fixed patterns, so that resumed and uninterrupted runs can be
# compared on every table without loading the real layers. Used as
# IngestOptions(pipeline_factory="storage_support:fast_pipeline"); it works in worker processes too.
_FAST: dict = {}


def _register_fast_layer() -> None:
    import re

    from spacy.language import Language

    import lagebild.extensions  # noqa: F401  (Doc extensions)
    from lagebild.document import Event, Place, Quote

    if Language.has_factory("lagebild_test_layers"):
        return

    @Language.component("lagebild_test_layers")
    def _test_layers(doc):
        text = doc.text
        quotes, events, places = [], [], []
        m = re.search(r"„[^“]*“", text)
        if m:
            quotes.append(Quote(id="q1", form="direct", message=[(m.start(), m.end())], speaker_name="Der Minister"))
        m = re.search(r"verhandelt", text)
        if m:
            events.append(Event(id="ev1", trigger=(m.start(), m.end()), cameo="040", source_name="Regierung",
                                date=doc._.lb_dct, place="p1" if any(p in text for p in _PLACES) else None))
        for place in _PLACES:
            i = text.find(place)
            if i >= 0:
                places.append(Place(id=f"p{len(places) + 1}", start=i, end=i + len(place), text=place, name=place))
        doc._.lb_quotes, doc._.lb_events, doc._.lb_places = quotes, events, places
        return doc


def fast_pipeline(lang: str = "de", model: str | None = None):
    import spacy

    _register_fast_layer()
    if lang not in _FAST:
        nlp = spacy.blank(lang)
        nlp.add_pipe("sentencizer")
        nlp.add_pipe("lagebild_test_layers")
        _FAST[lang] = nlp
    return _FAST[lang]


FAST = "storage_support:fast_pipeline"
