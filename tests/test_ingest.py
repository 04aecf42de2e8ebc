"""Batch ingest: storing, idempotence, bad records, worker processes, resuming after SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from contextlib import ExitStack
from pathlib import Path

import pytest
from storage_support import FAST, generated_records, generated_text, store_url

import lagebild.ingest as ingest_module
from lagebild.ingest import IngestOptions, ingest
from lagebild.readers.base import ReadError, Record
from lagebild.store import Store

TESTS = Path(__file__).resolve().parent


def test_ingest_stores_and_is_idempotent(db_url):
    store = Store(db_url)
    options = IngestOptions(pipeline_factory=FAST, batch_size=5, lang="de")
    stats = ingest(generated_records(12), store, options)
    assert (stats.read, stats.stored, stats.already, stats.failed, stats.batches) == (12, 12, 0, 0, 3)
    assert stats.tokens > 12 * 20 and stats.docs_per_second > 0
    dump = store.canonical_dump()
    again = ingest(generated_records(12), store, options)
    assert (again.stored, again.already, again.failed) == (0, 12, 0)
    assert store.canonical_dump() == dump
    more = ingest(generated_records(15), store, options)  # a longer input adds only what is new
    assert (more.stored, more.already) == (3, 12)
    assert store.count("quotes") == store.count("events") == store.count("places") == 15
    doc = next(store.iter_documents())
    assert doc.lang == "de" and doc.published == "2024-01-15" and doc.title == "Meldung 0"
    assert doc.events[0].date == "2024-01-15" and len(doc.sentences) == 2
    store.close()


def test_duplicates_in_the_input_are_stored_once(tmp_path):
    store = Store(tmp_path / "x.db")
    records = [*generated_records(3), *generated_records(2)]
    stats = ingest(records, store, IngestOptions(pipeline_factory=FAST, batch_size=2, lang="de"))
    assert (stats.stored, stats.already) == (3, 2)
    assert store.count() == 3


def test_bad_records_are_reported_and_the_batch_goes_on(tmp_path, blank_model, monkeypatch):
    real = ingest_module.doc_to_document

    def flaky(doc, **fields):
        if "KAPUTT" in doc.text:
            raise RuntimeError("component exploded")
        return real(doc, **fields)

    monkeypatch.setattr(ingest_module, "doc_to_document", flaky)
    good = list(generated_records(4))
    items = [
        good[0],
        ReadError("broken.warc.gz#record 3", "truncated record"),
        Record(text="   ", origin="empty.txt"),
        good[1],
        Record(text="x" * 300, origin="huge.txt"),
        Record(text="Ein Satz mit KAPUTT darin.", origin="bad.jsonl:line 6"),
        Record(text="Ein gültiger Satz.", origin="bad.jsonl:line 7", lang="fr"),
        Record(text="Noch ein gültiger Satz.", origin="bad.jsonl:line 8", published="nicht-ein-datum"),
        good[2],
        good[3],
    ]
    errors: list[str] = []
    store = Store(tmp_path / "x.db")
    stats = ingest(items, store, IngestOptions(model=blank_model, batch_size=4, max_chars=200), on_error=errors.append)
    assert (stats.read, stats.stored, stats.failed) == (10, 4, 6)
    assert errors == stats.errors
    assert errors[0] == "broken.warc.gz#record 3: truncated record"
    assert errors[1] == "empty.txt: the document has no text"
    assert errors[2].startswith("huge.txt: the document has 300 characters, more than the limit of 200")
    assert errors[3] == "bad.jsonl:line 6: analysis failed: RuntimeError: component exploded"
    assert errors[4].startswith("bad.jsonl:line 7: language 'fr' is not supported")
    assert errors[5].startswith("bad.jsonl:line 8: publication date 'nicht-ein-datum' is not a date")
    assert sorted(d.title for d in store.iter_documents()) == [f"Meldung {i}" for i in range(4)]


def test_worker_processes_give_the_same_store(tmp_path):
    options = dict(pipeline_factory=FAST, batch_size=4, lang="de")
    one = Store(tmp_path / "one.db")
    two = Store(tmp_path / "two.db")
    s1 = ingest(generated_records(18), one, IngestOptions(**options, n_process=1))
    s2 = ingest(generated_records(18), two, IngestOptions(**options, n_process=2))
    assert s1.stored == s2.stored == 18
    assert one.canonical_dump() == two.canonical_dump()
    assert [d["id"] for d in one.iter_document_dicts()] == [d["id"] for d in two.iter_document_dicts()]


def test_options_are_checked(tmp_path):
    store = Store(tmp_path / "x.db")
    with pytest.raises(ValueError, match="batch size"):
        ingest([], store, IngestOptions(batch_size=0))
    with pytest.raises(ValueError, match="pipe batch"):
        ingest([], store, IngestOptions(pipe_batch=0))
    with pytest.raises(ValueError, match="not a date"):
        ingest([], store, IngestOptions(published="gestern"))


_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from storage_support import generated_records
    from lagebild.ingest import IngestOptions, ingest
    from lagebild.store import Store

    if __name__ == "__main__":  # worker processes are spawned and import this module
        db, model, n, delay = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
        options = IngestOptions(pipeline_factory=model, batch_size=5, lang="de", n_process=int(sys.argv[5]))
        ingest(generated_records(n, delay=delay), Store(db), options)
        print("done")
    """
)

N = 60


def _assert_group_exits(pgid: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.killpg(pgid, signal.SIGKILL)
    raise AssertionError("worker processes outlived the killed ingest")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("backend", "n_process"),
    [("sqlite", 1), ("sqlite", 2), pytest.param("postgres", 1, marks=pytest.mark.postgres)],
)
def test_sigkill_then_rerun_equals_an_uninterrupted_run(backend, n_process, tmp_path):
    script = tmp_path / "run_ingest.py"
    script.write_text(_SCRIPT.format(tests=str(TESTS)))
    with ExitStack() as stack:
        url = stack.enter_context(store_url(backend, tmp_path / "a"))
        reference_url = stack.enter_context(store_url(backend, tmp_path / "b"))
        (tmp_path / "a").mkdir(exist_ok=True)
        (tmp_path / "b").mkdir(exist_ok=True)
        store = Store(url)
        cmd = [sys.executable, str(script), url, FAST, str(N)]
        proc = subprocess.Popen([*cmd, "0.08", str(n_process)], start_new_session=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while store.count() < 15:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the ingest did not commit 3 batches in time"
            time.sleep(0.02)
        os.kill(proc.pid, signal.SIGKILL)  # the parent only: its workers must notice and exit
        proc.wait()
        _assert_group_exits(proc.pid)
        killed_at = store.count()
        assert 15 <= killed_at < N, "the run was not interrupted in the middle"
        assert killed_at % 5 == 0, "only whole batches may be committed"
        rerun = subprocess.run([*cmd, "0", str(n_process)], capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        reference = Store(reference_url)
        stats = ingest(generated_records(N), reference, IngestOptions(pipeline_factory=FAST, batch_size=5, lang="de"))
        assert stats.stored == N
        assert store.count() == N
        assert store.canonical_dump() == reference.canonical_dump()
        assert {d.text for d in store.iter_documents()} == {generated_text(i) for i in range(N)}
        assert store.count("quotes") == store.count("events") == store.count("places") == N
        store.close()
        reference.close()


def test_bad_pipeline_factory_is_reported(tmp_path):
    store = Store(tmp_path / "x.db")
    errors: list[str] = []
    with pytest.raises(ValueError, match="module:function"):
        ingest(generated_records(1), store, IngestOptions(pipeline_factory="nocolon", lang="de"), on_error=errors.append)


def test_a_document_the_database_refuses_is_reported(db_url):
    store = Store(db_url)
    good = list(generated_records(2))
    nul = Record(text="Ein Text mit \x00 Nullbyte, der verhandelt wird.", origin="damaged.html")
    errors: list[str] = []
    stats = ingest([good[0], nul, good[1]], store, IngestOptions(pipeline_factory=FAST, lang="de"), on_error=errors.append)
    if store.dialect == "postgresql":  # PostgreSQL text cannot hold NUL characters
        assert (stats.stored, stats.failed) == (2, 1)
        assert errors[0].startswith("damaged.html: cannot be stored: ")
    else:
        assert (stats.stored, stats.failed) == (3, 0)
    assert {d.title for d in store.iter_documents() if d.title} == {"Meldung 0", "Meldung 1"}
