"""``lagebild evaluate pipeline de|en``: POS, lemmas, Mood=Sub, UAS/LAS and NER on held-out splits."""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option


@click.command("pipeline")
@click.argument("lang", type=click.Choice(["de", "en"]))
@click.option("--model", default=None, help="A spaCy pipeline (name or path) instead of the shipped one.")
@click.option("--quick", is_flag=True, help="First 300 treebank / 800 NER sentences only (CI, < 3 min).")
@click.option("--part", "parts", multiple=True, type=click.Choice(["syntax", "ner"]),
              help="Evaluate only this part (repeatable).")
@click.option("--speed", "with_speed", is_flag=True,
              help="Also time the full pipeline on news text (run under `taskset -c 0` for one core).")
@click.option("--hanta-tags", is_flag=True,
              help="German: score with HanTa's tags, UPOS and lemmas (component lagebild_hanta_tags) replacing the "
                   "statistical ones.")
@click.option("--write-card", is_flag=True, help="Write the scores into the shipped model's MODEL_CARD.md.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
@floors_option
def command(lang, model, quick, parts, with_speed, hanta_tags, write_card, as_json, floors_path):
    """Score the LANG pipeline on held-out data (UD GSD/EWT test, GermEval test_public / WikiGold)."""
    from ..evaluate.pipeline import evaluate_pipeline

    if hanta_tags and lang != "de":
        raise click.BadParameter("HanTa tags German only; valid with LANG de", param_hint="--hanta-tags")
    if hanta_tags and write_card:
        raise click.BadParameter("the card records the shipped pipeline's own scores; drop --hanta-tags",
                                 param_hint="--write-card")
    res = evaluate_pipeline(lang, model, quick=quick, parts=tuple(parts) or ("syntax", "ner"), hanta=hanta_tags)
    m = res["metrics"]
    speed = None
    if with_speed:
        from ..evaluate.pipeline import benchmark

        speed = benchmark(lang, model, hanta=hanta_tags)
        res["speed"] = speed
        m["words_per_second_news"] = speed["words_per_second"]
    if as_json:
        click.echo(json.dumps(res, indent=2))
    else:
        click.echo(f"pipeline {lang} ({res['model']}){' quick' if quick else ''}")
        if "upos" in m:
            click.echo(f"  treebank test, {res['syntax_sentences']} sentences")
            keys = ("upos", "xpos", "lemma", "morph", "mood_sub_p", "mood_sub_r", "mood_sub_f", "uas", "las")
            if lang != "de":
                keys = tuple(k for k in keys if not k.startswith("mood"))
            for k in keys:
                if k in m:
                    click.echo(f"    {k:<12} {m[k]:.4f}")
            if lang == "de":
                click.echo(f"    mood_sub_support {int(m.get('mood_sub_support', 0))}")
            click.echo(f"    words/s      {m['words_per_second']:.0f} (full pipeline, this machine)")
        if "ner_f" in m:
            click.echo(f"  NER test, {res['ner_sentences']} sentences")
            click.echo(f"    all   P {m['ner_p']:.4f}  R {m['ner_r']:.4f}  F1 {m['ner_f']:.4f}")
            for lab, v in sorted(res["per_type"].items()):
                click.echo(f"    {lab:<5} P {v['p']:.4f}  R {v['r']:.4f}  F1 {v['f']:.4f}")
        if speed:
            click.echo(f"  speed: {speed['words_per_second']:.0f} tokens/s on {int(speed['tokens'])} tokens, "
                       f"peak RSS {speed['peak_rss_mb']:.0f} MB")
    if write_card:
        from pathlib import Path

        from ..language import shipped_model_path
        from ..training.card import write_card as _write_card

        target = Path(model) if model else shipped_model_path(lang)
        if target is None or quick:
            raise click.UsageError("--write-card needs a full (not --quick) run and a pipeline folder")
        path = _write_card(target, lang, metrics=m, per_type=res.get("per_type"), speed=speed)
        click.echo(f"model card written: {path}", err=True)
    name = f"pipeline_{lang}" + ("_quick" if quick else "")
    enforce_floors(name, m, floors_path)
