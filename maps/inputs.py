"""What a map is drawn from: articles (anything ``geo.readers`` reads) or
files of events written by ``bordermap export``, told apart by their type
and, for .csv and .json, by their first bytes."""

from __future__ import annotations

import os
from pathlib import Path

EVENT_SUFFIXES = {".geojson", ".gpkg", ".parquet", ".geoparquet"}
SNIFF_BYTES = 4096


def is_events_file(path) -> bool:
    """A GeoJSON, GeoPackage, GeoParquet file, or a CSV with the
    "geometry_wkt" column the events CSV has, or JSON that is a FeatureCollection."""
    from maps.io.table import WKT_COLUMN

    if path == "-" or not os.path.isfile(path):
        return False
    suffix = Path(path).suffix.lower()
    if suffix in EVENT_SUFFIXES:
        return True
    if suffix not in (".csv", ".json"):
        return False
    with open(path, encoding="utf-8", errors="replace") as f:
        head = f.read(SNIFF_BYTES)
    if suffix == ".csv":
        return WKT_COLUMN in head.splitlines()[0].split(",") if head else False
    return head.lstrip().startswith("{") and '"FeatureCollection"' in head


def events_from(inputs, *, lang: str | None = None, gazetteer=None, on_bad_record=None):
    """One events GeoDataFrame from ``inputs``: files of events are read as
    they are, the rest parsed as articles (``maps.geo_events``)."""
    import pandas as pd

    from maps import geo_events
    from maps.export import read_events
    from maps.frame import typed_frame

    if isinstance(inputs, str | os.PathLike):
        inputs = [inputs]
    names = [os.fspath(name) for name in inputs]
    event_files = [name for name in names if is_events_file(name)]
    articles = [name for name in names if name not in event_files]
    frames = [read_events(name, format="geojson" if name.lower().endswith(".json") else None)
              for name in event_files]
    if articles or not frames:
        frames.append(geo_events(articles, lang=lang, gazetteer=gazetteer, on_bad_record=on_bad_record)
                      if articles else geo_events([], gazetteer=gazetteer))
    if len(frames) == 1:
        return frames[0]
    table = pd.concat([f.drop(columns=f.geometry.name) for f in frames], ignore_index=True)
    geometries = [g for f in frames for g in f.geometry.to_numpy()]
    return typed_frame(table.to_dict("records"), geometries)
