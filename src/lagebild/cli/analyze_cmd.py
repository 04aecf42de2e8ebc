"""``lagebild analyze``: analyse inputs and print the JSON contract or a readable summary."""

from __future__ import annotations

import json
import sys

import click

from ..analyze import analyze
from ..document import Document
from ..readers import ReadError, iter_records
from ..settings import get_settings
from .options import analysis_options
from .render import render_text

FORMATS = ("json", "jsonl", "text")


def analyze_record(record, *, lang, published, model) -> Document:
    """Analyse a reader record: ``--published`` beats the reader's date; ``--lang`` beats detection.

    ``analyze`` validates and normalises the date itself."""
    return analyze(
        record.text,
        lang=lang or record.lang,
        published=published or record.published,
        model=model,
        **record.fields(),
        **record.extra_meta(),
    )


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@analysis_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here (default stdout).")
def analyze_command(paths, fmt, lang, published, model, max_chars, output) -> None:
    """Analyse PATHS (text, HTML, JSONL, WARC files, directories, or - for stdin)."""
    settings = get_settings()
    if max_chars:
        settings.max_chars = max_chars
    failed = 0
    documents: list[dict] = []
    for item in iter_records(paths, max_bytes=settings.max_chars * 4):
        if isinstance(item, ReadError):
            failed += 1
            click.echo(f"error: {item}", err=True)
            continue
        try:
            document = analyze_record(item, lang=lang, published=published, model=model)
        except (ValueError, TypeError) as exc:
            failed += 1
            click.echo(f"error: {item.origin}: {exc}", err=True)
            continue
        if fmt == "jsonl":
            output.write(json.dumps(document.to_dict(), ensure_ascii=False) + "\n")
            output.flush()
        elif fmt == "text":
            render_text(document, output)
        else:
            documents.append(document.to_dict())
    if fmt == "json":
        payload = documents[0] if len(documents) == 1 else documents
        output.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    if failed:
        click.echo(f"{failed} record(s) failed", err=True)
        sys.exit(1)


COMMANDS = [analyze_command]
