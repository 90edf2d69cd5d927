"""Corridors: named stretches of the US–Mexico line that a map can centre
on, and the bands around them.

Three kinds, all from the gazetteer: every Border Patrol sector (its
stretch of the line), every border segment (a state pair such as
"Arizona–Sonora", a state's whole border, or the whole line) and every
twin-city crossing ("Nogales", "Calexico–Mexicali": the line near its
ports). ``find_corridor`` accepts the name, an alias, the key
("arizona-sonora"), the name without "border" or "Sector", and for twin
cities either town; a sector's or segment's own name wins over a twin
town that shares it ("El Paso" is the sector).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gazetteer.names import fold
from maps.errors import UnknownCorridorError

BAND_KM = (25.0, 100.0)
ZONE_100_MILES_KM = 160.934
SECTOR_EDGE_DEG = 0.01  # a sector's polygon, widened to hold the line on its edge
TWIN_MARGIN_KM = 12.0  # a twin-city stretch: its ports, and this far either side
KINDS = ("sector", "border_segment", "twin_cities")
KIND_LABELS = {"sector": "Border Patrol sector", "border_segment": "border segment",
               "twin_cities": "twin-city crossing"}
US_ID = "geonames:6252001"
_WORDS = re.compile(r"\b(?:border patrol sector|sector|border|frontera|crossing)\b")


@dataclass(frozen=True, slots=True)
class Corridor:
    key: str  # "tucson", "arizona-sonora", "nogales"
    name: str  # as shown: "Tucson Sector", "Arizona–Sonora border", "Nogales"
    kind: str  # one of KINDS
    place_id: str  # the gazetteer's sector, segment or twin-city id
    forms: tuple[str, ...] = ()  # names that choose it outright
    parts: tuple[str, ...] = ()  # names that choose it when nothing else does


@dataclass(slots=True)
class CorridorShape:
    """A corridor's stretch of the line and its bands (WGS 84)."""

    corridor: Corridor
    stretch: object  # LineString or MultiLineString
    bands: dict[float, object] = field(default_factory=dict)  # km → polygon
    zone: object | None = None  # the 100-mile zone, US side, when asked for

    @property
    def outer(self):
        return self.bands[max(self.bands)]


def normal(text: str) -> str:
    """A name folded for matching: no accents, case, punctuation or
    trailing "border"/"sector"."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(text).replace("u.s.", "us")).strip()
    bare = " ".join(_WORDS.sub(" ", words).split())
    return (bare[3:] if bare.startswith("de ") else bare) or words


def _key(text: str) -> str:
    return normal(text).replace(" ", "-")


def corridors(gaz=None) -> list[Corridor]:
    """Every corridor, sectors first, then border segments, then twin cities."""
    gaz = _gaz(gaz)
    found = []
    for place in gaz.by_kind("sector"):
        forms = (place.name, *place.aliases, place.id, place.id.split(":", 1)[1])
        found.append(Corridor(place.id.split(":", 1)[1], place.name, "sector", place.id, _norm(forms)))
    for place in gaz.by_kind("border_segment"):
        forms = (place.name, *place.aliases, place.id)
        parts = ()
        if len(place.codes) == 1:  # a state's whole border: "Arizona" alone chooses it
            parts = (re.split(r"[–/-]", place.name)[0],)
        found.append(Corridor(_key(place.name), place.name, "border_segment", place.id, _norm(forms),
                              _norm(parts)))
    for twin in gaz.twin_cities():
        towns = tuple(gaz[p].name for p in (twin.us_place, twin.mx_place) if p and p in gaz)
        forms = (twin.name, twin.id, twin.id.split(":", 1)[1])
        parts = (*re.split(r"[–/]", twin.name), *towns)
        found.append(Corridor(twin.id.split(":", 1)[1], twin.name, "twin_cities", twin.id, _norm(forms),
                              _norm(parts)))
    return found


def corridor_names(gaz=None) -> list[str]:
    return [c.name for c in corridors(gaz)]


def find_corridor(name: str, gaz=None) -> Corridor:
    """The corridor called ``name``, or UnknownCorridorError listing them all."""
    every = corridors(gaz)
    wanted = normal(name)
    for pool in ([c for c in every if wanted in c.forms], [c for c in every if wanted in c.parts]):
        if pool:
            return min(pool, key=lambda c: KINDS.index(c.kind))
    raise UnknownCorridorError(name, [c.name for c in every])


def corridor_shape(corridor: Corridor | str, gaz=None, *, band_km=BAND_KM,
                   zone_100_miles: bool = False) -> CorridorShape:
    """The corridor's stretch of the line, its bands ``band_km`` wide on each
    side, and optionally the 100-mile zone (US side)."""
    gaz = _gaz(gaz)
    if isinstance(corridor, str):
        corridor = find_corridor(corridor, gaz)
    line = stretch(corridor, gaz)
    shape = CorridorShape(corridor, line, {float(km): buffer_km(line, km) for km in sorted(band_km)})
    if zone_100_miles:
        shape.zone = buffer_km(line, ZONE_100_MILES_KM).intersection(gaz.geometry(US_ID))
    return shape


def stretch(corridor: Corridor, gaz):
    """The part of the international line a corridor holds."""
    import shapely

    border = gaz.geometry("border:us-mexico")
    if corridor.kind == "border_segment":
        return gaz.geometry(corridor.place_id)
    if corridor.kind == "sector":
        area = gaz.geometry(corridor.place_id).buffer(SECTOR_EDGE_DEG)
        return shapely.line_merge(border.intersection(area))
    twin = next(t for t in gaz.twin_cities() if t.id == corridor.place_id)
    centre = shapely.Point(twin.lon, twin.lat)
    ports = [gaz[p] for p in twin.ports if p in gaz]
    reach = max([_km(centre, shapely.Point(p.lon, p.lat)) for p in ports] + [0.0]) + TWIN_MARGIN_KM
    return shapely.line_merge(border.intersection(buffer_km(centre, reach)))


def buffer_km(geom, km: float):
    """``geom`` widened by ``km`` on every side, measured in the border's
    conformal projection (not in degrees)."""
    import shapely

    from gazetteer.projection import BORDER_LCC

    forward, back = _transformers(BORDER_LCC)
    projected = shapely.transform(geom, lambda xy: _apply(forward, xy))
    widened = projected.buffer(km * 1000.0, quad_segs=8).simplify(200.0)
    return shapely.transform(widened, lambda xy: _apply(back, xy))


def midpoint_frame(line):
    """The point halfway along ``line`` and, in the border projection, the
    unit vector along the line there: (lon, lat, (dx, dy))."""
    import math

    import shapely

    from gazetteer.projection import BORDER_LCC

    forward, back = _transformers(BORDER_LCC)
    if line.geom_type == "MultiLineString":
        line = max(line.geoms, key=lambda part: part.length)
    projected = shapely.transform(line, lambda xy: _apply(forward, xy))
    step = min(projected.length * 0.1, 20_000.0)
    half = projected.length / 2
    a = projected.interpolate(max(half - step, 0))
    b = projected.interpolate(min(half + step, projected.length))
    dx, dy = b.x - a.x, b.y - a.y
    norm = math.hypot(dx, dy) or 1.0
    centre = projected.interpolate(half)
    lon, lat = back.transform(centre.x, centre.y)
    return lon, lat, (dx / norm, dy / norm)


def _km(a, b) -> float:
    from gazetteer.projection import haversine_km

    return haversine_km(a.y, a.x, b.y, b.x)


_TRANSFORMERS: dict[str, tuple] = {}


def _transformers(crs: str):
    if crs not in _TRANSFORMERS:
        from pyproj import Transformer

        _TRANSFORMERS[crs] = (Transformer.from_crs("EPSG:4326", crs, always_xy=True),
                              Transformer.from_crs(crs, "EPSG:4326", always_xy=True))
    return _TRANSFORMERS[crs]


def _apply(transformer, xy):
    import numpy as np

    x, y = transformer.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def _norm(forms) -> tuple[str, ...]:
    return tuple(dict.fromkeys(normal(f) for f in forms if f))


def _gaz(gaz):
    if gaz is None:
        from gazetteer import Gazetteer

        return Gazetteer.default()
    return gaz
