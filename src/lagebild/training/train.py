"""Rebuild the shipped pipelines from LAGEBILD_DATA: ``lagebild train pipeline de|en``.

Two spaCy trainings per language, then assembly:

1. *syntax*: tok2vec + tagger (XPOS) + morphologizer (UPOS + features, incl. Mood) + parser +
   edit-tree lemmatizer, trained on the UD treebanks;
   (when the shipped parser is smaller than the jointly trained one: *parser refit*, a new parser of that
   size trained on the frozen shared tok2vec, so tags, morphology and lemmas stay exactly as trained);
2. *ner*: a NER with its own tok2vec, trained on the NER corpora (labels PER/ORG/LOC/MISC);
3. the NER is sourced into the syntax pipeline, the news tokenizer rules and the line-break
   sentence rule are added, and the result is written with ``nlp.to_disk``.

Intermediate DocBins and training output go to ``work_dir`` (default /work/runs/pipelines/<lang>),
never into the repository. Held-out evaluation splits (:data:`SPLITS`) are never trained on.
"""

from __future__ import annotations

import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import spacy
from spacy.tokens import Doc, DocBin

from ..settings import data_path
from . import corpora as C
from .configs import ner_config, parser_refit_config, syntax_config
from .tokenizer import customize_tokenizer

NC_NOTE = "non-commercial (CC BY-NC-SA)"


@dataclass
class Plan:
    """Which corpora go into which split (documented in the model card)."""

    syntax_train: list[str] = field(default_factory=list)
    syntax_dev: str = ""
    syntax_test: str = ""
    ner_train: list[str] = field(default_factory=list)
    ner_dev: str = ""
    ner_test: str = ""


def _gsd(vocab, split):
    return C.read_conllu(vocab, data_path("treebanks", "UD_German-GSD", f"de_gsd-ud-{split}.conllu"), "de")


def de_syntax(vocab, include_nc: bool):
    dev_all = _gsd(vocab, "dev")
    pud = C.read_conllu(vocab, data_path("treebanks", "UD_German-PUD", "de_pud-ud-test.conllu"), "de")
    pud = C.retag_stts(pud)  # PUD's XPOS is Penn-style, not STTS: silver STTS from HanTa
    train = pud + dev_all[:650]
    names = ["UD German PUD test (all, CC BY-SA 3.0; STTS tags silver from HanTa)", "UD German GSD dev sentences 1-650 (CC BY-SA 4.0)"]
    if include_nc:
        lit = C.read_conllu(vocab, data_path("treebanks", "UD_German-LIT", "de_lit-ud-test.conllu"), "de")
        train += lit
        names.append(f"UD German LIT test ({NC_NOTE})")
    # distillation: HanTa (TIGER-trained) STTS tags and lemmas on permissive German text
    silver_sents = C.spkatt_sentences("train")
    silver_sents += C.germeval_sentences(data_path("ner", "germeval2014", "NER-de-dev.tsv"))[:1900]
    silver = C.silver_docs(vocab, silver_sents)
    names.append(f"silver STTS tags + lemmas by HanTa on {len(silver)} sentences: SpkAtt-2023 task 1 train "
                 "(Bundestag speeches, public-domain text) and GermEval 2014 dev 1-1900 (CC BY 4.0)")
    return train, dev_all[650:], names, "UD German GSD dev sentences 651-799", "UD German GSD test", silver


def de_syntax_test(vocab):
    return _gsd(vocab, "test")


#: GermEval 2014 test_public: sentences before this index are trained on, the rest is the held-out test
GERMEVAL_TEST_FROM = 2000


def _germeval(vocab, name):
    return C.read_germeval(vocab, data_path("ner", "germeval2014", f"NER-de-{name}.tsv"))


def de_ner(vocab, include_nc: bool):
    ge = _germeval(vocab, "dev")
    ge_train, ge_dev = ge[:1900], ge[1900:]
    ge_train += _germeval(vocab, "test_public")[:GERMEVAL_TEST_FROM]
    mobie = C.shuffled(C.read_mobie(vocab, "train") + C.read_mobie(vocab, "dev"))[:2000]
    smart = C.read_smartdata(vocab, "train") + C.read_smartdata(vocab, "test")
    # news is the target: GermEval (news + Wikipedia) counts twice
    train = ge_train * 2 + mobie + smart
    names = [f"GermEval 2014 dev sentences 1-1900 and test_public sentences 1-{GERMEVAL_TEST_FROM}, x2 (CC BY 4.0)",
             "MobIE train+dev, 2,000 sentences (traffic reports and tweets, CC BY 4.0; partial: capitalised "
             "tokens outside its entities are unknown, not O)",
             f"SmartData v1 train+test, {len(smart)} paragraphs (news/RSS/tweets, CC BY 4.0; common-noun "
             "mentions dropped; partial like MobIE)"]
    if include_nc:
        ep = []
        for split in ("train", "dev", "test"):
            ep += C.read_europarl(vocab, data_path("ner", "europarl_de", f"{split}.tsv"))
        ler = C.shuffled(C.read_ler(vocab, "dev"))[:1500]
        train += ep + ler
        names += ["Europarl NER train+dev+test (research use)",
                  "LER dev, 1,500 sentences (CC BY 4.0 / NC badge, conservative)"]
    return (train, ge_dev, names, "GermEval 2014 dev sentences 1901-2200",
            f"GermEval 2014 test_public sentences {GERMEVAL_TEST_FROM + 1}-3100")


def de_ner_test(vocab):
    return _germeval(vocab, "test_public")[GERMEVAL_TEST_FROM:]


def _ewt(vocab, split):
    return C.read_conllu(vocab, data_path("treebanks", "UD_English-EWT", f"en_ewt-ud-{split}.conllu"), "en")


def en_syntax(vocab, include_nc: bool):
    train = _ewt(vocab, "train")
    names = ["UD English EWT train (CC BY-SA 4.0)"]
    if include_nc:
        for split in ("dev", "test"):
            train += C.read_conllu(vocab, data_path("treebanks", "UD_English-GUM", f"en_gum-ud-{split}.conllu"), "en")
        names.append(f"UD English GUM dev+test ({NC_NOTE})")
    return train, _ewt(vocab, "dev"), names, "UD English EWT dev", "UD English EWT test"


def en_syntax_test(vocab):
    return _ewt(vocab, "test")


def _wikigold(vocab):
    docs = C.read_en_conll(vocab, data_path("ner_en", "wikigold", "CONLL-format", "data", "wikigold.conll.txt"))
    return docs


def en_ner_split(vocab):
    """WikiGold: first 70 % train, next 10 % dev, last 20 % held-out test (in corpus order)."""
    docs = _wikigold(vocab)
    n = len(docs)
    return docs[: int(n * 0.7)], docs[int(n * 0.7) : int(n * 0.8)], docs[int(n * 0.8) :]


def en_ner(vocab, include_nc: bool):
    """WikiGold's first 70 % (x4: edited text is the target) and every tweet of WNUT-17 train+dev and BTC
    a,b,e,f,g (partial annotation). All BTC tweets instead of 4,000 (and WikiGold x4 instead of x3) took
    WikiGold dev F1 0.580 -> 0.607; adding WNUT-17 test and BTC h too gave 0.602 (2026-11-25)."""
    wg_train, wg_dev, _ = en_ner_split(vocab)
    base = data_path("ner_en")
    wnut = []
    for rel in ("train/wnut17train.conll", "dev/emerging.dev.conll"):
        wnut += C.read_en_conll(vocab, base / "WNUT17" / "CONLL-format" / "data" / rel, partial=True)
    btc = []
    for sec in ("a", "b", "e", "f", "g"):
        btc += C.read_en_conll(vocab, base / "BTC" / "CONLL-format" / "data" / f"{sec}.conll", partial=True)
    train = wg_train * 4 + wnut + btc
    names = ["WikiGold first 70 % x4 (CC BY 4.0)", "WNUT-17 train+dev (CC BY 4.0; partial)",
             f"BTC sections a,b,e,f,g, all {len(btc):,} tweets (CC BY 4.0; partial: capitalised tokens outside "
             "entities are unknown, not O)"]
    return train, wg_dev, names, "WikiGold 70-80 %", "WikiGold last 20 %"


def en_ner_test(vocab):
    return en_ner_split(vocab)[2]


SOURCES: dict[str, dict[str, Callable]] = {
    "de": {"syntax": de_syntax, "ner": de_ner, "syntax_test": de_syntax_test, "ner_test": de_ner_test},
    "en": {"syntax": en_syntax, "ner": en_ner, "syntax_test": en_syntax_test, "ner_test": en_ner_test},
}


def _write(docs: list[Doc], path: Path) -> None:
    db = DocBin(store_user_data=False)
    for d in docs:
        db.add(d)
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def build_corpora(lang: str, work: Path, include_nc: bool, log=print, parts=("syntax", "ner"),
                  syntax_on_dev: bool = False) -> dict:
    nlp = spacy.blank(lang)
    old = work / "data.json"
    info = json.loads(old.read_text(encoding="utf-8")) if old.exists() else {}
    if "syntax" in parts:
        _build_syntax(lang, nlp, work, include_nc, info, log, on_dev=syntax_on_dev)
    if "ner" in parts:
        _build_ner(lang, nlp, work, include_nc, info, log)
    return info


def _build_syntax(lang, nlp, work, include_nc, info, log, on_dev: bool = False):
    tr, dev, names, devname, testname, *extra = SOURCES[lang]["syntax"](nlp.vocab, include_nc)
    if on_dev:  # final model: the dev part is training data too; the last checkpoint is taken, nothing selected
        tr = tr + dev
        names = names + [f"{devname} (also trained on: final run with a fixed number of steps)"]
    silver = extra[0] if extra else []
    grouped = C.group_docs(nlp.vocab, C.shuffled(tr), 10) if lang == "de" else C.group_docs(nlp.vocab, tr, 10)
    _write(C.shuffled(grouped + silver), work / "corpus" / "syntax_train.spacy")
    _write(C.group_docs(nlp.vocab, dev, 10), work / "corpus" / "syntax_dev.spacy")
    # tag->UPOS consistency table from the treebank whose conventions the test set follows
    # (UD German PUD annotates adverbial ADJD as ADV, GSD as ADJ)
    table_docs = [d for d in tr if d.user_data.get("corpus", "").startswith(("de_gsd", "en_ewt"))] or tr
    _write(table_docs, work / "corpus" / "syntax_gold.spacy")
    info["syntax"] = {"train": names, "dev": devname, "test": testname,
                      "train_sents": len(tr), "train_tokens": sum(len(d) for d in tr)}
    log(f"syntax: {len(tr)} train sentences ({info['syntax']['train_tokens']} tokens), {len(dev)} dev")


def _build_ner(lang, nlp, work, include_nc, info, log):
    tr, dev, names, devname, testname = SOURCES[lang]["ner"](nlp.vocab, include_nc)
    _write(C.shuffled(tr), work / "corpus" / "ner_train.spacy")
    _write(dev, work / "corpus" / "ner_dev.spacy")
    info["ner"] = {"train": names, "dev": devname, "test": testname,
                   "train_sents": len(tr), "train_tokens": sum(len(d) for d in tr)}
    log(f"ner: {len(tr)} train sentences ({info['ner']['train_tokens']} tokens), {len(dev)} dev")


def _train(config: str, name: str, work: Path, log=print, corpus: str | None = None, last: bool = False) -> Path:
    from spacy.cli.train import train as spacy_train

    cfg_path = work / f"{name}.cfg"
    cfg_path.write_text(config, encoding="utf-8")
    out = work / name
    if out.exists():
        shutil.rmtree(out)
    t0 = time.time()
    spacy_train(cfg_path, out, use_gpu=-1, overrides={
        "paths.train": str(work / "corpus" / f"{corpus or name}_train.spacy"),
        "paths.dev": str(work / "corpus" / f"{corpus or name}_dev.spacy"),
    })
    log(f"{name}: trained in {time.time() - t0:.0f}s")
    return out / ("model-last" if last else "model-best")


SYNTAX_PIPES = ("tok2vec", "tagger", "morphologizer", "pos_consistency", "parser", "trainable_lemmatizer")


def syntax_base(lang: str, work: Path, log=print) -> Path:
    """The syntax model of this work dir, else the syntax part of the shipped pipeline (saved once)."""
    own = work / "syntax" / "model-best"
    if own.exists():
        return own
    from ..language import shipped_model_path

    shipped = shipped_model_path(lang)
    if shipped is None:
        raise FileNotFoundError(f"no syntax model in {work} and no shipped {lang} pipeline: train the syntax part")
    out = work / "syntax_shipped"
    if not out.exists():
        nlp = spacy.load(shipped)
        for name in [n for n in nlp.pipe_names if n not in SYNTAX_PIPES]:
            nlp.remove_pipe(name)
        nlp.to_disk(out)
        log(f"syntax: reusing the shipped {lang} pipeline's syntax components ({out})")
    return out


#: the parser size trained jointly with the shared tok2vec (it shapes the features the others read)
JOINT_PARSER = (128, 3)


def refit_parser(lang: str, syntax_dir: Path, work: Path, *, hidden: int, pieces: int, steps: int,
                 width: int, log=print) -> Path:
    """``syntax_dir`` with its parser replaced by a ``hidden``/``pieces`` parser trained on the frozen
    shared tok2vec (saved as ``work/syntax_refit``)."""
    trained = _train(parser_refit_config(lang, str(syntax_dir.resolve()), width=width, hidden=hidden,
                                         pieces=pieces, max_steps=steps), "parser", work, log, corpus="syntax")
    nlp = spacy.load(syntax_dir)
    refit = spacy.load(trained)
    after = nlp.pipe_names[nlp.pipe_names.index("parser") - 1]
    nlp.remove_pipe("parser")
    nlp.add_pipe("parser", source=refit, after=after)
    out = work / "syntax_refit"
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    log(f"parser refit ({hidden}/{pieces}) written to {out}")
    return out


def assemble(lang: str, syntax_dir: Path, ner_dir: Path, out: Path, meta_extra: dict | None = None,
             pos_docs: list[Doc] | None = None) -> Path:
    from ..lang import gazetteer_features, mood, ner_backoff, pos_consistency, segmentation  # noqa: F401

    nlp = spacy.load(syntax_dir)
    if ner_dir is not None:
        ner_nlp = spacy.load(ner_dir)
        if "lagebild_gazetteer_features" in ner_nlp.pipe_names:
            nlp.add_pipe("lagebild_gazetteer_features", source=ner_nlp, first=True)
        nlp.add_pipe("ner", source=ner_nlp)
    if pos_docs and "pos_consistency" not in nlp.pipe_names:
        from .posmap import consistency_table, tag_pos_table

        nlp.add_pipe("lagebild_pos_consistency", name="pos_consistency", after="morphologizer",
                     config={"rules": [[tag, maj, allowed] for tag, (maj, allowed)
                                       in consistency_table(tag_pos_table(pos_docs)).items()]})
    nlp.add_pipe("lagebild_newline_sentences", before="parser")
    nlp.add_pipe("lagebild_dateline_merge", after="parser")
    if "ner" in nlp.pipe_names:  # whitespace repair everywhere, the proper-noun back-off for German only
        nlp.add_pipe("lagebild_ner_backoff", after="ner", config={"lang": lang, "backoff": lang == "de"})
    if lang == "de":
        nlp.add_pipe("lagebild_mood", after="lagebild_dateline_merge", config={"lang": lang})
    customize_tokenizer(nlp)
    nlp.meta["name"] = "core"
    nlp.meta["version"] = "0.1.0"
    nlp.meta["description"] = f"Lagebild {lang} pipeline (see MODEL_CARD.md)"
    nlp.meta["license"] = "CC BY-SA 4.0 (trained on ShareAlike treebanks)"
    if meta_extra:
        nlp.meta.setdefault("lagebild", {}).update(meta_extra)
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    from .card import write_card

    write_card(out, lang)  # data and licences; `lagebild evaluate pipeline --write-card` adds the scores
    return out


#: features the NER reads besides the word itself, per language (see ``configs.ner_config``)
NER_FEATURES = {"de": ("tag", "gazetteer"), "en": ("tag", "gazetteer")}


def _ner_features(lang: str, work: Path, log=print) -> dict:
    """Config arguments for the NER's extra features: the frozen tagger's fine tag, gazetteer flags."""
    features = NER_FEATURES.get(lang, ())
    out = {}
    if "tag" in features:
        out["tagger_source"] = str(syntax_base(lang, work, log).resolve())
    if "gazetteer" in features:
        from .gazetteers import build_lists

        path = work / "gazetteer_lists.json"
        lists = build_lists(lang)
        path.write_text(json.dumps(lists, ensure_ascii=False), encoding="utf-8")
        log("gazetteer lists: " + ", ".join(f"{k} {len(v)}" for k, v in lists.items()))
        out["gazetteer_lists"] = str(path.resolve())
    return out


def _carry_over_shipped(lang: str, info: dict) -> None:
    """A part reused from the shipped pipeline keeps the shipped model card's data description (a part trained in
    this work dir keeps its own)."""
    from ..language import shipped_model_path

    shipped = shipped_model_path(lang)
    if shipped is None:
        return
    old = json.loads((shipped / "meta.json").read_text(encoding="utf-8")).get("lagebild", {}).get("data", {})
    for part in ("syntax", "ner"):
        if part not in info and part in old:
            info[part] = old[part]


def train_pipeline(lang: str, *, out: Path, work: Path, steps_syntax: int, steps_ner: int,
                   width: int = 96, depth: int = 4, include_nc: bool = False,
                   only: str | None = None, interim: bool = False, pos_rules: bool = True,
                   no_ner: bool = False, parser_hidden: int = 128, parser_pieces: int = 3,
                   ner_depth: int | None = None, ner_pieces: int = 3, rows: int = 8000,
                   ner_width: int | None = None, steps_parser: int = 4000, seed: int = 0,
                   parser_refit: bool = False, syntax_on_dev: bool = False, log=print) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    if only == "assemble":
        info = json.loads((work / "data.json").read_text(encoding="utf-8"))
    else:
        info = build_corpora(lang, work, include_nc, log=log,
                             parts=("syntax", "ner") if only is None else ("syntax" if only == "parser" else only,),
                             syntax_on_dev=syntax_on_dev)
        (work / "data.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    syn = work / "syntax" / ("model-last" if syntax_on_dev else "model-best")
    ner = work / "ner" / "model-best"
    refit = (parser_refit or only == "parser") and (parser_hidden, parser_pieces) != JOINT_PARSER
    joint = JOINT_PARSER if refit else (parser_hidden, parser_pieces)
    if only in (None, "syntax"):
        syn = _train(syntax_config(lang, width=width, depth=depth, max_steps=steps_syntax, seed=seed,
                                   parser_hidden=joint[0], parser_pieces=joint[1], rows=rows),
                     "syntax", work, log, last=syntax_on_dev)
    if refit and only in (None, "syntax", "parser"):
        base = syn if syn.exists() else syntax_base(lang, work, log)
        syn = refit_parser(lang, base, work, hidden=parser_hidden, pieces=parser_pieces, steps=steps_parser,
                           width=width, log=log)
    elif refit and (work / "syntax_refit").exists():
        syn = work / "syntax_refit"
    if only in (None, "ner"):
        ner = _train(ner_config(lang, width=ner_width or width, depth=ner_depth or depth, max_steps=steps_ner,
                                encode_pieces=ner_pieces, **_ner_features(lang, work, log)), "ner", work, log)
    if only in ("ner", "assemble", "parser") and not syn.exists():
        syn = syntax_base(lang, work, log)
    if not ner.exists() and only in ("syntax", "parser", "assemble") and not no_ner:
        from ..language import shipped_model_path

        ner = shipped_model_path(lang) or ner  # keep the shipped NER
    if not syn.exists() or (not ner.exists() and not no_ner):
        log(f"not assembling: {syn if not syn.exists() else ner} does not exist yet")
        return work
    if no_ner:
        ner = None
    _carry_over_shipped(lang, info)
    steps = {}
    for part, given in (("syntax", steps_syntax), ("ner", steps_ner)):
        cfg = work / f"{part}.cfg"
        if only in ("assemble", "ner" if part == "syntax" else "syntax") and cfg.exists():
            from thinc.api import Config

            given = Config().from_str(cfg.read_text(encoding="utf-8"), interpolate=False)["training"]["max_steps"]
        steps[part] = given
    if refit:
        cfg = work / "parser.cfg"
        if only not in (None, "syntax", "parser") and cfg.exists():
            from thinc.api import Config

            steps_parser = Config().from_str(cfg.read_text(encoding="utf-8"), interpolate=False)["training"]["max_steps"]
        steps["parser"] = steps_parser
    pos_docs = None
    if pos_rules and (work / "corpus" / "syntax_gold.spacy").exists():
        pos_docs = list(DocBin().from_disk(work / "corpus" / "syntax_gold.spacy").get_docs(spacy.blank(lang).vocab))
    return assemble(lang, syn, ner, out, pos_docs=pos_docs, meta_extra={"data": info, "include_nc": include_nc,
                                          "shape": {"width": width, "depth": depth, "rows": rows,
                                                    "parser": [parser_hidden, parser_pieces],
                                                    "ner_width": ner_width or width, "ner_depth": ner_depth or depth,
                                                    "ner_pieces": ner_pieces,
                                                    "parser_refit": refit, "seed": seed,
                                                    "syntax_on_dev": syntax_on_dev},
                                          "steps": steps,
                                          "ner_features": list(NER_FEATURES.get(lang, ())),
                                          "interim": interim})
