"""``lagebild ingest``: analyse inputs in worker processes and store them (resumable, idempotent)."""

from __future__ import annotations

import sys

import click

from ..settings import get_settings
from .options import analysis_options

DB_HELP = "SQLite file or postgresql:// URL (default: LAGEBILD_DB or lagebild.db)."


def db_option(func):
    return click.option("--db", default=None, metavar="PATH|URL", help=DB_HELP)(func)


def open_store(db: str | None, *, create: bool = True):
    """Open the store for a command; bad URLs and unreachable servers become usage errors."""
    from ..store import Store, StoreNotFoundError

    target = db or get_settings().db
    try:
        return Store(target, create=create)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--db") from exc
    except StoreNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 - e.g. connection refused
        raise click.ClickException(f"cannot open the store {target!r}: {exc}") from exc


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("-n", "--n-process", type=click.IntRange(min=1), default=1, show_default=True,
              help="Worker processes analysing in parallel (each loads the model once).")
@analysis_options
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Documents per transaction (default: LAGEBILD_BATCH_SIZE or 64).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@click.option("--pipeline-factory", default=None, hidden=True, metavar="MODULE:FUNCTION",
              help="Build pipelines with FUNCTION(lang, model) instead of Lagebild's (custom pipelines, tests).")
def ingest_command(paths, db, n_process, lang, published, model, batch_size, max_chars, progress,
                   pipeline_factory) -> None:
    """Analyse PATHS (text, HTML, JSONL, WARC files, directories, or - for stdin) into the store.

    Running it again on the same input adds only what is missing: documents whose text is already
    stored are skipped, and every batch is committed as a whole, so an interrupted run can simply be
    started again. Records that cannot be read or analysed are reported as "origin: reason" on
    stderr; the exit status is then 1.
    """
    from concurrent.futures.process import BrokenProcessPool

    from sqlalchemy.exc import SQLAlchemyError
    from tqdm import tqdm

    from ..ingest import IngestOptions, ingest
    from ..readers import iter_records

    settings = get_settings()
    if max_chars:
        settings.max_chars = max_chars
    options = IngestOptions(
        lang=lang,
        published=published,
        model=model,
        batch_size=batch_size or settings.batch_size,
        max_chars=settings.max_chars,
        n_process=n_process,
        pipeline_factory=pipeline_factory,
    )
    if pipeline_factory and ":" not in pipeline_factory:
        raise click.BadParameter("give MODULE:FUNCTION", param_hint="--pipeline-factory")
    store = open_store(db)
    bar = tqdm(unit="doc", disable=(not progress) if progress is not None else None, file=sys.stderr,
               dynamic_ncols=True, desc="ingest")

    def on_error(message: str) -> None:
        tqdm.write(f"error: {message}", file=sys.stderr)

    def on_batch(stats, n: int) -> None:
        bar.update(n)
        bar.set_postfix(stored=stats.stored, skipped=stats.already, failed=stats.failed, refresh=False)

    try:
        stats = ingest(iter_records(paths, max_bytes=settings.max_chars * 4), store, options,
                       on_error=on_error, on_batch=on_batch)
    except KeyboardInterrupt:
        bar.close()
        click.echo("interrupted; every committed batch is kept, run the same command again to resume", err=True)
        sys.exit(130)
    except BrokenProcessPool as exc:
        raise click.ClickException(
            f"a worker process died ({exc}); probably out of memory: try fewer processes (-n) or a smaller "
            "--batch-size. Every committed batch is kept; run the same command again to resume"
        ) from exc
    except SQLAlchemyError as exc:
        raise click.ClickException(
            f"the store failed: {str(exc).splitlines()[0]}. Every committed batch is kept; run again to resume"
        ) from exc
    finally:
        bar.close()
        store.close()
    click.echo(f"ingest: {stats.summary()}", err=True)
    if stats.failed:
        sys.exit(1)


COMMANDS = [ingest_command]
