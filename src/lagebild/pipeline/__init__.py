"""Lagebild's layers as spaCy pipeline components.

Importing this package registers every layer factory (``lagebild_time``, ``lagebild_places``,
``lagebild_actors``, ``lagebild_quotes``, ``lagebild_events``). Each component is language-agnostic
and reads its language data from ``lagebild/lang/<code>/``.
"""

from __future__ import annotations

import importlib
import logging

log = logging.getLogger(__name__)

_LAYER_MODULES = ("time", "places", "actors", "quotes", "events")

for _module in _LAYER_MODULES:
    try:
        importlib.import_module(f"{__name__}.{_module}")
    except ModuleNotFoundError as exc:  # layer not built yet
        if exc.name != f"{__name__}.{_module}":
            raise
