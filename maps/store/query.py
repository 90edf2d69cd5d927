"""Reading events back from a store, filtered by box, dates, types and
corridor, as the events table (``maps.frame``) or as Event dicts.

The box and the corridor are spatial filters: the spatial index picks the
events whose geometry's box meets theirs, then each event's geometry (its
lat/lon point when it has none) must meet the box, or the corridor's band
(``maps.corridors``, the outer band). Dates keep the events whose date —
a day, or the whole month or year when that is all it says — overlaps
``since``..``until``; undated events are left out when either is given.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from maps.frame import COLUMNS, LIST_SEPARATOR, typed_frame

from .incidents import other_sources


@dataclass(slots=True)
class EventSelection:
    types: tuple[str, ...] = ()
    first_day: int | None = None  # ordinals: keep events overlapping first_day..last_day
    last_day: int | None = None
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north
    area: object | None = None  # a shapely polygon the event must meet (bbox and/or corridor band)

    def box(self) -> tuple[float, float, float, float] | None:
        if self.area is None:
            return None
        return tuple(float(v) for v in self.area.bounds)

    def keeps(self, geometries, rows, names):
        """Which events (their geometries, else their lat/lon) meet the area."""
        import numpy as np
        import shapely

        lat, lon = names.index("lat") + 1, names.index("lon") + 1  # rows start with article_fid
        geoms = np.asarray(geometries, dtype=object)
        missing = shapely.is_missing(geoms)
        if missing.any():
            points = [shapely.Point(row[lon], row[lat]) if row[lat] is not None and row[lon] is not None
                      else None for row, m in zip(rows, missing) if m]
            geoms[missing] = np.asarray(points + [None], dtype=object)[:-1]
        shapely.prepare(self.area)
        return shapely.intersects(self.area, geoms) & ~shapely.is_missing(geoms)


def selection(*, bbox=None, since=None, until=None, types=None, corridor=None,
              gazetteer=None) -> EventSelection:
    """An EventSelection from the options of ``bordermap query``, each
    checked (a bad one raises a one-line ``MapInputError`` or
    ``UnknownCorridorError`` before anything is read)."""
    import shapely

    from maps.selection import check_bbox, check_types, period

    wanted = check_types(types)
    box = check_bbox(bbox)
    first = period(since)[0].toordinal() if since is not None else None
    last = period(until)[1].toordinal() if until is not None else None
    area = shapely.box(*box) if box is not None else None
    if corridor is not None:
        from maps.corridors import corridor_shape, find_corridor

        band = corridor_shape(find_corridor(corridor, gazetteer), gazetteer).outer
        area = band if area is None else area.intersection(band)
    return EventSelection(tuple(wanted or ()), first, last, box, area)


def read_store_events(db, *, bbox=None, since=None, until=None, types=None, corridor=None, gazetteer=None,
                      as_dicts: bool = False):
    """The events of the store ``db`` (a GeoPackage path or a
    ``postgresql://`` URL) that the filters keep, in the order they were
    stored: a GeoDataFrame with ``maps.frame.COLUMNS`` (what ``bordermap
    export`` writes, incidents included), or with ``as_dicts`` a list of
    dicts shaped like ``Event.to_dict()``.

    ``bbox``: "W,S,E,N" or four numbers; ``since``/``until``: "YYYY",
    "YYYY-MM" or "YYYY-MM-DD"; ``types``: event types (a list, or a
    comma-separated string); ``corridor``: a name ``bordermap corridors``
    lists.
    """
    from . import open_store

    chosen = selection(bbox=bbox, since=since, until=until, types=types, corridor=corridor,
                       gazetteer=gazetteer)
    with open_store(db, create=False, readonly=True) as store:
        names, rows, geometries = store.event_rows(chosen)
    if as_dicts:
        return [event_dict(dict(zip(names, row)), geom) for row, geom in zip(rows, geometries)]
    return events_table(names, rows, geometries)


def events_table(names, rows, geometries):
    """The events GeoDataFrame of stored rows."""
    from maps.frame import event_row

    records = []
    for row in rows:
        record = dict(zip(names, row))
        record["other_sources"] = other_sources(record["incident_sources"], _document(record))
        derived = event_row(record)  # other sources and incident size, as the export computes them
        record["other_sources"], record["incident_size"] = derived["other_sources"], derived["incident_size"]
        records.append({name: record[name] for name in COLUMNS})
    return typed_frame(records, geometries)


def _document(row: dict) -> dict:
    return {"id": row["doc_id"], "title": row["doc_title"], "published": row["doc_published"],
            "source": row["doc_source"], "url": row["doc_url"]}


def event_dict(row: dict, geometry) -> dict:
    """An event as ``Event.to_dict()`` gives it, from its stored row."""
    import shapely

    return {
        "id": row["id"], "type": row["type"], "direction": row["direction"], "date": row["date"],
        "date_precision": row["date_precision"], "start": row["start"], "end": row["end"],
        "evidence": row["evidence"], "quantities": json.loads(row["quantities_json"] or "[]"),
        "actors": row["actors"].split(LIST_SEPARATOR) if row["actors"] else [],
        "place_id": row["place_id"], "place_name": row["place_name"], "place_feature": row["place_feature"],
        "lat": row["lat"], "lon": row["lon"], "location_precision": row["location_precision"],
        "location_reason": row["location_reason"], "uncertainty_km": row["uncertainty_km"],
        "side": row["side"],
        "border_km": row["border_km"], "sector": row["sector"], "nearest_port": row["nearest_port"],
        "corridor": row["corridor"],
        "geometry": shapely.geometry.mapping(geometry) if geometry is not None else None,
        "document": _document(row),
        "incident_id": row["incident_id"],
        "other_sources": other_sources(row["incident_sources"], _document(row)),
    }
