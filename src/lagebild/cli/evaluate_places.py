"""``lagebild evaluate places``: toponym → country accuracy on our own sentences."""

from __future__ import annotations

import json

import click

from ..evaluate.floors import enforce_floors, floors_option


@click.command("places")
@click.option("--lang", type=click.Choice(["de", "en"]), default="de", show_default=True)
@click.option("--quick", is_flag=True, help="Accepted for symmetry; the set is small and always runs fully.")
@click.option("--errors", "show_errors", is_flag=True, help="Print every error.")
@floors_option
def command(lang: str, quick: bool, show_errors: bool, floors_path: str | None) -> None:
    """Toponyms (our sentences) → correct GeoNames country."""
    from ..evaluate.places import evaluate_places

    result = evaluate_places(lang)
    if show_errors:
        for line in result["errors"]:
            click.echo(line)
    click.echo(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=2))
    enforce_floors(f"places_{lang}", result["metrics"], floors_path)
