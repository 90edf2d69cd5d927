"""What the store keeps of one article, as plain rows: made from a
geoparsed Document (in a worker process when extraction is distributed),
then written by the store. Every column is named here once; both backends
build their tables from these lists.

An article is known by its URL when it has one, and by its content (a hash
of its title, date and text) always: the same URL with the same content is
unchanged, the same URL with other content is an update, and the same
content under another URL (or none) is a duplicate.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import struct
from dataclasses import dataclass, field

from maps.frame import COLUMNS, event_row

# Columns of the articles table, after its integer key "fid".
ARTICLE_COLUMNS: dict[str, str] = {
    "url": "text", "content_hash": "text", "revision": "integer", "doc_id": "text", "title": "text",
    "published": "text", "source": "text", "lang": "text", "origin": "text", "mentions": "integer",
    "events": "integer", "ingested_at": "text", "text": "text",
}
# Columns of the mentions table, after "fid", the geometry (a point) and "article_fid".
MENTION_COLUMNS: dict[str, str] = {
    "start": "integer", "end": "integer", "text": "text", "place_id": "text", "name": "text",
    "feature": "text", "admin1": "text", "country": "text", "lat": "real", "lon": "real",
    "confidence": "real", "reason": "text",
}
# Columns of maps.frame.COLUMNS that come from incidents: the events table keeps each event's incident
# and its size (how many articles report it); the other sources are read from the incidents table
# (stored on every event they would grow as the square of an incident's size).
INCIDENT_COLUMNS = ("incident_id", "incident_size", "other_sources")
_SQL_TYPES = {"string": "text", "Int64": "integer", "Float64": "real"}
# Columns of the events table, after "fid", the geometry and "article_fid": the events table's
# schema (maps.frame.COLUMNS), then what the store needs to filter and rebuild events.
EVENT_COLUMNS: dict[str, str] = {
    "seq": "integer",
    **{name: _SQL_TYPES[dtype] for name, dtype in COLUMNS.items() if name not in INCIDENT_COLUMNS},
    "first_day": "integer", "last_day": "integer", "quantities_json": "text",
}
# ... then the key of its place's shape when that is kept apart (see SHAPE_INLINE_BYTES), and the
# columns the incidents step fills.
ALL_EVENT_COLUMNS: dict[str, str] = {**EVENT_COLUMNS, "shape_key": "text", "incident_id": "text",
                                     "incident_size": "integer"}
# Columns of the incidents table, after "fid" and the geometry (the members' mean point).
INCIDENT_TABLE_COLUMNS: dict[str, str] = {
    "id": "text", "type": "text", "events": "integer", "articles": "integer", "first_date": "text",
    "last_date": "text", "lat": "real", "lon": "real", "sources": "text", "sources_json": "text",
}
# Every table: its geometry type (None: a table of attributes), and its columns after "fid" and the
# geometry. "shapes" holds the large shapes events share (a country's, a state's polygon) once.
TABLES: dict[str, tuple[str | None, dict[str, str]]] = {
    "articles": (None, ARTICLE_COLUMNS),
    "mentions": ("POINT", {"article_fid": "integer", **MENTION_COLUMNS}),
    "events": ("GEOMETRY", {"article_fid": "integer", **ALL_EVENT_COLUMNS}),
    "incidents": ("POINT", INCIDENT_TABLE_COLUMNS),
    "shapes": ("GEOMETRY", {"key": "text"}),
}
# A place's shape bigger than this (as WKB) is stored once in "shapes", and the event's own geometry
# in the events table is its point: a country's polygon is 200 KB, and hundreds of events carry it.
SHAPE_INLINE_BYTES = 4096
_EVENT_FLAT = tuple(name for name in EVENT_COLUMNS if name not in ("seq", "first_day", "last_day",
                                                                   "quantities_json"))


@dataclass(slots=True)
class EventRow:
    values: tuple  # in EVENT_COLUMNS order
    wkb: bytes | None = None  # the place's geometry, WKB (little-endian), or None
    bounds: tuple[float, float, float, float] | None = None  # minx, miny, maxx, maxy; None for a point
    shape_key: str | None = None  # a hash of the WKB, when it is too big to store with the event


@dataclass(slots=True)
class ArticleRecord:
    """One geoparsed article, ready to write."""

    url: str | None
    content_hash: str
    doc_id: str
    title: str | None
    published: str | None
    source: str | None
    lang: str | None
    origin: str
    text: str
    mentions: list[tuple] = field(default_factory=list)  # MENTION_COLUMNS order
    events: list[EventRow] = field(default_factory=list)

    def article_values(self, revision: int, ingested_at: str) -> tuple:
        return (self.url, self.content_hash, revision, self.doc_id, self.title, self.published, self.source,
                self.lang, self.origin, len(self.mentions), len(self.events), ingested_at, self.text)


def content_hash(doc) -> str:
    """The hash that says two articles are the same text (title, date, body)."""
    digest = hashlib.sha256()
    for part in (doc.title or "", doc.published or "", doc.text):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x1f")
    return digest.hexdigest()


def article_url(doc) -> str | None:
    return (doc.url or "").strip() or None


def record_of(doc, digest: str | None = None) -> ArticleRecord:
    """The rows of a geoparsed Document."""
    mentions = [tuple(getattr(m, name) for name in MENTION_COLUMNS) for m in doc.mentions]
    return ArticleRecord(
        url=article_url(doc), content_hash=digest or content_hash(doc), doc_id=doc.id, title=doc.title,
        published=doc.published, source=doc.source, lang=doc.lang, origin=doc.origin, text=doc.text,
        mentions=mentions, events=event_rows(doc.events),
    )


def event_rows(events) -> list[EventRow]:
    """Flat rows of Events, their geometries cleaned as ``maps.frame.events_frame`` cleans them."""
    rows = []
    for seq, event in enumerate(events):
        record = _without_geometry(event)
        flat = event_row(record)
        first, last = day_span(event.date, event.date_precision)
        quantities = json.dumps(record["quantities"], ensure_ascii=False) if record["quantities"] else None
        values = (seq, *(flat[name] for name in _EVENT_FLAT), first, last, quantities)
        rows.append(EventRow(_plain(values), *shape_of(event.place.geometry)))
    return rows


def _without_geometry(event) -> dict:
    """``Event.to_dict()`` but the place's geometry, which the store writes as
    WKB: turning a country's polygon into GeoJSON would cost more than the
    rest of the article."""
    place = event.place
    geometry, place.geometry = place.geometry, None
    try:
        return event.to_dict()
    finally:
        place.geometry = geometry


_SHAPES: dict[int, tuple] = {}  # id(geometry) → (geometry, WKB, bounds): areas recur, points do not
SHAPE_CACHE_SIZE = 512


def shape_of(geometry) -> tuple[bytes | None, tuple | None, str | None]:
    """(WKB, bounds — None for a point, key — None unless it is bigger than
    SHAPE_INLINE_BYTES) of a place's geometry, cleaned as
    ``maps.frame.clean_geometries`` cleans it; Nones for none."""
    if geometry is None:
        return None, None, None
    if geometry.geom_type == "Point":
        return _shape(geometry)
    cached = _SHAPES.get(id(geometry))
    if cached is None or cached[0] is not geometry:
        if len(_SHAPES) >= SHAPE_CACHE_SIZE:
            _SHAPES.clear()
        cached = _SHAPES[id(geometry)] = (geometry, *_shape(geometry))
    return cached[1:]


def _shape(geometry) -> tuple[bytes | None, tuple | None, str | None]:
    import shapely

    from maps.frame import clean_geometries

    (clean,) = clean_geometries([geometry])
    if clean is None:
        return None, None, None
    bounds = None if clean.geom_type == "Point" else tuple(float(v) for v in clean.bounds)
    wkb = shapely.to_wkb(clean, byte_order=1)
    key = hashlib.sha1(wkb).hexdigest()[:24] if len(wkb) > SHAPE_INLINE_BYTES else None
    return wkb, bounds, key


def _plain(values: tuple) -> tuple:
    """Python scalars only (no NaN: a missing number is None)."""
    out = []
    for value in values:
        if isinstance(value, float) and value != value:
            value = None
        out.append(value)
    return tuple(out)


def day_span(date: str | None, precision: str | None) -> tuple[int | None, int | None]:
    """The first and last day (proleptic ordinals) an event's date stands
    for: its month or year when that is all it gives, else the day."""
    if not isinstance(date, str):
        return None, None
    try:
        first = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None, None
    last = first
    if precision == "month":
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    elif precision == "year":
        last = first.replace(month=12, day=31)
    return first.toordinal(), last.toordinal()


def point_wkb(lon: float | None, lat: float | None) -> bytes | None:
    """WKB of a point (little-endian), or None without coordinates."""
    if lon is None or lat is None:
        return None
    return struct.pack("<BIdd", 1, 1, lon, lat)


def now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
