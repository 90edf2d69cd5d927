"""The international boundary, derived where the Census states meet INEGI's.

The southern edges of California, Arizona, New Mexico and Texas (US Census
1:500k) and the northern edges of the six Mexican border states (INEGI) agree
to about ten metres along most of the line. The boundary is taken as the
part of the US states' outline that lies within ``MATCH_M`` of Mexico, cut
at its two known ends (the Pacific monument and the mouth of the Rio Grande)
and split where the states on either side change.
"""

from __future__ import annotations

from dataclasses import dataclass

import shapely
from shapely.geometry import LineString, Point
from shapely.ops import linemerge, substring

from .sources import MX_BORDER_INEGI, to_lcc

MATCH_M = 1500.0
GAP_M = 3000.0
SIMPLIFY_M = 50.0
# Ends of the line: the westernmost monument at the Pacific and the mouth of
# the Rio Grande at the Gulf of Mexico (lat, lon).
PACIFIC_END = (32.5343, -117.1240)
GULF_END = (25.9566, -97.1456)

US_ORDER = ("CA", "AZ", "NM", "TX")
MX_ORDER = ("Baja California", "Sonora", "Chihuahua", "Coahuila", "Nuevo León", "Tamaulipas")
MX_SHORT = {"Baja California": "bc", "Sonora": "son", "Chihuahua": "chih",
            "Coahuila": "coah", "Nuevo León": "nl", "Tamaulipas": "tamps"}
US_NAMES = {"CA": "California", "AZ": "Arizona", "NM": "New Mexico", "TX": "Texas"}


@dataclass(frozen=True)
class BorderSegment:
    """A stretch of the line between one US state and one Mexican state."""

    us_state: str  # USPS code
    mx_state: str  # full name
    line_lcc: LineString

    @property
    def id(self) -> str:
        return f"border:{self.us_state.lower()}-{MX_SHORT[self.mx_state]}"

    @property
    def name(self) -> str:
        return f"{US_NAMES[self.us_state]}–{self.mx_state} border"


def _join_parts(merged) -> LineString:
    """Chain the matched pieces west to east, bridging small gaps."""
    if merged.geom_type == "LineString":
        return merged
    parts = [p for p in merged.geoms if p.length > 0]
    # Orient every part west→east, then order by their western end.
    oriented = []
    for p in parts:
        coords = list(p.coords)
        if coords[0][0] > coords[-1][0]:
            coords.reverse()
        oriented.append(coords)
    oriented.sort(key=lambda c: c[0][0])
    chain = list(oriented[0])
    for coords in oriented[1:]:
        gap = Point(chain[-1]).distance(Point(coords[0]))
        if gap > GAP_M:
            raise ValueError(f"boundary has a gap of {gap:.0f} m near {coords[0]}")
        chain.extend(coords)
    return LineString(chain)


def derive_border(us_states, mx_states):
    """Return (line in LCC, [BorderSegment]) from state GeoDataFrames in WGS 84.

    ``us_states`` needs a ``STUSPS`` column; ``mx_states`` INEGI's ``CVE_ENT``.
    """
    import geopandas as gpd

    us = to_lcc(us_states[us_states.STUSPS.isin(US_ORDER)])
    mx = mx_states[mx_states.CVE_ENT.isin(list(MX_BORDER_INEGI))].copy()
    mx["NOMGEO"] = mx.CVE_ENT.map(MX_BORDER_INEGI)
    mx = to_lcc(mx)
    us_union = shapely.union_all(us.geometry.values)
    mx_union = shapely.union_all(mx.geometry.values)
    near = shapely.intersection(us_union.boundary, mx_union.buffer(MATCH_M))
    line = _join_parts(linemerge(near) if near.geom_type == "MultiLineString" else near)

    ends = gpd.GeoSeries(
        [Point(PACIFIC_END[1], PACIFIC_END[0]), Point(GULF_END[1], GULF_END[0])], crs=4326
    ).to_crs(us.crs)
    start, stop = sorted(line.project(p) for p in ends)
    line = substring(line, start, stop)
    if line.coords[0][0] > line.coords[-1][0]:  # west to east, Pacific first
        line = line.reverse()

    cuts = []
    for frame, column, order in ((us, "STUSPS", US_ORDER), (mx, "NOMGEO", MX_ORDER)):
        shapes = dict(zip(frame[column], frame.geometry))
        for west, east in zip(order, order[1:]):
            shared = shapely.intersection(shapes[west].boundary, shapes[east].boundary)
            if shared.is_empty:
                continue
            nearest = shapely.ops.nearest_points(shared, line)[1]
            cuts.append(line.project(nearest))
    cuts = sorted(c for c in cuts if 0 < c < line.length)

    us_shapes = dict(zip(us.STUSPS, us.geometry))
    mx_shapes = dict(zip(mx.NOMGEO, mx.geometry))
    segments: list[BorderSegment] = []
    for a, b in zip([0.0, *cuts], [*cuts, line.length]):
        if b - a < 1.0:
            continue
        piece = substring(line, a, b)
        middle = piece.interpolate(0.5, normalized=True)
        us_state = min(us_shapes, key=lambda k: us_shapes[k].distance(middle))
        mx_state = min(mx_shapes, key=lambda k: mx_shapes[k].distance(middle))
        if segments and (segments[-1].us_state, segments[-1].mx_state) == (us_state, mx_state):
            joined = linemerge([segments[-1].line_lcc, piece])
            segments[-1] = BorderSegment(us_state, mx_state, joined)
        else:
            segments.append(BorderSegment(us_state, mx_state, piece))
    line = line.simplify(SIMPLIFY_M, preserve_topology=False)
    segments = [
        BorderSegment(s.us_state, s.mx_state, s.line_lcc.simplify(SIMPLIFY_M, preserve_topology=False))
        for s in segments
    ]
    return line, segments
