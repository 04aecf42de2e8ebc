"""Pinned quality floors: CI fails when a measured score drops below its recorded floor.

Floors live in ``benchmarks/floors.json`` as ``{"<evaluation>": {"<metric>": floor, ...}, ...}``;
every ``lagebild evaluate`` command takes ``--floors PATH`` and exits with status 1 if a metric
named there is below its floor (or missing).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping

import click


def load_floors(path: str | Path, evaluation: str) -> dict[str, float]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.get(evaluation, {}).items()}


def failed_floors(metrics: Mapping[str, float], floors: Mapping[str, float]) -> list[str]:
    """One message per metric below (or missing from) its floor."""
    failures = []
    for name, floor in floors.items():
        value = metrics.get(name)
        if value is None:
            failures.append(f"{name}: not measured (floor {floor:.3f})")
        elif value < floor:
            failures.append(f"{name}: {value:.3f} < floor {floor:.3f}")
    return failures


def enforce_floors(evaluation: str, metrics: Mapping[str, float], floors_path: str | Path | None) -> None:
    """Exit with status 1 (click) if ``metrics`` miss a floor recorded for ``evaluation``."""
    if not floors_path:
        return
    failures = failed_floors(metrics, load_floors(floors_path, evaluation))
    if failures:
        for line in failures:
            click.echo(f"FLOOR FAILED [{evaluation}] {line}", err=True)
        raise SystemExit(1)
    click.echo(f"all floors for {evaluation!r} met", err=True)


floors_option = click.option(
    "--floors",
    "floors_path",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="JSON file of minimum scores (benchmarks/floors.json); exit 1 if one is missed.",
)
