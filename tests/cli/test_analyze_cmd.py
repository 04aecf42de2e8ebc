"""``lagebild analyze``: formats, metadata precedence and bad input (batch goes on, exit status 1)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lagebild.cli.main import cli

GERMAN = "Die Regierung sei zu Gesprächen bereit, erklärte eine Sprecherin am Montag in Berlin."
ENGLISH = "The government is ready for talks, a spokeswoman said on Monday in London."


@pytest.fixture()
def runner():
    return CliRunner()


def test_json_for_one_document(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "--published", "2024-01-10"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["lang"] == "de" and data["published"] == "2024-01-10" and data["text"] == GERMAN
    for start, end in data["sentences"]:
        assert 0 <= start < end <= len(GERMAN)


def test_jsonl_keeps_input_order_and_metadata_precedence(runner, tmp_path):
    path = tmp_path / "b.jsonl"
    rows = [
        {"id": "1", "text": GERMAN, "published": "2024-02-01"},
        {"id": "2", "text": ENGLISH},
        {"id": "3", "text": ENGLISH, "lang": "de"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "-f", "jsonl"])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in out] == ["1", "2", "3"]
    assert [d["lang"] for d in out] == ["de", "en", "de"]
    assert out[0]["published"] == "2024-02-01" and out[1]["published"] is None
    forced = runner.invoke(cli, ["analyze", str(path), "-f", "jsonl", "--published", "2023-12-24", "--lang", "en"])
    assert {json.loads(line)["published"] for line in forced.stdout.splitlines()} == {"2023-12-24"}
    assert {json.loads(line)["lang"] for line in forced.stdout.splitlines()} == {"en"}


def test_bad_inputs_are_reported_and_the_batch_goes_on(runner, tmp_path):
    (tmp_path / "1_empty.txt").write_bytes(b"")
    (tmp_path / "2_binary.txt").write_bytes(b"\x00\xff\x00\x10" * 100)
    (tmp_path / "3_invalid.txt").write_bytes("Gültige Wörter und ".encode() + b"\xff\xfe kaputte Bytes " * 3)
    (tmp_path / "4_french.txt").write_text(
        "Le gouvernement est prêt à négocier, a déclaré une porte-parole du ministère lundi à Paris.", encoding="utf-8"
    )
    (tmp_path / "5_big.txt").write_text("Wort " * 30_000, encoding="utf-8")
    (tmp_path / "6_broken.html").write_bytes(b"<html><body><div>")
    (tmp_path / "7_good.txt").write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(tmp_path), "-f", "jsonl", "--max-chars", "100000"])
    assert result.exit_code == 1
    stderr = result.stderr
    assert "1_empty.txt: empty" in stderr
    assert "2_binary.txt: binary" in stderr
    assert "4_french.txt" in stderr and "'fr'" in stderr
    assert "5_big.txt" in stderr and "limit" in stderr
    assert "6_broken.html" in stderr
    assert "failed" in stderr
    texts = [json.loads(line)["text"] for line in result.stdout.splitlines()]
    assert GERMAN in texts  # the good record after the bad ones is analysed
    assert any("Gültige Wörter" in t for t in texts)  # invalid bytes are decoded, not fatal


def test_fifty_megabyte_text_is_refused_with_a_clear_message(runner, tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        chunk = ("Ein langer Satz über die Lage in der Region. " * 1000).encode()
        for _ in range(50 * 1024 * 1024 // len(chunk) + 1):
            handle.write(chunk)
    result = runner.invoke(cli, ["analyze", str(path)])
    assert result.exit_code == 1
    assert "huge.txt" in result.stderr and "limit" in result.stderr and "LAGEBILD_MAX_CHARS" in result.stderr


def test_bad_published_is_a_usage_error(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(cli, ["analyze", str(path), "--published", "neulich"])
    assert result.exit_code == 2 and "ISO 8601" in result.output


def test_text_summary(runner):
    result = runner.invoke(cli, ["analyze", "-", "-f", "text", "--published", "2024-01-10"], input=GERMAN)
    assert result.exit_code == 0, result.output
    assert "lang de" in result.stdout and "published 2024-01-10" in result.stdout
