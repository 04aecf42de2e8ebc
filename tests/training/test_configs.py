"""The training configs expose the sizes that decide the pipeline's speed."""

from thinc.api import Config

from lagebild.training.configs import ner_config, syntax_config


def test_parser_hidden_layer_is_configurable():
    cfg = Config().from_str(syntax_config("de", parser_hidden=64, parser_pieces=2), interpolate=False)
    model = cfg["components"]["parser"]["model"]
    assert (model["hidden_width"], model["maxout_pieces"]) == (64, 2)
    # the other components still listen to the shared tok2vec
    assert model["tok2vec"]["@architectures"] == "spacy.Tok2VecListener.v1"


def test_syntax_defaults_are_unchanged():
    model = Config().from_str(syntax_config("en"), interpolate=False)["components"]["parser"]["model"]
    assert (model["hidden_width"], model["maxout_pieces"]) == (128, 3)


def test_ner_encoder_depth_and_pieces():
    cfg = Config().from_str(ner_config("de", depth=2, encode_pieces=2), interpolate=False)
    encode = cfg["components"]["ner"]["model"]["tok2vec"]["encode"]
    assert (encode["depth"], encode["maxout_pieces"]) == (2, 2)


def test_parser_refit_trains_only_a_new_parser_on_the_frozen_tok2vec():
    from lagebild.training.configs import parser_refit_config

    cfg = Config().from_str(parser_refit_config("de", "/some/syntax", hidden=64, pieces=2), interpolate=False)
    assert cfg["nlp"]["pipeline"] == ["tok2vec", "parser"]
    assert cfg["components"]["tok2vec"]["source"] == "/some/syntax"
    assert cfg["training"]["frozen_components"] == ["tok2vec"]
    assert cfg["training"]["annotating_components"] == ["tok2vec"]  # the listener gets its features
    model = cfg["components"]["parser"]["model"]
    assert (model["hidden_width"], model["maxout_pieces"]) == (64, 2)


def test_a_rebuild_repeats_the_recorded_recipe():
    from lagebild.cli.train_pipeline import _shipped_shape

    old = _shipped_shape({"shape": {"width": 96, "depth": 4}, "steps": {"syntax": 7000, "ner": 4000}})
    assert (old["parser_hidden"], old["parser_pieces"], old["rows"], old["steps_syntax"]) == (128, 3, 8000, 7000)
    assert old["ner_depth"] is None and old["parser_refit"] is False  # older metas: the defaults
    assert old["syntax_on_dev"] is False
    new = _shipped_shape({"shape": {"parser": [64, 2], "ner_depth": 2, "ner_pieces": 2, "rows": 16000,
                                    "syntax_on_dev": True}, "steps": {"parser": 3000}})
    assert new["syntax_on_dev"] is True
    assert (new["parser_hidden"], new["parser_pieces"], new["ner_depth"], new["rows"]) == (64, 2, 2, 16000)
    assert new["steps_parser"] == 3000
