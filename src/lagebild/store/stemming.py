"""Stemming for full-text search on SQLite (FTS5 over a stemmed copy of the text).

PostgreSQL stems with its own ``german``/``english`` text-search configurations; on SQLite the store
indexes a copy of the text in which every word is replaced by its Snowball stem, and queries are stemmed
the same way, so "Verhandlung" finds "Verhandlungen". Both use the Snowball algorithms.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_STEMMERS = {"de": "german", "en": "english"}


@lru_cache(maxsize=4)
def _stemmer(lang: str):
    return snowballstemmer.stemmer(_STEMMERS.get(lang, "german"))


@lru_cache(maxsize=4)
def _stop_words(lang: str) -> frozenset[str]:
    if lang == "en":
        from spacy.lang.en.stop_words import STOP_WORDS
    else:
        from spacy.lang.de.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for every word of ``text``."""
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


_CACHE: dict[str, dict[str, str]] = {}
_CACHE_LIMIT = 500_000


def stem_words(tokens: list[str], lang: str) -> list[str]:
    """Lower-cased Snowball stems of ``tokens`` (memoised: news vocabulary repeats a lot)."""
    cache = _CACHE.setdefault(lang, {})
    if len(cache) > _CACHE_LIMIT:
        cache.clear()
    stem = _stemmer(lang).stemWord
    out = []
    for token in tokens:
        word = token.lower()
        stemmed = cache.get(word)
        if stemmed is None:
            stemmed = cache[word] = stem(word)
        out.append(stemmed)
    return out


def stem_text(text: str, lang: str | None) -> str:
    """``text`` as a space-separated sequence of lower-cased Snowball stems."""
    return " ".join(stem_words(_WORD.findall(text), lang or "de"))


def query_stems(query: str, lang: str | None) -> list[str]:
    """The stems a query looks for: its words minus stop words (all words if only stop words)."""
    lang = lang or "de"
    tokens = _WORD.findall(query)
    content = [t for t in tokens if t.lower() not in _stop_words(lang)] or tokens
    seen: list[str] = []
    for stem in stem_words(content, lang):
        if stem not in seen:
            seen.append(stem)
    return seen
