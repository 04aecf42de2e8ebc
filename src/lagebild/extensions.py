"""Doc extensions Lagebild registers on spaCy's ``Doc`` (once, under the ``lb_`` prefix).

Layers write plain document-model records (``lagebild.document``) with character offsets into
``doc.text``. Every attribute defaults to ``None``; readers treat ``None`` as "layer not run".
"""

from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = (
    "lb_dct",  # publication date (ISO string) or None
    "lb_meta",  # dict of reader metadata
    "lb_timexes",  # list[Timex]
    "lb_quotes",  # list[Quote]
    "lb_actors",  # list[Actor]
    "lb_entity_actor",  # dict[(start, end)] -> actor id
    "lb_events",  # list[Event]
    "lb_places",  # list[Place]
)


def register_extensions() -> None:
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


register_extensions()
