"""Gazetteer membership as token features for a statistical model (German NER).

``lagebild_gazetteer_features`` registers one boolean lexeme flag per word list (``spacy.attrs``
``FLAG40`` …): "this word is a known surname", "… a place-name word", "… a country name", "… a given
name". A list missing from a stored component (an older pipeline) is empty. A model reads
them like any other token attribute, e.g. ``attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE", "FLAG40",
"FLAG41", "FLAG42"]`` in a ``MultiHashEmbed``. The flags are soft evidence the model learns to weigh;
the component itself changes nothing on the ``Doc``.

The word lists are built at training time (:mod:`lagebild.training.gazetteers`) and stored with the
component (``lists.json`` in its folder), so a pipeline that uses the features is self-contained.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

#: list name → spaCy lexeme flag id (ids 19-63 are free for custom flags; see ``spacy.attrs``)
FLAGS: dict[str, int] = {"surname": 40, "place": 41, "country": 42, "first_name": 43}


def flag_attrs() -> list[str]:
    """The attribute names a ``MultiHashEmbed`` uses to read the flags, in :data:`FLAGS` order."""
    return [f"FLAG{flag_id}" for flag_id in FLAGS.values()]


class _InList:
    """Picklable flag getter: is the word (as written) in the list?"""

    def __init__(self, words: Iterable[str]) -> None:
        self.words = frozenset(words)

    def __call__(self, text: str) -> bool:
        return text in self.words


class GazetteerFeatures:
    def __init__(self, vocab: Vocab, lists: dict[str, list[str]] | None = None) -> None:
        self.vocab = vocab
        self.lists: dict[str, list[str]] = {}
        self.set_lists(lists or {})

    def set_lists(self, lists: dict[str, list[str]]) -> None:
        unknown = set(lists) - set(FLAGS)
        if unknown:
            raise ValueError(f"unknown gazetteer list(s) {sorted(unknown)}; valid: {sorted(FLAGS)}")
        self.lists = {name: sorted(set(lists.get(name, []))) for name in FLAGS}
        for name, flag_id in FLAGS.items():
            # add_flag also updates every lexeme the vocab already holds
            self.vocab.add_flag(_InList(self.lists[name]), flag_id=flag_id)

    def __call__(self, doc: Doc) -> Doc:
        return doc

    def initialize(self, get_examples=None, *, nlp=None, lists_path: str | None = None) -> None:
        if lists_path:
            self.set_lists(srsly.read_json(lists_path))

    def to_disk(self, path, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / "lists.json", self.lists)

    def from_disk(self, path, *, exclude=tuple()) -> "GazetteerFeatures":
        self.set_lists(srsly.read_json(Path(path) / "lists.json"))
        return self

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        return srsly.msgpack_dumps(self.lists)

    def from_bytes(self, data: bytes, *, exclude=tuple()) -> "GazetteerFeatures":
        self.set_lists(srsly.msgpack_loads(data))
        return self


@Language.factory("lagebild_gazetteer_features", default_config={})
def make_gazetteer_features(nlp: Language, name: str) -> GazetteerFeatures:
    return GazetteerFeatures(nlp.vocab)
