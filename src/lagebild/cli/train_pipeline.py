"""``lagebild train pipeline de|en``: rebuild a shipped spaCy pipeline from LAGEBILD_DATA."""

from __future__ import annotations

from pathlib import Path

import click


def _shipped_recipe(lang: str) -> dict:
    """What the shipped pipeline's meta records about how it was trained (so a rebuild repeats it)."""
    import json

    from ..language import shipped_model_path

    path = shipped_model_path(lang)
    if path is None:
        return {}
    return json.loads((path / "meta.json").read_text(encoding="utf-8")).get("lagebild", {})


def _shipped_shape(recipe: dict) -> dict:
    """The model sizes and steps recorded in the shipped meta (older metas: the defaults)."""
    shape, steps = recipe.get("shape", {}), recipe.get("steps", {})
    hidden, pieces = shape.get("parser", (128, 3))
    return {"width": shape.get("width", 96), "depth": shape.get("depth", 4), "rows": shape.get("rows", 8000),
            "parser_hidden": hidden, "parser_pieces": pieces, "ner_width": shape.get("ner_width"),
            "ner_depth": shape.get("ner_depth"), "ner_pieces": shape.get("ner_pieces", 3),
            "seed": shape.get("seed", 0), "parser_refit": shape.get("parser_refit", False),
            "syntax_on_dev": shape.get("syntax_on_dev", False),
            "steps_syntax": int(steps.get("syntax", 6000)), "steps_parser": int(steps.get("parser", 4000))}


@click.command("pipeline")
@click.argument("lang", type=click.Choice(["de", "en"]))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: the package's models/<lang>_core).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for DocBins and training runs (default /work/runs/pipelines/<lang>, outside the repo).")
@click.option("--steps-syntax", type=int, default=None,
              help="Training steps, syntax model (default: those recorded in the shipped model's meta).")
@click.option("--steps-ner", type=int, default=4000, show_default=True, help="Training steps, NER model.")
@click.option("--width", type=int, default=None, help="Syntax tok2vec width (default: shipped meta, else 96).")
@click.option("--depth", type=int, default=None, help="Syntax tok2vec CNN depth (default: shipped meta, else 4).")
@click.option("--rows", type=int, default=None,
              help="Hash-embedding rows of the syntax tok2vec's NORM table (default: shipped meta, else 8000).")
@click.option("--parser-hidden", type=int, default=None,
              help="Parser hidden width (default: as recorded in the shipped model's meta, else 128).")
@click.option("--parser-pieces", type=int, default=None, help="Parser maxout pieces (default: shipped meta, else 3).")
@click.option("--ner-width", type=int, default=None, help="NER tok2vec width (default: shipped meta, else --width).")
@click.option("--ner-depth", type=int, default=None, help="NER tok2vec CNN depth (default: shipped meta, else --depth).")
@click.option("--ner-pieces", type=int, default=None, help="NER tok2vec maxout pieces (default: shipped meta, else 3).")
@click.option("--include-nc/--no-include-nc", default=False, show_default=True,
              help="Also train on non-commercial / research-only corpora (the model then inherits NC terms).")
@click.option("--seed", type=int, default=None, help="Random seed of the syntax training (default: shipped meta, else 0).")
@click.option("--parser-refit/--no-parser-refit", default=None,
              help="Train the parser 128 wide with the shared tok2vec, then refit one of --parser-hidden/--parser-pieces "
                   "on the frozen tok2vec (default: as recorded in the shipped meta, else no).")
@click.option("--steps-parser", type=int, default=None,
              help="Training steps of the parser refit (default: shipped meta, else 4000).")
@click.option("--syntax-on-dev/--no-syntax-on-dev", default=None,
              help="Final syntax model: train on the dev part too, for the fixed --steps-syntax, and take the last "
                   "checkpoint (default: as recorded in the shipped meta, else no). Test splits are never used.")
@click.option("--only", type=click.Choice(["syntax", "parser", "ner", "assemble"]), default=None,
              help="Retrain one part only and reuse the others from the work dir or the shipped pipeline "
                   "(parser: refit the parser on the frozen tok2vec; assemble: no training).")
@click.option("--interim", is_flag=True, help="Mark the model card as an interim (short) run.")
def command(lang, out, work_dir, steps_syntax, steps_ner, width, depth, rows, parser_hidden, parser_pieces,
            ner_width, ner_depth, ner_pieces, seed, parser_refit, steps_parser, syntax_on_dev, include_nc, only,
            interim):
    """Train the LANG pipeline (tagger, morphology, lemmas, parser, NER) and write it to the package."""
    from ..language import shipped_model_path  # noqa: F401
    from ..training.train import train_pipeline

    if out is None:
        out = Path(__file__).resolve().parents[1] / "models" / f"{lang}_core"
    shipped = _shipped_shape(_shipped_recipe(lang))
    steps_syntax = steps_syntax or shipped["steps_syntax"]
    width = width or shipped["width"]
    depth = depth or shipped["depth"]
    ner_width = ner_width or shipped["ner_width"]
    parser_hidden = parser_hidden or shipped["parser_hidden"]
    parser_pieces = parser_pieces or shipped["parser_pieces"]
    ner_depth = ner_depth or shipped["ner_depth"]
    ner_pieces = ner_pieces or shipped["ner_pieces"]
    rows = rows or shipped["rows"]
    seed = shipped["seed"] if seed is None else seed
    parser_refit = shipped["parser_refit"] if parser_refit is None else parser_refit
    steps_parser = steps_parser or shipped["steps_parser"]
    syntax_on_dev = shipped["syntax_on_dev"] if syntax_on_dev is None else syntax_on_dev
    if work_dir is None:
        work_dir = Path("/work/runs/pipelines") / lang
    path = train_pipeline(lang, out=out, work=work_dir, steps_syntax=steps_syntax, steps_ner=steps_ner,
                          width=width, depth=depth, include_nc=include_nc, only=only, interim=interim,
                          parser_hidden=parser_hidden, parser_pieces=parser_pieces, ner_depth=ner_depth,
                          ner_pieces=ner_pieces, rows=rows, ner_width=ner_width, steps_parser=steps_parser,
                          seed=seed, parser_refit=parser_refit, syntax_on_dev=syntax_on_dev, log=click.echo)
    click.echo(f"pipeline written to {path}")
