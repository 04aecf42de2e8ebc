"""Queries over the store: ``lagebild quotes``, ``lagebild events``, ``lagebild search``."""

from __future__ import annotations

import json

import click

from .ingest_cmd import db_option, open_store

FORMATS = ("text", "jsonl")


def _format_option(func):
    return click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)(func)


def _limit_option(default: int | None):
    return click.option("--limit", type=click.IntRange(min=1), default=default, show_default=default is not None,
                        help="Show at most this many results.")


def _jsonl(row: dict) -> str:
    return json.dumps(row, ensure_ascii=False, default=str)


_QUOTE_FIELDS = ("uid", "doc_id", "id", "form", "stwr", "speaker", "speaker_name", "message_text", "cue_text",
                 "start", "end", "message", "cue", "source", "nested_in", "published", "title", "url")


@click.command("quotes")
@click.option("--speaker", default=None, help="Only quotes whose speaker's name contains this (case-insensitive).")
@click.option("--doc", "doc_id", default=None, help="Only quotes of this document id.")
@db_option
@_format_option
@_limit_option(None)
def quotes_command(speaker, doc_id, db, fmt, limit) -> None:
    """Who said what: stored quotes with speaker, message and source document."""
    store = open_store(db, create=False)
    try:
        rows = store.quotes(speaker=speaker, doc_id=doc_id, limit=limit)
    finally:
        store.close()
    for row in rows:
        if fmt == "jsonl":
            click.echo(_jsonl({k: row[k] for k in _QUOTE_FIELDS}))
        else:
            date = (row["published"] or "")[:10] or "????-??-??"
            speaker_name = row["speaker_name"] or "(unknown speaker)"
            click.echo(f"{date}  {speaker_name} [{row['form']}]: {row['message_text']}  ({row['uid']})")
    if fmt == "text" and not rows:
        click.echo("no quotes found", err=True)


_EVENT_FIELDS = ("uid", "doc_id", "id", "day", "date", "cameo", "plover", "source", "source_name", "target",
                 "target_name", "trigger_text", "trigger_start", "trigger_end", "place", "polarity", "status",
                 "attributed_to", "quote", "published", "title", "url")


@click.command("events")
@click.option("--actor", default=None, help="Only events whose source or target actor's name contains this.")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only events on or after this day (event date, else publication date).")
@click.option("--until", default=None, metavar="YYYY-MM-DD", help="Only events on or before this day.")
@click.option("--code", default=None, metavar="CAMEO", help="Only events whose CAMEO code starts with this (e.g. 04, 043).")
@click.option("--doc", "doc_id", default=None, help="Only events of this document id.")
@db_option
@_format_option
@_limit_option(None)
def events_command(actor, since, until, code, doc_id, db, fmt, limit) -> None:
    """Who did what to whom: stored events (CAMEO-coded) with actors, day and source document."""
    store = open_store(db, create=False)
    try:
        rows = store.events(actor=actor, since=since, until=until, code=code, doc_id=doc_id, limit=limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    finally:
        store.close()
    for row in rows:
        if fmt == "jsonl":
            click.echo(_jsonl({k: row[k] for k in _EVENT_FIELDS}))
        else:
            negated = " (negated)" if row["polarity"] == "negative" else ""
            click.echo(
                f"{row['day'] or '????-??-??'}  {row['cameo']:<5} {row['source_name'] or '–'} → {row['target_name'] or '–'}: "
                f"„{row['trigger_text']}“ [{row['status']}{negated}]  ({row['uid']})"
            )
    if fmt == "text" and not rows:
        click.echo("no events found", err=True)


@click.command("search")
@click.argument("query")
@db_option
@_format_option
@_limit_option(10)
@click.option("--quotes", "quote_limit", type=click.IntRange(min=0), default=10, show_default=True,
              help="Show at most this many matching quotes.")
def search_command(query, db, fmt, limit, quote_limit) -> None:
    """Full-text search: documents ranked by relevance and quotes whose message matches QUERY.

    Every word must occur; inflected forms match ("Verhandlung" finds "Verhandlungen").
    """
    store = open_store(db, create=False)
    try:
        docs, quotes = store.search(query, limit=limit, quote_limit=quote_limit)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    finally:
        store.close()
    if fmt == "jsonl":
        for hit in docs:
            click.echo(_jsonl({"type": "document", **hit.__dict__}))
        for qhit in quotes:
            click.echo(_jsonl({"type": "quote", **qhit.__dict__}))
        return
    if not docs and not quotes:
        click.echo("nothing found", err=True)
        return
    for rank, hit in enumerate(docs, 1):
        title = hit.title or "(no title)"
        date = f" ({hit.published[:10]})" if hit.published else ""
        click.echo(f"{rank:>2}. {title}{date}  [{hit.doc_id}]  score {hit.score:.3g}")
        click.echo(f"    {hit.snippet}")
    if quotes:
        click.echo("Quotes:")
        for qhit in quotes:
            click.echo(f"  {qhit.speaker_name or '(unknown speaker)'}: {qhit.message_text}  ({qhit.uid})")


COMMANDS = [quotes_command, events_command, search_command]
