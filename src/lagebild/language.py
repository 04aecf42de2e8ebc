"""Language identification and loading of the language pipelines (spaCy) with Lagebild's layers."""

from __future__ import annotations

import logging
import threading
from importlib import resources
from pathlib import Path

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers Doc extensions)
from .lang import gazetteer_features, mood, ner_backoff, pos_consistency, segmentation  # noqa: F401  (components)
from .lang.de import hanta as _hanta  # noqa: F401  (registers lagebild_hanta_tags)
from .settings import get_settings

log = logging.getLogger(__name__)

SUPPORTED_LANGS = ("de", "en")

# Lagebild layers in pipeline order: each is a spaCy factory registered in lagebild.pipeline.
# A layer whose factory is not registered (not built yet) is skipped and its list stays empty.
LAYER_FACTORIES = (
    "lagebild_time",
    "lagebild_places",
    "lagebild_actors",
    "lagebild_quotes",
    "lagebild_events",
)


class UnsupportedLanguageError(ValueError):
    pass


_LANGID = None


def _langid():
    global _LANGID
    if _LANGID is None:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier

        _LANGID = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _LANGID


def detect_language(text: str) -> tuple[str, float]:
    """Return ``(lang, probability)`` for ``text`` (py3langid, offline, first 5,000 characters)."""
    lang, prob = _langid().classify(text[:5000])
    return lang, float(prob)


def choose_language(text: str, lang: str | None = None, *, confident: float = 0.8) -> str:
    """The pipeline language for ``text``: ``lang`` if given, else the detected one.

    A text confidently identified as another language raises :class:`UnsupportedLanguageError`;
    a text too short or ambiguous to tell goes to whichever of German and English ranks higher.
    """
    if lang:
        lang = lang.lower()
        if lang not in SUPPORTED_LANGS:
            raise UnsupportedLanguageError(
                f"language {lang!r} is not supported; valid: {', '.join(SUPPORTED_LANGS)}"
            )
        return lang
    detected, prob = detect_language(text)
    if detected in SUPPORTED_LANGS:
        return detected
    if prob >= confident:
        raise UnsupportedLanguageError(
            f"text is in {detected!r} (p={prob:.2f}); Lagebild analyses German (de) and English (en); "
            "use --lang to force one"
        )
    ranked = dict(_langid().rank(text[:5000]))
    return "de" if ranked.get("de", 0.0) >= ranked.get("en", 0.0) else "en"


def shipped_model_path(lang: str) -> Path | None:
    """Path of the pipeline shipped inside the package for ``lang``, if it is installed."""
    base = resources.files("lagebild") / "models" / f"{lang}_core"
    path = Path(str(base))
    return path if (path / "config.cfg").exists() else None


def add_hanta_tags(nlp: Language) -> Language:
    """Append ``lagebild_hanta_tags`` (German): HanTa's STTS tags, UPOS and lemmas replace the statistical ones."""
    if "lagebild_hanta_tags" not in nlp.pipe_names:
        nlp.add_pipe("lagebild_hanta_tags", config={"lang": "de"})
    return nlp


def _base_pipeline(lang: str, model: str | None, hanta: bool | None = None) -> Language:
    """The language pipeline: ``model``, else LAGEBILD_MODEL_<LANG>, else the shipped one (German: with HanTa's
    tags when ``hanta`` or LAGEBILD_HANTA_TAGS says so)."""
    settings = get_settings()
    hanta = settings.hanta_tags if hanta is None else hanta
    model = model or getattr(settings, f"model_{lang}")
    if model or shipped_model_path(lang) is not None:
        nlp = spacy.load(model or shipped_model_path(lang))
        return add_hanta_tags(nlp) if hanta and lang == "de" else nlp
    log.warning(
        "no trained %s pipeline is installed; using a blank tokenizer with a rule-based sentencizer", lang
    )
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp


def build_pipeline(lang: str, model: str | None = None, *, layers: tuple[str, ...] | None = None,
                   hanta_tags: bool | None = None) -> Language:
    """The full Lagebild pipeline for ``lang``: the base pipeline plus every available layer (``hanta_tags``:
    German tags, UPOS and lemmas from HanTa; default LAGEBILD_HANTA_TAGS)."""
    from . import pipeline as _components  # noqa: F401  (registers the layer factories)

    nlp = _base_pipeline(lang, model, hanta_tags)
    nlp.max_length = max(nlp.max_length, get_settings().max_chars + 1)
    for factory in layers if layers is not None else LAYER_FACTORIES:
        if factory in nlp.pipe_names:
            continue
        if not Language.has_factory(factory):
            continue
        nlp.add_pipe(factory, config={"lang": lang})
    return nlp


_CACHE: dict[tuple[str, str | None], Language] = {}
_CACHE_LOCK = threading.Lock()


def get_pipeline(lang: str, model: str | None = None) -> Language:
    """A cached :func:`build_pipeline` (one per process, language and model)."""
    key = (lang, model)
    with _CACHE_LOCK:
        if key not in _CACHE:
            _CACHE[key] = build_pipeline(lang, model)
        return _CACHE[key]
