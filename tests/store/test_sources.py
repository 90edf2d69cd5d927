"""Reading for ingestion: the same Documents ``geo.readers`` gives, JSONL
and CSV a line at a time, fields renamed by a column map, bad records
named by file and line."""

from __future__ import annotations

import json

import pytest

from gazetteer.errors import InputFileError
from geo.readers import read_documents
from maps.errors import ColumnMapError
from maps.store.sources import input_size, parse_column_map, read_sources

TEXT = "Agents near Sasabe, Ariz., rescued 12 migrants on Tuesday, the agency said."
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Rescue</title><link>https://example.test/rescue</link>
<pubDate>Tue, 12 Mar 2024 10:00:00 GMT</pubDate>
<description>Agents near Sasabe, Ariz., rescued 12 migrants who had crossed the desert on foot.</description>
</item></channel></rss>"""
PAGE = ("<html><head><title>Seizure at the line</title></head><body><nav>Home | World</nav><article>"
        "<h1>Seizure at the line</h1><p>Officers at the Mariposa Port of Entry in Nogales, Ariz., seized "
        "300 pounds of methamphetamine hidden in a pickup truck on Tuesday, officials said.</p></article>"
        "<footer>Copyright</footer></body></html>")


def fields(items):
    return [(d.id, d.title, d.published, d.url, d.source, d.lang, d.text, d.origin, d.body_start)
            if not isinstance(d, Exception) else str(d) for d in items]


@pytest.fixture
def mixed(tmp_path):
    """A folder of every kind of input, with bad records among the good."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(f"Rescue near Sasabe\n\n{TEXT}\n", encoding="utf-8")
    (folder / "b.html").write_text(PAGE, encoding="utf-8")
    (folder / "c.rss").write_text(FEED, encoding="utf-8")
    (folder / "d.jsonl").write_text("\n".join([
        json.dumps({"id": "j1", "title": "One", "published": "2024-03-12", "text": TEXT}),
        "{not json",
        json.dumps({"id": "j3", "title": "No text"}),
        "",
        json.dumps({"id": "j5", "text": TEXT, "url": "https://example.test/j5", "lang": "en"}),
    ]) + "\n", encoding="utf-8")
    (folder / "e.csv").write_text('id,title,published,text\nc1,One,2024-03-12,"' + TEXT + '"\nc2,Two,,\n',
                                  encoding="utf-8")
    (folder / "f.txt").write_bytes(b"Bad bytes \xff\xfe here\n")
    (folder / "g.xml").write_bytes(b"\x00\x01 not a feed at all")
    return folder


def test_same_documents_as_geo_readers(mixed):
    ours = list(read_sources([str(mixed)]))
    theirs = list(read_documents([str(mixed)]))
    assert fields(ours) == fields(theirs)
    assert sum(not isinstance(d, Exception) for d in ours) == 7
    errors = [str(e) for e in ours if isinstance(e, InputFileError)]
    assert any(e.endswith("d.jsonl:2: not JSON: Expecting property name enclosed in double quotes")
               for e in errors)
    assert any(e.endswith("d.jsonl:3: missing 'text' field") for e in errors)
    assert any("f.txt:1: bytes that are not UTF-8" in e for e in errors)
    assert any("g.xml" in e and "not a readable feed" in e for e in errors)


def test_column_map_renames_jsonl_and_csv_fields(tmp_path):
    jsonl = tmp_path / "archive.jsonl"
    jsonl.write_text(json.dumps({"key": "k1", "headline": "Rescue", "date": "March 12, 2024", "body": TEXT,
                                 "link": "https://example.test/k1"}) + "\n", encoding="utf-8")
    table = tmp_path / "archive.csv"
    table.write_text(f'key,headline,date,body\nk2,Rescue,2024-03-12,"{TEXT}"\n', encoding="utf-8")
    mapping = "text=body,published=date,title=headline,id=key,url=link"
    docs = list(read_sources([str(jsonl), str(table)], column_map=mapping))
    assert [(d.id, d.title, d.published, d.text) for d in docs] == [
        ("k1", "Rescue", "2024-03-12", TEXT), ("k2", "Rescue", "2024-03-12", TEXT)]
    assert docs[0].url == "https://example.test/k1"


def test_a_missing_mapped_column_is_named_with_its_line(tmp_path):
    table = tmp_path / "archive.csv"
    table.write_text("key,content\nk1,Some text\n", encoding="utf-8")
    jsonl = tmp_path / "archive.jsonl"
    jsonl.write_text(json.dumps({"body": TEXT}) + "\n" + json.dumps({"content": TEXT}) + "\n",
                     encoding="utf-8")
    items = list(read_sources([str(table), str(jsonl)], column_map="text=body"))
    assert [str(i) for i in items if isinstance(i, InputFileError)] == [
        f"{table}:1: no 'body' column (read as the text; columns: key, content)",
        f"{jsonl}:2: missing 'body' field (read as the text)"]
    assert [d.text for d in items if not isinstance(d, Exception)] == [TEXT]


def test_csv_without_text_column(tmp_path):
    table = tmp_path / "archive.csv"
    table.write_text("id,body\n1,hello\n", encoding="utf-8")
    (error,) = read_sources([str(table)])
    assert str(error) == f"{table}:1: no 'text' column"


@pytest.mark.parametrize(("value", "message"), [
    ("text", "expected FIELD=COLUMN"), ("text=", "expected FIELD=COLUMN"),
    ("body=text", "unknown field 'body'"), ("text=a,text=b", "'text' is mapped twice"),
])
def test_bad_column_maps(value, message):
    with pytest.raises(ColumnMapError, match=message) as info:
        parse_column_map(value)
    assert info.value.exit_code == 2


def test_progress_counts_every_byte(mixed):
    read = []
    list(read_sources([str(mixed)], on_bytes=read.append))
    assert sum(read) == input_size([str(mixed)]) > 0


def test_jsonl_is_read_a_line_at_a_time(tmp_path, monkeypatch):
    """A JSONL archive is never read whole (memory stays flat however long it is)."""
    from pathlib import Path

    archive = tmp_path / "big.jsonl"
    archive.write_text("".join(json.dumps({"id": str(i), "text": TEXT}) + "\n" for i in range(200)),
                       encoding="utf-8")

    def whole(*args, **kwargs):
        raise AssertionError("read whole")

    monkeypatch.setattr(Path, "read_bytes", whole)
    monkeypatch.setattr(Path, "read_text", whole)
    items = read_sources([str(archive)])
    assert next(items).id == "0"
    assert sum(1 for _ in items) == 199
