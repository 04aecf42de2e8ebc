"""Sentence-boundary rules that run before the parser (stored by name in the shipped pipelines).

News text has headlines, datelines and bylines without final punctuation, separated by line breaks.
The statistical parser never sees line breaks in the treebanks, so this component fixes boundaries at
line breaks first; the parser keeps boundaries that are already set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


_DASHES = {"-", "–", "—", ":"}
_AGENCY_MAX = 6  # tokens inside the parentheses of a byline: (dpa), (AFP/dpa), (Reuters)
_FINAL = {".", "!", "?", ":", ";", "“", "”", "\"", "«", "»", "‘", "’"}
# news agencies whose byline marks a dateline even after a mixed-case place name
_AGENCIES = {"dpa", "afp", "ap", "reuters", "rtr", "kna", "epd", "apa", "sda", "dts", "sid", "ots", "dapd", "ddp",
             "efe", "ansa", "xinhua", "tass", "itar-tass", "ria", "anadolu", "upi", "bloomberg"}


def dateline_end(doc: Doc, start: int) -> int | None:
    """Index of the dash/colon ending a dateline starting at ``start`` (``BERLIN (dpa) -``,
    ``Washington/Berlin (AFP/dpa) –``, ``Kiew (Reuters):``), or None."""
    i, n = start, len(doc)
    # place: 1-4 capitalised tokens, possibly joined by "/"
    k = 0
    while i < n and k < 6 and (doc[i].text[:1].isupper() or doc[i].text == "/") and not doc[i].is_space:
        i += 1
        k += 1
    if k == 0 or i >= n:
        return None
    if doc[i].text == "(":
        j = i + 1
        while j < n and j - i <= _AGENCY_MAX and doc[j].text != ")":
            j += 1
        if j >= n or doc[j].text != ")":
            return None
        i = j + 1
    elif not doc[i - 1].text.isupper():
        return None  # "Berlin -" without agency: only all-caps places count
    if i < n and doc[i].text in _DASHES and i + 1 < n:
        return i
    return None


def _place_word_before(doc: Doc, p: int, paren: int) -> bool:
    """Does ``doc[p - 1]`` still belong to the dateline place that runs from ``p`` to ``paren``?"""
    prev = doc[p - 1].text
    if prev == "/":
        return True
    if not prev[:1].isupper():
        return False
    return p == paren or doc[p].text == "/" or (prev.isupper() and doc[p].text.isupper())


def _inline_dateline_starts(doc: Doc) -> list[int]:
    """Starts of datelines inside a line, after a headline without final punctuation:
    "Regierung plant neue Steuer BERLIN (dpa) - Die …" starts a sentence at "BERLIN". The place must
    be all-caps or the parentheses must name a news agency, and the byline must end in a dash/colon."""
    starts = []
    for tok in doc:
        if tok.text != "(" or tok.i == 0:
            continue
        # the place right before the parenthesis: one capitalised word, places joined by "/"
        # ("Washington/Berlin"), or several all-caps words ("NEW YORK") — never the headline's last noun
        p = tok.i
        while p - 1 >= 0 and tok.i - p < 4 and not doc[p - 1].is_space and _place_word_before(doc, p, tok.i):
            p -= 1
        if p == tok.i or p == 0:
            continue
        end = dateline_end(doc, p)  # the dash/colon after "(agency)"
        if end is None:
            continue
        inside = {t.lower_ for t in doc[tok.i + 1 : end - 1]}
        place = doc[p : tok.i]
        caps = all(t.text.isupper() or t.text == "/" for t in place) and any(len(t) > 2 for t in place)
        if not (caps or inside & _AGENCIES):
            continue
        prev = doc[p - 1]
        if prev.is_space or prev.text in _FINAL or "\n" in prev.whitespace_:
            continue
        starts.append(p)
    return starts


class NewlineSentences:
    """Start a sentence after every whitespace token containing a line break (``\\n``). A dateline
    (``BERLIN (dpa) -``) is a sentence of its own for the parser; ``lagebild_dateline_merge`` attaches it to
    the sentence it introduces after parsing.

    With ``single_newline=False`` only blank lines (paragraph breaks) start a sentence.
    """

    def __init__(self, *, single_newline: bool = True) -> None:
        self.single_newline = single_newline

    def __call__(self, doc: Doc) -> Doc:
        need = "\n" if self.single_newline else "\n\n"
        n = len(doc)
        for tok in doc:
            ws = tok.whitespace_ if not tok.is_space else tok.text + tok.whitespace_
            if need in ws.replace("\r", "") and tok.i + 1 < n:
                nxt = doc[tok.i + 1]
                if nxt.is_space:
                    continue
                nxt.is_sent_start = True
        for i in _inline_dateline_starts(doc):
            doc[i].is_sent_start = True
        # a dateline is one unit, parsed apart from the sentence it introduces
        starts = [0] + [t.i for t in doc if t.is_sent_start and t.i > 0]
        for st in starts:
            while st < n and doc[st].is_space:
                st += 1
            end = dateline_end(doc, st) if st < n else None
            if end is None:
                continue
            for j in range(st + 1, min(end + 1, n)):
                if not doc[j].is_space:
                    doc[j].is_sent_start = False
            # the parser sees the dateline apart (else its place becomes the subject: "Peking (lgb) - China
            # hat …" parsed "Peking" nsubj, "China" flat:name); lagebild_dateline_merge joins them again
            nxt = end + 1
            while nxt < n and doc[nxt].is_space:
                nxt += 1
            if nxt < n:
                doc[nxt].is_sent_start = True
        return doc


@Language.factory("lagebild_newline_sentences", default_config={"single_newline": True})
def make_newline_sentences(nlp: Language, name: str, *, single_newline: bool) -> NewlineSentences:
    return NewlineSentences(single_newline=single_newline)


def merge_datelines(doc: Doc) -> Doc:
    """After parsing: a sentence that is only a dateline (``BERLIN (dpa) -``) is attached to the
    following sentence (its root becomes a ``dep`` of the next sentence's root)."""
    if not doc.has_annotation("DEP"):
        return doc
    sents = list(doc.sents)
    for cur, nxt in zip(sents, sents[1:]):
        st = cur.start
        while st < cur.end and doc[st].is_space:
            st += 1
        if st >= cur.end:
            continue
        end = dateline_end(doc, st)
        if end is None:
            continue
        rest = [t for t in doc[end + 1 : cur.end] if not t.is_space]
        if rest:
            continue
        cur.root.head = nxt.root
        cur.root.dep_ = "dep"
    return doc


_FOOTNOTE_MARKS = {"*", "**", "***", "†"}


def merge_footnote_marks(doc: Doc) -> Doc:
    """After parsing: a sentence that is only a footnote mark (``*``) joins the sentence it belongs to —
    the previous one when the mark follows it on the same line ("… Signal.*"), else the next one
    ("* Der Text wurde aktualisiert."); a sentence of whitespace only joins the previous one."""
    if not doc.has_annotation("DEP"):
        return doc
    sents = list(doc.sents)
    real = [any(not t.is_space and t.text not in _FOOTNOTE_MARKS for t in sent) for sent in sents]
    moves = []  # (root of the mark's sentence, root of the host sentence): collected before any head changes
    for k, cur in enumerate(sents):
        if real[k]:
            continue
        words = [t for t in cur if not t.is_space]
        # hosts are sentences with words, never another mark ("* * *" lines would attach to each other)
        prev = next((sents[j] for j in range(k - 1, -1, -1) if real[j]), None)
        nxt = next((sents[j] for j in range(k + 1, len(sents)) if real[j]), None)
        glued = prev is not None and "\n" not in doc[cur.start - 1].whitespace_ and not doc[cur.start - 1].is_space
        # blank lines (no words at all) stay with the sentence before them
        host = prev if glued or nxt is None or (not words and prev is not None) else nxt
        if host is None:
            continue
        try:
            moves.append((cur.root.i, host.root.i, "punct" if words else "dep"))
        except RuntimeError:  # E039: a sentence without a single root (broken parse) is left alone
            continue
    for mark, host, dep in moves:
        doc[mark].head = doc[host]
        doc[mark].dep_ = dep
    return doc


class DatelineMerge:
    def __call__(self, doc: Doc) -> Doc:
        return merge_footnote_marks(merge_datelines(doc))


@Language.factory("lagebild_dateline_merge")
def make_dateline_merge(nlp: Language, name: str) -> DatelineMerge:
    return DatelineMerge()
