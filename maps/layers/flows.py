"""Flow arrows across the line: northbound and southbound events of each
corridor (the chosen one, else every Border Patrol sector), one arrow a
direction, its width by the number of events.

A flow belongs to the corridor whose band holds it. A flow its article
placed far from the line (a capital, a whole country) or nowhere is drawn
across the corridor where that article's other events lie, when they lie
in exactly one: a flow is a crossing, and the article says where.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from maps.layers import VectorLayer, feature
from maps.styles import DIRECTION_COLORS, style_of

ARROW_BANDS = 1.5  # an arrow spans this many band widths across the line
SPACING = (0.25, 160.0)  # the arrows stand this share of the stretch apart, at most these km
# The shaft's half-width / band width: the busiest arrow of the map gets the most,
# the others by the square root of their share of it, none less than the least.
WIDTH_LEAST, WIDTH_MOST = 0.012, 0.07
HEAD_WIDTH = 0.09  # the head's half-width / band width
KM_PER_DEGREE = 100.0  # near 30°N, roughly, for spacing only
US_ID = "geonames:6252001"


@dataclass(slots=True)
class FlowUnit:
    name: str
    stretch: object  # the line the arrows cross
    band: object  # polygon: flows inside it are this unit's
    reach_km: float = 100.0  # the band's width on each side
    north: Counter = field(default_factory=Counter)  # event type → count
    south: Counter = field(default_factory=Counter)
    by_article: int = 0  # flows placed here through their article


def assign_flows(selection, units: list[FlowUnit], near_line=None) -> list[FlowUnit]:
    """Count the northbound and southbound events of ``selection`` per unit.
    ``near_line``: the polygon within reach of the line anywhere; a flow
    placed inside it but in no unit is another corridor's, never lent."""
    import numpy as np
    import shapely

    frame = selection.frame
    n = len(frame)
    home = np.full(n, -1)
    for u, unit in enumerate(units):
        free = selection.located & (home < 0)
        if free.any():
            hit = shapely.contains_xy(unit.band, selection.lon[free], selection.lat[free])
            home[np.flatnonzero(free)[hit]] = u
    docs = frame["doc_id"].to_numpy(dtype=object, na_value=None) if "doc_id" in frame else [None] * n
    doc_units: dict = {}
    for doc, u in zip(docs, home):
        if doc is not None and u >= 0:
            doc_units.setdefault(doc, set()).add(int(u))
    far = home < 0  # in no unit: unplaced, or placed away from every unit
    if near_line is not None:  # ... but not at the line elsewhere
        at_line = np.zeros(n, dtype=bool)
        located = selection.located
        at_line[located] = shapely.contains_xy(near_line, selection.lon[located], selection.lat[located])
        far &= ~at_line
    directions = frame["direction"].to_numpy(dtype=object, na_value=None)
    types = frame["type"].to_numpy(dtype=object, na_value=None)
    for i in range(n):
        if directions[i] not in ("northbound", "southbound"):
            continue
        u, moved = int(home[i]), False
        if u < 0 and far[i] and len(doc_units.get(docs[i], ())) == 1:
            u, moved = next(iter(doc_units[docs[i]])), True
        if u < 0:
            continue
        unit = units[u]
        (unit.north if directions[i] == "northbound" else unit.south)[types[i]] += 1
        unit.by_article += moved
    return units


def flows_layer(units: list[FlowUnit], gaz, *, show: bool = True) -> VectorLayer:
    features = []
    us = gaz.geometry(US_ID)
    busiest = max([sum(c.values()) for u in units for c in (u.north, u.south)] + [1])
    for unit in units:
        for direction, counts in (("northbound", unit.north), ("southbound", unit.south)):
            total = sum(counts.values())
            if total:
                features.extend(arrow(unit, direction, counts, us, busiest=busiest))
    return VectorLayer("Flows across the line", features, style={"opacity": 0.85, "fillOpacity": 0.85},
                       class_name="bm-flow", show=show)


def arrow(unit: FlowUnit, direction: str, counts: Counter, us, *, busiest: int = 1) -> list[dict]:
    """An arrow polygon crossing the unit's stretch near its middle, as wide
    as its count asks against the ``busiest`` arrow's (in km, so it scales
    with the map)."""
    import shapely

    from gazetteer.projection import BORDER_LCC
    from maps.corridors import _transformers, midpoint_frame

    forward, back = _transformers(BORDER_LCC)
    lon, lat, (tx, ty) = midpoint_frame(unit.stretch)
    x0, y0 = forward.transform(lon, lat)
    nx, ny = -ty, tx  # across the line; turned to point into the US
    probe = back.transform(x0 + nx * 10_000, y0 + ny * 10_000)
    if not us.contains(shapely.Point(*probe)):
        nx, ny = -nx, -ny
    sign = 1 if direction == "northbound" else -1
    dx, dy = nx * sign, ny * sign  # the way this arrow points
    total = sum(counts.values())
    reach = unit.reach_km * 1000.0
    share, most = SPACING
    head_width = reach * max(HEAD_WIDTH, WIDTH_MOST * 1.3)
    spacing = max(min(unit.stretch.length * KM_PER_DEGREE * share * 1000.0, most * 1000.0), 2.6 * head_width)
    cx, cy = x0 + tx * spacing / 2 * sign, y0 + ty * spacing / 2 * sign
    half = reach * ARROW_BANDS / 2
    width = reach * max(WIDTH_MOST * math.sqrt(min(total / max(busiest, total), 1.0)), WIDTH_LEAST)
    head_length = half * 0.45
    start, end = (cx - dx * half, cy - dy * half), (cx + dx * half, cy + dy * half)
    neck = (end[0] - dx * head_length, end[1] - dy * head_length)

    def side(point, offset):
        return point[0] + dy * offset, point[1] - dx * offset

    ring = [side(start, width), side(neck, width), side(neck, head_width), end, side(neck, -head_width),
            side(neck, -width), side(start, -width)]
    shape = shapely.Polygon([back.transform(x, y) for x, y in ring])
    shape = shape if shape.exterior.is_ccw else shape.reverse()
    color = DIRECTION_COLORS[direction]
    word = "north" if direction == "northbound" else "south"
    tail = shapely.Point(back.transform(*start))
    return [feature(shape, tip=flow_label(unit, direction, counts), direction=direction, count=total,
                    style={"color": "#ffffff", "weight": 1.5, "fillColor": color, "fillOpacity": 0.85}),
            feature(tail, tip=f"{total} {word}", tipPermanent=True, tipClass="bm-flow-label",
                    tipDirection="bottom" if direction == "northbound" else "top",
                    style={"radius": 0, "opacity": 0, "fillOpacity": 0})]


def flow_label(unit: FlowUnit, direction: str, counts: Counter) -> str:
    from html import escape

    total = sum(counts.values())
    kinds = ", ".join(f"{style_of(k).label.lower()} {n}" for k, n in counts.most_common())
    text = f"{direction.capitalize()} through {unit.name}: {total} event{'s' if total != 1 else ''} ({kinds})"
    return escape(text)
