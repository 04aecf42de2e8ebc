"""The quotation layer ``lagebild_quotes``: who said what (direct, indirect, free indirect, reported speech).

Writes ``doc._.lb_quotes`` (list of :class:`lagebild.document.Quote`) and resolves each quote's source to an
actor in ``doc._.lb_actors`` (creating actors ``a<N>`` when the actors layer has none for it).
The rules live in :mod:`.engine`, speaker resolution in :mod:`.resolve`, language data in
``lagebild/lang/<lang>/quotes/``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...document import Actor, Quote
from .engine import Analysis, Candidate, RuleOptions, detect
from .lexicon import QuoteLexicon, load_lexicon
from .resolve import (
    actor_for_span,
    canonical_source_name,
    ensure_actor,
    find_actor_by_name,
    quote_covering,
    resolve_pronoun,
)

__all__ = ["QuotesComponent", "RuleOptions", "find_quotes", "quote_covering", "load_lexicon"]

MODES = ("rules",)


class QuotesComponent:
    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        lang: str,
        mode: str = "rules",
        resolve_speakers: bool = True,
        reported: bool = True,
        free_indirect: bool = True,
        generic_frames: bool = True,
    ):
        if mode not in MODES:
            raise ValueError(f"lagebild_quotes: mode {mode!r} is not valid; valid: {', '.join(MODES)}")
        self.name = name
        self.lang = lang
        self.mode = mode
        self.resolve_speakers = resolve_speakers
        self.options = RuleOptions(reported=reported, free_indirect=free_indirect, generic_frames=generic_frames)
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        doc._.lb_quotes = find_quotes(doc, self.lexicon, resolve_speakers=self.resolve_speakers, options=self.options)
        return doc


@Language.factory(
    "lagebild_quotes",
    default_config={
        "lang": "de",
        "mode": "rules",
        "resolve_speakers": True,
        "reported": True,
        "free_indirect": True,
        "generic_frames": True,
    },
)
def make_quotes(
    nlp: Language,
    name: str,
    lang: str,
    mode: str,
    resolve_speakers: bool,
    reported: bool,
    free_indirect: bool,
    generic_frames: bool,
) -> QuotesComponent:
    return QuotesComponent(
        nlp,
        name,
        lang=lang,
        mode=mode,
        resolve_speakers=resolve_speakers,
        reported=reported,
        free_indirect=free_indirect,
        generic_frames=generic_frames,
    )


def _chars(doc: Doc, rng: tuple[int, int]) -> tuple[int, int]:
    s, e = rng
    while s < e - 1 and doc[s].is_space:
        s += 1
    while e - 1 > s and doc[e - 1].is_space:
        e -= 1
    last = doc[e - 1]
    return (doc[s].idx, last.idx + len(last.text))


def find_quotes(
    doc: Doc, lexicon: QuoteLexicon, *, resolve_speakers: bool = True, options: RuleOptions | None = None
) -> list[Quote]:
    """All quotations of ``doc`` as :class:`Quote` records (character offsets into ``doc.text``)."""
    if len(doc) == 0:
        return []
    an = Analysis(doc, lexicon, options)
    cands = detect(an)
    quotes: list[Quote] = []
    for k, c in enumerate(cands):
        quotes.append(
            Quote(
                id=f"q{k + 1}",
                form=c.form,
                stwr=c.stwr,
                message=[_chars(doc, r) for r in c.message],
                cue=[_chars(doc, r) for r in c.cue],
                source=[_chars(doc, r) for r in c.source],
                addressee=[_chars(doc, r) for r in c.addressee],
            )
        )
    for q, c in zip(quotes, cands):
        if c.nested_in is not None:
            q.nested_in = quotes[c.nested_in].id
    if resolve_speakers:
        resolve_quote_speakers(doc, quotes, cands, lexicon)
    return quotes


def _entity_in(doc: Doc, span: tuple[int, int]):
    best = None
    for ent in doc.ents:
        if ent.start_char >= span[0] and ent.end_char <= span[1]:
            if best is None or (ent.label_ in ("PER", "PERSON") and best.label_ not in ("PER", "PERSON")):
                best = ent
    return best


def _full_entity_name(doc: Doc, ent, span: tuple[int, int]) -> str:
    """The entity's text, extended over directly following capitalised name parts inside the source
    ("Antje" + "Gabriels-Gorsolke" when NER stopped early)."""
    end = ent.end
    while end < len(doc) and doc[end].idx + len(doc[end].text) <= span[1] and doc[end].text[:1].isupper() and (
        ent.label_ in ("PER", "PERSON")
    ) and doc[end].is_alpha is not False and not doc[end].is_punct:
        end += 1
    return doc[ent.start : end].text


def _label_type(label: str) -> str:
    return {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "NORP": "MISC"}.get(label, "MISC")


def _source_type(words: list[str], lexicon: QuoteLexicon) -> str:
    if any(w in lexicon.roles or w.lower() in lexicon.roles for w in words):
        return "ROLE"
    if words and all(w[:1].isupper() for w in words) and len(words) >= 2:
        return "PER"
    return "ORG"


def _gender_of(words: list[str], lexicon: QuoteLexicon) -> str | None:
    for w in words:
        g = lexicon.roles.get(w) or lexicon.roles.get(w.lower())
        if g:
            return g
    return None


def resolve_quote_speakers(doc: Doc, quotes: list[Quote], cands: list[Candidate], lexicon: QuoteLexicon) -> None:
    """Set ``speaker``/``speaker_name`` of every quote with a source, adding actors when needed."""
    actors: list[Actor] = list(doc._.lb_actors or [])
    created = False
    history: list[tuple[int, str, str | None]] = []  # (offset, actor id, gender) of earlier speakers
    persons = [e for e in doc.ents if e.label_ in ("PER", "PERSON")]
    for q in sorted(quotes, key=lambda q: q.source[0][0] if q.source else q.message[0][0]):
        if not q.source:
            continue
        span = (q.source[0][0], q.source[-1][1])
        text = doc.text[span[0] : span[1]]
        words = text.split()
        actor = actor_for_span(actors, span)
        if actor is None and len(words) == 1 and words[0].lower() in lexicon.pronouns:
            gender = lexicon.pronouns[words[0].lower()]
            options = list(history)
            for ent in persons:
                if ent.end_char <= span[0]:
                    options.append((ent.start_char, f"ent:{ent.start_char}:{ent.end_char}", None))
            target = resolve_pronoun(span[0], gender, options)
            if target and target.startswith("ent:"):
                _, s, e = target.split(":")
                ent_text = doc.text[int(s) : int(e)]
                actor = ensure_actor(actors, ent_text, "PER", (int(s), int(e)))
                created = True
            elif target:
                actor = next((a for a in actors if a.id == target), None)
            if actor is not None and span not in actor.mentions:
                actor.mentions.append(span)
                actor.mentions.sort()
        if actor is None and not (len(words) == 1 and words[0].lower() in lexicon.pronouns):
            ent = _entity_in(doc, span)
            if ent is not None:
                name, type_ = _full_entity_name(doc, ent, span), _label_type(ent.label_)
            else:
                name = canonical_source_name(text, lexicon.roles)
                name = _strip_info_noun(name, lexicon)
                type_ = _source_type(name.split(), lexicon)
                if not name and any(w.lower() in lexicon.word_class("own") for w in words):
                    # "nach eigenen Angaben" / "by its own account": the speaker is the clause's subject
                    subject = _message_subject(doc, q)
                    if subject is not None:
                        span = (subject.start_char, subject.end_char)
                        actor = actor_for_span(actors, span)
                        ent = _entity_in(doc, span)
                        name = subject.text if ent is None else _full_entity_name(doc, ent, span)
                        type_ = _label_type(ent.label_) if ent is not None else _source_type(name.split(), lexicon)
            if actor is None and name and (name[:1].isupper() or lexicon.lang == "en"):
                existing = find_actor_by_name(actors, name)
                if existing is not None and span not in existing.mentions:
                    existing.mentions.append(span)
                    existing.mentions.sort()
                    actor = existing
                elif existing is None:
                    actor = ensure_actor(actors, name, type_, span)
                    created = True
                else:
                    actor = existing
        if actor is not None:
            q.speaker = actor.id
            q.speaker_name = actor.name
            history.append((span[0], actor.id, _gender_of(words, lexicon) or _gender_of(actor.name.split(), lexicon)))
    if created or doc._.lb_actors is not None:
        doc._.lb_actors = actors


_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "nsubjpass")


def _message_subject(doc: Doc, q: Quote):
    """The subject of the message's main clause ("China" in "China hat … geschlossen"), a name or a
    noun phrase, never a pronoun; None without a parse."""
    start, end = q.message[0][0], q.message[-1][1]
    msg = doc.char_span(start, end, alignment_mode="expand")
    if msg is None or not doc.has_annotation("DEP"):
        return None
    for tok in msg:
        if tok.dep_ in _SUBJECT_DEPS and (tok.head.i < msg.start or tok.head.i >= msg.end
                                          or tok.head.dep_ == "ROOT" or tok.head.head.i == tok.head.i):
            if tok.pos_ == "PRON":
                return None
            ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return ent
            left, right = tok.left_edge.i, tok.right_edge.i + 1
            if right - left > 6 or left < msg.start or right > msg.end:
                left, right = tok.i, tok.i + 1
            return doc[left:right]
    return None


def _strip_info_noun(name: str, lexicon: QuoteLexicon) -> str:
    """"Angaben der Polizei" -> "Polizei"; "eigenen Angaben" -> ""."""
    words = name.split()
    for i, w in enumerate(words):
        if w in lexicon.info_nouns or w in lexicon.opinion_nouns:
            rest = words[i + 1 :]
            while rest and rest[0].lower() in ("der", "des", "dem", "den", "von", "vom", "eines", "einer", "of", "the"):
                rest = rest[1:]
            return " ".join(rest)
    return name
