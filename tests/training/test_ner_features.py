"""NER feature plumbing: gazetteer lexeme flags and the NER config that reads them (self-written words)."""

from __future__ import annotations

import pickle

import pytest
import spacy
from thinc.api import Config

from lagebild.lang.gazetteer_features import FLAGS, GazetteerFeatures, flag_attrs
from lagebild.training.configs import ner_config

LISTS = {"surname": ["Brandauer", "Kowalczyk"], "place": ["Kleinwalden", "Moskau"], "country": ["Frankreich"],
         "first_name": ["Jolanta"]}


@pytest.mark.parametrize("text, word, flags", [
    ("Frau Kowalczyk fuhr nach Kleinwalden .", "Kowalczyk", {"surname"}),
    ("Frau Kowalczyk fuhr nach Kleinwalden .", "Kleinwalden", {"place"}),
    ("Paris und Frankreich", "Frankreich", {"country"}),
    ("Paris und Frankreich", "Paris", set()),
    ("Jolanta Kowalczyk", "Jolanta", {"first_name"}),
    ("der brandauer", "brandauer", set()),  # lists are case-sensitive: names are capitalised
])
def test_flags(text, word, flags):
    nlp = spacy.blank("de")
    GazetteerFeatures(nlp.vocab, LISTS)
    doc = nlp(text)
    tok = next(t for t in doc if t.text == word)
    got = {name for name, flag_id in FLAGS.items() if tok.check_flag(flag_id)}
    assert got == flags


def test_lexemes_created_before_lists_are_updated():
    nlp = spacy.blank("de")
    doc = nlp("Moskau")
    comp = GazetteerFeatures(nlp.vocab)
    assert not doc[0].check_flag(FLAGS["place"])
    comp.set_lists(LISTS)
    assert doc[0].check_flag(FLAGS["place"])


def test_serialisation_roundtrip(tmp_path):
    nlp = spacy.blank("de")
    nlp.add_pipe("lagebild_gazetteer_features").set_lists(LISTS)
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded("Moskau")[0].check_flag(FLAGS["place"])
    fresh = spacy.blank("de")
    comp = fresh.add_pipe("lagebild_gazetteer_features")
    comp.from_bytes(nlp.get_pipe("lagebild_gazetteer_features").to_bytes())
    assert fresh("Frankreich")[0].check_flag(FLAGS["country"])
    assert pickle.loads(pickle.dumps(loaded))("Kowalczyk")[0].check_flag(FLAGS["surname"])


def test_older_component_without_a_list():
    nlp = spacy.blank("de")
    GazetteerFeatures(nlp.vocab, {"surname": ["Kowalczyk"]})
    assert not nlp("Jolanta")[0].check_flag(FLAGS["first_name"])


def test_unknown_list_is_a_clear_error():
    with pytest.raises(ValueError, match="valid"):
        GazetteerFeatures(spacy.blank("de").vocab, {"firstname": ["Anna"]})


def test_ner_config_features():
    plain = Config().from_str(ner_config("de"), interpolate=False)
    assert plain["nlp"]["pipeline"] == ["ner"]
    assert plain["training"]["frozen_components"] == []
    cfg = Config().from_str(ner_config("de", tagger_source="/m", gazetteer_lists="/g.json"), interpolate=False)
    assert cfg["nlp"]["pipeline"] == ["lagebild_gazetteer_features", "tok2vec", "tagger", "ner"]
    embed = cfg["components"]["ner"]["model"]["tok2vec"]["embed"]
    assert embed["attrs"] == ["NORM", "PREFIX", "SUFFIX", "SHAPE", "TAG", *flag_attrs()]
    assert len(embed["rows"]) == len(embed["attrs"])
    assert cfg["training"]["frozen_components"] == ["tok2vec", "tagger"]
    assert cfg["training"]["annotating_components"] == ["tok2vec", "tagger"]
    assert cfg["components"]["tagger"]["source"] == "/m"
    assert cfg["initialize"]["components"]["lagebild_gazetteer_features"]["lists_path"] == "/g.json"


def test_syntax_base_reuses_the_shipped_syntax(tmp_path):
    from lagebild.language import shipped_model_path
    from lagebild.training.train import SYNTAX_PIPES, _carry_over_shipped, syntax_base

    if shipped_model_path("de") is None:
        pytest.skip("no shipped German pipeline")
    base = syntax_base("de", tmp_path, log=lambda *_: None)
    nlp = spacy.load(base)
    assert nlp.pipe_names and set(nlp.pipe_names) <= set(SYNTAX_PIPES)
    assert "tagger" in nlp.pipe_names and "ner" not in nlp.pipe_names
    info = {"ner": {"train": ["x"]}}
    _carry_over_shipped("de", info)
    assert info["ner"] == {"train": ["x"]} and info["syntax"]["test"]  # shipped syntax description kept
    info = {"syntax": {"train": ["y"]}}  # syntax trained here, NER reused: the shipped NER description comes along
    _carry_over_shipped("de", info)
    assert info["syntax"] == {"train": ["y"]} and info["ner"]["test"]
