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
