"""Evaluation of the base spaCy pipelines on held-out data: ``lagebild evaluate pipeline de|en``.

Held-out splits (never trained on, see :mod:`lagebild.training.train`):

* German: UD German GSD **test** (UPOS, STTS, lemma, morphology, Mood=Sub, UAS/LAS) and
  GermEval 2014 **test_public** (NER, exact spans, outer level, PER/ORG/LOC/OTH→MISC; *deriv/*part
  are not entities).
* English: UD English EWT **test** and the last 20 % of WikiGold (NER).

The pipeline re-tokenises the raw text (no gold tokens), so tokenisation errors count.
"""

from __future__ import annotations

import time
from typing import Iterable

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.training import Example


def _examples(nlp: Language, refs) -> list[Example]:
    return [Example(nlp.make_doc(ref.text), ref) for ref in refs]


def mood_sub_prf(examples: Iterable[Example]) -> dict[str, float]:
    """Precision/recall/F1 of ``Mood=Sub`` on tokens aligned one-to-one with the gold tokens."""
    tp = fp = fn = 0
    for eg in examples:
        align = eg.alignment.x2y
        for tok in eg.predicted:
            gold_ids = align[tok.i].dataXd.tolist() if hasattr(align[tok.i], "dataXd") else list(align[tok.i])
            pred = "Sub" in tok.morph.get("Mood")
            gold = False
            if len(gold_ids) == 1:
                gold = "Sub" in eg.reference[int(gold_ids[0])].morph.get("Mood")
            if pred and gold:
                tp += 1
            elif pred:
                fp += 1
            elif gold:
                fn += 1
        # gold Sub tokens not aligned to any predicted token
        y2x = eg.alignment.y2x
        for gtok in eg.reference:
            if "Sub" in gtok.morph.get("Mood") and len(y2x[gtok.i]) != 1:
                fn += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"mood_sub_p": p, "mood_sub_r": r, "mood_sub_f": f, "mood_sub_support": float(tp + fn)}


def _run(nlp: Language, examples: list[Example], batch_size: int = 64) -> float:
    """Annotate the predicted docs in place; return tokens per second."""
    docs = [eg.predicted for eg in examples]
    t0 = time.perf_counter()
    out = list(nlp.pipe(docs, batch_size=batch_size))
    dt = time.perf_counter() - t0
    for eg, doc in zip(examples, out):
        eg.predicted = doc
    return sum(len(d) for d in out) / dt if dt else 0.0


def _morph_key(token, attr):
    return getattr(token, attr).key


def evaluate_syntax(nlp: Language, refs) -> dict[str, float]:
    exs = _examples(nlp, refs)
    wps = _run(nlp, exs)
    scorer = Scorer()
    s = {}
    s.update(Scorer.score_token_attr(exs, "tag"))
    s.update(Scorer.score_token_attr(exs, "pos"))
    s.update(Scorer.score_token_attr(exs, "lemma"))
    s.update(Scorer.score_token_attr(exs, "morph", getter=_morph_key))
    s.update(Scorer.score_token_attr_per_feat(exs, "morph", getter=_morph_key))
    s.update(Scorer.score_deps(exs, "dep", head_attr="head", head_exclude=("punct",) if False else None,
                               ignore_labels=("p", "punct")))
    del scorer
    metrics = {
        "upos": s["pos_acc"] or 0.0,
        "xpos": s["tag_acc"] or 0.0,
        "lemma": s["lemma_acc"] or 0.0,
        "morph": s["morph_acc"] or 0.0,
        "uas": s["dep_uas"] or 0.0,
        "las": s["dep_las"] or 0.0,
        "words_per_second": wps,
    }
    mood = (s.get("morph_per_feat") or {}).get("Mood")
    if mood:
        metrics["mood_f"] = mood["f"]
    metrics.update(mood_sub_prf(exs))
    return metrics


def evaluate_ner(nlp: Language, refs) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
    exs = _examples(nlp, refs)
    _run(nlp, exs)
    s = Scorer.score_spans(exs, "ents")
    metrics = {"ner_p": s["ents_p"] or 0.0, "ner_r": s["ents_r"] or 0.0, "ner_f": s["ents_f"] or 0.0}
    per = s.get("ents_per_type") or {}
    for lab, v in per.items():
        metrics[f"ner_f_{lab}"] = v["f"]
    return metrics, per


def speed(nlp: Language, texts: list[str], batch_size: int = 64) -> float:
    t0 = time.perf_counter()
    n = sum(len(d) for d in nlp.pipe(texts, batch_size=batch_size))
    return n / (time.perf_counter() - t0)


def _scored_pipeline(lang: str, model: str | None, hanta: bool) -> Language:
    from ..language import _base_pipeline, add_hanta_tags

    nlp = spacy.load(model) if model else _base_pipeline(lang, None, hanta=False)
    return add_hanta_tags(nlp) if hanta else nlp


def evaluate_pipeline(lang: str, model: str | None = None, *, quick: bool = False,
                      parts: tuple[str, ...] = ("syntax", "ner"), hanta: bool = False) -> dict:
    from ..training.train import SOURCES

    nlp = _scored_pipeline(lang, model, hanta)
    vocab = nlp.vocab
    result: dict = {"lang": lang, "model": (model or "shipped") + (" + HanTa tags" if hanta else ""), "quick": quick,
                    "metrics": {}, "per_type": {}}
    if "syntax" in parts:
        refs = SOURCES[lang]["syntax_test"](vocab)
        if quick:
            refs = refs[:300]
        result["syntax_sentences"] = len(refs)
        result["metrics"].update(evaluate_syntax(nlp, refs))
    if "ner" in parts:
        refs = SOURCES[lang]["ner_test"](vocab)
        if quick:
            refs = refs[:800]
        result["ner_sentences"] = len(refs)
        m, per = evaluate_ner(nlp, refs)
        result["metrics"].update(m)
        result["per_type"] = per
    return result


def speed_texts(lang: str, n_docs: int = 200) -> list[str]:
    """Benchmark text: German news (10kGNAD test, first ``n_docs`` articles; used only for timing)
    or English EWT test sentences joined into paragraphs."""
    from ..settings import data_path

    if lang == "de":
        import csv

        path = data_path("unlabelled", "10kGNAD", "test.csv")
        with open(path, encoding="utf-8") as fh:
            rows = list(csv.reader(fh, delimiter=";", quotechar="'"))
        return [r[1] for r in rows[:n_docs] if len(r) > 1]
    from ..training.train import SOURCES

    refs = SOURCES["en"]["syntax_test"](spacy.blank("en").vocab)
    texts = [" ".join(d.text for d in refs[i : i + 10]) for i in range(0, len(refs), 10)]
    return texts[:n_docs]


def benchmark(lang: str, model: str | None = None, n_docs: int = 200, hanta: bool = False) -> dict[str, float]:
    """Tokens per second of the full base pipeline and the process's peak RSS.

    For the one-core figure run it as ``OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 taskset -c 0 ...``."""
    import os
    import resource

    nlp = _scored_pipeline(lang, model, hanta)
    texts = speed_texts(lang, n_docs)
    list(nlp.pipe(texts[:5]))  # warm-up
    wps = speed(nlp, texts, batch_size=8)  # long news articles: small batches are faster and leaner
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    return {"words_per_second": wps, "tokens": float(sum(len(nlp.make_doc(t)) for t in texts)), "batch_size": 8.0,
            "peak_rss_mb": rss, "pid": float(os.getpid())}
