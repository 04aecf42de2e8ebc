"""Language data of the quotation layer, read from ``lagebild/lang/<lang>/quotes/`` (plain text files).

Everything language-specific that is a *list* lives in those files; this module only parses them and
generates inflected verb forms from the stems given there (German weak/strong conjugation, English
regular forms).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...lang import read_table

_INSEPARABLE = ("be", "emp", "ent", "er", "ge", "miss", "ver", "zer", "über", "unter", "hinter", "wider")


@dataclass(frozen=True)
class CueVerb:
    lemma: str
    stwr: str
    particle: str | None  # separable particle ("mit" for "teilte ... mit"), None if none
    kind: str  # "finite" (may need its particle) | "participle" | "joined" (particle already attached)


@dataclass
class QuoteLexicon:
    lang: str
    verbs: dict[str, list[CueVerb]] = field(default_factory=dict)  # lower form -> entries
    phrases: list[tuple[tuple[str, ...], str, str]] = field(default_factory=list)  # words, stwr, kind
    prepositions: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # word -> [(position, cond)]
    info_nouns: set[str] = field(default_factory=set)
    opinion_nouns: set[str] = field(default_factory=set)
    marks: list[tuple[str, str]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)  # role noun -> gender
    pronouns: dict[str, str] = field(default_factory=dict)  # pronoun -> gender/number
    subjunctive: set[str] = field(default_factory=set)
    free_indirect: set[str] = field(default_factory=set)
    reporting_nouns: dict[str, str] = field(default_factory=dict)
    words: dict[str, set[str]] = field(default_factory=dict)  # named word classes (words.tsv)

    def word_class(self, name: str) -> set[str]:
        return self.words.get(name, set())


def _data_dir(lang: str) -> Path:
    return Path(str(resources.files("lagebild") / "lang" / lang / "quotes"))


def _german_forms(conj: str, particle: str | None) -> list[tuple[str, str]]:
    """(form, kind) pairs of a German verb given as ``weak:STEM[,extra...]`` or ``strong:PRES,PAST,PART[,extra]``."""
    kind, _, spec = conj.partition(":")
    parts = [p for p in spec.split(",") if p]
    out: list[tuple[str, str]] = []
    if kind == "weak":
        stem, extra = parts[0], parts[1:]
        e = "e" if stem.endswith(("t", "d", "chn", "ffn")) or (
            stem[-1:] in ("n", "m") and stem[-2:-1] not in tuple("aeiouäöülrhmn")
        ) else ""
        finite = [stem + "e", stem + "st", stem + e + "t", stem + "en" if not stem.endswith(("er", "el")) else stem + "n",
                  stem + e + "te", stem + e + "ten", stem + e + "test", stem + e + "tet"]
        if stem.endswith(("er", "el")):
            finite += [stem + "t", stem + "te", stem + "ten"]
        no_ge = stem.startswith(_INSEPARABLE) or stem.endswith("ier")
        part = (stem + e + "t") if no_ge else ("ge" + stem + e + "t")
        out += [(f, "finite") for f in finite + extra]
        out.append((part, "participle"))
        if particle:
            out.pop()  # "gemacht" alone is not "bekanntgemacht"
            out.append((particle + part if not no_ge else particle + "ge" + stem + e + "t", "participle"))
            out += [(particle + f, "joined") for f in finite]
            out.append((particle + "zu" + stem + ("en" if not stem.endswith(("er", "el")) else "n"), "joined"))
    elif kind == "strong":
        pres, past, participle, *extra = parts
        finite = [pres + "e", pres + "st", pres + "t", pres + "en", past, past + "en", past + "st", past + "t"]
        finite += [p for p in extra]
        if pres.endswith(("t", "d")):
            finite += [pres + "et"]
        out += [(f, "finite") for f in finite]
        if not particle or participle.startswith(particle):
            out.append((participle, "participle"))
        if particle:
            out += [(particle + f, "joined") for f in finite]
            out.append((particle + pres + "en", "joined"))
    else:
        raise ValueError(f"conjugation {conj!r}: expected 'weak:STEM' or 'strong:PRES,PAST,PART'")
    return out


def _english_forms(conj: str) -> list[tuple[str, str]]:
    kind, _, spec = conj.partition(":")
    parts = [p for p in spec.split(",") if p]
    if kind == "regular":
        stem = parts[0]
        base = stem
        past = stem + ("d" if stem.endswith("e") else "ed")
        third = stem + ("es" if stem.endswith(("s", "sh", "ch", "x")) else "s")
        ing = (stem[:-1] if stem.endswith("e") else stem) + "ing"
        return [(base, "finite"), (third, "finite"), (past, "finite"), (ing, "participle")] + [
            (p, "finite") for p in parts[1:]
        ]
    if kind == "forms":
        return [(p, "finite") for p in parts]
    raise ValueError(f"conjugation {conj!r}: expected 'regular:STEM' or 'forms:a,b,c'")


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> QuoteLexicon:
    base = _data_dir(lang)
    if not base.exists():
        raise ValueError(f"no quotation data for language {lang!r} (looked in {base})")
    lex = QuoteLexicon(lang=lang)
    for row in read_table(base / "cue_verbs.tsv"):
        lemma, stwr, conj = row[0], row[1], row[2]
        particle = row[3] if len(row) > 3 and row[3] else None
        forms = _german_forms(conj, particle) if lang == "de" else _english_forms(conj)
        for form, kind in forms:
            lex.verbs.setdefault(form.lower(), []).append(CueVerb(lemma, stwr, particle, kind))
    for row in read_table(base / "cue_phrases.tsv"):
        lex.phrases.append((tuple(w.lower() for w in row[0].split()), row[1], row[2] if len(row) > 2 else "verb"))
    lex.phrases.sort(key=lambda p: -len(p[0]))
    for row in read_table(base / "prepositions.tsv"):
        lex.prepositions.setdefault(row[0].lower(), []).append((row[1], row[2] if len(row) > 2 else ""))
    lex.info_nouns = {r[0] for r in read_table(base / "info_nouns.txt")}
    lex.opinion_nouns = {r[0] for r in read_table(base / "opinion_nouns.txt")}
    lex.marks = [(r[0], r[1]) for r in read_table(base / "quote_marks.tsv")]
    lex.roles = {r[0]: (r[1] if len(r) > 1 else "") for r in read_table(base / "role_nouns.txt")}
    lex.pronouns = {r[0]: (r[1] if len(r) > 1 else "") for r in read_table(base / "pronouns.tsv")}
    lex.subjunctive = {r[0].lower() for r in read_table(base / "subjunctive.txt")}
    lex.free_indirect = {r[0].lower() for r in read_table(base / "free_indirect.txt")}
    lex.reporting_nouns = {r[0]: (r[1] if len(r) > 1 else "speech") for r in read_table(base / "reporting_nouns.txt")}
    for row in read_table(base / "words.tsv"):
        lex.words.setdefault(row[0], set()).update(w.lower() for w in (row[1].split() if len(row) > 1 else []))
    return lex
