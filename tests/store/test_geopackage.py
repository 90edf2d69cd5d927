"""The GeoPackage store is a GeoPackage: the tables and rows the
specification asks for, layers GDAL and geopandas open with their CRS, an
R-tree index that GDAL's own spatial filter agrees with, one file when
closed."""

from __future__ import annotations

import sqlite3
import struct

import geopandas
import pyogrio
import pytest
import shapely

from maps.ingest import ingest
from maps.store.geopackage import APPLICATION_ID, encode, envelope, header_size


@pytest.fixture(scope="module")
def store(tmp_path_factory, corpus):
    path = tmp_path_factory.mktemp("gpkg") / "events.gpkg"
    ingest([corpus], str(path))
    return path


def test_the_file_is_a_geopackage(store):
    conn = sqlite3.connect(store)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] >= 10200
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    contents = dict(conn.execute("SELECT table_name, data_type FROM gpkg_contents"))
    assert contents == {"articles": "attributes", "mentions": "features", "events": "features",
                        "incidents": "features", "shapes": "features", "bordermap_meta": "attributes"}
    columns = set(conn.execute("SELECT table_name, column_name, geometry_type_name, srs_id "
                               "FROM gpkg_geometry_columns"))
    assert columns == {("events", "geom", "GEOMETRY", 4326), ("mentions", "geom", "POINT", 4326),
                       ("incidents", "geom", "POINT", 4326), ("shapes", "geom", "GEOMETRY", 4326)}
    extensions = {row[0] for row in conn.execute("SELECT table_name FROM gpkg_extensions "
                                                 "WHERE extension_name = 'gpkg_rtree_index'")}
    assert extensions == {"events", "mentions", "incidents", "shapes"}
    triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert {"rtree_events_geom_insert", "rtree_events_geom_delete", "rtree_mentions_geom_update6"} <= triggers
    extent = conn.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'events'")
    west, south, east, north = extent.fetchone()
    assert -125 < west < east < -90 and 20 < south < north < 40
    assert not store.with_name(store.name + "-wal").exists()


def test_gdal_reads_every_layer(store):
    layers = dict(pyogrio.list_layers(store))
    assert layers == {"events": "Unknown", "mentions": "Point", "incidents": "Point", "shapes": "Unknown",
                      "articles": None, "bordermap_meta": None}
    info = pyogrio.read_info(store, layer="events")
    assert info["crs"] == "EPSG:4326" and info["features"] > 300
    events = geopandas.read_file(store, layer="events")
    assert events.crs.to_epsg() == 4326
    assert events.geometry.notna().all() and events.geometry.is_valid.all()
    assert len(geopandas.read_file(store, layer="articles")) == 150


@pytest.mark.parametrize("layer", ["events", "mentions", "incidents"])
def test_the_index_agrees_with_the_geometries(store, layer):
    box = (-111.5, 31.0, -106.0, 32.5)
    everything = geopandas.read_file(store, layer=layer)
    indexed = pyogrio.read_dataframe(store, layer=layer, bbox=box)  # GDAL filters by the R-tree
    expected = everything[everything.geometry.intersects(shapely.box(*box))]
    assert len(indexed) == len(expected) > 0
    conn = sqlite3.connect(store)
    indexed_rows = conn.execute(f"SELECT count(*) FROM rtree_{layer}_geom").fetchone()[0]
    assert indexed_rows == everything.geometry.notna().sum()


def test_triggers_keep_the_index_for_other_writers(store, tmp_path):
    """QGIS editing the file goes through the specification's triggers; they work."""
    import shutil

    from maps.store.geopackage import GeoPackageStore

    copy = tmp_path / "copy.gpkg"
    shutil.copy(store, copy)
    with GeoPackageStore(copy) as opened:  # registers the ST_ functions the triggers call
        conn = opened._conn
        blob = encode(shapely.to_wkb(shapely.box(-100, 20, -99, 21), byte_order=1), (-100, 20, -99, 21))
        conn.execute("UPDATE events SET geom = ? WHERE fid = 1", (blob,))
        box = conn.execute("SELECT minx, maxx, miny, maxy FROM rtree_events_geom WHERE id = 1").fetchone()
        assert box == pytest.approx((-100, -99, 20, 21), abs=1e-4)
        conn.execute("DELETE FROM events WHERE fid = 2")
        assert conn.execute("SELECT count(*) FROM rtree_events_geom WHERE id = 2").fetchone()[0] == 0


def test_geometry_blobs():
    point = struct.pack("<BIdd", 1, 1, -110.5, 31.25)
    blob = encode(point, None)
    assert blob[:2] == b"GP" and header_size(blob) == 8 and envelope(blob) == (-110.5, -110.5, 31.25, 31.25)
    line = shapely.to_wkb(shapely.LineString([(0, 1), (2, 3)]), byte_order=1)
    blob = encode(line, (0, 1, 2, 3))
    assert header_size(blob) == 40 and envelope(blob) == (0, 2, 1, 3)
    assert shapely.from_wkb(blob[header_size(blob):]).equals(shapely.LineString([(0, 1), (2, 3)]))
