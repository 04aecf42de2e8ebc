"""Readers: every input kind, and every kind of bad input gives a ReadError naming the record."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from lagebild.readers import ReadError, Record, detect_format, iter_records, read_bytes

GERMAN = "Die Regierung sei zu Gesprächen bereit, erklärte eine Sprecherin am Montag."
HTML = f"""<!DOCTYPE html><html lang="de"><head><title>Gespräche in Sicht</title>
<meta name="author" content="Erika Beispiel"><meta property="og:site_name" content="Beispielzeitung">
<meta property="article:published_time" content="2024-03-05T08:00:00+01:00"></head>
<body><nav>Startseite | Politik</nav><article><h1>Gespräche in Sicht</h1>
<p>{GERMAN}</p><p>Ein zweiter Absatz erklärt, warum die Opposition den Vorschlag für verfrüht hält und
weitere Beratungen im Ausschuss verlangt, bevor das Parlament abstimmt.</p></article>
<footer>Impressum</footer></body></html>"""


def records(items):
    return [r for r in items if isinstance(r, Record)]


def errors(items):
    return [r for r in items if isinstance(r, ReadError)]


def write_warc(path, pages, *, gz=True):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=gz)
        for url, body, ctype in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)


@pytest.mark.parametrize(
    "name, head, expected",
    [
        ("a.txt", b"Hallo", "text"),
        ("a.HTML", b"<html>", "html"),
        ("a.jsonl", b"{}", "jsonl"),
        ("a.warc.gz", b"\x1f\x8b", "warc"),
        ("noext", b"WARC/1.0\r\n", "warc"),
        ("noext", b"  <!DOCTYPE html><html>", "html"),
        ("noext", b'{"text": "x"}', "jsonl"),
        ("noext", b"Just words", "text"),
    ],
)
def test_detect_format(name, head, expected):
    assert detect_format(name, head) == expected


def test_plain_text_utf8_and_latin1(tmp_path):
    (tmp_path / "a.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(("Ärger über Straßenbau in Köln: Bürger " * 5).encode("latin-1"))
    got = records(iter_records([tmp_path]))
    assert [r.text for r in got][0] == GERMAN
    assert "Straßenbau" in got[1].text and "Köln" in got[1].text


def test_bom_and_crlf_are_normalised(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbfZeile eins\r\nZeile zwei")
    (rec,) = records(iter_records([tmp_path / "a.txt"]))
    assert rec.text == "Zeile eins\nZeile zwei"


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x00\x01\x02\x03binary\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
    ],
)
def test_bad_text_inputs(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    (err,) = list(iter_records([path]))
    assert isinstance(err, ReadError) and reason in err.reason and str(path) in str(err)


def test_missing_path():
    (err,) = list(iter_records(["/no/such/file.txt"]))
    assert isinstance(err, ReadError) and "no such file" in err.reason


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Wort " * 1000)
    (err,) = list(iter_records([path], max_bytes=1000))
    assert isinstance(err, ReadError) and "limit" in err.reason


def test_html_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    (rec,) = records(iter_records([path]))
    assert GERMAN in rec.text
    assert "Impressum" not in rec.text and "Startseite" not in rec.text
    assert rec.title == "Gespräche in Sicht"
    assert rec.published and rec.published.startswith("2024-03-05")
    assert rec.author == "Erika Beispiel"


@pytest.mark.parametrize("html", [b"<html><body><div><p>", b"<html></html>", b"<<<>>>"])
def test_broken_html_gives_an_error(tmp_path, html):
    path = tmp_path / "broken.html"
    path.write_bytes(html)
    (err,) = list(iter_records([path]))
    assert isinstance(err, ReadError) and str(path) in err.origin


def test_jsonl_fields_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "d1", "text": GERMAN, "published": "2024-01-05", "lang": "de", "source": "Agentur", "x": 1}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps(["a list"]),
        "",
        json.dumps({"text": "Second document in English, published later.", "url": "https://example.org/2"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    got = list(iter_records([path]))
    assert [type(r).__name__ for r in got] == ["Record", "ReadError", "ReadError", "ReadError", "Record"]
    first = got[0]
    assert (first.id, first.published, first.lang, first.source, first.meta) == ("d1", "2024-01-05", "de", "Agentur", {"x": 1})
    assert got[1].origin.endswith(":line 2") and "invalid JSON" in got[1].reason
    assert "text" in got[2].reason
    assert got[4].url == "https://example.org/2"


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(tmp_path, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    write_warc(
        path,
        [
            ("https://example.org/a", HTML.encode(), "text/html; charset=utf-8"),
            ("https://example.org/logo.png", b"\x89PNG....", "image/png"),
            ("https://example.org/b", HTML.replace("Montag", "Dienstag").encode(), "text/html"),
        ],
        gz=gz,
    )
    got = records(iter_records([path]))
    assert [r.url for r in got] == ["https://example.org/a", "https://example.org/b"]
    assert "Dienstag" in got[1].text


def test_truncated_warc_keeps_earlier_records(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, [(f"https://example.org/{i}", HTML.encode(), "text/html") for i in range(3)])
    data = path.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(data[: int(len(data) * 0.8)])
    got = list(iter_records([cut]))
    assert len(records(got)) >= 1
    assert isinstance(got[-1], ReadError) and "WARC" in got[-1].reason


def test_not_a_warc(tmp_path):
    path = tmp_path / "fake.warc.gz"
    path.write_bytes(gzip.compress(b"this is no warc at all"))
    got = list(iter_records([path]))
    assert errors(got) and not records(got)


def test_directory_is_recursive_sorted_and_mixed(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Zweiter Text über die Lage.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("Erster Text über die Lage.", encoding="utf-8")
    (tmp_path / "3.html").write_text(HTML, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("versteckt", encoding="utf-8")
    got = records(iter_records([tmp_path]))
    assert [r.origin.rsplit("/", 1)[-1] for r in got] == ["1.txt", "3.html", "2.txt"]


def test_stdin():
    got = list(iter_records(["-"], stdin=io.BytesIO(GERMAN.encode())))
    assert got[0].text == GERMAN and got[0].origin == "<stdin>"


def test_read_bytes_rejects_unknown_format():
    with pytest.raises(ValueError, match="valid"):
        list(read_bytes(b"x", "x", fmt="pdf"))
