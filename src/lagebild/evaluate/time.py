"""Evaluation of the time layer on WikiWarsDE (German, TIMEX2 gold with DCT) and WikiWars (English).

WikiWarsDE (``time/wikiwarsde``): 11 documents available (the organisers hold out the rest). We split
them by document into a dev part (looked at while writing the rules) and a test part (only evaluated
at the end): see :data:`DE_DEV` / :data:`DE_TEST`. Gold comes from the inline files (``keyinline/``):
tags are stripped and character offsets computed into the ``<TEXT>`` body, which is what we tag.

English WikiWars (``time/wikiwars_en``) only ships mentions with a ~200-character context and no
DCT. We rebuild approximate documents by merging each document's contexts in order (overlapping
contexts are joined, others separated by a paragraph break) and score them like WikiWarsDE; copies of
a gold mention's string outside its own context are ignored for precision.

Metrics (documents are tagged in "narrative" mode, like history texts):

* extraction P/R/F1, strict (same span) and relaxed (overlapping spans);
* value P/R/F1: a prediction counts when it overlaps a gold expression and their values are equal
  after normalising trivial TIMEX2/TIMEX3 differences (seconds ``:00``, equivalent durations such as
  ``P2D`` = ``PT48H``, ``P1Y`` = ``P12M``); ``strict_value`` additionally needs the exact span.
"""

from __future__ import annotations

import html
import json
import re
import time as _time
from dataclasses import dataclass, field
from pathlib import Path

from ..settings import data_path

DE_DEV = ("01_WW2", "07_IraqWar", "09_GrecoPersian", "13_RussianCivWar", "17_AlgerianWar", "21_NigerianCivilWar")
DE_TEST = ("03_AmCivWar", "05_VietnamWar", "11_ChineseCivWar", "15_MexicanRev", "19_RussoJap")
WIKIWARSDE_DIR = ("time", "wikiwarsde", "WikiWarsDE_20110412")

_TAG = re.compile(r"<TIMEX2([^>]*)>|</TIMEX2>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class GoldTimex:
    start: int
    end: int
    text: str
    value: str | None
    mod: str | None = None


@dataclass
class EvalDoc:
    id: str
    text: str
    dct: str | None
    gold: list[GoldTimex] = field(default_factory=list)


def parse_inline(raw: str) -> tuple[str, list[GoldTimex]]:
    """Strip TIMEX2 tags from an inline-annotated text; return the plain text and the gold spans
    (nested tags give one gold expression each)."""
    out: list[str] = []
    gold: list[GoldTimex] = []
    stack: list[tuple[int, dict[str, str]]] = []
    pos = 0
    length = 0
    for m in _TAG.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(0).startswith("</"):
            start, attrs = stack.pop()
            gold.append(GoldTimex(start, length, "", attrs.get("val"), attrs.get("mod")))
        else:
            stack.append((length, dict(_ATTR.findall(m.group(1)))))
    out.append(raw[pos:])
    text = "".join(out)
    for g in gold:
        g.text = text[g.start : g.end]
    gold.sort(key=lambda g: (g.start, -g.end))
    return text, gold


def load_wikiwarsde(split: str = "all") -> list[EvalDoc]:
    """WikiWarsDE documents of ``split`` ("dev", "test" or "all") with gold offsets into the body."""
    ids = {"dev": DE_DEV, "test": DE_TEST, "all": DE_DEV + DE_TEST}.get(split)
    if ids is None:
        raise ValueError(f"split {split!r} is not valid; valid: dev, test, all")
    base = data_path(*WIKIWARSDE_DIR)
    docs = []
    for doc_id in ids:
        raw = (base / "keyinline" / f"{doc_id}.key.xml").read_text(encoding="utf-8")
        full, gold = parse_inline(raw)
        m = re.search(r"<DATETIME>\s*(\S+)\s*</DATETIME>", full)
        dct = m.group(1) if m else None
        t0 = full.index("<TEXT>") + len("<TEXT>")
        t1 = full.index("</TEXT>")
        body = full[t0:t1]
        doc_gold = [
            GoldTimex(g.start - t0, g.end - t0, g.text, g.value, g.mod)
            for g in gold
            if g.start >= t0 and g.end <= t1
        ]
        docs.append(EvalDoc(doc_id, body, dct, doc_gold))
    return docs


# --------------------------------------------------------------------------- value normalisation
_DUR = re.compile(r"^P(?:(\d+(?:\.\d+)?)([YMWD]|DE|CE))?(?:T(\d+(?:\.\d+)?)([HMS]))?$")
_DUR_DAYS = {"Y": 365, "M": 30, "W": 7, "D": 1, "DE": 3650, "CE": 36500}
_DUR_SECONDS = {"H": 3600, "M": 60, "S": 1}


def _duration_key(v: str) -> tuple | None:
    m = _DUR.match(v)
    if not m or not (m.group(1) or m.group(3)):
        return None
    if m.group(1) and m.group(3):
        return None
    if m.group(1):
        n, u = float(m.group(1)), m.group(2)
        if u in ("Y", "M", "DE", "CE"):  # calendar units: compare in months
            months = n * {"Y": 12, "M": 1, "DE": 120, "CE": 1200}[u]
            return ("months", months)
        return ("seconds", n * _DUR_DAYS[u] * 86400)
    return ("seconds", float(m.group(3)) * _DUR_SECONDS[m.group(4)])


def normalise_value(v: str | None) -> str | None:
    if v is None:
        return None
    v = v.strip().upper()
    if not v:
        return None
    v = re.sub(r"(T\d\d:\d\d):00$", r"\1", v)
    return v


def values_equal(gold: str | None, pred: str | None) -> bool:
    g, p = normalise_value(gold), normalise_value(pred)
    if g is None or p is None:
        return False
    if g == p:
        return True
    dg, dp = _duration_key(g), _duration_key(p)
    return dg is not None and dg == dp


# --------------------------------------------------------------------------- scoring
@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    strict: int = 0
    relaxed_gold: int = 0  # gold expressions overlapped by a prediction
    relaxed_pred: int = 0  # predictions overlapping a gold expression
    value: int = 0  # predictions overlapping a gold expression with an equal value
    strict_value: int = 0
    seconds: float = 0.0
    docs: int = 0

    def add(self, other: "Counts") -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))

    def metrics(self, prefix: str) -> dict[str, float]:
        def prf(tp_p: float, tp_r: float) -> tuple[float, float, float]:
            p = tp_p / self.pred if self.pred else 0.0
            r = tp_r / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        out: dict[str, float] = {}
        for name, (tp_p, tp_r) in {
            "strict": (self.strict, self.strict),
            "relaxed": (self.relaxed_pred, self.relaxed_gold),
            "value": (self.value, self.value),
            "strict_value": (self.strict_value, self.strict_value),
        }.items():
            p, r, f = prf(tp_p, tp_r)
            out[f"{prefix}{name}_p"], out[f"{prefix}{name}_r"], out[f"{prefix}{name}_f1"] = p, r, f
        out[f"{prefix}gold"] = float(self.gold)
        out[f"{prefix}pred"] = float(self.pred)
        out[f"{prefix}ms_per_doc"] = 1000 * self.seconds / self.docs if self.docs else 0.0
        return out


def score(gold: list[GoldTimex], pred: list, errors: list | None = None) -> Counts:
    """Compare one document's predictions (objects with start, end, value) with its gold."""
    c = Counts(gold=len(gold), pred=len(pred))
    gold_hit = [False] * len(gold)
    for p in pred:
        overl = [i for i, g in enumerate(gold) if g.start < p.end and p.start < g.end]
        if not overl:
            if errors is not None:
                errors.append(("FP", p.text, p.value, None, None))
            continue
        c.relaxed_pred += 1
        exact = [i for i in overl if gold[i].start == p.start and gold[i].end == p.end]
        if exact:
            c.strict += 1
        for i in overl:
            gold_hit[i] = True
        if any(values_equal(gold[i].value, p.value) for i in overl):
            c.value += 1
            if any(values_equal(gold[i].value, p.value) for i in exact):
                c.strict_value += 1
        elif errors is not None:
            g = gold[overl[0]]
            errors.append(("VAL", p.text, p.value, g.text, g.value))
    c.relaxed_gold = sum(gold_hit)
    if errors is not None:
        for i, g in enumerate(gold):
            if not gold_hit[i]:
                errors.append(("FN", None, None, g.text, g.value))
    return c


def evaluate_wikiwarsde(tagger, split: str = "all", errors: list | None = None) -> tuple[Counts, dict[str, Counts]]:
    total = Counts()
    per_doc: dict[str, Counts] = {}
    for doc in load_wikiwarsde(split):
        t0 = _time.perf_counter()
        pred = tagger.tag(doc.text, doc.dct)
        elapsed = _time.perf_counter() - t0
        c = score(doc.gold, pred, errors)
        c.seconds, c.docs = elapsed, 1
        per_doc[doc.id] = c
        total.add(c)
    return total, per_doc


# --------------------------------------------------------------------------- English WikiWars
def _clean_context(ctx: str) -> str:
    """Drop the (partial) TIMEX2 tags some WikiWars contexts contain, keeping their text."""
    ctx = re.sub(r"</?TIMEX2[^>]*>", "", ctx)
    ctx = re.sub(r"<(?:/?T?I?M?E?X?2?)[^>]*$", "", ctx)  # a tag cut at the end
    head = re.match(r"^[^<>]*?=\"[^<>]*>", ctx)  # attributes of a tag cut at the start
    if head:
        ctx = ctx[head.end() :]
    ctx = re.sub(r"^/?TIMEX2>", "", ctx)
    return html.unescape(ctx)


def load_wikiwars_en(curated: bool = False) -> list[dict]:
    name = "wikiwars_curated.json" if curated else "wikiwars_all.json"
    return json.loads(data_path("time", "wikiwars_en", name).read_text(encoding="utf-8"))


def stitch_wikiwars_en(curated: bool = False) -> list[tuple[EvalDoc, list[tuple[int, int]]]]:
    """Rebuild approximate documents from the English mentions: the contexts of one document, in
    order, are merged where they overlap and joined by a paragraph break where they do not. Returns
    ``(doc, ignore)`` pairs; ``ignore`` are other copies of gold mention strings (a mention seen at
    the edge of a neighbour's context), where a prediction is neither right nor wrong."""
    by_doc: dict[str, list[dict]] = {}
    for m in load_wikiwars_en(curated):
        by_doc.setdefault(m["doc"], []).append(m)
    out = []
    for doc_id, mentions in by_doc.items():
        text = ""
        gold: list[GoldTimex] = []
        for m in mentions:
            ctx = _clean_context(m["context"])
            target = m["text"]
            positions = [i.start() for i in re.finditer(re.escape(target), ctx)]
            if not positions:
                continue
            mid = len(ctx) / 2
            s = min(positions, key=lambda i: abs(i + len(target) / 2 - mid))
            pos = text.rfind(ctx[:25], max(0, len(text) - 600)) if text else -1
            if pos >= 0 and ctx.startswith(text[pos:]):
                offset = pos
                text += ctx[len(text) - pos :]
            else:
                text += ("\n\n" if text else "")
                offset = len(text)
                text += ctx
            start = offset + s
            if not any(g.start == start and g.end == start + len(target) for g in gold):
                gold.append(GoldTimex(start, start + len(target), target, m.get("val")))
        gold.sort(key=lambda g: g.start)
        ignore = []
        for t in {g.text for g in gold}:
            for i in re.finditer(r"(?<!\w)" + re.escape(t) + r"(?!\w)", text):
                if not any(g.start < i.end() and i.start() < g.end for g in gold):
                    ignore.append(i.span())
        out.append((EvalDoc(doc_id, text, None, gold), ignore))
    return out


def evaluate_wikiwars_en(tagger, curated: bool = False, errors: list | None = None) -> Counts:
    """English WikiWars on documents stitched from the mention contexts (no DCT; see
    :func:`stitch_wikiwars_en`)."""
    total = Counts()
    for doc, ignore in stitch_wikiwars_en(curated):
        t0 = _time.perf_counter()
        pred = tagger.tag(doc.text, None)
        elapsed = _time.perf_counter() - t0
        pred = [p for p in pred
                if any(g.start < p.end and p.start < g.end for g in doc.gold)
                or not any(s < p.end and p.start < e for s, e in ignore)]
        c = score(doc.gold, pred, errors)
        c.seconds, c.docs = elapsed, 1
        total.add(c)
    return total


def format_table(rows: dict[str, dict[str, float]]) -> str:
    lines = [
        f"{'set':<28} {'gold':>5} {'pred':>5}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}  "
        f"{'value P/R/F1':>20}  {'ms/doc':>7}"
    ]
    for name, m in rows.items():
        def trip(k: str) -> str:
            return f"{m[k + '_p']:.3f}/{m[k + '_r']:.3f}/{m[k + '_f1']:.3f}"

        if name.startswith("SmartData"):  # no values in the gold
            m = dict(m, value_p=float("nan"), value_r=float("nan"), value_f1=float("nan"))
        lines.append(
            f"{name:<28} {int(m['gold']):>5} {int(m['pred']):>5}  {trip('strict'):>20}  {trip('relaxed'):>20}  "
            f"{trip('value'):>20}  {m['ms_per_doc']:>7.2f}"
        )
    return "\n".join(lines)


def unprefixed(metrics: dict[str, float], prefix: str) -> dict[str, float]:
    return {k[len(prefix) :]: v for k, v in metrics.items() if k.startswith(prefix)}


def data_available() -> bool:
    try:
        return Path(data_path(*WIKIWARSDE_DIR)).exists()
    except FileNotFoundError:
        return False


# --------------------------------------------------------------------------- SmartData (German news)
SMARTDATA_TYPES = ("date", "time", "duration")


def load_smartdata(split: str = "train") -> list[EvalDoc]:
    """DFKI SmartData (German news, RSS and tweets): date/time/duration mentions as extraction gold
    (its ``normalizedValue`` is the surface text, so values cannot be scored). ``train`` serves as
    our dev set, ``test`` as the held-out set."""
    import gzip

    if split not in ("train", "test"):
        raise ValueError(f"SmartData split {split!r} is not valid; valid: train, test")
    raw = gzip.open(data_path("ner", "smartdata", "v1_20180119", f"{split}.json.gz"), "rt",
                    encoding="utf-8").read()
    dec = json.JSONDecoder()
    i, docs = 0, []
    while i < len(raw):
        while i < len(raw) and raw[i].isspace():
            i += 1
        if i >= len(raw):
            break
        obj, i = dec.raw_decode(raw, i)
        text = obj["text"]["string"]
        date = (obj.get("date") or {}).get("string")
        gold = []
        for m in (obj.get("conceptMentions") or {}).get("array", []):
            if m["type"] in SMARTDATA_TYPES:
                s, e = m["span"]["start"], m["span"]["end"]
                gold.append(GoldTimex(s, e, text[s:e], None, m["type"]))
        docs.append(EvalDoc(obj["id"], text, date, gold))
    return docs


def evaluate_smartdata(tagger, split: str = "train", errors: list | None = None,
                       limit: int | None = None) -> Counts:
    """Extraction only (strict/relaxed); value metrics are not meaningful here."""
    total = Counts()
    for doc in load_smartdata(split)[:limit]:
        t0 = _time.perf_counter()
        pred = tagger.tag(doc.text, doc.dct)
        total.seconds += _time.perf_counter() - t0
        total.docs += 1
        total.add(score(doc.gold, pred, errors))
    return total
