"""Sentence-boundary rules that run before the parser (stored by name in the shipped pipelines).

News text has headlines, datelines and bylines without final punctuation, separated by line breaks.
The statistical parser never sees line breaks in the treebanks, so this component fixes boundaries at
line breaks first; the parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class NewlineSentences:
    """Start a sentence after every whitespace token containing a line break (``\\n``).

    With ``single_newline=False`` only blank lines (paragraph breaks) start a sentence.
    """

    def __init__(self, *, single_newline: bool = True) -> None:
        self.single_newline = single_newline

    def __call__(self, doc: Doc) -> Doc:
        need = "\n" if self.single_newline else "\n\n"
        n = len(doc)
        for tok in doc:
            ws = tok.whitespace_ if not tok.is_space else tok.text + tok.whitespace_
            if need in ws.replace("\r", "") and tok.i + 1 < n:
                nxt = doc[tok.i + 1]
                if nxt.is_space:
                    continue
                nxt.is_sent_start = True
                # the text before the break ends a sentence: the token after the break starts one
        return doc

    # serialisation: nothing to store beyond the config
    def to_disk(self, path, *, exclude=tuple()):  # noqa: D102
        pass

    def from_disk(self, path, *, exclude=tuple()):  # noqa: D102
        return self

    def to_bytes(self, *, exclude=tuple()):  # noqa: D102
        return b""

    def from_bytes(self, data, *, exclude=tuple()):  # noqa: D102
        return self


@Language.factory("lagebild_newline_sentences", default_config={"single_newline": True})
def make_newline_sentences(nlp: Language, name: str, *, single_newline: bool) -> NewlineSentences:
    return NewlineSentences(single_newline=single_newline)
