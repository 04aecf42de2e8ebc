"""Evaluation of the quotation layer on SpkAtt-2023 Task 2 (German Wikinews, CC BY-NC-SA 4.0).

Each document's tokens are joined by single spaces and run through the real pipeline
(``build_pipeline('de')``) with the publication date from the file name as DCT. Predicted character spans
are mapped back to the gold tokens they overlap, and scored like the shared task ("proportional token
overlap"): predicted and gold quotations are matched one-to-one by the token-F1 of their messages (a
pair needs some overlap; form and STWR break ties); then, per matched pair and per role (message,
source, cue, addressee), precision = shared tokens / predicted tokens and recall = shared tokens / gold
tokens; unmatched quotations count 0. Scores are averaged over the (pair, role) cases where they are
defined (macro, as in the organisers' scorer) and the joint score pools all four roles.
"""

from __future__ import annotations

import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..settings import data_path

ROLES = ("message", "source", "cue", "addressee")
_GOLD_ROLE = {"message": "Message", "source": "Source", "cue": "Cue", "addressee": "Addr"}
FORM_TO_GOLD = {
    "direct": "Direct",
    "indirect": "Indirect",
    "free_indirect": "FreeIndirect",
    "indirect_free_indirect": "IndirectFreeIndirect",
    "reported": "Reported",
}
GOLD_FORMS = tuple(FORM_TO_GOLD.values())


@dataclass
class Group:
    form: str | None
    roles: dict[str, list[int]]  # role -> sorted absolute token indices
    nested: bool = False
    stwr: str | None = None


@dataclass
class GoldDoc:
    name: str
    dct: str | None
    tokens: list[str]
    sent_starts: list[int]
    groups: list[Group] = field(default_factory=list)

    def text_and_offsets(self) -> tuple[str, list[tuple[int, int]]]:
        offsets, pos = [], 0
        for tok in self.tokens:
            offsets.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return " ".join(self.tokens), offsets


def task2_dir(split: str) -> Path:
    if split not in ("train", "dev"):
        raise ValueError(f"split {split!r} is not valid; valid: train, dev")
    return data_path("quotes", "spkatt2023_task2", "data", split, "task2")


def load_task2(split: str, limit: int | None = None) -> list[GoldDoc]:
    folder = task2_dir(split)
    if not folder.exists():
        raise FileNotFoundError(f"{folder} does not exist (SpkAtt-2023 Task 2 {split} data)")
    files = sorted(folder.glob("*.json"))
    if limit:
        files = files[:limit]
    return [read_task2_file(f) for f in files]


def read_task2_file(path: Path) -> GoldDoc:
    data = json.loads(path.read_text(encoding="utf-8"))
    tokens: list[str] = []
    starts: list[int] = []
    for sent in data["Sentences"]:
        starts.append(len(tokens))
        tokens.extend(sent["Tokens"])
    m = re.search(r"\((\d{4}-\d{2}-\d{2})\)", path.name)
    doc = GoldDoc(path.stem, m.group(1) if m else None, tokens, starts)
    for ann in data.get("Annotations", []):
        roles = {}
        for role, key in _GOLD_ROLE.items():
            idx = sorted({starts[int(x.split(":")[0])] + int(x.split(":")[1]) for x in ann.get(key, [])})
            roles[role] = idx
        doc.groups.append(Group(ann.get("Form"), roles, bool(ann.get("IsNested")), ann.get("STWR")))
    return doc


def spans_to_tokens(spans: list[tuple[int, int]], offsets: list[tuple[int, int]]) -> list[int]:
    out = set()
    for s, e in spans:
        for i, (ts, te) in enumerate(offsets):
            if ts < e and s < te:
                out.add(i)
    return sorted(out)


QUOTE_LAYERS = ("lagebild_places", "lagebild_actors", "lagebild_quotes")
COMPONENT_ERRORS: dict[str, int] = defaultdict(int)


def predict_groups(nlp, gold: GoldDoc) -> list[Group]:
    """Run the pipeline up to the quotation layer (later layers cannot change quotes)."""
    text, offsets = gold.text_and_offsets()
    doc = nlp.make_doc(text)
    doc._.lb_dct = gold.dct
    for name, proc in nlp.pipeline:
        if name == "lagebild_quotes":
            doc = proc(doc)
            break
        try:
            doc = proc(doc)
        except Exception:  # another layer's failure must not hide the quotation scores; it is counted
            COMPONENT_ERRORS[name] += 1
    groups = []
    for q in doc._.lb_quotes or []:
        roles = {r: spans_to_tokens(getattr(q, r), offsets) for r in ROLES}
        groups.append(Group(FORM_TO_GOLD.get(q.form, q.form), roles, q.nested_in is not None, q.stwr))
    return groups


def _overlap_f1(a: list[int], b: list[int]) -> float:
    if not a or not b:
        return 0.0
    both = len(set(a) & set(b))
    if not both:
        return 0.0
    p, r = both / len(b), both / len(a)
    return 2 * p * r / (p + r)


def match(pred: list[Group], gold: list[Group]) -> list[tuple[int | None, int | None]]:
    """One-to-one pairs (pred index, gold index) by message overlap (greedy on the best score), then leftovers."""
    scores = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap_f1(g.roles["message"], p.roles["message"])
            if ov > 0:
                bonus = (0.01 if g.form == p.form else 0.0)
                scores.append((ov + bonus, pi, gi))
    scores.sort(reverse=True)
    used_p, used_g, pairs = set(), set(), []
    for _, pi, gi in scores:
        if pi in used_p or gi in used_g:
            continue
        used_p.add(pi)
        used_g.add(gi)
        pairs.append((pi, gi))
    pairs += [(pi, None) for pi in range(len(pred)) if pi not in used_p]
    pairs += [(None, gi) for gi in range(len(gold)) if gi not in used_g]
    return pairs


def score_pair(p: Group | None, g: Group | None, roles: tuple[str, ...] = ROLES) -> dict[str, tuple[float | None, float | None]]:
    """Per role: (precision or None, recall or None) of one matched/unmatched pair."""
    out = {}
    for role in roles:
        pt = set(p.roles[role]) if p else set()
        gt = set(g.roles[role]) if g else set()
        both = len(pt & gt)
        out[role] = (both / len(pt) if pt else None, both / len(gt) if gt else None)
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def aggregate(items: list[dict[str, tuple[float | None, float | None]]], roles: tuple[str, ...] = ROLES) -> dict[str, float]:
    res: dict[str, float] = {}
    pooled_p, pooled_r = [], []
    for role in roles:
        ps = [it[role][0] for it in items if it[role][0] is not None]
        rs = [it[role][1] for it in items if it[role][1] is not None]
        p = sum(ps) / len(ps) if ps else 0.0
        r = sum(rs) / len(rs) if rs else 0.0
        res[f"{role}_p"], res[f"{role}_r"], res[f"{role}_f1"] = p, r, _f1(p, r)
        pooled_p += ps
        pooled_r += rs
    p = sum(pooled_p) / len(pooled_p) if pooled_p else 0.0
    r = sum(pooled_r) / len(pooled_r) if pooled_r else 0.0
    res["joint_p"], res["joint_r"], res["joint_f1"] = p, r, _f1(p, r)
    return res


def evaluate(
    split: str = "dev",
    limit: int | None = None,
    nlp=None,
    dump: str | Path | None = None,
) -> dict[str, Any]:
    """Run the pipeline on SpkAtt-2023 Task 2 ``split`` and score it. Returns a dict of metrics."""
    if nlp is None:
        from ..language import build_pipeline

        # quotes read only the base pipeline and the actors layer (which reads places); time and events cannot
        # change them and are left out
        nlp = build_pipeline("de", layers=QUOTE_LAYERS)
    docs = load_task2(split, limit)
    items: list[tuple[str | None, dict]] = []
    form_pairs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # gold form -> [matched same form, gold, pred]
    dumped = []
    t0 = time.perf_counter()
    for gold in docs:
        pred = predict_groups(nlp, gold)
        for pi, gi in match(pred, gold.groups):
            p = pred[pi] if pi is not None else None
            g = gold.groups[gi] if gi is not None else None
            form = g.form if g is not None else p.form
            items.append((form, score_pair(p, g)))
            if g is not None and p is not None and g.form == p.form:
                form_pairs[g.form][0] += 1
            if g is not None:
                form_pairs[g.form][1] += 1
            if p is not None:
                form_pairs[p.form][2] += 1
        if dump is not None:
            dumped.append({"name": gold.name, "tokens": gold.tokens, "sent_starts": gold.sent_starts,
                           "gold": [g.__dict__ for g in gold.groups], "pred": [p.__dict__ for p in pred]})
    seconds = time.perf_counter() - t0
    metrics = aggregate([it for _, it in items])
    per_form = {}
    for form in GOLD_FORMS:
        sub = [it for f, it in items if f == form]
        agg = aggregate(sub) if sub else {}
        tp, ng, np_ = form_pairs[form]
        per_form[form] = {
            "gold": ng,
            "predicted": np_,
            "message_f1": agg.get("message_f1", 0.0),
            "joint_f1": agg.get("joint_f1", 0.0),
            "form_p": tp / np_ if np_ else 0.0,
            "form_r": tp / ng if ng else 0.0,
        }
    if dump is not None:
        Path(dump).write_text(json.dumps(dumped, ensure_ascii=False), encoding="utf-8")
    return {
        "split": split,
        "documents": len(docs),
        "gold_quotes": sum(len(d.groups) for d in docs),
        "seconds": seconds,
        "metrics": metrics,
        "per_form": per_form,
        "component_errors": dict(COMPONENT_ERRORS),
    }
