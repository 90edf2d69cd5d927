"""Reading articles: plain text with a header, JSONL, CSV, web pages (HTML),
RSS and Atom feeds, folders, stdin.

Readers yield Documents and, for records that cannot be read, InputFileErrors
naming the file and line, so that one bad line never stops the batch. Text is
decoded as UTF-8; a record holding undecodable bytes is reported and skipped.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from gazetteer.errors import InputFileError

from .dates import find_date
from .document import Document

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
MIN_ARTICLE_WORDS = 5  # a page whose main text is shorter is a menu, not an article
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
_POSTED = re.compile(r"^\s*(posted|published|publicado)\b.*", re.IGNORECASE)
_ID_SAFE = re.compile(r"[^A-Za-z0-9_.-]+")

csv.field_size_limit(1 << 26)


_BAD_BYTES = re.compile("[\udc80-\udcff]")  # what undecodable bytes become under surrogateescape


def _has_bad_bytes(text: str) -> bool:
    return _BAD_BYTES.search(text) is not None


def _clean(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None


def document_from_record(record: dict, default_id: str, origin: str, lang: str | None) -> Document:
    """A Document from a JSONL/CSV record (``text`` required)."""
    if not isinstance(record, dict):
        raise ValueError("record is not an object")
    text = record.get("text")
    if text is None:
        raise ValueError("missing 'text' field")
    if not isinstance(text, str):
        raise ValueError("'text' is not a string")
    published = _clean(record.get("published"))
    if published and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", published[:10]):
        published = find_date(published) or published
    _title, _source, _date, body_start = read_header(text)
    return Document(
        id=_clean(record.get("id")) or default_id,
        text=text,
        title=_clean(record.get("title")),
        published=published[:10] if published else None,
        lang=_clean(record.get("lang")) or lang,
        url=_clean(record.get("url")) or _clean(record.get("source_url")),
        source=_clean(record.get("source")),
        origin=origin,
        body_start=body_start,
    )


def read_header(text: str) -> tuple[str | None, str | None, str | None, int]:
    """(title, source, published, body_start) of an article that opens with
    a header like the project's seed article: a "Posted on <date>" line, the
    title, and a byline "Author, Publication, Date". No header: Nones and 0."""
    blocks: list[tuple[int, str]] = []  # offset and text of the first non-empty lines
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append((offset, line))
        if len(blocks) >= 3:
            break
        offset += len(line) + 1
    if len(blocks) < 3 or not _POSTED.match(blocks[0][1]):
        return None, None, None, 0
    title = blocks[1][1].strip()
    byline = blocks[2][1].strip()
    published = find_date(byline) or find_date(blocks[0][1])
    parts = [p.strip() for p in byline.split(",")]
    source = parts[1] if len(parts) >= 3 and find_date(byline) else None
    return title, source, published, blocks[2][0] + len(blocks[2][1])


def parse_plain_text(text: str, doc_id: str, origin: str, lang: str | None) -> Document:
    """An article as plain text; offsets always count from the start of the
    file. Without a header, a short first line followed by more text is
    taken as the title."""
    title, source, published, body_start = read_header(text)
    if title is None:
        lines = [line.strip() for line in text.split("\n") if line.strip()]
        if len(lines) > 1 and len(lines[0]) < 160:
            title = lines[0]
    return Document(id=doc_id, text=text, title=title, published=published, lang=lang,
                    source=source, origin=origin, body_start=body_start)


def file_stem(path: str) -> str:
    """The id of a file's document, and the stem of its records' ids."""
    return _ID_SAFE.sub("-", Path(path).stem).strip("-") or "document"


def _decode(data: bytes) -> str:
    return data.decode("utf-8", errors="surrogateescape").lstrip("\ufeff")


def read_text_file(path: str, data: bytes, lang: str | None) -> Iterator[Document | InputFileError]:
    text = _decode(data)
    if _has_bad_bytes(text):
        line = text[: next(i for i, c in enumerate(text) if "\udc80" <= c <= "\udcff")].count("\n") + 1
        yield InputFileError(path, line, "bytes that are not UTF-8")
        return
    yield parse_plain_text(text, file_stem(path), path, lang)


def read_jsonl(path: str, data: bytes, lang: str | None) -> Iterator[Document | InputFileError]:
    stem = file_stem(path)
    for number, raw in enumerate(_decode(data).split("\n"), start=1):
        if raw.strip():
            yield jsonl_document(path, number, raw, stem, lang)


def jsonl_document(path: str, number: int, line: str, stem: str, lang: str | None,
                   transform=None) -> Document | InputFileError:
    """The Document of one JSONL line, or the InputFileError naming it;
    ``transform`` maps the record's fields first."""
    if _has_bad_bytes(line):
        return InputFileError(path, number, "bytes that are not UTF-8")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputFileError(path, number, f"not JSON: {exc.msg}")
    try:
        record = transform(record) if transform else record
        return document_from_record(record, f"{stem}-{number}", f"{path}:{number}", lang)
    except ValueError as exc:
        return InputFileError(path, number, str(exc))


def read_csv(path: str, data: bytes, lang: str | None) -> Iterator[Document | InputFileError]:
    stem = file_stem(path)
    delimiter = "\t" if path.endswith(".tsv") else ","
    reader = csv.DictReader(io.StringIO(_decode(data), newline=""), delimiter=delimiter)
    if "text" not in (reader.fieldnames or []):
        yield InputFileError(path, 1, "no 'text' column")
        return
    yield from csv_documents(path, reader, stem, lang)


def csv_documents(path: str, reader: csv.DictReader, stem: str, lang: str | None,
                  transform=None) -> Iterator[Document | InputFileError]:
    """The Documents of a CSV reader's rows, each bad row an InputFileError
    naming the line it starts on; ``transform`` maps a row's fields first."""
    line = reader.line_num
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield InputFileError(path, reader.line_num, f"bad CSV: {exc}")
            return
        start, line = line + 1, reader.line_num
        if any(_has_bad_bytes(v) for v in row.values() if isinstance(v, str)):
            yield InputFileError(path, start, "bytes that are not UTF-8")
            continue
        if None in row:
            yield InputFileError(path, start, "more cells than columns")
            continue
        try:
            record = transform(row) if transform else row
            yield document_from_record(record, f"{stem}-{start}", f"{path}:{start}", lang)
        except ValueError as exc:
            yield InputFileError(path, start, str(exc))


def read_html(path: str, data: bytes, lang: str | None) -> Iterator[Document | InputFileError]:
    """The article of a web page: its main text, title and date (trafilatura),
    without menus, footers and comments."""
    import trafilatura

    page = _decode(data)
    if _has_bad_bytes(page):
        page = data.decode("latin-1")  # old pages without a charset: readable, never fatal
    text = trafilatura.extract(page, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text.split()) < MIN_ARTICLE_WORDS:
        yield InputFileError(path, None, "no article text found in the page")
        return
    meta = trafilatura.extract_metadata(page)
    title = getattr(meta, "title", None) or None
    body_start = 0
    first_line = text.split("\n", 1)[0]
    if title and first_line.strip() == title.strip() and "\n" in text:
        body_start = len(first_line) + 1  # the headline is the title, not the story
    yield Document(
        id=file_stem(path), text=text, title=title, body_start=body_start,
        published=(getattr(meta, "date", None) or None), lang=lang,
        url=getattr(meta, "url", None) or None, source=getattr(meta, "sitename", None) or None,
        origin=path,
    )


def read_feed(path: str, data: bytes, lang: str | None) -> Iterator[Document | InputFileError]:
    """Every item of an RSS or Atom feed, its HTML turned into text."""
    import feedparser

    feed = feedparser.parse(data)
    if feed.bozo and not feed.entries:
        error = feed.get("bozo_exception")
        line = error.getLineNumber() if hasattr(error, "getLineNumber") else None
        yield InputFileError(path, line, f"not a readable feed ({error})")
        return
    stem = file_stem(path)
    for number, entry in enumerate(feed.entries, start=1):
        html = ""
        if entry.get("content"):
            html = " ".join(part.get("value", "") for part in entry["content"])
        html = html or entry.get("summary", "") or entry.get("description", "")
        text = _html_text(html)
        if not text:
            yield InputFileError(path, None, f"item {number} has no text")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        yield Document(
            id=_clean(entry.get("id")) or _clean(entry.get("link")) or f"{stem}-{number}",
            text=text, title=_clean(entry.get("title")), published=published, lang=lang,
            url=_clean(entry.get("link")), source=_clean(feed.feed.get("title")),
            origin=f"{path} item {number}",
        )


def _html_text(html: str) -> str:
    """Plain text of an HTML fragment (a feed item's summary or content)."""
    import html as html_module

    if "<" not in html:
        return html_module.unescape(html).strip()
    import trafilatura

    text = trafilatura.extract(f"<html><body><article>{html}</article></body></html>",
                               include_comments=False, favor_recall=True)
    if text:
        return text.strip()
    return html_module.unescape(re.sub(r"<[^>]+>", " ", html)).strip()


def _reader_for(name: str, data: bytes):
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return read_html
    if suffix in FEED_SUFFIXES:
        return read_feed
    if suffix in JSONL_SUFFIXES:
        return read_jsonl
    if suffix in CSV_SUFFIXES:
        return read_csv
    if suffix in TEXT_SUFFIXES:
        return read_text_file
    if name == "-":
        head = data.lstrip()[:200].lower()
        if head[:1] == b"{":
            return read_jsonl
        if head.startswith(b"<?xml") or b"<rss" in head or b"<feed" in head:
            return read_feed
        if head.startswith((b"<!doctype html", b"<html")):
            return read_html
        return read_text_file
    return None


def expand_inputs(inputs: Iterable[str]) -> Iterator[str]:
    """Files named, and the readable files of folders named (sorted)."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _reader_for(child.name, b"") is not None:
                    yield str(child)
        else:
            yield item


def read_documents(inputs: Iterable[str], lang: str | None = None) -> Iterator[Document | InputFileError]:
    """Documents from files, folders or ``-`` (stdin), in order."""
    for name in expand_inputs(inputs):
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            yield InputFileError(name, None, f"cannot read: {exc.strerror or exc}")
            continue
        reader = _reader_for(name, data)
        if reader is None:
            yield InputFileError(name, None, "unknown file type (expected .txt, .jsonl, .csv, .html, .rss)")
            continue
        yield from reader("<stdin>" if name == "-" else name, data, lang)
