"""Consistency rules between the tagger's fine tag (STTS / PTB) and the morphologizer's UPOS.

The tagger learns from many more (silver) tokens than the morphologizer, so when the two disagree in
a way never seen in the gold treebank (``APPR`` + ``NOUN``), the UPOS is replaced by the most frequent
UPOS of that tag. Implemented with spaCy's built-in ``attribute_ruler`` (stored with the pipeline).
"""

from __future__ import annotations

from collections import Counter, defaultdict

from spacy.tokens import Doc


def tag_pos_table(docs: list[Doc]) -> dict[str, Counter]:
    table: dict[str, Counter] = defaultdict(Counter)
    for doc in docs:
        for t in doc:
            if t.tag_ and t.pos_:
                table[t.tag_][t.pos_] += 1
    return table


def consistency_patterns(table: dict[str, Counter], *, min_count: int = 5, min_share: float = 0.03) -> list[dict]:
    """attribute_ruler patterns: for each tag, a UPOS outside its attested set becomes the majority UPOS."""
    patterns = []
    for tag, cnt in sorted(table.items()):
        total = sum(cnt.values())
        if total < min_count:
            continue
        allowed = sorted(p for p, n in cnt.items() if n / total >= min_share and n >= 2)
        majority = cnt.most_common(1)[0][0]
        patterns.append({
            "patterns": [[{"TAG": tag, "POS": {"NOT_IN": allowed}}]],
            "attrs": {"POS": majority},
        })
    return patterns


def consistency_table(table: dict[str, Counter], *, min_count: int = 5, min_share: float = 0.03) -> dict:
    """The same rule as :func:`consistency_patterns`, as the config of ``lagebild_pos_consistency``."""
    out = {}
    for tag, cnt in sorted(table.items()):
        total = sum(cnt.values())
        if total < min_count:
            continue
        allowed = sorted(p for p, n in cnt.items() if n / total >= min_share and n >= 2)
        out[tag] = [cnt.most_common(1)[0][0], allowed]
    return out
