"""How far can German UPOS get from STTS tags? (Evidence for docs/pipelines.md.)

Builds the tag -> majority-UPOS table from UD German GSD dev sentences 1-650 (training data of ``de_core``) and
scores, on GSD dev sentences 651-799 (model selection part, never trained on), the UPOS of the shipped
morphologizer, the UPOS mapped from the predicted STTS tag, from HanTa's STTS tag (TIGER-trained, shipped in its
wheel) and from the *gold* STTS tag (the ceiling of any tag-based UPOS). Usage: ``python benchmarks/upos_tag_mapping.py``
"""

from __future__ import annotations

import collections


def main() -> None:
    from spacy.tokens import Doc

    from lagebild.language import _base_pipeline
    from lagebild.training import train as T
    from lagebild.lang.de.hanta import hanta_tag

    nlp = _base_pipeline("de", None)
    dev = T._gsd(nlp.vocab, "dev")
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc in dev[:650]:
        for tok in doc:
            table[tok.tag_][tok.pos_] += 1
    majority = {tag: counts.most_common(1)[0][0] for tag, counts in table.items()}
    n = model_ok = predicted_tag_ok = hanta_ok = gold_tag_ok = 0
    for gold in dev[650:]:
        words = [t.text for t in gold]
        pred = nlp(Doc(nlp.vocab, words=words, spaces=[bool(t.whitespace_) for t in gold]))
        hanta_tags, _ = hanta_tag(words)
        for g, p, h in zip(gold, pred, hanta_tags, strict=True):
            n += 1
            hanta_ok += g.pos_ == majority.get(h, p.pos_)
            model_ok += g.pos_ == p.pos_
            predicted_tag_ok += g.pos_ == majority.get(p.tag_, p.pos_)
            gold_tag_ok += g.pos_ == majority.get(g.tag_, "X")
    print(f"GSD dev 651-799, {n} tokens: morphologizer UPOS {model_ok / n:.3f} · mapped from predicted STTS "
          f"{predicted_tag_ok / n:.3f} · from HanTa's STTS {hanta_ok / n:.3f} · from gold STTS (ceiling) {gold_tag_ok / n:.3f}")


if __name__ == "__main__":
    main()
