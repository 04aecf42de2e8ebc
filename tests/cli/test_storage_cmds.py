"""``lagebild ingest``, ``quotes``, ``events``, ``search`` and ``export`` on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from storage_support import generated_text, sample_documents

from lagebild.cli.main import cli
from lagebild.exports import GDELT_COLUMNS
from lagebild.store import Store


@pytest.fixture
def filled(db_url):
    store = Store(db_url)
    store.add_documents(sample_documents())
    store.close()
    return db_url


@pytest.fixture
def runner():
    return CliRunner()


def _jsonl(tmp_path, rows, name="in.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n",
                    encoding="utf-8")
    return path


def test_ingest_then_rerun(runner, tmp_path, db_url, blank_model):
    path = _jsonl(tmp_path, [{"text": generated_text(i), "published": "2024-03-01"} for i in range(7)])
    args = ["ingest", str(path), "--db", db_url, "--model", blank_model, "--batch-size", "3", "--lang", "de"]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "ingest: 7 read, 7 stored, 0 already stored, 0 failed" in result.stderr
    again = runner.invoke(cli, args)
    assert again.exit_code == 0
    assert "7 read, 0 stored, 7 already stored, 0 failed" in again.stderr
    store = Store(db_url)
    assert store.count() == 7 and {d.published for d in store.iter_documents()} == {"2024-03-01"}
    store.close()


def test_ingest_bad_records_exit_1(runner, tmp_path, blank_model):
    rows = [
        {"text": generated_text(0)},
        "{this is not json",
        {"text": ""},
        {"text": generated_text(1), "lang": "fr"},
        {"text": generated_text(2)},
    ]
    path = _jsonl(tmp_path, rows)
    db = tmp_path / "x.db"
    result = runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--model", blank_model, "--batch-size", "10"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 3
    assert all(f"{path}" in line for line in errors)  # every line names the record
    assert "language 'fr' is not supported" in errors[2]
    assert "2 stored, 0 already stored, 3 failed" in result.stderr
    assert Store(db).count() == 2


@pytest.mark.parametrize(
    "args",
    [["--published", "gestern"], ["--db", "mysql://x/y"], ["-n", "0"], ["--batch-size", "0"], ["--lang", "fr"]],
)
def test_ingest_usage_errors_exit_2(runner, tmp_path, args):
    path = _jsonl(tmp_path, [{"text": "Ein Satz."}])
    opts = ["--db", str(tmp_path / "x.db")] if "--db" not in args else []
    result = runner.invoke(cli, ["ingest", str(path), *opts, *args])
    assert result.exit_code == 2, result.output


@pytest.mark.slow
def test_ingest_with_the_default_pipeline(runner, tmp_path):
    text = (
        "Bundeskanzlerin Angela Merkel hat am Montag in Berlin mit dem französischen Präsidenten verhandelt. "
        "„Wir sind uns in vielen Punkten einig“, sagte Merkel nach dem Treffen."
    )
    path = tmp_path / "merkel.txt"
    path.write_text(text, encoding="utf-8")
    db = tmp_path / "x.db"
    result = runner.invoke(cli, ["ingest", str(path), "--db", str(db), "--published", "2024-01-15"])
    assert result.exit_code == 0, result.output
    store = Store(db)
    doc = next(store.iter_documents())
    assert doc.lang == "de" and doc.text == text and doc.published == "2024-01-15" and len(doc.sentences) >= 2
    hits, _ = store.search("Präsident")  # finds "Präsidenten"
    assert [h.doc_id for h in hits] == [doc.id]
    store.close()


def test_quotes_command(runner, filled):
    result = runner.invoke(cli, ["quotes", "--speaker", "merkel", "--db", filled])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"2016-03-08  Angela Merkel [direct]: „Wir brauchen neue Gespräche mit Österreich.“  ({sample_documents()[0].id}/q1)"
    ]
    rows = [json.loads(line) for line in runner.invoke(cli, ["quotes", "--db", filled, "-f", "jsonl"]).stdout.splitlines()]
    assert [r["speaker_name"] for r in rows] == ["Angela Merkel", "Außenminister", "Officials"]
    none = runner.invoke(cli, ["quotes", "--speaker", "Niemand", "--db", filled])
    assert none.exit_code == 0 and none.stdout == "" and "no quotes found" in none.stderr


def test_events_command(runner, filled):
    result = runner.invoke(cli, ["events", "--actor", "Frankreich", "--since", "2016-01-01", "--code", "11", "--db", filled])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("2016-03-07  111   Frankreich → Österreichische Regierung: „kritisierte“")
    rows = [json.loads(line) for line in
            runner.invoke(cli, ["events", "--code", "04", "--db", filled, "-f", "jsonl"]).stdout.splitlines()]
    assert [r["cameo"] for r in rows] == ["0431", "040", "046"]
    bad = runner.invoke(cli, ["events", "--since", "letzte Woche", "--db", filled])
    assert bad.exit_code == 2 and "YYYY-MM-DD" in bad.output


def test_search_command(runner, filled):
    result = runner.invoke(cli, ["search", "Verhandlungen", "--db", filled])
    assert result.exit_code == 0, result.output
    out = result.stdout
    d1, d2, _ = sample_documents()
    assert f"[{d1.id}]" in out and f"[{d2.id}]" in out and "Quotes:" in out
    assert "Außenminister: die Verhandlung über den Handel" in out
    rows = [json.loads(line) for line in runner.invoke(cli, ["search", "Gespräch", "--db", filled, "-f", "jsonl"]).stdout.splitlines()]
    assert [(r["type"], r["doc_id"]) for r in rows] == [("document", d1.id), ("quote", d1.id)]
    assert runner.invoke(cli, ["search", " ", "--db", filled]).exit_code == 2


def test_export_command(runner, filled, tmp_path):
    out = tmp_path / "docs.jsonl"
    result = runner.invoke(cli, ["export", "--format", "jsonl", "--db", filled, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 documents written" in result.stderr
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == [d.id for d in sample_documents()]
    pq_dir = tmp_path / "pq"
    assert runner.invoke(cli, ["export", "-f", "parquet", "--db", filled, "-o", str(pq_dir)]).exit_code == 0
    assert pq.read_table(pq_dir / "events.parquet").num_rows == 4
    tsv = tmp_path / "events.tsv"
    result = runner.invoke(cli, ["export", "-f", "gdelt", "--db", filled, "-o", str(tsv), "--header"])
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in tsv.read_text(encoding="utf-8").splitlines()]
    assert lines[0] == list(GDELT_COLUMNS) and all(len(line) == 61 for line in lines) and len(lines) == 4
    stdout = runner.invoke(cli, ["export", "-f", "gdelt", "--db", filled, "-o", "-"])
    assert [line.split("\t")[0] for line in stdout.stdout.splitlines()] == [line[0] for line in lines[1:]]
    assert runner.invoke(cli, ["export", "-f", "jsonl", "--db", filled, "-o", str(out), "--header"]).exit_code == 2


def test_queries_on_a_missing_store(runner, tmp_path):
    missing = tmp_path / "nothing.db"
    for args in (["quotes"], ["events"], ["search", "x"], ["export", "-f", "jsonl", "-o", str(tmp_path / "o")]):
        result = runner.invoke(cli, [*args, "--db", str(missing)])
        assert result.exit_code == 1 and "no Lagebild store" in result.output
    assert not missing.exists()


def test_ingest_from_stdin(runner, tmp_path):
    db = tmp_path / "x.db"
    lines = "\n".join(json.dumps({"text": generated_text(i)}, ensure_ascii=False) for i in range(3))
    result = runner.invoke(cli, ["ingest", "-", "--db", str(db), "--pipeline-factory", "storage_support:fast_pipeline",
                                 "--lang", "de"], input=lines)
    assert result.exit_code == 0, result.output
    assert Store(db).count("quotes") == 3
