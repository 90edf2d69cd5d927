"""The PostGIS backend: the store in a PostgreSQL database with PostGIS,
through psycopg 3.

    postgresql://user:password@host:5432/dbname[?schema=bordermap]

The tables live in their own schema (``bordermap`` unless the URL's
``schema`` parameter names another), with GiST indexes on the geometries.
Writers take a transaction-level advisory lock on the schema, so several
ingests into one database stay correct (they take turns); readers never
wait.
"""

from __future__ import annotations

import contextlib
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .base import FEATURE_COLUMNS, SCHEMA_VERSION, EventStore, quote
from .records import TABLES, now

DEFAULT_SCHEMA = "bordermap"
CONNECT_TIMEOUT_S = 10
_PG_TYPES = {"text": "text", "integer": "bigint", "real": "double precision"}
# The B-tree indexes: (kind, table, columns).
INDEXES = (("UNIQUE INDEX", "articles", "(url) WHERE url IS NOT NULL"),
           ("INDEX", "articles", "(content_hash)"), ("INDEX", "mentions", "(article_fid)"),
           ("INDEX", "events", "(article_fid, seq)"), ("INDEX", "events", "(id)"),
           ("INDEX", "events", "(incident_id)"), ("INDEX", "events", "(type, first_day)"),
           ("INDEX", "events", "(first_day, last_day)"), ("UNIQUE INDEX", "incidents", "(id)"),
           ("UNIQUE INDEX", "shapes", "(key)"))


def split_url(url: str) -> tuple[str, str]:
    """(the connection URL without our ``schema`` parameter, the schema)."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    schema = next((v for k, v in query if k == "schema"), DEFAULT_SCHEMA) or DEFAULT_SCHEMA
    rest = urlencode([(k, v) for k, v in query if k != "schema"])
    return urlunsplit((parts.scheme, parts.netloc, parts.path, rest, parts.fragment)), schema


def safe_url(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


class PostgisStore(EventStore):
    """A store in a PostgreSQL/PostGIS database (tables created when missing)."""

    param = "%s"

    def __init__(self, url: str, *, create: bool = True, readonly: bool = False):
        self.target = safe_url(url)
        self.readonly = readonly
        self._url, self.schema = split_url(url)
        self._conn = self._connect(create)

    def _connect(self, create: bool):
        try:
            import psycopg
        except ImportError:
            raise self._error("PostGIS needs the 'psycopg' package: pip install 'psycopg[binary]'") from None
        try:
            conn = psycopg.connect(self._url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                   application_name="bordermap")
        except psycopg.Error as exc:
            raise self._error(_first_line(exc)) from None
        self._conn = conn
        try:
            exists = self._made()
            if exists:
                self._check_schema()
            elif self.readonly or not create:
                raise self._error(f"no bordermap store in schema {self.schema!r}")
            else:
                self._create()
            if not self.readonly:
                with self._transaction():  # can we write here?
                    self._upgrade()
        except psycopg.Error as exc:
            conn.close()
            raise self._error(_first_line(exc)) from None
        except BaseException:
            conn.close()
            raise
        return conn

    def _made(self) -> bool:
        """Does the schema hold a store? (Read from the catalog tables, not
        to_regclass: its cache may not yet know what another session made.)"""
        return bool(self._execute(
            "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relname = 'bordermap_meta'", (self.schema,)))

    def _create(self) -> None:
        import psycopg

        with self._conn.transaction():
            # One creator at a time in a database: CREATE EXTENSION and CREATE SCHEMA race otherwise.
            self._execute("SELECT pg_advisory_xact_lock(hashtext('bordermap:create'))")
            if self._made():
                self._check_schema()  # another process made it meanwhile
                return
            if not self._execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'"):
                try:
                    with self._conn.transaction():
                        self._execute("CREATE EXTENSION postgis")
                except psycopg.Error as exc:
                    raise self._error(f"PostGIS is not available in this database ({_first_line(exc)}); "
                                      "install it (Debian: postgresql-15-postgis-3) and run CREATE EXTENSION "
                                      "postgis as a superuser") from None
            self._execute(f"CREATE SCHEMA IF NOT EXISTS {quote(self.schema)}")
            for table, (geometry, spec) in TABLES.items():
                body = ["fid bigserial PRIMARY KEY"]
                if geometry:
                    body.append(f"geom geometry({geometry.title()}, 4326)")
                body += [f"{quote(name)} {_PG_TYPES[kind]}" for name, kind in spec.items()]
                self._execute(f"CREATE TABLE {self._table(table)} ({', '.join(body)})")
                if geometry:
                    self._execute(f"CREATE INDEX ON {self._table(table)} USING gist (geom)")
            for kind, table, columns_sql in INDEXES:
                self._execute(f"CREATE {kind} ON {self._table(table)} {columns_sql}")
            meta = self._table("bordermap_meta")
            self._execute(f"CREATE TABLE {meta} (key text PRIMARY KEY, value text)")
            self._execute(f"INSERT INTO {meta} VALUES ('schema', %s), ('created', %s)",
                          (SCHEMA_VERSION, now()))

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()

    @contextlib.contextmanager
    def _transaction(self):
        with self._conn.transaction():
            if not self.readonly:
                # One writer at a time per store: the article checks and the incident
                # regrouping see every other writer's finished work.
                self._conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))",
                                   (f"bordermap:{self.schema}",))
            yield

    def _execute(self, sql, params=()):
        cursor = self._conn.execute(sql, params)
        return cursor.fetchall() if cursor.description is not None else []

    def _executemany(self, sql, rows):
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cursor:
                cursor.executemany(sql, rows)

    def _insert_returning_fid(self, sql, params) -> int:
        return self._conn.execute(sql + " RETURNING fid", params).fetchone()[0]

    def _table(self, name):
        return f"{quote(self.schema)}.{quote(name)}"

    def _insert_features(self, table, rows):
        columns = ", ".join(["geom", *(quote(c) for c in FEATURE_COLUMNS[table])])
        marks = ", ".join(["ST_GeomFromWKB(%s, 4326)", *["%s"] * len(FEATURE_COLUMNS[table])])
        self._executemany(f"INSERT INTO {self._table(table)} ({columns}) VALUES ({marks})",
                          [(wkb, *rest) for wkb, _bounds, *rest in rows])

    def _geometry_out(self, column):
        return f"ST_AsBinary({quote(column)})"

    def _wkb(self, value):
        return None if value is None else bytes(value)

    def _in_box(self, table, west, south, east, north):
        return "geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)", [west, south, east, north]


def _first_line(exc) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
