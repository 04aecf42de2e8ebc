"""Loading a language's time data (``lagebild/lang/<code>/time/*.txt``) and compiling its pattern table.

Everything language-specific lives in the data files; this module only knows the file format:

* word lists: ``form<TAB>column...`` per line, ``#`` comments, braces expand like a shell
  (``Januar{,s}`` is ``Januar`` and ``Januars``). A form starting with a lower-case letter also matches
  with a capital first letter (sentence starts).
* ``cues.txt``: ``form<TAB>ROLE``; each role becomes a lexicon class named ``role.lower()``.
* ``patterns.txt``: ``name<TAB>resolver<TAB>template[<TAB>options]`` and macro lines ``@name<TAB>regex``.
  See the header of ``lang/de/time/patterns.txt`` for the template syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ...lang import expand, read_table  # noqa: F401  (expand: part of this module's API)

# data file stem -> lexicon class name used in templates and by the resolvers
LEXICON_FILES = {
    "months": "month",
    "weekdays": "weekday",
    "numbers": "number",
    "ordinals": "ordinal",
    "units": "unit",
    "shifts": "shift",
    "parts": "part",
    "periodparts": "periodpart",
    "seasons": "season",
    "dayparts": "daypart",
    "deictic": "deictic",
    "timezones": "tz",
    "decades": "decadeword",
    "approx": "approx",
    "holidays": "holiday",
}

# built-in classes (language-independent digit shapes)
BUILTINS = {
    "day": r"(?<![\d.,])(?:0?[1-9]|[12][0-9]|3[01])(?!\d)",
    "mm": r"(?:0?[1-9]|1[0-2])(?!\d)",
    "year": r"(?<![\d.,])(?:1[0-9]{3}|20[0-9]{2})(?!\d|[.,]\d)",
    "yy": r"(?<!\d)[0-9]{2}(?!\d)",
    "nyear": r"(?:1[0-9]{3}|20[0-9]{2})(?!\d|[.,]\d)",  # year inside a numeric date (after a dot)
    "bcyear": r"(?<![\d.,])[0-9]{1,4}(?!\d|[.,]\d)",
    "hour": r"(?<![\d.,])(?:[01]?[0-9]|2[0-4])(?!\d)",
    "minute": r"[0-5][0-9](?!\d)",
    "second": r"[0-5][0-9](?!\d)",
    "decade": r"(?<![\d.,])(?:[0-9]{1,3}0)",
    "int": r"(?<![\d.,])\d+(?!\d)",
}

_REF = re.compile(r"\{([a-z_][a-z0-9_]*)(?::([a-z_][a-z0-9_]*))?\}")
_GROUP = re.compile(r"\(\?P<([a-zA-Z_][a-zA-Z0-9_]*)>")


@dataclass
class Lexicon:
    """One word class: surface forms and the data columns of each (looked up case-insensitively)."""

    name: str
    entries: dict[str, tuple[str, ...]] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)

    def add(self, form: str, columns: tuple[str, ...]) -> None:
        for surface in expand(form):
            self.forms.add(surface)
            if surface[:1].islower():
                self.forms.add(surface[:1].upper() + surface[1:])
            self.entries.setdefault(surface, columns)
            self.entries.setdefault(surface.lower(), columns)

    def get(self, text: str) -> tuple[str, ...] | None:
        text = " ".join(text.split())
        return self.entries.get(text) or self.entries.get(text.lower())

    def regex(self) -> str:
        """One regex for all forms, factored as a trie (much faster than a flat alternation)."""
        if not self.forms:
            return "(?!x)x"
        return _trie_regex([tuple(f.split()) for f in self.forms])


def _trie_regex(forms: list[tuple[str, ...]]) -> str:
    """A prefix-factored regex matching each form (words joined by whitespace); longest first."""
    trie: dict = {}
    for words in forms:
        node = trie
        text = "\x00".join(words)  # \x00 marks a word gap (one or more spaces)
        for ch in text:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            piece = r"\s+" if ch == "\x00" else re.escape(ch)
            alts.append(piece + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if end else body

    return "(?:" + build(trie) + ")"


@dataclass
class Pattern:
    name: str
    resolver: str
    regex: re.Pattern[str]
    options: dict[str, str]
    group_class: dict[str, str]  # group name -> class name
    order: int


@dataclass
class TimeLanguage:
    lang: str
    lexicons: dict[str, Lexicon]
    patterns: list[Pattern]
    options: dict[str, str] = field(default_factory=dict)

    def lookup(self, cls: str, text: str) -> tuple[str, ...] | None:
        lex = self.lexicons.get(cls)
        return lex.get(text) if lex else None


def data_dir(lang: str) -> Path:
    return Path(str(resources.files("lagebild") / "lang" / lang / "time"))


def _compile_template(
    template: str, classes: dict[str, str], name: str
) -> tuple[str, dict[str, str]]:
    group_class: dict[str, str] = {}

    def sub(m: re.Match[str]) -> str:
        cls, group = m.group(1), m.group(2) or m.group(1)
        if group in group_class and m.group(2) is None:  # a repeated helper class: keep it anonymous
            return f"(?:{classes[cls]})" if cls in classes else m.group(0)
        if cls not in classes:
            raise ValueError(
                f"time pattern {name!r}: unknown class {{{cls}}}; valid: {', '.join(sorted(classes))}"
            )
        group_class[group] = cls
        return f"(?P<{group}>{classes[cls]})"

    # protect regex quantifiers like {1,3} (digits) from the class substitution
    body = _REF.sub(sub, template)
    body = body.replace(" ", r"\s+").replace("~", r"\s*")
    for g in _GROUP.findall(template):
        group_class.setdefault(g, g)
    return r"(?<!\w)(?:" + body + r")(?!\w)", group_class


@lru_cache(maxsize=None)
def load_language(lang: str) -> TimeLanguage:
    """Load and compile the time data of ``lang`` (cached per process)."""
    base = data_dir(lang)
    if not (base / "patterns.txt").exists():
        raise ValueError(f"no time data for language {lang!r} (expected {base}/patterns.txt)")
    lexicons: dict[str, Lexicon] = {}
    for stem, cls in LEXICON_FILES.items():
        lex = Lexicon(cls)
        path = base / f"{stem}.txt"
        if path.exists():
            for row in read_table(path):
                lex.add(row[0], tuple(row[1:]))
        lexicons[cls] = lex
    cue_path = base / "cues.txt"
    if cue_path.exists():
        for row in read_table(cue_path):
            role = row[1].lower()
            lexicons.setdefault(role, Lexicon(role)).add(row[0], (row[1],))
    classes = {name: lex.regex() for name, lex in lexicons.items()}
    classes.update(BUILTINS)
    number_words = lexicons["number"].regex()
    classes["n"] = r"(?:(?<![\d.,])\d+(?:,\d+)?(?!\d)|" + number_words + ")"
    patterns: list[Pattern] = []
    for row in read_table(base / "patterns.txt"):
        if row[0].startswith("@"):
            classes[row[0][1:]] = "(?:" + row[1].replace(" ", r"\s+").replace("~", r"\s*") + ")"
            continue
        if len(row) < 3:
            raise ValueError(f"time pattern line needs name, resolver, template: {row!r}")
        name, resolver, template = row[0], row[1], row[2]
        options = dict(kv.split("=", 1) for kv in (row[3].split() if len(row) > 3 else []))
        source, group_class = _compile_template(template, classes, name)
        try:
            regex = re.compile(source)
        except re.error as exc:
            raise ValueError(f"time pattern {name!r} ({lang}) does not compile: {exc}") from exc
        patterns.append(Pattern(name, resolver, regex, options, group_class, len(patterns)))
    options = {}
    if (base / "options.txt").exists():
        options = {row[0]: row[1] for row in read_table(base / "options.txt")}
    return TimeLanguage(lang, lexicons, patterns, options)
