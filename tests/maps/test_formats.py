"""GeoPackage, GeoParquet and CSV: each read back by its own reader and by a
plain one, with the same events, valid geometries and nulls kept."""

from __future__ import annotations

import csv
import json

import geopandas
import pyogrio
import pytest
import shapely

from maps.export import export_events, read_events
from maps.frame import COLUMNS, events_frame


def test_geopackage(tmp_path, event_dicts):
    path = tmp_path / "events.gpkg"
    export_events(event_dicts, path)
    assert [name for name, _kind in pyogrio.list_layers(path)] == ["events"]
    frame = geopandas.read_file(path, layer="events")
    assert len(frame) == len(event_dicts) and frame.crs.to_epsg() == 4326
    assert list(frame["id"]) == [e["id"] for e in event_dicts]
    assert frame.geometry.isna().sum() == 1 and frame.set_index("id").geometry["ev-nowhere"] is None
    assert shapely.is_valid(frame.geometry.dropna()).all()
    assert frame.loc[0, "people"] == 3 and frame.loc[0, "weight_kg"] == pytest.approx(64.431)


def test_geoparquet(tmp_path, event_dicts):
    path = tmp_path / "events.parquet"
    export_events(event_dicts, path)
    frame = geopandas.read_parquet(path)
    assert len(frame) == len(event_dicts) and frame.crs.to_epsg() == 4326
    assert frame.geometry.isna().sum() == 1
    assert shapely.is_valid(frame.geometry.dropna()).all()
    import pyarrow.parquet as pq

    geo = json.loads(pq.read_schema(path).metadata[b"geo"])
    assert geo["primary_column"] == "geometry" and geo["columns"]["geometry"]["encoding"] == "WKB"
    assert str(frame["people"].dtype) == "Int64" and frame.loc[0, "people"] == 3


def test_csv_with_wkt(tmp_path, event_dicts):
    path = tmp_path / "events.csv"
    export_events(event_dicts, path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf") and "Área de prueba".encode() in raw
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == [*COLUMNS, "geometry_wkt"]
    assert [r["id"] for r in rows] == [e["id"] for e in event_dicts]
    by_id = {r["id"]: r for r in rows}
    assert by_id["ev-nowhere"]["geometry_wkt"] == "" and by_id["ev-nowhere"]["lat"] == ""
    assert by_id["ev-nogales"]["geometry_wkt"] == "POINT (-110.942171 31.30863)"
    assert by_id["ev-nogales"]["border_km"] == ""  # NaN written as an empty cell
    geoms = shapely.from_wkt([r["geometry_wkt"] or None for r in rows])
    assert sum(g is None for g in geoms) == 1
    assert all(shapely.is_valid(g) for g in geoms if g is not None)


@pytest.mark.parametrize("suffix", [".geojson", ".gpkg", ".parquet", ".csv"])
def test_round_trip(tmp_path, event_dicts, suffix):
    expected = events_frame(event_dicts)
    path = tmp_path / f"events{suffix}"
    export_events(expected, path)
    frame = read_events(path)
    assert list(frame.columns) == list(expected.columns)
    assert (frame.dtypes == expected.dtypes).all()
    table, want = frame.drop(columns="geometry"), expected.drop(columns="geometry")
    assert table.equals(want), table.compare(want)
    assert frame.geometry.isna().tolist() == expected.geometry.isna().tolist()
    located = expected.geometry.notna()
    got, want = (shapely.normalize(f.geometry[located].to_numpy()) for f in (frame, expected))
    assert shapely.equals_exact(got, want, tolerance=1e-6).all()
