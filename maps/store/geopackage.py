"""The GeoPackage backend: one SQLite file (OGC GeoPackage 1.4) that QGIS,
GDAL and geopandas open as it is, written with the standard library.

Layers: ``events`` and ``shapes`` (any geometry), ``mentions`` and
``incidents`` (points) as features with the R-tree spatial index extension
(``rtree_<table>_geom`` and its standard triggers), ``articles`` as
attributes. Geometries are
GeoPackage binary blobs (a small header and WKB); the spatial functions the
index triggers call (``ST_MinX``…, ``ST_IsEmpty``) are registered on the
connection, as GDAL and SpatiaLite register theirs. While writing, the file
is in WAL mode (a reader never blocks the writer, a killed writer loses only
its open transaction); closing it returns it to one self-contained file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import time
from pathlib import Path

from .base import FEATURE_COLUMNS, SCHEMA_VERSION, EventStore, quote
from .records import TABLES, now

APPLICATION_ID = 0x47504B47  # "GPKG"
USER_VERSION = 10400
SRS_ID = 4326
LOCK_WAIT_S = 60  # how long a writer waits for another to finish its transaction
WGS84_WKT = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
             'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
             'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AXIS["Latitude",NORTH],'
             'AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]')
RTREE_EXTENSION = "http://www.geopackage.org/spec120/#extension_rtree"
# Feature tables → their geometry type.
FEATURES = {table: geometry for table, (geometry, _columns) in TABLES.items() if geometry}
_SQLITE_TYPES = {"text": "TEXT", "integer": "INTEGER", "real": "REAL"}
_POINT_HEADER = b"GP\x00\x01" + struct.pack("<i", SRS_ID)  # little-endian, no envelope
_BOX_HEADER = b"GP\x00\x03" + struct.pack("<i", SRS_ID)  # little-endian, envelope [minx, maxx, miny, maxy]

SPEC_TABLES = f"""
CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY,
  organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
  description TEXT);
CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
  identifier TEXT UNIQUE, description TEXT DEFAULT '',
  last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
  geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,
  definition TEXT NOT NULL, scope TEXT NOT NULL,
  CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', {SRS_ID}, 'EPSG', {SRS_ID}, '{WGS84_WKT}',
   'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
"""

DESCRIPTIONS = {"articles": "Articles read, one row per article (by URL, else content)",
                "mentions": "Places named in the articles", "events": "Events reported in the articles",
                "incidents": "Incidents: events several articles report, grouped",
                "shapes": "Large shapes of event places (countries, states), stored once"}
META = """
CREATE TABLE bordermap_meta (key TEXT PRIMARY KEY NOT NULL, value TEXT);
INSERT INTO gpkg_contents (table_name, data_type, identifier, description)
  VALUES ('bordermap_meta', 'attributes', 'bordermap_meta', 'The store''s version');
INSERT INTO bordermap_meta VALUES ('schema', '{schema}'), ('created', '{created}');
"""
# A feature table's geometry column, R-tree index and the index extension's triggers
# (GeoPackage 1.4, as GDAL writes them).
RTREE = """
INSERT INTO gpkg_geometry_columns VALUES ('{t}', 'geom', '{kind}', {srs}, 0, 0);
CREATE VIRTUAL TABLE "rtree_{t}_geom" USING rtree(id, minx, maxx, miny, maxy);
INSERT INTO gpkg_extensions VALUES ('{t}', 'geom', 'gpkg_rtree_index', '{ext}', 'write-only');
CREATE TRIGGER "rtree_{t}_geom_insert" AFTER INSERT ON "{t}"
WHEN (new.geom NOT NULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),
  ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "rtree_{t}_geom_update6" AFTER UPDATE OF geom ON "{t}"
WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  AND (OLD.geom NOTNULL AND NOT ST_IsEmpty(OLD.geom))
BEGIN UPDATE "rtree_{t}_geom" SET minx = ST_MinX(NEW.geom), maxx = ST_MaxX(NEW.geom),
  miny = ST_MinY(NEW.geom), maxy = ST_MaxY(NEW.geom) WHERE id = NEW.fid; END;
CREATE TRIGGER "rtree_{t}_geom_update7" AFTER UPDATE OF geom ON "{t}"
WHEN OLD.fid = NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
  AND (OLD.geom ISNULL OR ST_IsEmpty(OLD.geom))
BEGIN INSERT INTO "rtree_{t}_geom" VALUES (NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom),
  ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "rtree_{t}_geom_update2" AFTER UPDATE OF geom ON "{t}"
WHEN OLD.fid = NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid; END;
CREATE TRIGGER "rtree_{t}_geom_update5" AFTER UPDATE ON "{t}"
WHEN OLD.fid != NEW.fid AND (NEW.geom NOTNULL AND NOT ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid; INSERT OR REPLACE INTO "rtree_{t}_geom" VALUES (
  NEW.fid, ST_MinX(NEW.geom), ST_MaxX(NEW.geom), ST_MinY(NEW.geom), ST_MaxY(NEW.geom)); END;
CREATE TRIGGER "rtree_{t}_geom_update4" AFTER UPDATE ON "{t}"
WHEN OLD.fid != NEW.fid AND (NEW.geom ISNULL OR ST_IsEmpty(NEW.geom))
BEGIN DELETE FROM "rtree_{t}_geom" WHERE id IN (OLD.fid, NEW.fid); END;
CREATE TRIGGER "rtree_{t}_geom_delete" AFTER DELETE ON "{t}" WHEN old.geom NOT NULL
BEGIN DELETE FROM "rtree_{t}_geom" WHERE id = OLD.fid; END;
"""

INDEXES = """
CREATE UNIQUE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
CREATE INDEX articles_content_hash ON articles (content_hash);
CREATE INDEX mentions_article ON mentions (article_fid);
CREATE INDEX events_article ON events (article_fid, seq);
CREATE INDEX events_id ON events (id);
CREATE INDEX events_incident ON events (incident_id);
CREATE INDEX events_type_day ON events (type, first_day);
CREATE INDEX events_days ON events (first_day, last_day);
CREATE UNIQUE INDEX incidents_id ON incidents (id);
CREATE UNIQUE INDEX shapes_key ON shapes (key);
"""


def envelope(blob: bytes) -> tuple[float, float, float, float]:
    """(minx, maxx, miny, maxy) of a GeoPackage geometry blob."""
    flags = blob[3]
    if (flags >> 1) & 0b111 == 0:  # no envelope in the header: a point, read from its WKB
        order = "<" if blob[8] == 1 else ">"
        x, y = struct.unpack_from(order + "dd", blob, 13)
        return x, x, y, y
    return struct.unpack_from(("<" if flags & 1 else ">") + "4d", blob, 8)


def header_size(blob: bytes) -> int:
    return 8 + (0, 32, 48, 48, 64)[(blob[3] >> 1) & 0b111]


def _st(index: int):
    def function(blob):
        return None if blob is None else envelope(blob)[index]

    return function


def _is_empty(blob) -> int | None:
    return None if blob is None else (blob[3] >> 4) & 1


def _write_ahead(conn) -> None:
    """WAL mode: readers never block the writer, a killed writer loses only its
    open transaction. Switching needs the file to itself for a moment, and
    SQLite does not wait for that: retry while another process has it."""
    deadline = time.monotonic() + LOCK_WAIT_S
    while True:
        try:
            if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0].lower() == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")
        time.sleep(0.05)


def _statements(script: str):
    """The statements of an SQL script (triggers hold semicolons of their own)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement.strip()
            statement = ""
    if statement.strip():
        yield statement.strip()


def encode(wkb: bytes | None, bounds) -> bytes | None:
    """A GeoPackage geometry blob of WKB: a point without an envelope (as
    GDAL writes them), anything else with its [minx, maxx, miny, maxy]."""
    if wkb is None:
        return None
    if bounds is None:
        return _POINT_HEADER + wkb
    minx, miny, maxx, maxy = bounds
    return _BOX_HEADER + struct.pack("<4d", minx, maxx, miny, maxy) + wkb


class GeoPackageStore(EventStore):
    """A store in a GeoPackage file (created when it does not exist)."""

    param = "?"

    def __init__(self, path, *, create: bool = True, readonly: bool = False):
        self.path = Path(path)
        self.target = str(path)
        self.readonly = readonly
        self._dirty = False
        self._filling = False
        self._conn = self._connect(create)

    # -- connecting ----------------------------------------------------------------------------

    def _connect(self, create: bool) -> sqlite3.Connection:
        if self.path.is_dir():
            raise self._error("it is a folder")
        exists = self.path.is_file()
        if not exists and (self.readonly or not create):
            raise self._error("no such file")
        folder = self.path.parent
        if not exists and not folder.is_dir():
            raise self._error(f"no folder {folder}")
        if not exists and not os.access(folder, os.W_OK):
            raise self._error(f"permission denied: cannot create a file in {folder}")
        if exists and not self.readonly and not os.access(self.path, os.W_OK):
            raise self._error("the file is read-only")
        if exists and not self.readonly and not os.access(folder, os.W_OK):
            raise self._error(f"the folder {folder} is read-only (SQLite writes its journal beside the file)")
        try:
            if self.readonly:
                uri = f"{self.path.resolve().as_uri()}?mode=ro"
                conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=LOCK_WAIT_S,
                                       check_same_thread=False)
            else:
                conn = sqlite3.connect(self.path, isolation_level=None, timeout=LOCK_WAIT_S,
                                       check_same_thread=False)
            for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
                conn.create_function(name, 1, _st(index), deterministic=True)
            conn.create_function("ST_IsEmpty", 1, self._is_empty)
            self._conn = conn
            if self.readonly:
                self._check_file(conn)
                return conn
            _write_ahead(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            # Made, or checked, under the write lock: another process creating the same file
            # meanwhile is waited for, never seen half made. Writing here also proves we can.
            conn.execute("BEGIN IMMEDIATE")
            try:
                if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                    self._create(conn)
                else:
                    self._check_file(conn)
                self._upgrade()
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            text = str(exc).lower()
            raise self._error("not a GeoPackage (not an SQLite database)" if "not a database" in text
                              else text) from None
        return conn

    def _check_file(self, conn) -> None:
        application_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if application_id != APPLICATION_ID:
            raise self._error("not a GeoPackage")
        if "bordermap_meta" not in tables:
            raise self._error("a GeoPackage, but not a bordermap store (an export? use a new file)")
        self._check_schema()

    def _create(self, conn) -> None:
        """The GeoPackage tables and ours, in the open transaction."""
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {USER_VERSION}")
        for statement in _statements(self._schema()):
            conn.execute(statement)

    @staticmethod
    def _schema() -> str:
        script = [SPEC_TABLES]
        for table, (_geometry, spec) in TABLES.items():
            body = ["fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL"]
            if table in FEATURES:
                body.append(f"geom {FEATURES[table]}")
            body += [f"{quote(name)} {_SQLITE_TYPES[kind]}" for name, kind in spec.items()]
            script.append(f"CREATE TABLE {quote(table)} ({', '.join(body)});")
            kind, srs = ("features", SRS_ID) if table in FEATURES else ("attributes", "NULL")
            script.append("INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                          f"srs_id) VALUES ('{table}', '{kind}', '{table}', '{DESCRIPTIONS[table]}', {srs});")
            if table in FEATURES:
                script.append(RTREE.format(t=table, kind=FEATURES[table], srs=SRS_ID, ext=RTREE_EXTENSION))
        script.append(META.format(schema=SCHEMA_VERSION, created=now()))
        script.append(INDEXES)
        return "\n".join(script)

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if self._dirty:
                self._update_extents(conn)
            if not self.readonly:
                with contextlib.suppress(sqlite3.Error):  # another connection may still be reading
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                    conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()

    def _update_extents(self, conn) -> None:
        """Each layer's extent and last change in gpkg_contents (what QGIS zooms to)."""
        with contextlib.suppress(sqlite3.Error):
            conn.execute("BEGIN IMMEDIATE")
            for table in FEATURES:
                box = conn.execute("SELECT min(minx), min(miny), max(maxx), max(maxy) "
                                   f'FROM "rtree_{table}_geom"')
                conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                             "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?",
                             (*box.fetchone(), table))
            conn.execute("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                         "WHERE table_name = 'articles'")
            conn.execute("COMMIT")

    # -- what EventStore needs --------------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self):
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        self._dirty = True

    def _execute(self, sql, params=()):
        return self._conn.execute(sql, params).fetchall()

    def _executemany(self, sql, rows):
        self._conn.executemany(sql, rows)

    def _insert_returning_fid(self, sql, params) -> int:
        return self._conn.execute(sql, params).lastrowid

    def _table(self, name):
        return quote(name)

    def _is_empty(self, blob) -> int | None:
        # While this connection inserts features it fills their index itself, in bulk, with the
        # envelopes it already knows: the index triggers see "empty" and stand aside. Other
        # writers (QGIS, GDAL) go through the triggers as the specification says.
        return 1 if self._filling else _is_empty(blob)

    def _insert_features(self, table, rows):
        if not rows:
            return
        columns = ", ".join(["fid", "geom", *(quote(c) for c in FEATURE_COLUMNS[table])])
        marks = ", ".join(["?"] * (len(FEATURE_COLUMNS[table]) + 2))
        first = self._conn.execute(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0), "
            f"coalesce((SELECT max(fid) FROM {quote(table)}), 0)) + 1", (table,)).fetchone()[0]
        values, boxes = [], []
        for fid, (wkb, bounds, *rest) in enumerate(rows, start=first):
            values.append((fid, encode(wkb, bounds), *rest))
            if wkb is not None:
                if bounds is None:
                    x, y = struct.unpack_from("<dd", wkb, 5)
                    boxes.append((fid, x, x, y, y))
                else:
                    minx, miny, maxx, maxy = bounds
                    boxes.append((fid, minx, maxx, miny, maxy))
        self._filling = True
        try:
            self._conn.executemany(f"INSERT INTO {quote(table)} ({columns}) VALUES ({marks})", values)
        finally:
            self._filling = False
        self._conn.executemany(f'INSERT INTO "rtree_{table}_geom" VALUES (?, ?, ?, ?, ?)', boxes)

    def _geometry_out(self, column):
        return quote(column)

    def _wkb(self, value):
        return None if value is None else bytes(value[header_size(value):])

    def _in_box(self, table, west, south, east, north):
        return (f'fid IN (SELECT id FROM "rtree_{table}_geom" WHERE minx <= ? AND maxx >= ? AND miny <= ? '
                f"AND maxy >= ?)", [east, west, north, south])
