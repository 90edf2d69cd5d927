"""The event store's interface, and what its backends share.

A store holds four tables: articles, their place mentions, their events
and the incidents the events are grouped into, with spatial indexes on the
last three. ``EventStore`` owns the logic — is an article new, unchanged,
a duplicate or an update; replacing an updated article's rows; keeping
incidents right; filtering events — in SQL both backends speak. A backend
(``geopackage``, ``postgis``) connects, creates its tables and says how it
spells parameters, geometries and a spatial filter.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from functools import cached_property

from geo.incidents import GROUPED_PRECISIONS

from .incidents import CANDIDATE_COLUMNS, regroup, stored_event
from .records import (
    ALL_EVENT_COLUMNS,
    ARTICLE_COLUMNS,
    EVENT_COLUMNS,
    INCIDENT_TABLE_COLUMNS,
    MENTION_COLUMNS,
    ArticleRecord,
    now,
    point_wkb,
)

SCHEMA_VERSION = "3"
# Schemas a store is brought up to date from when opened for writing (reading needs nothing); its
# events wait to be grouped again. 1: incidents were chained pairs, with other ids. 2: events dated
# only by their article were left out of incidents.
UPGRADES_FROM = ("1", "2")
# What writing an article did.
NEW, UPDATED, UNCHANGED, DUPLICATE = "new", "updated", "unchanged", "duplicate"
# Columns written by the feature inserts, after the geometry.
FEATURE_COLUMNS = {"mentions": ("article_fid", *MENTION_COLUMNS),
                   "events": ("article_fid", *EVENT_COLUMNS, "shape_key"),
                   "incidents": tuple(INCIDENT_TABLE_COLUMNS), "shapes": ("key",)}
_MENTION_LAT, _MENTION_LON = list(MENTION_COLUMNS).index("lat"), list(MENTION_COLUMNS).index("lon")
_EVENT_LAT, _EVENT_LON = list(EVENT_COLUMNS).index("lat"), list(EVENT_COLUMNS).index("lon")
_INCIDENT_LAT, _INCIDENT_LON = (list(INCIDENT_TABLE_COLUMNS).index("lat"),
                                list(INCIDENT_TABLE_COLUMNS).index("lon"))


@dataclass(frozen=True, slots=True)
class Known:
    """An article the store holds already."""

    fid: int
    url: str | None
    content_hash: str
    revision: int


# The events of one type that incidents group (with a day, placed), as geo.incidents.report_of.
_PRECISIONS = ", ".join(f"'{precision}'" for precision in GROUPED_PRECISIONS)
_GROUPED = f"type = {{p}} AND date_precision IN ({_PRECISIONS}) AND lat IS NOT NULL AND lon IS NOT NULL"


def chunks(values: list, size: int = 500):
    """``values`` in slices short enough for one IN (...) list."""
    for start in range(0, len(values), size):
        yield values[start:start + size]


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class EventStore(ABC):
    """Articles, mentions, events and incidents in a spatial database.

    Open one with ``maps.store.open_store``; use it as a context manager.
    Writing: ``known`` (would this article change anything?),
    ``write_articles`` (one transaction), ``refresh_incidents``. Reading:
    ``event_rows`` (filtered), ``counts``.
    """

    param = "?"  # how the backend's driver spells a query parameter
    target: str = ""  # what was opened, for messages (no password)
    readonly: bool = False

    # -- what a backend provides ------------------------------------------------------------

    @abstractmethod
    def _close(self) -> None:
        """Finish writing (extents) and close the connection."""

    @abstractmethod
    def _transaction(self):
        """A context manager: one transaction, committed when the block ends
        normally and rolled back otherwise."""

    @abstractmethod
    def _execute(self, sql: str, params=()) -> list[tuple]:
        """Run one statement; the rows it returns (empty for none)."""

    @abstractmethod
    def _executemany(self, sql: str, rows) -> None: ...

    @abstractmethod
    def _table(self, name: str) -> str:
        """The quoted name of a table."""

    @abstractmethod
    def _insert_features(self, table: str, rows: list[tuple]) -> None:
        """Insert rows of a feature table: (WKB or None, bounds or None for a
        point, *values in FEATURE_COLUMNS[table] order)."""

    @abstractmethod
    def _geometry_out(self, column: str) -> str:
        """The SQL expression a geometry column is read through."""

    @abstractmethod
    def _wkb(self, value) -> bytes | None:
        """WKB from what ``_geometry_out`` gives."""

    @abstractmethod
    def _in_box(self, table: str, west: float, south: float, east: float, north: float) -> tuple[str, list]:
        """A WHERE clause (and its parameters) keeping the rows of ``table``
        whose geometry's box meets the box given, by the spatial index."""

    @abstractmethod
    def _insert_returning_fid(self, sql: str, params) -> int: ...

    # -- opening and closing -----------------------------------------------------------------------

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        self.close(regroup=kind is None)

    def close(self, *, regroup: bool = True) -> None:
        """Group the events still waiting for their incident (unless
        ``regroup`` is false, as when an error is on its way), then close."""
        try:
            if regroup and not self.readonly and getattr(self, "_conn", None) is not None:
                self.refresh_incidents()
        finally:
            self._close()

    @cached_property
    def _sql(self) -> dict[str, str]:
        """The statements used once per article or event, spelled once."""
        p, t = self.param, self._table
        articles = ", ".join(quote(c) for c in ARTICLE_COLUMNS)
        candidates = ", ".join(quote(c) for c in CANDIDATE_COLUMNS)
        grouped = _GROUPED.format(p=p)
        return {
            "find": f"SELECT fid, url, content_hash, revision FROM {t('articles')} "
                    f"WHERE url = {p} OR content_hash = {p} ORDER BY fid",
            "insert_article": f"INSERT INTO {t('articles')} ({articles}) "
                              f"VALUES ({', '.join([p] * len(ARTICLE_COLUMNS))})",
            "update_article": f"UPDATE {t('articles')} SET "
                              + ", ".join(f"{quote(c)} = {p}" for c in ARTICLE_COLUMNS) + f" WHERE fid = {p}",
            "candidates": f"SELECT {candidates} FROM {t('events')}",
            "of_type": f"SELECT {candidates} FROM {t('events')} WHERE {grouped} "
                       f"AND first_day BETWEEN {p} AND {p}",
            "next_day": f"SELECT min(first_day) FROM {t('events')} WHERE {grouped} AND first_day >= {p}",
            "set_incident": f"UPDATE {t('events')} SET incident_id = {p}, incident_size = {p} "
                            f"WHERE fid = {p}",
        }

    def _marks(self, values) -> str:
        return ", ".join([self.param] * len(values))

    # -- articles ------------------------------------------------------------------------------

    def known(self, url: str | None, content_hash: str) -> str | None:
        """What writing an article with this URL and content hash would do
        when it changes nothing: ``"unchanged"`` or ``"duplicate"``; None
        when it is new or an update."""
        return self._decide(url, content_hash)[0]

    def write_articles(self, records: list[ArticleRecord]) -> list[str]:
        """Write geoparsed articles in one transaction: each is new (added),
        an update of an article with the same URL (its old mentions and
        events replaced), unchanged or a duplicate (left alone). Their events
        wait for ``refresh_incidents`` (or ``close``) to be grouped. Returns
        what happened to each: "new", "updated", "unchanged" or "duplicate"."""
        outcomes, mentions, events, shapes = [], [], [], {}
        stamp = now()
        with self._transaction():
            for record in records:
                outcome, known = self._decide(record.url, record.content_hash)
                if outcome is not None:
                    outcomes.append(outcome)
                    continue
                if known is not None:
                    self._remove_rows(known.fid)
                    fid = known.fid
                    values = record.article_values(known.revision + 1, stamp)
                    self._execute(self._sql["update_article"], (*values, fid))
                    outcomes.append(UPDATED)
                else:
                    values = record.article_values(1, stamp)
                    fid = self._insert_returning_fid(self._sql["insert_article"], values)
                    outcomes.append(NEW)
                mentions += [(point_wkb(m[_MENTION_LON], m[_MENTION_LAT]), None, fid, *m)
                             for m in record.mentions]
                for e in record.events:
                    if e.shape_key is None:
                        events.append((e.wkb, e.bounds, fid, *e.values, None))
                    else:  # the shape once, in "shapes"; the event's own geometry is its point
                        shapes[e.shape_key] = (e.wkb, e.bounds, e.shape_key)
                        point = point_wkb(e.values[_EVENT_LON], e.values[_EVENT_LAT])
                        events.append((point, None, fid, *e.values, e.shape_key))
            self._insert_features("mentions", mentions)
            self._insert_features("events", events)
            self._add_shapes(shapes)
        return outcomes

    def write_article(self, record: ArticleRecord) -> str:
        return self.write_articles([record])[0]

    def revision(self, url_or_hash: str) -> int | None:
        """The revision of the article with this URL or content hash (1 when
        first written, one more each update), or None when not stored."""
        rows = self._execute(self._sql["find"], (url_or_hash, url_or_hash))
        return rows[0][3] if rows else None

    has_article = revision

    def _add_shapes(self, shapes: dict[str, tuple]) -> None:
        keys = sorted(shapes)
        for chunk in chunks(keys):
            for (key,) in self._execute(f"SELECT key FROM {self._table('shapes')} "
                                        f"WHERE key IN ({self._marks(chunk)})", chunk):
                shapes.pop(key)
        self._insert_features("shapes", list(shapes.values()))

    def _decide(self, url, content_hash) -> tuple[str | None, Known | None]:
        known = [Known(*row) for row in self._execute(self._sql["find"], (url, content_hash))]
        same_url = next((k for k in known if url is not None and k.url == url), None)
        if same_url is not None:
            return (UNCHANGED, same_url) if same_url.content_hash == content_hash else (None, same_url)
        if any(k.content_hash == content_hash for k in known):
            return DUPLICATE, None
        return None, None

    def _remove_rows(self, article_fid: int) -> None:
        """Delete an article's mentions and events, and the incidents those
        events were in: their other events wait to be grouped again."""
        p, events = self.param, self._table("events")
        stale = [row[0] for row in self._execute(
            f"SELECT DISTINCT incident_id FROM {events} WHERE article_fid = {p} AND incident_id IS NOT NULL",
            (article_fid,))]
        self._execute(f"DELETE FROM {events} WHERE article_fid = {p}", (article_fid,))
        self._execute(f"DELETE FROM {self._table('mentions')} WHERE article_fid = {p}", (article_fid,))
        for chunk in chunks(stale):
            marks = self._marks(chunk)
            self._execute(f"UPDATE {events} SET incident_id = NULL, incident_size = NULL "
                          f"WHERE incident_id IN ({marks})", chunk)
            self._execute(f"DELETE FROM {self._table('incidents')} WHERE id IN ({marks})", chunk)

    # -- incidents ------------------------------------------------------------------------------------

    def refresh_incidents(self) -> int:
        """Group the events waiting for their incident, in one transaction
        (``maps.store.incidents``); returns how many incidents were written."""
        with self._transaction():
            return regroup(self)

    def waiting_events(self) -> list:
        """Events not yet grouped into an incident, in the order stored."""
        rows = self._execute(self._sql["candidates"] + " WHERE incident_id IS NULL ORDER BY article_fid, seq")
        return [stored_event(row) for row in rows]

    def events_of_type(self, kind: str, first_day: int, last_day: int) -> list:
        """The events of type ``kind`` that incidents group (dated to the
        day, placed) whose day is in ``first_day..last_day`` (ordinals)."""
        return [stored_event(row) for row in self._execute(self._sql["of_type"], (kind, first_day, last_day))]

    def next_event_day(self, kind: str, day: int) -> int | None:
        """The first day on or after ``day`` with an event of type ``kind`` that incidents group."""
        return self._execute(self._sql["next_day"], (kind, day))[0][0]

    def replace_incidents(self, stale: set[str], rows: list[tuple], updates: list[tuple]) -> None:
        """Delete the incidents ``stale``, write ``rows`` (INCIDENT_TABLE_COLUMNS
        order) and set each event's incident (``updates``: incident id, its
        number of articles, event fid)."""
        for chunk in chunks(sorted(stale)):
            self._execute(f"DELETE FROM {self._table('incidents')} WHERE id IN ({self._marks(chunk)})", chunk)
        self._insert_features("incidents", [(point_wkb(r[_INCIDENT_LON], r[_INCIDENT_LAT]), None, *r)
                                            for r in rows])
        self._executemany(self._sql["set_incident"], updates)

    # -- reading -------------------------------------------------------------------------------------

    def event_rows(self, selection=None) -> tuple[list[str], list[tuple], list]:
        """(column names, rows, shapely geometries) of the stored events that
        ``selection`` (a ``maps.store.query.EventSelection``) keeps, in the
        order they were stored; the last column is the JSON of the sources of
        the event's incident."""
        import shapely

        where, params = self._where(selection)
        names = list(ALL_EVENT_COLUMNS)
        columns = ", ".join([self._geometry_out("geom"), "article_fid", *(quote(c) for c in names)])
        sql = f"SELECT {columns} FROM {self._table('events')}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        rows = self._execute(sql + " ORDER BY article_fid, seq, fid", params)
        key = names.index("shape_key") + 2
        shapes = self._shapes(sorted({row[key] for row in rows} - {None}))
        geometries = shapely.from_wkb([shapes[row[key]] if row[key] else self._wkb(row[0]) for row in rows])
        rows = [row[1:] for row in rows]
        if selection is not None and selection.area is not None and rows:
            keep = selection.keeps(geometries, rows, names)
            rows = [row for row, k in zip(rows, keep) if k]
            geometries = geometries[keep]
        incident = names.index("incident_id") + 1
        sources = self._incident_sources(sorted({row[incident] for row in rows} - {None}))
        rows = [(*row, sources.get(row[incident])) for row in rows]
        return ["article_fid", *names, "incident_sources"], rows, list(geometries)

    def _where(self, selection) -> tuple[list[str], list]:
        p = self.param
        where, params = [], []
        if selection is None:
            return where, params
        if selection.types:
            where.append(f"type IN ({self._marks(selection.types)})")
            params += list(selection.types)
        if selection.first_day is not None:
            where.append(f"last_day >= {p}")
            params.append(selection.first_day)
        if selection.last_day is not None:
            where.append(f"first_day <= {p}")
            params.append(selection.last_day)
        box = selection.box()
        if box is not None:
            clause, more = self._in_box("events", *box)
            shaped, more_shaped = self._in_box("shapes", *box)
            west, south, east, north = box
            # An event whose shape is kept apart is in the box when its shape is; one without a
            # geometry is placed by its lat/lon, if any.
            shapes = self._table("shapes")
            where.append(f"({clause} OR shape_key IN (SELECT key FROM {shapes} WHERE {shaped}) "
                         f"OR (geom IS NULL AND lon BETWEEN {p} AND {p} AND lat BETWEEN {p} AND {p}))")
            params += [*more, *more_shaped, west, east, south, north]
        return where, params

    def _shapes(self, keys: list[str]) -> dict[str, bytes]:
        found = {}
        for chunk in chunks(keys):
            found.update((key, self._wkb(value)) for key, value in self._execute(
                f"SELECT key, {self._geometry_out('geom')} FROM {self._table('shapes')} "
                f"WHERE key IN ({self._marks(chunk)})", chunk))
        return found

    def _incident_sources(self, ids: list[str]) -> dict[str, str]:
        found = {}
        for chunk in chunks(ids):
            found.update(self._execute(f"SELECT id, sources_json FROM {self._table('incidents')} "
                                       f"WHERE id IN ({self._marks(chunk)})", chunk))
        return found

    def counts(self) -> dict[str, int]:
        """How many articles, mentions, events and incidents are stored, and
        how many incidents more than one article reports."""
        out = {name: self._execute(f"SELECT count(*) FROM {self._table(name)}")[0][0]
               for name in ("articles", "mentions", "events", "incidents")}
        out["incidents_across_articles"] = self._execute(
            f"SELECT count(*) FROM {self._table('incidents')} WHERE articles > 1")[0][0]
        return out

    def _check_schema(self) -> None:
        rows = self._execute(f"SELECT value FROM {self._table('bordermap_meta')} WHERE key = 'schema'")
        found = rows[0][0] if rows else "none"
        if found != SCHEMA_VERSION and found not in UPGRADES_FROM:
            raise self._error(f"made by another version of bordermap (schema {found}, "
                              f"expected {SCHEMA_VERSION})")

    def _upgrade(self) -> None:
        """Bring the store up to date, in the open write transaction (which
        this write also proves possible)."""
        meta = self._table("bordermap_meta")
        if self._execute(f"SELECT value FROM {meta} WHERE key = 'schema'")[0][0] != SCHEMA_VERSION:
            self._execute(f"UPDATE {self._table('events')} SET incident_id = NULL, incident_size = NULL")
            self._execute(f"DELETE FROM {self._table('incidents')}")
        self._execute(f"UPDATE {meta} SET value = {self.param} WHERE key = 'schema'", (SCHEMA_VERSION,))

    def _error(self, message: str):
        from maps.errors import StoreError

        return StoreError(self.target, message)
