"""Articles from files, as a stream: what ``geo.readers`` reads, with JSONL
and CSV archives read a line at a time (memory stays flat however big the
archive) and their fields renamed by a column map (``text=body,
published=date``) for archives that name them otherwise.

Web pages, feeds and text files are read whole, one file at a time, by
``geo.readers``. Bad records come out as ``InputFileError``s naming the
file and line, between the Documents, exactly as ``geo.readers`` gives them.
"""

from __future__ import annotations

import contextlib
import csv
import io
import itertools
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from gazetteer.errors import InputFileError
from geo.readers import (
    CSV_SUFFIXES,
    FEED_SUFFIXES,
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    TEXT_SUFFIXES,
    csv_documents,
    expand_inputs,
    file_stem,
    jsonl_document,
    read_feed,
    read_html,
    read_text_file,
)
from maps.errors import ColumnMapError

FIELDS = ("id", "title", "published", "text", "url", "source", "lang")
STDIN_PEEK = 4096  # bytes of standard input read to tell what it holds


def parse_column_map(value) -> dict[str, str]:
    """``{"text": "body", ...}`` from "text=body,published=date" (or a dict):
    each article field, and the column or key it is read from."""
    if not value:
        return {}
    pairs = value.items() if isinstance(value, dict) else (
        item.split("=", 1) if "=" in item else (item, "") for item in str(value).split(","))
    mapping: dict[str, str] = {}
    for target, source in pairs:
        target, source = str(target).strip(), str(source).strip()
        if not target or not source:
            raise ColumnMapError(f"bad column map {value!r}: expected FIELD=COLUMN pairs separated by "
                                 "commas, e.g. text=body,published=date")
        if target not in FIELDS:
            raise ColumnMapError(f"bad column map {value!r}: unknown field {target!r} "
                                 f"(fields: {', '.join(FIELDS)})")
        if target in mapping:
            raise ColumnMapError(f"bad column map {value!r}: {target!r} is mapped twice")
        mapping[target] = source
    return mapping


def remap(record, mapping: dict[str, str]):
    """A record with the fields ``mapping`` names taken from their columns."""
    if not mapping or not isinstance(record, dict):
        return record
    source = mapping.get("text")
    if source is not None and source not in record:
        raise ValueError(f"missing '{source}' field (read as the text)")
    out = dict(record)
    for target, column in mapping.items():
        out[target] = record.get(column)
    return out


def input_size(inputs: Iterable[str]) -> int | None:
    """Bytes in the files ``inputs`` names (None when standard input is one)."""
    total = 0
    for name in expand_inputs(inputs):
        if name == "-":
            return None
        with contextlib.suppress(OSError):
            total += Path(name).stat().st_size
    return total


def read_sources(inputs: Iterable[str], *, lang: str | None = None, column_map=None,
                 on_bytes: Callable[[int], None] | None = None) -> Iterator:
    """Documents (and InputFileErrors) from files, folders or ``-``, in
    order; ``on_bytes`` is told how many bytes of input each step read."""
    mapping = parse_column_map(column_map)
    advance = on_bytes or (lambda n: None)
    for name in expand_inputs(inputs):
        suffix = Path(name).suffix.lower()
        try:
            if name == "-":
                yield from _stdin(lang, mapping)
            elif suffix in JSONL_SUFFIXES:
                yield from read_jsonl_stream(name, lang, mapping, advance)
            elif suffix in CSV_SUFFIXES:
                yield from read_csv_stream(name, lang, mapping, advance)
            elif suffix in HTML_SUFFIXES | FEED_SUFFIXES | TEXT_SUFFIXES:
                data = Path(name).read_bytes()
                advance(len(data))
                reader = read_html if suffix in HTML_SUFFIXES else read_feed if suffix in FEED_SUFFIXES \
                    else read_text_file
                yield from reader(name, data, lang)
            else:
                yield InputFileError(name, None,
                                     "unknown file type (expected .txt, .jsonl, .csv, .html, .rss)")
        except OSError as exc:
            yield InputFileError(name, None, f"cannot read: {exc.strerror or exc}")


def read_jsonl_stream(path: str, lang, mapping, advance, stream=None) -> Iterator:
    """The records of a JSONL file, a line at a time."""
    stem = file_stem(path)
    with (open(path, "rb") if stream is None else contextlib.nullcontext(stream)) as f:
        for number, raw in enumerate(f, start=1):
            advance(len(raw))
            line = raw.decode("utf-8", errors="surrogateescape")
            if number == 1:
                line = line.lstrip("\ufeff")
            if line.strip():
                yield jsonl_document(path, number, line, stem, lang, lambda record: remap(record, mapping))


class _Counted(io.RawIOBase):
    """A binary file that reports how many bytes were read from it."""

    def __init__(self, raw, advance):
        self.raw, self.advance = raw, advance

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        n = self.raw.readinto(buffer)
        self.advance(n or 0)
        return n


def read_csv_stream(path: str, lang, mapping, advance) -> Iterator:
    """The rows of a CSV (or TSV) file, a row at a time."""
    stem = file_stem(path)
    text_column = mapping.get("text", "text")
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(io.BufferedReader(_Counted(raw, advance)), encoding="utf-8-sig",
                                errors="surrogateescape", newline="")
        reader = csv.DictReader(text, delimiter="\t" if path.endswith(".tsv") else ",")
        try:
            fields = reader.fieldnames or []
        except csv.Error as exc:
            yield InputFileError(path, 1, f"bad CSV: {exc}")
            return
        if text_column not in fields:
            mapped = f" (read as the text; columns: {', '.join(fields)})" if "text" in mapping else ""
            yield InputFileError(path, 1, f"no '{text_column}' column{mapped}")
            return
        yield from csv_documents(path, reader, stem, lang, lambda row: remap(row, mapping))


def _stdin(lang, mapping) -> Iterator:
    """Standard input: JSONL when it opens with "{" (read a line at a time,
    as a file is), else a feed, a web page or a text (read whole)."""
    stream = sys.stdin.buffer
    head = b""
    while not head.strip():  # enough to see what it is
        chunk = stream.read1(STDIN_PEEK) if hasattr(stream, "read1") else stream.read(STDIN_PEEK)
        if not chunk:
            break
        head += chunk
    start = head.lstrip()[:200].lower()
    if start[:1] == b"{":
        lines = itertools.chain(io.BytesIO(head + stream.readline()), stream)
        yield from read_jsonl_stream("<stdin>", lang, mapping, lambda n: None, lines)
        return
    data = head + stream.read()
    if start.startswith(b"<?xml") or b"<rss" in start or b"<feed" in start:
        yield from read_feed("<stdin>", data, lang)
    elif start.startswith((b"<!doctype html", b"<html")):
        yield from read_html("<stdin>", data, lang)
    else:
        yield from read_text_file("<stdin>", data, lang)
