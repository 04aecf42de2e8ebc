"""Exports: JSONL round trip, Parquet tables, GDELT 2.0 event rows."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from storage_support import sample_documents

from lagebild.document import Document
from lagebild.exports import FORMATS, GDELT_COLUMNS, export
from lagebild.exports.gdelt import global_event_id, quad_class

# The GDELT 2.0 event table, in order (GDELT 2.0 Event Codebook).
GDELT2_ORDER = """GlobalEventID Day MonthYear Year FractionDate
Actor1Code Actor1Name Actor1CountryCode Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code
Actor1Religion2Code Actor1Type1Code Actor1Type2Code Actor1Type3Code
Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code
IsRootEvent EventCode EventBaseCode EventRootCode QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone
Actor1Geo_Type Actor1Geo_FullName Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat
Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID
ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code ActionGeo_ADM2Code ActionGeo_Lat
ActionGeo_Long ActionGeo_FeatureID
DATEADDED SOURCEURL""".split()


def test_formats():
    assert FORMATS == ("jsonl", "parquet", "gdelt")


def test_jsonl_round_trips_exactly(filled_store, tmp_path):
    out = tmp_path / "docs.jsonl"
    assert export(filled_store, "jsonl", out) == 3
    lines = out.read_text(encoding="utf-8").splitlines()
    docs = sample_documents()
    assert lines == [json.dumps(d.to_dict(), ensure_ascii=False) for d in docs]
    assert [Document.from_dict(json.loads(line)).to_dict() for line in lines] == [d.to_dict() for d in docs]


def test_parquet_tables(filled_store, tmp_path):
    out = tmp_path / "pq"
    assert export(filled_store, "parquet", out) == 3
    names = sorted(p.name for p in out.iterdir())
    tables = ("documents", "entities", "actors", "timexes", "quotes", "events", "places", "links")
    assert names == sorted(f"{t}.parquet" for t in tables)
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    docs = sample_documents()
    assert [d["id"] for d in documents] == [d.id for d in docs]
    assert documents[0]["sentences"] == [list(s) for s in docs[0].sentences]
    assert json.loads(documents[0]["meta"]) == {"label": "Inland"}
    assert documents[0]["n_events"] == 2
    quotes = pq.read_table(out / "quotes.parquet").to_pylist()
    assert [q["uid"] for q in quotes] == [f"{d.id}/q1" for d in docs]
    assert quotes[0]["message"] == [list(docs[0].quotes[0].message[0])]
    assert quotes[0]["message_text"] == "„Wir brauchen neue Gespräche mit Österreich.“"
    events = pq.read_table(out / "events.parquet")
    assert events.num_rows == 4 and events.column("cameo").to_pylist()[0] == "111"
    places = pq.read_table(out / "places.parquet").to_pylist()
    assert places[0]["geonameid"] == 2761369 and places[0]["uid"] == f"{docs[0].id}/p1"
    entities = pq.read_table(out / "entities.parquet").to_pylist()
    assert [e["uid"] for e in entities] == [f"{docs[0].id}/e0", f"{docs[0].id}/e1"]


def test_parquet_links(filled_store, tmp_path):
    docs = sample_documents()
    filled_store.add_links([{"src": f"{docs[0].id}/a1", "dst": f"{docs[1].id}/a1", "type": "same_actor",
                             "score": 0.5, "meta": {"by": "test"}}])
    assert filled_store.links(f"{docs[1].id}/a1")[0]["type"] == "same_actor"
    export(filled_store, "parquet", tmp_path / "pq")
    links = pq.read_table(tmp_path / "pq" / "links.parquet").to_pylist()
    assert links == [{"src": f"{docs[0].id}/a1", "dst": f"{docs[1].id}/a1", "type": "same_actor", "score": 0.5,
                      "meta": '{"by": "test"}'}]


def test_parquet_refuses_a_file(filled_store, tmp_path):
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ValueError, match="directory"):
        export(filled_store, "parquet", target)


def test_gdelt_columns_match_the_codebook():
    assert list(GDELT_COLUMNS) == GDELT2_ORDER
    assert len(GDELT_COLUMNS) == 61


def test_gdelt_rows(filled_store, tmp_path):
    out = tmp_path / "events.tsv"
    # ev2 of the first document is negated: left out unless --all-events
    assert export(filled_store, "gdelt", out) == 3
    rows = [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]
    assert all(len(r) == 61 for r in rows)
    row = dict(zip(GDELT_COLUMNS, rows[0], strict=True))
    docs = sample_documents()
    assert row["GlobalEventID"] == str(global_event_id(f"{docs[0].id}/ev1"))
    assert (row["Day"], row["MonthYear"], row["Year"]) == ("20160307", "201603", "2016")
    assert row["FractionDate"] == f"{2016 + (3 * 30 + 7) / 365:.4f}"
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == ("FRA", "FRANKREICH", "FRA")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2CountryCode"], row["Actor2Type1Code"]) == (
        "AUTGOV", "ÖSTERREICHISCHE REGIERUNG", "AUT", "GOV")
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"], row["QuadClass"]) == ("111", "111", "11", "3")
    assert row["IsRootEvent"] == "0"  # the trigger is in the third sentence
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("1", "1", "1")
    assert row["GoldsteinScale"] == "" and row["AvgTone"] == "" and row["Actor1Geo_Type"] == ""
    assert row["ActionGeo_FeatureID"] == "2761369" and row["ActionGeo_CountryCode"] == "AU"  # FIPS, as GDELT
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_FullName"] == "Wien, Austria"
    assert row["ActionGeo_Lat"] == "48.2085" and row["ActionGeo_Long"] == "16.3721"
    assert len(row["DATEADDED"]) == 14 and row["DATEADDED"].isdigit()
    assert row["SOURCEURL"] == "https://example.org/1"
    second = dict(zip(GDELT_COLUMNS, rows[1], strict=True))
    assert second["Day"] == "20160402"  # no event date: the publication day
    assert second["Actor2Name"] == "AMTSKOLLEGE" and second["Actor2Code"] == ""
    assert second["SOURCEURL"] == f"lagebild:{docs[1].id}"
    assert export(filled_store, "gdelt", out, include_all=True, header=True) == 4
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 5
    # the negated meeting (0431) is written as a CAMEO coder codes it: a rejection (120)
    codes = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))["EventCode"] for line in lines[1:]]
    assert "120" in codes and "0431" not in codes


@pytest.mark.parametrize(("code", "quad"), [("010", "1"), ("0431", "1"), ("057", "1"), ("061", "2"), ("0874", "2"),
                                           ("090", "3"), ("1384", "3"), ("145", "4"), ("203", "4"), ("xx", "")])
def test_quad_class(code, quad):
    assert quad_class(code) == quad


def test_unknown_format(filled_store, tmp_path):
    with pytest.raises(ValueError, match="valid: jsonl, parquet, gdelt"):
        export(filled_store, "csv", tmp_path / "x")
