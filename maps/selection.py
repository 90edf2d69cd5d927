"""Which events a map shows, and where each one goes.

``select_events`` filters the events table (``maps.frame``) by date and
type, gives every event one point to draw (its lat/lon, else a point on its
geometry) and sorts them into three groups: inside the area the map is
about (the corridor's outer band, else the bounding box; everything when
neither is given), outside it (drawn all the same, and listed in the inset),
and unlocated (no usable position: counted, never drawn — in particular
never at 0,0).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from maps.errors import MapInputError

LINE_TYPES = (1, 5)  # shapely type ids of LineString, MultiLineString
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(slots=True)
class Selection:
    frame: object  # the events GeoDataFrame, filtered, index 0..n-1
    lon: object  # numpy arrays, NaN where unlocated
    lat: object
    located: object  # bool arrays
    inside: object
    area: object | None  # the polygon "inside" means, or None for everywhere

    def __len__(self) -> int:
        return len(self.frame)

    @property
    def outside(self):
        return self.located & ~self.inside

    @property
    def unlocated(self):
        return ~self.located


def as_frame(events):
    """An events GeoDataFrame from a frame, Event objects or their dicts."""
    import geopandas

    if isinstance(events, geopandas.GeoDataFrame):
        return events
    from maps.frame import events_frame

    return events_frame(list(events or ()))


def select_events(events, *, area=None, since=None, until=None, types=None) -> Selection:
    """The events of ``events`` to map (see the module's docstring)."""
    import numpy as np

    frame = as_frame(events)
    keep = np.ones(len(frame), dtype=bool)
    if types:
        wanted = set(types)
        keep &= frame["type"].isin(wanted).fillna(False).to_numpy(dtype=bool)
    if since is not None or until is not None:
        low = period(since)[0] if since is not None else dt.date.min
        high = period(until)[1] if until is not None else dt.date.max
        keep &= np.array([_overlaps(d, p, low, high) for d, p in zip(frame["date"], frame["date_precision"])],
                         dtype=bool)
    frame = frame[keep].reset_index(drop=True)
    lon, lat = points(frame)
    located = np.isfinite(lon) & np.isfinite(lat)
    inside = located.copy()
    if area is not None and located.any():
        import shapely

        inside[located] = shapely.contains_xy(area, lon[located], lat[located])
    return Selection(frame, lon, lat, located, inside, area)


def points(frame):
    """One (lon, lat) per event: the middle of its line (a border segment,
    a river's stretch), else its lat/lon columns, else a point on its
    geometry; NaN for none, for out-of-range values and for 0,0 with no
    geometry (a placeholder, not a place)."""
    import numpy as np
    import shapely

    n = len(frame)
    lon = _floats(frame["lon"]) if "lon" in frame else np.full(n, np.nan)
    lat = _floats(frame["lat"]) if "lat" in frame else np.full(n, np.nan)
    geoms = frame.geometry.to_numpy() if frame.geometry is not None else np.full(n, None)
    missing = ~(np.isfinite(lon) & np.isfinite(lat))
    has_geom = ~shapely.is_missing(geoms) & ~shapely.is_empty(geoms)
    lines = has_geom & np.isin(shapely.get_type_id(geoms), LINE_TYPES)
    if lines.any():  # a border segment or a river's stretch: its middle, not wherever its point was put
        middle = shapely.line_interpolate_point(geoms[lines], 0.5, normalized=True)
        lon[lines], lat[lines] = shapely.get_x(middle), shapely.get_y(middle)
    fill = missing & has_geom & ~lines
    if fill.any():
        on_surface = shapely.point_on_surface(geoms[fill])
        lon[fill], lat[fill] = shapely.get_x(on_surface), shapely.get_y(on_surface)
    bad = (np.abs(lat) > 90) | (np.abs(lon) > 180) | ((lat == 0) & (lon == 0) & ~has_geom)
    lon[bad], lat[bad] = np.nan, np.nan
    return lon, lat


def period(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of "2010", "2010-02" or "2010-02-17"."""
    match = DATE.match(str(text).strip())
    if not match:
        raise MapInputError(f"bad date {text!r}: expected YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            first = dt.date(year, month, day)
            return first, first
        if month is not None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise MapInputError(f"bad date {text!r}: no such day") from None


def event_period(date, precision) -> tuple[dt.date, dt.date] | None:
    """The days an event's date stands for, by its precision; None when undated."""
    if date is None or not isinstance(date, str):
        return None
    try:
        first = dt.date.fromisoformat(date[:10])
    except ValueError:
        return None
    if precision == "month":
        return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if precision == "year":
        return first, first.replace(month=12, day=31)
    return first, first


def _overlaps(date, precision, low, high) -> bool:
    span = event_period(date if isinstance(date, str) else None, precision)
    return span is not None and span[0] <= high and span[1] >= low


def _floats(column):
    import numpy as np

    return np.asarray(column.to_numpy(dtype="float64", na_value=np.nan), dtype=float).copy()


def check_types(types) -> list[str] | None:
    """Event types as a list (a comma-separated string is split); every one
    must be a known type."""
    if types is None:
        return None
    from geo.event_types import EVENT_TYPES

    items = [t.strip() for t in (types.split(",") if isinstance(types, str) else types)]
    items = [t for t in items if t]
    unknown = [t for t in items if t not in EVENT_TYPES]
    if unknown:
        raise MapInputError(f"unknown event type {unknown[0]!r}; valid types: {', '.join(EVENT_TYPES)}")
    return items or None


def check_bbox(bbox) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) from four numbers or "W,S,E,N"."""
    if bbox is None:
        return None
    values = bbox.split(",") if isinstance(bbox, str) else list(bbox)
    try:
        west, south, east, north = (float(v) for v in values)
    except (TypeError, ValueError):
        raise MapInputError(f"bad bounding box {bbox!r}: expected west,south,east,north in degrees") from None
    if not (-180 <= west < east <= 180 and -90 <= south < north <= 90):
        raise MapInputError(f"bad bounding box {bbox!r}: need -180 <= west < east <= 180 and "
                            "-90 <= south < north <= 90")
    return west, south, east, north
