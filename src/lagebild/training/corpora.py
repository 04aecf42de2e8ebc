"""Readers turning the shared corpora (CoNLL-U treebanks, NER files) into spaCy ``Doc`` objects.

Everything is read from ``LAGEBILD_DATA`` (``lagebild.settings.data_path``); DocBins are written
outside the repository by :mod:`lagebild.training.train`.

NER labels of every corpus are mapped to the four labels Lagebild uses: PER, ORG, LOC, MISC.
Labels with no counterpart (dates, numbers, triggers, legal citations, ``*deriv``/``*part``) become O.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import zipfile
from pathlib import Path
from typing import Iterable, Iterator

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from ..lang.de.hanta import hanta_tag
from ..settings import data_path

NER_LABELS = ("PER", "ORG", "LOC", "MISC")

# ---------------------------------------------------------------------------------------------
# CoNLL-U


def _conllu_sentences(path: Path) -> Iterator[list[list[str]]]:
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield rows
                rows = []
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield rows


def _conllu_doc(vocab: Vocab, rows: list[list[str]], lang: str) -> Doc | None:
    """One sentence as a Doc. Multi-word tokens (German ``zum`` = zu + dem) become one token with
    the STTS tag APPRART, the UPOS/head/deprel of the first part and the morphology of the last."""
    words, spaces, tags, pos, morphs, lemmas, heads, deps = [], [], [], [], [], [], [], []
    id_to_tok: dict[str, int] = {}

    def add_word(row: list[str], space: bool) -> None:
        """Append one syntactic word (a CoNLL-U row) as a token."""
        id_to_tok[row[0]] = len(words)
        words.append(row[1])
        spaces.append(space)
        tags.append(row[4] if row[4] != "_" else "")
        pos.append(row[3])
        morphs.append("" if row[5] == "_" else row[5])
        lemmas.append(row[2])
        heads.append(row[6])
        deps.append(row[7])

    i = 0
    skip_until = 0
    by_id = {r[0]: r for r in rows if "-" not in r[0] and "." not in r[0]}
    for r in rows:
        rid = r[0]
        if "." in rid:
            continue
        if "-" in rid:
            a, b = (int(x) for x in rid.split("-"))
            parts = [by_id[str(k)] for k in range(a, b + 1)]
            if lang != "de" and "".join(p[1] for p in parts) == r[1]:
                # English contractions (do|n't, gon|na): keep the syntactic words, as spaCy splits them
                for k, p in enumerate(parts):
                    add_word(p, k == len(parts) - 1 and "SpaceAfter=No" not in r[9])
                    i += 1
                skip_until = b
                continue
            # the part attached outside the multi-word token carries the syntax
            outside = [p for p in parts if not (a <= int(p[6]) <= b)]
            first, last = parts[0], parts[-1]
            headpart = outside[0] if outside else first
            words.append(r[1])
            spaces.append("SpaceAfter=No" not in r[9])
            xpos = first[4]
            if lang == "de" and first[4] == "APPR" and last[4] == "ART":
                xpos = "APPRART"
            tags.append(xpos)
            pos.append(first[3] if lang == "de" else headpart[3])
            feats = last[5] if last[5] != "_" else first[5]
            if lang == "de" and xpos == "APPRART":
                feats = "|".join(f for f in feats.split("|") if not f.startswith(("Definite", "PronType")))
            morphs.append("" if feats in ("_", "") else feats)
            lemmas.append(first[2] if lang == "de" else "".join(p[2] for p in parts))
            heads.append(headpart[6])
            deps.append(headpart[7])
            for k in range(a, b + 1):
                id_to_tok[str(k)] = i
            skip_until = b
            i += 1
            continue
        if int(rid) <= skip_until:
            continue
        add_word(r, "SpaceAfter=No" not in r[9])
        i += 1
    if not words:
        return None
    spaces[-1] = False
    head_idx = []
    for k, (h, d) in enumerate(zip(heads, deps)):
        if h == "0":
            head_idx.append(k)
        else:
            head_idx.append(id_to_tok.get(h, k))
    # a merged token pointing at itself that is not the root: attach to the root instead
    root = next((k for k, d in enumerate(deps) if d == "root"), None)
    if root is None:
        return None
    for k in range(len(head_idx)):
        if head_idx[k] == k and deps[k] != "root":
            head_idx[k] = root
    deps = [d if d != "root" else "ROOT" for d in deps]
    doc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=head_idx,
        deps=deps,
        sent_starts=[True] + [False] * (len(words) - 1),
    )
    return doc


def read_conllu(vocab: Vocab, path: Path, lang: str) -> list[Doc]:
    docs = []
    for rows in _conllu_sentences(path):
        doc = _conllu_doc(vocab, rows, lang)
        if doc is not None:
            doc.user_data["corpus"] = Path(path).name
            docs.append(doc)
    return docs


def group_docs(vocab: Vocab, docs: list[Doc], n: int = 10) -> list[Doc]:
    """Join consecutive sentences into multi-sentence docs (so the parser learns sentence splitting)."""
    return [Doc.from_docs(docs[i : i + n], ensure_whitespace=True) for i in range(0, len(docs), n)]


# ---------------------------------------------------------------------------------------------
# NER

_NO_SPACE_BEFORE = set(".,;:!?)]}»“”'\"%")


def _partial_missing(doc: Doc, ents: list[Span]) -> list[Span]:
    """For corpora that annotate only some entity types (no MISC, or only traffic-relevant names):
    capitalised tokens outside the annotated entities (not sentence-initial) are *unknown* rather
    than O, so the model does not learn that unannotated names are not entities."""
    covered = set()
    for e in ents:
        covered.update(range(e.start, e.end))
    missing = []
    for t in doc:
        if t.i in covered or t.i == 0 or not t.text[:1].isupper():
            continue
        if doc[t.i - 1].text in (".", "!", "?", ":", "„", '"', "»", "«", "“"):
            continue
        missing.append(Span(doc, t.i, t.i + 1))
    return missing


def _bio_doc(vocab: Vocab, words: list[str], labels: list[str | None], partial: bool = False) -> Doc:
    """A Doc from tokens and BIO/IOB1 labels already mapped (``None`` label = O)."""
    spaces = [True] * len(words)
    for k in range(len(words) - 1):
        if words[k + 1] in _NO_SPACE_BEFORE or words[k] in ("(", "[", "„", "»"):
            spaces[k] = False
    doc = Doc(vocab, words=words, spaces=spaces)
    ents = []
    start, cur = None, None
    for k, lab in enumerate(labels + [None]):
        if lab is None:
            prefix, typ = "O", None
        else:
            prefix, typ = lab
        if cur is not None and (typ != cur or prefix == "B"):
            ents.append(Span(doc, start, k, label=cur))
            start, cur = None, None
        if typ is not None and cur is None:
            start, cur = k, typ
    doc.set_ents(ents, missing=_partial_missing(doc, ents) if partial else None, default="outside")
    return doc


def _split_label(tag: str, mapping: dict[str, str | None]) -> tuple[str, str] | None:
    if tag in ("O", "", "_"):
        return None
    if "-" in tag and tag[:2] in ("B-", "I-", "E-", "S-"):
        prefix, raw = tag[0], tag[2:]
    else:
        prefix, raw = "I", tag
    mapped = mapping.get(raw)
    if mapped is None:
        return None
    return ("B" if prefix in ("B", "S") else "I", mapped)


GERMEVAL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "OTH": "MISC"}


def read_germeval(vocab: Vocab, path: Path) -> list[Doc]:
    """GermEval 2014 TSV, outer level; ``*deriv``/``*part`` are not entities for Lagebild."""
    docs, words, labels = [], [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if not line.strip():
                if words:
                    docs.append(_bio_doc(vocab, words, labels))
                words, labels = [], []
                continue
            cols = line.split("\t")
            words.append(cols[1])
            labels.append(_split_label(cols[2], GERMEVAL_MAP))
    if words:
        docs.append(_bio_doc(vocab, words, labels))
    return docs


def _read_columns(vocab: Vocab, lines: Iterable[str], mapping, tok_col=0, tag_col=-1, sep=None,
                  partial: bool = False) -> list[Doc]:
    docs, words, labels = [], [], []
    for line in lines:
        line = line.rstrip("\n").rstrip("\r")
        if line.startswith("-DOCSTART-") or not line.strip():
            if words:
                docs.append(_bio_doc(vocab, words, labels, partial))
            words, labels = [], []
            continue
        cols = line.split(sep) if sep else line.split()
        if len(cols) < 2 or not cols[tok_col].strip():
            continue
        words.append(cols[tok_col].strip())
        labels.append(_split_label(cols[tag_col], mapping))
    if words:
        docs.append(_bio_doc(vocab, words, labels, partial))
    return docs


EUROPARL_MAP = {"PER": "PER", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}


def read_europarl(vocab: Vocab, path: Path) -> list[Doc]:
    with open(path, encoding="utf-8") as fh:
        return _read_columns(vocab, fh, EUROPARL_MAP, sep="\t")


MOBIE_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
    "location-stop": "LOC",
}


def read_mobie(vocab: Vocab, split: str) -> list[Doc]:
    zpath = data_path("ner", "mobie", "v1_20210811", "ner_conll03_formatted.zip")
    with zipfile.ZipFile(zpath) as zf:
        text = zf.read(f"{split}.conll2003").decode("utf-8")
    docs = _read_columns(vocab, io.StringIO(text), MOBIE_MAP, partial=True)
    # hashtags as in tweets: keep them, the '#' is part of the token
    return docs


LER_MAP = {
    "PER": "PER", "RR": "PER", "AN": "PER",
    "LD": "LOC", "ST": "LOC", "STR": "LOC", "LDS": "LOC",
    "ORG": "ORG", "UN": "ORG", "INN": "ORG", "GRT": "ORG", "MRK": "ORG",
    "EUN": "ORG",
}


def read_ler(vocab: Vocab, split: str) -> list[Doc]:
    with open(data_path("ner", "ler_legal", "data", f"ler_{split}.conll"), encoding="utf-8") as fh:
        return _read_columns(vocab, fh, LER_MAP)


# English -------------------------------------------------------------------------------------

EN_MAP = {
    "PER": "PER", "person": "PER", "Person": "PER",
    "ORG": "ORG", "corporation": "ORG", "group": "ORG", "Organisation": "ORG",
    "LOC": "LOC", "location": "LOC", "Location": "LOC",
    "MISC": "MISC", "product": None, "creative-work": "MISC",
    "Nationality": None,
}


def read_en_conll(vocab: Vocab, path: Path, partial: bool = False) -> list[Doc]:
    """An English CoNLL NER file (space- or tab-separated, label in the last column), labels mapped by EN_MAP."""
    text = Path(path).read_text(encoding="utf-8", errors="replace")
    sep = "\t" if "\t" in text[:5000] else None
    return _read_columns(vocab, io.StringIO(text), EN_MAP, sep=sep, partial=partial)


def shuffled(docs: list[Doc], seed: int = 13) -> list[Doc]:
    docs = list(docs)
    random.Random(seed).shuffle(docs)
    return docs


# ---------------------------------------------------------------------------------------------
# HanTa silver annotation (STTS tags and lemmas) — HanTa ships its own TIGER-trained model.

def retag_stts(docs: list[Doc]) -> list[Doc]:
    """Fill the STTS ``tag_`` of treebank docs whose XPOS is not STTS (UD German PUD) with HanTa's."""
    for doc in docs:
        tags, _ = hanta_tag([t.text for t in doc])
        for tok, tag in zip(doc, tags):
            tok.tag_ = tag
    return docs


def silver_docs(vocab: Vocab, sentences: Iterable[list[str]]) -> list[Doc]:
    """Docs with HanTa STTS tags and lemmas only (POS, morphology and parse left missing)."""
    docs = []
    for words in sentences:
        if not words:
            continue
        tags, lemmas = hanta_tag(words)
        d = _bio_doc(vocab, words, [None] * len(words))
        # _bio_doc set entities; drop them again so NER stays unannotated
        d = Doc(vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d], tags=tags, lemmas=lemmas)
        docs.append(d)
    return docs


def spkatt_sentences(split: str = "train") -> list[list[str]]:
    """Token lists of the SpkAtt-2023 task 1 speeches (Bundestag debates: public-domain text)."""
    out = []
    folder = data_path("quotes", "spkatt2023_task1", "data", split, "task1")
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for sent in data.get("Sentences", []):
            toks = [t for t in sent.get("Tokens", []) if t and not t.isspace()]
            if 2 <= len(toks) <= 80:
                out.append(toks)
    return out


def germeval_sentences(path: Path) -> list[list[str]]:
    out, cur = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            if not line.strip():
                if cur:
                    out.append(cur)
                cur = []
                continue
            cur.append(line.split("\t")[1])
    if cur:
        out.append(cur)
    return out


# SmartData (DFKI, CC BY 4.0): German news/RSS/tweets with character-offset concept mentions ---------

SMARTDATA_MAP = {
    "person": "PER",
    "organization": "ORG",
    "organization-company": "ORG",
    "location": "LOC",
    "location-city": "LOC",
    "location-street": "LOC",
}


def _json_stream(text: str) -> Iterator[dict]:
    dec = json.JSONDecoder()
    i, n = 0, len(text)
    while i < n:
        while i < n and text[i].isspace():
            i += 1
        if i >= n:
            break
        obj, i = dec.raw_decode(text, i)
        yield obj


def read_smartdata(vocab: Vocab, split: str = "train") -> list[Doc]:
    """SmartData documents split at line breaks. Mentions that are common-noun phrases (the corpus
    marks "die Gruppe" as a company; GermEval does not) are dropped using HanTa's STTS tags."""
    import spacy

    nlp = spacy.blank("de", vocab=vocab)
    path = data_path("ner", "smartdata", "v1_20180119", f"{split}.json.gz")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        raw = fh.read()
    out = []
    for obj in _json_stream(raw):
        text = ((obj.get("text") or {}).get("string")) or ""
        mentions = ((obj.get("conceptMentions") or {}).get("array")) or []
        spans = []
        for m in mentions:
            lab = SMARTDATA_MAP.get(m.get("type"))
            if lab:
                spans.append((m["span"]["start"], m["span"]["end"], lab))
        offset = 0
        for para in text.split("\n"):
            start, end = offset, offset + len(para)
            offset = end + 1
            if len(para.split()) < 3:
                continue
            doc = nlp.make_doc(para)
            if len(doc) > 120:
                continue
            words = [t.text for t in doc]
            tags, _ = hanta_tag(words)
            ents = []
            for s, e, lab in spans:
                if s >= start and e <= end:
                    sp = doc.char_span(s - start, e - start, label=lab, alignment_mode="expand")
                    if sp is None:
                        continue
                    named = any(tags[t.i] in ("NE", "FM", "XY") or t.text.isupper() for t in sp)
                    if not named and (len(sp) == 1 or not sp[0].text[:1].isupper()):
                        continue  # "Gruppe", "die Firma": not a name
                    ents.append(sp)
            try:
                ents = spacy.util.filter_spans(ents)
                doc.set_ents(ents, missing=_partial_missing(doc, ents), default="outside")
            except ValueError:
                continue
            out.append(doc)
    return out
