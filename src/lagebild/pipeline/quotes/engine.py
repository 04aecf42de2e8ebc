"""Rule engine of the quotation layer: finds quotations, their cue, source, addressee and form.

It works on spaCy tokens and uses part-of-speech, morphology (``Mood=Sub``), dependencies and named
entities when the base pipeline provides them; without them it falls back to quote marks, the cue
lexicon and word-class patterns (``lagebild/lang/<lang>/quotes/``). Results are token ranges
(``(start, end)``, end exclusive) in :class:`Candidate` records; the component turns them into
:class:`lagebild.document.Quote` records with character offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...lang.segmentation import dateline_end
from .lexicon import QuoteLexicon

Range = tuple[int, int]

_SUBJ_DEPS = {"sb", "nsubj", "nsubj:pass", "nsubjpass", "csubj", "sbp"}


@dataclass
class Candidate:
    form: str
    message: list[Range]
    cue: list[Range] = field(default_factory=list)
    source: list[Range] = field(default_factory=list)
    addressee: list[Range] = field(default_factory=list)
    stwr: str | None = None
    nested_in: int | None = None  # index into the candidate list
    sentence: int = 0  # index of the sentence holding the cue (or the message start)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.message)

    @property
    def end(self) -> int:
        return max(e for _, e in self.message)

    def tokens(self) -> set[int]:
        return {i for s, e in self.message for i in range(s, e)}


@dataclass
class QuoteSpan:
    """A pair of quotation marks: ``open``/``close`` are token indices of the marks."""

    open: int
    close: int
    quotation: bool = False  # False for titles and scare quotes

    @property
    def range(self) -> Range:
        return (self.open, self.close + 1)


@dataclass(frozen=True)
class RuleOptions:
    """Switches of the rule engine (component config keys of the same names)."""

    reported: bool = True  # reported speech (whole sentences with a reporting verb and a subject)
    free_indirect: bool = True  # Konjunktiv sentences and "soll" hearsay without a frame
    generic_frames: bool = True  # "X räumt ein, dass … sei" with verbs missing from the lexicon


class Analysis:
    """Per-document view of the tokens with the word-class helpers the rules need."""

    def __init__(self, doc: Doc, lex: QuoteLexicon, opts: RuleOptions | None = None):
        self.doc = doc
        self.lex = lex
        self.opts = opts or RuleOptions()
        self.words = [t.text for t in doc]
        self.lower = [w.lower() for w in self.words]
        self.n = len(doc)
        self.has_pos = doc.has_annotation("POS") or doc.has_annotation("TAG")
        self.has_morph = doc.has_annotation("MORPH")
        self.has_dep = doc.has_annotation("DEP")
        if doc.has_annotation("SENT_START"):
            self.sents = [(s.start, s.end) for s in doc.sents]
        else:
            self.sents = [(0, self.n)]
        self.sent_of = [0] * self.n
        for k, (s, e) in enumerate(self.sents):
            for i in range(s, e):
                self.sent_of[i] = k
        self.wc = {name: lex.word_class(name) for name in lex.words}
        self.quote_of = [-1] * self.n  # innermost quotation-mark span holding each token
        self.quotes: list[QuoteSpan] = []
        self.title_end: dict[int, int] = {}  # opening mark of a title/name in quotes -> its closing mark
        self.ent_of = [-1] * self.n
        for k, ent in enumerate(doc.ents):
            for i in range(ent.start, ent.end):
                self.ent_of[i] = k

    # word classes -------------------------------------------------------------------------
    def is_(self, i: int, cls: str) -> bool:
        return 0 <= i < self.n and self.lower[i] in self.wc.get(cls, ())

    def is_punct(self, i: int) -> bool:
        w = self.words[i]
        return not any(ch.isalnum() for ch in w)

    def is_cap(self, i: int) -> bool:
        w = self.words[i]
        return w[:1].isupper() or (w[:1].isdigit() and "-" in w)

    def sent_start(self, i: int) -> int:
        return self.sents[self.sent_of[i]][0]

    def sent_end(self, i: int) -> int:
        return self.sents[self.sent_of[i]][1]

    def is_nounish(self, i: int) -> bool:
        """Noun or proper name (POS when available, else capitalisation in German)."""
        if not 0 <= i < self.n:
            return False
        tok = self.doc[i]
        w = self.words[i]
        if "." in w[1:-1] and w[0].isalnum() and not w[0].isdigit():
            return True  # ndr.de, bildblog.de
        if "-" in w[1:] and w.rsplit("-", 1)[1][:1].isupper():
            return True  # verdi-Verhandlungsführer
        if self.has_pos and tok.pos_:
            if tok.pos_ in ("NOUN", "PROPN", "X") or (tok.pos_ == "NUM" and self.is_cap(i)):
                return True
            if self.lex.lang == "de" and self.is_cap(i) and i != self.sent_start(i) and tok.pos_ in ("ADJ", "ADV", "VERB"):
                return True  # capitalised words inside a German sentence are nouns or names
            return False
        if self.is_punct(i):
            return False
        if self.lex.lang == "de":
            if not self.is_cap(i):
                return False
            if i == self.sent_start(i) or (i > 0 and self.words[i - 1] in ("„", '"', "»", ":")):
                low = self.lower[i]
                if low.endswith(("lich", "ig", "isch", "weise", "falls", "mals", "dings")):
                    return False
                return not any(low in self.wc.get(c, ()) for c in ("det", "prep", "adverb", "conj", "subord", "pron_subj", "aux"))
            return True
        low = self.lower[i]
        if any(low in self.wc.get(c, ()) for c in ("det", "prep", "adverb", "conj", "subord", "aux", "relative", "pron_subj")):
            return False
        if not self.is_cap(i) and low.endswith(("ed", "ing", "ly")):
            return False  # English past forms, gerunds and adverbs end a noun phrase
        return low not in self.lex.verbs

    def is_adjish(self, i: int) -> bool:
        if not 0 <= i < self.n:
            return False
        tok = self.doc[i]
        if self.has_pos and tok.pos_:
            return tok.pos_ in ("ADJ", "NUM") or tok.tag_ in ("ADJA", "CARD")
        w = self.lower[i]
        if w[:1].isdigit():
            return True
        if self.lex.lang == "de":
            if self.is_cap(i) or self.is_punct(i) or "." in w:
                return False
            if any(w in self.wc.get(c, ()) for c in ("det", "prep", "adverb", "conj", "subord", "aux", "relative")):
                return False
            if w in self.lex.verbs:
                return False
            return w.endswith(("e", "en", "er", "es", "em"))
        return False

    def is_verbish(self, i: int) -> bool:
        tok = self.doc[i]
        if self.has_pos and tok.pos_:
            return tok.pos_ in ("VERB", "AUX")
        return self.lower[i] in self.lex.verbs or self.is_(i, "aux") or self.lower[i] in self.lex.subjunctive

    def is_subjunctive(self, i: int) -> bool:
        tok = self.doc[i]
        if self.lex.lang == "de" and ((i > 0 and self.lower[i - 1] in ("ich", "wir")) or (i + 1 < self.n and self.lower[i + 1] in ("ich", "wir"))):
            return False  # "habe ich", "ich habe": first person indicative
        if self.has_morph and tok.morph and "Mood" in tok.morph:
            return "Sub" in tok.morph.get("Mood")
        return self.lower[i] in self.lex.subjunctive


# quotation marks ------------------------------------------------------------------------------


_MAX_QUOTE_TOKENS = 400


def find_quote_spans(an: Analysis) -> list[QuoteSpan]:
    """Pair opening and closing quotation marks (nested pairs allowed; unmatched marks ignored)."""
    closers: dict[str, set[str]] = {}
    for o, c in an.lex.marks:
        closers.setdefault(o, set()).add(c)
    closing_chars = {c for _, c in an.lex.marks}
    stack: list[tuple[str, int]] = []
    spans: list[QuoteSpan] = []
    for i, w in enumerate(an.words):
        if "\n" in w and not w.strip():
            stack.clear()  # quotation marks do not pair across paragraph breaks
            continue
        while stack and i - stack[0][1] > _MAX_QUOTE_TOKENS:
            stack.pop(0)  # an opening mark never closed
        if len(w) != 1:
            continue
        if stack and w in closers.get(stack[-1][0], ()):
            o, oi = stack.pop()
            if i - oi > 1:
                spans.append(QuoteSpan(oi, i))
            continue
        # a closer of an outer pair closes the inner unmatched ones too
        if w in closing_chars and any(w in closers.get(o, ()) for o, _ in stack) and w not in closers:
            while stack and w not in closers.get(stack[-1][0], ()):
                stack.pop()
            if stack:
                o, oi = stack.pop()
                spans.append(QuoteSpan(oi, i))
            continue
        if w in closers:
            stack.append((w, i))
    spans.sort(key=lambda q: (q.open, -q.close))
    for k, q in enumerate(spans):
        for i in range(q.open, q.close + 1):
            an.quote_of[i] = k
    return spans


# Design choices measured on SpkAtt-2023 Task 2 train (kept as constants so the experiments are documented):
_WOLLEN = False  # "X will … prüfen" as reported speech: lowers joint F1 (0.694 -> 0.691)
_BOTH = False  # indirect + nested direct for "… „…“ , sagte X": lowers joint F1
_QUOTE_WHOLE = False  # same, without the direct quote: lowers joint F1
_USE_PARSE = True  # subject of the cue verb from the parser first: +0.002 joint
_FRAGMENTS_OFF = False  # lower-case quoted fragments are direct speech: +0.006 joint


def classify_quote(an: Analysis, q: QuoteSpan, has_frame: bool) -> bool:
    """True if the quote marks hold reported words, False for titles, names and scare quotes."""
    inner = range(q.open + 1, q.close)
    n = len(inner)
    if n <= 0:
        return False
    words = [an.words[i] for i in inner]
    before = q.open - 1
    if before >= 0 and an.is_(before, "scare"):
        return False
    if before >= 1 and an.lower[before - 1] == "so" and an.lower[before].startswith("genannt"):
        return False  # "so genannten „…“"
    # a title noun right before ("die Zeitung „Bild“", "des Wochenmagazins „profil“", "Operation „Sturm“")
    titles = an.wc.get("title_noun", set())
    for j in (q.open - 1, q.open - 2, q.open - 3):
        if j >= 0 and n <= 8 and (an.is_(j, "title_noun") or any(
            an.lower[j].endswith(t) or an.lower[j].rstrip("s").endswith(t) or an.lower[j].endswith(t + "es")
            for t in titles if len(t) >= 5
        )):
            return False
    sentence_like = any(w in (".", "!", "?", "…") for w in words) or n >= 7
    alnum = [i for i in inner if an.words[i][:1].isalnum()]
    if alnum and not any(w in (".", "!", "?") for w in words) and sum(an.is_cap(i) for i in alnum) >= 0.8 * len(alnum) and n >= 3:
        return False  # a multi-word name: „National United Front of Democracy“
    if sentence_like:
        return True
    if before >= 0 and an.words[before] == ":":
        return True
    after = q.close + 1
    if after < an.n and an.words[after] == "," and after + 1 < an.n and (
        an.lower[after + 1] in an.lex.verbs or an.lower[after + 1] in an.lex.prepositions
    ):
        return True
    # short quotes: names and titles are capitalised, fragments of speech usually are not
    if an.words[q.open + 1][:1].islower() and not _FRAGMENTS_OFF:
        return True  # "mit „sehr ergiebigen Niederschlägen“"
    if n <= 4 and all(an.is_cap(i) or an.is_punct(i) or an.is_(i, "det") for i in inner):
        return False
    if before >= 0 and (an.is_(before, "det") or an.is_(before, "gen_det")) and n <= 3:
        # "des „Spiegel“", "die „Friedenspläne“" — an article right before: a name or a scare quote
        return False
    return has_frame and n >= 1


# noun phrases ---------------------------------------------------------------------------------


def np_forward(an: Analysis, i: int, limit: int, *, extend: bool = True) -> Range | None:
    """The noun phrase starting at token ``i`` (heuristic chunker), or None."""
    if i >= limit:
        return None
    j = i
    if an.is_(j, "pron_subj") or (an.has_pos and an.doc[j].pos_ == "PRON" and an.lower[j] not in ("sich",) and not an.is_(j, "det")):
        return (j, j + 1)
    if an.is_(j, "det"):
        j += 1
    while j < limit and (an.is_adjish(j) or an.lower[j] in ("-", "und") and j + 1 < limit and an.is_adjish(j + 1)):
        j += 1
    if j > i and j < limit and an.is_(j, "prep") and an.lex.lang == "de":
        # participial attribute: "einer am Dienstag veröffentlichten Pressemitteilung"
        k = j + 1
        while k < limit and k - j <= 5 and (an.is_nounish(k) or an.is_(k, "det") or an.words[k][:1].isdigit()):
            k += 1
        if k > j + 1 and k < limit and an.is_adjish(k):
            j = k
            while j < limit and an.is_adjish(j):
                j += 1
    start_noun = j
    while j < limit and (an.is_nounish(j) or j in an.title_end):
        if j in an.title_end:
            j = min(limit, an.title_end[j] + 1)  # „Der Spiegel“
            break  # nothing joins a title in quotes ("die „Computerwoche“ Lynch")
        j += 1
    if j == start_noun:
        if j > i and an.lex.lang == "de" and j - i >= 2 and an.is_(i, "det") and an.is_adjish(j - 1):
            return (i, j)  # "die beiden" / nominalised adjective
        return None
    if not extend:
        return (i, j)
    while j < limit:
        if an.is_(j, "gen_det") and an.lex.lang == "de":
            sub = np_forward(an, j, limit, extend=False)
            if sub and sub[1] > j + 1:
                j = sub[1]
                continue
            break
        if an.lex.lang == "en" and an.lower[j] == "of":
            sub = np_forward(an, j + 1, limit, extend=False)
            if sub:
                j = sub[1]
                continue
            break
        if an.lower[j] in ("und", "sowie", "and") and j + 1 < limit and (an.is_nounish(j + 1) or an.is_(j + 1, "det")) and not an.is_verbish(j + 1):
            sub = np_forward(an, j + 1, limit, extend=False)
            if sub and (sub[1] >= limit or not an.is_verbish(sub[1]) or an.lower[sub[1]] not in an.lex.verbs or True):
                j = sub[1]
                continue
            break
        if an.lower[j] == "in" and an.lex.lang == "de" and j + 1 < limit and an.is_nounish(j + 1) and (
            j + 2 >= limit or not an.is_nounish(j + 2)
        ) and an.doc[j + 1].ent_type_ in ("", "LOC", "GPE"):
            j += 2  # "des Kraftfahrt-Bundesamtes in Flensburg"
            continue
        if an.lower[j] in ("von", "vom") and j + 1 < limit and (an.is_nounish(j + 1) or an.is_(j + 1, "det") or an.is_adjish(j + 1)):
            sub = np_forward(an, j + 1, limit, extend=False)
            if sub:
                j = sub[1]
                continue
            break
        if an.words[j] == "(":
            k = j
            while k < limit and an.words[k] != ")" and k - j < 15:
                k += 1
            if k < limit and an.words[k] == ")":
                j = k + 1
                continue
            break
        if an.words[j] == "," and j + 1 < limit and an.is_nounish(j + 1) and not an.is_verbish(j + 1):
            # apposition: ", Lars Beringer ," / ", 30 ,"
            k = j + 1
            while k < limit and (an.is_nounish(k) or an.is_adjish(k)):
                k += 1
            if k <= limit and (k == limit or an.words[k] == ",") and k - j <= 5:
                j = k
                continue
            break
        break
    return (i, j)


def np_backward(an: Analysis, end: int, floor: int) -> Range | None:
    """The noun phrase ending right before token ``end`` (for "X zufolge", "Seiner Meinung nach")."""
    j = end - 1
    if j < floor:
        return None
    if an.is_(j, "pron_subj"):
        return (j, end)
    title_open = {c: o for o, c in an.title_end.items()}
    start = None
    phase = 1  # 1: head nouns (and genitive chains), 2: adjectives, then a determiner ends the phrase
    while j >= floor:
        if j in title_open and phase == 1:
            start = title_open[j]
            j = start - 1
            continue
        if phase == 1 and an.is_nounish(j):
            start = j
            j -= 1
            continue
        if phase == 1 and start is not None and an.lower[j] in ("von", "vom", "of") and j - 1 >= floor and (
            an.is_nounish(j - 1)
        ):
            start = j
            j -= 1
            continue
        if start is not None and an.is_(j, "gen_det") and j - 1 >= floor and (an.is_nounish(j - 1) or j - 1 in title_open):
            start = j  # "Angaben des Instituts zufolge": the genitive hangs on a noun before it
            j -= 1
            phase = 1
            continue
        if start is not None and phase in (1, 2) and an.is_adjish(j) and not an.is_verbish(j):
            start = j
            phase = 2
            j -= 1
            continue
        if start is not None and an.is_(j, "det"):
            start = j
        break
    if start is None:
        return None
    return (start, end)


# cues -----------------------------------------------------------------------------------------


@dataclass
class Cue:
    tokens: list[int]
    kind: str  # verb | phrase | impersonal | prep
    stwr: str
    position: str = ""  # for prepositions: after|before|self|clause
    head: int = -1  # finite (or main) verb token


def _find_particle(an: Analysis, i: int, particle: str, limit: int) -> int | None:
    """The separable particle of a verb at ``i`` ("teilte … mit"): at a clause end, possibly after appositions."""
    commas = 0
    for k in range(i + 1, min(limit, i + 30)):
        if an.words[k] in (":", ";") or an.quote_of[k] >= 0 and an.quotes[an.quote_of[k]].quotation:
            return None
        if an.words[k] == ",":
            commas += 1
            if commas > 2:
                return None
            continue
        if an.lower[k] == particle:
            nxt = an.words[k + 1] if k + 1 < an.n else "."
            if commas == 0 or nxt in (",", ".", ":", ";", "!", "?") or an.lower[k + 1] in _COMPLEMENT_START:
                return k
    return None


def find_cues(an: Analysis, s: int, e: int) -> list[Cue]:
    """Speech cues in sentence ``[s, e)`` outside quotation marks."""
    cues: list[Cue] = []
    used: set[int] = set()

    def in_quote(k: int) -> bool:
        q = an.quote_of[k]
        return q >= 0 and an.quotes[q].quotation

    # multi-word phrases first
    for k in range(s, e):
        if in_quote(k):
            continue
        for words, stwr, kind in an.lex.phrases:
            if tuple(an.lower[k : k + len(words)]) == words and not used & set(range(k, k + len(words))):
                toks = list(range(k, k + len(words)))
                cues.append(Cue(toks, "impersonal" if kind == "impersonal" else "verb", stwr, head=k))
                used.update(toks)
    for k in range(s, e):
        if k in used or in_quote(k):
            continue
        low = an.lower[k]
        entries = an.lex.verbs.get(low)
        if entries:
            tok = an.doc[k]
            if an.has_pos and tok.pos_ in ("ADJ", "NOUN") and k > s and an.is_(k - 1, "det"):
                continue  # attributive participle: "die erklärte Absicht"
            if an.lex.lang == "de" and an.is_cap(k):
                continue  # nominalised ("das Sagen", "Angaben")
            if an.lex.lang == "en" and ((an.is_cap(k) and k != s and an.words[k - 1] not in ('"', "“", "‘", "'"))
                                        or (k > s and (an.is_(k - 1, "det") or an.lower[k - 1] in ("so-", "so", "-")))):
                continue  # "United States", "the reported details", "a call"
            chosen = None
            # a separable verb whose particle is present wins ("forderte … auf" = auffordern, not fordern)
            for ent in entries:
                if ent.particle and ent.kind == "finite":
                    p = _find_particle(an, k, ent.particle, e)
                    if p is not None:
                        chosen = (ent, [k, p])
                        break
            if chosen is None:
                has_aux = any(an.is_(a, "aux") for a in range(max(s, k - 12), k) if an.words[a] not in (",", ":"))
                plain = [ent for ent in entries if not (ent.particle and ent.kind == "finite")]
                if plain:
                    part = [ent for ent in plain if ent.kind == "participle"]
                    ent = part[0] if part and has_aux else plain[0]
                    chosen = (ent, [k])
            if chosen is None:
                continue
            ent, toks = chosen
            # auxiliaries belong to the cue ("hatte ... gesagt", "hat angekündigt", "wird zitiert")
            if ent.kind in ("participle", "joined"):
                for a in range(k - 1, max(s, k - 12) - 1, -1):
                    if an.words[a] in (",", ":", ";") or in_quote(a):
                        break
                    if an.is_(a, "aux"):
                        toks.insert(0, a)
                        break
                if k + 1 < e and an.is_(k + 1, "aux") and ent.kind == "participle":
                    toks.append(k + 1)
            if k + 1 < e and an.lower[k + 1] == "sich" and ent.lemma in ("äußern", "zeigen", "berufen", "rechtfertigen"):
                toks.append(k + 1)
            cues.append(Cue(sorted(toks), "verb", ent.stwr, head=k))
            used.update(toks)
            continue
        preps = an.lex.prepositions.get(low)
        if preps:
            for position, cond in preps:
                if cond == "to" and not (k + 1 < e and an.lower[k + 1] == "to"):
                    continue
                cues.append(Cue([k] if cond != "to" else [k, k + 1], "prep", "speech", position=position, head=k))
                used.add(k)
                break
    return cues


# frames ---------------------------------------------------------------------------------------


def _clause_end(an: Analysis, i: int, e: int) -> int:
    """First comma/colon/semicolon at or after ``i`` outside quotation marks (or ``e``)."""
    for k in range(i, e):
        if an.words[k] in (",", ":", ";") and an.quote_of[k] < 0:
            return k
    return e


def _clause_start(an: Analysis, i: int, s: int) -> int:
    for k in range(i - 1, s - 1, -1):
        if an.words[k] in (",", ":", ";") and an.quote_of[k] < 0:
            return k + 1
        if an.quote_of[k] >= 0 and an.quotes[an.quote_of[k]].close == k and an.quotes[an.quote_of[k]].quotation:
            return k + 1  # right after a closing quotation mark
    return s


def _content_end(an: Analysis, s: int, e: int) -> int:
    """Sentence end without the final punctuation."""
    while e > s and an.words[e - 1] in (".", "!", "?", ";", "…") and an.quote_of[e - 1] < 0:
        e -= 1
    return e


def _shares_subject(tok) -> bool:
    """A coordinated verb that takes the subject of the first conjunct: "X hatte die Region besucht und Hilfe
    zugesagt" (a non-finite conjunct without its own auxiliary: a noun before it is its object, whatever the
    parser says) or "X besuchte die Region und sagte Hilfe zu" (no subject of its own)."""
    if tok.dep_ != "conj" or tok.head.pos_ not in ("VERB", "AUX") or tok.head.i >= tok.i:
        return False
    if any(c.dep_ in ("aux", "aux:pass") for c in tok.children):
        return False
    if "Fin" not in tok.morph.get("VerbForm") and tok.morph.get("VerbForm"):
        return True
    return not any(c.dep_.lower() in _SUBJ_DEPS for c in tok.children)


def _subject_by_parse(an: Analysis, head: int, lo: int, hi: int) -> Range | None:
    tok = an.doc[head]
    hops = 0
    while _shares_subject(tok) and hops < 4:
        tok = tok.head  # coordinated verbs: the subject hangs on the first conjunct
        lo = min(lo, an.sent_start(tok.i))
        hops += 1
    cands = [tok] + ([tok.head] if tok.dep_ in ("aux", "oc", "xcomp", "aux:pass") else []) + [
        c for c in tok.children if c.dep_ in ("aux", "aux:pass")
    ]
    for t in cands:
        for child in t.children:
            if child.dep_.lower() in _SUBJ_DEPS:
                left, right = child.left_edge.i, child.right_edge.i + 1
                while left < child.i and (an.doc[left].dep_ in ("cc", "punct") or an.doc[left].pos_ in ("CCONJ", "PUNCT")):
                    left += 1  # "und humanitäre Hilfe": the conjunction belongs to the coordination, not the subject
                if lo <= left and right <= hi:
                    chunk = None  # re-chunking parser subjects lowered source F1
                    if chunk and chunk[1] > child.i:
                        return (left, chunk[1])
                    return (left, right)
    return None


def find_source_near_verb(an: Analysis, cue: Cue, lo: int, hi: int) -> Range | None:
    """The speaker of a verb cue inside the frame ``[lo, hi)``: its subject."""
    head = cue.head
    if an.has_dep and _USE_PARSE:
        r = _subject_by_parse(an, head, lo, hi)
        if r:
            return r
    first = min(cue.tokens)
    passive = any(an.lower[t] in ("wird", "wurde", "wurden", "werden", "worden") for t in cue.tokens) and any(
        v.kind == "participle" for v in an.lex.verbs.get(an.lower[head], []))
    if passive:
        return None  # "Ihm wird vorgeworfen, …": the speaker is not named
    while lo < first and an.lower[lo] in ("als", "wenn", "nachdem", "weil", "während", "obwohl", "da"):
        if an.lower[lo] == "als" and lo + 1 < first and not an.is_(lo + 1, "det") and not _verb_before(an, lo + 1, first):
            lo = first  # "Als Begründung sagte ein Wissenschaftler": no subject before the verb
            break
        lo += 1
    # subject before the verb (Müller sagte ..., Die Ministerin hatte ... gesagt)
    pre_lo = lo
    while pre_lo < first and (an.is_(pre_lo, "conj") or an.lower[pre_lo] in _FOCUS) and pre_lo + 1 < first and (
        an.is_(pre_lo + 1, "det") or an.is_nounish(pre_lo + 1) or an.is_adjish(pre_lo + 1)
    ):
        pre_lo += 1  # "Auch der Minister sagte", "Selbst die Zeitung hatte … kritisiert"
    if pre_lo < first and first - pre_lo <= 25:
        w0 = pre_lo
        starts_nom = (
            an.is_(w0, "nom_start") or (an.is_nounish(w0) and not an.is_(w0, "prep")) or an.is_adjish(w0)
        ) and not an.is_(w0, "prep") and not an.is_(w0, "adverb")
        if an.lower[w0] in ("dem", "den", "des", "einem", "einen"):
            starts_nom = False
        if starts_nom:
            r = np_forward(an, w0, first)
            if r:
                return r
            return (w0, first) if first - w0 <= 6 else None
    # subject after the verb (inverted order: "..., sagte die Ministerin am Montag")
    k = max(cue.tokens) + 1 if cue.kind != "verb" else first + 1
    skipped = 0
    while k < hi and skipped < 4:
        if k in cue.tokens or an.lower[k] in ("sich", "es") and k + 1 < hi and not an.is_(k + 1, "aux"):
            if an.lower[k] == "es" and cue.kind == "impersonal":
                return None
            k += 1
            continue
        r = np_forward(an, k, hi)
        if r and not (an.lower[k] in ("dem", "den", "einem") and an.lex.lang == "de"):
            if an.lower[r[0]] in ("es",) and an.lex.lang == "de":
                return None
            return r
        if an.is_(k, "prep"):
            # skip a prepositional phrase ("am Montag", "gegenüber der Zeitung")
            r2 = np_forward(an, k + 1, hi, extend=False)
            k = r2[1] if r2 else k + 1
            skipped += 1
            continue
        if an.is_(k, "adverb") or an.is_adjish(k) or an.words[k][:1].isdigit():
            k += 1
            skipped += 1
            continue
        break
    return None


_MEDIUM_NOUNS = {"Interview", "Gespräch", "Telefonat", "Brief", "Schreiben", "Telefongespräch", "Fernsehinterview",
                 "Zeitungsinterview", "Radiointerview", "Treffen"}
_ADDR_OBJECT_VERBS = {"auffordern", "vorwerfen", "warnen", "aufrufen", "bitten", "beschuldigen", "raten",
                      "empfehlen", "versichern", "zusichern", "versprechen", "antworten", "vorschlagen", "fragen"}
_ADDR_DATIVE_VERBS = {"mitteilen", "sagen", "erklären", "bestätigen", "berichten", "schreiben", "zusagen"}
_ADDR_AN_VERBS = {"appellieren", "wenden", "richten", "schreiben", "aufrufen"}


def find_addressee(an: Analysis, lo: int, hi: int, exclude: set[int], cue: Cue | None = None) -> Range | None:
    lemmas = _lemmas(an, cue) if cue is not None and cue.kind == "verb" else set()
    if lemmas and an.lex.lang == "de":
        after = max(cue.tokens) + 1 if len(cue.tokens) == 1 else cue.head + 1
        k = after
        while k < hi and (k in exclude or an.is_(k, "adverb") or an.lower[k] in ("sich", "es")):
            k += 1
        if k < hi and k not in exclude:
            if lemmas & _ADDR_OBJECT_VERBS and (an.is_(k, "det") or an.is_nounish(k)) and not an.is_(k, "prep"):
                r = np_forward(an, k, hi, extend=False)
                if r and not exclude & set(range(*r)):
                    return r
            dative = ("dem", "den") + (("der", "einer", "einem") if exclude else ())  # "sagte er der Zeitung"
            if lemmas & _ADDR_DATIVE_VERBS and an.lower[k] in dative and k + 1 < hi and an.is_nounish(k + 1):
                r = np_forward(an, k, hi, extend=False)
                if r and not exclude & set(range(*r)):
                    return r
    for k in range(lo, hi):
        if k in exclude:
            continue
        if an.lower[k] in ("zur", "zum") and lemmas & {"sagen", "äußern", "erklären"} and k + 1 < hi and an.is_nounish(k + 1):
            r = np_forward(an, k + 1, hi, extend=False)
            if r:
                return r
        if an.lower[k] == "an" and lemmas & _ADDR_AN_VERBS and k + 1 < hi:
            r = np_forward(an, k + 1, hi)
            if r and not exclude & set(range(*r)):
                return r
        if an.is_(k, "addressee_prep"):
            r = np_forward(an, k + 1, hi)
            if r and not exclude & set(range(*r)):
                return r
        if an.is_(k, "addressee_vor") and k + 1 < hi:
            r = np_forward(an, k + 1, hi, extend=False)
            if r and (any(an.words[x] in an.wc.get("addressee_noun", ()) or an.lower[x] in an.wc.get("addressee_noun", ())
                          for x in range(*r)) or (lemmas & {"sagen", "erklären", "betonen", "sprechen"} and k > 0 and k - 1 in (cue.tokens if cue else ()))):
                return r
        if an.lower[k] in ("in", "im") and k + 3 < hi:
            # "in einem Interview mit der Zeitung" / "in einem Brief an den Minister"
            j = k + 1 if an.lower[k] == "in" else k
            if an.lower[k] == "in" and an.is_(j, "det"):
                j += 1
            if j < hi and an.words[j] in _MEDIUM_NOUNS and j + 1 < hi and an.lower[j + 1] in ("mit", "an"):
                r = np_forward(an, j + 2, hi)
                if r and not exclude & set(range(*r)):
                    return (k + 1 if an.lower[k] == "in" else j, r[1])
    return None


def _quote_inside(an: Analysis, lo: int, hi: int) -> list[QuoteSpan]:
    return [q for q in an.quotes if q.quotation and lo <= q.open and q.close < hi]


def _ranges_minus(lo: int, hi: int, remove: set[int]) -> list[Range]:
    out: list[Range] = []
    cur = None
    for i in range(lo, hi):
        if i in remove:
            if cur is not None:
                out.append((cur, i))
                cur = None
        elif cur is None:
            cur = i
    if cur is not None:
        out.append((cur, hi))
    return out


def _trim(an: Analysis, ranges: list[Range]) -> list[Range]:
    """Ranges without edge punctuation and blanks, and without a leading dateline ("Peking (lgb) -")."""
    out = []
    for s, e in ranges:
        if an.doc[s].is_sent_start:
            dash = dateline_end(an.doc, s)
            if dash is not None and dash + 1 < e:
                s = dash + 1
        while s < e and (an.words[s] in (",", ";", ":", "–", "-") or an.doc[s].is_space):
            s += 1
        while e > s and (an.words[e - 1] in (",", ";", ":", "–", "-") or an.doc[e - 1].is_space):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# the detector ---------------------------------------------------------------------------------

_REPORTED_VERBS_DE = {
    "fordern", "verlangen", "warnen", "kritisieren", "bezeichnen", "nennen", "sprechen", "aufrufen", "auffordern",
    "vorwerfen", "beschuldigen", "loben", "würdigen", "ankündigen", "bestätigen", "dementieren", "bestreiten",
    "zurückweisen", "ablehnen", "beklagen", "bemängeln", "appellieren", "drohen", "versprechen", "zusichern",
    "zusagen", "vorschlagen", "empfehlen", "bitten", "einräumen", "zugeben", "melden", "berichten", "mahnen",
    "verweisen", "hinweisen", "beschreiben", "schildern", "prognostizieren", "schätzen", "vermuten", "befürchten",
    "skandieren", "protestieren", "rechtfertigen", "beharren", "verurteilen", "anprangern", "hoffen",
    "beziffern", "einstufen", "begrüßen", "attackieren", "aussprechen",
}
_COMPLEMENT_START = {"dass", "daß", "ob", "that", "whether"}
_NON_COMPLEMENT_START = {
    "weil", "da", "wenn", "falls", "obwohl", "nachdem", "bevor", "während", "damit", "sodass", "indem", "um",
    "und", "aber", "sondern", "doch", "wobei", "womit", "was", "wo", "welche", "welcher", "welches", "als",
    "der", "die", "das", "dem", "den", "denen", "deren", "dessen", "wie",
    "which", "who", "when", "because", "while", "and", "but", "as",
}


def _message_has_evidence(an: Analysis, lo: int, hi: int, lemmas: set[str] = frozenset()) -> bool:
    """Does ``[lo, hi)`` read like reported content (dass/ob clause, Konjunktiv, zu-infinitive, main clause)?"""
    if lo >= hi:
        return False
    low = an.lower[lo]
    if low in _COMPLEMENT_START or an.words[lo - 1] == ":":
        return True
    article = low in ("der", "die", "das", "den", "dem") and lo + 1 < hi and (an.is_nounish(lo + 1) or an.is_adjish(lo + 1))
    if low in ("der", "die", "das", "den", "dem") and _subjunctive_in(an, lo, _clause_end(an, lo, hi)):
        article = True  # "erklärte , die noch zu schaffende Verfassung werde …"
    if low in _NON_COMPLEMENT_START and not article:
        return False
    if _span_quote_at_start(an, lo) is not None:
        return True
    seg_end = _clause_end(an, lo, hi)
    for k in range(lo, hi):
        if an.is_subjunctive(k) and an.quote_of[k] < 0:
            return True
    for k in range(lo, seg_end):
        if an.lower[k] == "zu" and k + 1 < hi and not an.is_cap(k + 1) and an.lower[k + 1][-1:] in ("n", "e"):
            if k + 2 >= hi or an.words[k + 2] in (",", ".", ";", ":"):
                return True
    if not (lemmas & _STRONG_SPEECH):
        return False
    # an indicative main clause after a strong speech verb: "sagte , die Lage ist ernst"
    return (article or an.is_(lo, "pron_subj") or an.is_nounish(lo) or an.is_(lo, "det") or an.words[lo][:1].isdigit()) and not an.is_verbish(lo)


def _verb_before(an: Analysis, lo: int, hi: int) -> bool:
    """Is there a finite verb (or a quotation) in ``[lo, hi)``? Distinguishes "MSG, sagte X" from "X, Y, sagte"."""
    for k in range(lo, hi):
        if an.quote_of[k] >= 0 and an.quotes[an.quote_of[k]].quotation:
            return True
        tok = an.doc[k]
        if an.has_pos and tok.pos_:
            if tok.pos_ in ("VERB", "AUX"):
                return True
        elif an.is_(k, "aux") or an.lower[k] in an.lex.subjunctive or (
            not an.is_cap(k) and an.lower[k].endswith(("te", "ten", "t", "en")) and len(an.lower[k]) > 4
            and not an.is_adjish(k) and not an.is_(k, "prep") and not an.is_(k, "adverb")
        ):
            return True
    return False


def _direct_for(an: Analysis, lo: int, hi: int) -> QuoteSpan | None:
    """A quotation that makes up (nearly) all of ``[lo, hi)``."""
    for q in an.quotes:
        if not q.quotation:
            continue
        qs, qe = q.range
        if qs <= lo + 1 and qe >= hi - 1 and qe - qs >= 2:
            return q
        if qs >= lo and qe <= hi and (qe - qs) >= 0.8 * (hi - lo):
            return q
    return None


def _span_quote_at_end(an: Analysis, k: int) -> QuoteSpan | None:
    if k >= 0 and an.quote_of[k] >= 0:
        q = an.quotes[an.quote_of[k]]
        if q.close == k and q.quotation:
            return q
    return None


def _span_quote_at_start(an: Analysis, k: int) -> QuoteSpan | None:
    if k < an.n and an.quote_of[k] >= 0:
        q = an.quotes[an.quote_of[k]]
        if q.open == k and q.quotation:
            return q
    return None


def _prep_source(an: Analysis, cue: Cue, s: int, ce: int) -> Range | None:
    k = cue.head
    low = an.lower[k]
    for position, cond in an.lex.prepositions.get(low, []):
        if position == "after":
            start = max(cue.tokens) + 1
            r = np_forward(an, start, ce)
            if not r:
                continue
            if cond == "info":
                if not any(_is_info(an, x) for x in range(r[0], min(r[1], r[0] + 4))):
                    continue
            cue.position = "after"
            if an.has_pos and k == s and an.lex.lang == "de":
                # sentence-initial "Nach Angaben X aus Y wurden …": in verb-second order the frame runs to the verb
                v = r[1]
                while v < min(ce, r[1] + 8) and not (an.doc[v].pos_ in ("VERB", "AUX") and an.doc[v].tag_.endswith("FIN")):
                    if an.words[v] in (",", ":", ";") or an.quote_of[v] >= 0:
                        break
                    v += 1
                if v < ce and v > r[1] and an.doc[v].pos_ in ("VERB", "AUX") and an.doc[v].tag_.endswith("FIN"):
                    return (r[0], v)
            return r
        if position == "before":
            r = np_backward(an, k, s)
            if not r:
                continue
            if cond == "opinion" and not _is_opinion(an, r[1] - 1):
                continue
            if cond == "info" and not _is_info(an, r[1] - 1):
                continue
            cue.position = "before"
            return r
        if position == "self":
            cue.position = "self"
            return (k, k + 1)
    return None


def _is_info(an: Analysis, i: int) -> bool:
    w = an.words[i]
    return w in an.lex.info_nouns or any(w.endswith(n.lower()) and len(w) > len(n) for n in an.lex.info_nouns)


def _is_opinion(an: Analysis, i: int) -> bool:
    return an.words[i] in an.lex.opinion_nouns


def detect(an: Analysis) -> list[Candidate]:
    an.quotes = find_quote_spans(an)
    sent_cues = [find_cues(an, s, e) for s, e in an.sents]
    for q in an.quotes:
        k = an.sent_of[q.open]
        k2 = an.sent_of[q.close]
        an.quotes[an.quotes.index(q)].quotation = classify_quote(an, q, bool(sent_cues[k] or sent_cues[k2]))
    an.title_end = {q.open: q.close for q in an.quotes if not q.quotation}
    # marks of non-quotations do not shield their tokens
    for i in range(an.n):
        if an.quote_of[i] >= 0 and not an.quotes[an.quote_of[i]].quotation:
            an.quote_of[i] = -1
    for k, q in enumerate(an.quotes):
        if q.quotation:
            for i in range(q.open, q.close + 1):
                an.quote_of[i] = k
    sent_cues = [find_cues(an, s, e) for s, e in an.sents]

    cands: list[Candidate] = []
    for si, (s, e) in enumerate(an.sents):
        found = _sentence_candidates(an, si, s, e, sent_cues[si], cands)
        if not found and an.lex.lang == "en":
            found = _en_headline(an, si, s, e)
        cands.extend(found)
    _direct_quotes(an, cands)
    if an.lex.lang == "en":
        cands[:] = _en_merge_continued(an, cands)
    _free_indirect(an, cands)
    _mark_nesting(cands)
    return cands


def _inline_complement(an: Analysis, cue: Cue, ce: int) -> int | None:
    """English "said that …" / "told reporters that …": index of the complementiser after the cue."""
    last = max(cue.tokens)
    for k in range(last + 1, min(ce, last + 6)):
        if an.lower[k] in _COMPLEMENT_START:
            return k
        if an.words[k] in (",", ":", ";") or an.is_verbish(k):
            return None
    return None


def _sentence_candidates(
    an: Analysis, si: int, s: int, e: int, cues: list[Cue], earlier: list[Candidate]
) -> list[Candidate]:
    ce = _content_end(an, s, e)
    out: list[Candidate] = []
    consumed: set[int] = set()
    frame_tokens: set[int] = set()
    prep_cues: list[tuple[Cue, Range]] = []
    # "wie X sagte" / ", so X" / laut / zufolge / nach Angaben / demnach
    for cue in cues:
        if cue.kind != "prep":
            continue
        k = cue.head
        low = an.lower[k]
        positions = [p for p, _ in an.lex.prepositions.get(low, [])]
        if "clause" in positions and low in ("wie", "as"):
            if k + 1 < ce and an.lower[k + 1] in ("folgt", "follows"):
                continue
            cs, cend = k, _clause_end(an, k + 1, ce)
            verbs = [c for c in cues if c.kind == "verb" and cs < c.head < cend and c.head - cs <= 8]
            if not verbs:
                continue
            v = verbs[0]
            consumed.update(id(c) for c in verbs)
            toks = sorted({k, *v.tokens})
            k1 = k + 1
            while k1 < min(v.tokens) and an.is_(k1, "adverb"):
                k1 += 1
            src = np_forward(an, k1, min(v.tokens)) if min(v.tokens) > k1 else None
            if src is None and min(v.tokens) > k1:
                src = (k1, min(v.tokens))
            if an.lex.lang == "en" and src is None:
                src = np_forward(an, max(v.tokens) + 1, cend)
            if src is not None and an.lower[src[0]] in ("man", "es", "one", "it") and src[1] - src[0] == 1:
                continue  # "wie man sagt": an idiom, not a source
            frame = set(range(cs, cend + (1 if cend < ce else 0)))
            if cs > s and an.words[cs - 1] == ",":
                frame.add(cs - 1)
            msg = _trim(an, _ranges_minus(s, ce, frame))
            if msg:
                out.append(Candidate("indirect", msg, _rs(toks), [src] if src else [], [], v.stwr, sentence=si))
                frame_tokens |= frame
            continue
        if "clause" in positions and low in ("so",):
            prev = k - 1
            if prev < s or not (an.words[prev] == "," or _span_quote_at_end(an, prev)):
                continue
            cend = _clause_end(an, k + 1, ce)
            src = np_forward(an, k + 1, cend)
            if not src:
                continue
            frame = set(range(prev if an.words[prev] == "," else k, cend))
            q = _span_quote_at_end(an, prev - 1 if an.words[prev] == "," else prev)
            if q is not None and q.open > s and _QUOTE_WHOLE:
                q = None
            if q is not None:
                out.append(Candidate("direct", [q.range], [(k, k + 1)], [src], [], "speech", sentence=si))
            else:
                msg = _trim(an, _ranges_minus(s, ce, frame | set(range(cend, ce))))
                if msg:
                    out.append(Candidate("indirect", msg, [(k, k + 1)], [src], [], "speech", sentence=si))
            frame_tokens |= frame
            continue
        if an.lex.lang == "en" and low == "according" and len(cue.tokens) == 2:
            c = _en_according(an, cue, si, s, ce)
            if c is not None:
                out.append(c[0])
                frame_tokens |= c[1]
            continue
        src = _prep_source(an, cue, s, ce)
        if src is None:
            continue
        prep_cues.append((cue, src))
        frame_tokens |= set(cue.tokens) | set(range(*src))

    for cue in _order_cues(an, cues, s):
        if cue.kind == "prep" or id(cue) in consumed:
            continue
        if frame_tokens & set(cue.tokens):
            continue
        if any(c.form != "direct" and c.start <= cue.head < c.end for c in out):
            continue  # a verb inside a message already found (rarely its own frame)
        if an.lex.lang == "en" and cue.kind == "verb":
            cand, fr = _en_frame(an, cue, si, s, ce, cues, out)
            if cand is not None:
                out.append(cand)
                frame_tokens |= fr
                continue
        _add_correlate(an, cue, e)
        first, last = min(cue.tokens), max(cue.tokens)
        cs = _clause_start(an, first, s)
        cend = _clause_end(an, last + 1, ce)
        orientation = _orientation(an, cue, s, cs, cend, ce)
        comp = _inline_complement(an, cue, ce) if an.lex.lang == "en" and orientation != "last" else None
        if comp is not None:
            src = _source(an, cue, cs, comp)
            addr = None
            if comp > max(cue.tokens) + 1:
                addr = np_forward(an, max(cue.tokens) + 1, comp)
            msg = _trim(an, [(comp, ce)])
            out.append(Candidate("indirect", msg, _rs(cue.tokens), [src] if src else [], [addr] if addr else [],
                                 cue.stwr, sentence=si))
            frame_tokens |= set(range(cs, comp))
            continue
        if orientation == "last":
            after_quote = _span_quote_at_end(an, first - 1) if first - 1 >= s else None
            if after_quote is None and cs - 1 >= s:
                after_quote = _span_quote_at_end(an, cs - 1)
                frame_lo = cs
            else:
                frame_lo = cs - 1 if not after_quote else first
            frame_hi = cend
            src = _source(an, cue, frame_lo if frame_lo < first and an.words[frame_lo] != "," else first, ce)
            if src is not None and src[1] > frame_hi:
                frame_hi = src[1]  # the source's apposition ("…, sagte der Oberrabbiner Israels, Yona Metzger")
            q = after_quote or _span_quote_at_end(an, cs - 2)
            if q is not None and q.open > s and (_QUOTE_WHOLE or (_BOTH and q.open - s >= 3)):
                q = None  # "Das Gros handhabe es „maßvoll“ , so X": indirect with a nested direct quote
            if q is not None:
                msg = [q.range]
                form = "direct"
            else:
                msg = _trim(an, [(s, frame_lo)])
                form = "indirect"
            if cend < ce and an.words[cend] == "," and cend + 1 < ce and an.lower[cend + 1] not in _NON_COMPLEMENT_START:
                rest = _trim(an, [(cend + 1, ce)])
                if form == "indirect" and cend - frame_lo <= 8:
                    msg = msg + rest
            addr = find_addressee(an, frame_lo, frame_hi, set(range(*src)) if src else set(), cue)
            if msg:
                out.append(Candidate(form, msg, _rs(cue.tokens), [src] if src else [], [addr] if addr else [],
                                     cue.stwr, sentence=si))
                frame_tokens |= set(range(frame_lo, frame_hi))
            continue
        if orientation == "first" and any(c is not cue and c.kind == "verb" and min(c.tokens) == cend + 1 for c in cues):
            continue  # "bestätigten den Zwischenfall , teilten jedoch mit , …": the next verb frames the message
        if orientation == "first":
            lo = cend + 1
            q = _span_quote_at_start(an, lo)
            subj_lo = cs
            if cs > s and not _verb_before(an, s, cs - 1):
                subj_lo = s  # "Ein Sprecher , Lars Beringer , sagte"
            elif cs > s and _starts_relative(an, cs, s):
                subj_lo = s
            src = _source(an, cue, subj_lo, cend)
            if src is None and cs > s and not cue.kind == "impersonal":
                src = np_forward(an, s, cs)  # coordinated verbs share the first subject
            addr = find_addressee(an, subj_lo, cend, set(range(*src)) if src else set(), cue)
            if q is not None and (q.close + 1 >= ce or an.words[q.close + 1] in (".", "!", "?")):
                out.append(Candidate("direct", [q.range], _rs(cue.tokens), [src] if src else [],
                                     [addr] if addr else [], cue.stwr, sentence=si))
                frame_tokens |= set(range(subj_lo, lo))
                continue
            msg = _trim(an, [(lo, ce)])
            if msg:
                out.append(Candidate("indirect", msg, _rs(cue.tokens), [src] if src else [],
                                     [addr] if addr else [], cue.stwr, sentence=si))
                frame_tokens |= set(range(subj_lo, lo))
            continue
        # "Dies teilte die Polizei mit ." — the message is the previous sentence (plus the pronoun)
        if (cs == s and an.lower[s] in ("dies", "das", "dieses") and first == s + 1
                and si > 0 and (cend >= ce or an.is_(cend + 1, "relative")) and cue.kind == "verb"):
            ps, pe = an.sents[si - 1]
            pce = _content_end(an, ps, pe)
            if pce > ps and not any(c.sentence == si - 1 or c.end > ps for c in earlier):
                src = _source(an, cue, s, cend)
                out.append(Candidate("indirect", [(ps, pce), (s, s + 1)], _rs(cue.tokens), [src] if src else [], [],
                                     cue.stwr, sentence=si))
                frame_tokens |= set(range(s, e))
                continue
        # the frame is the whole clause: a quotation inside it, or reported speech
        inner = [q for q in _quote_inside(an, cs, cend)]
        src = _source(an, cue, cs if cs == s or _verb_before(an, s, cs - 1) else s, cend)
        if inner:
            for q in inner:
                out.append(Candidate("direct", [q.range], _rs(cue.tokens), [src] if src else [], [], cue.stwr,
                                     sentence=si))
            frame_tokens |= set(range(cs, cend))
            lemmas = _lemmas(an, cue)
            continue
        lemmas = {v.lemma for v in an.lex.verbs.get(an.lower[cue.head], [])}
        if not an.opts.reported:
            continue
        passive = any(an.lower[t] in ("wird", "wurde", "wurden", "werden", "worden", "sind", "ist") for t in cue.tokens)
        bad_src = src is not None and (an.lower[src[0]] in ("ihm", "ihr", "dies", "das", "es", "ihnen") or an.is_(src[0], "adverb"))
        whole = True  # commas allowed: relative clauses and appositions stay in the report
        sent_low = set(an.lower[s:e])
        if sent_low & {"?", "ich", "du", "wir", "mich", "mir", ":"} or (
            "fordern" in lemmas and sent_low & {"tote", "todesopfer", "opfer", "menschenleben", "verletzte"}
        ) or ("melden" in lemmas and "sich" in sent_low):
            continue  # questions, first person (interviews), "forderte … Todesopfer", "sich melden"
        starts = cs == s or not _verb_before(an, s, cs - 1)
        if cue.kind == "verb" and lemmas & _REPORTED_VERBS_DE and src and starts and whole and not passive and not bad_src:
            out.append(Candidate("reported", [(s, e)], [], [src], [], cue.stwr, sentence=si))
            frame_tokens |= set(range(s, e))
    # "X will … prüfen": intentions count as reported speech in the SpkAtt scheme
    if not out and not prep_cues and an.lex.lang == "de" and _WOLLEN:
        for k in range(s, min(ce, s + 12)):
            if an.lower[k] in ("will", "wollen", "wollte", "wollten", "möchte", "möchten") and an.quote_of[k] < 0:
                fake = Cue([k], "verb", "speech", head=k)
                src = find_source_near_verb(an, fake, s, _clause_end(an, k + 1, ce))
                if src and an.lower[src[0]] not in ("man", "es", "ich", "wir", "du", "ihr") and not an.is_(src[0], "adverb"):
                    if not (set(an.lower[s:e]) & {"?", "ich", "wir", ":"}):
                        out.append(Candidate("reported", [(s, e)], [], [src], [], "speech", sentence=si))
                break
    # prepositional frames: the message is the rest of the clause
    for cue, src in prep_cues:
        frame = set(cue.tokens) | set(range(*src))
        lo, hi = s, ce
        container = [c for c in out if c.start <= cue.head < c.end]
        if container:
            lo, hi = container[0].start, container[0].end
        other = frame_tokens - frame
        # commas around the frame belong to it
        f_lo, f_hi = min(frame), max(frame) + 1
        if f_lo - 1 >= lo and an.words[f_lo - 1] == "," and f_hi < hi and an.words[f_hi] == ",":
            frame |= {f_lo - 1, f_hi}
        if cue.position == "self" and an.lower[cue.head] == "wonach":
            lo = cue.head
        elif not container:
            # a frame in a later main clause ("…, diese Taten seien aber laut X schon verjährt") covers that clause
            cs_ = _clause_start(an, f_lo, s)
            if cs_ > lo and not an.is_(cs_, "relative") and an.lower[cs_] not in ("dass", "daß", "ob", "wobei"):
                prev_seg_has_verb = _verb_before(an, _clause_start(an, cs_ - 1, s), cs_ - 1)
                if prev_seg_has_verb:
                    lo = cs_
        msg = _trim(an, _ranges_minus(lo, hi, frame | (other if not container else set())))
        if msg:
            out.append(Candidate("indirect", msg, _rs(cue.tokens), [src], [], cue.stwr, sentence=si))
    return out


_STRONG_SPEECH = {
    "sagen", "erklären", "mitteilen", "betonen", "berichten", "schreiben", "melden", "bestätigen", "ankündigen",
    "hinzufügen", "ergänzen", "versichern", "behaupten", "meinen", "warnen", "kritisieren", "bekanntgeben",
    "angeben", "unterstreichen", "hervorheben", "einräumen", "zugeben", "feststellen", "klarstellen", "ausführen",
    "erläutern", "verkünden", "glauben", "hoffen", "fürchten", "befürchten", "vermuten", "antworten", "entgegnen",
    "say", "tell", "state", "add", "claim", "write", "report", "believe", "think", "insist", "argue",
}
_CORRELATES = {"dahingehend", "davor", "darauf", "davon", "daran", "dafür", "dazu", "darüber", "damit", "dagegen", "darum"}


def _lemmas(an: Analysis, cue: Cue) -> set[str]:
    return {v.lemma for v in an.lex.verbs.get(an.lower[cue.head], [])}


def _order_cues(an: Analysis, cues: list[Cue], s: int) -> list[Cue]:
    """Cues opening a clause after a comma first ("…, sagte X"), then the others in text order."""
    def key(c: Cue):
        first = min(c.tokens)
        if an.lex.lang == "en":
            return (1 if an.lower[c.head].endswith("ing") else 0, first)  # ", adding …" after its main verb
        opens = first > s and an.words[first - 1] in (",", "“", "”", '"', "»", "«")
        return (0 if opens else 1, first)
    return sorted(cues, key=key)


_GOVERNED = {"warnen": "vor", "sprechen": "von", "bezeichnen": "als", "protestieren": "gegen",
             "begründen": "mit", "beschreiben": "als", "loben": "als", "kritisieren": "als", "würdigen": "als"}


_FOCUS = {"sowohl", "weder", "auch", "doch", "so", "zudem", "außerdem", "dabei", "nun", "selbst", "sogar", "nur", "gerade",
          "ausgerechnet", "bereits", "schon", "einzig", "lediglich", "allein", "vor", "allem"}


def _add_correlate(an: Analysis, cue: Cue, e: int) -> None:
    """"warnten davor , ..." / "geht davon aus" / "warnte vor": the correlate or governed preposition
    belongs to the cue."""
    first = min(cue.tokens)
    if first - 1 >= 0 and an.lower[first - 1] in _CORRELATES and an.lower[first] in an.lex.verbs and (
        first - 2 < 0 or an.words[first - 2] not in (".",)
    ) and cue.kind == "verb" and any(v.kind == "joined" for v in an.lex.verbs.get(an.lower[first], [])):
        cue.tokens = sorted({*cue.tokens, first - 1})  # "… , dass sie davon ausgeht"
    lemmas = _lemmas(an, cue) if cue.kind == "verb" else set()
    for lemma in lemmas:
        prep = _GOVERNED.get(lemma)
        if prep:
            for k in range(max(cue.tokens) + 1, min(e, max(cue.tokens) + 12)):
                if an.words[k] in (",", ":", ";") or an.quote_of[k] >= 0:
                    break
                if an.lower[k] == prep:
                    cue.tokens = sorted({*cue.tokens, k})
                    return
    last = max(cue.tokens)
    for k in range(last + 1, min(e, last + 3)):
        if an.lower[k] in _CORRELATES and (k + 1 >= e or an.words[k + 1] in (",", ":") or an.lower[k + 1] in ("aus", "hin")):
            cue.tokens = sorted({*cue.tokens, k})
            return
        if an.words[k] in (",", ":"):
            return


def _starts_relative(an: Analysis, cs: int, s: int) -> bool:
    """Does the comma segment before ``cs`` start with a relative pronoun ("X , der … war , sagte")?"""
    prev_cs = _clause_start(an, cs - 1, s)
    return prev_cs > s and an.is_(prev_cs, "relative")


def _subjunctive_in(an: Analysis, lo: int, hi: int) -> bool:
    return any(an.is_subjunctive(k) for k in range(lo, hi) if an.quote_of[k] < 0)


def _orientation(an: Analysis, cue: Cue, s: int, cs: int, cend: int, ce: int) -> str:
    """Where the message is relative to this cue: "last" (MSG, sagte X), "first" (X sagte, MSG) or "none"."""
    first = min(cue.tokens)
    has_after = cend + 1 < ce and an.words[cend] in (",", ":")  # a comma that ends the text opens nothing
    after_lo = cend + 1
    after_quote = first - 1 >= s and _span_quote_at_end(an, first - 1) is not None
    verb_first = cs > s and (first == cs or (an.is_(cs, "aux") and cs in cue.tokens) or (first == cs + 1 and an.lower[cs] == "so"))
    complement_after = has_after and (
        an.words[cend] == ":" or an.lower[after_lo] in _COMPLEMENT_START
        or _span_quote_at_start(an, after_lo) is not None and _span_quote_at_start(an, after_lo).close + 2 >= ce
    )
    if after_quote and not complement_after:
        return "last"
    if an.lex.lang == "en" and cs > s and _span_quote_at_end(an, cs - 1) is not None:
        return "last"  # “…,” the minister said
    if verb_first and not complement_after:
        before = (s, cs - 1)
        prev_cs = _clause_start(an, cs - 1, s)
        if prev_cs > s and an.is_(prev_cs, "relative") and not _verb_before(an, s, prev_cs - 1) or not _verb_before(an, *before):
            pass  # "X , der … war , sagte" / "Ein Sprecher , Lars Beringer , sagte": the subject comes first
        elif an.lower[s] in _NON_COMPLEMENT_START - {"der", "die", "das", "dem", "den"} and _clause_end(an, s, ce) == cs - 1:
            return "none"  # "Während …, schätzte X …": a subordinate clause is not the message
        elif _subjunctive_in(an, s, cs) or _span_quote_at_end(an, cs - 2) is not None:
            return "last"
        elif has_after and _message_has_evidence(an, after_lo, ce, _lemmas(an, cue)) and _subjunctive_in(an, after_lo, ce):
            return "first"
        else:
            return "last"
    if has_after and _message_has_evidence(an, after_lo, ce, _lemmas(an, cue) if cue.kind == "verb" else {"sagen"}):
        return "first"
    return "none"


def _source(an: Analysis, cue: Cue, lo: int, hi: int) -> Range | None:
    if cue.kind == "impersonal":
        return _impersonal_source(an, cue, lo, hi)
    r = find_source_near_verb(an, cue, lo, hi)
    return _trim_range(an, r)


def _impersonal_source(an: Analysis, cue: Cue, lo: int, hi: int) -> Range | None:
    """"hieß es vom Abgeordneten X" / "Aus Paris hieß es" / "In der Mitteilung heißt es"."""
    last = max(cue.tokens)
    k = last + 1
    if k < hi and an.lower[k] in ("von", "vom", "bei", "beim", "aus", "in", "im", "seitens"):
        r = np_forward(an, k + 1, hi)
        if r:
            return (k + 1 if an.lower[k] == "in" else k, r[1])  # "in dem Schreiben" -> "dem Schreiben"
    first = min(cue.tokens)
    if first > lo and an.lower[lo] in ("von", "vom", "bei", "beim", "aus", "in", "im", "seitens"):
        r = np_forward(an, lo + 1, first)
        if r and r[1] == first:
            return (lo, r[1])
    return None


def _trim_range(an: Analysis, r: Range | None) -> Range | None:
    if r is None:
        return None
    s, e = r
    while e > s and an.words[e - 1] in (",", ":", ";", "-", "–"):
        e -= 1
    while s < e and an.words[s] in (",", ":", ";", "-", "–"):
        s += 1
    return (s, e) if e > s else None


def _r(tokens: list[int]) -> Range:
    return (min(tokens), max(tokens) + 1)


def _rs(tokens: list[int]) -> list[Range]:
    """Contiguous ranges of a set of token indices ("fügte ... hinzu" -> two ranges)."""
    out: list[Range] = []
    for t in sorted(set(tokens)):
        if out and out[-1][1] == t:
            out[-1] = (out[-1][0], t + 1)
        else:
            out.append((t, t + 1))
    return out


def _direct_quotes(an: Analysis, cands: list[Candidate]) -> None:
    """Quotations not yet attached: nested in another quote's message, or cue-less direct speech."""
    used = {rng for c in cands if c.form == "direct" for rng in c.message}
    for q in an.quotes:
        if not q.quotation or q.range in used:
            continue
        # a quotation inside a quoted quotation is part of it
        outer = [o for o in an.quotes if o.quotation and o is not q and o.open < q.open and q.close < o.close]
        if outer:
            continue
        container = [c for c in cands if c.form != "direct" and c.start <= q.open and q.close < c.end]
        if container:
            c = container[0]
            cands.append(Candidate("direct", [q.range], list(c.cue), list(c.source), list(c.addressee), c.stwr,
                                   sentence=c.sentence))
            continue
        si = an.sent_of[q.open]
        prev = [c for c in cands if c.source and c.sentence <= si and si - c.sentence <= 3]
        src = list(prev[-1].source) if prev else []
        sentence_like = any(an.words[i] in (".", "!", "?") for i in range(q.open + 1, q.close))
        if not src and not sentence_like:
            continue  # a cue-less, speaker-less fragment is rather emphasis or a name
        inner = q.close - q.open - 1
        sent_s, sent_e = an.sents[an.sent_of[q.open]]
        # a cue-less fragment in a sentence that is not speech at all is probably emphasis
        if inner < 4 and not (q.open <= sent_s + 1) and (_FRAGMENTS_OFF or not an.words[q.open + 1][:1].islower()):
            continue
        cands.append(Candidate("direct", [q.range], [], src, [], "speech", sentence=si))
    cands.sort(key=lambda c: (c.start, -c.end))


_IFI_WINDOW = 2  # sentences after a quote in which Konjunktiv sentences continue its speaker (2 > 3 > 5 > 8)
_IFI_ANYWHERE = True  # Konjunktiv I sentences count even without a nearby quote
_KONJ1_ONLY = False  # requiring Konjunktiv I (not II) lowered recall more than it raised precision
_KONJ2 = {"würde", "würden", "könnte", "könnten", "müsste", "müssten", "dürfte", "dürften", "hätte", "hätten", "wäre", "wären", "sollte", "sollten"}
_KONJ1 = {"sei", "seien", "habe", "werde", "könne", "müsse", "solle", "wolle", "dürfe", "möge", "gebe", "wisse"}


def _generic_frame(an: Analysis, s: int, e: int) -> Candidate | None:
    """A frame with a verb missing from the lexicon: "X räumt ein , dass … sei" (indicative main clause,
    then a dass/ob/weil clause in Konjunktiv). Source = the subject before the finite verb."""
    ce = _content_end(an, s, e)
    first_comma = _clause_end(an, s, ce)
    if first_comma >= ce or first_comma - s < 2:
        return None
    lo = first_comma + 1
    if lo >= ce or an.lower[lo] not in ("dass", "daß", "ob", "weil", "da"):
        return None
    if _subjunctive_in(an, s, first_comma) or not _subjunctive_in(an, lo, ce):
        return None
    subj = np_forward(an, s, first_comma)
    if subj is None or not (an.is_(s, "nom_start") or an.is_nounish(s)) or an.is_(s, "prep"):
        return None
    verb = subj[1]
    if verb < first_comma and (an.quote_of[verb] >= 0 or not an.words[verb].isalpha() or len(an.words[verb]) < 4
                               or an.is_cap(verb)):
        return None
    if verb >= first_comma or not an.is_verbish(verb) and (an.is_cap(verb) or an.is_punct(verb) or any(
        an.lower[verb] in an.wc.get(c, ()) for c in ("det", "prep", "adverb", "conj", "pron_subj"))):
        return None
    cue = [(verb, verb + 1)]
    return Candidate("indirect", [(lo, ce)], cue, [subj], [], "speech")


def _dependent_konjunktiv(an: Analysis, s: int, e: int) -> Candidate | None:
    """An indicative main clause with a Konjunktiv clause after ", da/weil/dass/ob" whose frame is not in the
    lexicon ("Die Befehlshaber halten X für unwahrscheinlich , da die Armee … nicht gewachsen sei"): the
    dependent clause is the message; speaker unknown."""
    ce = _content_end(an, s, e)
    for k in range(s + 2, ce - 2):
        if an.words[k] == "," and an.quote_of[k] < 0 and an.lower[k + 1] in ("dass", "daß", "ob", "da", "weil"):
            if _subjunctive_in(an, s, k) or not _subjunctive_in(an, k + 1, ce):
                return None
            src: list[Range] = []
            cue: list[Range] = []
            if an.has_dep and _USE_PARSE:
                # the main clause's finite verb and its subject, when the parser gives them
                for v in range(s, k):
                    tok = an.doc[v]
                    if tok.pos_ in ("VERB", "AUX") and tok.tag_.endswith("FIN"):
                        r = _subject_by_parse(an, v, s, k)
                        if r and an.lower[r[0]] not in ("es", "man"):
                            src, cue = [r], [(v, v + 1)]
                        break
            return Candidate("indirect", [(k + 1, ce)], cue, src, [], "speech")
    return None


def _free_indirect(an: Analysis, cands: list[Candidate]) -> None:
    """Konjunktiv sentences without a cue (indirect_free_indirect) and "soll" hearsay (free_indirect)."""
    covered = [0] * an.n
    for c in cands:
        for s, e in c.message:
            for i in range(s, e):
                covered[i] = 1
        for rngs in (c.cue, c.source):
            for s, e in rngs:
                for i in range(s, e):
                    covered[i] = 1
    new: list[Candidate] = []
    last: Candidate | None = None
    for si, (s, e) in enumerate(an.sents):
        if e - s < 3:
            continue
        if sum(covered[s:e]) > 0.3 * (e - s):
            continue
        prev = [c for c in cands + new if c.source and c.sentence < si]
        ref = max(prev, key=lambda c: (c.sentence, c.start)) if prev else None
        near = ref is not None and si - ref.sentence <= _IFI_WINDOW
        subj = any(an.is_subjunctive(k) and (not _KONJ1_ONLY or an.lower[k] not in _KONJ2) for k in range(s, e) if an.quote_of[k] < 0)
        strong = any(an.lower[k] in _KONJ1 for k in range(s, e) if an.quote_of[k] < 0)
        modal = any(an.lower[k] in an.lex.free_indirect for k in range(s, e) if an.quote_of[k] < 0)
        generic = _generic_frame(an, s, e) if subj and an.opts.generic_frames else None
        if generic is None and subj and an.opts.generic_frames:
            generic = _dependent_konjunktiv(an, s, e)
        if generic is not None:
            new.append(generic)
            generic.sentence = si
            last = generic
            continue
        ce_ = _content_end(an, s, e)
        reportive = modal and ce_ - 1 > s and an.lower[ce_ - 1] in ("haben", "sein")
        if not near and not (strong and _IFI_ANYWHERE) and not reportive:
            continue
        if ref is None:
            ref = Candidate("indirect", [(s, e)], stwr="speech", sentence=si)
        if subj and an.opts.free_indirect and (near or strong):
            form = "indirect_free_indirect"
        elif modal and (near or reportive) and an.opts.free_indirect:
            form = "free_indirect"
        else:
            continue
        if last is not None and last.form == form and last.sentence == si - 1 and last.source == ref.source:
            last.message = [(last.message[0][0], e)]
            last.sentence = si
            continue
        cand = Candidate(form, [(s, e)], [], list(ref.source), [], ref.stwr, sentence=si)
        new.append(cand)
        last = cand
    cands.extend(new)
    cands.sort(key=lambda c: (c.start, -c.end))


def _mark_nesting(cands: list[Candidate]) -> None:
    for i, c in enumerate(cands):
        toks = c.tokens()
        best = None
        for j, o in enumerate(cands):
            if i == j:
                continue
            ot = o.tokens()
            if toks < ot or (toks <= ot and c.form == "direct" and o.form != "direct"):
                if best is None or len(ot) < len(cands[best].tokens()):
                    best = j
        c.nested_in = best


# English frames -------------------------------------------------------------------------------

_EN_ADDR_VERBS = {"tell", "inform", "assure", "remind", "warn", "promise", "ask", "urge", "advise", "reassure"}
_EN_OBJECT_VERBS = {"accuse", "criticize", "praise", "endorse", "call", "describe", "blame", "thank", "defend",
                    "attack", "support", "oppose", "slam", "mock", "recall", "announce", "cite", "deny", "discuss",
                    "ask", "urge", "show", "find", "want", "demand", "reveal"}
_EN_SKIP = {"also", "later", "earlier", "then", "again", "previously", "repeatedly", "publicly", "privately", "once",
            "recently", "often", "frequently", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "today", "yesterday", "tonight", "last", "this", "week", "month", "year", "morning",
            "afternoon", "evening", "night", "on", "in", "at", "during", "a", "an", "the", "statement", "interview",
            "speech", "twitter", "tweet", "email", "letter", "rally", "press", "conference", "release", "recent",
            "new", "his", "her", "their", "its", "post", "facebook", "television", "tv", "radio", "show", "to",
            "reporters", "journalists", "told", "cnn", "fox", "msnbc", "abc", "nbc", "cbs", "news", "after"}
_EN_PRO = {"he", "she", "they", "i", "we", "you", "it"}
_EN_CUE_ADV = {"also", "later", "then", "repeatedly", "previously", "publicly", "privately", "reportedly", "once",
               "now", "still", "already", "again", "even", "just", "first", "recently", "often", "long", "has", "have",
               "had", "would", "will", "did", "does", "do", "never", "not", "only", "ever", "always"}


def _en_subject(an: Analysis, lo: int, first: int) -> Range | None:
    """The subject noun phrase right before an English cue verb, inside ``[lo, first)``."""
    if first <= lo:
        return None
    j = first
    while j - 1 >= lo and (an.lower[j - 1] in _EN_CUE_ADV or an.lower[j - 1] == "n't" or (
            an.lower[j - 1].endswith("ly") and not an.words[j - 1][:1].isupper() and len(an.lower[j - 1]) > 4)):
        j -= 1
    if j <= lo:
        return None
    if an.lower[j - 1] in _EN_PRO or an.lower[j - 1] == "who":
        return (j - 1, j)
    # walk back over the noun phrase: capitalised words, nouns, adjectives, determiners, "of", possessives, commas
    # of an apposition are not crossed
    k = j - 1
    start = None
    while k >= lo and j - k <= 12:
        w, low = an.words[k], an.lower[k]
        if w in (",", ":", ";", "(", ")", "“", "”", '"'):
            break
        if an.is_(k, "conj") and not (start is not None and k - 1 >= lo and an.lower[k] == "and"
                                      and an.is_nounish(k - 1) and not an.is_verbish(k - 1)):
            break
        if low in ("said", "says", "say") or an.is_(k, "relative") and low != "that" or low in ("that",):
            break
        if an.is_verbish(k) and not (w[:1].isupper() and k != an.sent_start(k)):
            break
        if not an.has_pos and low.endswith("ed") and not w[:1].isupper():
            break
        if an.is_(k, "prep") and low not in ("of", "for", "at", "from"):
            break
        start = k
        k -= 1
    if start is None:
        return None
    while start < j and (an.lower[start] in ("of", "for", "at", "from", "and", "but") or an.words[start] in ("’s", "'s")):
        start += 1
    return (start, j) if start < j else None


def _en_frame(an: Analysis, cue: "Cue", si: int, s: int, ce: int, cues: list["Cue"], out: list[Candidate]
              ) -> tuple[Candidate | None, set[int]]:
    first, last = min(cue.tokens), max(cue.tokens)
    cs = _clause_start(an, first, s)
    lemmas = {v.lemma for v in an.lex.verbs.get(an.lower[cue.head], [])}
    # aux/adverbs right before the verb belong to the cue ("has said", "also said")
    cue_toks = set(cue.tokens)
    k = first - 1
    while k >= cs and (an.is_(k, "aux") or an.lower[k] in _EN_CUE_ADV or an.lower[k] in ("not", "n't", "never")
                       or (an.lower[k].endswith("ly") and not an.words[k][:1].isupper() and len(an.lower[k]) > 4)):
        cue_toks.add(k)
        k -= 1
    # A. the message before: "MSG, X said." / "MSG, said X." / “…,” X said
    quote_before = _span_quote_at_end(an, cs - 1) if cs - 1 >= s else None
    if quote_before is None and cs - 2 >= s and an.words[cs - 1] == ",":
        quote_before = _span_quote_at_end(an, cs - 2)
    comma_before = cs > s and (an.words[cs - 1] == "," or quote_before is not None)
    if comma_before and quote_before is None and first == cs:
        app = _en_apposition_subject(an, s, cs - 1)
        if app is not None and app[0] == s:
            comma_before = False  # "Le Pen, who …, said …": the subject with a relative clause, not a message
    earlier_cue = any(c is not cue and c.kind == "verb" and s <= c.head < cs for c in cues)
    if comma_before and not an.lower[cue.head].endswith("ing") and not earlier_cue:
        pre = _en_subject(an, cs, first) if first > cs else None
        pre_ok = first == cs or (pre is not None and pre[0] == cs) or all(t in cue_toks for t in range(cs, first))
        if pre_ok:
            src = pre
            k = last + 1
            if src is None:
                src = np_forward(an, k, ce)
                if src is not None and an.lower[src[0]] in _EN_PRO | {"the", "a", "an"} | set() or (src and an.words[src[0]][:1].isupper()):
                    k = src[1]
                    # appositions ", a spokesman for X,"
                    if k < ce and an.words[k] == "," and k + 1 < ce and an.lower[k + 1] not in ("who", "which", "adding", "saying", "noting", "and", "but"):
                        r2_end = _clause_end(an, k + 1, ce)
                        if r2_end - k <= 15 and not any(an.lex.verbs.get(an.lower[t]) for t in range(k + 1, r2_end)):
                            src = (src[0], r2_end)
                            k = r2_end
                else:
                    src = None
            # what follows the frame must be short (time, place) or a new clause
            rest_end = _clause_end(an, k, ce)
            if rest_end - k <= 6:
                if quote_before is not None:
                    msg = [quote_before.range]
                    form = "direct"
                    # a sentence-initial quote only: "“…,” he said" (an earlier part of the sentence belongs to it)
                else:
                    ms = s
                    for d in range(s + 1, min(cs - 1, s + 8)):
                        if an.words[d] in ("-", "—", "–") and all(
                                an.words[t].isupper() or an.words[t] in ("(", ")", ",", ".") or an.words[t][:1] == "("
                                or (t > s and an.words[t - 1] == "(") for t in range(s, d)):
                            ms = d + 1  # dateline "LONDON (lgb) -"
                            break
                    msg = _trim(an, [(ms, cs - 1)])
                    form = "indirect"
                if msg:
                    if src is None:
                        src = _en_prev_source(out, an, si)
                    fr = set(range(cs, rest_end))
                    return Candidate(form, msg, _rs(sorted(cue_toks)), [src] if src else [], [], cue.stwr,
                                     sentence=si), fr
    # B. the message after: "X said (that) MSG", "X told Y that MSG"
    src = _en_subject(an, cs, min(cue_toks))
    if src is None and cs > s and an.words[cs - 1] == "," and min(cue_toks) == cs and not an.lower[cue.head].endswith("ing"):
        src = _en_apposition_subject(an, s, cs - 1)  # "Sexton, a writing professor, said" / "X, who …, said"
    if src is None and cs > s and an.words[cs - 1] == "," and an.lower[cue.head].endswith("ing"):
        src = _en_prev_source(out, an, si)  # "…, adding that …"
    if src is None:
        # coordinated verbs share the subject: "Trump paused and said …"
        if first > s and an.lower[first - 1] == "and":
            v = next((t for t in range(cs, first - 1) if an.is_verbish(t) or (
                not an.has_pos and an.lower[t].endswith("ed") and not an.words[t][:1].isupper())), None)
            if v is not None:
                src = _en_subject(an, cs, v)
        if src is None and cs > s and an.lower[cue.head].endswith("ing"):
            src = _en_prev_source(out, an, si)
    if src is None:
        return None, set()
    k = last + 1
    addr = None
    if lemmas & _EN_ADDR_VERBS and k < ce:
        addr = np_forward(an, k, ce)
        if addr and an.lower[addr[0]] not in ("that", "how", "what", "whether", "why", "when", "if"):
            k = addr[1]
        else:
            addr = None
    # "said in a statement Monday that …": skip to the complementiser
    j = k
    while j < ce and j - k <= 7 and (an.lower[j] in _EN_SKIP or an.words[j][:1].isupper() and an.lower[j] not in _EN_PRO):
        j += 1
    if j < ce and j > k and an.lower[j] in ("that", ",", ":"):
        k = j
    if k < ce and an.words[k] in (",", ":"):
        k += 1
    if k >= ce:
        if an.words[ce - 1] == ":" and si + 1 < len(an.sents):
            q = _span_quote_at_start(an, an.sents[si + 1][0])
            if q is not None:
                return Candidate("direct", [q.range], _rs(sorted(cue_toks)), [src], [addr] if addr else [],
                                 cue.stwr, sentence=si), set(range(src[0], ce))
        return None, set()
    # the message ends before another cue introduced after a comma ("…, adding that …")
    end = ce
    for c2 in cues:
        f2 = min(c2.tokens)
        if f2 > k and c2 is not cue and f2 - 1 > k and an.words[f2 - 1] == "," and c2.kind == "verb":
            end = f2 - 1
            break
    q = _span_quote_at_start(an, k)
    if q is not None and q.close + 1 >= end - 1:
        return Candidate("direct", [q.range], _rs(sorted(cue_toks)), [src], [addr] if addr else [], cue.stwr,
                         sentence=si), set(range(src[0], k))
    if end - k < 2 and not lemmas & _EN_OBJECT_VERBS:
        return None, set()
    if not (lemmas & _EN_OBJECT_VERBS) and an.lower[k] in ("to", "by", "with", "for", "about", "on", "in", "at", "from", "up", "out", "off", "so", "."):
        return None, set()
    msg = _trim(an, [(k, end)])
    if not msg:
        return None, set()
    return Candidate("indirect", msg, _rs(sorted(cue_toks)), [src], [addr] if addr else [], cue.stwr,
                     sentence=si), set(range(min(src[0], first), k))


def _en_prev_source(out: list[Candidate], an: Analysis, si: int) -> Range | None:
    for c in reversed(out):
        if c.source and c.sentence == si:
            return c.source[0]
    return None


def _en_merge_continued(an: Analysis, cands: list[Candidate]) -> list[Candidate]:
    """“…,” X said. “…” — a cue-less quotation right after the frame continues the same attribution."""
    out: list[Candidate] = []
    for c in cands:
        if out and c.form == "direct" and not c.cue and c.nested_in is None:
            p = out[-1]
            same = an.sent_of[c.start] == an.sent_of[p.end - 1] and 0 <= c.start - p.end <= 10
            follows = c.sentence == p.sentence + 1 and c.start == an.sents[c.sentence][0] and an.sent_of[p.end - 1] <= p.sentence
            if p.form == "direct" and p.cue and (same or follows):
                p.message = p.message + c.message
                continue
        out.append(c)
    return out


def _en_according(an: Analysis, cue: "Cue", si: int, s: int, ce: int) -> tuple[Candidate, set[int]] | None:
    """"according to X, MSG" / "MSG, according to X" / "MSG, according to X, MSG"."""
    k0, k1 = cue.tokens[0], cue.tokens[-1]
    send = _clause_end(an, k1 + 1, ce)
    if send <= k1 + 1:
        return None
    src = (k1 + 1, send)
    frame = set(range(k0, send))
    lo = k0 - 1 if k0 > s and an.words[k0 - 1] == "," else k0
    if lo < k0:
        frame.add(lo)
    parts = []
    if lo > s:
        parts.append((s, lo))
    if send < ce:
        parts.append((send + 1 if an.words[send] == "," else send, ce))
        frame.add(send)
    msg = _trim(an, parts)
    if not msg:
        return None
    return Candidate("indirect", msg, _rs(cue.tokens), [src], [], cue.stwr, sentence=si), frame


def _en_apposition_subject(an: Analysis, s: int, comma: int) -> Range | None:
    """"NAME, apposition or relative clause, said": the subject with its apposition (up to ``comma``)."""
    for p in range(comma - 1, max(s, comma - 25) - 1, -1):
        if an.words[p] == "," and an.quote_of[p] < 0:
            core = _en_subject(an, s, p)
            if core is None or not (an.is_nounish(core[1] - 1) or an.lower[core[1] - 1] in _EN_PRO):
                return None
            if core[0] > s and an.words[core[0] - 1] not in (",", ":", ";", "—", "–", "-") and not an.is_(core[0] - 1, "conj"):
                return None  # the noun phrase is an object of an earlier clause
            return (core[0], comma)
        if an.words[p] in (";", ":") or an.quote_of[p] >= 0:
            return None
    return None


def _en_headline(an: Analysis, si: int, s: int, e: int) -> list[Candidate]:
    """Headline attribution "Pat Caddell: Voters Worried About …" (a name, a colon, the claim)."""
    if an.words[s] == ":" and si > 0 and an.sents[si - 1][1] == s and 1 <= s - an.sents[si - 1][0] <= 4:
        s = an.sents[si - 1][0]  # the parser split the sentence at the colon
    for k in range(s + 1, min(e, s + 5)):
        if an.words[k] == ":":
            name = range(s, k)
            if not all(an.words[t][:1].isupper() or an.words[t] in ("’s", "'s", ".") for t in name):
                return []
            if any(an.lower[t] in ("update", "updated", "watch", "video", "photos", "breaking", "exclusive", "transcript",
                                   "live", "editor", "note", "read", "listen", "related", "by", "source", "sources")
                   for t in name):
                return []
            ce = _content_end(an, s, e)
            if ce - (k + 1) < 4:
                return []
            q = _span_quote_at_start(an, k + 1)
            form = "direct" if q is not None and q.close + 1 >= ce else "indirect"
            msg = [q.range] if form == "direct" else _trim(an, [(k + 1, ce)])
            return [Candidate(form, msg, [(k, k + 1)], [(s, k)], [], "speech", sentence=si)] if msg else []
        if an.words[k] in (",", ";") or an.quote_of[k] >= 0:
            return []
    return []
