"""``lagebild analyze``: analyse inputs and print the JSON contract or a readable summary."""

from __future__ import annotations

import json
import sys

import click

from ..analyze import analyze, normalize_published
from ..document import Document
from ..readers import ReadError, iter_records
from ..settings import get_settings
from .render import render_text

FORMATS = ("json", "jsonl", "text")
_RESERVED = {"text", "lang", "published", "model", "nlp", "id", "title", "source", "url", "author"}


def analyze_record(record, *, lang, published, model) -> Document:
    """Analyse a reader record: ``--published`` beats the reader's date; ``--lang`` beats detection."""
    dct = normalize_published(published) if published else normalize_published(record.published)
    return analyze(
        record.text,
        lang=lang or record.lang,
        published=dct,
        model=model,
        **record.fields(),
        **{k: v for k, v in record.meta.items() if k not in _RESERVED},
    )


@click.command("analyze")
@click.argument("paths", nargs=-1, required=True)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--lang", type=click.Choice(["de", "en"]), default=None, help="Force the language (default: detect).")
@click.option("--published", default=None, help="Publication date (ISO 8601) that relative times resolve against.")
@click.option("--model", default=None, help="Use this installed spaCy pipeline (name or path) as the base.")
@click.option("--max-chars", type=int, default=None, help="Reject documents longer than this.")
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="Write here (default stdout).")
def analyze_command(paths, fmt, lang, published, model, max_chars, output) -> None:
    """Analyse PATHS (text, HTML, JSONL, WARC files, directories, or - for stdin)."""
    settings = get_settings()
    if max_chars:
        settings.max_chars = max_chars
    if published:
        try:
            normalize_published(published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc
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
