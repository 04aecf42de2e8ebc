"""The time layer: ``lagebild_time`` finds time expressions and normalises them to TIMEX3.

Output: ``doc._.lb_timexes`` — a list of :class:`lagebild.document.Timex` (character offsets into
``doc.text``, TIMEX3 ``type`` and ``value``, ``anchored`` false when the value needed the missing DCT,
TIMEX3 ``mod``). The DCT is ``doc._.lb_dct`` (ISO string or ``None``).

Other layers get the date of a span with :func:`timex_for_span` or the Span extension
``span._.lb_timex`` (the time expression overlapping the span, else ``None``).

The engine is language-agnostic (regexes compiled from ``lagebild/lang/<lang>/time/*.txt``); it works
on a blank tokenizer and uses ``token.morph`` (Tense, VerbForm) and auxiliaries for the tense of a
sentence when a trained pipeline provides them, else lexical cues.
"""

from __future__ import annotations

from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ... import extensions  # noqa: F401  (registers Doc extensions)
from ...document import Timex
from .tagger import MODES, TimeTagger

__all__ = ["TimeComponent", "TimeTagger", "timex_for_span", "timexes_in_span", "MODES"]

_FUTURE_AUX = {"werden", "will", "shall", "'ll", "wird", "werde", "wirst", "würde", "würden"}
_PERFECT_AUX = {"haben", "sein", "have", "has", "had"}


def _morph_tense_fn(doc: Doc, fallback):
    """Tense of the sentence around a character offset from token.morph (trained pipelines)."""
    cache: dict[int, str | None] = {}

    def tense(offset: int) -> str | None:
        span = doc.char_span(offset, offset + 1, alignment_mode="expand")
        if span is None:
            return fallback(offset)
        sent = span[0].sent
        if sent.start not in cache:
            result = None
            has_inf = any("Inf" in t.morph.get("VerbForm") for t in sent)
            for t in sent:
                lemma = t.lemma_.lower() or t.lower_
                if t.pos_ == "AUX" and (lemma in ("werden", "will", "shall") or t.lower_ in _FUTURE_AUX):
                    if has_inf and t.lower_ not in ("wurde", "wurden"):
                        result = "FUTURE"
                        break
                if "Past" in t.morph.get("Tense"):
                    result = "PAST"
                elif t.pos_ == "AUX" and lemma in _PERFECT_AUX and any(
                    "Part" in x.morph.get("VerbForm") for x in sent
                ):
                    result = result or "PAST"
            cache[sent.start] = result if result is not None else fallback(offset)
        return cache[sent.start]

    return tense


def timexes_in_span(doc: Doc, start: int, end: int) -> list[Timex]:
    """Time expressions of ``doc`` overlapping the character range ``[start, end)``."""
    return [t for t in (doc._.lb_timexes or []) if t.start < end and start < t.end]


def timex_for_span(doc: Doc, start: int, end: int, *, sentence: bool = False) -> Timex | None:
    """The time expression for a character range: the first one overlapping it; with
    ``sentence=True`` else the nearest DATE/TIME expression in the same sentence (for an event
    trigger or a quote cue: "Am Donnerstag sagte X ..." -> the Thursday)."""
    hits = timexes_in_span(doc, start, end)
    if hits:
        return hits[0]
    if not sentence or not doc._.lb_timexes:
        return None
    span = doc.char_span(start, max(end, start + 1), alignment_mode="expand")
    if span is None:
        return None
    try:
        sent = span.sent
    except ValueError:  # no sentence boundaries
        return None
    best, dist = None, None
    for t in doc._.lb_timexes:
        if t.type not in ("DATE", "TIME") or t.start < sent.start_char or t.end > sent.end_char:
            continue
        d = t.start - end if t.start >= end else start - t.end
        if dist is None or d < dist:
            best, dist = t, d
    return best


def _span_timex(span: Span) -> Timex | None:
    return timex_for_span(span.doc, span.start_char, span.end_char)


if not Span.has_extension("lb_timex"):
    Span.set_extension("lb_timex", getter=_span_timex)


class TimeComponent:
    """spaCy component writing ``doc._.lb_timexes``."""

    def __init__(self, nlp: Language, name: str, *, lang: str, mode: str) -> None:
        self.name = name
        self.tagger = TimeTagger(lang, mode=mode)

    def __call__(self, doc: Doc) -> Doc:
        doc._.lb_timexes = tag_doc(self.tagger, doc)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        for doc in docs:
            yield self(doc)


def tag_doc(tagger: TimeTagger, doc: Doc) -> list[Timex]:
    text = doc.text
    fallback = tagger.lexical_tense(text)
    tense = fallback
    if doc.has_annotation("MORPH") and doc.has_annotation("SENT_START"):
        tense = _morph_tense_fn(doc, fallback)
    return tagger.tag(text, doc._.lb_dct, tense)


@Language.factory(
    "lagebild_time",
    default_config={"lang": "de", "mode": "news"},
)
def make_time(nlp: Language, name: str, *, lang: str, mode: str) -> TimeComponent:
    """Time expressions -> ``doc._.lb_timexes``. ``mode``: "news" (resolve against the DCT) or
    "narrative" (against the last mentioned date)."""
    return TimeComponent(nlp, name, lang=lang, mode=mode)
