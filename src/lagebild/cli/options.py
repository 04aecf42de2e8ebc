"""Options shared by the commands that analyse text (``analyze``, ``ingest``)."""

from __future__ import annotations

import click

from ..analyze import normalize_published


def _check_published(_ctx, _param, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        normalize_published(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    return value


def analysis_options(func):
    """``--lang``, ``--published`` (validated), ``--model`` and ``--max-chars``."""
    options = [
        click.option("--lang", type=click.Choice(["de", "en"]), default=None,
                     help="Force the language (default: the record's, else detect)."),
        click.option("--published", default=None, callback=_check_published,
                     help="Publication date (ISO 8601) that relative times resolve against; beats the reader's."),
        click.option("--model", default=None, help="Use this installed spaCy pipeline (name or path) as the base."),
        click.option("--max-chars", type=click.IntRange(min=1), default=None, help="Reject documents longer than this."),
    ]
    for option in reversed(options):
        func = option(func)
    return func
