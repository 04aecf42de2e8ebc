"""``lagebild train pipeline de|en``: rebuild a shipped spaCy pipeline from LAGEBILD_DATA."""

from __future__ import annotations

from pathlib import Path

import click


def _shipped_syntax_steps(lang: str, fallback: int = 6000) -> int:
    """The syntax training steps recorded in the shipped pipeline's meta (so a rebuild repeats them)."""
    import json

    from ..language import shipped_model_path

    path = shipped_model_path(lang)
    if path is None:
        return fallback
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    return int(meta.get("lagebild", {}).get("steps", {}).get("syntax", fallback))


@click.command("pipeline")
@click.argument("lang", type=click.Choice(["de", "en"]))
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Output folder (default: the package's models/<lang>_core).")
@click.option("--work-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder for DocBins and training runs (default /work/runs/pipelines/<lang>, outside the repo).")
@click.option("--steps-syntax", type=int, default=None,
              help="Training steps, syntax model (default: those recorded in the shipped model's meta).")
@click.option("--steps-ner", type=int, default=4000, show_default=True, help="Training steps, NER model.")
@click.option("--width", type=int, default=96, show_default=True, help="tok2vec width.")
@click.option("--depth", type=int, default=4, show_default=True, help="tok2vec CNN depth.")
@click.option("--include-nc/--no-include-nc", default=False, show_default=True,
              help="Also train on non-commercial / research-only corpora (the model then inherits NC terms).")
@click.option("--only", type=click.Choice(["syntax", "ner", "assemble"]), default=None,
              help="Retrain one part only and reuse the other from the work dir (assemble: no training).")
@click.option("--interim", is_flag=True, help="Mark the model card as an interim (short) run.")
def command(lang, out, work_dir, steps_syntax, steps_ner, width, depth, include_nc, only, interim):
    """Train the LANG pipeline (tagger, morphology, lemmas, parser, NER) and write it to the package."""
    from ..language import shipped_model_path  # noqa: F401
    from ..training.train import train_pipeline

    if out is None:
        out = Path(__file__).resolve().parents[1] / "models" / f"{lang}_core"
    if steps_syntax is None:
        steps_syntax = _shipped_syntax_steps(lang)
    if work_dir is None:
        work_dir = Path("/work/runs/pipelines") / lang
    path = train_pipeline(lang, out=out, work=work_dir, steps_syntax=steps_syntax, steps_ner=steps_ner,
                          width=width, depth=depth, include_nc=include_nc, only=only, interim=interim,
                          log=click.echo)
    click.echo(f"pipeline written to {path}")
