"""GeoJSON written by hand, checked against RFC 7946, and read back."""

from __future__ import annotations

import json
import math

import geopandas
import pytest
import shapely
from shapely.geometry import shape

from maps.export import export_events
from maps.io.geojson import read_geojson


def _reject(constant):
    raise ValueError(f"not JSON: {constant}")


def load_strict(path):
    """The file as JSON, refusing NaN/Infinity, with numbers kept as their text."""
    text = path.read_text(encoding="utf-8")
    return json.loads(text, parse_constant=_reject, parse_float=str, parse_int=str)


def positions(coordinates):
    if coordinates and isinstance(coordinates[0], str):
        yield coordinates
    else:
        for part in coordinates:
            yield from positions(part)


def all_geometries(geometry):
    if geometry["type"] == "GeometryCollection":
        for g in geometry["geometries"]:
            yield from all_geometries(g)
    else:
        yield geometry


@pytest.fixture
def written(tmp_path, event_dicts):
    path = tmp_path / "events.geojson"
    export_events(event_dicts, path)
    return path


def test_feature_collection_without_crs(written, event_dicts):
    data = load_strict(written)
    assert data["type"] == "FeatureCollection"
    assert "crs" not in data
    assert len(data["features"]) == len(event_dicts)
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        assert set(feature) == {"type", "id", "geometry", "properties"}


def test_ids_are_the_event_ids_and_unique(written, event_dicts):
    features = json.loads(written.read_text(encoding="utf-8"))["features"]
    ids = [f["id"] for f in features]
    assert ids == [e["id"] for e in event_dicts]
    assert len(set(ids)) == len(ids)
    assert all("id" not in f["properties"] for f in features)


def test_longitude_first_and_six_decimals(written):
    data = load_strict(written)
    nogales = next(f for f in data["features"] if f["id"] == "ev-nogales")
    lon, lat = (float(v) for v in nogales["geometry"]["coordinates"])
    assert lon == pytest.approx(-110.942171, abs=1e-6) and lat == pytest.approx(31.30863, abs=1e-6)
    for feature in data["features"]:
        if feature["geometry"] is None:
            continue
        for geometry in all_geometries(feature["geometry"]):
            for position in positions(geometry["coordinates"]):
                lon, lat = (float(v) for v in position)
                assert -180 <= lon <= 180 and -90 <= lat <= 90
                assert -120 < lon < -95 and 25 < lat < 34  # the border region, lon/lat not swapped
                for value in position:
                    assert len(value.partition(".")[2]) <= 6, value


def test_polygons_follow_the_right_hand_rule_and_are_valid(written):
    data = json.loads(written.read_text(encoding="utf-8"))
    polygons = 0
    for feature in data["features"]:
        if feature["geometry"] is None:
            continue
        assert shape(feature["geometry"]).is_valid, feature["id"]
        for geometry in all_geometries(feature["geometry"]):
            rings_of = {"Polygon": [geometry["coordinates"]],
                        "MultiPolygon": geometry["coordinates"]}.get(geometry["type"], [])
            for exterior, *holes in rings_of:
                polygons += 1
                assert shapely.is_ccw(shapely.LinearRing(exterior)), feature["id"]
                assert not any(shapely.is_ccw(shapely.LinearRing(hole)) for hole in holes), feature["id"]
    assert polygons == 3  # the area and the two halves of the bow tie


def test_properties_are_flat_and_typed(written):
    text = written.read_text(encoding="utf-8")
    assert "NaN" not in text and "Infinity" not in text
    features = {f["id"]: f for f in json.loads(text)["features"]}
    props = features["ev-nogales"]["properties"]
    assert all(not isinstance(v, dict | list) for f in features.values() for v in f["properties"].values())
    assert props["people"] == 3 and isinstance(props["people"], int)
    assert props["weight_kg"] == pytest.approx(64.431) and isinstance(props["weight_kg"], float)
    assert props["location_precision"] == 1 and props["start"] == 0
    assert props["border_km"] is None  # NaN in the event
    assert props["guns"] is None and props["direction"] is None
    assert props["actors"] == "U.S. Customs and Border Protection; Homeland Security Investigations"
    assert features["ev-area"]["properties"]["place_name"] == "Área de prueba"
    assert "Área" in text  # UTF-8, not \u escapes


def test_null_geometry_is_written_as_null(written):
    features = {f["id"]: f for f in json.loads(written.read_text(encoding="utf-8"))["features"]}
    assert features["ev-nowhere"]["geometry"] is None
    assert features["ev-nowhere"]["properties"]["lat"] is None
    assert all(f["geometry"] is not None for i, f in features.items() if i != "ev-nowhere")


def test_read_back(written, event_dicts):
    ours = read_geojson(written)
    assert list(ours["id"]) == [e["id"] for e in event_dicts]
    assert ours.geometry.isna().sum() == 1
    assert shapely.is_valid(ours.geometry.dropna()).all()
    assert ours.loc[0, "people"] == 3 and ours.loc[0, "weight_kg"] == pytest.approx(64.431)
    gdal = geopandas.read_file(written)
    assert len(gdal) == len(event_dicts) and gdal.crs.to_epsg() == 4326
    assert sorted(gdal["id"]) == sorted(e["id"] for e in event_dicts)
    assert gdal.geometry.isna().sum() == 1
    assert gdal.geometry.dropna().is_valid.all()
    point = gdal.set_index("id").geometry["ev-nogales"]
    assert math.isclose(point.x, -110.942171, abs_tol=1e-6)


def test_empty_collection(tmp_path):
    path = tmp_path / "none.geojson"
    export_events([], path)
    assert json.loads(path.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}
    assert len(read_geojson(path)) == 0
