"""``lagebild evaluate time``: the time layer on WikiWarsDE (dev/test split) and English WikiWars."""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option


@click.command("time")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="all", show_default=True,
              help="WikiWarsDE documents: dev (rules were written looking at these), test (held out), all.")
@click.option("--lang", "langs", type=click.Choice(["de", "en", "both"]), default="both", show_default=True)
@click.option("--mode", type=click.Choice(["narrative", "news"]), default="narrative", show_default=True,
              help="Resolution mode of the tagger (WikiWars are history texts: narrative).")
@click.option("--quick", is_flag=True, help="CI mode: WikiWarsDE test split and the curated English mentions.")
@click.option("--errors", "show_errors", type=int, default=0, help="Print up to N errors (FP/FN/VAL).")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@floors_option
def command(split: str, langs: str, mode: str, quick: bool, show_errors: int, as_json: bool,
            floors_path: str | None) -> None:
    """Extraction P/R/F1 (strict, relaxed) and value P/R/F1 of the time layer."""
    from ..evaluate import time as ev
    from ..pipeline.time import TimeTagger

    metrics: dict[str, float] = {}
    rows: dict[str, dict[str, float]] = {}
    errors: list = []
    if langs in ("de", "both"):
        tagger = TimeTagger("de", mode=mode)
        splits = ["test"] if quick else (["dev", "test"] if split == "all" else [split])
        for sp in splits:
            total, per_doc = ev.evaluate_wikiwarsde(tagger, sp, errors if show_errors else None)
            m = total.metrics(f"de_{sp}_")
            metrics.update(m)
            rows[f"WikiWarsDE {sp}"] = ev.unprefixed(m, f"de_{sp}_")
        # German news (SmartData): extraction only; train = our dev part, test = held out
        news_tagger = TimeTagger("de", mode="news")
        for sp in (["test"] if quick or split == "test" else ["train"] if split == "dev" else ["train", "test"]):
            c = ev.evaluate_smartdata(news_tagger, sp)
            m = {k: v for k, v in c.metrics(f"smartdata_{sp}_").items() if "value" not in k}
            metrics.update(m)
            rows[f"SmartData {sp} (news)"] = ev.unprefixed(c.metrics(f"smartdata_{sp}_"), f"smartdata_{sp}_")
        if len(splits) == 2:
            total = ev.Counts()
            for sp in splits:
                t, _ = ev.evaluate_wikiwarsde(tagger, sp)
                total.add(t)
            m = total.metrics("de_all_")
            metrics.update(m)
            rows["WikiWarsDE all"] = ev.unprefixed(m, "de_all_")
    if langs in ("en", "both"):
        tagger = TimeTagger("en", mode=mode)
        curated = quick
        total = ev.evaluate_wikiwars_en(tagger, curated=curated, errors=errors if show_errors else None)
        name = "en_curated_" if curated else "en_all_"
        m = total.metrics(name)
        metrics.update(m)
        rows["WikiWars en " + ("curated" if curated else "all") + " (stitched)"] = ev.unprefixed(m, name)
    if as_json:
        click.echo(json.dumps(metrics, indent=1, sort_keys=True))
    else:
        click.echo(ev.format_table(rows))
        click.echo("ms/doc: tagging time per document. SmartData has no values "
                   "(extraction only; its annotation is incomplete, so precision is a lower bound).")
    for e in errors[:show_errors]:
        click.echo("\t".join("" if x is None else str(x) for x in e))
    enforce_floors("time", metrics, floors_path)
