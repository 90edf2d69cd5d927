"""Reading articles (geo/readers.py): plain text with a header, JSONL, CSV,
folders, and bad input reported as InputFileError without stopping the batch.

The articles here are invented; only the header layout (a "Posted on" line,
the title, a byline "Author, Publication, Date") follows the seed article.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from gazetteer.errors import InputFileError
from geo.document import Document
from geo.readers import read_documents

TITLE = "Volunteers Count Quail Near Sasabe"
BYLINE = "Marta Quintero, Desert Ledger, March 1, 2011"
BODY = ("Volunteers walked the washes east of Sasabe on Saturday, counting quail and mule deer "
        "for a survey the refuge repeats every spring.\n\n"
        "\u201cWe saw more coveys than last year,\u201d one of the counters said.\n")
ARTICLE = f"Posted on March 3, 2011\n\n{TITLE}\n\n{BYLINE}\n\n{BODY}"

FIELDS = ("id", "title", "published", "text", "url", "source", "lang")
RECORDS = [
    {"id": "ledger-1", "title": "Rain Closes a Crossing", "published": "2011-04-02",
     "text": "Heavy rain closed the low-water crossing near Presidio on Friday.",
     "url": "https://example.org/ledger-1", "source": "Desert Ledger", "lang": "en"},
    {"id": "gaceta-7", "title": "Abre el mercado", "published": "2011-04-05",
     "text": "El mercado de Naco abrió sus puertas el sábado con más de cuarenta puestos.",
     "url": "https://example.org/gaceta-7", "source": "Gaceta del Norte", "lang": "es"},
]


def documents(items) -> list[Document]:
    assert all(isinstance(i, Document) for i in items), [str(i) for i in items]
    return list(items)


def split(items):
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputFileError)]
    assert len(docs) + len(errors) == len(items)
    return docs, errors


def jsonl(*records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def csv_text(rows, fields=FIELDS) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# -- plain text ----------------------------------------------------------------

def test_plain_text_article_with_a_header(tmp_path):
    path = tmp_path / "quail-count.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [doc] = documents(list(read_documents([str(path)])))
    assert doc.id == "quail-count"
    assert doc.text == ARTICLE
    assert doc.title == TITLE
    assert doc.source == "Desert Ledger"
    # The byline's date (March 1) wins over the "Posted on" date (March 3).
    assert doc.published == "2011-03-01"
    # The body starts just after the byline.
    assert doc.text[:doc.body_start].endswith(BYLINE)
    assert doc.text[doc.body_start:].lstrip() == BODY
    assert doc.origin == str(path)
    assert doc.lang is None and doc.url is None


def test_plain_text_posted_date_when_the_byline_has_none(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(f"Posted on March 3, 2011\n\n{TITLE}\n\nMarta Quintero\n\n{BODY}", encoding="utf-8")
    [doc] = documents(list(read_documents([str(path)], lang="en")))
    assert (doc.title, doc.published, doc.source, doc.lang) == (TITLE, "2011-03-03", None, "en")
    assert doc.text[:doc.body_start].endswith("Marta Quintero")


def test_plain_text_without_a_header(tmp_path):
    path = tmp_path / "note.txt"
    path.write_text(f"{TITLE}\n{BODY}", encoding="utf-8")
    [doc] = documents(list(read_documents([str(path)])))
    assert doc.title == TITLE
    assert (doc.published, doc.source, doc.body_start) == (None, None, 0)


# -- JSONL and CSV -------------------------------------------------------------

def test_jsonl_records(tmp_path):
    path = tmp_path / "articles.jsonl"
    path.write_text(jsonl(*RECORDS), encoding="utf-8")
    docs = documents(list(read_documents([str(path)])))
    assert [d.id for d in docs] == ["ledger-1", "gaceta-7"]
    for doc, record in zip(docs, RECORDS):
        assert (doc.id, doc.title, doc.published, doc.text, doc.url, doc.source, doc.lang) == tuple(
            record[f] for f in FIELDS)
        assert doc.body_start == 0
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:2"]


def test_jsonl_defaults_and_written_dates(tmp_path):
    path = tmp_path / "few.jsonl"
    path.write_text(jsonl({"text": "No id here."},
                          {"id": "x", "text": "Dated.", "published": "April 9, 2011"},
                          {"id": "y", "text": "ISO with a time.", "published": "2011-04-10T08:30:00Z"}),
                    encoding="utf-8")
    docs = documents(list(read_documents([str(path)], lang="es")))
    assert [d.id for d in docs] == ["few-1", "x", "y"]
    assert [d.published for d in docs] == [None, "2011-04-09", "2011-04-10"]
    assert [d.lang for d in docs] == ["es"] * 3  # no lang field: the one given


def test_csv_records_with_a_multi_line_text(tmp_path):
    rows = [dict(RECORDS[0], text="First line.\nSecond line, with a comma.\n\n\"Quoted\" third."),
            dict(RECORDS[1], published="5 de abril de 2011")]
    path = tmp_path / "articles.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    raw = path.read_text(encoding="utf-8")
    assert ',"First line.\nSecond line, with a comma.\n\n""Quoted"" third.",' in raw
    assert raw.count("\n") == 6  # the header, four lines for the first record, one for the second
    docs = documents(list(read_documents([str(path)])))
    assert docs[0].text == rows[0]["text"]
    assert (docs[0].id, docs[0].title, docs[0].url, docs[0].source, docs[0].lang) == (
        "ledger-1", "Rain Closes a Crossing", "https://example.org/ledger-1", "Desert Ledger", "en")
    assert docs[1].text == RECORDS[1]["text"]
    assert docs[1].published == "2011-04-05"
    # Origins name the line each record starts on.
    assert [d.origin for d in docs] == [f"{path}:2", f"{path}:6"]


def test_folder_of_mixed_files_in_sorted_order(tmp_path):
    folder = tmp_path / "inbox"
    (folder / "sub").mkdir(parents=True)
    (folder / "c.csv").write_text(csv_text([RECORDS[1]]), encoding="utf-8")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "d.txt").write_text("Short note\nAbout Naco.\n", encoding="utf-8")
    (folder / "b.jsonl").write_text(jsonl(RECORDS[0], {"id": "b-2", "text": "Second."}), encoding="utf-8")
    (folder / "notes.log").write_text("not an article", encoding="utf-8")
    docs = documents(list(read_documents([str(folder)])))
    assert [d.id for d in docs] == ["a", "ledger-1", "b-2", "gaceta-7", "d"]
    assert docs[0].title == TITLE
    assert docs[-1].origin == str(folder / "sub" / "d.txt")


# -- bad input ----------------------------------------------------------------

def test_bad_jsonl_lines_are_errors_between_good_records(tmp_path):
    path = tmp_path / "mixed.jsonl"
    good = [{"id": f"g{i}", "text": f"Record {i}."} for i in range(1, 4)]
    data = (jsonl(good[0]).encode() + b"{not json at all\n" + jsonl(good[1]).encode()
            + b'{"id": "no-text", "title": "Title only"}\n'
            + b'{"id": "latin1", "text": "Ciudad Ju\xe1rez"}\n' + jsonl(good[2]).encode())
    path.write_bytes(data)
    items = list(read_documents([str(path)]))
    assert [type(i) for i in items] == [Document, InputFileError, Document, InputFileError,
                                        InputFileError, Document]
    docs, errors = split(items)
    assert [d.id for d in docs] == ["g1", "g2", "g3"]
    assert [e.line for e in errors] == [2, 4, 5]
    assert str(errors[0]).startswith(f"{path}:2: not JSON")
    assert str(errors[1]).startswith(f"{path}:4: ") and "text" in str(errors[1])
    assert str(errors[2]).startswith(f"{path}:5: ") and "UTF-8" in str(errors[2])
    assert all(e.path == str(path) for e in errors)


def test_csv_row_with_bad_bytes_is_an_error_naming_its_line(tmp_path):
    path = tmp_path / "rows.csv"
    head = csv_text([dict(RECORDS[0], text="One\ntwo")]).encode()
    path.write_bytes(head + b"bad,T,,caf\xe9 text,,,\n" + b"ok,T,,fine,,,\n")
    items = list(read_documents([str(path)]))
    docs, errors = split(items)
    assert [d.id for d in docs] == ["ledger-1", "ok"]
    assert [str(e).split(": ")[0] for e in errors] == [f"{path}:4"]
    assert isinstance(items[1], InputFileError)


def test_csv_without_a_text_column(tmp_path):
    before = tmp_path / "before.jsonl"
    before.write_text(jsonl(RECORDS[0]), encoding="utf-8")
    bad = tmp_path / "no-text.csv"
    bad.write_text("id,title,body\n1,A title,Some body.\n", encoding="utf-8")
    after = tmp_path / "after.txt"
    after.write_text(ARTICLE, encoding="utf-8")
    items = list(read_documents([str(before), str(bad), str(after)]))
    assert [type(i) for i in items] == [Document, InputFileError, Document]
    error = items[1]
    assert str(error).startswith(f"{bad}:1: ")
    assert "text" in error.message
    assert [items[0].id, items[2].id] == ["ledger-1", "after"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t\n"])
def test_empty_text_is_a_document_not_an_error(tmp_path, text):
    path = tmp_path / "empty.jsonl"
    path.write_text(jsonl({"id": "e", "text": text}), encoding="utf-8")
    csv_path = tmp_path / "empty.csv"
    csv_path.write_text(csv_text([{"id": "c", "text": text}]), encoding="utf-8")
    docs = documents(list(read_documents([str(path), str(csv_path)])))
    assert [(d.id, d.text) for d in docs] == [("e", text), ("c", text)]
    assert [d.body_start for d in docs] == [0, 0]


def test_empty_text_file_is_a_document(tmp_path):
    path = tmp_path / "blank.txt"
    path.write_text("  \n", encoding="utf-8")
    [doc] = documents(list(read_documents([str(path)])))
    assert (doc.id, doc.text, doc.title) == ("blank", "  \n", None)
