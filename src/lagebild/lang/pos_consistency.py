"""Fast tag/UPOS consistency fix (replaces an ``attribute_ruler`` that cost ~12 % of the run time).

``rules`` (or the older ``table``) maps a fine tag (STTS / PTB) to ``[majority_upos, [attested upos, ...]]``, computed from the
gold treebank at training time (:mod:`lagebild.training.posmap`). A token whose predicted UPOS was never
(or almost never) seen with its predicted tag gets the tag's majority UPOS. Whitespace tokens (the line breaks
between paragraphs, which the taggers never saw in training) get spaCy's ``_SP`` / ``SPACE``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc


class PosConsistency:
    def __init__(self, table: dict, rules: list | None = None) -> None:
        self.table = {tag: (v[0], frozenset(v[1])) for tag, v in table.items()}
        # ``rules``: the same as a list of [tag, majority, [allowed]] (tags such as ":" cannot be config keys)
        for tag, majority, allowed in rules or []:
            # the config writer escapes "$" (PTB "PRP$") as "$$" inside lists, again on every load/save round
            # trip; no PTB or STTS tag has two "$" in a row
            self.table[re.sub(r"\$+", "$", tag)] = (majority, frozenset(allowed))

    def __call__(self, doc: Doc) -> Doc:
        table = self.table
        for tok in doc:
            if tok.is_space:  # line breaks between paragraphs: spaCy's whitespace tag, never a noun or adjective
                tok.tag_, tok.pos_ = "_SP", "SPACE"
                continue
            entry = table.get(tok.tag_)
            if entry is not None and tok.pos_ not in entry[1]:
                tok.pos_ = entry[0]
        return doc


@Language.factory("lagebild_pos_consistency", default_config={"table": {}, "rules": []})
def make_pos_consistency(nlp: Language, name: str, *, table: dict, rules: list) -> PosConsistency:
    return PosConsistency(table, rules)
