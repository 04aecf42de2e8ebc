"""``lagebild export``: the store as JSON Lines, Parquet tables or a GDELT 2.0 event table."""

from __future__ import annotations

import click

from .ingest_cmd import db_option, open_store

FORMATS = ("jsonl", "parquet", "gdelt")


@click.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), required=True,
              help="jsonl: Document JSON per line; parquet: a directory of tables; gdelt: GDELT 2.0 event rows.")
@db_option
@click.option("-o", "--output", "output", required=True, metavar="PATH",
              help="Output file (jsonl, gdelt; - for stdout) or directory (parquet).")
@click.option("--all-events", is_flag=True, help="gdelt: also write negated, denied, planned and hypothetical events.")
@click.option("--header", is_flag=True, help="gdelt: write a header line with the column names.")
def export_command(fmt, db, output, all_events, header) -> None:
    """Export the store (documents with all layers, or events for GDELT)."""
    from ..exports import export

    if fmt == "parquet" and output == "-":
        raise click.BadParameter("the parquet export writes a directory; give its path", param_hint="-o")
    options = {"include_all": all_events, "header": header} if fmt == "gdelt" else {}
    if fmt != "gdelt" and (all_events or header):
        raise click.BadParameter("--all-events and --header apply to --format gdelt only")
    store = open_store(db, create=False)
    try:
        n = export(store, fmt, output, **options)
    except (ValueError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    what = "events" if fmt == "gdelt" else "documents"
    click.echo(f"export: {n} {what} written to {output}", err=True)


COMMANDS = [export_command]
