"""The per-document function: (text, metadata, pipeline) -> :class:`Document`.

``analyze`` is pure with respect to its inputs, so any engine (a loop, worker processes, Spark)
can call it; ``doc_to_document`` turns an analysed spaCy ``Doc`` into the JSON contract.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .document import Document, Entity
from .language import choose_language, get_pipeline
from .settings import get_settings

# Labels of other NER schemes mapped onto the contract's PER | ORG | LOC | GPE | MISC.
_LABEL_MAP = {
    "PERSON": "PER",
    "PER": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "GPE",
    "MISC": "MISC",
    "OTH": "MISC",
    "NORP": "MISC",
    "FAC": "LOC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}


class DocumentTooLargeError(ValueError):
    pass


class EmptyDocumentError(ValueError):
    pass


def check_text(text: str, *, max_chars: int | None = None) -> None:
    """Raise a clear error for texts Lagebild refuses to analyse."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        raise EmptyDocumentError("the document has no text")
    limit = max_chars if max_chars is not None else get_settings().max_chars
    if len(text) > limit:
        raise DocumentTooLargeError(
            f"the document has {len(text):,} characters, more than the limit of {limit:,} "
            "(set LAGEBILD_MAX_CHARS or --max-chars to raise it)"
        )


def normalize_published(value: str | None) -> str | None:
    """The publication date as ISO 8601 (``YYYY-MM-DD`` or a full datetime), or ``None``.

    Raises ``ValueError`` naming the bad value when it is not a date.
    """
    if value is None or not str(value).strip():
        return None
    raw = str(value).strip()
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        from dateutil import parser as dateutil_parser

        try:
            parsed = dateutil_parser.parse(raw, dayfirst=True)
        except (ValueError, OverflowError) as exc:
            raise ValueError(
                f"publication date {raw!r} is not a date (use ISO 8601, e.g. 2024-01-10 or 2024-01-10T09:30)"
            ) from exc
    if len(raw) <= 10 and parsed.hour == parsed.minute == parsed.second == 0:
        return parsed.date().isoformat()
    return parsed.isoformat()


def make_doc(nlp: Language, text: str, published: str | None, meta: dict[str, Any] | None = None) -> Doc:
    """Tokenise ``text`` and attach the publication date and metadata for the layers."""
    doc = nlp.make_doc(text)
    doc._.lb_dct = published
    doc._.lb_meta = dict(meta or {})
    return doc


def run_pipeline(nlp: Language, text: str, published: str | None = None, meta: dict | None = None) -> Doc:
    """Run ``nlp`` on ``text`` with the publication date and metadata attached for the layers."""
    return nlp(make_doc(nlp, text, published, meta))


def doc_to_document(doc: Doc, **fields: Any) -> Document:
    """Build the contract record from an analysed ``Doc`` (offsets are character offsets)."""
    entity_actor = doc._.lb_entity_actor or {}
    entities = [
        Entity(
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=_LABEL_MAP.get(ent.label_, "MISC"),
            actor=entity_actor.get((ent.start_char, ent.end_char)),
        )
        for ent in doc.ents
    ]
    sentences = [(s.start_char, s.end_char) for s in doc.sents] if _has_sents(doc) else [(0, len(doc.text))]
    meta = dict(fields.pop("meta", None) or {})
    return Document(
        text=doc.text,
        published=doc._.lb_dct,
        sentences=sentences,
        entities=entities,
        actors=list(doc._.lb_actors or []),
        timexes=list(doc._.lb_timexes or []),
        quotes=list(doc._.lb_quotes or []),
        events=list(doc._.lb_events or []),
        places=list(doc._.lb_places or []),
        meta=meta,
        **fields,
    )


def _has_sents(doc: Doc) -> bool:
    return doc.has_annotation("SENT_START") or doc.has_annotation("DEP")


def analyze(
    text: str,
    lang: str | None = None,
    published: str | None = None,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    **meta: Any,
) -> Document:
    """Analyse one text and return its :class:`Document`.

    ``lang`` forces the pipeline language (``de`` or ``en``; detected when ``None``); ``published``
    is the document creation time (ISO date) that relative time expressions are resolved against;
    ``title``, ``source``, ``url``, ``author`` and ``id`` are stored as such, other keywords go to
    ``Document.meta``.
    """
    check_text(text)
    published = normalize_published(published)
    lang = choose_language(text, lang)
    nlp = nlp or get_pipeline(lang, model)
    fields = {k: meta.pop(k) for k in ("id", "title", "source", "url", "author") if k in meta}
    doc = run_pipeline(nlp, text, published, meta)
    return doc_to_document(doc, lang=lang, meta=meta, **fields)
