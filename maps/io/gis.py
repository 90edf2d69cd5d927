"""GeoPackage (layer "events", through pyogrio/GDAL) and GeoParquet
(through pyarrow)."""

from __future__ import annotations

from pathlib import Path

from maps.errors import MissingDependencyError

LAYER = "events"


def write_gpkg(frame, path) -> None:
    """Write ``frame`` to a new GeoPackage at ``path``, layer "events"."""
    _require("pyogrio", "GeoPackage output")
    Path(path).unlink(missing_ok=True)  # a new file, not a layer added to an old one
    frame.to_file(path, layer=LAYER, driver="GPKG", engine="pyogrio")


def read_gpkg(path, layer: str = LAYER):
    _require("pyogrio", "GeoPackage input")
    import geopandas

    return _typed(geopandas.read_file(path, layer=layer, engine="pyogrio"))


def write_parquet(frame, path) -> None:
    """Write ``frame`` to GeoParquet at ``path`` (geometry as WKB, with the
    "geo" metadata naming its CRS)."""
    _require("pyarrow", "GeoParquet output")
    frame.to_parquet(path, index=False)


def read_parquet(path):
    _require("pyarrow", "GeoParquet input")
    import geopandas

    return _typed(geopandas.read_parquet(path))


def _typed(frame):
    from maps.frame import typed_frame

    geometry = frame.geometry.to_crs("EPSG:4326") if frame.crs is not None else frame.geometry
    table = frame.drop(columns=frame.geometry.name)
    return typed_frame(table.to_dict("records"), geometry.to_numpy())


def _require(package: str, what: str) -> None:
    import importlib.util

    if importlib.util.find_spec(package) is None:
        raise MissingDependencyError(package, what)
