"""Event trigger lexicons (``lang/<lang>/events/triggers.tsv``), closed word classes
(``markers.tsv``) and the CAMEO→PLOVER table (``pipeline/events/data/cameo_plover.tsv``)."""

from __future__ import annotations

import re

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...lang import lang_file, read_table

NOUN_ENDINGS = {"de": ("en", "n", "e", "s", "es", "er"), "en": ("es", "s")}


@dataclass(frozen=True)
class Trigger:
    cameo: str  # "-" = veto
    kind: str  # verb | noun | phrase
    stems: tuple[str, ...]
    particle: str = ""
    context: tuple[str, ...] = ()
    words: tuple[str, ...] = ()  # phrase: one stem per word
    unless: tuple[str, ...] = ()  # "!stem" context: no trigger when one of these is the word before or its object


    @property
    def veto(self) -> bool:
        return self.cameo == "-"


class Markers:
    def __init__(self, rows: list[list[str]]):
        self.words: dict[str, set[str]] = {}
        self.stems: dict[str, tuple[str, ...]] = {}
        for row in rows:
            if len(row) < 2:
                continue
            name = row[0].strip()
            items = [w.strip().lower() for w in row[1].split("|") if w.strip()]
            self.words[name] = {w for w in items if not w.endswith("*")}
            self.stems[name] = tuple(w[:-1] for w in items if w.endswith("*"))

    def has(self, name: str, word: str) -> bool:
        w = word.lower()
        return w in self.words.get(name, ()) or any(w.startswith(s) for s in self.stems.get(name, ()))


class EventLexicon:
    def __init__(self, lang: str):
        self.lang = lang
        self.verbs: list[Trigger] = []
        self.nouns: list[tuple[str, Trigger]] = []
        self.phrases: list[Trigger] = []
        for row in read_table(lang_file(lang, "events", "triggers.tsv")):
            row = row + [""] * (4 - len(row))
            cameo, kind, pattern, context = row[0].strip(), row[1].strip(), row[2].strip(), row[3].strip()
            if not pattern or pattern == "-":
                continue
            ctx_all = [c.strip().lower() for c in context.split("|") if c.strip()]
            ctx = tuple(c for c in ctx_all if not c.startswith("!"))
            unless = tuple(c[1:] for c in ctx_all if c.startswith("!"))
            particle = ""
            if kind == "verb" and ":" in pattern:
                particle, pattern = pattern.split(":", 1)
            stems = tuple(s.strip().lower() for s in pattern.split("|") if s.strip())
            if kind == "phrase" or (kind in ("noun", "verb") and any(" " in s for s in stems)):
                for s in stems:
                    # English tokens split at a hyphen between letters ("sit", "-", "in"), so must the phrase
                    words = re.sub(r"(?<=\w)-(?=\w)", " - ", s).split() if lang == "en" else s.split()
                    self.phrases.append(Trigger(cameo, "phrase", (s,), context=ctx, words=tuple(words)))
                if kind == "phrase":
                    continue
                stems = tuple(s for s in stems if " " not in s)
            if kind == "verb":
                self.verbs.append(Trigger(cameo, "verb", stems, particle.strip().lower(), ctx, unless=unless))
            elif kind == "noun":
                trig = Trigger(cameo, "noun", stems, context=ctx, unless=unless)
                self.nouns.extend((s, trig) for s in stems)
        self.nouns.sort(key=lambda x: -len(x[0]))
        # indexes: verbs by the first three letters of a stem, nouns by the last three, phrases by the first word
        self.verb_index: dict[str, list[tuple[str, Trigger]]] = {}
        for trig in self.verbs:
            for stem in trig.stems:
                self.verb_index.setdefault(stem[:3], []).append((stem, trig))
        self.particles = sorted({t.particle for t in self.verbs if t.particle}, key=len, reverse=True)
        self.noun_index: dict[str, list[tuple[str, Trigger]]] = {}
        for stem, trig in self.nouns:
            self.noun_index.setdefault(stem[-3:], []).append((stem, trig))
        self.phrase_index: dict[str, list[Trigger]] = {}
        for trig in self.phrases:
            self.phrase_index.setdefault(trig.words[0][:3], []).append(trig)
        self.markers = Markers(read_table(lang_file(lang, "events", "markers.tsv")))
        self.noun_endings = NOUN_ENDINGS.get(lang, ())


    def verb_candidates(self, t: str) -> list[tuple[str, Trigger]]:
        keys = {t[:3]}
        if self.lang == "de" and t.startswith("ge"):
            keys.add(t[2:5])
        for p in self.particles:
            if t.startswith(p):
                rest = t[len(p):]
                for pre in ("", "ge", "zu"):
                    if rest.startswith(pre):
                        keys.add(rest[len(pre):][:3])
        out: list[tuple[str, Trigger]] = []
        for k in keys:
            out.extend(self.verb_index.get(k, ()))
        return out

    def noun_candidates(self, forms: list[str]) -> list[tuple[str, Trigger]]:
        out: list[tuple[str, Trigger]] = []
        for f in forms:
            out.extend(self.noun_index.get(f[-3:], ()))
        # longest stem first; for the same stem an entry with context first (it beats one without)
        out.sort(key=lambda x: (-len(x[0]), not x[1].context))
        return out


@lru_cache(maxsize=4)
def get_event_lexicon(lang: str) -> EventLexicon:
    return EventLexicon(lang)


@lru_cache(maxsize=1)
def cameo_plover() -> dict[str, tuple[str, str | None]]:
    path = Path(str(resources.files("lagebild") / "pipeline" / "events" / "data" / "cameo_plover.tsv"))
    out: dict[str, tuple[str, str | None]] = {}
    for row in read_table(path):
        row = row + [""] * (3 - len(row))
        out[row[0].strip()] = (row[1].strip(), row[2].strip() or None)
    return out


def plover_for(cameo: str) -> tuple[str | None, str | None]:
    """PLOVER (type, mode) of a CAMEO code: the most specific entry of the table that is a prefix."""
    table = cameo_plover()
    for n in range(len(cameo), 1, -1):
        hit = table.get(cameo[:n])
        if hit:
            mode = hit[1] if n == len(cameo) or len(cameo[:n]) > 2 else None
            return hit[0], mode
    return None, None


def codebook_cameo(cameo: str, status: str | None, polarity: str | None) -> str:
    """The CAMEO code a CAMEO coder would give an event we code as action + status/polarity.

    The engine keeps the action's own code in ``Event.cameo`` (an announced withdrawal stays 0874 with status
    "planned"). The CAMEO codebook instead codes the announcement: an intended cooperative action (roots 05-08)
    is 03 (express intent to cooperate), an intended coercive or violent action (14-20) is 13 (threaten), and a
    negated cooperative action (03-08, "refused to release", "would not give permission") is 12 (reject). This is
    the CAMEO counterpart of the PLOVER mapping (AGREE/THREATEN/REJECT) the engine applies itself. A denied
    action ("Iran denied helping the rebels") is coded as the denial (016, deny responsibility or involvement).
    """
    root = cameo[:2]
    if status == "denied" and root != "01":
        return "016"
    if polarity == "negative" and root in ("03", "04", "05", "06", "07", "08"):
        return "12"
    if status == "planned" and polarity != "negative":
        if root in ("05", "06", "07", "08"):
            return "03"
        if root in ("14", "15", "16", "17", "18", "19", "20"):
            return "13"
    return cameo
