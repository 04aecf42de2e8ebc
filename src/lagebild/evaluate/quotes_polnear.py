"""Evaluation of the English quotation layer on PolNeAR v1.0 (political news attribution relations).

PolNeAR (Newell, Margolin & Ruths 2018) annotates every *attribution* in 1,008 US election news articles
as brat standoff: a Source, a Cue and a Content span (possibly discontinuous) linked by an event line
(``E1 Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Attribution-no-source`` has no source). It has no
addressee role and no form (direct/indirect) label.

Protocol: the raw article text is run through ``build_pipeline('en')`` (base pipeline + places, actors,
quotes) with the date from the file name as DCT. Documents annotated by several annotators (agreement
checks) are scored against **one** annotator — the first in sorted order of the annotator id — never a union
(PolNeAR annotations are univocal per annotator; a union would double count). Both gold and predicted
character spans are mapped to **word tokens** (runs of letters/digits; punctuation and quotation marks
are not counted, since annotators include or omit them inconsistently), and scored exactly like the German
evaluation (:mod:`lagebild.evaluate.quotes`): one-to-one matching by message (content) token-F1, per
matched pair and role precision = shared / predicted tokens and recall = shared / gold tokens, macro
averages over defined cases; **joint** pools message, source and cue (addressee is not annotated and not
scored). Splits are PolNeAR's own (train: months 1–10, dev: month 11, test: month 12).
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

from ..settings import data_path
from .quotes import Group, aggregate, match, score_pair

ROLES_EN = ("message", "source", "cue")
SPLITS = ("train", "dev", "test")
_BRAT_ROLE = {"Content": "message", "Source": "source", "Cue": "cue"}
_WORD = re.compile(r"\w+", re.UNICODE)


def polnear_dir(split: str) -> Path:
    if split not in SPLITS:
        raise ValueError(f"split {split!r} is not valid; valid: {', '.join(SPLITS)}")
    return data_path("quotes", "polnear", "data", split)


def word_offsets(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _WORD.finditer(text)]


def _tokens_of(spans: list[tuple[int, int]], offsets: list[tuple[int, int]]) -> list[int]:
    out = set()
    for s, e in spans:
        for i, (ts, te) in enumerate(offsets):
            if ts >= e:
                break
            if s < te:
                out.add(i)
    return sorted(out)


def read_ann(path: Path) -> list[dict[str, list[tuple[int, int]]]]:
    """Attributions of one brat file as role -> character spans."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 2:
            head = cols[1].split(" ", 1)
            if len(head) < 2:
                continue
            kind, ranges = head
            parts = []
            for rng in ranges.split(";"):
                a, b = rng.split()
                parts.append((int(a), int(b)))
            spans[cols[0]] = (kind, parts)
        elif line.startswith("E") and len(cols) >= 2:
            events.append(cols[1].split())
    out = []
    for args in events:
        if not args or not args[0].startswith("Attribution"):
            continue
        roles: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES_EN}
        for arg in args[1:]:
            label, _, tid = arg.partition(":")
            label = re.sub(r"\d+$", "", label)
            if label in _BRAT_ROLE and tid in spans:
                roles[_BRAT_ROLE[label]] += spans[tid][1]
        if roles["message"] or roles["cue"]:
            out.append(roles)
    return out


def load_polnear(split: str, limit: int | None = None) -> list[tuple[str, str, str | None, list[dict]]]:
    """(name, text, dct, attributions) per document of ``split``, one annotator per document."""
    folder = polnear_dir(split)
    if not folder.exists():
        raise FileNotFoundError(f"{folder} does not exist (PolNeAR {split} data)")
    texts = sorted((folder / "text").glob("*.txt"))
    if limit:
        texts = texts[:limit]
    docs = []
    for tpath in texts:
        anns = sorted((folder / "attributions").glob(tpath.stem + "_*.ann"))
        anns = [a for a in anns if re.fullmatch(re.escape(tpath.stem) + r"_[0-9a-f]+", a.stem)]
        if not anns:
            continue
        m = re.search(r"_(\d{4}-\d{2}-\d{2})_", tpath.name)
        docs.append((tpath.stem, tpath.read_text(encoding="utf-8"), m.group(1) if m else None, read_ann(anns[0])))
    return docs


def predict_spans(nlp, text: str, dct: str | None) -> list[dict[str, list[tuple[int, int]]]]:
    doc = nlp.make_doc(text)
    doc._.lb_dct = dct
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "lagebild_quotes":
            break
    return [{r: list(getattr(q, r)) for r in ROLES_EN} | {"form": q.form} for q in doc._.lb_quotes or []]


def evaluate_polnear(split: str = "dev", limit: int | None = None, nlp=None, dump: str | Path | None = None) -> dict[str, Any]:
    """Run the English pipeline on PolNeAR ``split`` and score it (message/source/cue/joint)."""
    import json

    if nlp is None:
        from ..language import build_pipeline

        nlp = build_pipeline("en", layers=("lagebild_places", "lagebild_actors", "lagebild_quotes"))
    docs = load_polnear(split, limit)
    items, dumped = [], []
    n_gold = n_pred = 0
    forms: Counter = Counter()
    t0 = time.perf_counter()
    for name, text, dct, gold_spans in docs:
        offsets = word_offsets(text)
        gold = [Group(None, {r: _tokens_of(g[r], offsets) for r in ROLES_EN}) for g in gold_spans]
        gold = [g for g in gold if g.roles["message"] or g.roles["cue"]]
        preds = predict_spans(nlp, text, dct)
        pred = [Group(None, {r: _tokens_of(p[r], offsets) for r in ROLES_EN}) for p in preds]
        forms.update(p["form"] for p in preds)
        n_gold += len(gold)
        n_pred += len(pred)
        for pi, gi in match(pred, gold):
            items.append(score_pair(pred[pi] if pi is not None else None, gold[gi] if gi is not None else None, ROLES_EN))
        if dump is not None:
            def show(spans):
                return " … ".join(text[s:e] for s, e in spans)
            dumped.append({"name": name,
                           "gold": [{r: show(g[r]) for r in ROLES_EN} for g in gold_spans],
                           "pred": [{r: show(p[r]) for r in ROLES_EN} | {"form": p["form"]} for p in preds]})
    seconds = time.perf_counter() - t0
    if dump is not None:
        Path(dump).write_text(json.dumps(dumped, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "corpus": "polnear",
        "split": split,
        "documents": len(docs),
        "gold_quotes": n_gold,
        "predicted_quotes": n_pred,
        "predicted_forms": dict(forms),
        "seconds": seconds,
        "metrics": aggregate(items, ROLES_EN),
    }
