"""Clause-level event coding: trigger → CAMEO/PLOVER, source/target actors, date, place, polarity, status.

Triggers come from our lexicons (verbs with separable particles, nouns incl. compound heads, phrases).
Arguments come from the dependency parse when the base pipeline has one, else from the order of actor
mentions around the trigger (German V2/verb-final and passive aware). Everything is plain functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ...document import Actor, Event, Place, Quote, Timex
from ..actors.lexicon import ActorLexicon
from .lexicon import EventLexicon, Trigger, plover_for

# nominal triggers whose genitive/"von" complement is the patient, not the agent
PATIENT_NOUN_CODES = {"063", "084", "161", "173", "174", "181", "186", "201", "182", "191", "192", "171"}
CLAUSE_PUNCT = {",", ";", ":", "(", ")", "–", "—", "-", '"', "„", "“", "”", "«", "»"}
SUBJ_DEPS = {"nsubj", "sb", "csubj"}
PASS_SUBJ_DEPS = {"nsubj:pass", "nsubjpass"}
OBJ_DEPS = {"obj", "iobj", "oa", "da", "dobj"}
AGENT_DEPS = {"obl:agent", "agent"}
MOD_DEPS = {"nmod", "nmod:poss", "ag", "amod", "poss", "compound", "obl", "obl:arg"}


@dataclass
class Match:
    start: int  # token index of the trigger head
    end: int  # end token (exclusive) of the trigger's first part
    trigger: Trigger
    score: float
    parts: list[int] = field(default_factory=list)  # other token indices (separable particle)


@dataclass
class ArgMention:
    start: int  # token range in the doc
    end: int
    actor: Actor


def _has_dep(doc: Doc) -> bool:
    return doc.has_annotation("DEP")


def _sents(doc: Doc) -> list[Span]:
    """Sentences, merging pieces a statistical splitter cut off without final punctuation."""
    if not (doc.has_annotation("SENT_START") or _has_dep(doc)):
        return [doc[:]]
    out: list[Span] = []
    start = None
    for sent in doc.sents:
        if start is None:
            start = sent.start
        last = sent[-1].text if len(sent) else ""
        if last in (".", "!", "?", "…") or "\n" in last or sent.end == len(doc) or last.endswith((".", "!", "?")):
            out.append(doc[start : sent.end])
            start = None
    if start is not None:
        out.append(doc[start:])
    return out


# ---------------------------------------------------------------------------------------------
# triggers
# ---------------------------------------------------------------------------------------------
class _Context:
    """Per-sentence cache of the context-word checks (a context stem of >= 4 letters may occur inside a
    compound, a shorter one must start a word)."""

    def __init__(self, lowers: list[str]):
        self.joined = " " + " ".join(lowers)
        self.cache: dict[tuple[str, ...], bool] = {}

    def ok(self, trig: Trigger) -> bool:
        if not trig.context:
            return True
        hit = self.cache.get(trig.context)
        if hit is None:
            hit = any((c in self.joined) if len(c) >= 4 else ((" " + c) in self.joined) for c in trig.context)
            self.cache[trig.context] = hit
        return hit


def _unless_hit(trig: Trigger, tok: Token, sent: Span) -> bool:
    """A "!word" context: the word right before the trigger or within four words after it (its object) blocks
    it ("a report released on Monday", "released a statement" are no releases of prisoners)."""
    if not trig.unless:
        return False
    lo, hi = max(sent.start, tok.i - 1), min(sent.end, tok.i + 5)
    words = {tok.doc[j].lower_ for j in range(lo, hi) if j != tok.i}
    return any(w in words or w + "s" in words for w in trig.unless)  # "report(s)", not "reporters"


def _context_ok(ctx: _Context, trig: Trigger, tok: Token, sent: Span) -> bool:
    """Context words; ">word" = the word must follow the trigger within six tokens (its object:
    "withdrew its inspectors", not "withdrew ... after rebels kidnapped peacekeepers")."""
    if _unless_hit(trig, tok, sent):
        return False
    if trig.context and trig.context[0].startswith(">"):
        return _object_window_ok(trig, tok.doc, tok.i + 1, sent)
    return ctx.ok(trig)


def _object_window_ok(trig: Trigger, doc: Doc, start: int, sent: Span) -> bool:
    """A ">word" context occurs within the six tokens from ``start`` (the trigger's object)."""
    window = " " + " ".join(t.lower_ for t in doc[start : min(sent.end, start + 6)])
    return any(c.lstrip(">") in window for c in trig.context)


def _verb_candidate(lex: EventLexicon, tok: Token) -> bool:
    if not tok.is_alpha:
        return False
    if lex.lang == "de":
        if tok.text[:1].isupper() and not tok.is_sent_start:
            return False  # a German noun
        # an attributive participle ("getötete Zivilisten", "inhaftierte Oppositionsführer") is not a verb; the
        # interim tagger is not reliable enough here, so this is decided on the form
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        w = tok.lower_
        if nxt is not None and nxt.text[:1].isupper() and nxt.is_alpha and (
                (w.endswith(("te", "ten", "ter", "tes", "tem", "ene", "enen", "ener")) and w.startswith("ge"))
                or w.endswith(("ter", "tes", "tem", "ener", "enes", "enem"))):
            return False  # (-ierte/-ierten stay: "protestierten Hunderte" is finite; -ierter is not)
    return True


def _en_attributive(tok: Token) -> bool:
    """An English participle used as an adjective before its noun ("armed forces", "wounded civilians", "the
    disputed region", "occupied territories") names a state, not an event (needs the parse)."""
    if tok.dep_ != "amod" or tok.head.i <= tok.i or tok.tag_ not in ("VBN", "VBG", "JJ"):
        return False
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    # the parser also calls a finite verb after its subject "amod" ("Britain mobilized army reservists")
    return prev is None or prev.pos_ in ("DET", "ADJ", "ADP", "PUNCT", "CCONJ", "NUM", "PRON")


def _en_predicate(tok: Token) -> bool:
    """A word the tagger calls an adjective but the parse makes the predicate of a clause with a subject and an
    object ("police beat protesters": "beat" tagged JJ), or that follows a modal ("it would free 150
    prisoners"), is a verb."""
    kids = {c.dep_ for c in tok.children}
    if any(d.startswith("nsubj") for d in kids) and bool(kids & {"obj", "dobj"}):
        return True
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return prev is not None and prev.tag_ == "MD"


def _match_verb(lex: EventLexicon, tok: Token, sent: Span, ctx: _Context) -> Match | None:
    t = tok.lower_
    best: Match | None = None
    seen = set()
    for stem, trig in lex.verb_candidates(t):
        key = (stem, id(trig))
        if key in seen or not _context_ok(ctx, trig, tok, sent):
            continue
        seen.add(key)
        p = trig.particle
        score = None
        parts: list[int] = []
        if p:
            if t.startswith(p):
                rest = t[len(p):]
                for pre in ("", "ge", "zu"):
                    if rest.startswith(pre + stem):
                        score = len(stem) + len(p)
                        break
            if score is None and (t.startswith(stem) or (lex.lang == "de" and t.startswith("ge" + stem))):
                j = _find_particle(tok, sent, p)
                if j is not None:
                    score, parts = len(stem) + len(p), [j]
        elif t.startswith(stem) or (lex.lang == "de" and t.startswith("ge" + stem)):
            score = len(stem)
            if lex.lang == "en" and not _en_verb_form(t, stem):
                score = None  # a different word ("freedom" is no form of "free", "attackers" are persons)
            elif lex.lang == "en" and tok.pos_ in ("ADJ", "DET", "ADV", "NUM", "ADP") and not t.endswith(("ed", "ing", "en")) \
                    and not _en_predicate(tok):
                score = None  # "several" is no form of "sever", "free elections" no release
        if score is None:
            continue
        if trig.context:
            score += 100
        if best is None or score > best.score:
            best = Match(tok.i, tok.i + 1, trig, score, parts)
    return best


# endings after a short English stem that still make a form of the same verb ("end" → "ended", "cut" → "cutting",
# not "endorsed"; "free" → "freed", not "freedom"; "arm" → "armed", not "army")
EN_SHORT_STEM_ENDINGS = {"", "s", "es", "d", "ed", "ing", "n", "en", "ped", "ping", "ted", "ting", "ned", "ning", "ded",
                         "ding", "red", "ring", "ged", "ging", "led", "ling", "ied", "ies", "ying"}


EN_VERB_PREFIXES = {"re", "co", "pre", "un", "de", "counter", "over", "under", "out", "mis", "cross"}


def _en_verb_form(t: str, stem: str) -> bool:
    """Whether the English word ``t`` can be a form of the verb ``stem`` (a prefix of ``t``)."""
    if t == stem:
        return True
    rest = t[len(stem):]
    if stem.endswith("e") and rest[0] not in "aeiouyd" and rest[0] not in "sn":
        return False  # after a final -e only -d/-s/-n ("broke" → "broken", not "brokered")
    if stem.endswith("ed") and len(stem) > 4:
        return False  # a full past form ("freed") is not the start of another word ("freedoms")
    if len(stem) <= 4 and rest not in EN_SHORT_STEM_ENDINGS:
        return False
    if len(rest) > 3 and not t.endswith(("ing", "ed", "es", "s", "ation", "ations")):
        return False  # a different word
    if t.endswith(("er", "ers", "or", "ors", "ee", "ees")):
        return False  # "attackers", "protesters", "demonstrators", "detainees": persons, not actions
    return True


def _find_particle(tok: Token, sent: Span, particle: str) -> int | None:
    """The clause-final separable particle ("griffen ... an") after ``tok`` in its clause."""
    doc = tok.doc
    for j in range(tok.i + 1, min(sent.end, tok.i + 16)):
        w = doc[j]
        if w.text in CLAUSE_PUNCT or w.text in (".", "!", "?"):
            return None
        if w.lower_ == particle:
            nxt = doc[j + 1] if j + 1 < sent.end else None
            if nxt is None or nxt.is_punct or nxt.lower_ in ("und", "oder", "sowie", "and", "or"):
                return j
    return None


def _match_noun(lex: EventLexicon, tok: Token, ctx: _Context) -> Match | None:
    if not tok.is_alpha and "-" not in tok.text:
        return None
    if lex.lang == "de" and not tok.text[:1].isupper():
        return None
    t = tok.lower_.split("-")[-1] if "-" in tok.text else tok.lower_
    forms = [t] + [t[: -len(e)] for e in lex.noun_endings if t.endswith(e) and len(t) - len(e) >= 3]
    for stem, trig in lex.noun_candidates(forms):  # longest stems first
        if any(f == stem or (lex.lang == "de" and f.endswith(stem)) for f in forms):
            if not ctx.ok(trig) or _unless_hit(trig, tok, tok.doc[:]):
                continue
            if trig.veto:
                return None
            return Match(tok.i, tok.i + 1, trig, len(stem) + (100 if trig.context else 0))
    return None


def _match_phrases(lex: EventLexicon, sent: Span, lowers: list[str], ctx: _Context) -> list[Match]:
    out = []
    toks = list(sent)
    for k, w in enumerate(lowers):
        for trig in lex.phrase_index.get(w[:3], ()):
            n = len(trig.words)
            if k + n > len(toks):
                continue
            if trig.context and trig.context[0].startswith(">"):
                if not _object_window_ok(trig, sent.doc, toks[k].i + n, sent):
                    continue  # "called off the strike": the object follows the phrase
            elif not ctx.ok(trig):
                continue
            if all(lowers[k + m].startswith(trig.words[m]) for m in range(n)):
                out.append(Match(toks[k].i, toks[k + n - 1].i + 1, trig, 50 + sum(map(len, trig.words))))
    return out


def _name_tokens(doc: Doc, actors: list[Actor]) -> set[int]:
    """English: capitalised tokens inside a multi-word organisation, person or role mention of the actor layer,
    except its last word ("Amnesty International", "activists of Amnesty International"; a mislabelled
    "Israeli Strikes" keeps its trigger)."""
    out: set[int] = set()
    for a in actors:
        if a.type not in ("ORG", "PER", "ROLE"):
            continue
        for s_, e_ in a.mentions:
            span = doc.char_span(s_, e_, alignment_mode="expand")
            if span is not None and len(span) > 1:
                out.update(t.i for t in span[:-1] if t.text[:1].isupper())
    return out


def find_triggers(doc: Doc, lex: EventLexicon, sent: Span, named: set[int] = frozenset()) -> list[Match]:
    lowers = [t.lower_ for t in sent]
    ctx = _Context(lowers)
    found: list[Match] = _match_phrases(lex, sent, lowers, ctx)
    # a longer phrase claims its words from shorter phrases inside it; a veto phrase ("heart attack") claims
    # its words and is dropped
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[Match] = []
    taken: set[int] = set()
    for m in found:
        if any(i in taken for i in range(m.start, m.end)):
            continue
        taken.update(range(m.start, m.end))
        kept.append(m)
    found = [m for m in kept if not m.trigger.veto]
    for tok in sent:
        if tok.i in taken or not (tok.is_alpha or "-" in tok.text):
            continue
        if tok.i in named:
            continue  # a word of an organisation's or person's name ("Amnesty International")
        cands = []
        if (lex.lang == "en" and not _en_attributive(tok)) or (lex.lang != "en" and _verb_candidate(lex, tok)):
            v = _match_verb(lex, tok, sent, ctx)
            if v is not None:
                cands.append(v)
        n = _match_noun(lex, tok, ctx)
        if n is not None:
            cands.append(n)
        if lex.lang == "en" and tok.i - 2 >= sent.start and doc[tok.i - 1].text == "-" \
                and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_ and _match_noun(lex, tok, ctx) is None \
                and doc[tok.i - 2].lower_ not in EN_VERB_PREFIXES:
            continue  # "long-threatened", "war-torn", "Israeli-occupied": part of a hyphenated adjective
        if lex.lang == "en" and tok.pos_:
            # with POS: nouns for noun triggers, verbs for verb triggers
            cands = [c for c in cands if (c.trigger.kind == "noun") == (tok.pos_ in ("NOUN", "PROPN"))] or cands
        if cands:
            found.append(max(cands, key=lambda m: m.score))
    if lex.lang == "en" and "request_object" in lex.markers.words:
        found.extend(_object_requests(doc, lex, sent, {m.start for m in found}))
    # particles of separable verbs are not triggers themselves
    used_particles = {p for m in found for p in m.parts}
    found = [m for m in found if m.start not in used_particles]
    found.sort(key=lambda m: m.start)
    return found


REQUEST_TRIGGER = Trigger("020", "verb", ("want",))


def _object_requests(doc: Doc, lex: EventLexicon, sent: Span, taken: set[int]) -> list[Match]:
    """"Obama wants Putin to attack", "Paris would like Rome to act": wanting somebody else to do something is an
    appeal (CAMEO 02); "wants to help" (no object) stays the intention of the action."""
    out = []
    for tok in sent:
        if tok.i in taken or not lex.markers.has("request_object", tok.lower_):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if nxt is None or nxt.lower_ == "to" or not (nxt.pos_ in ("PROPN", "PRON", "NOUN", "DET") or nxt.text[:1].isupper()):
            continue
        if nxt.lower_ in ("it", "that", "this", "more", "peace"):
            continue  # "wants it to be known", "wants peace"
        if any(doc[j].lower_ == "to" and j + 1 < sent.end and doc[j + 1].pos_ in ("VERB", "AUX")
               for j in range(tok.i + 2, min(sent.end, tok.i + 6))):
            out.append(Match(tok.i, tok.i + 1, REQUEST_TRIGGER, 10))
    return out


# ---------------------------------------------------------------------------------------------
# clauses
# ---------------------------------------------------------------------------------------------
def clauses(sent: Span) -> list[tuple[int, int]]:
    out, start = [], sent.start
    for tok in sent:
        if tok.text in CLAUSE_PUNCT and tok.i > start:
            out.append((start, tok.i))
            start = tok.i + 1
    if start < sent.end:
        out.append((start, sent.end))
    return out or [(sent.start, sent.end)]


def _clause_of(clause_list: list[tuple[int, int]], i: int) -> int:
    for k, (s, e) in enumerate(clause_list):
        if s <= i < e:
            return k
    return len(clause_list) - 1


def _is_dependent_clause(doc: Doc, lex: EventLexicon, span: tuple[int, int], trig_i: int) -> bool:
    s, e = span
    if s < e and lex.markers.has("clause_start", doc[s].lower_):
        return True
    if s + 1 < e and lex.markers.has("preposition", doc[s].lower_) and lex.markers.has("clause_start", doc[s + 1].lower_):
        return True  # "in der Israel ... aufgefordert wird"
    if _perfect_infinitive(doc, lex, trig_i, e):
        return True  # "angegriffen zu haben"
    inf = lex.markers.words.get("infinitive", set())
    if trig_i > s and doc[trig_i - 1].lower_ in inf:
        return True
    t = doc[trig_i].lower_
    if lex.lang == "de" and "zu" in t[1:6] and not t.startswith("zu"):  # anzugreifen, abzuziehen
        return True
    return False


# ---------------------------------------------------------------------------------------------
# arguments
# ---------------------------------------------------------------------------------------------
def _attitude_prefix(doc: Doc, span: Span) -> bool:
    """A one-word mention inside "anti-"/"pro-" + word before a noun ("anti-government protesters", "pro-Kremlin
    media") names what the others are for or against; it is no participant of the event."""
    i = span.start
    return len(span) == 1 and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("anti", "pro") \
        and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_ and i + 1 < len(doc) and doc[i + 1].is_alpha


def _doc_mentions(doc: Doc, actors: list[Actor]) -> list[ArgMention]:
    out = []
    for a in actors:
        for s_, e_ in a.mentions:
            span = doc.char_span(s_, e_, alignment_mode="expand")
            if span is not None and len(span) and not _attitude_prefix(doc, span):
                out.append(ArgMention(span.start, span.end, a))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _arg_mentions(all_mentions: list[ArgMention], sent: Span, starts: list[int] | None = None) -> list[ArgMention]:
    """Mentions inside the sentence (``all_mentions`` sorted by start; ``starts`` their start tokens)."""
    from bisect import bisect_left

    if starts is None:
        starts = [m.start for m in all_mentions]
    out = []
    for m in all_mentions[bisect_left(starts, sent.start):]:
        if m.start >= sent.end:
            break
        if m.end <= sent.end:
            out.append(m)
    return out


QUANTITY_WORDS = {"thousands", "hundreds", "dozens", "millions", "group", "number", "some", "many", "most", "all",
                  "none", "one", "two", "three", "several", "scores", "tens", "members", "part", "majority"}


def _preceding_prep(doc: Doc, lex: EventLexicon, i: int, floor: int) -> str | None:
    j = i - 1
    while j >= floor:
        w = doc[j]
        if lex.markers.has("preposition", w.lower_):
            if w.lower_ == "of" and j > 0 and (doc[j - 1].lower_ in QUANTITY_WORDS or doc[j - 1].like_num):
                return None  # "Thousands of Iraqi Kurds": the quantity's head is the actor
            return w.lower_
        if w.text == "-" and lex.lang == "en":
            j -= 1  # "to war-torn Mozambique"
            continue
        if w.is_alpha and (w.text[:1].islower() or lex.lang == "en") and not lex.markers.has("preposition", w.lower_):
            # determiners/adjectives ("gegen die russischen Truppen") may sit in between
            if j < i - 3:
                return None
            j -= 1
            continue
        return None
    return None


def _token_actor(ms: list[ArgMention], i: int) -> ArgMention | None:
    for m in ms:
        if m.start <= i < m.end:
            return m
    return None


def _subtree_actor(ms: list[ArgMention], tok: Token) -> ArgMention | None:
    hit = _token_actor(ms, tok.i)
    if hit:
        return hit
    for t in tok.subtree:
        hit = _token_actor(ms, t.i)
        if hit:
            return hit
    return None


def _args_from_parse(doc: Doc, match: Match, ms: list[ArgMention]) -> tuple[ArgMention | None, ArgMention | None]:
    head = doc[match.start]
    src = tgt = None
    for child in head.children:
        dep = child.dep_
        if dep in SUBJ_DEPS and src is None:
            src = _subtree_actor(ms, child)
        elif dep in PASS_SUBJ_DEPS and tgt is None:
            tgt = _subtree_actor(ms, child)
        elif dep in AGENT_DEPS and src is None:
            src = _subtree_actor(ms, child)
        elif dep in OBJ_DEPS and tgt is None:
            tgt = _subtree_actor(ms, child)
        elif dep in MOD_DEPS and child.pos_ != "VERB":
            cand = _subtree_actor(ms, child)
            if cand is None:
                continue
            case = next((c.lower_ for c in child.children if c.dep_ == "case"), None)
            if head.pos_ == "NOUN" and dep in ("nmod", "nmod:poss", "amod", "poss", "ag", "compound") and case in (None, "von", "des", "of", "'s", "durch", "by"):
                src = src or cand
            elif case in ("von", "durch", "by") and src is None:
                src = cand
            elif tgt is None and cand is not src:
                tgt = cand
    if src is None and head.pos_ == "NOUN" and head.dep_ in OBJ_DEPS | {"obl"}:
        for child in head.head.children:  # "startete einen Angriff": the verb's subject
            if child.dep_ in SUBJ_DEPS:
                src = _subtree_actor(ms, child)
                break
    return src, tgt


def _args_by_order(doc: Doc, lex: EventLexicon, match: Match, ms: list[ArgMention], clause: tuple[int, int],
                   governing: tuple[int, int] | None, passive: bool) -> tuple[ArgMention | None, ArgMention | None]:
    i = match.start
    cs, ce = clause
    in_clause = [m for m in ms if cs <= m.start < ce and not (m.start <= i < m.end)]
    before = [m for m in in_clause if m.end <= i]
    after = [m for m in in_clause if m.start >= match.end]
    prep = {id(m): _preceding_prep(doc, lex, m.start, cs) for m in in_clause}
    agent = lex.markers.words.get("agent_prep", set())
    genitive = lex.markers.words.get("genitive", set())
    src = tgt = None
    if match.trigger.kind == "noun" or doc[i].text[:1].isupper() and lex.lang == "de":
        # nominal trigger: genitive/"von" complement, adjective/compound before, else the clause subject
        own = [m for m in ms if m.start <= i < m.end and m.end - m.start == 1 and m.start == i]
        if own and "-" in doc[i].text:
            src = own[0]  # "US-Luftangriff", "Hamas-Angriff"
        if len(after) >= 2 and prep[id(after[0])] in ("zwischen", "between"):
            mediator = [m for m in before if prep[id(m)] is None]
            if match.trigger.cameo[:3] == "045" and mediator:
                return mediator[0], after[0]  # "Qatar's mediation between X and Y": the mediator is the source
            return after[0], after[1]
        if match.trigger.cameo[:3] in PATIENT_NOUN_CODES:
            # "Festnahme des Oppositionsführers durch die Polizei": the complement is the patient
            by = next((m for m in after if prep[id(m)] in ("durch", "by")), None)
            pat = next((m for m in after if m is not by and m.start - match.end <= 4), None)
            if by is None:
                subj = [m for m in before if prep[id(m)] is None]
                by = subj[0] if subj else None
            return by, pat
        by_agent = next((m for m in after if m.start - match.end <= 8 and prep[id(m)] in agent), None) \
            if lex.lang == "en" else None
        if by_agent is not None:
            # "criticism of the United States by China": the "by" agent acts, the "of" complement undergoes it
            src = by_agent
        for m in after:
            if src is not None or m.start - match.end > 3:
                break
            p = prep[id(m)]
            if p in agent or (m.start == match.end) or (m.start > match.end and doc[match.end].lower_ in genitive and m.start - match.end <= 2):
                src = m
                break
        if src is None and before and before[-1].end == i:
            src = before[-1]  # "israelischer Luftangriff", "Hamas-Angriff"
        for m in after:
            if m is src:
                continue
            if prep[id(m)] in lex.markers.words.get("target_prep", set()) or tgt is None:
                tgt = m
                break
        if src is None:
            subj = [m for m in before if prep[id(m)] is None]
            if subj and lex.lang == "en" and _passive_between(doc, lex, subj[0].end, i):
                # "Iraqi troops were killed in an attack": the passive subject is the victim
                if tgt is None:
                    tgt = subj[0]
                subj = []
            src = subj[0] if subj else None
            if src is None and lex.lang == "en" and not before:
                # "Workers (...) stopped work on the first day of a strike": the subject of an earlier clause
                earlier = [m for m in ms if m.start < cs and _preceding_prep(doc, lex, m.start, 0) is None
                           and (tgt is None or m.actor is not tgt.actor)]
                src = earlier[0] if earlier else None
        if tgt is None:
            # "Die Weltbank gewährte Pakistan einen Kredit": the recipient before the noun
            rest = [m for m in before if m is not src and (src is None or m.actor is not src.actor)]
            tgt = rest[-1] if rest else None
        return src, tgt
    if passive:
        for m in in_clause:
            if prep[id(m)] in agent:
                src = m
                break
        subj = [m for m in in_clause if prep[id(m)] is None and m is not src]
        tgt = subj[0] if subj else None
        if tgt is None:
            cands = [m for m in in_clause if m is not src]
            tgt = cands[0] if cands else None
        if src is None and governing is not None:
            gov = [m for m in ms if governing[0] <= m.start < governing[1] and _preceding_prep(doc, lex, m.start, governing[0]) is None]
            src = gov[0] if gov and (tgt is None or gov[0].actor is not tgt.actor) else None
        return src, tgt
    subj_before = [m for m in before if prep[id(m)] is None]
    if lex.lang == "en" and len(subj_before) > 1:
        # "Osama bin Laden's al-Qaeda network threatened": the possessor is not the subject
        subj_before = [m for k, m in enumerate(subj_before) if not (
            m.end < len(doc) and doc[m.end].text in ("'s", "\u2019s", "'") and k + 1 < len(subj_before)
            and subj_before[k + 1].start - m.end <= 3)]
    subj_after = [m for m in after if prep[id(m)] is None]
    if lex.lang == "en" and subj_before and _is_infinitive(doc, lex, clause, i):
        # "Algeria is prepared to lift the ban": the controller sits in the same clause; an object right before
        # "to" controls it ("urged Iran to release the sailors"), else the subject
        near = [m for m in subj_before if 0 <= i - 1 - m.end <= 1 and m is not subj_before[0]]
        src = near[-1] if near else subj_before[0]
        objs = [m for m in after if m.actor is not src.actor]
        return src, (objs[0] if objs else None)
    if governing is not None and _is_infinitive(doc, lex, clause, i):
        gov = [m for m in ms if governing[0] <= m.start < governing[1] and _preceding_prep(doc, lex, m.start, governing[0]) is None]
        src = gov[0] if gov else None
        objs = [m for m in in_clause if m is not src and (src is None or m.actor is not src.actor)]
        return src, (objs[0] if objs else None)
    after_clause = i > cs and doc[i - 1].text in CLAUSE_END_PUNCT
    parse_subj = _parse_subject(doc, i, after) if lex.lang == "de" else None
    before_subj = _parse_subject(doc, i, subj_before) if lex.lang == "de" and subj_before else None
    if before_subj is not None and before_subj is not subj_before[0] and not after_clause:
        src = before_subj  # "In der Hauptstadt Tiflis haben Demonstranten …": the parser's subject
    elif parse_subj is not None and not any(_is_subject_of(doc, m, i) for m in subj_before):
        src = parse_subj  # the parser's subject after the verb ("griffen bewaffnete Gruppen … an")
    elif subj_after and lex.lang == "de" and after_clause:
        src = subj_after[0]  # "„…“, sagte ein Sprecher": the quotation or clause fills the front field
    elif subj_before and lex.lang == "en" and len(subj_before) > 1 and _en_parse_subject(doc, i, subj_before):
        # "Britain warned that Russia would attack Ukraine": the subject of an embedded clause without a comma
        src = _en_parse_subject(doc, i, subj_before)
    elif subj_before:
        src = subj_before[0]
    elif subj_after and lex.lang == "de" and _fronted(doc, lex, cs, i):
        src = subj_after[0]  # V2 inversion: "Am Montag griff Russland ... an"
    elif governing is not None:
        gov = [m for m in ms if governing[0] <= m.start < governing[1] and _preceding_prep(doc, lex, m.start, governing[0]) is None]
        src = gov[0] if gov else None
    if src is None:
        # the subject may sit in an earlier clause ("Pakistan, a key U.S. ally, has refused")
        earlier = [m for m in ms if m.start < cs and _preceding_prep(doc, lex, m.start, 0) is None]
        src = earlier[0] if earlier else None
    against = [m for m in after if prep[id(m)] in ("gegen", "against") and (src is None or m.actor is not src.actor)]
    if against and lex.lang == "en" and any(doc[k].lower_ in ("which", "who", "whose", "that")
                                           for k in range(match.end, against[0].start)):
        against = []  # "provides intelligence to Macedonia, which is preparing an offensive against ...": another clause
    if against and lex.lang == "en" and match.trigger.cameo[:2] in ADDRESSEE_ROOTS:
        # "demanded that Hamas renounce its struggle against Israel": the addressee comes first
        first = next((m for m in after if src is None or m.actor is not src.actor), None)
        if first is not None and first.start < against[0].start and prep[id(first)] is None:
            against = []
    if against:
        tgt = against[0]  # "mobilisierte Reservisten gegen den Irak": the opponent, not the instrument
    for m in after:
        if tgt is not None:
            break
        if m is not src and m.actor is not (src.actor if src else None):
            tgt = m
            break
    if tgt is None and src is not None:
        # coordinated subject ("Polen und Litauen vereinbarten ..."): the second conjunct is the counterpart
        conj = lex.markers.words.get("coordination", set()) or {"und", "and"}
        nxt = [m for m in before if m.start > src.start and m.actor is not src.actor]
        if nxt and nxt[0].start - src.end <= 2 and any(doc[k].lower_ in conj for k in range(src.end, nxt[0].start)):
            tgt = nxt[0]
    if tgt is None:
        rest = [m for m in before if m is not src and (src is None or m.actor is not src.actor)]
        tgt = rest[-1] if rest else None
    return src, tgt


def _en_parse_subject(doc: Doc, i: int, cands: list[ArgMention]) -> ArgMention | None:
    """The mention among ``cands`` that the parse makes the (active) subject of the verb at ``i``."""
    subj = [c.i for c in doc[i].children if c.dep_ in ("nsubj",)]
    first = cands[0].start
    for m in cands:
        if any(m.start <= k < m.end for k in subj):
            # only across a verb of its own ("warned that …"), not inside a coordinated subject
            return m if any(doc[k].pos_ in ("VERB", "AUX") for k in range(first, m.start)) else None
    return None


def _passive_between(doc: Doc, lex: EventLexicon, a: int, b: int) -> bool:
    """An English passive ("were killed", "was hit") between token ``a`` and ``b``."""
    for j in range(a, min(b, len(doc) - 1)):
        if lex.markers.has("passive_aux", doc[j].lower_):
            nxt = doc[j + 1]
            if nxt.tag_ == "VBN" or nxt.dep_ in ("aux:pass", "auxpass") or doc[j].dep_ in ("aux:pass", "auxpass"):
                return True
    return False


# appeals, intents, demands, disapproval, rejections and threats: the first object is the addressee
ADDRESSEE_ROOTS = {"02", "03", "10", "11", "12", "13"}

CLAUSE_END_PUNCT = {",", "\u201c", "\u201d", "\"", "\u00bb", "\u00ab", ":"}


def _is_subject_of(doc: Doc, m: ArgMention, verb_i: int) -> bool:
    return any(doc[t].dep_ in SUBJ_DEPS and doc[t].head.i == verb_i for t in range(m.start, m.end))


def _parse_subject(doc: Doc, i: int, after: list[ArgMention]) -> ArgMention | None:
    """A mention after the verb that the parser makes its subject, when its case agrees (nominative or
    unmarked): German V2 inversion "Vor zwei Wochen griffen bewaffnete Gruppen … an"."""
    if not _has_dep(doc):
        return None
    for m in after:
        for t in range(m.start, m.end):
            tok = doc[t]
            if tok.dep_ in SUBJ_DEPS and tok.head.i == i:
                case = tok.morph.get("Case")
                if not case or "Nom" in case:
                    return m
    return None


def _fronted(doc: Doc, lex: EventLexicon, cs: int, i: int) -> bool:
    """German V2 with something other than the subject in front of the verb ("Am Montag griff ..."), or
    verb-first; a clause opening with a noun phrase ("Unbekannte ermordeten ...") has its subject there."""
    if i == cs:
        return True
    if i > cs and lex.markers.has("attribution_post", doc[i - 1].lower_):
        return True  # "Dem Militär zufolge griffen Rebellen … an"
    first = doc[cs]
    if lex.markers.has("fronted", first.lower_) or lex.markers.has("preposition", first.lower_):
        return True
    if first.pos_ in ("ADV", "ADP", "SCONJ"):
        return True
    if first.like_num or first.ent_type_ in ("DATE", "TIME"):
        return True
    return False


def _is_passive(doc: Doc, lex: EventLexicon, match: Match, clause: tuple[int, int]) -> bool:
    tok = doc[match.start]
    if lex.lang == "en" and tok.pos_:
        # the English tagger often gives a simple past "Voice=Pass" ("Britain mobilized", "Palestinians blamed"):
        # a passive needs its auxiliary or passive subject
        if any(c.dep_ in ("aux:pass", "auxpass", "nsubj:pass", "nsubjpass") for c in tok.children):
            return True
    elif "Voice=Pass" in str(tok.morph):
        return True
    if match.trigger.kind != "verb":
        return False
    cs, ce = clause
    if lex.lang == "en":
        # English: the auxiliary right before the participle ("was attacked", "were quickly arrested")
        window = range(max(cs, match.start - 3), match.start)
    else:
        window = range(cs, min(ce, len(doc)))
    if not any(lex.markers.has("passive_aux", doc[j].lower_) for j in window):
        return False
    t = tok.lower_
    if lex.lang == "de":
        return t.startswith("ge") or "ge" in t[1:5] or t.endswith("iert")
    return t.endswith("ed") or t in ("shot", "struck", "seized", "held", "taken", "fought")


# ---------------------------------------------------------------------------------------------
# polarity, status, date, place
# ---------------------------------------------------------------------------------------------
def _is_infinitive(doc: Doc, lex: EventLexicon, clause: tuple[int, int], trig_i: int) -> bool:
    inf = lex.markers.words.get("infinitive", set())
    t = doc[trig_i].lower_
    if trig_i > clause[0] and doc[trig_i - 1].lower_ in inf:
        return True
    if lex.lang == "de" and "zu" in t[1:6] and not t.startswith("zu"):
        return True
    return _perfect_infinitive(doc, lex, trig_i, clause[1])


PERFECT_AUX = {"haben", "sein", "werden", "worden"}


def _perfect_infinitive(doc: Doc, lex: EventLexicon, trig_i: int, end: int) -> bool:
    """German "angegriffen zu haben": the trigger heads a perfect zu-infinitive."""
    if lex.lang != "de":
        return False
    inf = lex.markers.words.get("infinitive", set())
    return any(doc[j].lower_ in inf and j + 1 < len(doc) and doc[j + 1].lower_ in PERFECT_AUX
               for j in range(trig_i + 1, min(end, trig_i + 3)))


def _has(doc: Doc, lex: EventLexicon, cls: str, start: int, end: int) -> int | None:
    for j in range(start, end):
        if lex.markers.has(cls, doc[j].lower_):
            if cls == "negation" and j + 1 < len(doc) and doc[j + 1].lower_ in ("nur", "only"):
                continue
            return j
    return None


EN_SUBORDINATORS = {"unless", "until", "before", "since", "as", "because", "whether", "if", "that", "who", "which",
                    "when", "while", "after", "although", "though", "where"}


def _en_negated(doc: Doc, lex: EventLexicon, clause: tuple[int, int], match: Match) -> bool:
    """English negation precedes its verb ("did not attack", "never met", "failed to reach"): a negation after the
    trigger belongs to another verb ("agreed not to attack", "will invade if it does not comply"), and one before
    a subordinating or relative word belongs to that other clause ("the rebels who did not surrender attacked")."""
    for j in range(match.start - 1, clause[0] - 1, -1):
        w = doc[j].lower_
        if w in EN_SUBORDINATORS:
            return False
        if doc[j].pos_ == "VERB" and match.trigger.kind != "noun" and doc[match.start].pos_ not in ("NOUN", "PROPN") \
                and not any(doc[k].lower_ == "to" for k in range(j + 1, match.start)):
            return False  # the negation belongs to this verb ("who did not surrender attacked"); a noun's verb
            # ("failed to reach an agreement") and an infinitive ("did not plan to attack") share it
        if lex.markers.has("negation", w) and not (j + 1 < len(doc) and doc[j + 1].lower_ == "only"):
            return True
    return False


def _polarity(doc: Doc, lex: EventLexicon, clause: tuple[int, int], governing: tuple[int, int] | None, match: Match) -> str:
    if lex.lang == "en":
        if _en_negated(doc, lex, clause, match):
            return "negative"
    elif _has(doc, lex, "negation", clause[0], clause[1]) is not None:
        return "negative"
    if governing is not None and _has(doc, lex, "negation", governing[0], governing[1]) is not None:
        return "negative"
    return "positive"


def _denial(doc: Doc, lex: EventLexicon, span: tuple[int, int], sent: Span) -> bool:
    sent_lowers = {t.lower_ for t in sent}
    for j in range(span[0], span[1]):
        w = doc[j].lower_
        if lex.markers.has("denial", w):
            if w in ("wies", "wiesen") and "zurück" not in sent_lowers:
                continue
            return True
    return False


def _reported_speech(doc: Doc, lex: EventLexicon, sent: Span, clause: tuple[int, int]) -> bool:
    """A speech verb outside the clause and no conditional conjunction in the sentence."""
    if any(lex.markers.has("conditional", t.lower_) for t in sent):
        return False
    return any(lex.markers.has("speech", t.lower_) for t in sent if not (clause[0] <= t.i < clause[1]))


def _status(doc: Doc, lex: EventLexicon, match: Match, clause: tuple[int, int], governing: tuple[int, int] | None,
            sent: Span) -> str:
    scopes = [clause] + ([governing] if governing else [])
    own = {match.start, *match.parts}
    for s, e in scopes:
        if _denial(doc, lex, (s, e), sent) and not any(s <= k < e and lex.markers.has("denial", doc[k].lower_) for k in own):
            return "denied"
    for s, e in scopes:
        k = _has(doc, lex, "hypothetical", s, e)
        if k is not None and lex.lang == "en" and k > match.start and lex.markers.has("condition", doc[k].lower_) \
                and (s, e) == clause:
            # "will withdraw its troops unless/if ...": the condition follows the action, which stays a
            # (conditional) plan; only an action inside the if-clause is hypothetical
            k = _has(doc, lex, "hypothetical", s, match.start)
        if k is None:
            k = next((j for j in range(s, e) if "Mood=Sub" in str(doc[j].morph)
                      and doc[j].lower_.startswith(("würde", "wäre", "hätte", "könnte"))), None)
        if k is not None:
            if lex.markers.has("reported_subjunctive", doc[k].lower_) and _reported_speech(doc, lex, sent, (s, e)):
                return "reported"  # "X hätten … angegriffen, teilte Y mit": Konjunktiv of reported speech
            return "hypothetical"
    passive = _is_passive(doc, lex, match, clause)
    for s, e in scopes:
        for j in range(s, e):
            w = doc[j].lower_
            if j in own:
                continue
            if not lex.markers.has("planned", w):
                # two-word markers ("is to", "about to", "set to")
                if j + 1 < e and j + 1 not in own and lex.markers.has("planned", w + " " + doc[j + 1].lower_) \
                        and j + 1 < match.start:
                    return "planned"
                continue
            if lex.lang == "en" and j > match.start and w in ("planning", "intending"):
                continue  # "began a hunger strike and is planning other protests": another plan
            if w in ("soll", "sollen") and any(doc[k].lower_ in ("haben", "sein") for k in range(match.start + 1, min(e, match.start + 4))):
                return "reported"  # "soll … geliefert haben": allegedly
            if lex.markers.has("passive_aux", w) and (passive or (s, e) != clause):
                continue  # "wird ... aufgefordert": passive, not future
            return "planned"
    return "asserted"


def _attributions(doc: Doc, lex: EventLexicon, sent: Span, ms: list[ArgMention]) -> list[tuple[int, int, ArgMention | None, bool]]:
    """Attribution phrases in the sentence: "nach Angaben der UN", "laut Polizei", "dem Militär zufolge",
    "wie das Ministerium mitteilte", "nach eigenen Angaben". Returns (start, end, mention or None, own)."""
    mk = lex.markers
    if "attribution_noun" not in mk.words and "attribution_prep" not in mk.words:
        return []
    out: list[tuple[int, int, ArgMention | None, bool]] = []

    def first_after(lo: int, hi: int) -> ArgMention | None:
        return next((m for m in ms if lo <= m.start <= hi), None)

    for tok in sent:
        i, w = tok.i, tok.lower_
        if mk.has("attribution_prep", w):
            m = first_after(i + 1, i + 4)
            if m is not None:
                out.append((i, m.end, m, False))
        elif w == "nach" and i + 1 < sent.end and mk.has("attribution_noun", doc[i + 1].lower_):
            if i + 2 < sent.end and mk.has("attribution_own", doc[i + 2].lower_):
                out.append((i, i + 2, None, True))
                continue
            m = first_after(i + 2, i + 5)
            if m is not None and all(doc[t].is_alpha for t in range(i + 2, m.start)):
                out.append((i, m.end, m, False))
            else:
                out.append((i, i + 2, None, False))  # "nach Angaben von Augenzeugen"
        elif mk.has("attribution_post", w):
            # "Einem Armeesprecher in Bamako zufolge": the leftmost mention of the phrase before "zufolge"
            lo = i - 1
            while lo > sent.start and not doc[lo - 1].is_punct and i - lo < 6:
                lo -= 1
            cands = [m for m in ms if lo <= m.start and m.end <= i]
            if cands:
                out.append((cands[0].start, i + 1, cands[0], False))
        elif w == "wie":
            for j in range(i + 1, min(i + 10, sent.end)):
                if doc[j].is_punct:
                    break
                if mk.has("attribution_verb", doc[j].lower_):
                    m = first_after(i + 1, j - 1)
                    if m is not None and m.end <= j:
                        end = j + 2 if j + 1 < sent.end and doc[j + 1].lower_ in ("mit", "bekannt") else j + 1
                        out.append((i, end, m, False))
                    break
    return out


def _speech_attribution(doc: Doc, lex: EventLexicon, sent: Span, match: Match, ms: list[ArgMention]) -> Actor | None | bool:
    """Fallback without a quotes layer: a speech cue elsewhere in the sentence makes the event reported;
    returns the speaker actor (or True when unknown), else None."""
    for tok in sent:
        if tok.i == match.start or not lex.markers.has("speech", tok.lower_):
            continue
        # the speaker: the mention right after the cue ("sagte ein Sprecher", "laut Polizei") or before it
        after = [m for m in ms if tok.i < m.start <= tok.i + 4]
        before = [m for m in ms if m.end <= tok.i and m.end >= tok.i - 6]
        if after:
            return after[0].actor
        if before:
            return before[-1].actor
        return True
    return None


def _date(doc: Doc, timexes: list[Timex], sent: Span, clause: tuple[int, int], match: Match, status: str) -> str | None:
    anchor = doc[match.start].idx
    cands = [t for t in timexes or [] if t.start >= sent.start_char and t.end <= sent.end_char and t.type in ("DATE", "TIME") and t.value]
    if cands:
        cs, ce = doc[clause[0]].idx, doc[clause[1] - 1].idx + len(doc[clause[1] - 1])
        in_clause = [t for t in cands if t.start >= cs and t.end <= ce]
        pool = in_clause or cands
        return min(pool, key=lambda t: abs(t.start - anchor)).value
    dct = doc._.lb_dct
    if dct and status in ("asserted", "reported", "denied") and _is_past(doc, match, clause):
        return str(dct)[:10]
    return None


PAST_AUX = {"hat", "haben", "hatte", "hatten", "wurde", "wurden", "war", "waren", "ist", "sind", "worden", "sei", "seien",
            "habe", "had", "has", "have", "was", "were", "did"}


def _is_past(doc: Doc, match: Match, clause: tuple[int, int]) -> bool:
    """Past tense (or a nominal trigger, which in news reports names what happened): the DCT may date it."""
    tok = doc[match.start]
    if match.trigger.kind != "verb":
        return True
    if any(doc[j].lower_ in PAST_AUX for j in range(clause[0], min(clause[1], len(doc)))):
        return True
    tense = tok.morph.get("Tense")
    if "Past" in tense:
        return True
    w = tok.lower_
    if w.endswith(("te", "ten", "tet", "ed")):
        return True
    # (a "Pres" from the interim morphologizer is not trusted: it tags "beschossen" Pres)
    # strong preterites ("griff", "zog", "griffen") carry no ending of their own: only a clear present form
    # (German 3rd person singular "-t": "greift", "zieht"; English "-s") says no
    if w.endswith("t") and not w.endswith(("tt", "st")):
        return False
    return not (w.endswith("s") and not w.endswith("ss") and doc.lang_ == "en")


def _place(doc: Doc, lex: EventLexicon, places: list[Place], sent: Span, match: Match, actor_spans: set) -> str | None:
    anchor = doc[match.start].idx
    cands = []
    for p in places or []:
        if p.start < sent.start_char or p.end > sent.end_char:
            continue
        span = doc.char_span(p.start, p.end, alignment_mode="expand")
        if span is None:
            continue
        prep = _preceding_prep(doc, lex, span.start, sent.start)
        locative = prep is not None and prep not in lex.markers.words.get("target_prep", set()) | lex.markers.words.get("agent_prep", set())
        if not locative and (p.start, p.end) in actor_spans:
            continue
        cands.append((0 if locative else 1, abs(p.start - anchor), p.id))
    return min(cands)[2] if cands else None


# ---------------------------------------------------------------------------------------------
# the whole document
# ---------------------------------------------------------------------------------------------
def extract_events(doc: Doc, lex: EventLexicon, actor_lex: ActorLexicon | None = None, *,
                   arguments: str = "order") -> list[Event]:
    """``arguments``: "order" (word order first, the parse fills open slots — the default, better with
    the interim parser) or "parse" (dependency parse first, word order fills open slots)."""
    actors: list[Actor] = list(doc._.lb_actors or [])
    quotes: list[Quote] | None = doc._.lb_quotes
    timexes = doc._.lb_timexes or []
    places = doc._.lb_places or []
    actor_spans = {tuple(s) for a in actors for s in a.mentions}
    events: list[Event] = []
    use_dep = _has_dep(doc)
    doc_mentions = _doc_mentions(doc, actors)
    mention_starts = [m.start for m in doc_mentions]
    named = _name_tokens(doc, actors) if lex.lang == "en" else set()
    for sent in _sents(doc):
        matches = find_triggers(doc, lex, sent, named)
        if not matches:
            continue
        non_statement = [m for m in matches if not m.trigger.cameo.startswith("01")]
        if non_statement:
            matches = non_statement + [m for m in matches if m.trigger.cameo.startswith("01") and m.trigger.cameo != "010"]
            matches.sort(key=lambda m: m.start)
        else:
            matches = matches[:1]
        cl = clauses(sent)
        intent = [m for m in matches if m.trigger.kind != "noun" and (m.trigger.cameo[:2] in ("02", "03", "10", "12", "13")
                  or (m.trigger.cameo[:2] == "01" and m.trigger.cameo != "010"))]
        if intent:
            matches = [m for m in matches if not (m.trigger.kind == "noun" and any(
                _clause_of(cl, v.start) == _clause_of(cl, m.start) for v in intent))]
        # a verb coded through its object ("stellte die Hilfe ein" → 162, "hob Sanktionen auf" → 085):
        # the object noun is not an event of its own
        ctx_verbs = [m for m in matches if m.trigger.kind == "verb" and m.trigger.context]
        if ctx_verbs:
            matches = [m for m in matches if not (m.trigger.kind == "noun" and any(
                _clause_of(cl, v.start) == _clause_of(cl, m.start)
                and any(c in doc[m.start].lower_ for c in v.trigger.context) for v in ctx_verbs))]
        ms = _arg_mentions(doc_mentions, sent, mention_starts)
        if actor_lex is not None:
            ms = _adjective_sources(doc, actor_lex, matches, ms, actors)
        attribs = _attributions(doc, lex, sent, ms)
        if attribs:
            # "nach Angaben der UN": the source of the information is not an argument of the event
            matches = [m for m in matches if not any(a <= m.start < b for a, b, _m, _o in attribs)]
            ms = [m for m in ms if not any(a <= m.start < b for a, b, _m, _o in attribs)]
        sent_events: list[tuple[Match, Event]] = []
        accused = False
        for match in matches:
            k = _clause_of(cl, match.start)
            clause = cl[k]
            dependent = _is_dependent_clause(doc, lex, clause, match.start)
            governing = cl[k - 1] if dependent and k > 0 else None
            passive = _is_passive(doc, lex, match, clause)
            if use_dep and arguments == "parse":
                src, tgt = _args_from_parse(doc, match, ms)
                if src is not None and tgt is not None and src.actor is tgt.actor:
                    tgt = None
                if src is None or tgt is None:
                    osrc, otgt = _args_by_order(doc, lex, match, ms, clause, governing, passive)
                    if src is None and osrc is not None and (tgt is None or osrc.actor is not tgt.actor):
                        src = osrc
                    if tgt is None and otgt is not None and (src is None or otgt.actor is not src.actor):
                        tgt = otgt
            else:
                src, tgt = _args_by_order(doc, lex, match, ms, clause, governing, passive)
            if use_dep and arguments != "parse" and (src is None or tgt is None):
                # the parse fills the slots word order left open
                psrc, ptgt = _args_from_parse(doc, match, ms)
                if src is None and psrc is not None and (tgt is None or psrc.actor is not tgt.actor):
                    src = psrc
                if tgt is None and ptgt is not None and (src is None or ptgt.actor is not src.actor):
                    tgt = ptgt
            polarity = _polarity(doc, lex, clause, governing, match)
            status = _status(doc, lex, match, clause, governing, sent)
            quote_id = attributed = None
            trig_char = (doc[match.start].idx, doc[match.end - 1].idx + len(doc[match.end - 1]))
            own_speech = False
            if quotes:
                for q in quotes:
                    if q.form == "reported" and q.speaker is None:
                        continue  # a reported speech act whose speaker is unknown says nothing about the event
                    if any(s <= trig_char[0] and trig_char[1] <= e for s, e in q.message):
                        quote_id, attributed = q.id, q.speaker
                        # the event is the speech act itself ("Die EU lobte ..."): asserted by the outlet
                        in_cue = any(s < trig_char[1] and trig_char[0] < e for s, e in q.cue)
                        in_source = any(s <= trig_char[0] < e or trig_char[0] <= s < trig_char[1] for s, e in q.source)
                        own_speech = in_cue or (q.speaker is not None and src is not None and q.speaker == src.actor.id) or in_source
                        break
            elif quotes is None or not quotes:
                who = _speech_attribution(doc, lex, sent, match, ms)
                if who is not None:
                    if status == "asserted":
                        status = "reported"
                    if isinstance(who, Actor):
                        attributed = who.id
                        if src is not None and src.actor is who and tgt is not None:
                            pass
            if quote_id is not None and status == "asserted" and not own_speech:
                status = "reported"
            att = next((x for x in attribs if not (x[0] <= match.start < x[1])), None) if attribs else None
            if att is not None:
                _a, _b, who, own = att
                if who is not None:
                    attributed = who.actor.id
                elif own:
                    attributed = src.actor.id if src else None
                if status == "asserted":
                    status = "reported"
            if match.trigger.cameo[:2] == "01" and match.trigger.kind == "verb":
                src, tgt, keep = _statement_args(doc, quotes, trig_char, src, tgt, ms, actors)
                if not keep:
                    continue  # a speech verb whose speaker is unknown is no event
            cameo = match.trigger.cameo
            if cameo[:2] == "15" and src is not None and tgt is not None and tgt.actor.sector == "MIL" \
                    and tgt.actor.country and tgt.actor.country == src.actor.country:
                tgt = None  # "verlegte Soldaten in die Region": the source's own forces are the instrument
            if cameo in ("140", "141") and src is not None and _is_state(doc, src, actor_lex):
                cameo = "114"  # a state "protests": an official complaint, not a demonstration
            if lex.lang == "en":
                if cameo == "144" and src is not None and (_is_state(doc, src, actor_lex) or src.actor.sector == "MIL"):
                    cameo = "191"  # a state or its forces blocking a strait, port or road: a blockade, no protest
                if cameo == "190":
                    cameo = _specific_violence(doc, match, matches)
                cameo = _protest_violence(doc, cameo, src, tgt)
            place_id = _place(doc, lex, places, sent, match, actor_spans)
            # English: investigations, protests, sanctions and coercion in a place without a named target are
            # aimed at that place's country, the source's own included ("police imposed a curfew in Algiers")
            domestic = lex.lang == "en" and cameo[:2] in EN_PLACE_TARGET_ROOTS
            if (tgt is None or (src is not None and tgt.actor is src.actor)) and place_id and (
                    cameo[:3] in PLACE_TARGET_CODES or cameo[:2] in PLACE_TARGET_ROOTS or domestic):
                tgt = _place_actor(doc, places, place_id, actors, src, lex.lang, allow_same=domestic) or tgt
            plover, mode = plover_for(cameo)
            if status == "planned":
                plover, mode = _intent_plover(cameo, polarity, plover, mode)
                if any(lex.markers.has("condition_threat", doc[j].lower_) for j in range(match.end, sent.end)):
                    plover, mode = "THREATEN", None  # "will withdraw its troops unless ...": a conditional threat
            elif polarity == "negative" and cameo[:2] in COOPERATIVE_ROOTS:
                plover, mode = "REJECT", None  # "failed to reach agreement", "einigten sich nicht"
            ev = Event(
                id="",
                trigger=trig_char,
                cameo=cameo,
                plover=plover,
                plover_mode=mode,
                source=src.actor.id if src else None,
                target=tgt.actor.id if tgt and (not src or tgt.actor is not src.actor) else None,
                source_name=src.actor.name if src else None,
                target_name=tgt.actor.name if tgt and (not src or tgt.actor is not src.actor) else None,
                date=_date(doc, timexes, sent, clause, match, status),
                place=place_id,
                polarity=polarity,
                status=status,
                attributed_to=attributed,
                quote=quote_id,
            )
            if ev.target is None and ev.source is not None and cameo[:2] in RESPONSE_ROOTS and not quote_id:
                # "Teheran verurteilte die Strafmaßnahmen": the target is the author of the event condemned
                prev = _discourse_target(events + [e for _m, e in sent_events], ev, actors, trig_char[0])
                if prev is not None:
                    ev.target, ev.target_name = prev.id, prev.name
            sent_events.append((match, ev))
            if lex.lang == "en" and passive and not accused:
                acc = _reported_violence_accusation(doc, lex, sent, match, ev, actors, matches, ms)
                if acc is not None:
                    accused = True
                    sent_events.append(acc)
        if accused:
            sent_events.sort(key=lambda x: x[0].start)  # the accusation ("said") before the violence it reports
        if lex.lang == "en":
            sent_events = _warning_as_threat(sent_events)
        events.extend(_dedupe(sent_events, cl))
    for n, ev in enumerate(events, 1):
        ev.id = f"e{n}"
    doc._.lb_actors = actors
    return events


def _warning_as_threat(sent_events: list[tuple[Match, Event]]) -> list[tuple[Match, Event]]:
    """"Iran warned that it would attack Israel": a warning (012) whose message is a planned or conditional
    coercive or violent action of the warner is that threat (the planned action, coded 13 by the codebook), not a
    pessimistic comment. The warning is dropped when a later event of the sentence is such an action by the same
    source (or with no source of its own)."""
    out = []
    for k, (m, ev) in enumerate(sent_events):
        if ev.cameo == "012" and any(
                e.cameo[:2] in THREAT_ROOTS and e.status in ("planned", "hypothetical") and e.polarity == "positive"
                and e.source in (ev.source, None) and m2.start > m.start for m2, e in sent_events[k + 1:]):
            continue
        out.append((m, ev))
    return out


THREAT_ROOTS = {"13", "14", "15", "16", "17", "18", "19", "20"}
RESPONSE_ROOTS = {"11", "12"}
VIOLENCE_ROOTS = {"18", "19", "20"}
ACCUSATION_TRIGGER = Trigger("112", "verb", ("said",))


def _reported_violence_accusation(doc: Doc, lex: EventLexicon, sent: Span, match: Match, ev: Event,
                                  actors: list[Actor], others: list[Match], ms: list[ArgMention]) -> tuple[Match, Event] | None:
    """"X said eight people were killed in an air strike by government forces", "Israel said a rocket was fired at
    it": a named speaker who reports violence in the passive voice, without being its author, accuses (CAMEO 112)
    its agent (or, as its victim, whoever did it). Only when the speaker comes first and the violence is the first
    action of the "said" complement; "…, police said" after an active sentence, "a government official said"
    (anonymous sourcing), "claimed responsibility for an attack in which …" and "were reported killed" stay the
    violence itself. The violent event stays an event of its own."""
    if ev.cameo[:2] not in VIOLENCE_ROOTS or ev.status != "reported" or ev.polarity != "positive":
        return None
    by_id = {a.id: a for a in actors}
    cue = next((t for t in doc[sent.start : match.start] if lex.markers.has("say", t.lower_)), None)
    if cue is None or any(cue.i < m.start < match.start and m.trigger.cameo[:2] not in VIOLENCE_ROOTS for m in others):
        return None  # no plain "said" before it, or the violence is not the first action the statement reports
    # the speaker: the first mention of the sentence before "said" that follows no preposition
    first = next((m for m in ms if m.end <= cue.i and _preceding_prep(doc, lex, m.start, sent.start) is None), None)
    if first is None or doc[max(sent.start, first.start - 1)].lower_ in ("a", "an") or doc[first.start].lower_ in ("a", "an"):
        return None  # no named speaker ("a government official said" is sourcing, not an accusation)
    speaker = first.actor
    if speaker.id == ev.source or not (ev.source is not None or ev.target == speaker.id):
        return None  # an accusation needs an accused agent ("by government forces") or the speaker as the victim
    if any(doc[j].lower_ in ("which", "who", "whom", "that") for j in range(max(sent.start, cue.i - 2), cue.i)):
        return None  # "which they say is occupied": a relative clause, not the sentence's statement
    plover, mode = plover_for("112")
    agent = by_id.get(ev.source) if ev.source else None
    acc = Event(id="", trigger=(cue.idx, cue.idx + len(cue)), cameo="112", plover=plover, plover_mode=mode,
                source=speaker.id, source_name=speaker.name,
                target=agent.id if agent is not None and agent is not speaker else None,
                target_name=agent.name if agent is not None and agent is not speaker else None,
                date=ev.date, place=ev.place, polarity="positive", status="asserted")
    return Match(cue.i, cue.i + 1, ACCUSATION_TRIGGER, 0), acc


def _discourse_target(previous: list[Event], ev: Event, actors: list[Actor], at: int) -> Actor | None:
    """The source of the most recent earlier event (within ~600 characters) by another country's actor."""
    by_id = {a.id: a for a in actors}
    me = by_id.get(ev.source)
    for p in reversed(previous):
        if p.trigger[0] >= at or at - p.trigger[0] > 600 or p.cameo[:2] == "01" or p.source is None:
            continue
        other = by_id.get(p.source)
        if other is None or other is me or (me is not None and me.country and other.country == me.country):
            continue
        return other
    return None


def _dative_like(doc: Doc, m: ArgMention) -> bool:
    """An addressee after a speech verb: dative (or genitive-looking "der", which the morphologizer often
    confuses with the dative) case or article."""
    toks = [doc[m.start - 1]] if m.start > 0 else []
    toks += [doc[t] for t in range(m.start, m.end)]
    for t in toks:
        case = t.morph.get("Case")
        if "Dat" in case or ("Gen" in case and t.lower_ in ("der", "den")) or t.lower_ in ("dem", "vor"):
            return True
    return False


def _statement_args(doc: Doc, quotes: list[Quote] | None, trig_char: tuple[int, int], src: ArgMention | None,
                    tgt: ArgMention | None, ms: list[ArgMention], actors: list[Actor]) -> tuple[ArgMention | None, ArgMention | None, bool]:
    """A statement (CAMEO 01x) made by a speech verb: the source is the speaker, the target the addressee
    ("sagte er der Nachrichtenagentur"), never somebody inside the message."""
    by_id = {a.id: a for a in actors}

    def mention_for(aid: str | None, spans) -> ArgMention | None:
        if aid is None or aid not in by_id:
            return None
        for s_, e_ in spans or []:
            sp = doc.char_span(s_, e_, alignment_mode="expand")
            if sp is not None:
                return ArgMention(sp.start, sp.end, by_id[aid])
        return ArgMention(0, 0, by_id[aid])

    for q in quotes or []:
        if not any(s_ < trig_char[1] and trig_char[0] < e_ for s_, e_ in q.cue):
            continue
        if q.speaker is not None:
            src = mention_for(q.speaker, q.source)
        elif q.source:
            src = None  # the quotes layer found a speaker it could not resolve ("sagte er" with no antecedent)
        order_tgt, tgt = tgt, None
        for s_, e_ in q.addressee:
            from ..actors.engine import actor_at

            a = actor_at(actors, s_, e_)
            if a is not None and (src is None or a is not src.actor):
                tgt = ArgMention(0, 0, a)
                break
        if tgt is None:
            # the dative right after the speaker ("sagte er der Nachrichtenagentur"), outside the message
            if order_tgt is not None and (src is None or order_tgt.actor is not src.actor) and order_tgt.start < len(doc):
                c0 = doc[order_tgt.start].idx
                if c0 > trig_char[0] and not any(s_ <= c0 < e_ for s_, e_ in q.message) \
                        and _dative_like(doc, order_tgt):
                    tgt = order_tgt
        return src, tgt, src is not None
    if tgt is not None and src is not None and tgt.actor is src.actor:
        tgt = None
    return src, tgt, src is not None


PLACE_TARGET_CODES = {"042", "087"}  # a visit: the place visited; a withdrawal: the place left
EN_PLACE_TARGET_ROOTS = {"09", "14", "16", "17"}
PLACE_TARGET_ROOTS = {"07", "18", "19", "20"}  # aid delivered to / violence in: the country of the place


def _place_actor(doc: Doc, places: list[Place], place_id: str, actors: list[Actor], src: ArgMention | None,
                 lang: str, allow_same: bool = False) -> ArgMention | None:
    """The actor standing for the country of an event's place (created when needed)."""
    from ..places.gazetteer import get_gazetteer

    gaz = get_gazetteer(lang)
    place = next((p for p in places if p.id == place_id), None)
    if place is None or not place.country:
        return None
    a3 = gaz.to_alpha3(place.country)
    if not a3 or (src is not None and src.actor.country == a3 and not allow_same):
        return None
    actor = next((a for a in actors if a.type == "GPE" and a.country == a3
                  and not (allow_same and src is not None and a is src.actor)), None)
    if actor is None:
        actor = Actor(id=_next_actor_id(actors), name=gaz.country_name(place.country), type="GPE", country=a3, sector=None,
                      cameo=a3, mentions=[])
        actors.append(actor)
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None:
        return None
    return ArgMention(span.start, span.end, actor)


COOPERATIVE_ROOTS = {"04", "05", "06", "07", "08"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}


def _intent_plover(cameo: str, polarity: str, plover: str | None, mode: str | None) -> tuple[str | None, str | None]:
    """PLOVER codes an announced/intended action as the speech act: AGREE (intent to cooperate) or
    THREATEN (intent to act coercively); a negated cooperative intent is a REJECT."""
    root = cameo[:2]
    if root in COOPERATIVE_ROOTS:
        return ("AGREE", None) if polarity == "positive" else ("REJECT", None)
    if root in CONFLICT_ROOTS and polarity == "positive":
        return "THREATEN", None
    return plover, mode


MANNER_PREPS = {"in", "during", "by", "with"}


def _specific_violence(doc: Doc, match: Match, matches: list[Match]) -> str:
    """CAMEO 190 is the residual code of conventional force, used only when the way of fighting is unknown: a
    killing or fight "in a suicide bombing", "in an air strike", "during a gunbattle", "with artillery fire" takes
    the code of the named form of violence (1831, 195, 193, 194) right after it (English); so does a killing whose
    subject is that form of violence ("a roadside bomb killed", "an explosion near the town killed")."""
    for m in matches:
        if m.end <= match.start and match.start - m.end <= 10 and m.trigger.kind != "verb" \
                and m.trigger.cameo[:2] in VIOLENCE_ROOTS and m.trigger.cameo != "190" and not m.trigger.veto \
                and not any(doc[j].is_punct or doc[j].pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ")
                            or doc[j].lower_ in ("as", "where", "when", "which", "who", "that", "after", "while")
                            for j in range(m.end, match.start)):
            return m.trigger.cameo
        if m.start < match.end or m.start - match.end > 8:
            continue
        code = m.trigger.cameo
        if code[:2] not in VIOLENCE_ROOTS or code == "190" or m.trigger.veto:
            continue
        # a preposition of manner right before the violence noun, separated by at most three words (article,
        # adjectives, numbers) and no punctuation or verb
        for j in range(m.start - 1, max(match.end - 1, m.start - 5), -1):
            t = doc[j]
            if t.lower_ in MANNER_PREPS:
                return code
            if t.is_punct or t.pos_ in ("VERB", "AUX"):
                break
    return match.trigger.cameo


PROTESTER_NOUNS = ("protester", "protestor", "demonstrator", "rioter", "marcher")


def _is_protester(doc: Doc, m: ArgMention | None) -> bool:
    if m is None:
        return False
    w = doc[m.end - 1].lower_
    return w.rstrip("s") in PROTESTER_NOUNS


def _protest_violence(doc: Doc, cameo: str, src: ArgMention | None, tgt: ArgMention | None) -> str:
    """CAMEO codes violence in protests by who does it: protesters who destroy or seize property or clash
    riot (145, "the building was demolished by protesters", "protesters clashed with police"); police or troops who fight, fire at or beat protesters
    use violent repression (175, "police clashed with rioters")."""
    if ((cameo[:2] == "17" and cameo != "175") or cameo == "190") and _is_protester(doc, src):
        return "145"  # (fighting with small arms, shelling or air strikes stays 19x)
    if (cameo[:2] == "19" or cameo[:3] in ("182",)) and _is_protester(doc, tgt) and src is not None \
            and src.actor.sector in ("COP", "MIL", "GOV") and not _is_protester(doc, src):
        return "175"
    return cameo


def _is_state(doc: Doc, m: ArgMention, actor_lex: ActorLexicon | None) -> bool:
    """The mention names a government: a GOV actor mentioned as such, a country or a capital (not "die Ukrainer")."""
    text = doc[m.start : m.end].text
    if actor_lex is None:
        return False
    if m.end + 1 < len(doc) and doc[m.end].lower_ in ("and", "und") and actor_lex.nationality(doc[m.end + 1].text) \
            and doc[m.end + 1].text != doc[m.end + 1].text.upper():
        return False  # "US and British activists", "US- und britische Aktivisten": the country word is a modifier
    gaz = actor_lex.gaz
    if gaz.capital_country(text):
        return True
    if any(c.kind == "country" for c in gaz.lookup(text)):
        return True
    role = actor_lex.role(doc[m.end - 1].text)
    return role is not None and role.sector == "GOV"


def _next_actor_id(actors: list[Actor]) -> str:
    """A fresh "a<n>" id, above every numeric id already used (other layers may have added actors)."""
    top = 0
    for a in actors:
        if a.id.startswith("a") and a.id[1:].isdigit():
            top = max(top, int(a.id[1:]))
    ids = {a.id for a in actors}
    k = max(top, len(actors)) + 1
    while f"a{k}" in ids:
        k += 1
    return f"a{k}"


def _dedupe(items: list[tuple[Match, Event]], cl: list[tuple[int, int]]) -> list[Event]:
    """One event per CAMEO root and clause: the most specific code wins (verbs win ties)."""
    keep: dict[tuple[int, str], tuple[Match, Event]] = {}
    order = []
    for match, ev in items:
        key = (_clause_of(cl, match.start), ev.cameo[:2])
        if key not in keep:
            keep[key] = (match, ev)
            order.append(key)
            continue
        old_m, old_e = keep[key]
        better = (len(ev.cameo), match.trigger.kind == "verb") > (len(old_e.cameo), old_m.trigger.kind == "verb")
        if better:
            ev.source = ev.source or old_e.source
            ev.source_name = ev.source_name or old_e.source_name
            ev.target = ev.target or old_e.target
            ev.target_name = ev.target_name or old_e.target_name
            keep[key] = (match, ev)
        else:
            old_e.source = old_e.source or ev.source
            old_e.source_name = old_e.source_name or ev.source_name
            old_e.target = old_e.target or ev.target
            old_e.target_name = old_e.target_name or ev.target_name
    return [keep[k][1] for k in order]


def _adjective_sources(doc: Doc, actor_lex: ActorLexicon, matches: list[Match], ms: list[ArgMention],
                       actors: list[Actor]) -> list[ArgMention]:
    """A nationality adjective or hyphen prefix right before a nominal trigger ("israelischer Luftangriff",
    "US-Luftangriff") is its source: add an actor for it when the actors layer has none."""
    added = list(ms)
    for m in matches:
        if m.trigger.kind != "noun":
            continue
        tok = doc[m.start]
        a3 = None
        span = None
        name = ""
        if "-" in tok.text:
            prefix = tok.text.split("-", 1)[0]
            a3 = actor_lex.nationality(prefix)
            if a3:
                span, name = (tok.idx, tok.idx + len(prefix)), prefix
        j = m.start - 1
        if a3 is None and j >= 0:
            prev = doc[j]
            a3 = actor_lex.adjective_country(prev.text) if actor_lex.lang == "de" else actor_lex.nationality(prev.text)
            if a3:
                span, name = (prev.idx, prev.idx + len(prev.text)), prev.text
        if a3 is None or span is None:
            continue
        if any(x.start <= (m.start - 1 if span[1] <= tok.idx else m.start) < x.end for x in added):
            continue
        actor = next((a for a in actors if a.type == "GPE" and a.country == a3), None)
        if actor is None:
            if actor_lex.lang != "en":
                name = actor_lex.gaz.country_name(actor_lex.gaz.alpha2_of3.get(a3, a3))  # "israelischer" → "Israel"
            actor = Actor(id=_next_actor_id(actors), name=name, type="GPE", country=a3,
                          sector=None, cameo=a3, mentions=[])
            actors.append(actor)
        if span not in actor.mentions:
            actor.mentions.append(span)
            actor.mentions.sort()
        cs = doc.char_span(span[0], span[1], alignment_mode="expand")
        if cs is not None:
            added.append(ArgMention(cs.start, cs.end if cs.end > cs.start else cs.start + 1, actor))
    added.sort(key=lambda m: (m.start, -m.end))
    return added
