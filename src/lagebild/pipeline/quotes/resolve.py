"""Speaker resolution: map a quotation's source span to a document actor.

Small plain functions so that the actors layer (``lagebild_actors``) and the events layer can reuse them:

- :func:`actor_for_span` — the actor one of whose mentions overlaps a character span;
- :func:`name_matches` — "Müller" ↔ "Anna K. Müller";
- :func:`canonical_source_name` — strip articles and role words from a source phrase;
- :func:`resolve_pronoun` — "sie" → the last compatible speaker or person;
- :func:`ensure_actor` — find or create (``a<N>``) an actor in a list;
- :func:`quote_covering` — the quotation whose message contains a span (for reported events).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ...document import Actor, Quote

Span = tuple[int, int]

_ARTICLES = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
    "the", "a", "an", "laut", "aus", "von", "vom", "nach", "gemäß", "according", "to",
}
_TITLES = {"dr.", "prof.", "herr", "frau", "mr.", "mrs.", "ms.", "dr", "prof", "mr", "mrs", "ms", "sir"}


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def actor_for_span(actors: Sequence[Actor] | None, span: Span) -> Actor | None:
    """The actor with a mention overlapping ``span`` (the one with the largest overlap)."""
    best, best_len = None, 0
    for actor in actors or ():
        for m in actor.mentions:
            if overlaps(m, span):
                size = min(m[1], span[1]) - max(m[0], span[0])
                if size > best_len:
                    best, best_len = actor, size
    return best


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s,()]+", name) if t]


def name_matches(short: str, full: str) -> bool:
    """True if ``short`` names the same person or body as ``full`` ("Müller" ↔ "Anna K. Müller").

    Every word of the shorter name must occur in the longer one, and the last words (surnames) agree.
    """
    a = [t.lower() for t in _tokens(short) if t.lower() not in _TITLES]
    b = [t.lower() for t in _tokens(full) if t.lower() not in _TITLES]
    if not a or not b:
        return False
    if len(a) > len(b):
        a, b = b, a
    if a[-1] != b[-1]:
        return False  # the head (surname, last word of a body's name) must agree
    return all(t in b for t in a)


def canonical_source_name(text: str, role_nouns: Iterable[str] = ()) -> str:
    """A readable name for a source phrase: articles and leading prepositions removed."""
    words = _tokens(text)
    while words and words[0].lower() in _ARTICLES:
        words = words[1:]
    # keep the proper-name part after a role noun ("Bundeskanzlerin Angela Merkel" -> "Angela Merkel")
    roles = set(role_nouns)
    if len(words) >= 3 and words[0] in roles and all(w[:1].isupper() for w in words[1:]):
        words = words[1:]
    name = " ".join(words).strip(" ,.;:")
    name = re.sub(r"\s+([,.)])", r"\1", name).replace("( ", "(")
    return name or text.strip()


def is_pronoun(text: str, pronouns: Iterable[str]) -> bool:
    return text.strip().lower() in set(pronouns)


def gender_compatible(pronoun_gender: str, actor_gender: str | None) -> bool:
    if not pronoun_gender or not actor_gender:
        return True
    return any(g in pronoun_gender for g in actor_gender) or actor_gender in pronoun_gender


def resolve_pronoun(
    position: int,
    pronoun_gender: str,
    previous: Sequence[tuple[int, str, str | None]],
) -> str | None:
    """The actor id a pronoun at character ``position`` refers to.

    ``previous`` lists ``(char offset, actor id, gender or None)`` of earlier speakers and persons, in any
    order; the closest compatible one before ``position`` wins.
    """
    best = None
    for offset, actor_id, gender in previous:
        if offset < position and gender_compatible(pronoun_gender, gender):
            if best is None or offset > best[0]:
                best = (offset, actor_id)
    return best[1] if best else None


def find_actor_by_name(actors: Sequence[Actor] | None, name: str) -> Actor | None:
    for actor in actors or ():
        if actor.name == name or name_matches(name, actor.name):
            return actor
    return None


def next_actor_id(actors: Sequence[Actor] | None) -> str:
    used = {a.id for a in actors or ()}
    n = len(used) + 1
    while f"a{n}" in used:
        n += 1
    return f"a{n}"


def ensure_actor(actors: list[Actor], name: str, type_: str, mention: Span | None) -> Actor:
    """The actor called ``name`` in ``actors`` (matched by :func:`name_matches`), created if missing."""
    actor = find_actor_by_name(actors, name)
    if actor is None:
        actor = Actor(id=next_actor_id(actors), name=name, type=type_)
        actors.append(actor)
    elif len(name) > len(actor.name) and type_ == "PER" and actor.type == "PER":
        actor.name = name  # keep the fullest form of a person's name
    if mention is not None and mention not in actor.mentions:
        actor.mentions.append(mention)
        actor.mentions.sort()
    return actor


def quote_covering(quotes: Sequence[Quote] | None, start: int, end: int) -> Quote | None:
    """The innermost quotation whose message contains the character span ``[start, end)``.

    For the events layer: an event inside a quotation is *reported* and attributed to the quote's
    speaker (``quote.speaker``), with ``quote.id`` as its quote.
    """
    best, best_size = None, None
    for q in quotes or ():
        for s, e in q.message:
            if s <= start and end <= e:
                size = e - s
                if best_size is None or size < best_size:
                    best, best_size = q, size
    return best
