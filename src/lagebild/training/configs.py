"""spaCy training configs for the shipped pipelines (small CNN, no vectors, no transformer)."""

from __future__ import annotations

import json

_TRAINING = """
[paths]
train = null
dev = null

[system]
seed = {seed}
gpu_allocator = null

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${{paths.train}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${{paths.dev}}
max_length = 0
gold_preproc = false
limit = 0
augmenter = null

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${{system.seed}}
gpu_allocator = ${{system.gpu_allocator}}
dropout = {dropout}
accumulate_gradient = 1
patience = {patience}
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}
frozen_components = {frozen}
annotating_components = {annotating}
before_to_disk = null
before_update = null

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2
get_length = null

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = {batch_stop}
compound = 1.001
t = 0.0

[training.logger]
@loggers = "spacy.ConsoleLogger.v1"
progress_bar = false

[training.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 0.00000001

[training.optimizer.learn_rate]
@schedules = "warmup_linear.v1"
warmup_steps = 250
total_steps = {max_steps}
initial_rate = {learn_rate}

[training.score_weights]
{score_weights}

[pretraining]

[initialize]
vectors = null
init_tok2vec = null
vocab_data = null
lookups = null
before_init = null
after_init = null

[initialize.components]

[initialize.tokenizer]
"""

_TOK2VEC = """
[components.{name}]
factory = "tok2vec"

[components.{name}.model]
@architectures = "spacy.Tok2Vec.v2"

[components.{name}.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM", "PREFIX", "SUFFIX", "SHAPE"]
rows = [{rows}, {rows_small}, {rows_half}, {rows_half}]
include_static_vectors = false

[components.{name}.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3
"""

def _nlp_header(lang: str, pipeline: list[str]) -> str:
    """The ``[nlp]`` block (default tokenizer: the training corpora are pre-tokenised) and ``[components]``."""
    return f"""
[nlp]
lang = "{lang}"
pipeline = {json.dumps(pipeline)}
batch_size = 256
disabled = []
before_creation = null
after_creation = null
after_pipeline_creation = null
tokenizer = {{"@tokenizers":"spacy.Tokenizer.v1"}}

[components]
"""


_LISTENER = """
[components.{comp}.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = {width}
upstream = "tok2vec"
"""


def _tagger_like(comp: str, width: int, settings: str) -> str:
    """A component whose model is a ``spacy.Tagger.v2`` listening to the shared tok2vec."""
    return f"""
[components.{comp}]
{settings}

[components.{comp}.model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false
""" + _LISTENER.format(comp=comp, width=width)


def syntax_config(lang: str, *, width: int = 96, depth: int = 4, max_steps: int = 4000,
                  eval_frequency: int = 200, seed: int = 0, learn_rate: float = 0.001,
                  parser_hidden: int = 128, parser_pieces: int = 3, rows: int = 8000) -> str:
    """tok2vec + tagger (XPOS) + morphologizer (UPOS+features) + parser + edit-tree lemmatizer.

    ``parser_hidden`` / ``parser_pieces``: the parser's hidden layer; most of the parser's run time is
    spent in it, once per transition (64 / 2 runs about 40 % faster than 128 / 3).
    ``rows``: hash-embedding rows of the NORM table (PREFIX gets a quarter, SUFFIX and SHAPE half).
    """
    parts = [_nlp_header(lang, ["tok2vec", "tagger", "morphologizer", "parser", "trainable_lemmatizer"])]
    parts.append(_TOK2VEC.format(name="tok2vec", width=width, depth=depth, rows=rows, rows_small=rows // 4,
                                 rows_half=rows // 2))
    parts.append(_tagger_like("tagger", width, '''factory = "tagger"
label_smoothing = 0.0
neg_prefix = "!"
overwrite = false'''))
    parts.append(_tagger_like("morphologizer", width, '''factory = "morphologizer"
extend = false
label_smoothing = 0.0
overwrite = true'''))
    parts.append(_parser(width, parser_hidden, parser_pieces))
    parts.append(_tagger_like("trainable_lemmatizer", width, '''factory = "trainable_lemmatizer"
backoff = "orth"
min_tree_freq = 2
overwrite = false
scorer = {"@scorers":"spacy.lemmatizer_scorer.v1"}
top_k = 1'''))
    weights = "\n".join([
        "tag_acc = 0.15", "pos_acc = 0.15", "morph_acc = 0.1", "morph_per_feat = null",
        "dep_uas = 0.0", "dep_las = 0.35", "dep_las_per_type = null", "sents_p = null",
        "sents_r = null", "sents_f = 0.0", "lemma_acc = 0.25",
    ])
    parts.append(_TRAINING.format(seed=seed, dropout=0.15, patience=0, max_steps=max_steps, frozen="[]",
                                  annotating="[]",
                                  eval_frequency=eval_frequency, batch_stop=1000,
                                  learn_rate=learn_rate, score_weights=weights))
    return "\n".join(parts)


def _parser(width: int, hidden: int, pieces: int) -> str:
    """A transition-based UD parser listening to the shared tok2vec."""
    return f"""
[components.parser]
factory = "parser"
learn_tokens = false
min_action_freq = 5
moves = null
update_with_oracle_cut_size = 1000

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {hidden}
maxout_pieces = {pieces}
use_upper = true
nO = null
""" + _LISTENER.format(comp="parser", width=width)


def parser_refit_config(lang: str, source: str, *, width: int = 96, hidden: int = 64, pieces: int = 2,
                        max_steps: int = 4000, eval_frequency: int = 200, seed: int = 0,
                        learn_rate: float = 0.001) -> str:
    """A new (smaller) parser trained on the frozen shared tok2vec of the syntax pipeline at ``source``.

    Tagger, morphologizer and lemmatizer keep their predictions exactly (Mood, the reported-speech
    signal, does not move); only the parser's hidden layer shrinks, which is where it spends its time.
    """
    training = _TRAINING.format(seed=seed, dropout=0.15, patience=0, max_steps=max_steps, frozen='["tok2vec"]',
                                annotating='["tok2vec"]', eval_frequency=eval_frequency, batch_stop=1000,
                                learn_rate=learn_rate,
                                score_weights="dep_uas = 0.0\ndep_las = 1.0\ndep_las_per_type = null\n"
                                              "sents_p = null\nsents_r = null\nsents_f = 0.0")
    return _nlp_header(lang, ["tok2vec", "parser"]) + f"""
[components.tok2vec]
source = "{source}"
""" + _parser(width, hidden, pieces) + training


def ner_config(lang: str, *, width: int = 96, depth: int = 4, max_steps: int = 6000,
               eval_frequency: int = 300, seed: int = 0, learn_rate: float = 0.001,
               tagger_source: str | None = None, gazetteer_lists: str | None = None,
               dropout: float = 0.2, encode_pieces: int = 3) -> str:
    """A NER with its own (inline) tok2vec, to be sourced into the syntax pipeline.

    ``tagger_source``: path of a trained syntax pipeline whose ``tok2vec`` + ``tagger`` are sourced frozen
    and annotate the training docs, so the NER can read the predicted fine tag (``TAG``: STTS ``NE``
    = proper noun) as a feature; at run time the same tagger runs before the NER.
    ``gazetteer_lists``: JSON word lists (:mod:`lagebild.training.gazetteers`) for the
    ``lagebild_gazetteer_features`` component, whose lexeme flags the NER reads as features.
    """
    from ..lang.gazetteer_features import flag_attrs

    pipeline, attrs, rows = ["ner"], ["NORM", "PREFIX", "SUFFIX", "SHAPE"], [10000, 2500, 5000, 5000]
    components, frozen, initialize = "", [], ""
    if tagger_source:
        pipeline = ["tok2vec", "tagger"] + pipeline
        attrs.append("TAG")
        rows.append(200)
        frozen = ["tok2vec", "tagger"]
        components += f"""
[components.tok2vec]
source = "{tagger_source}"

[components.tagger]
source = "{tagger_source}"
"""
    if gazetteer_lists:
        pipeline = ["lagebild_gazetteer_features"] + pipeline
        attrs += flag_attrs()
        rows += [16] * len(flag_attrs())
        components += """
[components.lagebild_gazetteer_features]
factory = "lagebild_gazetteer_features"
"""
        initialize = f"""
[initialize.components.lagebild_gazetteer_features]
lists_path = "{gazetteer_lists}"
"""
    # the frozen tok2vec + tagger also annotate the training docs, so the NER sees their predicted tags
    training = _TRAINING.format(seed=seed, dropout=dropout, patience=0, max_steps=max_steps,
                                frozen=json.dumps(frozen), annotating=json.dumps(frozen),
                                eval_frequency=eval_frequency, batch_stop=1000, learn_rate=learn_rate,
                                score_weights="ents_f = 1.0\nents_p = 0.0\nents_r = 0.0\nents_per_type = null")
    return _nlp_header(lang, pipeline) + f"""{components}
[components.ner]
factory = "ner"
incorrect_spans_key = null
moves = null
scorer = {{"@scorers":"spacy.ner_scorer.v1"}}
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2Vec.v2"

[components.ner.model.tok2vec.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = {json.dumps(attrs)}
rows = {json.dumps(rows)}
include_static_vectors = false

[components.ner.model.tok2vec.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = {encode_pieces}
""" + training + initialize
