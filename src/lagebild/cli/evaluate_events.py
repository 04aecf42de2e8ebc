"""``lagebild evaluate events``: CAMEO/PLOVER event coding and actor countries.

Sets: ``de`` (our German sentences; ``--split test`` is the held-out third), ``plover`` (PLOVER gold-standard
records, English), ``petrarch`` (PETRARCH2 unit-test sentences, English), ``petr2gsr`` (UniversalPetrarch's PETR2
gold-standard AFP sentences; ``--errors`` only with ``--split dev``), ``all`` (default: every set).
``--timing N`` also measures the share of pipeline time spent in the event layer on N 10kGNAD articles.
"""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option


@click.command("events")
@click.option("--set", "which", type=click.Choice(["all", "de", "plover", "petrarch", "petr2gsr", "ngec", "articles_de"]), default="all", show_default=True)
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="Held-out part (de: every third sentence; English sets: odd positions) or the tuning part.")
@click.option("--quick", is_flag=True, help="At most 100 records of each English set (CI).")
@click.option("--timing", type=int, default=0, help="Also time the pipeline on this many 10kGNAD articles.")
@click.option("--errors", "show_errors", is_flag=True, help="Print the mis-coded sentences.")
@floors_option
def command(which: str, split: str, quick: bool, timing: int, show_errors: bool, floors_path: str | None) -> None:
    """CAMEO root / PLOVER type accuracy and source/target country accuracy."""
    from ..evaluate import events as ev

    limit = 100 if quick else None
    # set name -> (run it, print its errors with --errors)
    sets = {
        "de": (lambda: ev.evaluate_de(split=split), True),
        "articles_de": (lambda: ev.evaluate_articles_de(split=split), True),
        "plover": (lambda: ev.evaluate_plover(limit=limit, split=split), True),
        "petrarch": (lambda: ev.evaluate_petrarch(limit=limit, split=split), True),
        # PETR2 GSR errors only for the tuning half: the held-out half is never inspected
        "petr2gsr": (lambda: ev.evaluate_petrarch(limit=limit, split=split, source="gsr"), split == "dev"),
        "ngec": (lambda: ev.evaluate_ngec(limit=300 if quick else None, split=split, errors=show_errors), True),
    }
    metrics: dict[str, float] = {}
    report: dict[str, object] = {}
    for name, (run, prints_errors) in sets.items():
        if which not in ("all", name):
            continue
        res = run()
        report[name] = {k: v for k, v in res.items() if k != "errors"}
        metrics.update({f"{name}_{k}": v for k, v in res["metrics"].items()})
        if show_errors and prints_errors:
            click.echo("\n".join(res["errors"]))
    if timing:
        from ..evaluate.speed import component_timing, load_10kgnad
        from ..settings import data_path

        res = component_timing(load_10kgnad(data_path(), timing))
        report["timing"] = res
        metrics.update(res["metrics"])
    click.echo(json.dumps(report, indent=2))
    enforce_floors("events", metrics, floors_path)
