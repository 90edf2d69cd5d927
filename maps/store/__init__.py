"""The event store: articles, place mentions, events and incidents in a
spatial database that ``bordermap ingest`` fills and ``bordermap query``,
``bordermap map`` and exports read.

    from maps.store import open_store, read_store_events

    with open_store("events.gpkg") as store:          # or "postgresql://user@host/db"
        store.write_articles(records)                 # see maps.ingest
    frame = read_store_events("events.gpkg", since="2024-03", types=["drug_smuggling"])

Two backends, one module each behind ``base.EventStore``: ``geopackage``
(the embedded default: one file that opens in QGIS) and ``postgis``
(PostgreSQL with PostGIS, through psycopg 3).
"""

from __future__ import annotations

__all__ = ["EventStore", "open_store", "read_store_events", "is_postgres"]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(db) -> bool:
    return str(db).startswith(POSTGRES_SCHEMES)


def open_store(db, *, create: bool = True, readonly: bool = False):
    """The store ``db`` names: a ``postgresql://`` URL, else a GeoPackage
    path. It is created when missing (unless ``create`` is false), and
    checked at once: a store that cannot be reached or written raises a
    one-line ``StoreError`` before any work."""
    import os

    db = os.fspath(db)
    if is_postgres(db):
        from .postgis import PostgisStore

        return PostgisStore(db, create=create, readonly=readonly)
    from .geopackage import GeoPackageStore

    return GeoPackageStore(db, create=create, readonly=readonly)


def __getattr__(name: str):
    if name == "read_store_events":
        from .query import read_store_events

        return read_store_events
    if name == "EventStore":
        from .base import EventStore

        return EventStore
    raise AttributeError(f"module 'maps.store' has no attribute {name!r}")
