"""Batch ingest: read records, analyse them in worker processes, store them batch by batch.

The run is resumable and idempotent. Each batch of documents is written in one transaction, so a
run killed at any moment leaves only whole batches behind; documents are identified by their content
hash (and their deterministic id), so running the same input again skips what is already stored and
adds exactly what is missing. Only the parent process writes to the store.

Bad input never stops a run: a record the reader could not read, a text Lagebild refuses (empty,
too long, unsupported language) or a failed analysis is reported as ``origin: reason`` through
``on_error`` and the batch goes on.
"""

from __future__ import annotations

import importlib
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import DataError, IntegrityError

from .analyze import check_text, doc_to_document, make_doc, normalize_published, run_pipeline
from .document import Document, content_hash
from .language import choose_language, get_pipeline
from .readers.base import ReadError, Record
from .settings import get_settings
from .store import AddResult, Store

# Thread pools of numerical libraries, limited to one thread in each worker process.
_THREAD_VARS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass
class IngestOptions:
    lang: str | None = None  # force this pipeline language (else the record's, else detected)
    published: str | None = None  # publication date for every record (beats the reader's date)
    model: str | None = None  # base spaCy pipeline (name or path) instead of the shipped one
    batch_size: int = 64  # documents per transaction
    # documents per nlp.pipe batch: 8 runs at ~95 % of the speed of 32 with ~160 MB less peak memory
    # (benchmarks/pipeline_speed.py)
    pipe_batch: int = 8
    max_chars: int | None = None  # reject longer texts (default: settings.max_chars)
    n_process: int = 1  # worker processes; 1 analyses in this process
    pipeline_factory: str | None = None  # "module:function" called as f(lang, model) -> Language


@dataclass
class IngestStats:
    read: int = 0  # records (and read errors) seen
    stored: int = 0  # documents newly written
    already: int = 0  # documents skipped because their text was already stored (or repeated)
    failed: int = 0  # records not stored because of an error
    tokens: int = 0  # tokens of the newly analysed documents
    chars: int = 0  # characters of the newly analysed documents
    batches: int = 0  # committed transactions
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)  # "origin: reason", in input order

    @property
    def docs_per_second(self) -> float:
        return self.stored / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_second(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0

    def summary(self) -> str:
        return (
            f"{self.read} read, {self.stored} stored, {self.already} already stored, {self.failed} failed "
            f"in {self.seconds:.1f} s ({self.docs_per_second:.1f} docs/s, {self.tokens_per_second:,.0f} tokens/s)"
        )


# -- analysis (runs in the workers, or in this process when n_process == 1) ----------------------
_OPTIONS: IngestOptions | None = None


def _init_worker(options: IngestOptions, parent: int | None = None) -> None:
    """Load the pipeline once per worker process (``parent``: exit when that process is gone)."""
    global _OPTIONS
    _OPTIONS = options
    if parent is not None:
        threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    _pipeline(options.lang or "de", options)


def _exit_with_parent(parent: int) -> None:
    """A worker whose parent was killed (e.g. SIGKILL) would wait forever: leave instead."""
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(1)


def _pipeline(lang: str, options: IngestOptions):
    """The (cached) pipeline for ``lang``: :func:`get_pipeline`, or ``options.pipeline_factory``."""
    if not options.pipeline_factory:
        nlp = get_pipeline(lang, options.model)
    else:
        module, _, name = options.pipeline_factory.partition(":")
        if not name:
            raise ValueError(f"pipeline factory must be 'module:function', not {options.pipeline_factory!r}")
        nlp = getattr(importlib.import_module(module), name)(lang, options.model)
    if options.max_chars and nlp.max_length <= options.max_chars:
        nlp.max_length = options.max_chars + 1
    return nlp


Result = tuple[int, Document | None, int, str | None]  # (position, document, tokens, error)


def _prepare(rec: Record, options: IngestOptions) -> tuple[str, str | None, dict[str, Any], dict[str, Any]]:
    published = normalize_published(options.published or rec.published)
    lang = choose_language(rec.text, options.lang or rec.lang)
    meta = rec.extra_meta()
    return lang, published, rec.fields(), meta


def analyze_chunk(chunk: list[tuple[int, Record]]) -> list[Result]:
    """Analyse records (batched with ``nlp.pipe`` per language); errors are returned, not raised."""
    options = _OPTIONS or IngestOptions()
    out: list[Result] = []
    by_lang: dict[str, list[tuple[int, Record, str | None, dict, dict]]] = {}
    for pos, rec in chunk:
        try:
            lang, published, fields, meta = _prepare(rec, options)
        except Exception as exc:  # noqa: BLE001 - any bad record is reported, never fatal
            out.append((pos, None, 0, _reason(exc)))
            continue
        by_lang.setdefault(lang, []).append((pos, rec, published, fields, meta))
    for lang, items in by_lang.items():
        try:
            nlp = _pipeline(lang, options)
        except Exception as exc:  # noqa: BLE001
            out.extend((pos, None, 0, f"cannot load the {lang} pipeline: {_reason(exc)}") for pos, *_ in items)
            continue
        try:
            docs = nlp.pipe((make_doc(nlp, rec.text, published, meta) for _, rec, published, _, meta in items),
                            batch_size=options.pipe_batch)
            for (pos, _rec, _pub, fields, meta), doc in zip(items, docs, strict=True):
                out.append((pos, doc_to_document(doc, lang=lang, meta=meta, **fields), len(doc), None))
        except Exception:  # noqa: BLE001 - isolate the record that broke the batch
            done = {r[0] for r in out}
            for pos, rec, published, fields, meta in items:
                if pos in done:
                    continue
                try:
                    doc = run_pipeline(nlp, rec.text, published, meta)
                    out.append((pos, doc_to_document(doc, lang=lang, meta=meta, **fields), len(doc), None))
                except Exception as exc:  # noqa: BLE001
                    out.append((pos, None, 0, f"analysis failed: {_reason(exc)}"))
    out.sort(key=lambda r: r[0])
    return out


def _reason(exc: BaseException) -> str:
    if isinstance(exc, (ValueError, TypeError)) and str(exc):
        return str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


# -- the driver (parent process) --------------------------------------------------------------------
@dataclass
class _Batch:
    size: int
    records: dict[int, Record]
    errors: list[tuple[int, str]]
    work: list[Future] | list[list[tuple[int, Record]]]


def _batches(items: Iterable[Record | ReadError], size: int) -> Iterator[list[Record | ReadError]]:
    batch: list[Record | ReadError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    items: Iterable[Record | ReadError],
    store: Store,
    options: IngestOptions | None = None,
    *,
    on_error: Callable[[str], None] | None = None,
    on_batch: Callable[[IngestStats, int], None] | None = None,
) -> IngestStats:
    """Analyse and store ``items`` (reader output); returns the run's statistics.

    ``on_error("origin: reason")`` is called for every record that is not stored, in input order;
    ``on_batch(stats, n)`` after every batch of ``n`` items has been committed.
    """
    options = options or IngestOptions()
    if options.batch_size < 1:
        raise ValueError(f"batch size must be at least 1, not {options.batch_size}")
    if options.pipe_batch < 1:
        raise ValueError(f"pipe batch must be at least 1, not {options.pipe_batch}")
    if options.n_process < 1:
        raise ValueError(f"the number of processes must be at least 1, not {options.n_process}")
    if options.published:
        normalize_published(options.published)  # fail early on a bad date
    max_chars = options.max_chars or get_settings().max_chars
    stats = IngestStats()
    started = time.perf_counter()
    seen: set[str] = set()
    executor: ProcessPoolExecutor | None = None
    saved_env = {var: os.environ.get(var) for var in _THREAD_VARS}
    if options.n_process > 1:
        # one BLAS thread per worker: n workers x n BLAS threads would oversubscribe the cores
        for var in _THREAD_VARS:
            os.environ.setdefault(var, "1")
        executor = ProcessPoolExecutor(
            options.n_process,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(options, os.getpid()),
        )
    else:
        _init_worker(options)
    in_flight: deque[_Batch] = deque()

    def write(batch: _Batch) -> None:
        results: list[Result] = []
        for work in batch.work:
            results.extend(work.result() if isinstance(work, Future) else analyze_chunk(work))
        errors = list(batch.errors)
        docs: list[Document] = []
        tokens: dict[str, int] = {}
        for pos, doc, n_tokens, error in results:
            if doc is None:
                errors.append((pos, error or "analysis failed"))
            else:
                docs.append(doc)
                tokens[doc.id] = n_tokens
        positions = {doc.id: pos for pos, doc, *_ in results if doc is not None}
        try:
            added = store.add_documents(docs, n_tokens=tokens)
        except (IntegrityError, DataError):
            # a document the database refuses: store the others one by one and report it
            added = AddResult()
            for doc in docs:
                try:
                    one = store.add_documents([doc], n_tokens=tokens)
                except (IntegrityError, DataError) as exc:
                    errors.append((positions[doc.id], f"cannot be stored: {str(exc.orig or exc).splitlines()[0]}"))
                    continue
                added.added += one.added
                added.skipped += one.skipped
                added.conflicts += one.conflicts
        for doc, reason in added.conflicts:
            errors.append((positions[doc.id], reason))
        stats.stored += len(added.added)
        stats.already += len(added.skipped)
        new = set(added.added)
        for doc in docs:
            if doc.id in new:
                stats.tokens += tokens[doc.id]
                stats.chars += len(doc.text)
        stats.batches += 1
        for pos, reason in sorted(errors):
            origin = batch.records[pos].origin if pos in batch.records else None
            message = reason if origin is None else f"{origin}: {reason}"
            stats.failed += 1
            stats.errors.append(message)
            if on_error:
                on_error(message)
        stats.seconds = time.perf_counter() - started
        if on_batch:
            on_batch(stats, batch.size)

    try:
        for items_batch in _batches(items, options.batch_size):
            stats.read += len(items_batch)
            errors: list[tuple[int, str]] = []
            records: dict[int, Record] = {}
            hashes: dict[int, str] = {}
            for pos, item in enumerate(items_batch):
                if isinstance(item, ReadError):
                    errors.append((pos, str(item)))
                    continue
                records[pos] = item
                try:
                    check_text(item.text, max_chars=max_chars)
                except (ValueError, TypeError) as exc:
                    errors.append((pos, str(exc)))
                    continue
                hashes[pos] = content_hash(item.text)
            stored = store.stored_hashes(hashes.values()) if hashes else set()
            todo: list[tuple[int, Record]] = []
            for pos, h in hashes.items():
                if h in stored or h in seen:
                    stats.already += 1
                    continue
                seen.add(h)
                todo.append((pos, records[pos]))
            batch = _Batch(len(items_batch), records, errors, [])
            if executor is not None:
                n_chunks = min(len(todo), options.n_process * 2)
                size = -(-len(todo) // n_chunks) if n_chunks else 1
                batch.work = [executor.submit(analyze_chunk, todo[i : i + size]) for i in range(0, len(todo), size)]
            else:
                batch.work = [todo] if todo else []
            in_flight.append(batch)
            if len(in_flight) >= (2 if executor is not None else 1):
                write(in_flight.popleft())
        while in_flight:
            write(in_flight.popleft())
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        for var, value in saved_env.items():
            if value is None:
                os.environ.pop(var, None)
            else:
                os.environ[var] = value
    stats.seconds = time.perf_counter() - started
    return stats


__all__ = ["IngestOptions", "IngestStats", "analyze_chunk", "ingest"]
