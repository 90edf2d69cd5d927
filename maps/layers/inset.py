"""An inset for the events outside the map's area (a corridor's band or a
box): a small overview of both countries with the area outlined and each
outside place as a dot; a click on a dot takes the main map there. They are
drawn in the main map too (with a dashed ring): off the corridor, not dropped."""

from __future__ import annotations

from html import escape

from maps.layers import ScriptLayer, feature
from maps.styles import style_of

COUNTRIES = ("geonames:6252001", "geonames:3996063")  # the US and Mexico
SIMPLIFY_DEG = 0.1
PLACE_GRID = 1  # decimals of a degree: outside events this close (about 10 km) share one dot
MOST_DOTS = 300  # the busiest places; the rest are counted in the title


class InsetLayer(ScriptLayer):
    script = "inset"
    css = "inset"

    def __init__(self, selection, area, gaz, *, name: str = "Inset: events outside", show: bool = True):
        super().__init__(name, show=show)
        places = outside_places(selection)
        self.payload_data = {"outline": [feature(gaz.geometry(c).simplify(SIMPLIFY_DEG)) for c in COUNTRIES],
                             "area": feature(area.simplify(0.01)), "places": places[:MOST_DOTS],
                             "more": max(len(places) - MOST_DOTS, 0)}

    def data(self):
        return self.payload_data


def outside_places(selection) -> list[list]:
    """[lat, lon, count, colour, label] per place with events outside the
    area, the busiest first; a place is its events' most named place and
    the 0.1° cell around it."""
    from collections import Counter, defaultdict

    import numpy as np

    frame = selection.frame
    names = frame["place_name"].to_numpy(dtype=object, na_value=None)
    types = frame["type"].to_numpy(dtype=object, na_value=None)
    groups: dict = defaultdict(list)
    for i in np.flatnonzero(selection.outside):
        key = (round(float(selection.lat[i]), PLACE_GRID), round(float(selection.lon[i]), PLACE_GRID))
        groups[key].append(i)
    places = []
    for rows in sorted(groups.values(), key=len, reverse=True):
        kinds = Counter(types[i] for i in rows)
        named = Counter(names[i] for i in rows if names[i])
        name = named.most_common(1)[0][0] if named else "unnamed place"
        lat, lon = float(np.mean(selection.lat[rows])), float(np.mean(selection.lon[rows]))
        listing = ", ".join(f"{style_of(k).label.lower()} {n}" for k, n in kinds.most_common())
        many = "s" if len(rows) != 1 else ""
        label = f"<b>{escape(str(name))}</b>: {len(rows)} event{many} ({escape(listing)})"
        places.append([round(lat, 4), round(lon, 4), len(rows), style_of(kinds.most_common(1)[0][0]).color,
                       label])
    return places
