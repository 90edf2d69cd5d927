"""GeoJSON (RFC 7946), written with the json module: a FeatureCollection in
WGS 84 longitude/latitude with no "crs" member, coordinates of at most six
decimals, polygons by the right-hand rule, flat typed properties (null, not
NaN) and each feature's "id" the event id."""

from __future__ import annotations

import json
import math

from maps.frame import GRID, snap_geometries

DECIMALS = round(-math.log10(GRID))


def write_geojson(frame, path) -> None:
    """Write the events of ``frame`` (EPSG:4326) to ``path``, one feature a line."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write('{"type": "FeatureCollection", "features": [')
        for number, feature in enumerate(features(frame)):
            f.write(",\n" if number else "\n")
            f.write(json.dumps(feature, ensure_ascii=False, allow_nan=False))
        f.write("\n]}\n")


def features(frame):
    """The GeoJSON Feature dicts of ``frame``'s rows."""
    names = [name for name in frame.columns if name != frame.geometry.name]
    has_id = "id" in names
    geometries = snap_geometries(frame.geometry.to_numpy())
    for values, geom in zip(frame[names].itertuples(index=False, name=None), geometries):
        properties = {name: plain(value) for name, value in zip(names, values)}
        feature = {"type": "Feature"}
        if has_id and properties["id"] is not None:
            feature["id"] = properties["id"]
        properties.pop("id", None)
        feature["geometry"] = geometry_object(geom)
        feature["properties"] = properties
        yield feature


def geometry_object(geom) -> dict | None:
    """A GeoJSON geometry object of a shapely geometry (None for none)."""
    if geom is None or geom.is_empty:
        return None
    kind = geom.geom_type
    if kind == "GeometryCollection":
        return {"type": kind, "geometries": [geometry_object(g) for g in geom.geoms if not g.is_empty]}
    return {"type": kind, "coordinates": _coordinates(geom)}


def _coordinates(geom):
    kind = geom.geom_type
    if kind == "Point":
        return _position(geom.coords[0])
    if kind in ("LineString", "LinearRing"):
        return [_position(c) for c in geom.coords]
    if kind == "Polygon":
        return [_coordinates(geom.exterior)] + [_coordinates(ring) for ring in geom.interiors]
    return [_coordinates(part) for part in geom.geoms]  # Multi*


def _position(coords) -> list[float]:
    return [_number(round(c, DECIMALS)) for c in coords]


def _number(value: float) -> float | int:
    return 0.0 if value == 0 else value  # no "-0.0"


def plain(value):
    """A JSON value for a table cell: None for any null or non-finite number."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, str):
        return value
    import numpy as np
    import pandas as pd

    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return plain(float(value))
    if isinstance(value, pd.Timestamp | np.datetime64):
        return None if pd.isna(value) else pd.Timestamp(value).isoformat()
    if isinstance(value, list | tuple | np.ndarray):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def read_geojson(path):
    """The events GeoDataFrame of a GeoJSON FeatureCollection written by
    ``write_geojson`` (the feature "id" becomes the "id" column)."""
    from shapely.geometry import shape

    from maps.frame import typed_frame

    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    rows, geometries = [], []
    for feature in data.get("features", ()):
        row = {"id": feature.get("id")}
        row.update(feature.get("properties") or {})
        rows.append(row)
        geometry = feature.get("geometry")
        geometries.append(shape(geometry) if geometry else None)
    return typed_frame(rows, geometries)
