"""CSV: one row per event, UTF-8 with a header, the geometry as WKT in the
last column ("geometry_wkt", empty for none), coordinates of at most six
decimals."""

from __future__ import annotations

from maps.frame import GRID, snap_geometries

WKT_COLUMN = "geometry_wkt"


def write_csv(frame, path) -> None:
    import math

    import shapely

    table = frame.drop(columns=frame.geometry.name).copy()
    geoms = snap_geometries(frame.geometry.to_numpy())
    table[WKT_COLUMN] = shapely.to_wkt(geoms, rounding_precision=round(-math.log10(GRID)), trim=True)
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")


def read_csv(path):
    import pandas as pd
    import shapely

    from maps.frame import typed_frame

    table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""], encoding="utf-8")
    wkt = table.pop(WKT_COLUMN).tolist() if WKT_COLUMN in table else [None] * len(table)
    geometries = shapely.from_wkt([text if isinstance(text, str) and text else None for text in wkt])
    return typed_frame(table.to_dict("records"), geometries)
