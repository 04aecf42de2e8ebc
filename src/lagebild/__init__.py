"""Lagebild: who said what, who did what to whom, when and where — from news text."""

from __future__ import annotations

from .analyze import analyze, doc_to_document
from .document import Actor, Document, Entity, Event, Place, Quote, Timex
from .language import build_pipeline, get_pipeline

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Document",
    "Entity",
    "Event",
    "Place",
    "Quote",
    "Timex",
    "analyze",
    "build_pipeline",
    "doc_to_document",
    "get_pipeline",
    "__version__",
]
