"""Entry point of the ``lagebild`` command.

Subcommands live in their own modules. ``evaluate`` and ``train`` are groups that collect every
module named ``evaluate_<what>.py`` / ``train_<what>.py`` in this package exposing a click ``command``,
so each layer adds its commands without touching this file.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lagebild")
def cli() -> None:
    """Lagebild: who said what, who did what to whom, when and where — from news text."""


@cli.group()
def evaluate() -> None:
    """Evaluate a layer on held-out data in LAGEBILD_DATA."""


@cli.group()
def train() -> None:
    """Rebuild a trained component from LAGEBILD_DATA."""


_GROUPS = {"evaluate": evaluate, "train": train}
_TOP_LEVEL = ("analyze_cmd", "ingest_cmd", "query_cmd", "export_cmd")


def _discover() -> None:
    package = __name__.rsplit(".", 1)[0]
    for module in _TOP_LEVEL:
        try:
            mod = importlib.import_module(f"{package}.{module}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{package}.{module}":
                raise
            continue
        for command in getattr(mod, "COMMANDS", ()):
            cli.add_command(command)
    for info in pkgutil.iter_modules(importlib.import_module(package).__path__):
        prefix = info.name.split("_", 1)[0]
        if prefix in _GROUPS and "_" in info.name:
            mod = importlib.import_module(f"{package}.{info.name}")
            _GROUPS[prefix].add_command(mod.command)


_discover()
