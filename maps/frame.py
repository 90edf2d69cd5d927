"""Events as a table: one row per event, flat typed columns and the event's
geometry, in a GeoDataFrame (EPSG:4326, longitude/latitude).

``COLUMNS`` is the table's schema, defined here once: every writer and
reader in ``maps.io`` uses it. Absent values are nulls (``pd.NA``), never
NaN or 0; an event whose place is unknown has a null geometry.
"""

from __future__ import annotations

import math

CRS = "EPSG:4326"
GRID = 1e-6  # text formats keep six decimals of a degree (about 0.1 m)

# name → pandas dtype, in column order.
COLUMNS: dict[str, str] = {
    "id": "string", "type": "string", "direction": "string",
    "date": "string", "date_precision": "string",
    "start": "Int64", "end": "Int64", "evidence": "string",
    "place_id": "string", "place_name": "string", "place_feature": "string",
    "location_precision": "Int64", "location_reason": "string",
    "lat": "Float64", "lon": "Float64", "uncertainty_km": "Float64",
    "side": "string", "border_km": "Float64", "sector": "string", "nearest_port": "string",
    "corridor": "string", "actors": "string",
    "weight_kg": "Float64", "money_usd": "Float64", "people": "Int64", "guns": "Int64", "rounds": "Int64",
    "quantities_text": "string",
    "doc_id": "string", "doc_title": "string", "doc_published": "string", "doc_source": "string",
    "doc_url": "string",
    "incident_id": "string", "incident_size": "Int64", "other_sources": "string",
}
# Keys of Event.to_dict() copied as they are.
EVENT_KEYS = ("id", "type", "direction", "date", "date_precision", "start", "end", "evidence", "place_id",
              "place_name", "place_feature", "location_precision", "location_reason", "lat", "lon",
              "uncertainty_km", "side", "border_km", "sector", "nearest_port", "corridor", "incident_id")
# Quantity kind → (column, the unit summed); amounts in other units stay in quantities_text only.
QUANTITY_COLUMNS = {"weight": ("weight_kg", "kg"), "money": ("money_usd", "USD"),
                    "people": ("people", "count"), "guns": ("guns", "count"), "rounds": ("rounds", "count")}
DOCUMENT_KEYS = {"doc_id": "id", "doc_title": "title", "doc_published": "published", "doc_source": "source",
                 "doc_url": "url"}
LIST_SEPARATOR = "; "


def events_frame(events):
    """A GeoDataFrame of ``events``: ``geo.events.Event`` objects or their
    ``to_dict()`` dicts. Geometries are made valid and polygons oriented
    counter-clockwise (holes clockwise); empty or absent ones are null."""
    rows, geometries = [], []
    for event in events:
        record = event if isinstance(event, dict) else event.to_dict()
        rows.append(event_row(record))
        geometries.append(_geometry(record.get("geometry")))
    return typed_frame(rows, clean_geometries(geometries))


def event_row(record: dict) -> dict:
    """The flat columns of one event dict (all but the geometry)."""
    row = {key: record.get(key) for key in EVENT_KEYS}
    actors = [a for a in record.get("actors") or () if a]
    row["actors"] = LIST_SEPARATOR.join(actors) if actors else None
    others = record.get("other_sources") or ()
    names = [o.get("title") or o.get("url") or o.get("id") for o in others]
    row["other_sources"] = LIST_SEPARATOR.join(n for n in names if n) or None
    row["incident_size"] = 1 + len(others) if record.get("incident_id") else None
    quantities = record.get("quantities") or ()
    for kind, (column, unit) in QUANTITY_COLUMNS.items():
        values = [q.get("value") for q in quantities if q.get("kind") == kind and q.get("unit") == unit]
        values = [v for v in values if _finite(v)]
        total = sum(values) if values else None
        row[column] = round(total) if total is not None and COLUMNS[column] == "Int64" else total
    texts = [q.get("text") for q in quantities if q.get("text")]
    row["quantities_text"] = LIST_SEPARATOR.join(texts) if texts else None
    document = record.get("document") or {}
    for column, key in DOCUMENT_KEYS.items():
        row[column] = document.get(key)
    return row


def typed_frame(rows: list[dict], geometries):
    """A GeoDataFrame with the ``COLUMNS`` (in order, with their dtypes; a
    missing one is all null) and any other columns of ``rows`` after them."""
    import geopandas
    import pandas as pd

    table = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    columns = {name: _column(table[name] if name in table else [None] * len(rows), dtype)
               for name, dtype in COLUMNS.items()}
    for name in table.columns:
        if name not in columns and name != "geometry":
            columns[name] = table[name].to_numpy()
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(rows)))
    return geopandas.GeoDataFrame(frame, geometry=geopandas.GeoSeries(list(geometries), crs=CRS,
                                                                      index=frame.index))


def clean_geometries(geometries):
    """Valid (GEOS make_valid, keeping the geometry's dimension), polygons
    counter-clockwise with clockwise holes (RFC 7946's right-hand rule),
    and null for absent or empty geometries."""
    import numpy as np
    import shapely

    geoms = np.asarray(list(geometries) if not isinstance(geometries, np.ndarray) else geometries,
                       dtype=object)
    if geoms.size == 0:
        return geoms
    invalid = ~shapely.is_valid(geoms) & ~shapely.is_missing(geoms)
    if invalid.any():  # valid ones stay as they are: cleaning twice changes nothing
        geoms[invalid] = shapely.make_valid(geoms[invalid], method="structure", keep_collapsed=False)
    geoms = shapely.orient_polygons(geoms)
    geoms[shapely.is_empty(geoms)] = None
    return geoms


def snap_geometries(geometries, grid: float = GRID):
    """Geometries on a grid of ``grid`` degrees, still valid and oriented,
    for formats that write coordinates as rounded text. A shape smaller than
    the grid becomes a point on it rather than vanishing."""
    import numpy as np
    import shapely

    geoms = clean_geometries(geometries)
    if geoms.size == 0:
        return geoms
    snapped = shapely.orient_polygons(shapely.set_precision(geoms, grid))
    lost = shapely.is_empty(snapped) & ~shapely.is_missing(geoms)
    if lost.any():
        snapped[lost] = shapely.set_precision(shapely.point_on_surface(geoms[lost]), grid)
    snapped[shapely.is_empty(snapped)] = None
    return np.asarray(snapped, dtype=object)


def _geometry(value):
    """A shapely geometry from a GeoJSON mapping (or a shapely geometry); None stays None."""
    if value is None:
        return None
    if hasattr(value, "geom_type"):
        return value
    from shapely.geometry import shape

    return shape(value)


def _finite(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _column(values, dtype: str):
    import pandas as pd

    cells = [None if _missing(v) else v for v in values]
    if dtype == "string":
        return pd.array([v if v is None else str(v) for v in cells], dtype="string")
    numbers = pd.to_numeric(pd.Series(cells, dtype=object), errors="coerce")
    if dtype == "Int64":
        numbers = numbers.round()
    return numbers.astype(dtype).array


def _missing(value) -> bool:
    if value is None:
        return True
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False  # a list or array: not a scalar null
